//! Tables (`[[chart]] kind = "table"`): a row per metric with its value, unit, as-of date,
//! change since the previous point and a sparkline, drawn with ratatui's `Table` on the
//! dashboard and on a slide. The rows' order and words are [`crate::table`]'s; which columns fit
//! is [`columns::fit`]'s (a value is never cut: a column goes before it would be).
//!
//! On the dashboard the table keeps the selected row in a window around it, as a bar chart
//! keeps its bar, and its frame says which rows it shows (`rows 3–10 of 40`). The header names
//! the column the rows are sorted by, with an arrow for the direction (`Value ▼`).

mod columns;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Cell, HighlightSpacing, Row, StatefulWidget, Table as RatatuiTable, TableState, Widget};

use super::frame::{pane_block, with_caption};
use super::sparkline::{self, SparkStyles};
use super::{focused, shows_selection};
use crate::app::{ValueChange, Viewer};
use crate::dataset::{Chart, Dataset, SortKey};
use crate::layout::Pane;
use crate::load::Loaded;
use crate::table::{RowWords, TableSort, first_shown, order, row_of, words};
use crate::text::width::truncate;
use crate::theme::Theme;
pub use columns::{Column, Fitted, fit};

/// The styles of a table.
#[derive(Debug, Clone, Copy)]
pub struct TableLooks {
    pub header: Style,
    pub text: Style,
    pub selected: Style,
    /// A value the last reload changed.
    pub changed: Style,
    pub spark: SparkStyles,
}

impl TableLooks {
    pub fn dataset(theme: &Theme) -> Self {
        Self {
            header: theme.detail_label,
            text: theme.body,
            selected: theme.bar_label_selected,
            changed: theme.changed,
            spark: SparkStyles { plain: theme.sparkline, bound: theme.sparkline_bound, changed: theme.changed },
        }
    }

    pub fn slide(theme: &Theme) -> Self {
        Self {
            header: theme.slide_dim,
            text: theme.slide_title,
            selected: theme.slide_title,
            changed: theme.slide_title,
            spark: SparkStyles { plain: theme.slide_bar, bound: theme.slide_bar, changed: theme.slide_bar },
        }
    }
}

/// What to draw as a table.
pub struct Rows<'a> {
    pub dataset: &'a Dataset,
    pub chart: &'a Chart,
    pub sort: TableSort,
    /// The rows to draw, as positions in the sorted order; `None`: all of them.
    pub page: Option<Range<usize>>,
    /// The selected metric (a position in `chart.metrics`), highlighted if `highlight`; the
    /// window of rows shown keeps it in sight either way.
    pub selection: usize,
    pub highlight: bool,
    pub changes: &'a [ValueChange],
    pub looks: TableLooks,
    /// In the middle of the area (a slide), rather than at its top left (a pane).
    pub centred: bool,
}

/// What a table drew: the rows shown (of how many), the columns left out, and whether a
/// sparkline shown holds a point that is a bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub shown: Range<usize>,
    pub count: usize,
    pub hidden_columns: usize,
    pub bound_points: bool,
}

