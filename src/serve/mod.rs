//! `coopdash serve`: the dashboard over SSH (the `serve` cargo feature), built on russh.
//!
//! Each connection is a [`session::Connection`] on a tokio runtime; every viewer is a
//! [`seat::Seat`] in the [`hub`], one thread that owns the shared content and draws each
//! viewer's view into its own bounded queue. Who may connect is [`access`]; how many is
//! [`gate`]; the host key is [`host_key`]; input bytes are parsed by [`input`]; frames go out
//! through [`writer`].

pub mod access;
pub mod cli;
pub mod gate;
pub mod host_key;
pub mod hub;
pub mod input;
pub mod screen;
pub mod seat;
pub mod session;
pub mod writer;

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::server::{Config, run_stream};
use tokio::net::TcpListener;

use self::access::Access;
use self::gate::Gate;
use self::hub::{HubOptions, Note};
use self::session::{Connection, Shared, SizeCap};
use crate::load::LoadRequest;
use crate::runtime::WatchMode;

/// Everything a server needs, decided before it starts.
pub struct Settings {
    pub request: LoadRequest,
    pub listen: SocketAddr,
    pub access: Access,
    pub host_key: PrivateKey,
    pub limits: Limits,
    pub hub: HubOptions,
}

/// The server's limits (see `coopdash serve --help` for the defaults).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_viewers: usize,
    pub max_per_address: usize,
    pub auth_timeout: Duration,
    pub idle_timeout: Duration,
    pub cap: SizeCap,
}

/// A server that runs until dropped.
pub struct Running {
    /// Where it listens (with the port the system chose, for port 0).
    pub address: SocketAddr,
    notes: Sender<Note>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Running {
    /// How many viewers are connected now.
    pub fn viewers(&self) -> usize {
        let (reply, answer) = std::sync::mpsc::channel();
        let _ = self.notes.send(Note::Count(reply));
        answer.recv().unwrap_or(0)
    }

    /// How many viewers are behind now (frames dropped because they stopped reading).
    pub fn stalled(&self) -> usize {
        let (reply, answer) = std::sync::mpsc::channel();
        let _ = self.notes.send(Note::Stalled(reply));
        answer.recv().unwrap_or(0)
    }

    /// Blocks until the process ends.
    pub fn wait(mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.block_on(std::future::pending::<()>());
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.notes.send(Note::Stop);
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Starts the hub and listens; returns once the port is bound.
pub fn start(settings: Settings) -> io::Result<Running> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    // Bound here, so a port in use is an error of `start`, not of a task.
    let bound = std::net::TcpListener::bind(settings.listen)?;
    bound.set_nonblocking(true)?;
    let address = bound.local_addr()?;
    let listener = {
        let _inside = runtime.enter();
        TcpListener::from_std(bound)?
    };
    let notes = hub::start(settings.request, settings.hub);
    let config = Arc::new(Config {
        keys: vec![settings.host_key],
        // Offered methods: the `none` probe always comes first; each answer lists what is left.
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        inactivity_timeout: Some(settings.limits.idle_timeout),
        max_auth_attempts: 6,
        nodelay: true,
        // A viewer sends keys, not files: a small window bounds what a client may push at us.
        window_size: 64 * 1024,
        ..Config::default()
    });
    let shared = Shared {
        access: Arc::new(settings.access),
        notes: notes.clone(),
        cap: settings.limits.cap,
        next_id: Arc::default(),
    };
    let gate = Gate::new(settings.limits.max_viewers, settings.limits.max_per_address);
    runtime.spawn(accept(listener, config, shared, gate, settings.limits));
    Ok(Running { address, notes, runtime: Some(runtime) })
}

/// Takes connections as the gate allows; each gets `auth_timeout` to authenticate.
async fn accept(listener: TcpListener, config: Arc<Config>, shared: Shared, gate: Gate, limits: Limits) {
    loop {
        let Ok((socket, peer)) = listener.accept().await else {
            // Too many open files, say: wait a moment rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let Some(ticket) = gate.admit(peer.ip()) else {
            drop(socket);
            continue;
        };
        let (config, shared) = (Arc::clone(&config), shared.clone());
        // A second descriptor of the socket, to cut off a viewer that stopped reading.
        let line = std::os::fd::AsFd::as_fd(&socket).try_clone_to_owned().ok().map(std::net::TcpStream::from);
        tokio::spawn(async move {
            let _ticket = ticket;
            let connection = Connection::new(shared, line);
            let authenticated: Arc<AtomicBool> = Arc::clone(&connection.authenticated);
            let started = tokio::time::timeout(limits.auth_timeout, run_stream(config, socket, connection)).await;
            let Ok(Ok(session)) = started else { return };
            let handle = session.handle();
            let deadline = async {
                tokio::time::sleep(limits.auth_timeout).await;
                if authenticated.load(Ordering::SeqCst) {
                    std::future::pending::<()>().await;
                }
            };
            tokio::select! {
                _ = session => {}
                () = deadline => {
                    let reason = "authentication took too long".to_owned();
                    let _ = handle.disconnect(russh::Disconnect::ByApplication, reason, String::new()).await;
                }
            }
        });
    }
}

/// `coopdash serve ARGS…` (the arguments after `serve`): prints where it listens and the host
/// key's fingerprint, then serves until killed. Returns the exit status.
pub fn main(args: impl IntoIterator<Item = std::ffi::OsString>) -> color_eyre::Result<u8> {
    use clap::Parser;
    let cli = cli::ServeCli::parse_from(std::iter::once("coopdash serve".into()).chain(args));
    let access =
        match Access::choose(cli.listen, cli.authorized_keys.as_deref(), cli.password_file.as_deref(), cli.public) {
            Ok(access) => access,
            Err(error) => {
                say(&format!("coopdash serve: {error}"));
                return Ok(2);
            }
        };
    let Some(key_path) = cli.host_key.clone().or_else(host_key::default_path) else {
        say("coopdash serve: no data folder for the host key; give one with --host-key FILE");
        return Ok(2);
    };
    let (host_key, made) = host_key::load_or_create(&key_path)?;
    let (request, _fell_back) = LoadRequest::resolve(cli.file.clone(), cli.article.clone());
    let settings = Settings {
        request,
        listen: cli.listen,
        access,
        limits: Limits {
            max_viewers: cli.max_viewers,
            max_per_address: cli.max_per_address,
            auth_timeout: cli.auth_timeout,
            idle_timeout: cli.idle_timeout,
            cap: SizeCap { columns: cli.max_size.columns, rows: cli.max_size.rows },
        },
        hub: HubOptions {
            theme: cli.theme,
            watch: (!cli.no_watch).then_some(WatchMode::Native),
            follow: !cli.no_follow,
            stall_timeout: cli.stall_timeout,
        },
        host_key: host_key.clone(),
    };
    let running = start(settings)?;
    let kept = if made { "made now, kept in" } else { "kept in" };
    println!(
        "coopdash serve: listening on {} (ssh -p {} {})",
        running.address,
        running.address.port(),
        host_of(running.address)
    );
    println!("host key {} ({kept} {})", host_key::fingerprint(&host_key), display(&key_path));
    running.wait();
    Ok(0)
}

/// A line on standard error, dropped if nobody can read it (as the dashboard's `say`).
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{line}");
}

fn host_of(address: SocketAddr) -> String {
    if address.ip().is_loopback() { "localhost".to_owned() } else { address.ip().to_string() }
}

fn display(path: &std::path::Path) -> String {
    PathBuf::from(path).display().to_string()
}
