//! What happens to the app: the one input of [`super::App::update`].

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::{FileChange, Follow, Notice, PresentOptions, TimeOfDay};
use crate::load::LoadOutcome;

/// What happens to the app. Events whose handling depends on the time carry it: the app reads
/// no clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key pressed at an instant (a presentation's timer and animations start from it).
    Key(KeyEvent, Instant),
    Mouse(MouseEvent),
    /// The terminal's new size in columns and rows.
    Resize(u16, u16),
    /// Text pasted in one piece (bracketed paste): typed into the search prompt if it is open
    /// (sanitised and capped at [`super::MAX_QUERY`]), ignored elsewhere, so a paste is never
    /// taken for a storm of keys.
    Paste(String),
    /// Read the files again (after Ctrl-Z and `fg`, say): the app asks for a load, as `r` does.
    Reload,
    /// The watcher saw a file of ours change at this instant.
    FileChanged(FileChange, Instant),
    /// A load the app asked for came back.
    Loaded(Box<LoadOutcome>),
    /// Time passed: deadlines up to this instant are due (debounced reloads, held errors, the end
    /// of a change highlight). The runtime sends it after every batch of events and when the
    /// earliest [`App::next_deadline`] arrives.
    Tick(Instant),
    /// A file watcher now reloads saved files by itself, waiting `quiet` for bare writes to end
    /// (messages then stop pointing to `r`).
    Watching {
        quiet: Duration,
    },
    /// Something the app should tell the user in the status line.
    Notice(Notice),
    /// Sets what presentation mode does (autoplay, loop, animation) and, with `start`, opens it
    /// at `slide` (0-based, clamped to the deck).
    Present {
        options: PresentOptions,
        start: bool,
        slide: usize,
        at: Instant,
    },
    /// The time of day on the wall clock, read by the runtime at `at` (the presenter view shows
    /// it; between two of these it moves on with the ticks).
    WallClock {
        time: TimeOfDay,
        at: Instant,
    },
    /// Shows slide `slide` (0-based, clamped to the deck) as the clicker would.
    GoToSlide {
        slide: usize,
        at: Instant,
    },
    /// A follower (`--follow`) hears where the presentation it follows stands.
    Follow(Follow),
    /// This view draws in another theme from now on (a viewer of `coopdash serve` picks light
    /// or dark with a key).
    Theme(Box<crate::theme::Theme>),
    /// `coopdash serve` has this many viewers following this presentation.
    Viewers(usize),
}
