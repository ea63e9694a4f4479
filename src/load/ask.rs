//! A load the app asks for, carried out by whoever runs it (the runtime's loader thread, or a
//! test in place), and its outcome, which goes back to the app as an event.
//!
//! The app never reads a file or a clock itself: it says what to load and learns what came of
//! it, when, and how long it took.

use std::time::{Duration, Instant};

use super::{LoadError, LoadRequest, Loaded, load};

/// Read the files again: what the app wants done when a save is seen or `r` is pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadAsk {
    pub request: LoadRequest,
    /// The files may be mid-save (a bare write without a close): an error is held back a while.
    pub tentative: bool,
    /// The user asked (`r`): the status line says what was found, even "no changes".
    pub by_hand: bool,
}

/// What a load found, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOutcome {
    pub tentative: bool,
    pub by_hand: bool,
    pub result: Result<Loaded, LoadError>,
    /// How long reading, parsing and validating took.
    pub took: Duration,
    /// When it finished.
    pub at: Instant,
    /// The wall clock then, for the status line's "reloaded 14:02:07".
    pub clock: chrono::NaiveTime,
}

impl LoadAsk {
    /// The load a program starts with, done in place: what [`crate::app::App::new`] opens on.
    pub fn first(request: &LoadRequest) -> LoadOutcome {
        LoadAsk { request: request.clone(), tentative: false, by_hand: false }.perform()
    }

    /// Takes in a load asked for earlier that this one replaces (a burst costs one read): by
    /// hand if either was, and then never tentative, since `r` shows its errors at once.
    pub fn merge_earlier(&mut self, earlier: &LoadAsk) {
        self.by_hand |= earlier.by_hand;
        self.tentative &= earlier.tentative && !self.by_hand;
    }

    /// Loads now, on this thread, and says what came of it.
    pub fn perform(&self) -> LoadOutcome {
        let started = Instant::now();
        let result = load(&self.request);
        let at = Instant::now();
        LoadOutcome {
            tentative: self.tentative,
            by_hand: self.by_hand,
            result,
            took: at.saturating_duration_since(started),
            at,
            clock: chrono::Local::now().time(),
        }
    }
}

impl LoadOutcome {
    /// The outcome of a load made some other way (a dataset parsed from text in a test or a
    /// benchmark): a first load, finished at `at`, that took no time.
    pub fn of(result: Result<Loaded, LoadError>, at: Instant) -> Self {
        Self { tentative: false, by_hand: false, result, took: Duration::ZERO, at, clock: chrono::NaiveTime::MIN }
    }
}
