//! Numbers ↔ sentences: the article follows the selected metric to its quote, and `m` finds the
//! metric quoted where the reader is.

use super::{Content, Item, Level, View};
use crate::article::TextSpan;
use crate::layout::Pane;

impl View {
    /// The metric the selected item stands for (a gauge stands for its part).
    pub fn selected_metric(&self, content: &Content) -> Option<usize> {
        match self.selected_item(content)? {
            Item::Metric(metric) => Some(metric),
            Item::Gauge(gauge) => content.data()?.dataset.gauges.get(gauge).map(|g| g.metric),
        }
    }

    /// After a move: if the selection changed, highlight the new metric's sentence and bring it
    /// into view.
    pub(super) fn follow_selection(&mut self, content: &Content) {
        let item = self.selected_item(content);
        if item == self.followed {
            return;
        }
        self.followed = item;
        self.show_evidence(content);
    }

    /// Highlights the selected metric's sentence and scrolls the article to it (Enter does this
    /// even when the selection did not change).
    pub(super) fn show_evidence(&mut self, content: &Content) {
        self.evidence_metric = self.selected_metric(content);
        let place = self.evidence_metric.and_then(|m| content.data()?.evidence_place(m));
        match place {
            Some(place) => self.scroll_to_span(content, place.sentence),
            // The badge row may be gone, and the last page with it.
            None => self.clamp_article_scroll(content),
        }
    }

    /// The wrapped line that shows the start of `span`.
    pub fn line_of(&self, span: TextSpan) -> usize {
        crate::article::line_of(self.article_wrap.lines(), span.block, span.start)
    }

    /// Brings `span` into view: nothing moves if it is already on screen, otherwise its first
    /// line goes a third of the way down the pane (so the context above it shows too).
    pub(super) fn scroll_to_span(&mut self, content: &Content, span: TextSpan) {
        self.wrap_article_through(content, span.block);
        self.wrap_article_for_view(content);
        let first = self.row_of_line(content, self.line_of(span));
        let last = self.row_of_line(content, self.line_of(TextSpan { start: span.end.saturating_sub(1), ..span }));
        let page = self.article_page(content);
        // The evidence badge takes a row under the sentence.
        let visible = first >= self.article_scroll && last + 1 < self.article_scroll + page;
        if !visible {
            self.article_scroll = first.saturating_sub(page / 3);
        }
        self.clamp_article_scroll(content);
    }

    /// `m`: selects the metric whose quote is nearest the top of the article view (the first at
    /// or below it, else the last above it).
    pub(super) fn select_metric_here(&mut self, content: &Content) {
        // Every quote's line is asked for.
        self.wrap_article_whole(content);
        let Some(loaded) = content.data() else { return };
        let lines: Vec<(usize, usize)> = (0..loaded.dataset.metrics.len())
            .filter_map(|m| loaded.evidence.quote(m).map(|quote| (self.line_of(quote), m)))
            .collect();
        let top = self.line_at_row(content, self.article_scroll);
        let below = lines.iter().filter(|(line, _)| *line >= top).min();
        let above = lines.iter().filter(|(line, _)| *line < top).max();
        match below.or(above) {
            Some(&(_, metric)) => self.select_metric(content, metric, false),
            None => self.set_notice("no metric quotes this article", Level::Info),
        }
    }

    /// Selects a metric where it is shown (its first chart, else its first gauge), highlights its
    /// sentence and, if `scroll`, brings the sentence into view. The focus stays on the article
    /// if it is there.
    pub(super) fn select_metric(&mut self, content: &Content, metric: usize, scroll: bool) {
        let Some(loaded) = content.data() else { return };
        let dataset = &loaded.dataset;
        let in_chart = dataset
            .charts
            .iter()
            .enumerate()
            .find_map(|(c, chart)| chart.metrics.iter().position(|&m| m == metric).map(|bar| (c, bar)));
        let in_gauge = dataset.gauges.iter().position(|g| g.metric == metric);
        let pane = match (in_chart, in_gauge) {
            (Some((chart, bar)), _) => {
                if let Some(selected) = self.chart_selection.get_mut(chart) {
                    *selected = crate::line_series::selection_of_bar(dataset, &dataset.charts[chart], bar);
                }
                Pane::Chart(chart)
            }
            (None, Some(gauge)) => {
                self.gauge_selection = gauge;
                Pane::Gauges
            }
            (None, None) => self.last_item_pane,
        };
        self.last_item_pane = pane;
        if self.focus != Pane::Article {
            self.focus = pane;
        }
        self.followed = self.selected_item(content);
        self.evidence_metric = Some(metric);
        if scroll && let Some(place) = content.data().and_then(|d| d.evidence_place(metric)) {
            self.scroll_to_span(content, place.sentence);
        }
        self.clamp_article_scroll(content);
    }
}
