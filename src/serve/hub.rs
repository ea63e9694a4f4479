//! The hub: one thread that owns the shared [`Content`] and every viewer's [`Seat`]. Every
//! source sends it a [`Note`] (a viewer joining, its keys, its size, its leaving; the file
//! watcher; the loader; the presenter's place through the follow socket) and it blocks on them:
//! no tick. After each batch it lets deadlines fire and draws the viewers whose screen changed,
//! each into its own bounded queue, so a slow viewer never holds the others up.
//!
//! One content, one file watcher, one loader: a save is read once and its news reaches every
//! view, each keeping its own place.

use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};

use super::seat::{Outcome, Outlet, Seat};
use crate::app::{Content, Effects, Event, FileChange, News};
use crate::load::{LoadAsk, LoadOutcome, LoadRequest};
use crate::runtime::follow::protocol::{Asked, Told};
use crate::runtime::{FileWatcher, Message, WatchMode};
use crate::theme::ThemeName;

/// A viewer's number, for as long as its connection lasts.
pub type ViewerId = u64;

/// What reaches the hub.
pub enum Note {
    Join {
        id: ViewerId,
        size: (u16, u16),
        outlet: Outlet,
    },
    /// A viewer's keys; `pending` counts the viewer's input notes not taken yet.
    Input {
        id: ViewerId,
        events: Vec<TermEvent>,
        pending: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    },
    Resize {
        id: ViewerId,
        size: (u16, u16),
    },
    Leave {
        id: ViewerId,
    },
    /// A viewer's writer emptied its queue after frames were dropped.
    CaughtUp {
        id: ViewerId,
    },
    File(FileChange, Instant),
    Loaded(Box<LoadOutcome>),
    /// The presenter's follow socket: where the presentation stands.
    Told(Told),
    /// No presenter for now.
    Waiting,
    /// Asks how many viewers are connected (tests, the load harness).
    Count(Sender<usize>),
    /// Asks how many viewers are behind: frames dropped, not caught up yet (tests).
    Stalled(Sender<usize>),
    Stop,
}

/// How the hub runs.
#[derive(Debug, Clone)]
pub struct HubOptions {
    pub theme: ThemeName,
    pub watch: Option<WatchMode>,
    /// Follow a presentation of the same dataset on this machine.
    pub follow: bool,
    /// A viewer whose frames have been dropped for this long is disconnected
    /// (`--stall-timeout`).
    pub stall_timeout: Duration,
}

/// Starts the hub on its own thread; returns the sender every source uses.
pub fn start(request: LoadRequest, options: HubOptions) -> Sender<Note> {
    let (notes, inbox) = mpsc::channel();
    let sender = notes.clone();
    thread::spawn(move || Hub::new(request, options, sender, inbox).run());
    notes
}

struct Hub {
    content: Content,
    seats: HashMap<ViewerId, Seat>,
    inbox: Receiver<Note>,
    loads: Sender<LoadAsk>,
    options: HubOptions,
    watcher: Option<FileWatcher>,
    link: Option<crate::runtime::follow::join::Link>,
    /// Where the presenter stands, while one is connected.
    place: Option<Told>,
    /// The viewer count last told to the presenter.
    told_count: Option<usize>,
}

impl Hub {
    fn new(request: LoadRequest, options: HubOptions, notes: Sender<Note>, inbox: Receiver<Note>) -> Self {
        let first = LoadAsk::first(&request);
        let (mut content, _news) = Content::new(request.clone(), first);
        let loads = spawn_loader(notes.clone());
        let watcher = options.watch.and_then(|mode| {
            let sender = notes.clone();
            let mut watcher = FileWatcher::start(mode, move |change, at| {
                let _ = sender.send(Note::File(change, at));
            })
            .ok()?;
            let _ = content.update(Event::Watching { quiet: watcher.quiet_period() });
            let _ = watcher.follow(&content.watch_paths());
            Some(watcher)
        });
        let link = if options.follow { start_link(&request, notes) } else { None };
        Self { content, seats: HashMap::new(), inbox, loads, options, watcher, link, place: None, told_count: None }
    }

    fn run(mut self) {
        loop {
            let wait = self.next_deadline().map(|due| due.saturating_duration_since(Instant::now()));
            let first = match wait {
                None => self.inbox.recv().ok(),
                Some(wait) => match self.inbox.recv_timeout(wait) {
                    Ok(note) => Some(note),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return,
                },
            };
            let mut next = first;
            while let Some(note) = next.take() {
                if matches!(note, Note::Stop) {
                    self.seats.values_mut().for_each(Seat::close);
                    return;
                }
                self.handle(note);
                next = self.inbox.try_recv().ok();
            }
            self.tick(Instant::now());
            self.draw();
            self.tell_count();
            if let Some(watcher) = &mut self.watcher {
                let _ = watcher.follow(&self.content.watch_paths());
            }
        }
    }

