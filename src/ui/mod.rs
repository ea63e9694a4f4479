//! Drawing: `impl Widget for &Viewer`. State in, cells out; nothing here changes the app.

mod article;
mod bars;
mod big;
mod chart;
mod cursor;
mod detail;
mod emphasis;
mod follow;
mod frame;
mod frames;
mod gauges;
mod header;
mod help;
mod highlight;
mod line_cells;
mod line_chart;
mod message;
pub mod notes;
mod paint;
mod pane_frame;
mod presenter;
mod problems;
mod scrollbar;
mod shown_slide;
mod sized;
mod slide;
mod slide_frame;
mod sparkline;
mod table;

pub use cursor::cursor_position;
pub use frames::Frames;
pub use paint::{Painter, Wire};
pub use sized::SizedBackend;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Mode, Overlay, Viewer};
use crate::layout::{Pane, Screen};
use frames::{Key, Reuse};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.viewer().render(area, buf);
    }
}

/// Drawn from scratch; [`Frames::render`] draws the same cells, copying unchanged panes.
impl Widget for Viewer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw(self, area, buf, &mut Reuse(None));
    }
}

/// The frame of `viewer`, with panes whose inputs did not change taken from `reuse`.
fn draw(viewer: Viewer, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    {
        let app = &viewer;
        let view = viewer.view;
        // An empty style changes no cell: the themes that keep the terminal's background skip
        // a pass over every cell of the frame.
        if view.theme().canvas != ratatui::style::Style::new() {
            reuse.canvas(area, view.theme().canvas, buf);
        }
        if view.mode() == Mode::Presentation
            && let Some(loaded) = viewer.content.data()
        {
            if view.presentation().presenter() {
                presenter::render(app, loaded, area, buf, reuse);
            } else {
                shown_slide::render(app, loaded, area, buf, reuse);
            }
            match view.overlay() {
                Overlay::Help => help::render(app, area, buf),
                Overlay::Problems => problems::render(app, area, buf),
                _ => {}
            }
            follow::render(app, area, buf);
            return;
        }
        let areas = view.areas_at(viewer.content, area);
        if areas.screen == Screen::TooSmall {
            message::too_small(area, buf);
            return;
        }
        reuse.pane(Key::Header { rect: areas.header }, buf, |buf| header::render(app, &areas, buf));
        match viewer.content.data() {
            None => message::load_error_screen(app, areas.body.union(areas.detail), buf),
            Some(loaded) => {
                for (index, rect) in areas.charts.iter().enumerate() {
                    let pane = Pane::Chart(index);
                    let key = Key::Chart {
                        index,
                        rect: *rect,
                        selection: view.chart_selection(index),
                        sort: view.table_sort(viewer.content, index),
                        focused: focused(app, pane),
                        selected: shows_selection(app, pane),
                    };
                    reuse.pane(key, buf, |buf| chart::render(app, loaded, index, *rect, buf));
                }
                let key = Key::Gauges {
                    rect: areas.gauges,
                    selection: view.gauge_selection(),
                    focused: focused(app, Pane::Gauges),
                    selected: shows_selection(app, Pane::Gauges),
                };
                reuse.pane(key, buf, |buf| gauges::render(app, loaded, areas.gauges, buf));
                article::render(app, loaded, areas.article, buf, reuse);
                detail::render(app, loaded, &areas, buf);
                message::reload_banner(app, areas.banner, buf);
            }
        }
        message::footer(app, areas.footer, buf);
        match view.overlay() {
            Overlay::None => {}
            Overlay::Help => help::render(app, area, buf),
            Overlay::Details => detail::render_window(app, buf),
            Overlay::Problems => problems::render(app, area, buf),
        }
        follow::render(app, area, buf);
    }
}

/// Whether a pane has the keyboard focus (its border is highlighted).
fn focused(app: &Viewer, pane: Pane) -> bool {
    app.view.focus() == pane && app.view.overlay() == Overlay::None
}

/// Whether a pane's selected item is highlighted: in the focused pane, and in the pane the
/// article took the focus from (the detail line still describes its selection).
fn shows_selection(app: &Viewer, pane: Pane) -> bool {
    app.view.focus() == pane || (app.view.focus() == Pane::Article && app.view.last_item_pane() == pane)
}
