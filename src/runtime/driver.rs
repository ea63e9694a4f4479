//! The heart of the event loop, without the terminal: wait for the next event or deadline, apply
//! it and everything already waiting, and say whether to draw. The terminal loop and the watcher
//! tests run this same code.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};

use super::follow::join::{Link, Route};
use super::follow::protocol::{Asked, Told};
use crate::action::Context;
use crate::app::{App, Effects, End, Event, FileChange, Follow};
use crate::load::{LoadAsk, LoadOutcome};

/// What reaches the loop, from any thread.
#[derive(Debug)]
pub enum Message {
    Terminal(TermEvent),
    /// The terminal's input failed (it went away): time to leave.
    InputGone,
    Signal(i32),
    File(FileChange, Instant),
    /// The loader thread finished a load the app asked for.
    Loaded(Box<LoadOutcome>),
    /// A load panicked (a bug): the panic hook has restored the terminal, so the program ends.
    LoaderPanicked,
    /// A follower asks the presenter (this program) for a clicker's action.
    Asked(Asked),
    /// The presenter this follower follows says where the presentation stands.
    Told(Told),
    /// This follower has no presenter to follow; the text says why.
    Waiting(String),
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

/// Owns the app, the channel every event source sends to, and the loader thread that reads
/// the files the app asks for (so a slow or large read never holds up a key).
pub struct Driver {
    app: App,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    urgent: Urgent,
    loads: Sender<LoadAsk>,
    /// A follower's link to its presenter: the clicker's keys go there instead of to the app.
    link: Option<Link>,
}

impl Driver {
    pub fn new(app: App) -> Self {
        let (sender, receiver) = mpsc::channel();
        // Before the first frame, unlike the listening threads: started on the first reload
        // instead, the loader left the large data's peak over ten reloads at 73.2 MB in five
        // runs out of five, against 70.8-73.2 MB started here.
        let loads = spawn_loader(sender.clone());
        Self { app, sender, receiver, urgent: Urgent::default(), loads, link: None }
    }

    /// Makes this program a follower (`--follow`): the clicker's keys go to the presenter.
    pub fn follow_through(&mut self, link: Link) {
        self.link = Some(link);
    }

    /// The app, to draw it.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// A sender for an event source (input thread, signal thread, file watcher).
    pub fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// The flag for an exit that must not wait behind queued messages.
    pub fn urgent(&self) -> Urgent {
        self.urgent.clone()
    }

    /// Applies an event of the runtime's own (a resize after a resume, a reload, the watcher
    /// starting) and hands a load it asks for to the loader. The effects come back without it.
    pub fn update(&mut self, event: Event) -> Effects {
        let mut effects = self.app.update(event);
        if let Some(ask) = effects.load.take() {
            // The loader ends only after a panic, which has already told the loop to end.
            let _ = self.loads.send(ask);
        }
        effects
    }

