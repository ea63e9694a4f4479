//! One SSH connection: authentication as [`Access`] decides, one session channel, and in it
//! only the viewer's dashboard. The shell request starts it; exec, subsystems (sftp), X11,
//! environment variables, port and agent forwarding are refused at once. Sizes are capped
//! before they reach the hub; input bytes become events here (see [`Keys`]), and a viewer
//! that types faster than the hub reads has its keys dropped, not queued without end.
//! Frames go out through [`super::writer::write_frames`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use russh::keys::ssh_key::PublicKey;
use russh::server::{Auth, Handle, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use tokio::sync::{mpsc, oneshot};

use super::access::Access;
use super::hub::{Note, ViewerId};
use super::input::Keys;
use super::seat::Outlet;
use super::writer::{Ends, write_frames};

/// How many frames may wait for one viewer before frames are dropped.
pub const FRAME_QUEUE: usize = 4;

/// How many notes of a viewer's input may wait for the hub before more keys are dropped.
const INPUT_QUEUE: usize = 64;

/// The largest terminal a viewer may claim, and the size without a pty request.
#[derive(Debug, Clone, Copy)]
pub struct SizeCap {
    pub columns: u16,
    pub rows: u16,
}

impl SizeCap {
    /// A claimed size, capped (and at least one cell).
    pub fn cap(self, columns: u32, rows: u32) -> (u16, u16) {
        let side = |claimed: u32, cap: u16| u16::try_from(claimed).unwrap_or(u16::MAX).clamp(1, cap);
        (side(columns, self.columns), side(rows, self.rows))
    }
}

/// What every connection shares.
#[derive(Clone)]
pub struct Shared {
    pub access: Arc<Access>,
    pub notes: Sender<Note>,
    pub cap: SizeCap,
    pub next_id: Arc<AtomicUsize>,
}

/// One connection's handler.
pub struct Connection {
    shared: Shared,
    id: ViewerId,
    channel: Option<ChannelId>,
    /// The connection's socket (a second descriptor of it), to cut a viewer that stopped
    /// reading: no write to it would ever end.
    line: Option<std::net::TcpStream>,
    size: (u16, u16),
    started: bool,
    keys: Keys,
    /// The viewer's input notes the hub has not taken yet.
    pending: Arc<AtomicUsize>,
    /// Set once authentication succeeded (the accept loop's timeout reads it).
    pub authenticated: Arc<AtomicBool>,
}

impl Connection {
    /// A connection's handler; `line` is its socket, to cut it off (see [`super::seat::Close::Cut`]).
    pub fn new(shared: Shared, line: Option<std::net::TcpStream>) -> Self {
        let id = shared.next_id.fetch_add(1, Ordering::Relaxed) as ViewerId;
        Self {
            shared,
            id,
            channel: None,
            line,
            size: (80, 24),
            started: false,
            keys: Keys::default(),
            pending: Arc::default(),
            authenticated: Arc::default(),
        }
    }

    fn refusal(&self) -> Auth {
        let mut methods = MethodSet::empty();
        if !self.shared.access.keys.is_empty() || self.shared.access.open {
            methods.push(MethodKind::PublicKey);
        }
        if self.shared.access.password.is_some() {
            methods.push(MethodKind::Password);
        }
        Auth::Reject { proceed_with_methods: Some(methods), partial_success: false }
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    /// The viewer's dashboard, in this channel: frames flow through a bounded queue to a task
    /// that writes them to the channel.
    fn start(&mut self, channel: ChannelId, handle: Handle) {
        self.started = true;
        let (frames, queue) = mpsc::channel(FRAME_QUEUE);
        let (close, closed) = oneshot::channel();
        let behind = Arc::new(AtomicBool::new(false));
        let outlet = Outlet { frames, close, behind: Arc::clone(&behind) };
        let ends = Ends { closed, line: self.line.take(), notes: self.shared.notes.clone(), id: self.id };
        tokio::spawn(write_frames(handle, channel, queue, behind, ends));
        let _ = self.shared.notes.send(Note::Join { id: self.id, size: self.size, outlet });
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if self.started {
            let _ = self.shared.notes.send(Note::Leave { id: self.id });
        }
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        Ok(if self.shared.access.allows_none() { Auth::Accept } else { self.refusal() })
    }

    async fn auth_password(&mut self, _user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(if self.shared.access.allows_password(password) { Auth::Accept } else { self.refusal() })
    }

    async fn auth_publickey_offered(&mut self, _user: &str, key: &PublicKey) -> Result<Auth, Self::Error> {
        Ok(if self.shared.access.allows_key(key) { Auth::Accept } else { self.refusal() })
    }

    async fn auth_publickey(&mut self, _user: &str, key: &PublicKey) -> Result<Auth, Self::Error> {
        Ok(if self.shared.access.allows_key(key) { Auth::Accept } else { self.refusal() })
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        self.authenticated.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One viewer per connection; a second channel is refused (the handle's drop refuses).
        if self.channel.is_none() {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.started {
            return session.channel_failure(channel);
        }
        self.size = self.shared.cap.cap(columns, rows);
        session.channel_success(channel)
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.started {
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        self.start(channel, session.handle());
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<bool, Self::Error> {
        // russh answers a refused agent request with a global failure, which a client waiting
        // on its channel never reads: the channel's own failure says it at once.
        session.channel_failure(channel)?;
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _path: &str, _session: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.size = self.shared.cap.cap(columns, rows);
            if self.started {
                let _ = self.shared.notes.send(Note::Resize { id: self.id, size: self.size });
            }
        }
        Ok(())
    }

    async fn data(&mut self, channel: ChannelId, data: &[u8], _session: &mut Session) -> Result<(), Self::Error> {
        if !self.ours(channel) || !self.started {
            return Ok(());
        }
        let events = self.keys.feed(data);
        if events.is_empty() || self.pending.load(Ordering::SeqCst) >= INPUT_QUEUE {
            return Ok(());
        }
        self.pending.fetch_add(1, Ordering::SeqCst);
        let _ = self.shared.notes.send(Note::Input { id: self.id, events, pending: Arc::clone(&self.pending) });
        Ok(())
    }

    async fn channel_eof(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        if self.ours(channel) {
            let _ = self.shared.notes.send(Note::Leave { id: self.id });
            session.close(channel)?;
        }
        Ok(())
    }

    async fn channel_close(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        if self.ours(channel) {
            let _ = self.shared.notes.send(Note::Leave { id: self.id });
        }
        Ok(())
    }
}
