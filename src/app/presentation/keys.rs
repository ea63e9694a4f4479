//! The app in presentation mode: entering and leaving it, and the clicker's actions.

use std::time::Instant;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::Presentation;
use crate::action::{Action, Context};
use crate::app::{Content, Effects, Mode, Overlay, View};

impl View {
    /// `p`, or Esc in a presentation: switches between the dashboard and the slides.
    pub(in crate::app) fn toggle_presentation(&mut self, content: &Content, now: Instant) {
        self.overlay = Overlay::None;
        self.mode = match self.mode {
            Mode::Dashboard if !content.deck().is_empty() => {
                self.presentation.enter(now);
                Mode::Presentation
            }
            _ => Mode::Dashboard,
        };
    }

    /// While the audience's screen is blank, the first key press brings the same slide back,
    /// whatever the key: a clicker's "next" pressed to light the screen must not skip a slide
    /// unseen. Quitting and suspending keep their keys; releases and repeats do nothing.
    pub(in crate::app) fn key_while_blank(&mut self, content: &Content, key: &KeyEvent, now: Instant) -> Effects {
        match self.keys.action_for(key, Context::Presentation) {
            Some(action @ (Action::Quit | Action::Suspend)) => self.apply_to_presentation(content, action, now),
            _ if key.kind != KeyEventKind::Press => Effects::none(),
            _ => {
                self.presentation.blank = false;
                self.presentation.typed.clear();
                Effects::redraw()
            }
        }
    }

    /// The actions of the presentation's key table.
    pub(in crate::app) fn apply_to_presentation(&mut self, content: &Content, action: Action, now: Instant) -> Effects {
        let count = content.deck().len();
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
                if p.typed.len() < slide_number_digits(count) {
                    p.typed.push(char::from(b'0' + digit.min(9)));
                }
            }
            // Back from blank shows the slide as it was: no replay of its animation.
            Action::Blank => p.blank = !p.blank,
            Action::Restart => p.restart(now),
            Action::Autoplay => p.toggle_autoplay(now),
            Action::Timer => p.show_timer = !p.show_timer,
            Action::PresenterView => p.toggle_presenter(),
            Action::Quit => return Effects::end(crate::app::End::Quit),
            Action::Suspend => return Effects::end(crate::app::End::Suspend),
            _ => return Effects::none(),
        }
        Effects::redraw()
    }
}

/// How many digits the go-to-slide entry keeps: enough for the deck's last slide (a deck made
/// from 60,000 metrics has over 10,000 slides), and never fewer than four, so a number past the
/// end of a small deck still goes to its last slide. Digits beyond are dropped.
fn slide_number_digits(count: usize) -> usize {
    let digits = count.checked_ilog10().map_or(1, |log| log as usize + 1);
    digits.max(4)
}

#[cfg(test)]
mod tests {
    use super::slide_number_digits;

    #[test]
    fn the_slide_number_entry_holds_the_last_slides_number() {
        assert_eq!(slide_number_digits(0), 4);
        assert_eq!(slide_number_digits(16), 4);
        assert_eq!(slide_number_digits(9_999), 4);
        assert_eq!(slide_number_digits(10_001), 5);
        assert_eq!(slide_number_digits(usize::MAX), usize::MAX.to_string().len());
    }
}
