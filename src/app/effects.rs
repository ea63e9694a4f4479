//! What the app asks of whoever runs it after an event: the one "what next" of the program.

use crate::load::LoadAsk;

/// How the program is to end, or stop for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `q`: leave with status 0.
    Quit,
    /// Ctrl-Z: give the terminal back, stop, and on resume take it again and redraw fully.
    Suspend,
    /// Leave with this status (a signal, a terminal gone: 128 + the signal's number).
    Exit(u8),
}

/// What an update wants done. The runtime draws, loads (off the UI thread) and ends as asked;
/// a load's outcome comes back as [`super::Event::Loaded`]. Deadlines are asked for through
/// [`super::App::next_deadline`].
#[must_use]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    /// Something on screen changed.
    pub redraw: bool,
    /// Read the files again.
    pub load: Option<LoadAsk>,
    pub end: Option<End>,
}

impl Effects {
    /// Nothing to do: the screen stays as it is.
    pub fn none() -> Self {
        Self::default()
    }

    /// Draw a new frame.
    pub fn redraw() -> Self {
        Self { redraw: true, ..Self::default() }
    }

    pub fn end(end: End) -> Self {
        Self { end: Some(end), ..Self::default() }
    }

    /// Read the files (and draw, since the status may say so).
    pub fn load(ask: LoadAsk) -> Self {
        Self { load: Some(ask), ..Self::default() }
    }

    /// Both: what either asks for. Of two ends, the one that must win (exit, then quit, then
    /// suspend); of two loads, the later one, by hand if either was (see [`LoadAsk::merge_earlier`]).
    pub fn and(mut self, other: Effects) -> Self {
        self.redraw |= other.redraw;
        if let Some(mut later) = other.load {
            if let Some(earlier) = &self.load {
                later.merge_earlier(earlier);
            }
            self.load = Some(later);
        }
        let rank = |end: Option<End>| match end {
            None => 0,
            Some(End::Suspend) => 1,
            Some(End::Quit) => 2,
            Some(End::Exit(_)) => 3,
        };
        if rank(other.end) > rank(self.end) {
            self.end = other.end;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stronger_end_wins_and_redraws_add_up() {
        assert_eq!(Effects::redraw().and(Effects::end(End::Quit)).end, Some(End::Quit));
        assert_eq!(Effects::end(End::Quit).and(Effects::end(End::Suspend)).end, Some(End::Quit));
        assert_eq!(Effects::end(End::Quit).and(Effects::end(End::Exit(129))).end, Some(End::Exit(129)));
        assert!(Effects::redraw().and(Effects::none()).redraw);
        assert_eq!(Effects::none().and(Effects::none()), Effects::none());
    }
}