impl Rows<'_> {
    /// Draws the header and as many rows as fit in `area`.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Drawn {
        let mut sorted = order(self.dataset, self.chart, self.sort);
        if let Some(page) = &self.page {
            let page = page.start.min(sorted.len())..page.end.min(sorted.len());
            sorted = sorted[page].to_vec();
        }
        let metrics: Vec<&crate::dataset::Metric> =
            sorted.iter().filter_map(|&p| self.dataset.metrics.get(*self.chart.metrics.get(p)?)).collect();
        let cells: Vec<RowWords> = metrics.iter().map(|m| words(m)).collect();
        let trend = metrics.iter().filter(|m| m.history.len() >= 2).map(|m| m.history.len()).max().unwrap_or(0);
        let shown_headers = headers(self.sort);
        // Every sortable heading is measured with room for an arrow, so that sorting by another
        // column never changes which columns fit, nor their widths.
        let sorted_by = |key| headers(TableSort { key: Some(key), reversed: false });
        let all = [SortKey::Label, SortKey::Value, SortKey::AsOf, SortKey::Change].map(sorted_by);
        let measure: [String; 6] = std::array::from_fn(|i| {
            all.iter().map(|h| h[i].clone()).max_by_key(|h| crate::text::width::width(h)).unwrap_or_default()
        });
        let fitted = fit(&measure, &cells, trend.min(sparkline::MOST_POINTS), usize::from(area.width));
        let area = if self.centred { middle(area, &fitted, sorted.len()) } else { area };
        let visible = usize::from(area.height.saturating_sub(1));
        let selected_row = row_of(&sorted, self.selection);
        let first = first_shown(sorted.len(), visible, selected_row);
        let shown = first..(first + visible).min(sorted.len());
        let drawn =
            Drawn { shown: shown.clone(), count: sorted.len(), hidden_columns: fitted.hidden, bound_points: false };
        if area.is_empty() || fitted.columns.is_empty() {
            return drawn;
        }
        let header = Row::new(fitted.columns.iter().map(|&(column, width)| {
            let text = truncate(&shown_headers[column as usize], usize::from(width));
            Cell::from(aligned(column, text)).style(self.looks.header)
        }));
        let rows = cells.iter().zip(&metrics).map(|(words, metric)| {
            let changed = self.changes.iter().any(|c| c.id == metric.id);
            Row::new(fitted.columns.iter().map(|&(column, width)| {
                let text = match column {
                    Column::Label => truncate(&words.label, usize::from(width)),
                    Column::Value => words.value.clone(),
                    Column::Unit => words.unit.clone(),
                    Column::AsOf => words.as_of.clone(),
                    Column::Change => words.change.clone(),
                    Column::Trend => String::new(),
                };
                let style = if changed && column == Column::Value { self.looks.changed } else { self.looks.text };
                Cell::from(aligned(column, text)).style(style)
            }))
        });
        let widths: Vec<Constraint> = fitted.columns.iter().map(|&(_, w)| Constraint::Length(w)).collect();
        let mut state = TableState::new()
            .with_offset(first)
            .with_selected(self.highlight.then_some(selected_row).filter(|&r| r < sorted.len()));
        let table = RatatuiTable::new(rows, widths)
            .header(header)
            .column_spacing(columns::SPACING)
            .highlight_spacing(HighlightSpacing::Never)
            .row_highlight_style(self.looks.selected);
        StatefulWidget::render(table, area, buf, &mut state);
        let bound_points = self.sparklines(&fitted, &metrics, shown, area, buf);
        Drawn { bound_points, ..drawn }
    }

    /// Each shown row's history in the trend column (its latest point at the column's right
    /// edge); says whether one of them holds a bound.
    fn sparklines(
        &self,
        fitted: &Fitted,
        metrics: &[&crate::dataset::Metric],
        shown: Range<usize>,
        area: Rect,
        buf: &mut Buffer,
    ) -> bool {
        let Some((x, width)) = fitted.place(Column::Trend) else { return false };
        let mut bound = false;
        for (row, metric) in shown.clone().zip(0u16..).filter_map(|(i, r)| Some((r, metrics.get(i)?))) {
            let y = area.y.saturating_add(1).saturating_add(row);
            if metric.history.len() < 2 || y >= area.bottom() {
                continue;
            }
            let changed = sparkline::changed_dates(self.changes, &metric.id);
            let strip =
                Rect { x: area.x.saturating_add(x), y, width: width.min(area.width.saturating_sub(x)), height: 1 };
            sparkline::draw(&metric.history, &changed, self.looks.spark, strip, buf);
            bound |= metric.history.iter().rev().take(usize::from(width)).any(|p| p.bound.is_some());
        }
        bound
    }
}

