//! What every viewer of one dataset shares: the loaded data (dataset, article, evidence index),
//! the deck made from it, the load status, and the reload machinery (debounce, held errors,
//! the values the last reload changed).
//!
//! A [`Content`] changes only through [`Content::update`], and tells its views what happened
//! through [`News`]: each [`super::View`] hears the news and keeps its own place.

mod reload;
mod status;

pub use status::Status;

use std::path::PathBuf;
use std::time::Instant;

use super::{DEFAULT_QUIET, Debouncer, Effects, Event, Notice, ValueChange};
use crate::deck::Slide;
use crate::load::{LoadAsk, LoadError, LoadOutcome, LoadRequest, Loaded};

/// The shared state of one dataset, whoever looks at it.
pub struct Content {
    request: LoadRequest,
    status: Status,
    /// The slides of the current data (empty without data).
    deck: Vec<Slide>,
    debounce: Debouncer,
    /// Whether a file watcher reloads saved files by itself (`--no-watch` and the offscreen
    /// renderers leave it off, and messages then point to `r`).
    watching: bool,
    /// A failed reload of a possibly half-written file, shown only if still true after a grace.
    held_error: Option<(LoadError, Instant)>,
    /// How many times data has been installed (the first load counts).
    generation: u64,
    /// Values the last reload changed, highlighted until `changes_until`.
    changes: Vec<ValueChange>,
    changes_until: Option<Instant>,
}

/// What a change of the content means to its views.
#[derive(Debug, Default)]
#[must_use]
pub struct News {
    /// New data replaced the old: views move their selections and slide to the same things.
    pub replaced: Option<Replaced>,
    /// What every view's status line should say now.
    pub notice: Option<Notice>,
    /// Every view's screen changed.
    pub redraw: bool,
}

/// The data that was shown before a reload, handed to the views so they can keep their place
/// by id; dropped once they have.
#[derive(Debug)]
pub struct Replaced {
    pub old: Option<Loaded>,
    pub old_deck: Vec<Slide>,
    /// When the new data came (animations of changed values start then).
    pub at: Instant,
}

impl Content {
    /// The content of a first load (a failed one shows its errors), and what views should say.
    pub fn new(request: LoadRequest, first: LoadOutcome) -> (Self, News) {
        let mut content = Self {
            request,
            status: Status::Failed(LoadError { diagnostics: Vec::new() }),
            deck: Vec::new(),
            debounce: Debouncer::new(DEFAULT_QUIET),
            watching: false,
            held_error: None,
            generation: 0,
            changes: Vec::new(),
            changes_until: None,
        };
        let news = content.accept_first(first);
        (content, news)
    }

    /// Applies an event that concerns the content (a reload asked for, a file changed, a load
    /// came back, the watcher started, time passed); others change nothing.
    pub fn update(&mut self, event: Event) -> (Effects, News) {
        match event {
            // As `r` does: the status line says what was found, even "no changes".
            Event::Reload => (Effects::load(self.load_ask(false, true)), News::default()),
            Event::FileChanged(change, at) => {
                self.debounce.record(change, at);
                // A newer save is on its way: a held error may no longer be true.
                self.held_error = None;
                (Effects::none(), News::default())
            }
            Event::Loaded(outcome) => (Effects::none(), self.take_load(*outcome)),
            Event::Watching { quiet } => {
                self.debounce = Debouncer::new(quiet);
                self.watching = true;
                (Effects::none(), News { redraw: true, ..News::default() })
            }
            Event::Tick(now) => self.tick(now),
            _ => (Effects::none(), News::default()),
        }
    }

    /// The data on screen: the last that loaded, kept when a later load failed.
    pub fn data(&self) -> Option<&Loaded> {
        self.status.data()
    }

    /// The errors of the last load, if it failed.
    pub fn error(&self) -> Option<&LoadError> {
        self.status.error()
    }

    /// The problems the list (`w`) shows: the errors of a failed load, else the warnings of the
    /// data shown.
    pub fn problems(&self) -> &[crate::dataset::Diagnostic] {
        match (self.error(), self.data()) {
            (Some(error), _) => &error.diagnostics,
            (None, Some(loaded)) => &loaded.warnings,
            (None, None) => &[],
        }
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn deck(&self) -> &[Slide] {
        &self.deck
    }

    /// Values the last reload changed, while they are highlighted.
    pub fn changes(&self) -> &[ValueChange] {
        &self.changes
    }

    /// How many times data has been installed (the first load counts): lets tests and
    /// benchmarks see a reload happen.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn watching(&self) -> bool {
        self.watching
    }

    /// How the dataset is named in messages (`metrics.toml`, or the built-in copy).
    pub fn dataset_name(&self) -> String {
        self.request.dataset.display_name()
    }

    /// The load to ask the runtime for: the files this content shows, again.
    pub fn load_ask(&self, tentative: bool, by_hand: bool) -> LoadAsk {
        LoadAsk { request: self.request.clone(), tentative, by_hand }
    }

    /// The earliest instant something of the content is due (a debounced reload, a held
    /// error, the end of a change highlight); `None` when nothing is scheduled.
    pub fn next_deadline(&self) -> Option<Instant> {
        [self.debounce.due(), self.held_error.as_ref().map(|(_, at)| *at), self.changes_until]
            .into_iter()
            .flatten()
            .min()
    }

    fn tick(&mut self, now: Instant) -> (Effects, News) {
        let mut effects = Effects::none();
        let mut news = News::default();
        if let Some(tentative) = self.debounce.take_due(now) {
            effects = Effects::load(self.load_ask(tentative, false));
        }
        if self.held_error.as_ref().is_some_and(|(_, at)| *at <= now)
            && let Some((error, _)) = self.held_error.take()
        {
            news.notice = Some(self.show_error(error));
            news.redraw = true;
        }
        if self.changes_until.is_some_and(|until| until <= now) {
            self.changes.clear();
            self.changes_until = None;
            news.redraw = true;
        }
        (effects, news)
    }

    /// The files a watcher should follow: the dataset and the article it shows.
    pub fn watch_paths(&self) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        let dataset_file = match &self.request.dataset {
            crate::load::DatasetSource::File(path) => Some(path),
            // The built-in copy's article is compiled in too: nothing on disk to follow.
            crate::load::DatasetSource::Builtin => None,
        };
        paths.extend(dataset_file.cloned());
        match (&self.request.article_override, self.data()) {
            (Some(path), _) => paths.push(path.clone()),
            (None, Some(loaded)) if dataset_file.is_some() => {
                paths.extend(loaded.dataset.article.as_ref().map(|a| a.path.clone()))
            }
            _ => {}
        }
        paths
    }
}
