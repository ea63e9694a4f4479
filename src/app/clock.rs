//! What is due when: the deadlines the app asks the runtime to wake it for, and what happens
//! when they come (a debounced reload, a held error shown, a presentation frame, the end of a
//! change highlight).

use std::time::Instant;

use super::{App, Effects, Mode};

impl App {
    /// The earliest instant something is due (a reload, a held error, the end of a highlight);
    /// `None` when nothing is scheduled, so the runtime can sleep until the next event.
    pub fn next_deadline(&self) -> Option<Instant> {
        let presenting = (self.mode == Mode::Presentation).then(|| self.presentation.next_deadline()).flatten();
        [self.debounce.due(), self.held_error.as_ref().map(|(_, at)| *at), self.changes_until, presenting]
            .into_iter()
            .flatten()
            .min()
    }

    pub(super) fn tick(&mut self, now: Instant) -> Effects {
        let mut effects = Effects::none();
        if let Some(tentative) = self.debounce.take_due(now) {
            effects = Effects::load(self.load_ask(tentative, false));
        }
        if self.held_error.as_ref().is_some_and(|(_, at)| *at <= now) {
            if let Some((error, _)) = self.held_error.take() {
                self.show_error(error);
            }
            effects.redraw = true;
        }
        if self.mode == Mode::Presentation && self.presentation.tick(now, self.deck.len()) {
            effects.redraw = true;
        }
        if self.changes_until.is_some_and(|until| until <= now) {
            self.changes.clear();
            self.changes_until = None;
            effects.redraw = true;
        }
        effects
    }
}
