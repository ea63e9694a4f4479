//! Line charts (`[[chart]] kind = "line"`): each metric's history over a time axis, drawn with
//! ratatui's `Chart` in Braille, on the dashboard and on a slide.
//!
//! Above the graph, a row with the selected point's exact date and value (the one `←` `→` move
//! to) and a legend row: each series' colour and label, and what a bound's mark means. Every
//! point is a dot on its line; a point that is a bound ("over 50 Mt") carries a dotted stroke
//! the way the true figure may lie (up to the top for "over", down to zero for "under", a short
//! one both ways for "about"). The value axis starts at zero, as bars do, and is labelled in the
//! unit as written; the time axis's labels are dates ([`axis::time_labels`]).

mod axis;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart as RatatuiChart, Dataset as Series, GraphType, Widget};

use super::frame::{fit_spans, pane_block, with_caption};
use super::{focused, shows_selection};
use crate::app::Viewer;
use crate::dataset::{Bound, Chart, Dataset, Point};
use crate::layout::Pane;
use crate::line_series::{locate, points_of};
use crate::load::Loaded;
use crate::text::width::width;
use crate::theme::Theme;

/// The styles of a line chart.
#[derive(Debug, Clone, Copy)]
pub struct LineLooks {
    /// The series' colours, in turn.
    pub series: [Style; 4],
    pub selected: Style,
    /// Axes, their labels and the bound's stroke.
    pub dim: Style,
    /// The selected point's words.
    pub text: Style,
    /// The series' labels in the legend.
    pub label: Style,
}

impl LineLooks {
    pub fn dataset(theme: &Theme, highlight: bool) -> Self {
        Self {
            series: [theme.bar, theme.gauge_filled, theme.border_focused, theme.changed_bar],
            selected: theme.bar_selected,
            dim: theme.dim,
            text: if highlight { theme.detail_value } else { theme.body },
            label: theme.body,
        }
    }

    pub fn slide(theme: &Theme) -> Self {
        Self {
            series: [theme.slide_bar, theme.gauge_filled, theme.border_focused, theme.changed_bar],
            selected: theme.slide_title,
            dim: theme.slide_dim,
            text: theme.slide_title,
            label: theme.slide_caption,
        }
    }
}

/// What to draw as lines.
pub struct Lines<'a> {
    pub dataset: &'a Dataset,
    pub chart: &'a Chart,
    /// The chart's selection (a point, see [`crate::line_series`]); `None` draws no selection row.
    pub selected: Option<usize>,
    pub looks: LineLooks,
}

/// The smallest graph worth drawing (two rows of plot over its axis and labels); the rows of
/// words above it come when there is room for them too (the selection first, then the legend).
const GRAPH_MIN: (u16, u16) = (12, 4);

