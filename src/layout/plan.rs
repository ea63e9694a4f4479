//! How tall each pane of the left column is: every pane grows a level at a time, all together,
//! so bars are as thick in one chart as in the next, and the detail box gets what its fields
//! need and no more.
//!
//! All sums are taken in `usize` and saturate: a chart may hold more bars than a `u16` counts.

use super::ChartShape;
use crate::geometry::{row_gap, span};

/// Screen rows per level of growth above two-row bars: a screen 140 rows tall may have bars ten
/// rows thick, one 50 rows tall stays at two or three.
pub const ROWS_PER_LEVEL: u16 = 14;
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
pub enum Item {
    Chart(ChartShape),
    Gauges(usize),
}

/// Rows a pane wants at a growth level, borders included: 0 = the least that is still
/// readable, 1 = one row per bar with gaps between them, 2 and up = bars that many rows thick
/// with gaps of a third of that ([`row_gap`]); vertical charts grow taller alongside, gauges stop
/// at two rows each.
pub fn rows_wanted(item: Item, level: u16) -> usize {
    let rows = match item {
        Item::Chart(ChartShape { vertical: true, .. }) => match level {
            0 => 5,
            1 => 10,
            level => 14 + 3 * usize::from(level - 2),
        },
        Item::Chart(ChartShape { bars, .. }) => {
            let bars = bars.max(1);
            match level {
                0 => bars.min(3),
                1 => span(bars, 1, 1),
                thickness => span(bars, thickness, row_gap(thickness)),
            }
        }
        Item::Gauges(count) => match level {
            0 => count.min(2),
            1 => count,
            _ => count.saturating_mul(2),
        },
    };
    rows.saturating_add(2)
}

/// Rows all the panes want at a level.
pub fn total(items: &[Item], level: u16) -> usize {
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
pub fn plan(items: &[Item], height: u16, max_level: u16) -> Plan {
    let available = usize::from(height);
    let thick = (3..=max_level).rev().find(|&level| total(items, level) + usize::from(DETAIL_BOX_WANTED) <= available);
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
fn grow(items: &[Item], budget: usize) -> Vec<usize> {
    let level = (0..3).rev().find(|&level| total(items, level) <= budget).unwrap_or(0);
    let mut heights: Vec<usize> = items.iter().map(|&item| rows_wanted(item, level)).collect();
    if level == 2 {
        return heights;
    }
    let targets: Vec<usize> = items.iter().map(|&item| rows_wanted(item, level + 1)).collect();
    let mut spare = budget.saturating_sub(total(items, level));
    // Each round grows every pane still short of its target by a row: at most `spare` rounds.
    while spare > 0 {
        let mut grew = false;
        for (h, target) in heights.iter_mut().zip(&targets) {
            if spare > 0 && *h < *target {
                *h += 1;
                spare -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    heights
}
