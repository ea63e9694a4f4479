//! Frames to a terminal, sending only what changed and comparing only what may have: a
//! [`Painter`] keeps what the terminal shows and a [`Frames`] cache, draws each frame through
//! the cache, compares with the frame shown only the cells outside the panes that are in place
//! (see [`Frames::in_place`]), and hands those to the backend. ratatui's `Terminal::draw`
//! compares every cell of the screen; on a key, most of them are panes that did not change.
//!
//! The terminal is used for its backend, its size and its cursor; its own buffers are not: so
//! whoever clears or resizes it by hand (`Terminal::resize`, `clear`) calls
//! [`Painter::forget`]. A size the terminal itself finds (`autoresize`) is seen here.

mod diff;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Frames;
use crate::app::Viewer;

/// What one terminal shows, and the panes cached to draw its next frame.
#[derive(Default)]
pub struct Painter {
    frames: Frames,
    /// The frame the terminal shows.
    shown: Buffer,
    /// The frame being drawn (a spare buffer between frames, kept for its allocation).
    next: Buffer,
}

impl Painter {
    /// A painter for a terminal whose screen is blank: the first frame is sent whole.
    pub fn new() -> Self {
        Self::default()
    }

    /// The terminal's screen was cleared (or resized) by hand: the next frame is compared with
    /// a blank screen, so every cell that is not blank is sent.
    pub fn forget(&mut self) {
        self.shown.reset();
        self.frames.forget_placement();
    }

    /// Draws `viewer` to `terminal` as `Terminal::draw` would (the screen ends up the same):
    /// the terminal's size checked, the frame drawn (through the pane cache), the cells that
    /// changed sent, the cursor shown at `cursor` of the frame's area or hidden, the backend
    /// flushed.
    pub fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        viewer: Viewer<'_>,
        cursor: impl FnOnce(Viewer<'_>, Rect) -> Option<ratatui::layout::Position>,
    ) -> Result<(), B::Error> {
        terminal.autoresize()?;
        let area = terminal.get_frame().area();
        if self.shown.area != area {
            // A new size: the terminal cleared its screen.
            self.shown = Buffer::empty(area);
            self.next = Buffer::empty(area);
            self.frames.forget_placement();
        } else {
            self.next.reset();
        }
        self.frames.render(viewer, area, &mut self.next);
        // With no pane in place, every row whole: the same cells as ratatui's `diff_iter`, a
        // little cheaper (no width table for one-byte symbols).
        let spans = diff::spans(area, self.frames.in_place());
        let sent = terminal.backend_mut().draw(diff::changed(&self.shown, &self.next, &spans).into_iter());
        if let Err(error) = sent {
            // The terminal shows neither frame for sure: the next one is compared whole.
            self.frames.forget_placement();
            return Err(error);
        }
        std::mem::swap(&mut self.shown, &mut self.next);
        match cursor(viewer, area) {
            None => terminal.hide_cursor()?,
            Some(at) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(at)?;
            }
        }
        Backend::flush(terminal.backend_mut())
    }

    /// The frame the terminal shows (the last one drawn).
    pub fn shown(&self) -> &Buffer {
        &self.shown
    }
}
