//! The screen-reader cursor (`--screen-reader`): the cell of the focused item, where the
//! terminal's cursor is shown so that screen readers and braille displays follow the focus. It
//! is found from the same layout and the same placement functions the panes draw with, and
//! reads the app only.
//!
//! The focused item, first match wins: the search prompt while a query is typed (after the
//! query), the help's or the problem list's first line, the details window's title; in a
//! presentation the slide's title (the presenter view's current slide); on the dashboard the
//! selected bar's label, the selected gauge's title, or the article's top visible line.

use ratatui::layout::{Margin, Position, Rect};

use super::{chart, gauges, message, presenter, slide};
use crate::app::{Mode, Overlay, Viewer};
use crate::layout::{Pane, Screen, help_window, layout, problem_rows};

/// Where the terminal's cursor goes on a screen of `area` drawn for `viewer`; `None` when
/// nothing has the focus (a blank slide, a screen too small): the cursor is then hidden.
pub fn cursor_position(viewer: Viewer, area: Rect) -> Option<Position> {
    let view = viewer.view;
    let at = match view.overlay() {
        Overlay::Help => {
            let rows = crate::help::rows(
                view.keys(),
                view.audience(),
                crate::help::text_width(help_window(area, 0).window.width),
            );
            Some(first_line(help_window(area, rows.len()).window))
        }
        Overlay::Problems => {
            let rows = problem_rows(viewer.content.problems(), area).max(1);
            Some(first_line(help_window(area, rows).window))
        }
        _ if view.mode() == Mode::Presentation && viewer.content.data().is_some() => {
            if view.presentation().presenter() {
                presenter::title_at(&viewer, area)
            } else {
                slide::title_at(&viewer, area)
            }
        }
        _ => dashboard(viewer, area),
    };
    at.filter(|at| area.contains(*at))
}

/// The focused item of the dashboard (and of the overlays drawn over it).
fn dashboard(viewer: Viewer, area: Rect) -> Option<Position> {
    let view = viewer.view;
    let areas = layout(area, &view.layout_input(viewer.content));
    if areas.screen == Screen::TooSmall {
        return None;
    }
    if let Some(search) = view.search().filter(|s| s.editing) {
        let (_, column) = message::search_prompt(&viewer, search, areas.footer);
        return Some(Position::new(areas.footer.x.saturating_add(column), areas.footer.y));
    }
    let Some(loaded) = viewer.content.data() else {
        // The error screen: its first line.
        return Some(areas.body.as_position());
    };
    if view.overlay() == Overlay::Details
        && let Some(window) = view.details_window(viewer.content)
    {
        // Its first field (the title sits on the frame).
        return Some(first_line(window));
    }
    let pane = areas.pane(view.focus());
    match view.focus() {
        Pane::Chart(index) => chart::label_at(&viewer, loaded, index, pane),
        Pane::Gauges => gauges::label_at(&viewer, loaded, pane),
        Pane::Article => {
            let text = crate::layout::article_text_area(pane);
            (!text.is_empty()).then(|| text.as_position())
        }
    }
}

/// The first cell of text in a window with a frame and a column of padding on each side.
fn first_line(window: Rect) -> Position {
    window.inner(Margin::new(2, 1)).as_position()
}
