//! Bar charts: the dashboard's chart panes, and the bars of chart slides. Bars that do not fit
//! are never silently dropped: the chart scrolls to keep the selected bar in view and says how
//! many bars are above and below.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::widgets::Widget;

use super::bars::{Axis, BarLook, BarSpec, Plot};
use super::frame::{hidden_caption, pane_block, with_caption};
use super::sparkline::{self, SparkStyles};
use super::{focused, shows_selection};
use crate::app::{ValueChange, Viewer};
use crate::dataset::{ChartDirection, ChartScale, Dataset, Metric, Unit};
use crate::geometry::{BarLimits, bar_slots_within, stands_upright};
use crate::layout::Pane;
use crate::load::Loaded;
use crate::text::width::width;
use crate::theme::Theme;

/// The styles of bars: plain, and the selected one.
#[derive(Debug, Clone, Copy)]
pub struct BarStyles {
    pub plain: BarLook,
    pub selected: BarLook,
}

impl BarStyles {
    pub fn dataset(theme: &Theme) -> Self {
        Self {
            plain: BarLook {
                bar: theme.bar,
                inside: theme.bar_value,
                outside: theme.bar_value_outside,
                label: theme.bar_label,
            },
            selected: BarLook {
                bar: theme.bar_selected,
                inside: theme.bar_value_selected,
                outside: theme.bar_value_outside_selected,
                label: theme.bar_label_selected,
            },
        }
    }

    pub fn slide(theme: &Theme) -> Self {
        let look = BarLook {
            bar: theme.slide_bar,
            inside: theme.slide_bar_value,
            outside: theme.slide_bar_value_outside,
            label: theme.slide_title,
        };
        Self { plain: look, selected: look }
    }
}

/// What to draw as bars.
pub struct Bars<'a> {
    pub dataset: &'a Dataset,
    pub members: &'a [usize],
    /// The metrics whose values set the scale: the whole chart's, also when `members` is one
    /// slide's page of it, so that bars compare across pages.
    pub scale_of: &'a [usize],
    pub vertical: bool,
    pub scale: ChartScale,
    /// The bar kept in view, and highlighted if `highlight`.
    pub cursor: usize,
    pub highlight: bool,
    pub styles: BarStyles,
    pub theme: &'a Theme,
    /// Values the last reload changed (shown with their delta).
    pub changes: &'a [ValueChange],
    /// The value to draw for a metric (the real one, or a step of an animation).
    pub value_of: &'a dyn Fn(&Metric) -> f64,
    /// Whether metrics with a history get a sparkline beside their bar (the dashboard's
    /// horizontal charts, when there is room).
    pub sparklines: bool,
}

/// What a chart drew: the bars shown, and how many of its bars (of `members`, shown or not)
/// are too small to draw to scale.
pub struct Shown {
    pub window: Range<usize>,
    pub too_small: usize,
    /// A sparkline drawn holds a point that is a bound (underlined: the frame says so).
    pub bound_points: bool,
}

impl Bars<'_> {
    /// Draws the bars in `area`, as thick as the dashboard allows.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Shown {
        self.draw_within(area, BarLimits::dataset(area), buf)
    }

    /// Draws the bars in `area`, up to `limits` thick.
    pub fn draw_within(&self, full: Rect, limits: BarLimits, buf: &mut Buffer) -> Shown {
        let metrics = &self.dataset.metrics;
        let (area, spark, slots) = self.placement(full, limits);
        let label_width = self.members.iter().map(|&m| width(&metrics[m].label)).max().unwrap_or(0);
        // The scale is the whole chart's, not the window's, so bars keep their lengths as it scrolls.
        let axis = Axis::of(self.scale_of.iter().map(|&m| metrics[m].value), self.scale);
        let bars = self.window_bars(&slots);
        let drawn = Plot { bars: &bars, axis, slots: &slots, label_width }.draw(area, buf);
        if spark > 0 {
            self.sparklines(&slots, Rect { x: area.right() + 1, width: spark, ..full }, buf);
        }
        let too_small = if bars.is_empty() {
            0
        } else {
            self.members.iter().filter(|&&m| axis.too_small((self.value_of)(&metrics[m]), drawn.cells)).count()
        };
        let bound_points = spark > 0
            && slots.window.clone().any(|position| {
                let history = &metrics[self.members[position]].history;
                history.len() >= 2 && history.iter().rev().take(usize::from(spark)).any(|p| p.bound.is_some())
            });
        Shown { window: slots.window, too_small, bound_points }
    }

    /// Where the cursor bar's label is drawn in `full` (see [`Bars::draw_within`]), for the
    /// screen-reader cursor.
    pub fn label_at(&self, full: Rect, limits: BarLimits) -> Option<Position> {
        let metrics = &self.dataset.metrics;
        let (area, _, slots) = self.placement(full, limits);
        let label_width = self.members.iter().map(|&m| width(&metrics[m].label)).max().unwrap_or(0);
        let axis = Axis::of(self.scale_of.iter().map(|&m| metrics[m].value), self.scale);
        let bars = self.window_bars(&slots);
        let shown = self.cursor.checked_sub(slots.window.start)?;
        Plot { bars: &bars, axis, slots: &slots, label_width }.label_at(area, shown)
    }

    /// The bars' area (what the sparklines leave), the sparklines' columns, and where the bars
    /// sit in it.
    fn placement(&self, full: Rect, limits: BarLimits) -> (Rect, u16, crate::geometry::BarSlots) {
        let metrics = &self.dataset.metrics;
        let spark = if self.sparklines && !self.vertical {
            sparkline::columns(self.members.iter().map(|&m| metrics[m].history.as_slice()), full.width)
        } else {
            0
        };
        // The sparklines take the right edge, a column apart from the bars' values.
        let area = Rect { width: full.width.saturating_sub(if spark > 0 { spark + 1 } else { 0 }), ..full };
        (area, spark, bar_slots_within(self.members.len(), area, self.vertical, self.cursor, limits))
    }

    /// The bars of the window `slots` shows.
    fn window_bars(&self, slots: &crate::geometry::BarSlots) -> Vec<BarSpec> {
        slots
            .window
            .clone()
            .map(|position| {
                let selected = self.highlight && position == self.cursor;
                self.bar(&self.dataset.metrics[self.members[position]], selected)
            })
            .collect()
    }

    /// Each shown bar's history, on its value's row of `strip`.
    fn sparklines(&self, slots: &crate::geometry::BarSlots, strip: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let styles = SparkStyles { plain: theme.sparkline, bound: theme.sparkline_bound, changed: theme.changed };
        let step = slots.thickness.saturating_add(slots.gap);
        for (shown, position) in slots.window.clone().enumerate() {
            let metric = &self.dataset.metrics[self.members[position]];
            let offset = u16::try_from(shown).unwrap_or(u16::MAX).saturating_mul(step);
            let row = strip.y.saturating_add(offset).saturating_add(slots.thickness / 2);
            if row >= strip.bottom() {
                break;
            }
            if metric.history.len() < 2 {
                continue;
            }
            let changed = sparkline::changed_dates(self.changes, &metric.id);
            sparkline::draw(&metric.history, &changed, styles, Rect { y: row, height: 1, ..strip }, buf);
        }
    }

    /// One bar: its length is the value shown (an animation's step), its text the real figure
    /// as written.
    fn bar(&self, m: &Metric, selected: bool) -> BarSpec {
        let mut look = if selected { self.styles.selected } else { self.styles.plain };
        // A value the last reload changed shows its delta, highlighted, for a few seconds.
        let change = self.changes.iter().find(|c| c.id == m.id);
        let mut text = m.short_value();
        if let Some(change) = change {
            look.inside = self.theme.changed;
            look.outside = self.theme.changed;
            if !selected {
                look.bar = self.theme.changed_bar;
            }
            if let Some(delta) = &change.delta {
                text = format!("{text} ({})", delta.replace('−', "-"));
            }
        }
        BarSpec { label: m.label.clone(), magnitude: (self.value_of)(m), text, look }
    }
}

