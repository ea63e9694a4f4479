//! Frames to a terminal, sending only what changed and comparing only what may have: a
//! [`Painter`] keeps what the terminal shows and a [`Frames`] cache, draws each frame through
//! the cache, compares with the frame shown only the cells outside the panes that are in place
//! (see [`Frames::in_place`]), and hands those to the backend. ratatui's `Terminal::draw`
//! compares every cell of the screen; on a key, most of them are panes that did not change.
//!
//! The changed cells are encoded into one buffer (see [`encode`]) and handed to the terminal in
//! one write, in a synchronized update: crossterm's backend formats each cell through `fmt`
//! and writes it apart, to a writer locked per write.
//!
//! The terminal is used for its backend, its size and its cursor's visibility; its own buffers
//! are not: so whoever clears or resizes it by hand (`Terminal::resize`, `clear`) or shows or
//! hides its cursor calls [`Painter::forget`]. A size the terminal itself finds (`autoresize`)
//! is seen here, asked whenever it is not the view's. The cursor's position is put in the frame's bytes, not told to the terminal
//! (only an inline viewport, which no coopdash terminal has, reads it back).

mod diff;
mod encode;
mod sgr;
mod wire;

pub use wire::Wire;

use ratatui::Terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

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
    encoder: encode::Encoder,
    /// Whether the terminal's cursor is shown, as this painter left it (`None`: not known).
    visible: Option<bool>,
    /// Where this painter last put the shown cursor (`None`: nowhere it knows of).
    cursor: Option<Position>,
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
        self.visible = None;
        self.cursor = None;
    }

    /// Draws `viewer` to `terminal` as `Terminal::draw` would (the screen ends up the same):
    /// the terminal's size checked when it is not the view's, the frame drawn (through the pane
    /// cache), the cells that changed sent with the cursor put at `cursor` of the frame's area,
    /// in one write (none when nothing changed); the cursor hidden before (when `cursor` gives
    /// none) or shown after, through the terminal, which then knows it.
    pub fn draw<B: Wire>(
        &mut self,
        terminal: &mut Terminal<B>,
        viewer: Viewer<'_>,
        cursor: impl FnOnce(Viewer<'_>, Rect) -> Option<Position>,
    ) -> Result<(), B::Error> {
        if terminal.get_frame().area() != viewer.view.size() {
            // Asked only when the view's size is not the terminal's: crossterm answers by
            // opening /dev/tty, three syscalls a frame. A resize reaches the view as an event
            // with the new size, and then the terminal is asked.
            terminal.autoresize()?;
        }
        let area = terminal.get_frame().area();
        if self.shown.area != area {
            // A new size: the terminal cleared its screen.
            self.shown = Buffer::empty(area);
            self.next = Buffer::empty(area);
            self.frames.forget_placement();
            self.cursor = None;
            self.frames.render(viewer, area, &mut self.next);
        } else {
            // The spare buffer holds the frame before last: what is in place stays.
            self.frames.render_over(viewer, area, &mut self.next);
        }
        let at = cursor(viewer, area);
        if at.is_none() && self.visible != Some(false) {
            // Before the frame: no cursor is seen running over the cells as they are written.
            terminal.hide_cursor()?;
            self.visible = Some(false);
        }
        // With no pane in place, every row whole: the same cells as ratatui's `diff_iter`, a
        // little cheaper (no width table for one-byte symbols).
        let spans = super::frames::spans(area, self.frames.in_place());
        let changed = diff::changed(&self.shown, &self.next, &spans);
        // Writing cells moves the cursor: it is put back after any.
        let put = at.filter(|&at| !changed.is_empty() || self.cursor != Some(at));
        let bytes = self.encoder.frame(area.right(), &changed, put);
        if !bytes.is_empty()
            && let Err(error) = terminal.backend_mut().send(bytes)
        {
            // The terminal shows neither frame for sure: the next one is compared whole.
            self.frames.forget_placement();
            self.cursor = None;
            return Err(error);
        }
        std::mem::swap(&mut self.shown, &mut self.next);
        self.cursor = at;
        if at.is_some() && self.visible != Some(true) {
            terminal.show_cursor()?;
            self.visible = Some(true);
        }
        Ok(())
    }

    /// The frame the terminal shows (the last one drawn).
    pub fn shown(&self) -> &Buffer {
        &self.shown
    }
}
