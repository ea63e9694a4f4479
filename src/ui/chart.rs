//! One bar chart pane. Bars that do not fit are never silently dropped: the chart scrolls to
//! keep the selected bar in view and says how many bars are above and below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::frame::{pane_block, with_caption};
use super::{focused, shows_selection};
use crate::app::App;
use crate::dataset::{ChartDirection, Dashboard, Unit};
use crate::geometry::bar_slots;
use crate::layout::Pane;
use crate::load::Loaded;
use crate::text::width::{truncate, width};

/// Bar values are integers: every chart is scaled so its largest bar is this many units.
const SCALE: f64 = 10_000.0;

pub fn render(app: &App, loaded: &Loaded, index: usize, area: Rect, buf: &mut Buffer) {
    let dashboard = &loaded.dashboard;
    let Some(chart) = dashboard.charts.get(index) else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let selected = app.chart_selection.get(index).copied().unwrap_or(0);
    let unit = chart.metrics.first().map_or(&Unit::None, |&m| &dashboard.metrics[m].unit);
    let is_focused = focused(app, Pane::Chart(index));
    let block = pane_block(&app.theme, &chart.title, unit.caption(), is_focused, area.width);
    let inner = block.inner(area);
    let slots = bar_slots(chart.metrics.len(), inner, chart.direction == ChartDirection::Vertical, selected);
    let (window, bar_width, gap, vertical_fits) = (slots.window, slots.thickness, slots.gap, slots.vertical);
    let hidden_above = window.start;
    let hidden_below = chart.metrics.len() - window.end;
    let caption = match (hidden_above, hidden_below) {
        (0, 0) => String::new(),
        (0, below) => format!("↓ {below} more"),
        (above, 0) => format!("↑ {above} more"),
        (above, below) => format!("↑ {above} ↓ {below}"),
    };
    let block = with_caption(block, caption, app.theme.dim);
    block.render(area, buf);

    // Labels are what a reader needs most: up to 55% of the width, never more than the longest.
    let longest = chart.metrics.iter().map(|&m| width(&dashboard.metrics[m].label)).max().unwrap_or(0);
    let label_room =
        if vertical_fits { usize::from(bar_width) } else { longest.min(usize::from(inner.width) * 11 / 20) };
    let show_selection = shows_selection(app, Pane::Chart(index));
    let max = chart.metrics.iter().map(|&m| dashboard.metrics[m].value).fold(0.0, f64::max);
    let bars: Vec<Bar> = window
        .map(|position| {
            let is_selected = show_selection && position == selected;
            bar(app, dashboard, chart.metrics[position], is_selected, max, label_room)
        })
        .collect();
    let direction = if vertical_fits { Direction::Vertical } else { Direction::Horizontal };
    BarChart::default()
        .direction(direction)
        .bar_width(bar_width)
        .bar_gap(gap)
        .max(SCALE as u64)
        .bar_style(app.theme.bar)
        .value_style(app.theme.bar_value)
        .label_style(app.theme.bar_label)
        .data(BarGroup::default().bars(&bars))
        .render(inner, buf);
}

/// One bar: its length scaled against the chart's largest value, the real figure as its text,
/// its label cut to `label_room` columns.
fn bar<'a>(app: &App, dashboard: &Dashboard, metric: usize, selected: bool, max: f64, label_room: usize) -> Bar<'a> {
    let m = &dashboard.metrics[metric];
    let scaled = if max > 0.0 { (m.value / max * SCALE).round() as u64 } else { 0 };
    let theme = &app.theme;
    let change = app.changes.iter().find(|c| c.id == m.id);
    let (bar_style, mut value_style, label_style) = if selected {
        (theme.bar_selected, theme.bar_value_selected, theme.bar_label_selected)
    } else {
        (theme.bar, theme.bar_value, theme.bar_label)
    };
    // A value the last reload changed shows its delta, highlighted, for a few seconds.
    let mut text = m.short_value();
    if let Some(change) = change {
        value_style = theme.changed;
        if let Some(delta) = &change.delta {
            text = format!("{text} ({})", delta.replace('−', "-"));
        }
    }
    let bar_style = if change.is_some() && !selected { theme.changed_bar } else { bar_style };
    Bar::default()
        .value(scaled)
        .text_value(text)
        .style(bar_style)
        .value_style(value_style)
        .label(Line::styled(truncate(&m.label, label_room), label_style))
}
