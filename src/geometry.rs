//! Where bars and gauges sit inside their panes. Pure functions shared by the drawing code and
//! the mouse's hit-testing, so a click lands on the bar that is drawn under it.

use std::ops::Range;

use ratatui::layout::Rect;

/// How a chart's bars are placed in its inner area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarSlots {
    /// The bars shown (a window around the selection when not all fit).
    pub window: Range<usize>,
    /// Rows (horizontal) or columns (vertical) per bar, and between bars.
    pub thickness: u16,
    pub gap: u16,
    pub vertical: bool,
}

/// Places `count` bars in `inner`. Vertical bars are used only when wanted and when they all
/// fit; otherwise bars are horizontal, as thick as the room allows (up to 2 rows, with gaps),
/// or a window of one-row bars that contains the selected bar, as centred as the ends allow.
pub fn bar_slots(count: usize, inner: Rect, vertical_wanted: bool, selected: usize) -> BarSlots {
    if vertical_wanted && let Some(width) = vertical_bar_width(count, inner.width) {
        return BarSlots { window: 0..count, thickness: width, gap: 1, vertical: true };
    }
    let rows = usize::from(inner.height);
    let (window, thickness, gap) = if count == 0 || rows == 0 {
        (0..0, 1, 0)
    } else if 3 * count - 1 <= rows {
        (0..count, 2, 1)
    } else if 2 * count - 1 <= rows {
        (0..count, 1, 1)
    } else if count <= rows {
        (0..count, 1, 0)
    } else {
        let start = selected.saturating_sub(rows / 2).min(count - rows);
        (start..start + rows, 1, 0)
    };
    BarSlots { window, thickness, gap, vertical: false }
}

impl BarSlots {
    /// The bar under a cell of `inner`, if any (gaps hit nothing).
    pub fn hit(&self, inner: Rect, column: u16, row: u16) -> Option<usize> {
        if !inner.contains((column, row).into()) {
            return None;
        }
        let along = if self.vertical { column - inner.x } else { row - inner.y };
        let slot = self.thickness + self.gap;
        let (index, within) = (usize::from(along / slot.max(1)), along % slot.max(1));
        let bar = self.window.start + index;
        (within < self.thickness && bar < self.window.end).then_some(bar)
    }
}

/// The widest vertical bar that lets all bars and their gaps fit, capped at a width that still
/// looks like a bar; `None` when even one-column bars do not fit.
fn vertical_bar_width(count: usize, columns: u16) -> Option<u16> {
    let count = u16::try_from(count).ok()?.max(1);
    let width = columns.saturating_add(1) / count;
    (width >= 2).then(|| (width - 1).min(12))
}

/// How gauges are placed in the gauges pane's inner area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GaugeSlots {
    pub window: Range<usize>,
    /// 2 (title above the line) when every gauge has two rows, else 1.
    pub rows_each: u16,
}

/// Places `count` gauges in `rows` rows, keeping the selected one in view.
pub fn gauge_slots(count: usize, rows: u16, selected: usize) -> GaugeSlots {
    let rows = usize::from(rows);
    let rows_each = if count > 0 && rows >= 2 * count { 2 } else { 1 };
    let visible = (rows / rows_each).min(count);
    let start = if visible == 0 { 0 } else { selected.min(count - 1).saturating_sub(visible / 2).min(count - visible) };
    GaugeSlots { window: start..start + visible, rows_each: rows_each as u16 }
}

impl GaugeSlots {
    /// The gauge under a row of `inner`, if any.
    pub fn hit(&self, inner: Rect, column: u16, row: u16) -> Option<usize> {
        if !inner.contains((column, row).into()) {
            return None;
        }
        let gauge = self.window.start + usize::from((row - inner.y) / self.rows_each.max(1));
        (gauge < self.window.end).then_some(gauge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(width: u16, height: u16) -> Rect {
        Rect::new(10, 5, width, height)
    }

    #[test]
    fn bars_thicken_when_there_is_room() {
        let slots = |rows| {
            let s = bar_slots(6, area(40, rows), false, 0);
            (s.window, s.thickness, s.gap)
        };
        assert_eq!(slots(17), (0..6, 2, 1));
        assert_eq!(slots(11), (0..6, 1, 1));
        assert_eq!(slots(6), (0..6, 1, 0));
    }

    #[test]
    fn a_window_follows_the_selection() {
        assert_eq!(bar_slots(6, area(40, 3), false, 0).window, 0..3);
        assert_eq!(bar_slots(6, area(40, 3), false, 3).window, 2..5);
        assert_eq!(bar_slots(6, area(40, 3), false, 5).window, 3..6);
        assert_eq!(bar_slots(6, area(40, 0), false, 5).window, 0..0);
    }

    #[test]
    fn vertical_bars_fit_or_turn_horizontal() {
        let fits = bar_slots(4, area(40, 10), true, 0);
        assert!(fits.vertical);
        assert_eq!(fits.thickness, 9);
        assert!(!bar_slots(30, area(40, 10), true, 0).vertical);
    }

    #[test]
    fn clicks_land_on_the_bar_drawn_under_them() {
        let inner = area(40, 11);
        let slots = bar_slots(6, inner, false, 0); // one row each, gaps between
        assert_eq!(slots.hit(inner, 12, 5), Some(0));
        assert_eq!(slots.hit(inner, 12, 6), None, "a gap");
        assert_eq!(slots.hit(inner, 30, 7), Some(1));
        assert_eq!(slots.hit(inner, 12, 15), Some(5));
        assert_eq!(slots.hit(inner, 9, 5), None, "outside");
        let vertical = bar_slots(4, inner, true, 0);
        assert_eq!(vertical.hit(inner, 10, 9), Some(0));
        assert_eq!(vertical.hit(inner, 19, 9), None, "the gap column");
        assert_eq!(vertical.hit(inner, 20, 9), Some(1));
    }

    #[test]
    fn gauges_get_two_rows_each_when_they_fit_and_scroll_otherwise() {
        assert_eq!(gauge_slots(4, 8, 0), GaugeSlots { window: 0..4, rows_each: 2 });
        assert_eq!(gauge_slots(4, 5, 0), GaugeSlots { window: 0..4, rows_each: 1 });
        assert_eq!(gauge_slots(4, 2, 3), GaugeSlots { window: 2..4, rows_each: 1 });
        assert_eq!(gauge_slots(0, 5, 0).window, 0..0);
        let inner = area(30, 8);
        assert_eq!(gauge_slots(4, 8, 0).hit(inner, 12, 8), Some(1));
    }
}