    fn handle(&mut self, note: Note) {
        let now = Instant::now();
        match note {
            Note::Join { id, size, outlet } => {
                let mut seat = Seat::new(&self.content, self.options.theme, size, outlet, now);
                if let Some(told) = self.place {
                    seat.hear(&self.content, told, now);
                }
                self.seats.insert(id, seat);
            }
            Note::Input { id, events, pending } => {
                pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                let Some(seat) = self.seats.get_mut(&id) else { return };
                for event in events {
                    match event {
                        TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                            match seat.key(&self.content, key, self.place, now) {
                                Outcome::Stay { redraw } => seat.dirty |= redraw,
                                Outcome::Leave => {
                                    seat.close();
                                    self.seats.remove(&id);
                                    return;
                                }
                            }
                        }
                        TermEvent::Paste(text) => {
                            seat.dirty |= seat.view.update(&self.content, Event::Paste(text)).redraw;
                        }
                        _ => {}
                    }
                }
            }
            Note::Resize { id, size } => {
                if let Some(seat) = self.seats.get_mut(&id) {
                    seat.resize(&self.content, size.0, size.1);
                }
            }
            Note::Leave { id } => {
                if let Some(mut seat) = self.seats.remove(&id) {
                    seat.close();
                }
            }
            Note::CaughtUp { id } => {
                if let Some(seat) = self.seats.get_mut(&id) {
                    seat.caught_up();
                }
            }
            Note::File(change, at) => self.content_event(Event::FileChanged(change, at)),
            Note::Loaded(outcome) => {
                self.content_event(Event::Loaded(outcome));
                // The data the load replaced was freed here, in this thread's arena.
                crate::runtime::loader::give_back_freed_memory();
            }
            Note::Told(told) => {
                if self.place.is_none() {
                    // A new presenter: it has not heard the count yet.
                    self.told_count = None;
                }
                self.place = Some(told);
                for seat in self.seats.values_mut() {
                    seat.hear(&self.content, told, now);
                }
            }
            Note::Waiting => self.place = None,
            Note::Count(reply) => {
                let _ = reply.send(self.seats.len());
            }
            Note::Stalled(reply) => {
                let _ = reply.send(self.seats.values().filter(|seat| seat.behind_since.is_some()).count());
            }
            Note::Stop => {}
        }
    }

    /// A content event: the content takes it, every view hears the news.
    fn content_event(&mut self, event: Event) {
        let (effects, news) = self.content.update(event);
        self.spread(effects, &news);
    }

    fn spread(&mut self, mut effects: Effects, news: &News) {
        for seat in self.seats.values_mut() {
            let heard = seat.view.hear(&self.content, news);
            seat.dirty |= heard.redraw;
        }
        if let Some(ask) = effects.load.take() {
            let _ = self.loads.send(ask);
        }
    }

    fn tick(&mut self, now: Instant) {
        let (effects, news) = self.content.update(Event::Tick(now));
        self.spread(effects, &news);
        for seat in self.seats.values_mut() {
            if seat.view.presentation().wants_wall_clock() {
                let _ = seat.view.update(&self.content, crate::runtime::wall_clock::now());
            }
            seat.dirty |= seat.view.update(&self.content, Event::Tick(now)).redraw;
            if seat.behind_since.is_some_and(|since| now.duration_since(since) >= self.options.stall_timeout) {
                // It reads nothing: no goodbye would reach it. Its connection is cut.
                seat.cut_off();
            }
        }
    }

    fn draw(&mut self) {
        let now = Instant::now();
        let content = &self.content;
        self.seats.retain(|_, seat| seat.draw(content, now));
    }

    /// Tells the presenter how many viewers watch, when that changed.
    fn tell_count(&mut self) {
        let (Some(link), Some(_)) = (&self.link, self.place) else { return };
        let count = self.seats.len();
        if self.told_count != Some(count) {
            self.told_count = Some(count);
            link.ask(Asked::Viewers(count));
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        let slow =
            self.seats.values().filter_map(|seat| seat.behind_since.map(|since| since + self.options.stall_timeout));
        let views = self.seats.values().filter_map(|seat| seat.view.next_deadline());
        self.content.next_deadline().into_iter().chain(views).chain(slow).min()
    }
}

/// Follows a presentation of the same dataset through the local follow socket, as
/// `coopdash --follow` does: its news comes to the hub as [`Note::Told`] and [`Note::Waiting`].
fn start_link(request: &LoadRequest, notes: Sender<Note>) -> Option<crate::runtime::follow::join::Link> {
    let socket = crate::runtime::follow::socket_path(&request.dataset).ok()?;
    let (sender, receiver) = mpsc::channel::<Message>();
    let link = crate::runtime::follow::join::Link::start(socket, request.dataset.display_name(), sender).ok()?;
    thread::spawn(move || {
        while let Ok(message) = receiver.recv() {
            let note = match message {
                Message::Told(told) => Note::Told(told),
                Message::Waiting(_) => Note::Waiting,
                _ => continue,
            };
            if notes.send(note).is_err() {
                return;
            }
        }
    });
    Some(link)
}

/// The loader, its outcomes to the hub (which stops hearing of loads after a panic in one).
fn spawn_loader(notes: Sender<Note>) -> Sender<LoadAsk> {
    crate::runtime::loader::spawn_loader(move |outcome| outcome.is_some_and(|o| notes.send(Note::Loaded(o)).is_ok()))
}
