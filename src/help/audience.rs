//! Who a view is shown to, as the help and the key hints need to know it: which of the key
//! table's actions do something in this view, which keys the view's owner reads itself before
//! the view sees them, and whether the mouse reaches it. Plain data, decided by whoever makes
//! the view: the local terminal's is [`Audience::LOCAL`] (every action, the mouse, no keys of
//! its own), a viewer over SSH has its own (see `serve::seat`).

use crate::action::{Action, Key};

/// Keys a view's owner handles itself (they are in no key table), as the help lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnKey {
    pub keys: &'static [Key],
    pub help: &'static str,
}

/// What is in force for one view beyond its key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    /// The owner's own keys under their heading, listed first in the help; none locally.
    pub own: Option<(&'static str, &'static [OwnKey])>,
    /// Actions that do nothing in this view (the owner ignores them): the help and the key
    /// hints leave them out.
    pub without: &'static [Action],
    /// Whether mouse events reach the view (the help's note on the mouse says so only then).
    pub mouse: bool,
    /// Notes of the owner's, after the help's own.
    pub notes: &'static [&'static str],
}

impl Audience {
    /// The local terminal: every action in the key table, the mouse, nothing of its own.
    pub const LOCAL: Self = Self { own: None, without: &[], mouse: true, notes: &[] };

    /// Whether `action` does something in this view.
    pub fn allows(&self, action: Action) -> bool {
        !self.without.contains(&action)
    }
}

impl Default for Audience {
    fn default() -> Self {
        Self::LOCAL
    }
}
