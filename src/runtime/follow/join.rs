//! The follower's side: one thread that connects to the presenter's socket, reads where the
//! presentation stands and feeds it to the loop, and when the presenter goes, waits for the
//! next one. It waits in the kernel, never on a timer: the socket folder is watched, and a
//! socket appearing there (or its permissions being set) is the cue to try again.

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use ratatui::crossterm::event::KeyEvent;

use super::protocol::{Asked, GREETING, Lines, Told};
use crate::action::{Action, Context, action_for};
use crate::runtime::Message;

/// How long a follower's action may take to reach a presenter that does not read: it is
/// dropped after that, and the follower carries on.
const SEND_LIMIT: Duration = Duration::from_millis(200);

/// The follower's end: sends its clicker's actions to the presenter it is connected to.
pub struct Link {
    stream: Arc<Mutex<Option<UnixStream>>>,
    /// Digits typed before Enter (go to slide N), as on the presenter.
    typed: String,
}

/// What becomes of a key pressed on a follower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The follower's own business: quit, suspend.
    Local,
    /// Sent to the presenter, or ignored (a follower shows only what the presenter shows).
    Taken,
}

impl Link {
    /// Starts following the presentation served at `path`; `name` names the dataset in the
    /// messages shown while there is no presenter.
    pub fn start(path: PathBuf, name: String, sender: Sender<Message>) -> notify::Result<Self> {
        let folder = path.parent().map(PathBuf::from).unwrap_or_default();
        let (wake, woken) = mpsc::channel::<()>();
        let mut watcher = RecommendedWatcher::new(
            move |_: notify::Result<notify::Event>| {
                let _ = wake.send(());
            },
            notify::Config::default(),
        )?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        let slot: Arc<Mutex<Option<UnixStream>>> = Arc::default();
        let shared = Arc::clone(&slot);
        let mut waiting = format!("waiting for a presentation of {name}");
        // Until the presenter says where it stands (the channel keeps the order).
        let _ = sender.send(Message::Waiting(waiting.clone()));
        thread::spawn(move || {
            // The watcher lives as long as this thread.
            let _watcher = watcher;
            loop {
                // What woke us before this attempt is answered by it.
                while woken.try_recv().is_ok() {}
                if let Ok(stream) = UnixStream::connect(&path) {
                    let ended = follow(stream, &shared, &sender);
                    *shared.lock().unwrap_or_else(PoisonError::into_inner) = None;
                    match ended {
                        Ended::LoopGone => return,
                        // At once: the next presenter may be there already.
                        Ended::PresenterGone => {
                            waiting = format!("the presenter has gone; waiting for the next presentation of {name}");
                            continue;
                        }
                        // Not at once: a socket that answers nothing would keep us busy.
                        Ended::Unanswered => {}
                        Ended::OtherVersion => {
                            waiting = format!("the presenter speaks another version; waiting for a new one of {name}");
                        }
                    }
                }
                if sender.send(Message::Waiting(waiting.clone())).is_err() || woken.recv().is_err() {
                    return;
                }
            }
        });
        Ok(Self { stream: slot, typed: String::new() })
    }

    /// Routes a key pressed on the follower: the clicker's actions go to the presenter.
    pub fn route(&mut self, key: &KeyEvent) -> Route {
        let asked = match action_for(key, Context::Presentation) {
            Some(Action::Quit | Action::Suspend) => return Route::Local,
            Some(Action::SlideNext) => Asked::Next,
            Some(Action::SlidePrev) => Asked::Prev,
            Some(Action::SlideFirst) => Asked::First,
            Some(Action::SlideLast) => Asked::Last,
            Some(Action::Blank) => Asked::Blank,
            Some(Action::Restart) => Asked::Restart,
            Some(Action::Digit(digit)) => {
                if self.typed.len() < 6 {
                    self.typed.push(char::from(b'0' + digit.min(9)));
                }
                return Route::Taken;
            }
            Some(Action::SlideEnter) => match std::mem::take(&mut self.typed).parse::<usize>() {
                Ok(number) if number > 0 => Asked::Go(number - 1),
                _ => Asked::Next,
            },
            _ => return Route::Taken,
        };
        self.typed.clear();
        self.ask(asked);
        Route::Taken
    }

    /// Sends an action to the presenter, if one is connected; a presenter that does not take
    /// it within [`SEND_LIMIT`] loses it.
    pub fn ask(&self, asked: Asked) {
        let mut slot = self.stream.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(stream) = slot.as_mut()
            && stream.write_all(asked.line().as_bytes()).is_err()
        {
            *slot = None;
        }
    }
}

enum Ended {
    /// The presenter went after greeting us.
    PresenterGone,
    /// The socket took the connection but said nothing.
    Unanswered,
    OtherVersion,
    /// The loop no longer listens: the program is ending.
    LoopGone,
}

/// Follows one presenter until it goes.
fn follow(stream: UnixStream, slot: &Mutex<Option<UnixStream>>, sender: &Sender<Message>) -> Ended {
    let Ok(mut writer) = stream.try_clone() else { return Ended::Unanswered };
    let _ = writer.set_write_timeout(Some(SEND_LIMIT));
    if writer.write_all(format!("{GREETING}\n").as_bytes()).is_err() {
        return Ended::Unanswered;
    }
    let mut lines = Lines::new(stream);
    match lines.next_line() {
        Some(line) if line == GREETING => {}
        Some(_) => return Ended::OtherVersion,
        None => return Ended::Unanswered,
    }
    *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(writer);
    while let Some(line) = lines.next_line() {
        if let Some(told) = Told::parse(&line)
            && sender.send(Message::Told(told)).is_err()
        {
            return Ended::LoopGone;
        }
    }
    Ended::PresenterGone
}
