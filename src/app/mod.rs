//! The application state and the only place it changes: [`App::update`].
//!
//! No terminal and no threads here: the runtime feeds events in, the UI reads the state out
//! (`impl Widget for &App`), and tests drive it directly.

mod changes;
mod clock;
mod debounce;
mod effects;
mod event;
mod evidence;
mod mouse;
mod navigation;
mod presentation;
mod reload;
mod search;

pub use changes::ValueChange;
pub use debounce::{Debouncer, ERROR_GRACE, FileChange};
pub use effects::{Effects, End};
pub use event::Event;
pub use navigation::Item;
pub use presentation::{ANIMATION, FRAME, PresentOptions, Presentation};
pub use search::{Hit, MAX_QUERY, Search};

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::action::{Action, Context, action_for};
use crate::article::WrappedLine;
use crate::layout::{self, Areas, ChartShape, LayoutInput, Pane};
use crate::load::{LoadError, LoadOutcome, LoadRequest, Loaded};
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

/// The whole state of the program.
pub struct App {
    request: LoadRequest,
    /// The last dataset that loaded. Kept when a later load fails.
    pub data: Option<Loaded>,
    /// The error of the last load, if it failed.
    pub error: Option<LoadError>,
    pub notice: Option<Notice>,
    pub focus: Pane,
    /// The pane whose selection the detail line shows while the article has the focus.
    pub last_item_pane: Pane,
    /// Selected bar of each chart.
    pub chart_selection: Vec<usize>,
    pub gauge_selection: usize,
    /// Index of the article's top visible line in [`App::article_lines`].
    pub article_scroll: usize,
    pub help_scroll: usize,
    pub overlay: Overlay,
    pub mode: Mode,
    /// The slides of the current data (empty without data).
    pub deck: Vec<crate::deck::Slide>,
    pub presentation: Presentation,
    /// The search being typed, or whose matches are still highlighted.
    pub search: Option<Search>,
    /// The metric whose sentence is highlighted in the article.
    pub evidence_metric: Option<usize>,
    /// The selection the article last followed (so only a change of selection scrolls it).
    followed: Option<Item>,
    /// The terminal's size: layout needs it in `update`, not only in render.
    pub size: Rect,
    /// The article wrapped for [`App::article_width`] columns.
    pub article_lines: Vec<WrappedLine>,
    pub article_width: usize,
    pub theme: Theme,
    debounce: Debouncer,
    /// Whether a file watcher reloads saved files by itself (set by the runtime; `--no-watch`
    /// and the offscreen renderers leave it off, and messages then point to `r`).
    pub watching: bool,
    /// A failed reload of a possibly half-written file, shown only if still true after a grace.
    held_error: Option<(LoadError, Instant)>,
    /// How many times data has been installed (the first load counts): lets tests and
    /// benchmarks see a reload happen.
    pub generation: u64,
    /// Values the last reload changed, highlighted until the instant.
    pub changes: Vec<ValueChange>,
    changes_until: Option<Instant>,
}

/// How long changed values stay highlighted after a reload.
pub const CHANGE_HIGHLIGHT: Duration = Duration::from_secs(4);
/// The default quiet period of bare file changes (see [`Debouncer`]).
pub const DEFAULT_QUIET: Duration = Duration::from_millis(40);

impl App {
    /// An app showing the result of a first load (a failed load opens on the error screen).
    pub fn new(request: LoadRequest, first: LoadOutcome, theme: Theme, size: Rect) -> Self {
        let mut app = Self {
            request,
            data: None,
            error: None,
            notice: None,
            focus: Pane::Chart(0),
            last_item_pane: Pane::Chart(0),
            chart_selection: Vec::new(),
            gauge_selection: 0,
            article_scroll: 0,
            help_scroll: 0,
            overlay: Overlay::None,
            mode: Mode::Dashboard,
            deck: Vec::new(),
            presentation: Presentation::new(PresentOptions::default(), first.at),
            search: None,
            evidence_metric: None,
            followed: None,
            size,
            article_lines: Vec::new(),
            article_width: 0,
            theme,
            debounce: Debouncer::new(DEFAULT_QUIET),
            watching: false,
            held_error: None,
            generation: 0,
            changes: Vec::new(),
            changes_until: None,
        };
        app.accept_first(first.result);
        // The article starts at its top: it follows the selection only once the user moves.
        app.followed = app.selected_item();
        app
    }

    /// Sets what presentation mode does and, with `start`, opens it at `slide`.
    fn set_presentation(&mut self, options: PresentOptions, start: bool, slide: usize, now: Instant) {
        self.presentation = Presentation::new(options, now);
        self.presentation.slide = slide.min(self.deck.len().saturating_sub(1));
        if start && self.mode == Mode::Dashboard {
            self.toggle_presentation(now);
        }
    }

    /// How the dataset is named in messages (`metrics.toml`, or the built-in copy).
    pub fn dataset_name(&self) -> String {
        self.request.dataset.display_name()
    }

    /// Sets the status-line message.
    fn set_notice(&mut self, text: impl Into<String>, level: Level) {
        self.notice = Some(Notice { text: text.into(), level });
    }

