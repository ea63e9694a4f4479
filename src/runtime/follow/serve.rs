//! The presenter's side: a listener thread on the follow socket, one reader and one writer
//! thread per follower, all blocked in the kernel while nothing happens (no polling, no timer).
//!
//! A follower never holds the presenter up: the loop hands each follower's writer a line
//! through a bounded queue and never waits; a follower whose queue is full (it stopped
//! reading) is dropped, its socket shut down under its writer. Readers take lines of at most
//! [`MAX_LINE`] bytes and skip lines they do not know.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::protocol::{Asked, GREETING, Lines, MAX_LINE, Told};
use crate::app::{App, Event, Level, Mode, Notice};
use crate::load::DatasetSource;
use crate::runtime::Message;

/// How many lines may wait for one follower before it counts as gone: a follower that reads
/// falls behind by one or two at most.
const QUEUE: usize = 32;

/// Serves the place of the presentation to its followers, once presentation mode first
/// starts; sends the followers' actions to the loop as [`Message::Asked`].
pub struct Publisher {
    source: DatasetSource,
    server: Option<Server>,
    tried: bool,
    told: Option<Told>,
    sender: Sender<Message>,
}

impl Publisher {
    /// A publisher for presentations of `source` (its socket is made when the slides start).
    pub fn new(source: DatasetSource, sender: Sender<Message>) -> Self {
        Self { source, server: None, tried: false, told: None, sender }
    }

    /// After each step of the loop: claims the socket when the slides first start, and tells
    /// the followers where the presentation stands if that changed. Returns a message for the
    /// status line when the socket cannot be had.
    pub fn after_step(&mut self, app: &App) -> Option<Event> {
        let presenting = app.view().mode() == Mode::Presentation;
        if presenting && !self.tried {
            self.tried = true;
            let started = super::socket_path(&self.source).and_then(|path| Server::start(path, self.sender.clone()));
            match started {
                Ok(server) => self.server = Some(server),
                Err(error) => return Some(cannot_serve(&error)),
            }
        }
        let server = self.server.as_ref()?;
        let p = app.view().presentation();
        let told = if presenting { Told::Place { slide: p.slide, blank: p.blank } } else { Told::Pause };
        if self.told != Some(told) {
            self.told = Some(told);
            server.publish(told);
        }
        None
    }
}

fn cannot_serve(error: &io::Error) -> Event {
    let text = if error.kind() == io::ErrorKind::AddrInUse {
        "another coopdash already presents this dataset to its followers".to_owned()
    } else {
        format!("no second screen can follow: {error}")
    };
    Event::Notice(Notice { text, level: Level::Warning })
}

/// What a follower's action does on the presenter: the key of the clicker's own table (so the
/// presenter's rules apply alike to both), or a jump to a slide.
pub fn event_for(asked: Asked, at: Instant) -> Event {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE), at);
    match asked {
        Asked::Next => key(KeyCode::Right),
        Asked::Prev => key(KeyCode::Left),
        Asked::First => key(KeyCode::Home),
        Asked::Last => key(KeyCode::End),
        Asked::Blank => key(KeyCode::Char('b')),
        Asked::Restart => key(KeyCode::F(5)),
        Asked::Go(slide) => Event::GoToSlide { slide, at },
        Asked::Viewers(count) => Event::Viewers(count),
    }
}

/// The followers connected now, and the last line told (what a newcomer is told first).
#[derive(Default)]
struct Followers {
    last: Option<Arc<str>>,
    list: Vec<Follower>,
}

struct Follower {
    queue: SyncSender<Arc<str>>,
    /// To shut the socket down under a writer blocked on a follower that stopped reading.
    stream: UnixStream,
}

/// The listening socket, removed when the server goes (unless another has replaced it).
pub struct Server {
    path: PathBuf,
    /// The socket file's device and inode, to know it is still ours.
    file: (u64, u64),
    followers: Arc<Mutex<Followers>>,
}

impl Server {
    /// Listens at `path`: a socket file no one listens on any more is replaced; one that
    /// answers belongs to a live presenter, and is left alone (`AddrInUse`).
    pub fn start(path: PathBuf, sender: Sender<Message>) -> io::Result<Self> {
        if fs::symlink_metadata(&path).is_ok() {
            if UnixStream::connect(&path).is_ok() {
                return Err(io::Error::from(io::ErrorKind::AddrInUse));
            }
            fs::remove_file(&path)?;
        }
        let listener = UnixListener::bind(&path)?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
        let meta = fs::symlink_metadata(&path)?;
        let followers: Arc<Mutex<Followers>> = Arc::default();
        let registry = Arc::clone(&followers);
        thread::spawn(move || {
            for stream in listener.incoming() {
                match stream {
                    Ok(stream) => welcome(stream, &registry, &sender),
                    // A follower that left before it was accepted, or too many open files.
                    Err(_) => continue,
                }
            }
        });
        Ok(Self { path, file: (meta.dev(), meta.ino()), followers })
    }

    /// Tells every follower; drops those that fell too far behind or left.
    pub fn publish(&self, told: Told) {
        let line: Arc<str> = told.line().into();
        let mut followers = self.followers.lock().unwrap_or_else(PoisonError::into_inner);
        followers.last = Some(Arc::clone(&line));
        followers.list.retain(|follower| match follower.queue.try_send(Arc::clone(&line)) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                let _ = follower.stream.shutdown(std::net::Shutdown::Both);
                false
            }
        });
    }

    /// How many followers are connected.
    pub fn followers(&self) -> usize {
        self.followers.lock().unwrap_or_else(PoisonError::into_inner).list.len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let ours = fs::symlink_metadata(&self.path).is_ok_and(|meta| (meta.dev(), meta.ino()) == self.file);
        if ours {
            let _ = fs::remove_file(&self.path);
        }
        let followers = self.followers.lock().unwrap_or_else(PoisonError::into_inner);
        for follower in &followers.list {
            let _ = follower.stream.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// Takes in a new follower: a writer thread fed by its queue (the greeting, then the current
/// place), and a reader thread that turns its lines into messages for the loop.
fn welcome(stream: UnixStream, registry: &Mutex<Followers>, sender: &Sender<Message>) {
    let (Ok(mut writing), Ok(control)) = (stream.try_clone(), stream.try_clone()) else { return };
    let (queue, lines) = mpsc::sync_channel::<Arc<str>>(QUEUE);
    thread::spawn(move || {
        let mut write = |line: &str| writing.write_all(line.as_bytes());
        if write(&format!("{GREETING}\n")).is_err() {
            return;
        }
        while let Ok(line) = lines.recv() {
            if write(&line).is_err() {
                break;
            }
        }
        let _ = writing.shutdown(std::net::Shutdown::Both);
    });
    {
        let mut followers = registry.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(last) = &followers.last {
            let _ = queue.try_send(Arc::clone(last));
        }
        followers.list.push(Follower { queue, stream: control });
    }
    let sender = sender.clone();
    thread::spawn(move || {
        let mut lines = Lines::new(stream);
        // Another program, or another version: nothing it says is understood.
        if lines.next_line().as_deref() != Some(GREETING) {
            let _ = lines.into_inner().shutdown(std::net::Shutdown::Both);
            return;
        }
        while let Some(line) = lines.next_line() {
            debug_assert!(line.len() < MAX_LINE);
            if let Some(asked) = Asked::parse(&line)
                && sender.send(Message::Asked(asked)).is_err()
            {
                return;
            }
        }
        let _ = lines.into_inner().shutdown(std::net::Shutdown::Both);
    });
}