impl Lines<'_> {
    /// Draws the selection row (if any), the legend row and the graph in `area`; says whether
    /// the legend row found room (a pane too short for it puts the bounds' words on its frame).
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> bool {
        let series: Vec<(usize, Vec<Point>)> =
            self.chart.metrics.iter().map(|&m| (m, points_of(&self.dataset.metrics[m]))).collect();
        let mut rows = area;
        let words_too = |rows: Rect| rows.height > GRAPH_MIN.1 || rows.width < GRAPH_MIN.0;
        if let Some(selection) = self.selected.filter(|_| words_too(rows)) {
            let text = self.selection_words(selection, &series);
            Line::styled(crate::text::width::truncate(&text, usize::from(area.width)), self.looks.text)
                .render(Rect { height: 1.min(rows.height), ..rows }, buf);
            rows = shrink_top(rows, 1);
        }
        let legend = words_too(rows) && rows.height > 0;
        if legend {
            fit_spans(self.legend(&series), usize::from(rows.width)).render(Rect { height: 1, ..rows }, buf);
            rows = shrink_top(rows, 1);
        }
        if rows.width >= GRAPH_MIN.0 && rows.height >= GRAPH_MIN.1 {
            self.graph(&series, rows, buf);
        }
        legend
    }

    /// `2 Dec 2023: 29.1 Mt (3 of 5) · Railway cargo, total`: the selected point, exactly, its
    /// date and value first (a narrow pane cuts the label).
    fn selection_words(&self, selection: usize, series: &[(usize, Vec<Point>)]) -> String {
        let (position, point) = locate(self.dataset, self.chart, selection);
        let Some((metric, points)) = series.get(position) else { return String::new() };
        let metric = &self.dataset.metrics[*metric];
        match point.and_then(|p| points.get(p).map(|found| (p, found))) {
            Some((index, found)) => format!(
                "{}: {}{} · {}",
                found.date.human(),
                found.display_value(&metric.unit),
                if points.len() > 1 { format!(" ({} of {})", index + 1, points.len()) } else { String::new() },
                metric.label,
            ),
            None => metric.label.clone(),
        }
    }

    /// Each series' stroke in its colour and its label, then what a bound's mark means.
    fn legend(&self, series: &[(usize, Vec<Point>)]) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (i, (metric, _)) in series.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled("━ ", self.style_of(i)));
            spans.push(Span::styled(self.dataset.metrics[*metric].label.clone(), self.looks.label));
        }
        for words in bound_words(series) {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(words, self.looks.dim));
        }
        spans
    }

    fn style_of(&self, series: usize) -> Style {
        self.looks.series[series % self.looks.series.len()]
    }

    fn graph(&self, series: &[(usize, Vec<Point>)], area: Rect, buf: &mut Buffer) {
        let all = || series.iter().flat_map(|(_, ps)| ps.iter());
        let (Some(first), Some(last)) = (all().map(|p| p.date).min(), all().map(|p| p.date).max()) else { return };
        let Some(&(unit_metric, _)) = series.first() else { return };
        let unit_metric = &self.dataset.metrics[unit_metric];
        let factor = unit_metric.notation.factor;
        // In the unit as written (Mt), so the axis's numbers are the ones the file has.
        let written = |p: &Point| if factor > 0.0 { p.value / factor } else { p.value };
        let max = all().map(written).fold(0.0, f64::max);
        // A figure that may be higher gets room above it for its stroke.
        let rising = all().any(|p| matches!(p.bound, Some(Bound::Over | Bound::AtLeast)) && written(p) >= max);
        let top = axis::value_top(if rising { max * 1.1 } else { max });
        let (start, end) = (axis::day_number(first) as f64, axis::day_number(last) as f64);
        // A single date sits in the middle of a month of axis.
        let (left, right) = if end > start { (start, end) } else { (start - 15.0, start + 15.0) };
        let mut y_labels = axis::value_labels(top, &|v, d| unit_metric.amount(v * factor, d));
        // ratatui puts the middle label `(rows - 1) / 2` rows up, rounded down: only where that
        // is exact does it stand at half the top (and under three rows, on another's row).
        let plot_rows = area.height.saturating_sub(2);
        if plot_rows < 3 || !(plot_rows - 1).is_multiple_of(2) {
            y_labels.remove(1);
        }
        let y_width = y_labels.iter().map(|l| width(l)).max().unwrap_or(0) as u16;
        if area.width < y_width + GRAPH_MIN.0 {
            return;
        }
        let x_labels = axis::time_labels(first, last, area.width - y_width - 1);
        let xy = |p: &Point| (axis::day_number(p.date) as f64, written(p));
        let data: Vec<Vec<(f64, f64)>> = series.iter().map(|(_, ps)| ps.iter().map(xy).collect()).collect();
        let strokes: Vec<Vec<(f64, f64)>> = all().filter_map(|p| Some(stroke(xy(p), p.bound?, top))).collect();
        let selected = self.selected.and_then(|s| {
            let (position, point) = locate(self.dataset, self.chart, s);
            series.get(position)?.1.get(point?).map(|p| vec![xy(p)])
        });
        let mut sets: Vec<Series> = strokes
            .iter()
            .map(|s| {
                Series::default().marker(Marker::Braille).graph_type(GraphType::Line).style(self.looks.dim).data(s)
            })
            .collect();
        for (i, points) in data.iter().enumerate() {
            let style = self.style_of(i);
            sets.push(Series::default().marker(Marker::Braille).graph_type(GraphType::Line).style(style).data(points));
            sets.push(Series::default().marker(Marker::Dot).graph_type(GraphType::Scatter).style(style).data(points));
        }
        if let Some(point) = &selected {
            sets.push(
                Series::default()
                    .marker(Marker::Block)
                    .graph_type(GraphType::Scatter)
                    .style(self.looks.selected)
                    .data(point),
            );
        }
        let axis = |labels: Vec<String>, bounds: [f64; 2]| {
            Axis::default().style(self.looks.dim).bounds(bounds).labels(labels.into_iter().map(Line::from))
        };
        RatatuiChart::new(sets)
            .x_axis(axis(x_labels, [left, right]))
            .y_axis(axis(y_labels, [0.0, top]))
            .legend_position(None)
            .render(area, buf);
    }
}