    /// Applies one event and says what the runtime should do next.
    pub fn update(&mut self, event: Event) -> Effects {
        match event {
            Event::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                self.refresh_article();
                Effects::redraw()
            }
            // As `r` does: the status line says what was found, even "no changes".
            Event::Reload => Effects::load(self.load_ask(false, true)),
            Event::FileChanged(change, at) => {
                self.debounce.record(change, at);
                // A newer save is on its way: a held error may no longer be true.
                self.held_error = None;
                Effects::none()
            }
            Event::Loaded(outcome) => {
                if self.take_load(*outcome) {
                    Effects::redraw()
                } else {
                    Effects::none()
                }
            }
            Event::Tick(now) => self.tick(now),
            Event::Key(key, at) => match action_for(&key, self.context()) {
                Some(action) => self.apply(action, at),
                None => Effects::none(),
            },
            Event::Mouse(mouse) => self.on_mouse(mouse),
            Event::Paste(text) if self.context() == Context::Search => {
                self.type_into_search(&text);
                self.follow_selection();
                Effects::redraw()
            }
            Event::Paste(_) => Effects::none(),
            Event::Watching { quiet } => {
                self.debounce = Debouncer::new(quiet);
                self.watching = true;
                Effects::redraw()
            }
            Event::Notice(notice) => {
                self.notice = Some(notice);
                Effects::redraw()
            }
            Event::Present { options, start, slide, at } => {
                self.set_presentation(options, start, slide, at);
                Effects::redraw()
            }
            Event::GoToSlide { slide, at } => {
                let count = self.deck.len();
                self.presentation.go_to(slide, count, at, true);
                Effects::redraw()
            }
        }
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return Context::Search;
        }
        if self.mode == Mode::Presentation && self.overlay == Overlay::None {
            return Context::Presentation;
        }
        match self.overlay {
            Overlay::None => Context::Dashboard,
            Overlay::Help => Context::Help,
            Overlay::Details => Context::Details,
            Overlay::Problems => Context::Problems,
        }
    }

    fn apply(&mut self, action: Action, now: Instant) -> Effects {
        match action {
            Action::Quit => return Effects::end(End::Quit),
            Action::Suspend => return Effects::end(End::Suspend),
            Action::Help => self.overlay = Overlay::Help,
            Action::Problems => {
                self.overlay = Overlay::Problems;
                self.help_scroll = 0;
            }
            Action::Close if self.overlay != Overlay::None => self.overlay = Overlay::None,
            Action::Close => self.close_search(),
            Action::Reload => return Effects::load(self.load_ask(false, true)).and(Effects::redraw()),
            Action::Details => {
                if self.selected_item().is_some() {
                    self.overlay = Overlay::Details;
                    self.show_evidence();
                }
            }
            Action::NextPane => self.cycle_focus(1),
            Action::PrevPane => self.cycle_focus(-1),
            Action::Prev | Action::Next | Action::PageUp | Action::PageDown | Action::First | Action::Last => {
                if matches!(self.overlay, Overlay::Help | Overlay::Problems) {
                    self.scroll_help(action);
                } else {
                    self.move_in_pane(action);
                }
            }
            Action::Search => self.open_search(),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::Type(c) => self.type_into_search(c.encode_utf8(&mut [0; 4])),
            Action::DeleteChar => self.delete_from_search(),
            Action::Confirm => self.confirm_search(),
            Action::MetricHere => self.select_metric_here(),
            Action::Present => self.toggle_presentation(now),
            Action::SlideNext
            | Action::SlidePrev
            | Action::SlideFirst
            | Action::SlideLast
            | Action::SlideEnter
            | Action::Digit(_)
            | Action::Blank
            | Action::Restart
            | Action::Autoplay
            | Action::Timer => return self.apply_to_presentation(action, now),
        }
        self.follow_selection();
        Effects::redraw()
    }

    /// The problems the list (`w`) shows: the errors of a failed load, else the warnings of the
    /// data shown.
    pub fn problems(&self) -> &[crate::dataset::Diagnostic] {
        match (&self.error, &self.data) {
            (Some(error), _) => &error.diagnostics,
            (None, Some(loaded)) => &loaded.warnings,
            (None, None) => &[],
        }
    }

    /// The layout input for the current data and focus.
    pub fn layout_input(&self) -> LayoutInput {
        let (charts, gauges) = match &self.data {
            Some(loaded) => (
                loaded
                    .dataset
                    .charts
                    .iter()
                    .map(|c| ChartShape {
                        bars: c.metrics.len(),
                        vertical: c.direction == crate::dataset::ChartDirection::Vertical,
                    })
                    .collect(),
                loaded.dataset.gauges.len(),
            ),
            None => (Vec::new(), 0),
        };
        let banner = match (&self.error, &self.data) {
            (Some(error), Some(_)) => u16::try_from(error.diagnostics.len() + 1).unwrap_or(u16::MAX),
            _ => 0,
        };
        LayoutInput { charts, gauges, focus: self.focus, banner }
    }

    /// The layout of the whole screen at the current size.
    pub fn areas(&self) -> Areas {
        layout::layout(self.size, &self.layout_input())
    }
}

#[cfg(test)]
mod tests;
