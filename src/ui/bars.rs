//! The bar widget: bars whose lengths are exact to an eighth of a cell and whose values are
//! never hidden or split. Pure: labels, values and styles in, cells out.
//!
//! A value goes inside its bar when it fits on the bar's full cells with one to spare (on the
//! bar's colour), else
//! right after the bar's end (on the pane's background, in a style made for it). The bars are
//! scaled so that every value of the window finds one of the two places. A non-zero value is
//! never drawn as nothing: it gets at least an eighth of a cell, and [`Drawn::too_small`] counts
//! the bars that sliver overstates, for the chart to say so.

mod cursor;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::bar::NINE_LEVELS;

use super::line_cells;
use crate::dataset::ChartScale;
use crate::geometry::BarSlots;
use crate::text::width::{truncate, width};

/// Left eighths of a cell, for horizontal bar ends (index: eighths filled).
const LEFT_EIGHTHS: [&str; 8] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// How one bar looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarLook {
    pub bar: Style,
    /// The value on the bar's cells: a style with the bar's colour as background.
    pub inside: Style,
    /// The value after the bar's end, on the background.
    pub outside: Style,
    pub label: Style,
}

/// One bar to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    pub label: String,
    /// What the length shows (in the unit's base: tonnes), finite and >= 0.
    pub magnitude: f64,
    /// The value as written, shown with the bar.
    pub text: String,
    pub look: BarLook,
}

/// The length of every bar of a chart: its largest value fills the bars' room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub max: f64,
    /// The least non-zero value (for the log scale's origin).
    pub least: f64,
    pub scale: ChartScale,
}

impl Axis {
    /// The axis of a chart of these values.
    pub fn of(values: impl IntoIterator<Item = f64>, scale: ChartScale) -> Self {
        let (mut max, mut least) = (0.0_f64, f64::INFINITY);
        for value in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            max = max.max(value);
            least = least.min(value);
        }
        Self { max, least: if least.is_finite() { least } else { 0.0 }, scale }
    }

    /// The share of the full length `value` takes, within 0..=1. On the log scale the origin is
    /// a decade below the least value's, so the least bar still has a length of its own.
    pub fn fraction(&self, value: f64) -> f64 {
        if !(value > 0.0 && self.max > 0.0) {
            return 0.0;
        }
        let linear = value / self.max;
        let fraction = match self.scale {
            ChartScale::Linear => linear,
            ChartScale::Log => {
                let origin = self.least.log10().floor() - 1.0;
                (value.log10() - origin) / (self.max.log10() - origin)
            }
        };
        if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 }
    }

    /// The length of `value` in eighths of a cell, for `cells` cells of room: rounded to the
    /// nearest eighth, and at least one for any value above zero.
    pub fn eighths(&self, value: f64, cells: u16) -> u32 {
        let exact = self.fraction(value) * f64::from(cells) * 8.0;
        let rounded = exact.round() as u32;
        if value > 0.0 && self.max > 0.0 { rounded.max(1) } else { rounded }
    }

    /// Whether `value`, above zero, is shorter than an eighth of a cell at `cells` cells of
    /// room: drawn as the thinnest sliver, longer than it is.
    pub fn too_small(&self, value: f64, cells: u16) -> bool {
        value > 0.0 && self.fraction(value) * f64::from(cells) * 8.0 < 1.0
    }
}

/// What was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drawn {
    /// Bars of the window too short to draw to scale (see [`Axis::too_small`]).
    pub too_small: usize,
    /// The cells the largest value fills (rows, for vertical bars): what the axis was drawn at.
    pub cells: u16,
}

/// A chart's bars, placed by `slots` in `area`.
pub struct Plot<'a> {
    /// The bars of `slots.window`, in order.
    pub bars: &'a [BarSpec],
    pub axis: Axis,
    pub slots: &'a BarSlots,
    /// The widest label of the whole chart (not only the window), so the bars do not move
    /// as it scrolls.
    pub label_width: usize,
}

