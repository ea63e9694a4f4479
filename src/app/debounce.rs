//! Reloading the files: when (a debounce driven by passed-in instants), and how a failure shows.
//!
//! A save that is known to be complete (a rename into place, a close after writing) reloads at
//! once. Bare changes (a write still going on, a create, a delete) wait for a quiet period and
//! coalesce. A reload that the quiet period triggered may still have caught a half-written file,
//! so its error is held back for a short grace period: a newer save cancels it, and only an error
//! that is still true after the grace reaches the screen. Errors of complete saves and of `r`
//! show at once.
//!
//! A file that is removed or renamed away is often the first step of a save (JetBrains' safe
//! write, vim's and emacs's backup by rename, `mv a b && mv c a`): it is a bare change, never a
//! complete save, and it overrides a complete save still waiting, whose file is now missing.

use std::time::{Duration, Instant};

/// How a file change arrives, as far as the reload decision goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    /// The save is whole: a rename into place or a close after writing.
    Complete,
    /// Something changed, but a save may still be in progress.
    Partial,
    /// The file was removed or renamed away: a save may be putting a new one in its place.
    Gone,
}

/// How long a failed reload from a bare change waits before it is shown.
pub const ERROR_GRACE: Duration = Duration::from_millis(300);

/// When to reload: at once for complete saves, after a quiet period for bare changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debouncer {
    quiet: Duration,
    /// When the pending reload is due, and whether only bare changes asked for it.
    due: Option<(Instant, bool)>,
}

impl Debouncer {
    pub fn new(quiet: Duration) -> Self {
        Self { quiet, due: None }
    }

    /// Records a change seen at `now`. A complete save is due at once; a bare change pushes the
    /// deadline to `now + quiet` (so a burst coalesces into one reload after it ends). A write
    /// after a complete save leaves it due at once; a file gone since does not: what the save
    /// wrote is no longer there, and the reload waits for quiet like any bare change.
    pub fn record(&mut self, change: FileChange, now: Instant) {
        self.due = Some(match (change, self.due) {
            (FileChange::Complete, _) => (now, false),
            (FileChange::Partial, Some((at, false))) => (at, false),
            (FileChange::Partial | FileChange::Gone, _) => (now + self.quiet, true),
        });
    }

    /// The instant the pending reload is due, if any.
    pub fn due(&self) -> Option<Instant> {
        self.due.map(|(at, _)| at)
    }

    /// If the reload is due at `now`, clears it and says whether it is tentative (asked for by
    /// bare changes only, so its error deserves the grace period).
    pub fn take_due(&mut self, now: Instant) -> Option<bool> {
        match self.due {
            Some((at, tentative)) if at <= now => {
                self.due = None;
                Some(tentative)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIET: Duration = Duration::from_millis(40);

    #[test]
    fn a_complete_save_is_due_at_once_and_not_tentative() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        assert_eq!(d.take_due(t0), None);
        d.record(FileChange::Complete, t0);
        assert_eq!(d.due(), Some(t0));
        assert_eq!(d.take_due(t0), Some(false));
        assert_eq!(d.due(), None, "taken once");
    }

    #[test]
    fn bare_changes_wait_for_quiet_and_a_burst_coalesces() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        for i in 0..10 {
            d.record(FileChange::Partial, t0 + Duration::from_millis(10 * i));
        }
        let last = t0 + Duration::from_millis(90);
        assert_eq!(d.due(), Some(last + QUIET));
        assert_eq!(d.take_due(last + QUIET - Duration::from_millis(1)), None, "not before the quiet period ends");
        assert_eq!(d.take_due(last + QUIET), Some(true), "one tentative reload for the whole burst");
        assert_eq!(d.take_due(last + QUIET * 10), None);
    }

    #[test]
    fn a_close_after_writes_ends_the_wait() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        d.record(FileChange::Partial, t0);
        d.record(FileChange::Complete, t0 + Duration::from_millis(5));
        assert_eq!(d.take_due(t0 + Duration::from_millis(5)), Some(false));
    }

    #[test]
    fn a_file_gone_is_a_bare_change_never_a_complete_save() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        d.record(FileChange::Gone, t0);
        assert_eq!(d.take_due(t0), None, "not at once");
        assert_eq!(d.take_due(t0 + QUIET), Some(true), "tentative: its error is held back");
    }

    #[test]
    fn a_file_gone_after_a_complete_save_makes_the_reload_wait_and_tentative() {
        // A save by rename-away that starts before the complete save before it was read.
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        d.record(FileChange::Complete, t0);
        d.record(FileChange::Gone, t0 + Duration::from_millis(1));
        assert_eq!(d.take_due(t0 + Duration::from_millis(1)), None);
        assert_eq!(d.due(), Some(t0 + Duration::from_millis(1) + QUIET));
        // And the new file put in place is due at once again.
        d.record(FileChange::Complete, t0 + Duration::from_millis(2));
        assert_eq!(d.take_due(t0 + Duration::from_millis(2)), Some(false));
    }

    #[test]
    fn a_bare_change_after_a_complete_save_does_not_delay_it() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET);
        d.record(FileChange::Complete, t0);
        d.record(FileChange::Partial, t0 + Duration::from_millis(1));
        assert_eq!(d.take_due(t0 + Duration::from_millis(1)), Some(false));
    }
}
