//! The article's rows kept from the frame before: a row of text is drawn from its wrapped line,
//! the wrap width and the highlights over its characters (`highlight::styled_line` patches a
//! highlight only where it covers them), over a row the canvas style alone has touched; so a row of the same line, width and
//! highlights is copied instead of styled and written again, wherever the scroll moved it, and
//! is *in place* (left out of the painter's comparison) when it is at the same place as before.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::super::highlight::Highlight;
use super::{Frames, Reuse};
use crate::article::{Piece, WrappedLine};

/// What one row of article text is drawn from, besides what clears the whole cache.
#[derive(PartialEq)]
pub(in crate::ui) struct RowKey {
    pub line: WrappedLine,
    /// The width the line was wrapped for.
    pub width: usize,
    /// The highlights that may touch the line's characters, in drawing order.
    pub highlights: Vec<Highlight>,
}

impl RowKey {
    /// The key of `line`, drawn as `pieces` wrapped for `width`, under `highlights` (of any
    /// block and place).
    pub fn new(line: &WrappedLine, pieces: &[Piece], width: usize, highlights: &[Highlight]) -> Self {
        // The characters the line shows lie within these offsets of its block, generously: from
        // its first offset or any piece's (a table's cells), for as many as all its pieces hold.
        let ats = pieces.iter().filter(|piece| !piece.style.marker).filter_map(|piece| piece.at);
        let start = ats.clone().fold(line.offset, usize::min);
        let chars: usize =
            pieces.iter().filter(|piece| !piece.style.marker).map(|piece| piece.text.chars().count()).sum();
        let end = ats.fold(line.offset, usize::max) + chars;
        let touches = |h: &&Highlight| h.span.block == line.block && h.span.start <= end && h.span.end >= start;
        let highlights = highlights.iter().filter(touches).copied().collect();
        Self { line: line.clone(), width, highlights }
    }
}

/// A row drawn in a frame: its key, where it was, its cells.
pub(super) struct Kept {
    key: RowKey,
    rect: Rect,
    cells: Vec<Cell>,
}

impl Frames {
    /// Starts a frame's rows: the last frame's become the ones to copy from.
    pub(super) fn start_rows(&mut self) {
        self.rows = std::mem::take(&mut self.rows_drawn).into_iter().map(Some).collect();
        self.rows_drawn.clear();
    }
}

impl Reuse<'_> {
    /// Draws one row of article text over `rect` (one row high) with `draw`, or copies it from
    /// the last frame's row of the same `key` and width (`key` is not needed for a frame drawn
    /// from scratch, but it is cheap beside the drawing).
    pub fn article_row(&mut self, key: RowKey, rect: Rect, buf: &mut Buffer, draw: impl FnOnce(&mut Buffer)) {
        let Some(frames) = self
            .0
            .as_deref_mut()
            .filter(|_| buf.area.intersection(rect) == rect && !rect.is_empty() && rect.height == 1)
        else {
            return draw(buf);
        };
        let start = buf.index_of(rect.x, rect.y);
        let width = usize::from(rect.width);
        let found = frames.rows.iter().position(|kept| {
            kept.as_ref().is_some_and(|kept| kept.rect.width == rect.width && kept.rect.x == rect.x && kept.key == key)
        });
        if let Some(kept) = found.and_then(|at| frames.rows[at].take()) {
            // Held where it was: its cells are there already.
            if !(kept.rect == rect && frames.take_held_row(rect)) {
                buf.content[start..start + width].clone_from_slice(&kept.cells);
                frames.cover(rect);
            }
            if frames.plain && frames.rows_placed && kept.rect == rect {
                frames.in_place.push(rect);
                frames.in_place_rows.push(rect);
            }
            frames.rows_drawn.push(Kept { rect, ..kept });
            return;
        }
        frames.clean(rect, buf);
        draw(buf);
        frames.cover(rect);
        let cells = buf.content[start..start + width].to_vec();
        frames.rows_drawn.push(Kept { key, rect, cells });
    }
}