impl Plot<'_> {
    /// Draws the bars, their labels and values.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Drawn {
        if area.is_empty() || self.bars.is_empty() {
            return Drawn::default();
        }
        if self.slots.vertical { self.draw_vertical(area, buf) } else { self.draw_horizontal(area, buf) }
    }

    fn value_width(&self) -> usize {
        self.bars.iter().map(|b| width(&b.text)).max().unwrap_or(0)
    }

    fn draw_horizontal(&self, area: Rect, buf: &mut Buffer) -> Drawn {
        let room = usize::from(area.width);
        let value_width = self.value_width();
        let label_room = label_room(self.label_width, room, value_width);
        let skip = if label_room > 0 { label_room + 1 } else { 0 };
        let bars_x = area.x.saturating_add(u16::try_from(skip).unwrap_or(u16::MAX));
        let bars_width = area.width.saturating_sub(u16::try_from(skip).unwrap_or(u16::MAX));
        let cells = self.scale_cells(bars_width, value_width, |bar, cells| {
            let eighths = self.axis.eighths(bar.magnitude, cells);
            let text = width(&bar.text);
            // Inside on full cells, or after the end with a space between.
            inside(text, eighths) || eighths.div_ceil(8) as usize + 1 + text <= usize::from(bars_width)
        });
        let step = self.slots.thickness.saturating_add(self.slots.gap);
        let mut drawn = Drawn { too_small: 0, cells };
        for (position, bar) in self.bars.iter().enumerate() {
            let offset = u16::try_from(position).unwrap_or(u16::MAX).saturating_mul(step);
            let top = area.y.saturating_add(offset);
            if top >= area.bottom() {
                break;
            }
            let rows = self.slots.thickness.min(area.bottom() - top);
            let eighths = self.axis.eighths(bar.magnitude, cells);
            drawn.too_small += usize::from(self.axis.too_small(bar.magnitude, cells));
            for row in top..top + rows {
                horizontal_bar(buf, bars_x, row, bars_width, eighths, bar.look.bar);
            }
            let text_row = top.saturating_add(self.slots.thickness / 2);
            if text_row >= area.bottom() {
                continue;
            }
            self.labels(buf, area.x, top, rows, text_row, label_room, bar);
            let text = width(&bar.text);
            if inside(text, eighths) {
                line_cells::set_stringn(buf, bars_x, text_row, &bar.text, text, bar.look.inside);
            } else {
                let end = u16::try_from(eighths.div_ceil(8)).unwrap_or(u16::MAX).saturating_add(1);
                let left = usize::from(bars_width.saturating_sub(end));
                let shown = truncate(&bar.text, left);
                line_cells::set_stringn(buf, bars_x.saturating_add(end), text_row, &shown, left, bar.look.outside);
            }
        }
        drawn
    }

    /// The label beside a bar: on the value's row, or on two rows when the bar has them and
    /// the label needs them.
    #[allow(clippy::too_many_arguments)]
    fn labels(&self, buf: &mut Buffer, x: u16, top: u16, rows: u16, text_row: u16, room: usize, bar: &BarSpec) {
        if room == 0 {
            return;
        }
        if label_in_two(rows, room, &bar.label) {
            let lines = two_lines(&bar.label, room);
            let first = label_row(top, rows, text_row, room, &bar.label);
            for (row, line) in (first..).zip(&lines) {
                line_cells::set_stringn(buf, x, row, line, room, bar.look.label);
            }
        } else {
            line_cells::set_stringn(buf, x, text_row, &truncate(&bar.label, room), room, bar.look.label);
        }
    }

    /// The cells the largest value fills: all of `room` if every bar's value then finds its
    /// place (`fits`), else the most that lets them (at worst the room less the widest value,
    /// where every value fits after its bar).
    fn scale_cells(&self, room: u16, value_width: usize, fits: impl Fn(&BarSpec, u16) -> bool) -> u16 {
        let reserve = u16::try_from(value_width.saturating_add(2)).unwrap_or(u16::MAX);
        let least = room.saturating_sub(reserve);
        (least..=room).rev().find(|&cells| self.bars.iter().all(|bar| fits(bar, cells))).unwrap_or(least)
    }

    fn draw_vertical(&self, area: Rect, buf: &mut Buffer) -> Drawn {
        let thickness = self.slots.thickness;
        let step = thickness.saturating_add(self.slots.gap);
        // The labels' row at the bottom, the bars above it.
        let height = area.height.saturating_sub(1);
        let cells = self.scale_cells(height, 0, |bar, cells| {
            let eighths = self.axis.eighths(bar.magnitude, cells);
            let inside = width(&bar.text) <= usize::from(thickness) && eighths >= 8;
            inside || eighths.div_ceil(8) < u32::from(height)
        });
        let mut drawn = Drawn { too_small: 0, cells };
        let bottom = area.y.saturating_add(height);
        for (position, bar) in self.bars.iter().enumerate() {
            let along = u16::try_from(position).unwrap_or(u16::MAX).saturating_mul(step);
            let x = area.x.saturating_add(self.slots.offset).saturating_add(along);
            if x >= area.right() {
                break;
            }
            let columns = thickness.min(area.right() - x);
            let eighths = self.axis.eighths(bar.magnitude, cells);
            drawn.too_small += usize::from(self.axis.too_small(bar.magnitude, cells));
            for row in 0..height {
                let filled = eighths.saturating_sub(u32::from(row) * 8).min(8);
                if filled == 0 {
                    break;
                }
                for column in x..x + columns {
                    buf[(column, bottom - 1 - row)].set_symbol(vertical_symbol(filled)).set_style(bar.look.bar);
                }
            }
            let label = truncate(&bar.label, usize::from(columns));
            let centre = |text: usize| x + columns.saturating_sub(u16::try_from(text).unwrap_or(u16::MAX)) / 2;
            line_cells::set_stringn(buf, centre(width(&label)), bottom, &label, usize::from(columns), bar.look.label);
            let text = width(&bar.text);
            if height == 0 {
                continue;
            }
            if text <= usize::from(columns) && eighths >= 8 {
                line_cells::set_stringn(buf, centre(text), bottom - 1, &bar.text, text, bar.look.inside);
            } else {
                // Above the bar's top, over its columns and the gap after it.
                let top = u16::try_from(eighths.div_ceil(8)).unwrap_or(u16::MAX);
                let row = bottom.saturating_sub(top).saturating_sub(1).max(area.y);
                let room = usize::from(columns.saturating_add(self.slots.gap).min(area.right() - x));
                let shown = truncate(&bar.text, room);
                let at = if width(&shown) <= usize::from(columns) { centre(width(&shown)) } else { x };
                line_cells::set_stringn(buf, at, row, &shown, room, bar.look.outside);
            }
        }
        drawn
    }
}

