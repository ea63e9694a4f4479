//! A second screen that follows a presentation (`--follow`): what the follower hears of the
//! presenter, and how its view takes it in. The socket is the runtime's; only the news of it
//! arrives here, as [`Event::Follow`](super::Event::Follow).

use std::time::Instant;

use super::{Content, Effects, Mode, Overlay, View};

/// News of the presentation a follower follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follow {
    /// The presenter stands on `slide` (0-based, clamped to this deck), blanked or not.
    Place { slide: usize, blank: bool, at: Instant },
    /// No slide to follow for now (no presenter yet, the presenter gone, or back on its
    /// dashboard): the follower keeps its slide and shows `text` over it until the next place.
    Waiting { text: String },
}

impl View {
    /// Takes in news of the presenter: a place opens the slides (the follower shows nothing
    /// else) and goes to it, as the presenter's clicker did; waiting shows why nothing moves.
    pub(in crate::app) fn hear_presenter(&mut self, content: &Content, news: Follow) -> Effects {
        match news {
            Follow::Place { slide, blank, at } => {
                if self.mode == Mode::Dashboard && !content.deck().is_empty() {
                    self.toggle_presentation(content, at);
                }
                self.overlay = Overlay::None;
                // Moved by the presenter, not by hand here: never an autoplay of its own.
                self.presentation.autoplay = None;
                self.presentation.go_to(slide, content.deck().len(), at, false);
                self.presentation.blank = blank;
                self.following = None;
            }
            Follow::Waiting { text } => self.following = Some(text),
        }
        Effects::redraw()
    }

    /// What a follower shows over its slide while it has no presenter to follow.
    pub fn following(&self) -> Option<&str> {
        self.following.as_deref()
    }
}
