//! Tables in a view: the sort each one is shown in (`s` the next column, `S` the other way
//! round), and the selection moving through its rows in the order shown, by keys and clicks.
//! The sort lives here, in the view, so that every viewer sorts their own tables.

use ratatui::layout::{Position, Rect};

use super::{Content, View};
use crate::action::Action;
use crate::dataset::{Chart, ChartKind};
use crate::layout::Pane;
use crate::table::{TableSort, first_shown, order, row_of};

impl View {
    /// The sort table `index` is shown in: the one `s` and `S` chose, else the file's `sort`.
    pub fn table_sort(&self, content: &Content, index: usize) -> TableSort {
        let chosen = self.table_sorts.get(index).copied().flatten();
        chosen.or_else(|| Some(TableSort::of(table(content, index)?))).unwrap_or_default()
    }

    /// `s` and `S` on the focused pane, when it is a table; the selected row stays selected.
    pub(super) fn sort_table(&mut self, content: &Content, action: Action) {
        let Pane::Chart(index) = self.focus else { return };
        if table(content, index).is_none() {
            return;
        }
        let sort = self.table_sort(content, index);
        let sort = if action == Action::SortReverse { sort.reverse() } else { sort.next() };
        if self.table_sorts.len() <= index {
            self.table_sorts.resize(index + 1, None);
        }
        self.table_sorts[index] = Some(sort);
    }

    /// Moves the selection of table `index` through its rows in the order shown, `page` rows
    /// at a time; false when the chart is not a table.
    pub(super) fn move_in_table(&mut self, content: &Content, index: usize, action: Action, page: usize) -> bool {
        let Some((chart, dataset)) = table(content, index).zip(content.data().map(|d| &d.dataset)) else {
            return false;
        };
        let rows = order(dataset, chart, self.table_sort(content, index));
        let Some(selection) = self.chart_selection.get_mut(index) else { return true };
        let row = super::navigation::step(row_of(&rows, *selection), action, page, rows.len());
        if let Some(&picked) = rows.get(row.min(rows.len().saturating_sub(1))) {
            *selection = picked;
        }
        true
    }

    /// Selects the row of table `index` drawn under `at`, in its pane's `inner` area (a header
    /// row, then a window of rows around the selection, as the widget draws it); false when the
    /// chart is not a table.
    pub(super) fn click_table(&mut self, content: &Content, index: usize, inner: Rect, at: Position) -> bool {
        let Some((chart, dataset)) = table(content, index).zip(content.data().map(|d| &d.dataset)) else {
            return false;
        };
        let rows = order(dataset, chart, self.table_sort(content, index));
        let Some(selection) = self.chart_selection.get_mut(index) else { return true };
        let visible = usize::from(inner.height.saturating_sub(1));
        let first = first_shown(rows.len(), visible, row_of(&rows, *selection));
        let Some(offset) = at.y.checked_sub(inner.y.saturating_add(1)).map(usize::from) else { return true };
        if offset < visible
            && let Some(&picked) = rows.get(first + offset)
        {
            *selection = picked;
        }
        true
    }
}

/// Chart `index`, if it is a table.
fn table(content: &Content, index: usize) -> Option<&Chart> {
    content.data()?.dataset.charts.get(index).filter(|c| c.kind == ChartKind::Table)
}
