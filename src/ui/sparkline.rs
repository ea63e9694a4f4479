//! Sparklines: a metric's history in one row of cells beside its bar, one cell a point, oldest
//! on the left, drawn with ratatui's `Sparkline`. As honest as the bars: each point's height is
//! its value on a scale from zero (not from the least point, which would make a rise of a tenth
//! look like a tenfold one) to the largest point shown, to the nearest eighth of a cell, and a
//! point above zero is never drawn as nothing. A point that is a bound ("over 50 Mt") is drawn
//! underlined, and the chart's frame says so; points the last reload added or changed are drawn
//! in the highlight of changed values.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Sparkline, SparklineBar, Widget};

use crate::dataset::{Date, Point};

/// The most points a sparkline shows (the latest ones): more would crowd out the bars.
pub const MOST_POINTS: usize = 24;

/// What a sparkline's cells look like.
#[derive(Debug, Clone, Copy)]
pub struct SparkStyles {
    pub plain: Style,
    /// A point that is a bound.
    pub bound: Style,
    /// A point the last reload added or changed.
    pub changed: Style,
}

/// One cell of a sparkline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Height in eighths of the cell, 0..=8.
    pub eighths: u64,
    pub bound: bool,
    pub date: Date,
}

/// The cells of the last `columns` points of `points`, on a scale from zero to the largest of
/// them: rounded to the nearest eighth, at least one for a value above zero.
pub fn cells(points: &[Point], columns: usize) -> Vec<Cell> {
    let shown = &points[points.len().saturating_sub(columns)..];
    let max = shown.iter().map(|p| p.value).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    shown
        .iter()
        .map(|point| {
            let exact = if max > 0.0 && point.value.is_finite() { point.value / max * 8.0 } else { 0.0 };
            let mut eighths = exact.round().clamp(0.0, 8.0) as u64;
            if point.value > 0.0 && max > 0.0 {
                eighths = eighths.max(1);
            }
            Cell { eighths, bound: point.bound.is_some(), date: point.date }
        })
        .collect()
}

/// The columns a chart of these histories gives its sparklines in `room` columns of pane: as
/// many as its longest history has points (at most [`MOST_POINTS`]), when that leaves the bars
/// and labels at least twice as much; zero when no history has two points or there is no room.
pub fn columns<'a>(histories: impl IntoIterator<Item = &'a [Point]>, room: u16) -> u16 {
    let longest = histories.into_iter().map(<[Point]>::len).max().unwrap_or(0).min(MOST_POINTS);
    if longest < 2 {
        return 0;
    }
    let wanted = u16::try_from(longest).unwrap_or(u16::MAX);
    let left = room.saturating_sub(wanted + 1);
    if left >= wanted.max(12) * 2 { wanted } else { 0 }
}

/// The dates of `id`'s points that the last reload changed or added (drawn highlighted).
pub fn changed_dates(changes: &[crate::app::ValueChange], id: &str) -> Vec<Date> {
    changes.iter().filter(|c| c.id == id).flat_map(|c| c.points.iter().map(|p| p.date)).collect()
}

/// Draws the sparkline of `points` in the row `area` (its first row), its latest point at the
/// right edge, so the sparklines of a chart end in one column.
pub fn draw(points: &[Point], changed: &[Date], styles: SparkStyles, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let cells = cells(points, usize::from(area.width));
    let width = u16::try_from(cells.len()).unwrap_or(area.width).min(area.width);
    let row = Rect { x: area.right() - width, y: area.y, width, height: 1 };
    let bars: Vec<SparklineBar> = cells
        .iter()
        .map(|cell| {
            let style = if changed.contains(&cell.date) {
                styles.changed
            } else if cell.bound {
                styles.bound
            } else {
                styles.plain
            };
            SparklineBar::from(cell.eighths).style(style)
        })
        .collect();
    Sparkline::default().data(bars).max(8).style(styles.plain).render(row, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn points(text: &str) -> Vec<Point> {
        crate::dataset::parse_valid(text).metrics.remove(0).history
    }

    const RISE: &str = "title = \"T\"\n[[metric]]\nid = \"a\"\nunit = \"Mt\"\nhistory = [\
        { date = 2022-12-02, value = 11.2 }, { date = 2023-04-19, value = 18.8 }, { date = 2023-12-02, value = 29.1 }, \
        { date = 2024-02-08, value = 32.56 }, { date = 2024-12-31, value = 50, bound = \"over\" }]\n";

    #[test]
    fn points_are_scaled_from_zero_and_a_bound_is_marked() {
        let styles = SparkStyles {
            plain: Style::new(),
            bound: Style::new().add_modifier(Modifier::UNDERLINED),
            changed: Style::new().add_modifier(Modifier::BOLD),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        draw(&points(RISE), &[], styles, Rect::new(0, 0, 8, 1), &mut buf);
        let mut expected = Buffer::with_lines(["   ▂▃▅▅█"]);
        expected[(7, 0)].set_style(styles.bound);
        assert_eq!(buf, expected, "11.2 of 50 is two eighths, not nothing; the last point is a bound");
    }

    #[test]
    fn a_narrow_sparkline_shows_the_latest_points_and_changed_ones_stand_out() {
        let styles = SparkStyles {
            plain: Style::new(),
            bound: Style::new().add_modifier(Modifier::UNDERLINED),
            changed: Style::new().add_modifier(Modifier::BOLD),
        };
        let history = points(RISE);
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        draw(&history, &[history[2].date], styles, Rect::new(0, 0, 3, 1), &mut buf);
        let mut expected = Buffer::with_lines(["▅▅█"]);
        expected[(0, 0)].set_style(styles.changed);
        expected[(2, 0)].set_style(styles.bound);
        assert_eq!(buf, expected);
    }

    #[test]
    fn columns_leave_the_bars_room_and_need_two_points() {
        let history = points(RISE);
        assert_eq!(columns([history.as_slice()], 80), 5);
        assert_eq!(columns([history.as_slice()], 29), 0, "too narrow: the bars come first");
        assert_eq!(columns([&history[..1]], 200), 0, "one point is no line");
        assert_eq!(columns(std::iter::empty(), 200), 0);
    }
}