/// What each kind of bound among the points means, once each, in the order they first come:
/// `⡇ > over: may be higher`.
fn bound_words(series: &[(usize, Vec<Point>)]) -> Vec<String> {
    let mut seen: Vec<Bound> = Vec::new();
    for bound in series.iter().flat_map(|(_, ps)| ps.iter().filter_map(|p| p.bound)) {
        if !seen.contains(&bound) {
            seen.push(bound);
        }
    }
    seen.into_iter().map(|b| format!("⡇ {} {}: {}", b.math_symbol(), b.words(), lies(b))).collect()
}

/// Where the true figure of a bound lies, in a few words for the legend.
fn lies(bound: Bound) -> &'static str {
    match bound {
        Bound::Over | Bound::AtLeast => "may be higher",
        Bound::Under | Bound::AtMost => "may be lower",
        Bound::About => "near it",
    }
}

/// The dotted stroke of a bound at `(x, y)`: to the top, to zero, or a twentieth of the axis
/// both ways.
fn stroke((x, y): (f64, f64), bound: Bound, top: f64) -> Vec<(f64, f64)> {
    match bound {
        Bound::Over | Bound::AtLeast => vec![(x, y), (x, top)],
        Bound::Under | Bound::AtMost => vec![(x, 0.0), (x, y)],
        Bound::About => vec![(x, (y - top / 20.0).max(0.0)), (x, (y + top / 20.0).min(top))],
    }
}

fn shrink_top(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect { y: area.y + rows, height: area.height - rows, ..area }
}

/// One of the dashboard's chart panes, as a line chart.
pub fn render(app: &Viewer, loaded: &Loaded, index: usize, area: Rect, buf: &mut Buffer) {
    let dataset = &loaded.dataset;
    let Some(chart) = dataset.charts.get(index) else { return };
    let unit = chart.metrics.first().map_or("", |&m| dataset.metrics[m].unit.caption());
    let block = pane_block(app.view.theme(), &chart.title, unit, focused(app, Pane::Chart(index)), area.width);
    let inner = block.inner(area);
    let highlight = shows_selection(app, Pane::Chart(index));
    let lines = Lines {
        dataset,
        chart,
        selected: Some(app.view.chart_selection(index)),
        looks: LineLooks::dataset(app.view.theme(), highlight),
    };
    let legend = lines.draw(inner, buf);
    // Without its legend row, the pane still says what a bound's stroke means, on its frame.
    let caption = if legend {
        String::new()
    } else {
        let series: Vec<_> = chart.metrics.iter().map(|&m| (m, points_of(&dataset.metrics[m]))).collect();
        bound_words(&series).join(" · ")
    };
    with_caption(block, caption, app.view.theme().dim, area.width).render(area, buf);
}

/// A line chart on a slide, filling `area`: no selection (the audience sees every point alike),
/// the legend and the graph in the slide's colours.
pub fn slide(app: &Viewer, dataset: &Dataset, chart: &Chart, area: Rect, buf: &mut Buffer) {
    Lines { dataset, chart, selected: None, looks: LineLooks::slide(app.view.theme()) }.draw(area, buf);
}
