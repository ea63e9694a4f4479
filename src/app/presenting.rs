//! The app in presentation mode: entering and leaving it, and the clicker's actions.

use std::time::Instant;

use super::present::Presentation;
use super::{App, Effect, Mode, Overlay};
use crate::action::Action;

impl App {
    /// `p`, or Esc in a presentation: switches between the dashboard and the slides.
    pub(super) fn toggle_presentation(&mut self, now: Instant) {
        self.overlay = Overlay::None;
        self.mode = match self.mode {
            Mode::Dashboard if !self.deck.is_empty() => {
                self.presentation.now = now;
                self.presentation.animate_in(now);
                self.presentation.start_autoplay(now);
                Mode::Presentation
            }
            _ => Mode::Dashboard,
        };
    }

    /// The actions of the presentation's key table.
    pub(super) fn apply_to_presentation(&mut self, action: Action, now: Instant) -> Effect {
        let count = self.deck.len();
        let p: &mut Presentation = &mut self.presentation;
        p.now = now;
        match action {
            Action::SlideNext => p.go_to(p.slide + 1, count, now, true),
            Action::SlidePrev => p.go_to(p.slide.saturating_sub(1), count, now, true),
            Action::SlideFirst => p.go_to(0, count, now, true),
            Action::SlideLast => p.go_to(count.saturating_sub(1), count, now, true),
            Action::SlideEnter => match p.typed.parse::<usize>() {
                Ok(number) if number > 0 => p.go_to(number - 1, count, now, true),
                _ => p.go_to(p.slide + 1, count, now, true),
            },
            Action::Digit(digit) => {
                if p.typed.len() < 4 {
                    p.typed.push(char::from(b'0' + digit.min(9)));
                }
            }
            // Back from blank shows the slide as it was: no replay of its animation.
            Action::Blank => p.blank = !p.blank,
            Action::Restart => p.restart(now),
            Action::Autoplay => p.toggle_autoplay(now),
            Action::Timer => p.show_timer = !p.show_timer,
            _ => return Effect::None,
        }
        Effect::Redraw
    }
}
