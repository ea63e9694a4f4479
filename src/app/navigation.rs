//! Focus, selection and scrolling: the arithmetic behind the movement keys.

use super::wrapping::article_of;
use super::{Content, Overlay, View};
use crate::action::Action;
use crate::article::{Row, Scroll, Wrapping, row_at};
use crate::layout::{self, HelpWindow, Pane, Screen};

/// What the detail line and the details window describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A metric, by index, reached through a bar of a chart.
    Metric(usize),
    /// A gauge, by index.
    Gauge(usize),
}

impl View {
    /// The panes that exist for the current data, in Tab order.
    pub fn panes(&self, content: &Content) -> Vec<Pane> {
        let Some(loaded) = content.data() else {
            return Vec::new();
        };
        let mut panes: Vec<Pane> = (0..loaded.dataset.charts.len()).map(Pane::Chart).collect();
        if !loaded.dataset.gauges.is_empty() {
            panes.push(Pane::Gauges);
        }
        panes.push(Pane::Article);
        panes
    }

    /// The selected bar or gauge of the focused pane (or, while the article has the focus, of the
    /// pane focused before it).
    pub fn selected_item(&self, content: &Content) -> Option<Item> {
        let dataset = &content.data()?.dataset;
        let pane = if self.focus == Pane::Article { self.last_item_pane } else { self.focus };
        match pane {
            Pane::Chart(chart_index) => {
                let chart = dataset.charts.get(chart_index)?;
                let selection = self.chart_selection.get(chart_index).copied().unwrap_or(0);
                let bar = crate::line_series::bar_of(dataset, chart, selection);
                chart.metrics.get(bar).copied().map(Item::Metric)
            }
            Pane::Gauges => (self.gauge_selection < dataset.gauges.len()).then_some(Item::Gauge(self.gauge_selection)),
            Pane::Article => None,
        }
    }

