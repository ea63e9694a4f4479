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
    /// Cells before the first bar along the axis: vertical bars are centred in their area.
    pub offset: u16,
}

/// The thickest bars allowed: rows of a horizontal bar, columns of a vertical one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarLimits {
    pub rows: u16,
    pub columns: u16,
}

/// Horizontal bars never get thicker than this on the dashboard, however tall the screen.
pub const MAX_BAR_ROWS: u16 = 24;
/// Vertical bars are up to this many columns wide, with one-column gaps; wider only in a chart
/// with more rows than that (up to three columns per four rows: a cell is twice as tall as
/// wide, so the bar stays well taller than wide), with wider gaps.
pub const MAX_BAR_COLUMNS: u16 = 12;

impl BarLimits {
    /// The dashboard's limits for a chart's inner area: a horizontal bar at most a twelfth as
    /// many rows thick as the pane is wide (a cell is about twice as tall as wide: a pane's
    /// bars, labels beside them, stay clearly longer than thick), and never below the two rows
    /// every screen has always had; a vertical bar three columns wide for every four rows of the pane, at
    /// least [`MAX_BAR_COLUMNS`].
    pub fn dataset(inner: Rect) -> Self {
        let columns = u16::try_from(u32::from(inner.height) * 3 / 4).unwrap_or(u16::MAX);
        Self { rows: (inner.width / 12).clamp(2, MAX_BAR_ROWS), columns: columns.max(MAX_BAR_COLUMNS) }
    }
}

/// The gap under a horizontal bar `thickness` rows thick: a third of it, rounded up.
pub fn row_gap(thickness: u16) -> u16 {
    thickness.div_ceil(3)
}

/// The gap beside a vertical bar `thickness` columns wide: one column, a quarter of the bar once
/// bars are wider than the dashboard's.
fn column_gap(thickness: u16) -> u16 {
    if thickness <= MAX_BAR_COLUMNS { 1 } else { thickness / 4 }
}

/// Cells `count` bars of `thickness` with `gap` between them take along the chart's axis, in
/// `usize` so that no count of bars can overflow it.
pub fn span(count: usize, thickness: u16, gap: u16) -> usize {
    count
        .saturating_mul(usize::from(thickness))
        .saturating_add(count.saturating_sub(1).saturating_mul(usize::from(gap)))
}

/// Places `count` bars in `inner` within the dashboard's limits. See [`bar_slots_within`].
pub fn bar_slots(count: usize, inner: Rect, vertical_wanted: bool, selected: usize) -> BarSlots {
    bar_slots_within(count, inner, vertical_wanted, selected, BarLimits::dataset(inner))
}

/// Places `count` bars in `inner`. Vertical bars are used only when wanted and when they all
/// fit; otherwise bars are horizontal, as thick as the room and `limits` allow (two rows and
/// more with gaps of a third of a bar, one row with one-row gaps, one row without gaps), or a
/// window of one-row bars that contains the selected bar, as centred as the ends allow.
pub fn bar_slots_within(
    count: usize,
    inner: Rect,
    vertical_wanted: bool,
    selected: usize,
    limits: BarLimits,
) -> BarSlots {
    if vertical_wanted && let Some(width) = vertical_bar_width(count, inner.width, limits.columns) {
        let gap = column_gap(width);
        let used = u16::try_from(span(count, width, gap)).unwrap_or(u16::MAX).min(inner.width);
        let offset = (inner.width - used) / 2;
        return BarSlots { window: 0..count, thickness: width, gap, vertical: true, offset };
    }
    let rows = usize::from(inner.height);
    let (window, thickness, gap) = if count == 0 || rows == 0 {
        (0..0, 1, 0)
    } else if let Some(thickness) = thickest_rows(count, inner.height, limits.rows) {
        (0..count, thickness, row_gap(thickness))
    } else if span(count, 1, 1) <= rows {
        (0..count, 1, 1)
    } else if count <= rows {
        (0..count, 1, 0)
    } else {
        let start = selected.saturating_sub(rows / 2).min(count - rows);
        (start..start + rows, 1, 0)
    };
    BarSlots { window, thickness, gap, vertical: false, offset: 0 }
}

/// Whether a chart that wants upright bars gets them: only when they all fit in `inner` within
/// `limits` and each is as wide as the widest value (`widest` columns), so that every value
/// sits whole inside or over its own bar. Otherwise its bars lie down, where values always fit.
pub fn stands_upright(wanted: bool, count: usize, inner: Rect, limits: BarLimits, widest: usize) -> bool {
    wanted && {
        let slots = bar_slots_within(count, inner, true, 0, limits);
        slots.vertical && usize::from(slots.thickness) >= widest
    }
}

/// The thickest horizontal bar, from two rows up to `limit`, with which all `count` bars and
/// their gaps fit in `rows`; `None` when not even two-row bars do.
fn thickest_rows(count: usize, rows: u16, limit: u16) -> Option<u16> {
    // No bar can be thicker than its share of the rows: start there, not at the limit.
    let share = u16::try_from(usize::from(rows) / count.max(1)).unwrap_or(u16::MAX);
    (2..=limit.min(share)).rev().find(|&t| span(count, t, row_gap(t)) <= usize::from(rows))
}

impl BarSlots {
    /// Cells the shown bars take along the chart's axis (rows, or columns when vertical).
    pub fn span(&self) -> u16 {
        u16::try_from(span(self.window.len(), self.thickness, self.gap)).unwrap_or(u16::MAX)
    }

