//! The heart of the event loop, without the terminal: wait for the next event or deadline, apply
//! it and everything already waiting, and say whether to draw. The terminal loop and the watcher
//! tests run this same code.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};

use crate::app::{App, Effect, Event, FileChange};

/// What reaches the loop, from any thread.
#[derive(Debug)]
pub enum Message {
    Terminal(TermEvent),
    /// The terminal's input failed (it went away): time to leave.
    InputGone,
    Signal(i32),
    File(FileChange, Instant),
}

/// What the loop must do after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing changed on screen.
    Idle,
    Draw,
    Suspend,
    /// Leave with this exit status.
    Exit(u8),
}

/// An exit that jumps the queue: a signal or a hang-up raises it, and the driver checks it
/// before every message, so 100,000 keys still waiting are dropped rather than worked through.
/// The first exit status raised wins. The raiser also sends a message, to wake a driver that
/// waits for one.
#[derive(Debug, Clone, Default)]
pub struct Urgent(Arc<AtomicU8>);

impl Urgent {
    /// Asks for an exit with `code` (not 0: 0 means none asked).
    pub fn raise(&self, code: u8) {
        let _ = self.0.compare_exchange(0, code.max(1), Ordering::SeqCst, Ordering::SeqCst);
    }

    /// The exit status asked for, if any.
    pub fn code(&self) -> Option<u8> {
        Some(self.0.load(Ordering::SeqCst)).filter(|&code| code != 0)
    }
}

/// Owns the app and the channel every event source sends to.
pub struct Driver {
    pub app: App,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    urgent: Urgent,
}

impl Driver {
    pub fn new(app: App) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self { app, sender, receiver, urgent: Urgent::default() }
    }

    /// A sender for an event source (input thread, signal thread, file watcher).
    pub fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// The flag for an exit that must not wait behind queued messages.
    pub fn urgent(&self) -> Urgent {
        self.urgent.clone()
    }

    /// Waits for the next message or the app's next deadline (at most `max_wait`, forever when
    /// `None` and nothing is scheduled), applies it and every message already waiting, then lets
    /// due deadlines fire. A burst of events costs one step, so one frame.
    pub fn step(&mut self, max_wait: Option<Duration>) -> Step {
        let now = Instant::now();
        let until_deadline = self.app.next_deadline().map(|due| due.saturating_duration_since(now));
        let wait = match (until_deadline, max_wait) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let first = match wait {
            None => self.receiver.recv().ok(),
            Some(wait) => match self.receiver.recv_timeout(wait) {
                Ok(message) => Some(message),
                Err(RecvTimeoutError::Timeout) => None,
                // Every sender is gone; the driver itself holds one, so this cannot happen.
                Err(RecvTimeoutError::Disconnected) => return Step::Exit(0),
            },
        };
        let mut effect = Effect::None;
        let mut next = first;
        while let Some(message) = next.take() {
            if let Some(code) = self.urgent.code() {
                return Step::Exit(code);
            }
            match self.handle(message) {
                Ok(e) => effect = strongest(effect, e),
                Err(code) => return Step::Exit(code),
            }
            if effect == Effect::Quit {
                return Step::Exit(0);
            }
            next = self.receiver.try_recv().ok();
        }
        effect = strongest(effect, self.app.update(Event::Tick(Instant::now())));
        match effect {
            Effect::None => Step::Idle,
            Effect::Redraw => Step::Draw,
            Effect::Suspend => Step::Suspend,
            Effect::Quit => Step::Exit(0),
        }
    }

    /// Applies one message; `Err` carries the exit status of a message that ends the program.
    fn handle(&mut self, message: Message) -> Result<Effect, u8> {
        Ok(match message {
            Message::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
                self.app.update(Event::Key(key))
            }
            Message::Terminal(TermEvent::Resize(width, height)) => self.app.update(Event::Resize(width, height)),
            Message::Terminal(TermEvent::Mouse(mouse)) => self.app.update(Event::Mouse(mouse)),
            // A bracketed paste: one event, however long.
            Message::Terminal(TermEvent::Paste(text)) => self.app.update(Event::Paste(text)),
            // Focus events change nothing on screen.
            Message::Terminal(_) => Effect::None,
            Message::File(change, at) => self.app.update(Event::FileChanged(change, at)),
            // The terminal is gone: leave as a hang-up would.
            Message::InputGone => return Err(128 + 1),
            // The shell's convention: 128 + the signal's number.
            Message::Signal(signal) => return Err(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))),
        })
    }
}

/// Of two effects pending in one batch, the one that must win.
fn strongest(a: Effect, b: Effect) -> Effect {
    let rank = |e: Effect| match e {
        Effect::None => 0,
        Effect::Redraw => 1,
        Effect::Suspend => 2,
        Effect::Quit => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::layout::Rect;

    use super::*;
    use crate::load::{DatasetSource, LoadRequest, load};
    use crate::theme::Theme;

    fn driver() -> Driver {
        let request = LoadRequest { dataset: DatasetSource::Builtin, article_override: None };
        let first = load(&request);
        let mut app = App::new(request, first, Theme::monochrome(), Rect::default());
        app.update(Event::Resize(100, 30));
        Driver::new(app)
    }

    fn typed(c: char) -> Message {
        Message::Terminal(TermEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
    }

    #[test]
    fn an_urgent_exit_jumps_every_queued_key() {
        // A hang-up or a signal while 100,000 keys wait: the exit comes before the first of
        // them, not after all of them.
        let mut driver = driver();
        let sender = driver.sender();
        sender.send(typed('/')).unwrap();
        for _ in 0..100_000 {
            sender.send(typed('a')).unwrap();
        }
        driver.urgent().raise(128 + 1);
        sender.send(Message::Signal(1)).unwrap();
        assert_eq!(driver.step(None), Step::Exit(129));
        assert!(driver.app.search.is_none(), "a queued key was applied before the exit");
    }

    #[test]
    fn the_first_urgent_exit_status_wins() {
        let urgent = Urgent::default();
        assert_eq!(urgent.code(), None);
        urgent.raise(129);
        urgent.raise(143);
        assert_eq!(urgent.code(), Some(129));
    }

    #[test]
    fn a_paste_reaches_the_app_as_one_event() {
        let mut driver = driver();
        let sender = driver.sender();
        sender.send(typed('/')).unwrap();
        sender.send(Message::Terminal(TermEvent::Paste("cross-border".to_owned()))).unwrap();
        assert_eq!(driver.step(None), Step::Draw);
        assert_eq!(driver.app.search.as_ref().map(|s| s.query.as_str()), Some("cross-border"));
    }

    #[test]
    fn quit_outranks_everything_in_a_batch() {
        assert_eq!(strongest(Effect::Redraw, Effect::Quit), Effect::Quit);
        assert_eq!(strongest(Effect::Quit, Effect::Redraw), Effect::Quit);
        assert_eq!(strongest(Effect::None, Effect::Redraw), Effect::Redraw);
        assert_eq!(strongest(Effect::Suspend, Effect::Redraw), Effect::Suspend);
    }
}