    pub(super) fn cycle_focus(&mut self, content: &Content, step: isize) {
        let panes = self.panes(content);
        if panes.is_empty() {
            return;
        }
        let current = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
        let next = (current as isize + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
        if self.focus != Pane::Article {
            self.last_item_pane = self.focus;
        }
        // In one-pane mode the article may just have appeared at a new width.
        self.refresh_article(content);
    }

    /// Moves the selection (charts, gauges) or the scroll position (article).
    pub(super) fn move_in_pane(&mut self, content: &Content, action: Action) {
        let pane = if self.overlay == Overlay::Details && self.focus == Pane::Article {
            self.last_item_pane
        } else {
            self.focus
        };
        let page = self.page_rows(content, pane);
        match pane {
            Pane::Article => {
                if action == Action::Last {
                    self.wrap_article_whole(content);
                }
                self.article_scroll = step(self.article_scroll, action, page, self.article_rows(content));
                self.clamp_article_scroll(content);
            }
            Pane::Gauges => {
                let count = content.data().map_or(0, |d| d.dataset.gauges.len());
                self.gauge_selection = step(self.gauge_selection, action, page, count).min(count.saturating_sub(1));
            }
            // A table's rows move in the order shown; the header row is not a page's.
            Pane::Chart(chart) if self.move_in_table(content, chart, action, page.saturating_sub(1).max(1)) => {}
            Pane::Chart(chart) => {
                let count = content
                    .data()
                    .and_then(|d| Some(crate::line_series::selectable(&d.dataset, d.dataset.charts.get(chart)?)))
                    .unwrap_or(0);
                if let Some(selected) = self.chart_selection.get_mut(chart) {
                    *selected = step(*selected, action, page, count).min(count.saturating_sub(1));
                }
            }
        }
    }

    pub(super) fn scroll_help(&mut self, content: &Content, action: Action) {
        let window = self.help_window(content);
        let rows = window.visible + window.max_scroll;
        self.help_scroll = step(self.help_scroll, action, window.visible.max(1), rows).min(window.max_scroll);
    }

    /// Where the help window goes at the current size, and how far it scrolls: what the
    /// overlay draws. The list of problems (`w`) scrolls in the same window.
    pub fn help_window(&self, content: &Content) -> HelpWindow {
        match self.overlay {
            Overlay::Problems => layout::help_window(self.size, layout::problem_rows(content.problems(), self.size)),
            _ => crate::help::window(&self.keys, &self.audience, self.size),
        }
    }

    /// The largest useful help scroll at the current size.
    pub fn help_max_scroll(&self, content: &Content) -> usize {
        self.help_window(content).max_scroll
    }

    /// Rows one page moves in a pane: its visible height, at least one.
    fn page_rows(&self, content: &Content, pane: Pane) -> usize {
        let rect = self.areas(content).pane(pane);
        let rows = match pane {
            Pane::Article => layout::article_text_area(rect).height,
            _ => rect.height.saturating_sub(2),
        };
        usize::from(rows).max(1)
    }

    /// Rows of the article pane's text area (its page).
    pub fn article_page(&self, content: &Content) -> usize {
        let areas = self.areas(content);
        let rect =
            if areas.screen == Screen::Single && self.focus != Pane::Article { areas.body } else { areas.article };
        usize::from(layout::article_text_area(rect).height).max(1)
    }

    /// The article's scroll range as it stands (rows, page, top): the one computation the
    /// movement keys and the article pane both read.
    pub fn article_view(&self, content: &Content) -> Scroll {
        Scroll::new(
            self.article_wrap.lines().len(),
            self.evidence_badge(content),
            self.article_page(content),
            self.article_scroll,
        )
        .partial(!self.article_wrap.is_complete())
    }

    /// The largest scroll that still fills the pane: the last row sits at the bottom.
    pub fn article_max_scroll(&self, content: &Content) -> usize {
        self.article_view(content).max()
    }

    /// Screen rows the article takes: its wrapped lines, and the rows an evidence badge adds
    /// under its sentence. `article_scroll` counts these rows, not lines.
    pub fn article_rows(&self, content: &Content) -> usize {
        self.article_view(content).rows
    }

    /// The wrapped line shown on article row `row` (a badge row counts as the line above it).
    pub fn line_at_row(&self, content: &Content, row: usize) -> usize {
        let badge = self.evidence_badge(content);
        match row_at(row, badge) {
            Row::Line(line) | Row::CutBefore(line) | Row::CutAfter(line) => line,
            Row::Badge => badge.map_or(row, |badge| badge.line),
        }
    }

    /// The article row that shows wrapped line `line` (its first half, if it is cut).
    pub fn row_of_line(&self, content: &Content, line: usize) -> usize {
        match self.evidence_badge(content) {
            Some(badge) if line > badge.line => line + badge.extra_rows(),
            _ => line,
        }
    }

    /// Where the evidence badge is drawn: under the last line of the highlighted sentence, that
    /// line cut at the sentence's end if another sentence follows on it.
    pub fn evidence_badge(&self, content: &Content) -> Option<crate::article::BadgePlace> {
        let loaded = content.data()?;
        let place = loaded.evidence_place(self.evidence_metric?)?;
        let blocks = &loaded.article.as_ref()?.article.blocks;
        Some(crate::article::badge_place(self.article_wrap.lines(), blocks, self.article_width, place.sentence))
    }

    pub(super) fn clamp_article_scroll(&mut self, content: &Content) {
        self.wrap_article_for_view(content);
        self.article_scroll = self.article_scroll.min(self.article_max_scroll(content));
    }

    /// Rewraps the article if the pane's width changed, keeping the same text at the top.
    pub(super) fn refresh_article(&mut self, content: &Content) {
        let pane = self.areas(content).article;
        // When the article pane is hidden (one-pane mode), keep the last width: the article
        // comes back at the same place.
        let width = if pane.width == 0 {
            if self.article_width == 0 { usize::from(self.size.width.saturating_sub(4)) } else { self.article_width }
        } else {
            usize::from(layout::article_text_area(pane).width)
        };
        if width == self.article_width && !self.article_wrap.lines().is_empty() {
            self.clamp_article_scroll(content);
            return;
        }
        let anchor =
            self.article_wrap.lines().get(self.line_at_row(content, self.article_scroll)).map(|l| (l.block, l.offset));
        let article = article_of(content);
        self.article_wrap = Wrapping::new(article, width);
        self.article_width = width;
        if let Some(anchor) = anchor {
            self.article_wrap.through_block(article, anchor.0);
            self.wrap_article_for_view(content);
            let lines = self.article_wrap.lines();
            let line = lines.partition_point(|l| (l.block, l.offset) <= anchor).saturating_sub(1);
            self.article_scroll = self.row_of_line(content, line);
        }
        self.clamp_article_scroll(content);
    }
}

/// One movement from `position` among `count` places, `page` at a time. Not clamped to the
/// top of the last page: callers clamp as their pane needs.
pub(super) fn step(position: usize, action: Action, page: usize, count: usize) -> usize {
    let last = count.saturating_sub(1);
    match action {
        Action::Prev => position.saturating_sub(1),
        Action::Next => position.saturating_add(1).min(last),
        Action::PageUp => position.saturating_sub(page),
        Action::PageDown => position.saturating_add(page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => position,
    }
}