/// Whether a value `text` columns wide goes inside a horizontal bar `eighths` long: on its full
/// cells, with at least one more of bar after it, so the bar shows past its value.
fn inside(text: usize, eighths: u32) -> bool {
    text < (eighths / 8) as usize
}

/// Columns for labels beside horizontal bars, out of `room`: the longest label whole if the
/// bars keep a third of the room and space for the widest value; else what is left then.
pub fn label_room(longest: usize, room: usize, value_width: usize) -> usize {
    let bars = (room / 3).max(value_width.saturating_add(2));
    longest.min(room.saturating_sub(bars).saturating_sub(1))
}

/// Whether a label beside a bar `rows` thick takes two rows of `room` columns.
fn label_in_two(rows: u16, room: usize, label: &str) -> bool {
    rows >= 2 && width(label) > room
}

/// The row a horizontal bar's label begins on: the value's row, or the one above it (within the
/// bar) when the label takes two.
fn label_row(top: u16, rows: u16, text_row: u16, room: usize, label: &str) -> u16 {
    if label_in_two(rows, room, label) { text_row.saturating_sub(1).max(top) } else { text_row }
}

/// A label in two lines of at most `room` columns, broken at the last space that lets the first
/// line fit (anywhere when there is none); the second is cut with `…` if still too long.
fn two_lines(label: &str, room: usize) -> Vec<String> {
    let first = truncate_plain(label, room);
    let cut = first.rfind(' ').filter(|&at| at > 0).unwrap_or(first.len());
    let (head, tail) = label.split_at(cut);
    vec![head.trim_end().to_owned(), truncate(tail.trim_start(), room)]
}

/// The longest prefix of `text` at most `room` columns wide, without an ellipsis.
fn truncate_plain(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            return &text[..at];
        }
    }
    text
}

/// One row of a horizontal bar `eighths` long, drawn over `columns` cells from `x`.
fn horizontal_bar(buf: &mut Buffer, x: u16, y: u16, columns: u16, eighths: u32, style: Style) {
    for column in 0..columns {
        let filled = eighths.saturating_sub(u32::from(column) * 8).min(8);
        if filled == 0 {
            break;
        }
        let symbol = if filled == 8 { "█" } else { LEFT_EIGHTHS[filled as usize] };
        buf[(x + column, y)].set_symbol(symbol).set_style(style);
    }
}

/// The symbol of a vertical bar's cell filled `filled` eighths from the bottom.
fn vertical_symbol(filled: u32) -> &'static str {
    let set = NINE_LEVELS;
    [
        set.empty,
        set.one_eighth,
        set.one_quarter,
        set.three_eighths,
        set.half,
        set.five_eighths,
        set.three_quarters,
        set.seven_eighths,
        set.full,
    ][filled.min(8) as usize]
}

#[cfg(test)]
mod tests;
