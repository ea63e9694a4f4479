//! Bar charts: the dashboard's chart panes, and the bars of chart slides. Bars that do not fit
//! are never silently dropped: the chart scrolls to keep the selected bar in view and says how
//! many bars are above and below.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::frame::{hidden_caption, pane_block, with_caption};
use super::{focused, shows_selection};
use crate::app::{ValueChange, Viewer};
use crate::dataset::{ChartDirection, Dataset, Metric, Unit};
use crate::geometry::{BarLimits, bar_slots_within};
use crate::layout::Pane;
use crate::load::Loaded;
use crate::text::width::{truncate, width};
use crate::theme::Theme;

/// Bar values are integers: every chart is scaled so its largest bar is this many units.
const SCALE: f64 = 10_000.0;

/// The styles of bars: plain, and the selected one.
#[derive(Debug, Clone, Copy)]
pub struct BarStyles {
    pub bar: Style,
    pub value: Style,
    pub label: Style,
    pub selected_bar: Style,
    pub selected_value: Style,
    pub selected_label: Style,
}

impl BarStyles {
    pub fn dataset(theme: &Theme) -> Self {
        Self {
            bar: theme.bar,
            value: theme.bar_value,
            label: theme.bar_label,
            selected_bar: theme.bar_selected,
            selected_value: theme.bar_value_selected,
            selected_label: theme.bar_label_selected,
        }
    }

    pub fn slide(theme: &Theme) -> Self {
        Self {
            bar: theme.slide_bar,
            value: theme.slide_bar_value,
            label: theme.slide_title,
            selected_bar: theme.slide_bar,
            selected_value: theme.slide_bar_value,
            selected_label: theme.slide_title,
        }
    }
}

/// What to draw as bars.
pub struct Bars<'a> {
    pub dataset: &'a Dataset,
    pub members: &'a [usize],
    pub vertical: bool,
    /// The bar kept in view, and highlighted if `highlight`.
    pub cursor: usize,
    pub highlight: bool,
    pub styles: BarStyles,
    pub theme: &'a Theme,
    /// Values the last reload changed (shown with their delta).
    pub changes: &'a [ValueChange],
    /// The value to draw for a metric (the real one, or a step of an animation).
    pub value_of: &'a dyn Fn(&Metric) -> f64,
}

impl Bars<'_> {
    /// Draws the bars in `area`, as thick as the dashboard allows, and returns the range of
    /// bars shown.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Range<usize> {
        self.draw_within(area, BarLimits::dataset(area), buf)
    }

    /// Draws the bars in `area`, up to `limits` thick, and returns the range of bars shown.
    pub fn draw_within(&self, area: Rect, limits: BarLimits, buf: &mut Buffer) -> Range<usize> {
        let metrics = &self.dataset.metrics;
        let slots = bar_slots_within(self.members.len(), area, self.vertical, self.cursor, limits);
        // Labels are what a reader needs most: up to 55% of the width, never more than the longest.
        let longest = self.members.iter().map(|&m| width(&metrics[m].label)).max().unwrap_or(0);
        let label_room =
            if slots.vertical { usize::from(slots.thickness) } else { longest.min(usize::from(area.width) * 11 / 20) };
        let max = self.members.iter().map(|&m| metrics[m].value).fold(0.0, f64::max);
        let bars: Vec<Bar> = slots
            .window
            .clone()
            .map(|position| {
                let selected = self.highlight && position == self.cursor;
                self.bar(&metrics[self.members[position]], selected, max, label_room)
            })
            .collect();
        let direction = if slots.vertical { Direction::Vertical } else { Direction::Horizontal };
        // Vertical bars sit in the middle of the pane, where the mouse looks for them too.
        let area = if slots.vertical {
            let x = area.x.saturating_add(slots.offset);
            Rect { x, width: slots.span().min(area.width - slots.offset), ..area }
        } else {
            area
        };
        BarChart::default()
            .direction(direction)
            .bar_width(slots.thickness)
            .bar_gap(slots.gap)
            .max(SCALE as u64)
            .bar_style(self.styles.bar)
            .value_style(self.styles.value)
            .label_style(self.styles.label)
            .data(BarGroup::default().bars(&bars))
            .render(area, buf);
        slots.window
    }

    /// One bar: its length scaled against the chart's largest value, the real figure as its
    /// text, its label cut to `label_room` columns.
    fn bar<'b>(&self, m: &Metric, selected: bool, max: f64, label_room: usize) -> Bar<'b> {
        let shown = (self.value_of)(m);
        let scaled = if max > 0.0 { (shown / max * SCALE).round().clamp(0.0, SCALE) as u64 } else { 0 };
        let s = &self.styles;
        let (bar_style, mut value_style, label_style) =
            if selected { (s.selected_bar, s.selected_value, s.selected_label) } else { (s.bar, s.value, s.label) };
        // A value the last reload changed shows its delta, highlighted, for a few seconds.
        let change = self.changes.iter().find(|c| c.id == m.id);
        let mut text = m.short_value();
        if let Some(change) = change {
            value_style = self.theme.changed;
            if let Some(delta) = &change.delta {
                text = format!("{text} ({})", delta.replace('−', "-"));
            }
        }
        let bar_style = if change.is_some() && !selected { self.theme.changed_bar } else { bar_style };
        Bar::default()
            .value(scaled)
            .text_value(text)
            .style(bar_style)
            .value_style(value_style)
            .label(Line::styled(truncate(&m.label, label_room), label_style))
    }
}

/// One of the dashboard's chart panes.
pub fn render(app: &Viewer, loaded: &Loaded, index: usize, area: Rect, buf: &mut Buffer) {
    let dataset = &loaded.dataset;
    let Some(chart) = dataset.charts.get(index) else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let unit = chart.metrics.first().map_or(&Unit::None, |&m| &dataset.metrics[m].unit);
    let block =
        pane_block(app.view.theme(), &chart.title, unit.caption(), focused(app, Pane::Chart(index)), area.width);
    let inner = block.inner(area);
    let bars = Bars {
        dataset,
        members: &chart.metrics,
        vertical: chart.direction == ChartDirection::Vertical,
        cursor: app.view.chart_selection(index),
        highlight: shows_selection(app, Pane::Chart(index)),
        styles: BarStyles::dataset(app.view.theme()),
        theme: app.view.theme(),
        changes: app.content.changes(),
        value_of: &|m: &Metric| m.value,
    };
    let window = bars.draw(inner, buf);
    let (above, below) = (window.start, chart.metrics.len() - window.end);
    let caption = hidden_caption(above, below);
    // The frame goes on after the bars so its caption is not drawn over.
    with_caption(block, caption, app.view.theme().dim, area.width).render(area, buf);
}
