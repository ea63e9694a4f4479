//! A view under new data: every selection stays on the same metric (by id), the article on the
//! same text, the focus on a pane that still exists.

use super::{Content, View};
use crate::dataset::Dataset;
use crate::layout::Pane;
use crate::load::Loaded;

impl View {
    /// Takes in the content's (new) data, which replaced `old`: keeps the selections and the
    /// article's place, and rewraps the article (it may have changed).
    pub(super) fn keep_place(&mut self, content: &Content, old: Option<&Loaded>) {
        if let Some(new) = content.data() {
            self.keep_selection_across(old.map(|loaded| &loaded.dataset), new);
        }
        self.article_width = 0; // force a rewrap: the article may have changed
        self.refresh_article(content);
        self.followed = self.selected_item(content);
    }

    /// Keeps each chart's selected metric (by id, else the same
    /// position, clamped), the gauge selection and a focus that still exists.
    fn keep_selection_across(&mut self, old: Option<&Dataset>, new: &Loaded) {
        let charts = &new.dataset.charts;
        self.chart_selection = charts
            .iter()
            .enumerate()
            .map(|(i, chart)| {
                // A line chart starts on its first series' latest point.
                let first = if chart.kind == crate::dataset::ChartKind::Table {
                    // A sorted table opens on its top row.
                    crate::table::first_selection(&new.dataset, chart)
                } else {
                    crate::line_series::selection_of_bar(&new.dataset, chart, 0)
                };
                let previous = self.chart_selection.get(i).copied().unwrap_or(first);
                let old_id = old.and_then(|d| {
                    let c = d.charts.get(i)?;
                    let bar = crate::line_series::bar_of(d, c, previous);
                    c.metrics.get(bar).map(|&m| d.metrics[m].id.as_str())
                });
                let same_kind = old.and_then(|d| d.charts.get(i)).is_some_and(|c| c.kind == chart.kind);
                let id_at = |bar: usize| chart.metrics.get(bar).map(|&m| new.dataset.metrics[m].id.as_str());
                // The same point when it still belongs to the same metric (a line chart whose
                // series gained a point elsewhere keeps it); else that metric, else the place.
                let kept = (same_kind
                    && old_id.is_some()
                    && id_at(crate::line_series::bar_of(&new.dataset, chart, previous)) == old_id)
                    .then_some(previous);
                let by_id = kept.or_else(|| {
                    old_id
                        .and_then(|id| chart.metrics.iter().position(|&m| new.dataset.metrics[m].id == id))
                        .map(|bar| crate::line_series::selection_of_bar(&new.dataset, chart, bar))
                });
                by_id.unwrap_or(previous).min(crate::line_series::selectable(&new.dataset, chart).saturating_sub(1))
            })
            .collect();
        self.gauge_selection = self.gauge_selection.min(new.dataset.gauges.len().saturating_sub(1));
        let evidence_id = self.evidence_metric.and_then(|m| old.and_then(|d| d.metrics.get(m))).map(|m| m.id.as_str());
        self.evidence_metric = evidence_id.and_then(|id| new.dataset.metric_index(id));
        // Search matches point into the old article.
        self.search = None;
        let exists = |pane: Pane| match pane {
            Pane::Chart(i) => i < charts.len(),
            Pane::Gauges => !new.dataset.gauges.is_empty(),
            Pane::Article => true,
        };
        if !exists(self.focus) {
            self.focus = Pane::Chart(0);
        }
        if !exists(self.last_item_pane) {
            self.last_item_pane = Pane::Chart(0);
        }
    }
}
