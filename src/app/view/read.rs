//! Reading a view: what the renderer, the runtime and tests may look at. Nothing outside
//! `src/app/` writes these; they change through events.

use ratatui::layout::Rect;

use super::View;
use crate::app::{Item, Mode, Notice, Overlay, Presentation, Search};
use crate::article::WrappedLine;
use crate::layout::Pane;
use crate::theme::Theme;

impl View {
    /// The status line's message.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The pane whose selection the detail line shows while the article has the focus.
    pub fn last_item_pane(&self) -> Pane {
        self.last_item_pane
    }

    /// The selected bar of chart `chart` (0 for a chart that does not exist).
    pub fn chart_selection(&self, chart: usize) -> usize {
        self.chart_selection.get(chart).copied().unwrap_or(0)
    }

    /// The selected bar of every chart, in chart order.
    pub fn chart_selections(&self) -> &[usize] {
        &self.chart_selection
    }

    pub fn gauge_selection(&self) -> usize {
        self.gauge_selection
    }

    /// The article's top visible row.
    pub fn article_scroll(&self) -> usize {
        self.article_scroll
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn presentation(&self) -> &Presentation {
        &self.presentation
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The metric whose sentence is highlighted in the article.
    pub fn evidence_metric(&self) -> Option<usize> {
        self.evidence_metric
    }

    /// The selection the article last followed.
    pub fn followed(&self) -> Option<Item> {
        self.followed
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    /// The article wrapped for [`View::article_width`] columns.
    pub fn article_lines(&self) -> &[WrappedLine] {
        self.article_wrap.lines()
    }

    pub fn article_width(&self) -> usize {
        self.article_width
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The key table in force, for the help.
    pub fn keys(&self) -> &crate::action::Keymap {
        &self.keys
    }

    /// Who the view is shown to (what its help lists beyond the key table).
    pub fn audience(&self) -> &crate::help::Audience {
        &self.audience
    }
}
