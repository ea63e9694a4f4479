//! How tall each pane of the left column is: every pane grows a level at a time, all together,
//! so bars are as thick in one chart as in the next; the detail box gets at most what a box of
//! fields needs (drawing trims it to the selection's own fields), and rows nothing can use stay
//! empty rather than stretch a pane.
//!
//! All sums are taken in `usize` and saturate: a chart may hold more bars than a `u16` counts.

use super::ChartShape;
use crate::geometry::{row_gap, span};

/// Screen rows per level of growth above two-row bars: a screen 140 rows tall may have bars
/// eleven rows thick, one 50 rows tall four, one 40 rows tall three.
pub const ROWS_PER_LEVEL: u16 = 12;
/// The smallest detail box worth drawing (borders, label, value, two lines of note).
const DETAIL_BOX_MIN: u16 = 6;
/// The detail box that bars thicker than two rows leave room for: borders and seven rows of
/// fields (a metric's value, period, a two-line note, its quote and id).
const DETAIL_BOX_WANTED: u16 = 9;
/// The tallest detail box: borders and nine rows of fields, every field a metric has with a
/// line to spare. What does not fit is one Enter away, in the details window.
const DETAIL_BOX_MAX: u16 = 11;

/// A pane of the left column.
#[derive(Debug, Clone, Copy)]
pub enum LeftPane {
    Chart(ChartShape),
    Gauges(usize),
}

/// Rows a pane wants at a growth level, borders included: 0 = the least that is still
/// readable, 1 = one row per bar with gaps between them, 2 and up = bars that many rows thick
/// with gaps of a third of that ([`row_gap`]); vertical charts grow taller alongside, gauges stop
/// at two rows each.
pub fn rows_wanted(item: LeftPane, level: u16) -> usize {
    let rows = match item {
        // A table wants a row per metric under its header, and no more however tall the screen.
        LeftPane::Chart(ChartShape { bars, table: true, .. }) => match level {
            0 => bars.min(3).saturating_add(1),
            _ => bars.max(1).saturating_add(1),
        },
        LeftPane::Chart(ChartShape { vertical: true, .. }) => match level {
            0 => 5,
            1 => 10,
            level => 14 + 3 * usize::from(level - 2),
        },
        LeftPane::Chart(ChartShape { bars, .. }) => {
            let bars = bars.max(1);
            match level {
                0 => bars.min(3),
                1 => span(bars, 1, 1),
                thickness => span(bars, thickness, row_gap(thickness)),
            }
        }
        LeftPane::Gauges(count) => match level {
            0 => count.min(2),
            1 => count,
            _ => count.saturating_mul(2),
        },
    };
    rows.saturating_add(2)
}

/// Rows all the panes want at a level.
pub fn total(items: &[LeftPane], level: u16) -> usize {
    items.iter().map(|&item| rows_wanted(item, level)).fold(0, usize::saturating_add)
}

/// The left column's rows: each pane's height, then the detail box's (0 for a detail line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub heights: Vec<u16>,
    pub detail_box: u16,
}

/// Plans `height` rows for the panes. Up to two-row bars, the panes take what they can (the
/// detail box what is left); above that, a level only when a readable detail box still fits
/// beside it, up to `max_level`. The caller has checked that level 0 fits with a detail line.
pub fn plan(items: &[LeftPane], height: u16, max_level: u16) -> Plan {
    let available = usize::from(height);
    let thick = (3..=max_level)
        .rev()
        .find(|&level| total(items, level).saturating_add(usize::from(DETAIL_BOX_WANTED)) <= available);
    let heights: Vec<usize> = match thick {
        Some(level) => items.iter().map(|&item| rows_wanted(item, level)).collect(),
        None => grow(items, available.saturating_sub(1)),
    };
    let used = heights.iter().fold(0, |sum: usize, &h| sum.saturating_add(h));
    let spare = u16::try_from(available.saturating_sub(used)).unwrap_or(u16::MAX);
    // Rows too few to leave empty go to the box; a big remainder stays empty under it.
    let detail_box = match spare {
        spare if spare < DETAIL_BOX_MIN => 0,
        spare if spare < DETAIL_BOX_MAX + DETAIL_BOX_MIN => spare,
        _ => DETAIL_BOX_MAX,
    };
    let heights = heights.into_iter().map(|h| u16::try_from(h).unwrap_or(u16::MAX)).collect();
    Plan { heights, detail_box }
}

/// Heights within `budget` up to two-row bars: the highest level that fits whole, then one row
/// at a time towards the next level, first pane first.
fn grow(items: &[LeftPane], budget: usize) -> Vec<usize> {
    let level = (0..3).rev().find(|&level| total(items, level) <= budget).unwrap_or(0);
    let mut heights: Vec<usize> = items.iter().map(|&item| rows_wanted(item, level)).collect();
    if level == 2 {
        return heights;
    }
    let needs: Vec<usize> =
        items.iter().zip(&heights).map(|(&item, &h)| rows_wanted(item, level + 1).saturating_sub(h)).collect();
    let spare = budget.saturating_sub(total(items, level));
    // As if the panes grew a row each in turns, first pane first, until the rows run out or all
    // reach the next level: `rounds` whole turns, then one more row for the first few panes.
    let given = |rounds: usize| needs.iter().map(|&need| need.min(rounds)).fold(0, usize::saturating_add);
    let (mut low, mut high) = (0, needs.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if given(mid) <= spare { low = mid } else { high = mid - 1 }
    }
    let mut left = spare - given(low);
    for (h, &need) in heights.iter_mut().zip(&needs) {
        *h += need.min(low);
        if left > 0 && need > low {
            *h += 1;
            left -= 1;
        }
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The turns `grow` stands for, a row at a time.
    fn grow_by_turns(items: &[LeftPane], budget: usize) -> Vec<usize> {
        let level = (0..3).rev().find(|&level| total(items, level) <= budget).unwrap_or(0);
        let mut heights: Vec<usize> = items.iter().map(|&item| rows_wanted(item, level)).collect();
        if level == 2 {
            return heights;
        }
        let targets: Vec<usize> = items.iter().map(|&item| rows_wanted(item, level + 1)).collect();
        let mut spare = budget.saturating_sub(total(items, level));
        while spare > 0 && heights.iter().zip(&targets).any(|(h, t)| h < t) {
            for (h, target) in heights.iter_mut().zip(&targets) {
                if spare > 0 && *h < *target {
                    *h += 1;
                    spare -= 1;
                }
            }
        }
        heights
    }

    #[test]
    fn growing_at_once_is_growing_a_row_at_a_time() {
        let chart = |bars, vertical| LeftPane::Chart(ChartShape { bars, vertical, table: false });
        let shapes = [
            vec![chart(6, false), chart(2, false), LeftPane::Gauges(4)],
            vec![chart(40, false), chart(1, true), LeftPane::Gauges(9)],
            vec![chart(3, false)],
        ];
        for items in &shapes {
            for budget in 0..120 {
                assert_eq!(grow(items, budget), grow_by_turns(items, budget), "{items:?} in {budget}");
            }
        }
    }

    #[test]
    fn counts_beyond_any_screen_saturate() {
        let huge = LeftPane::Chart(ChartShape { bars: usize::MAX, vertical: false, table: false });
        assert_eq!(rows_wanted(huge, 8), usize::MAX);
        assert_eq!(total(&[huge, huge], 1), usize::MAX);
        // A window of one-row bars as tall as the screen, less the detail line.
        let plan = plan(&[huge, huge], u16::MAX, 24);
        assert_eq!(plan.heights, [32767, 32767]);
        assert_eq!(plan.detail_box, 0);
    }
}