/// The part of `area` a table of `rows` rows in these columns takes, in its middle.
fn middle(area: Rect, fitted: &Fitted, rows: usize) -> Rect {
    let width = fitted.columns.iter().map(|&(_, w)| w.saturating_add(columns::SPACING)).sum::<u16>();
    let width = width.saturating_sub(columns::SPACING).min(area.width);
    let height = u16::try_from(rows.saturating_add(1)).unwrap_or(u16::MAX).min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The columns' headings under `sort`, the sorted one with its arrow, indexed by [`Column`].
fn headers(sort: TableSort) -> [String; 6] {
    let arrow = |key: SortKey, name: &str| {
        if sort.key == Some(key) { format!("{name} {}", sort.arrow()) } else { name.to_owned() }
    };
    [
        arrow(SortKey::Label, "Metric"),
        arrow(SortKey::Value, "Value"),
        "Unit".to_owned(),
        arrow(SortKey::AsOf, "As of"),
        arrow(SortKey::Change, "Change"),
        "Trend".to_owned(),
    ]
}

/// Numbers line up on their right edge; words on their left.
fn aligned(column: Column, text: String) -> Line<'static> {
    match column {
        Column::Value | Column::Change => Line::from(text).right_aligned(),
        _ => Line::from(text),
    }
}

/// `rows 3–10 of 40` when not every row fits; empty when they all do.
pub fn rows_caption(drawn: &Drawn) -> String {
    if drawn.shown.len() >= drawn.count {
        return String::new();
    }
    if drawn.shown.is_empty() {
        return format!("{} rows", drawn.count);
    }
    format!("rows {}–{} of {}", drawn.shown.start + 1, drawn.shown.end, drawn.count)
}

/// One of the dashboard's chart panes, as a table.
pub fn render(app: &Viewer, loaded: &Loaded, index: usize, area: Rect, buf: &mut Buffer) {
    let dataset = &loaded.dataset;
    let Some(chart) = dataset.charts.get(index) else { return };
    let theme = app.view.theme();
    let keys = app.view.keys();
    let sort_key = keys.first_key(crate::action::Context::Dashboard, crate::action::Action::Sort);
    let note = sort_key.map(|k| format!("{k} sort")).unwrap_or_default();
    let block = pane_block(theme, &chart.title, &note, focused(app, Pane::Chart(index)), area.width);
    let inner = block.inner(area);
    let rows = Rows {
        dataset,
        chart,
        sort: app.view.table_sort(app.content, index),
        page: None,
        selection: app.view.chart_selection(index),
        highlight: shows_selection(app, Pane::Chart(index)),
        changes: app.content.changes(),
        looks: TableLooks::dataset(theme),
        centred: false,
    };
    let drawn = rows.draw(inner, buf);
    let hidden = match drawn.hidden_columns {
        0 => None,
        1 => Some("1 column hidden".to_owned()),
        n => Some(format!("{n} columns hidden")),
    };
    let legend = crate::details::legend_of_metrics(dataset, &chart.metrics);
    let bound_points = drawn.bound_points.then(|| "underlined point: a bound".to_owned());
    let parts = [Some(rows_caption(&drawn)), hidden, Some(legend), bound_points];
    let caption = parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
    with_caption(block, caption, theme.dim, area.width).render(area, buf);
}

/// A table on a slide, filling `area`: the rows of `page` (positions in the order the file
/// sorts it by), no selection.
pub fn slide(app: &Viewer, dataset: &Dataset, chart: &Chart, page: Option<Range<usize>>, area: Rect, buf: &mut Buffer) {
    let rows = Rows {
        dataset,
        chart,
        sort: TableSort::of(chart),
        page,
        selection: 0,
        highlight: false,
        changes: &[],
        looks: TableLooks::slide(app.view.theme()),
        centred: true,
    };
    rows.draw(area, buf);
}