    /// The bar under a cell of `inner`, if any (gaps hit nothing).
    pub fn hit(&self, inner: Rect, column: u16, row: u16) -> Option<usize> {
        if !inner.contains((column, row).into()) {
            return None;
        }
        let along = if self.vertical { column - inner.x } else { row - inner.y };
        let along = along.checked_sub(self.offset)?;
        let slot = self.thickness.saturating_add(self.gap).max(1);
        let (index, within) = (usize::from(along / slot), along % slot);
        let bar = self.window.start.saturating_add(index);
        (within < self.thickness && bar < self.window.end).then_some(bar)
    }
}

/// The widest vertical bar, up to `limit` columns, that lets all bars and their gaps fit;
/// `None` when even one-column bars do not fit.
fn vertical_bar_width(count: usize, columns: u16, limit: u16) -> Option<u16> {
    let count = u16::try_from(count).ok()?.max(1);
    // With one-column gaps: the width as it has always been, up to the dashboard's limit.
    let width = (columns.saturating_add(1) / count).checked_sub(1).filter(|&w| w >= 1)?;
    let narrow = width.min(limit).min(MAX_BAR_COLUMNS);
    if narrow < MAX_BAR_COLUMNS || limit <= MAX_BAR_COLUMNS {
        return Some(narrow);
    }
    // Wider bars (tall charts, slides) get wider gaps too: the widest that still fits.
    let fits = |w: u16| span(usize::from(count), w, column_gap(w)) <= usize::from(columns);
    let widest = (MAX_BAR_COLUMNS + 1..=limit.min(columns / count)).rev().find(|&w| fits(w));
    Some(widest.unwrap_or(MAX_BAR_COLUMNS))
}

/// Where a chart slide's bars go in its `content` area, and how thick they may grow: in
/// proportion to the slide. The bars take three fifths of the content's height (at least what
/// two-row bars need, at most all of it); vertical bars share three fifths of its width, with
/// gaps that widen with them. The area returned is the bars' rows, in the middle of `content`.
pub fn slide_bars(count: usize, vertical_wanted: bool, content: Rect) -> (BarLimits, Rect) {
    let share = |cells: u16| u16::try_from(u32::from(cells) * 3 / 5).unwrap_or(u16::MAX);
    let per_bar = u16::try_from(usize::from(share(content.width)) / count.max(1)).unwrap_or(u16::MAX);
    let limits = BarLimits { rows: (content.width / 8).max(2), columns: per_bar.max(MAX_BAR_COLUMNS) };
    let two_row_bars = u16::try_from(span(count, 2, 1)).unwrap_or(u16::MAX);
    let rows = share(content.height).max(two_row_bars).min(content.height);
    let vertical_rows = share(content.height).max(6).min(content.height);
    let tall = Rect { height: vertical_rows, ..content };
    let slots = bar_slots_within(count, tall, vertical_wanted, 0, limits);
    let area = if slots.vertical {
        // Drawing centres vertical bars across the area.
        centred_rows(content, vertical_rows)
    } else {
        let slots = bar_slots_within(count, Rect { height: rows, ..content }, false, 0, limits);
        centred_rows(content, slots.span())
    };
    (limits, area)
}

/// `rows` rows (at most all of them) in the vertical middle of `area`.
fn centred_rows(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect { y: area.y.saturating_add((area.height - rows) / 2), height: rows, ..area }
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
    let rows_each: u16 = if count > 0 && usize::from(rows) >= count.saturating_mul(2) { 2 } else { 1 };
    let visible = (usize::from(rows / rows_each)).min(count);
    let start = if visible == 0 { 0 } else { selected.min(count - 1).saturating_sub(visible / 2).min(count - visible) };
    GaugeSlots { window: start..start + visible, rows_each }
}

impl GaugeSlots {
    /// The gauge under a row of `inner`, if any.
    pub fn hit(&self, inner: Rect, column: u16, row: u16) -> Option<usize> {
        if !inner.contains((column, row).into()) {
            return None;
        }
        let gauge = self.window.start.saturating_add(usize::from((row - inner.y) / self.rows_each.max(1)));
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
    fn vertical_bars_are_centred_and_clicks_follow_them() {
        // Two bars in a wide, short pane: twelve columns each, in the middle.
        let inner = area(100, 10);
        let slots = bar_slots(2, inner, true, 0);
        assert_eq!((slots.thickness, slots.gap, slots.span()), (12, 1, 25));
        assert_eq!(slots.offset, (100 - 25) / 2);
        let first = inner.x + slots.offset;
        assert_eq!(slots.hit(inner, first - 1, 6), None, "left of the bars");
        assert_eq!(slots.hit(inner, first, 6), Some(0));
        assert_eq!(slots.hit(inner, first + 12, 6), None, "the gap");
        assert_eq!(slots.hit(inner, first + 13, 6), Some(1));
        assert_eq!(slots.hit(inner, first + 25, 6), None, "right of the bars");
        // A taller pane has wider bars, with wider gaps.
        let tall = bar_slots(2, area(100, 32), true, 0);
        assert_eq!((tall.thickness, tall.gap), (24, 6));
    }

    #[test]
    fn thick_bars_have_gaps_of_a_third() {
        let slots = |rows| {
            let s = bar_slots(2, area(200, rows), false, 0);
            (s.thickness, s.gap)
        };
        assert_eq!(slots(5), (2, 1));
        assert_eq!(slots(7), (3, 1));
        assert_eq!(slots(10), (4, 2));
        assert_eq!(bar_slots(2, area(400, 60), false, 0).thickness, MAX_BAR_ROWS, "never thicker than the limit");
        assert_eq!(bar_slots(2, area(60, 60), false, 0).thickness, 5, "a twelfth of the width");
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
