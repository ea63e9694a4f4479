//! How long a status message stays: until the user's next action, or a few seconds, whichever
//! comes first. An error stays while it is true (a later load replaces it).

use std::time::{Duration, Instant};

use super::View;
use crate::app::{Level, Notice};

/// How long a message shows when nothing is pressed.
pub const NOTICE_LIFETIME: Duration = Duration::from_secs(6);
/// A warning (a dataset's warnings after a reload) stays longer: there is more to read.
pub const WARNING_LIFETIME: Duration = Duration::from_secs(12);

impl View {
    /// Shows a message; its lifetime starts at the next tick.
    pub(in crate::app) fn show_notice(&mut self, notice: Notice) {
        self.notice = Some(notice);
        self.notice_since = None;
    }

    /// Takes away a message that is not an error; says whether one went.
    pub(in crate::app) fn dismiss_notice(&mut self) -> bool {
        let goes = self.notice.as_ref().is_some_and(|n| n.level != Level::Error);
        if goes {
            self.notice = None;
            self.notice_since = None;
        }
        goes
    }

    /// Time passes for the message: stamps when it first showed, takes it away once its time
    /// is up. Says whether it went.
    pub(in crate::app) fn age_notice(&mut self, now: Instant) -> bool {
        if self.notice.is_some() && self.notice_since.is_none() {
            self.notice_since = Some(now);
        }
        match self.notice_expiry() {
            Some(expiry) if expiry <= now => self.dismiss_notice(),
            _ => false,
        }
    }

    /// When the message goes by itself: `None` for an error, or before it has been stamped.
    pub(in crate::app) fn notice_expiry(&self) -> Option<Instant> {
        let lifetime = match self.notice.as_ref()?.level {
            Level::Info => NOTICE_LIFETIME,
            Level::Warning => WARNING_LIFETIME,
            Level::Error => return None,
        };
        Some(self.notice_since? + lifetime)
    }
}
