//! The points of a line chart, and what a chart's selection means for each kind of chart.
//!
//! A bar chart's selection is a bar (a position in its `metrics`). A line chart's is a point:
//! its series' points are numbered one after the other, each series oldest first, series in the
//! chart's order, so one number walks along every point (`←` `→`, like `↑` `↓`, step through
//! them) and stays a plain index the view keeps like a bar's.

use crate::dataset::{Chart, ChartKind, Dataset, Metric, Point};

/// The points a line chart draws for `metric`: its history, or, without one, its own value as
/// one point at its `as_of` (validation refuses a line chart's metric with neither).
pub fn points_of(metric: &Metric) -> Vec<Point> {
    if !metric.history.is_empty() {
        return metric.history.clone();
    }
    let Some(date) = metric.as_of else { return Vec::new() };
    let position = metric.quote.as_ref().map_or(crate::dataset::Position { line: 0, column: 0 }, |q| q.position);
    vec![Point::of_metric(metric, date, position)]
}

/// How many points `metric` has on a line chart.
fn count(metric: &Metric) -> usize {
    if metric.history.is_empty() { usize::from(metric.as_of.is_some()) } else { metric.history.len() }
}

/// How many things a chart's selection moves among: bars, or a line chart's points.
pub fn selectable(dataset: &Dataset, chart: &Chart) -> usize {
    match chart.kind {
        ChartKind::Bar | ChartKind::Table => chart.metrics.len(),
        ChartKind::Line => chart.metrics.iter().filter_map(|&m| dataset.metrics.get(m)).map(count).sum(),
    }
}

/// The series (a position in `chart.metrics`) and its point that `selection` names on a line
/// chart, clamped to the last point; for a bar chart, the bar and no point.
pub fn locate(dataset: &Dataset, chart: &Chart, selection: usize) -> (usize, Option<usize>) {
    if chart.kind != ChartKind::Line {
        return (selection.min(chart.metrics.len().saturating_sub(1)), None);
    }
    let mut left = selection;
    let mut last = (0, None);
    for (position, &m) in chart.metrics.iter().enumerate() {
        let n = dataset.metrics.get(m).map_or(0, count);
        if n == 0 {
            continue;
        }
        if left < n {
            return (position, Some(left));
        }
        left -= n;
        last = (position, Some(n - 1));
    }
    last
}

/// The position in `chart.metrics` of the metric `selection` belongs to.
pub fn bar_of(dataset: &Dataset, chart: &Chart, selection: usize) -> usize {
    locate(dataset, chart, selection).0
}

/// The selection that picks the metric at `bar` of `chart`: the bar itself, or on a line chart
/// that metric's latest point.
pub fn selection_of_bar(dataset: &Dataset, chart: &Chart, bar: usize) -> usize {
    if chart.kind != ChartKind::Line {
        return bar;
    }
    let before: usize = chart.metrics.iter().take(bar).filter_map(|&m| dataset.metrics.get(m)).map(count).sum();
    let own = chart.metrics.get(bar).and_then(|&m| dataset.metrics.get(m)).map_or(0, count);
    (before + own).saturating_sub(1)
}
