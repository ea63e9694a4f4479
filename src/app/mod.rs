//! The application state and the only places it changes: [`Content::update`] for what every
//! viewer shares (the data, the deck, the load status), [`View::update`] and [`View::hear`] for
//! one viewer's place. [`App`] is one content with one view, as one terminal shows it.
//!
//! No terminal, no threads, no files and no clock here: the runtime feeds events in (with the
//! time inside them), performs the [`Effects`] that come out, and the UI reads the state out
//! through a [`Viewer`]; tests drive it directly.

mod changes;
mod content;
mod debounce;
mod details;
mod effects;
mod event;
mod evidence;
mod follow;
mod keep_place;
mod mouse;
mod navigation;
mod presentation;
mod search;
mod tables;
mod view;
mod wrapping;

pub use changes::{PointChange, ValueChange};
pub use content::{Content, News, Replaced, Status};
pub use debounce::{Debouncer, ERROR_GRACE, FileChange};
pub use effects::{Effects, End};
pub use event::Event;
pub use follow::Follow;
pub use navigation::Item;
pub use presentation::{ANIMATION, FRAME, Growth, PresentOptions, Presentation, TimeLeft, TimeOfDay};
pub use search::{Hit, MAX_QUERY, Search};
pub use view::{NOTICE_LIFETIME, View, WARNING_LIFETIME};

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::action::Keymap;
use crate::load::{LoadOutcome, LoadRequest};
use crate::theme::Theme;

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    /// Full-screen slides.
    Presentation,
}

/// What is open on top of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Details,
    /// The warnings and errors of the last load, as `--check` lists them.
    Problems,
}

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
}

/// One content shown by one view: the program in one terminal.
pub struct App {
    content: Content,
    view: View,
}

/// One view over its content, as the renderer reads it.
#[derive(Clone, Copy)]
pub struct Viewer<'a> {
    pub content: &'a Content,
    pub view: &'a View,
}

/// How long changed values stay highlighted after a reload.
pub const CHANGE_HIGHLIGHT: Duration = Duration::from_secs(4);
/// The default quiet period of bare file changes (see [`Debouncer`]).
pub const DEFAULT_QUIET: Duration = Duration::from_millis(40);

impl App {
    /// An app showing the result of a first load (a failed load opens on the error screen).
    pub fn new(request: LoadRequest, first: LoadOutcome, theme: Theme, size: Rect) -> Self {
        Self::with_keys(request, first, theme, Keymap::default(), size)
    }

    /// [`App::new`] with the key table in force (built once at start from the config file).
    pub fn with_keys(request: LoadRequest, first: LoadOutcome, theme: Theme, keys: Keymap, size: Rect) -> Self {
        let at = first.at;
        let (content, news) = Content::new(request, first);
        let mut view = View::with_keys(&content, theme, keys, size, at);
        // The view already stands on the first data: it only takes the message.
        let _ = view.hear(&content, &News { replaced: None, ..news });
        Self { content, view }
    }

    /// Applies one event and says what the runtime should do next: content events go to the
    /// content, whose news the view hears; the view's own events go to the view; time goes to
    /// both.
    pub fn update(&mut self, event: Event) -> Effects {
        let tick = match event {
            Event::Tick(now) => Some(now),
            _ => None,
        };
        if is_for_content(&event) {
            let (effects, news) = self.content.update(event);
            let mut effects = effects.and(self.view.hear(&self.content, &news));
            if let Some(now) = tick {
                effects = effects.and(self.view.update(&self.content, Event::Tick(now)));
            }
            effects
        } else {
            self.view.update(&self.content, event)
        }
    }

    /// The earliest instant something is due (a reload, a held error, the end of a highlight,
    /// a presentation frame); `None` when nothing is scheduled, so the runtime can sleep until
    /// the next event.
    pub fn next_deadline(&self) -> Option<Instant> {
        [self.content.next_deadline(), self.view.next_deadline()].into_iter().flatten().min()
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    /// The view with its content, for drawing.
    pub fn viewer(&self) -> Viewer<'_> {
        Viewer { content: &self.content, view: &self.view }
    }
}

/// Whether an event concerns the shared content (its loads, its files, its watcher, time)
/// rather than one viewer.
pub fn is_for_content(event: &Event) -> bool {
    matches!(event, Event::Reload | Event::FileChanged(..) | Event::Loaded(_) | Event::Watching { .. } | Event::Tick(_))
}

#[cfg(test)]
mod tests;