/// The frame's words for bars too small to draw to scale.
pub fn too_small_caption(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 bar too small to see".to_owned()),
        n => Some(format!("{n} bars too small to see")),
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
    if chart.kind == crate::dataset::ChartKind::Line {
        return super::line_chart::render(app, loaded, index, area, buf);
    }
    if chart.kind == crate::dataset::ChartKind::Table {
        return super::table::render(app, loaded, index, area, buf);
    }
    let unit = chart.metrics.first().map_or(&Unit::None, |&m| &dataset.metrics[m].unit);
    let unit = match chart.scale {
        ChartScale::Log if unit.caption().is_empty() => "log scale".to_owned(),
        ChartScale::Log => format!("{}, log scale", unit.caption()),
        ChartScale::Linear => unit.caption().to_owned(),
    };
    let block = pane_block(app.view.theme(), &chart.title, &unit, focused(app, Pane::Chart(index)), area.width);
    let inner = block.inner(area);
    let bars = dashboard_bars(app, dataset, index, inner);
    let shown = bars.draw(inner, buf);
    let (above, below) = (shown.window.start, chart.metrics.len() - shown.window.end);
    // What the marks before values mean, for the bars that carry one.
    let legend = crate::details::legend_of_metrics(dataset, &chart.metrics);
    let bound_points = shown.bound_points.then(|| "underlined point: a bound".to_owned());
    let parts = [Some(hidden_caption(above, below)), too_small_caption(shown.too_small), Some(legend), bound_points];
    let caption = parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
    // The frame goes on after the bars so its caption is not drawn over.
    with_caption(block, caption, app.view.theme().dim, area.width).render(area, buf);
}

/// Where the selected bar's label of the dashboard's chart `index` is drawn in its pane `area`
/// (a line chart: the first cell inside its frame), for the screen-reader cursor.
pub fn label_at(app: &Viewer, loaded: &Loaded, index: usize, area: Rect) -> Option<Position> {
    let chart = loaded.dataset.charts.get(index)?;
    // The pane's frame is a plain border: its inside is the area less one cell all round.
    let inner = area.inner(Margin::new(1, 1));
    if inner.is_empty() {
        return None;
    }
    if chart.kind == crate::dataset::ChartKind::Line {
        return Some(inner.as_position());
    }
    dashboard_bars(app, &loaded.dataset, index, inner).label_at(inner, BarLimits::dataset(inner))
}

/// The bars of the dashboard's chart `index` (which exists) drawn in `inner`.
fn dashboard_bars<'a>(app: &'a Viewer, dataset: &'a Dataset, index: usize, inner: Rect) -> Bars<'a> {
    let chart = &dataset.charts[index];
    Bars {
        dataset,
        members: &chart.metrics,
        scale_of: &chart.metrics,
        vertical: stands_upright(
            chart.direction == ChartDirection::Vertical,
            chart.metrics.len(),
            inner,
            BarLimits::dataset(inner),
            dataset.widest_bar_value(&chart.metrics),
        ),
        scale: chart.scale,
        cursor: app.view.chart_selection(index),
        highlight: shows_selection(app, Pane::Chart(index)),
        styles: BarStyles::dataset(app.view.theme()),
        theme: app.view.theme(),
        changes: app.content.changes(),
        value_of: &|m: &Metric| m.value,
        sparklines: true,
    }
}
