//! An in-process SSH viewer for the serve tests: a russh client whose channel's bytes feed a
//! vt100 screen, and waits on what that screen shows (never a fixed sleep).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use russh::client::{self, Handle, Msg};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{Channel, ChannelMsg};

/// How long a wait may take before the test fails (a loaded CI machine, a debug build).
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Trusts any host key, and remembers the one it saw.
pub struct Client {
    pub seen: Arc<std::sync::Mutex<Option<String>>>,
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, key: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        if let PublicKeyOrCertificate::PublicKey { key, .. } = key {
            *self.seen.lock().unwrap() = Some(key.fingerprint(russh::keys::HashAlg::Sha256).to_string());
        }
        Ok(true)
    }
}

/// How a test viewer authenticates.
pub enum Login<'a> {
    None,
    Password(&'a str),
    Key(&'a PrivateKey),
}

/// A connection, authenticated or not.
pub async fn connect(address: SocketAddr, login: Login<'_>) -> (Handle<Client>, bool, Option<String>) {
    connect_with(address, login, client::Config::default()).await
}

/// A client that takes little before it must read: a window of 8 KiB and room for one message
/// not yet read. Once it stops reading its channel, the server soon has nowhere to write.
pub fn stingy() -> client::Config {
    client::Config { window_size: 8 * 1024, channel_buffer_size: 1, ..client::Config::default() }
}

/// [`connect`] with a client configuration of the test's.
pub async fn connect_with(
    address: SocketAddr,
    login: Login<'_>,
    config: client::Config,
) -> (Handle<Client>, bool, Option<String>) {
    let config = Arc::new(client::Config { inactivity_timeout: Some(PATIENCE), ..config });
    let seen = Arc::new(std::sync::Mutex::new(None));
    let mut handle = client::connect(config, address, Client { seen: Arc::clone(&seen) }).await.expect("connect");
    let ok = match login {
        Login::None => handle.authenticate_none("viewer").await.expect("auth").success(),
        Login::Password(password) => handle.authenticate_password("viewer", password).await.expect("auth").success(),
        Login::Key(key) => {
            let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
            handle.authenticate_publickey("viewer", key).await.expect("auth").success()
        }
    };
    let fingerprint = seen.lock().unwrap().clone();
    (handle, ok, fingerprint)
}

/// A viewer on the dashboard: its channel and what its terminal shows.
pub struct Viewer {
    /// Kept: the connection lasts as long as its handle.
    #[allow(dead_code)]
    pub handle: Handle<Client>,
    pub channel: Channel<Msg>,
    pub screen: vt100::Parser,
    /// The channel ended (the server closed it).
    pub closed: bool,
}

impl Viewer {
    /// Connects with the `none` method, asks for a pty of `columns` × `rows` and a shell.
    pub async fn open(address: SocketAddr, columns: u16, rows: u16) -> Self {
        let (handle, ok, _) = connect(address, Login::None).await;
        assert!(ok, "the none method is refused");
        Self::on(handle, columns, rows).await
    }

    /// [`Viewer::open`] with a client configuration of the test's (see [`stingy`]).
    pub async fn open_with(address: SocketAddr, columns: u16, rows: u16, config: client::Config) -> Self {
        let (handle, ok, _) = connect_with(address, Login::None, config).await;
        assert!(ok, "the none method is refused");
        Self::on(handle, columns, rows).await
    }

    /// The dashboard on an authenticated connection.
    pub async fn on(handle: Handle<Client>, columns: u16, rows: u16) -> Self {
        let channel = handle.channel_open_session().await.expect("session channel");
        channel.request_pty(true, "xterm-256color", u32::from(columns), u32::from(rows), 0, 0, &[]).await.unwrap();
        channel.request_shell(true).await.unwrap();
        Self { handle, channel, screen: vt100::Parser::new(rows, columns, 0), closed: false }
    }

    /// The screen's text, row by row.
    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen satisfies `what`; fails the test after [`PATIENCE`].
    pub async fn until(&mut self, why: &str, what: impl Fn(&str) -> bool) {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while !what(&self.text()) {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::Close | ChannelMsg::Eof) | None) => {
                    self.closed = true;
                    assert!(what(&self.text()), "{why}: the channel closed first; the screen:\n{}", self.text());
                    return;
                }
                Ok(Some(_)) => {}
                Err(_) => panic!("{why}: not seen within {PATIENCE:?}; the screen:\n{}", self.text()),
            }
        }
    }

    /// Reads until the server closes the channel.
    pub async fn until_closed(&mut self) {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while !self.closed {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::Close | ChannelMsg::Eof) | None) => self.closed = true,
                Ok(Some(_)) => {}
                Err(_) => panic!("the server did not close the channel; the screen:\n{}", self.text()),
            }
        }
    }

    pub async fn type_bytes(&self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }

    pub async fn resize(&mut self, columns: u16, rows: u16) {
        self.screen.screen_mut().set_size(rows, columns);
        self.channel.window_change(u32::from(columns), u32::from(rows), 0, 0).await.unwrap();
    }
}
