//! Cells left where they are: the painter draws each frame into its spare buffer, which holds the
//! frame before last. A pane placed in that frame with nothing drawn over it (and an article
//! row in place in the last frame, so in both) holds there the cells it would be copied from;
//! when this frame shows it again at the same rect from the same inputs (going back to a slide,
//! a pane that did not change), it is neither reset nor copied (see [`Frames::render_over`]).
//!
//! Only the panes and rows are left held. Whatever else is drawn (the canvas, a pane drawn
//! again, a row drawn or copied from elsewhere) first cleans the held cells under it to what a
//! reset buffer has, so nothing is drawn over stale cells and nothing stale is cached. A held
//! rect the frame never reached (the layout changed) leaves stale cells: then the frame is
//! drawn again from scratch, which is rare and gives the same cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Frames, Key, Reuse};
use crate::app::{Mode, Viewer};

/// A rect of the buffer being drawn whose cells are the frame before last's.
pub(super) struct Held {
    rect: Rect,
    /// The pane shown there, or `None` for an article row.
    pane: Option<Key>,
    /// Whether this frame has shown it, or drawn or copied over all of it.
    reached: bool,
}

/// The parts of each row of `area` that no rect of `clean` covers, as (row, first column,
/// column after the last), top to bottom and left to right. `clean` rects lie within `area`.
pub(in crate::ui) fn spans(area: Rect, clean: &[Rect]) -> Vec<(u16, u16, u16)> {
    // A span or two a row, mostly.
    let mut out = Vec::with_capacity(usize::from(area.height) * 2);
    let mut covered: Vec<(u16, u16)> = Vec::with_capacity(clean.len());
    for y in area.top()..area.bottom() {
        covered.clear();
        covered.extend(clean.iter().filter(|r| r.top() <= y && y < r.bottom()).map(|r| (r.left(), r.right())));
        covered.sort_unstable();
        let mut x = area.left();
        for &(left, right) in &covered {
            if left > x {
                out.push((y, x, left));
            }
            x = x.max(right);
        }
        if x < area.right() {
            out.push((y, x, area.right()));
        }
    }
    out
}

impl Frames {
    /// Draws `viewer` into `buf` over `area` as [`Frames::render`] does, into a `buf` that is
    /// not reset: it must hold the frame this `Frames` drew the time before last, unchanged
    /// since, unless [`Frames::forget_placement`] was called after that frame (the painter's
    /// spare buffer). The cells of the panes and rows that stay in place are left as they are.
    pub fn render_over(&mut self, viewer: Viewer<'_>, area: Rect, buf: &mut Buffer) {
        self.held.clear();
        // The presenter view frames its slides before drawing them, over their cells; the
        // dashboard and the audience's slide draw only the canvas before their panes.
        let presenter = viewer.view.mode() == Mode::Presentation && viewer.view.presentation().presenter();
        if buf.area == area && !presenter {
            // `placing` still lists the panes of the frame before last (see `Frames::render`).
            let panes = self.placing.iter().map(|&key| Held { rect: key.rect(), pane: Some(key), reached: false });
            let rows = self.in_place_rows.iter().map(|&rect| Held { rect, pane: None, reached: false });
            self.held.extend(panes.chain(rows));
        }
        if self.held.is_empty() {
            buf.reset();
        } else {
            let rects: Vec<Rect> = self.held.iter().map(|held| held.rect).collect();
            for (y, left, right) in spans(area, &rects) {
                let start = buf.index_of(left, y);
                let end = start + usize::from(right - left);
                buf.content[start..end].iter_mut().for_each(|cell| cell.reset());
            }
        }
        self.render_held(viewer, area, buf);
        if self.held.iter().any(|held| !held.reached) {
            buf.reset();
            super::super::draw(viewer, area, buf, &mut Reuse(None));
        }
        self.held.clear();
    }

    /// Whether the pane `key` is held, unreached, at its own rect; it is reached from now on.
    pub(super) fn take_held_pane(&mut self, key: &Key) -> bool {
        self.take_held(|held| held.pane.as_ref() == Some(key))
    }

    /// Whether the article row at `rect` is held, unreached; it is reached from now on.
    pub(super) fn take_held_row(&mut self, rect: Rect) -> bool {
        self.take_held(|held| held.pane.is_none() && held.rect == rect)
    }

    fn take_held(&mut self, is: impl Fn(&Held) -> bool) -> bool {
        match self.held.iter_mut().find(|held| !held.reached && is(held)) {
            Some(held) => {
                held.reached = true;
                true
            }
            None => false,
        }
    }

    /// Before `rect` is drawn: the held cells under it become a reset buffer's (with the
    /// canvas over them).
    pub(super) fn clean(&mut self, rect: Rect, buf: &mut Buffer) {
        for held in self.held.iter().filter(|held| !held.reached) {
            let cells = held.rect.intersection(rect);
            if cells.is_empty() {
                continue;
            }
            for y in cells.top()..cells.bottom() {
                let start = buf.index_of(cells.x, y);
                buf.content[start..start + usize::from(cells.width)].iter_mut().for_each(|cell| cell.reset());
            }
            if self.canvas != Style::new() {
                buf.set_style(cells, self.canvas);
            }
        }
    }

    /// After `rect` was drawn or copied whole: the held rects within it are reached.
    pub(super) fn cover(&mut self, rect: Rect) {
        let within = |inner: Rect| {
            let (x, y) = (u32::from(inner.x), u32::from(inner.y));
            u32::from(rect.x) <= x
                && u32::from(rect.y) <= y
                && x + u32::from(inner.width) <= u32::from(rect.x) + u32::from(rect.width)
                && y + u32::from(inner.height) <= u32::from(rect.y) + u32::from(rect.height)
        };
        for held in self.held.iter_mut().filter(|held| !held.reached) {
            held.reached = within(held.rect);
        }
    }
}

impl Reuse<'_> {
    /// The canvas style over `area` (the whole frame), as `buf.set_style` puts it, but not over
    /// held cells, which have it already.
    pub fn canvas(&mut self, area: Rect, style: Style, buf: &mut Buffer) {
        match self.0.as_deref_mut() {
            Some(frames) if !frames.held.is_empty() => {
                let rects: Vec<Rect> = frames.held.iter().map(|held| held.rect).collect();
                for (y, left, right) in spans(area, &rects) {
                    buf.set_style(Rect::new(left, y, right - left, 1), style);
                }
            }
            _ => buf.set_style(area, style),
        }
    }

    /// Before something is drawn over `rect` apart from the cache (an article row of its
    /// own): no held cell under it stays stale, and the held rects within it are reached.
    pub fn fresh(&mut self, rect: Rect, buf: &mut Buffer) {
        if let Some(frames) = self.0.as_deref_mut()
            && !frames.held.is_empty()
        {
            frames.clean(rect, buf);
            frames.cover(rect);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_leave_out_the_clean_rects() {
        let area = Rect::new(0, 0, 10, 3);
        let clean = [Rect::new(2, 0, 3, 2), Rect::new(7, 1, 3, 2)];
        assert_eq!(spans(area, &clean), [(0, 0, 2), (0, 5, 10), (1, 0, 2), (1, 5, 7), (2, 0, 7)]);
    }
}
