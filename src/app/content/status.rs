//! The load status: one of three states, so that "data but no error", "last good data with
//! errors" and "errors and nothing to show" cannot disagree.

use crate::load::{LoadError, Loaded};

/// What the last load left on screen.
#[derive(Debug)]
pub enum Status {
    /// The last load succeeded.
    Ready(Loaded),
    /// The last load failed; the last good data stay on screen under a banner.
    Stale { last_good: Loaded, errors: LoadError },
    /// Nothing has loaded yet: the error screen.
    Failed(LoadError),
}

impl Status {
    pub fn data(&self) -> Option<&Loaded> {
        match self {
            Status::Ready(loaded) | Status::Stale { last_good: loaded, .. } => Some(loaded),
            Status::Failed(_) => None,
        }
    }

    pub fn error(&self) -> Option<&LoadError> {
        match self {
            Status::Ready(_) => None,
            Status::Stale { errors, .. } | Status::Failed(errors) => Some(errors),
        }
    }

    /// The status with new data: whatever failed before, and the data it replaced.
    pub(super) fn with_data(self, loaded: Loaded) -> (Status, Option<Loaded>) {
        let old = match self {
            Status::Ready(old) | Status::Stale { last_good: old, .. } => Some(old),
            Status::Failed(_) => None,
        };
        (Status::Ready(loaded), old)
    }

    /// The status after a failed load: the last good data kept, if there are any.
    pub(super) fn with_error(self, errors: LoadError) -> Status {
        match self {
            Status::Ready(last_good) | Status::Stale { last_good, .. } => Status::Stale { last_good, errors },
            Status::Failed(_) => Status::Failed(errors),
        }
    }

    /// Moves the status out, leaving a placeholder the caller replaces at once.
    pub(super) fn take(&mut self) -> Status {
        std::mem::replace(self, Status::Failed(LoadError { diagnostics: Vec::new() }))
    }
}
