//! Where a bar's label is drawn, for the screen-reader cursor: the same arithmetic as the
//! drawing (`draw_horizontal`, `draw_vertical`), without a buffer.

use ratatui::layout::{Position, Rect};

use super::{Plot, label_room, label_row};
use crate::text::width::{truncate, width};

impl Plot<'_> {
    /// The first cell of the label of the `shown`-th bar of the window (from 0), as [`Plot::draw`]
    /// draws it in `area`; `None` when that bar is not drawn (out of the area, no bars). Without
    /// room for labels, the bar's own first cell.
    pub fn label_at(&self, area: Rect, shown: usize) -> Option<Position> {
        let bar = self.bars.get(shown)?;
        if area.is_empty() {
            return None;
        }
        let step = self.slots.thickness.saturating_add(self.slots.gap);
        let along = u16::try_from(shown).ok()?.checked_mul(step)?;
        if self.slots.vertical {
            let x = area.x.saturating_add(self.slots.offset).saturating_add(along);
            if x >= area.right() {
                return None;
            }
            let columns = self.slots.thickness.min(area.right() - x);
            let label = width(&truncate(&bar.label, usize::from(columns)));
            let centre = x + columns.saturating_sub(u16::try_from(label).unwrap_or(u16::MAX)) / 2;
            let bottom = area.y.saturating_add(area.height.saturating_sub(1));
            return Some(Position::new(centre, bottom));
        }
        let top = area.y.saturating_add(along);
        let text_row = top.saturating_add(self.slots.thickness / 2);
        if top >= area.bottom() || text_row >= area.bottom() {
            return None;
        }
        let rows = self.slots.thickness.min(area.bottom() - top);
        let room = label_room(self.label_width, usize::from(area.width), self.value_width());
        Some(Position::new(area.x, label_row(top, rows, text_row, room, &bar.label)))
    }
}
