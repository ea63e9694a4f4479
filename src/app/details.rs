//! The details window's place, read from [`crate::layout::details_window`]: the renderer draws
//! it where this says, and the view scrolls the article by the same computation so the window
//! never hides the sentence and badge it points at.

use ratatui::layout::Rect;

use super::{Content, Overlay, View};
use crate::layout::{Keep, Pane, details_scroll, details_window};

impl View {
    /// The article rows the details window must leave in sight: the highlighted sentence from
    /// its first row down to its evidence badge.
    pub fn details_keep(&self, content: &Content) -> Option<Keep> {
        let place = content.data()?.evidence_place(self.evidence_metric?)?;
        let badge = self.evidence_badge(content)?;
        let first = self.row_of_line(content, self.line_of(place.sentence));
        // The badge's row is the one under its line.
        Some(Keep { rows: first..badge.line + 2, scroll: self.article_view(content) })
    }

    /// Where the details window goes at this size, for the selected item; `None` when nothing
    /// is selected.
    pub fn details_window(&self, content: &Content) -> Option<Rect> {
        let loaded = content.data()?;
        let item = self.selected_item(content)?;
        let rows = |width| crate::details::window_rows(loaded, content.changes(), item, width);
        let keep = self.details_keep(content);
        Some(details_window(self.size, &self.areas(content), self.item_pane(), keep.as_ref(), rows))
    }

    /// The details window's fields past its height, and its first row shown: `(hidden, top)`.
    pub fn details_overflow(&self, content: &Content) -> (u16, u16) {
        let (Some(loaded), Some(item), Some(window)) =
            (content.data(), self.selected_item(content), self.details_window(content))
        else {
            return (0, 0);
        };
        let Some((_, fields)) = crate::details::window_fields(loaded, content.changes(), item, window.width) else {
            return (0, 0);
        };
        let rows = crate::details::fields_height(&fields, window.width.saturating_sub(4));
        let hidden = rows.saturating_sub(window.height.saturating_sub(2));
        (hidden, self.details_scroll.min(hidden))
    }

    /// PgUp/PgDn in the details window: a page (less a row, kept for context) up or down, within
    /// its fields.
    pub(super) fn scroll_details(&mut self, content: &Content, action: crate::action::Action) {
        let (hidden, top) = self.details_overflow(content);
        let page = self.details_window(content).map_or(1, |w| w.height.saturating_sub(3).max(1));
        self.details_scroll = match action {
            crate::action::Action::PageUp => top.saturating_sub(page),
            _ => top.saturating_add(page).min(hidden),
        };
    }

    /// Whether ↑↓ in the details window reach another item: the pane it describes holds more
    /// than one.
    pub fn others_in_pane(&self, content: &Content) -> bool {
        let Some(loaded) = content.data() else { return false };
        let count = match self.item_pane() {
            Pane::Chart(chart) => loaded.dataset.charts.get(chart).map_or(0, |c| c.metrics.len()),
            Pane::Gauges => loaded.dataset.gauges.len(),
            Pane::Article => 0,
        };
        count > 1
    }

    /// The pane whose selection the details describe.
    fn item_pane(&self) -> Pane {
        if self.focus == Pane::Article { self.last_item_pane } else { self.focus }
    }

    /// While the details window is open, scrolls the article (if it must) so the window leaves
    /// the highlighted sentence and its badge in sight.
    pub(super) fn make_room_for_details(&mut self, content: &Content) {
        if self.overlay != Overlay::Details {
            return;
        }
        let (Some(loaded), Some(item), Some(keep)) =
            (content.data(), self.selected_item(content), self.details_keep(content))
        else {
            return;
        };
        let rows = |width| crate::details::window_rows(loaded, content.changes(), item, width);
        self.article_scroll = details_scroll(self.size, &self.areas(content), self.item_pane(), &keep, rows);
    }
}