    /// Waits for the next message or the app's next deadline (at most `max_wait`, forever when
    /// `None` and nothing is scheduled), applies it and every message already waiting, then lets
    /// due deadlines fire. A burst of events costs one step, so one frame. Loads are handed to
    /// the loader; the effects say whether to draw and whether (and how) to end.
    pub fn step(&mut self, max_wait: Option<Duration>) -> Effects {
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
                Err(RecvTimeoutError::Disconnected) => return Effects::end(End::Exit(0)),
            },
        };
        let mut effects = Effects::none();
        let mut next = first;
        while let Some(message) = next.take() {
            if let Some(code) = self.urgent.code() {
                return Effects::end(End::Exit(code));
            }
            effects = effects.and(self.handle(message));
            if effects.end.is_some_and(|end| end != End::Suspend) {
                return effects;
            }
            next = self.receiver.try_recv().ok();
        }
        // The presenter view shows the time of day: read here, not in the app.
        if self.app.view().presentation().wants_wall_clock() {
            let _ = self.app.update(super::wall_clock::now());
        }
        effects.and(self.update(Event::Tick(Instant::now())))
    }

    /// Applies one message.
    fn handle(&mut self, message: Message) -> Effects {
        let event = match message {
            Message::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
                if let Some(link) = &mut self.link
                    && link.route(&key) == Route::Taken
                {
                    return Effects::none();
                }
                Event::Key(key, Instant::now())
            }
            // A follower's mouse would move only its own screen.
            Message::Terminal(TermEvent::Mouse(_) | TermEvent::Paste(_)) if self.link.is_some() => {
                return Effects::none();
            }
            Message::Terminal(TermEvent::Resize(width, height)) => Event::Resize(width, height),
            Message::Terminal(TermEvent::Mouse(mouse)) => Event::Mouse(mouse),
            // A bracketed paste: one event, however long.
            Message::Terminal(TermEvent::Paste(text)) => Event::Paste(text),
            // Focus events change nothing on screen.
            Message::Terminal(_) => return Effects::none(),
            Message::File(change, at) => Event::FileChanged(change, at),
            Message::Loaded(outcome) => Event::Loaded(outcome),
            // Only while the slides show with nothing over them: the dashboard, the help and
            // the search are the presenter's own.
            // Not a clicker's action: `coopdash serve` says how many viewers follow.
            Message::Asked(Asked::Viewers(count)) => Event::Viewers(count),
            Message::Asked(asked) if self.app.view().context() == Context::Presentation => {
                super::follow::serve::event_for(asked, Instant::now())
            }
            Message::Asked(_) => return Effects::none(),
            Message::Told(Told::Place { slide, blank }) => {
                Event::Follow(Follow::Place { slide, blank, at: Instant::now() })
            }
            Message::Told(Told::Pause) => {
                Event::Follow(Follow::Waiting { text: "the presenter is on its dashboard".to_owned() })
            }
            Message::Waiting(text) => Event::Follow(Follow::Waiting { text }),
            // The status of a Rust panic.
            Message::LoaderPanicked => return Effects::end(End::Exit(101)),
            // The terminal is gone: leave as a hang-up would.
            Message::InputGone => return Effects::end(End::Exit(128 + 1)),
            // The shell's convention: 128 + the signal's number.
            Message::Signal(signal) => {
                return Effects::end(End::Exit(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))));
            }
        };
        let loaded = matches!(event, Event::Loaded(_));
        let effects = self.update(event);
        if loaded {
            // The data the load replaced was freed here, in this thread's arena.
            super::loader::give_back_freed_memory();
        }
        effects
    }
}

/// The loader, its outcomes to the driver's queue. A panic in a load must not leave the program
/// drawing on without a loader: the panic hook has given the terminal back, so the loop is told
/// to end.
fn spawn_loader(results: Sender<Message>) -> Sender<LoadAsk> {
    super::loader::spawn_loader(move |outcome| {
        let failed = outcome.is_none();
        let message = outcome.map_or(Message::LoaderPanicked, Message::Loaded);
        results.send(message).is_ok() && !failed
    })
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::layout::Rect;

    use super::*;
    use crate::app::Mode;
    use crate::load::{DatasetSource, LoadRequest};
    use crate::theme::Theme;

    fn driver() -> Driver {
        let request = LoadRequest { dataset: DatasetSource::Builtin, article_override: None };
        let first = LoadAsk::first(&request);
        let mut app = App::new(request, first, Theme::monochrome(), Rect::default());
        let _ = app.update(Event::Resize(100, 30));
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
        assert_eq!(driver.step(None).end, Some(End::Exit(129)));
        assert!(driver.app().view().search().is_none(), "a queued key was applied before the exit");
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
        assert!(driver.step(None).redraw);
        assert_eq!(driver.app().view().search().as_ref().map(|s| s.query.as_str()), Some("cross-border"));
    }

    #[test]
    fn a_followers_action_moves_only_the_slides_and_a_place_moves_a_follower() {
        let mut driver = driver();
        let sender = driver.sender();
        // On the dashboard, a follower's "next" is dropped (it would move a chart's selection).
        sender.send(Message::Asked(Asked::Next)).unwrap();
        let _ = driver.step(None);
        assert_eq!(driver.app().view().mode(), Mode::Dashboard);
        sender.send(typed('p')).unwrap();
        sender.send(Message::Asked(Asked::Next)).unwrap();
        sender.send(Message::Asked(Asked::Next)).unwrap();
        let _ = driver.step(None);
        assert_eq!(driver.app().view().presentation().slide, 2);
        // Over the help, it is dropped too.
        sender.send(typed('?')).unwrap();
        sender.send(Message::Asked(Asked::Go(5))).unwrap();
        let _ = driver.step(None);
        assert_eq!(driver.app().view().presentation().slide, 2);
        // A follower goes where it is told.
        sender.send(Message::Told(Told::Place { slide: 4, blank: true })).unwrap();
        let _ = driver.step(None);
        assert_eq!(driver.app().view().presentation().slide, 4);
        assert!(driver.app().view().presentation().blank);
        sender.send(Message::Told(Told::Pause)).unwrap();
        let _ = driver.step(None);
        assert_eq!(driver.app().view().following(), Some("the presenter is on its dashboard"));
    }
}
