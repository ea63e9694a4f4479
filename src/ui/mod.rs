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
mod gauges;
mod header;
mod help;
mod highlight;
mod line_chart;
mod message;
pub mod notes;
mod presenter;
mod problems;
mod slide;
mod slide_frame;
mod sparkline;
mod table;

pub use cursor::cursor_position;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Mode, Overlay, Viewer};
use crate::layout::{Pane, Screen, layout};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.viewer().render(area, buf);
    }
}

impl Widget for Viewer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = &self;
        let view = self.view;
        buf.set_style(area, view.theme().canvas);
        if view.mode() == Mode::Presentation
            && let Some(loaded) = self.content.data()
        {
            if view.presentation().presenter() {
                presenter::render(app, loaded, area, buf);
            } else {
                slide::render(app, loaded, area, buf);
            }
            match view.overlay() {
                Overlay::Help => help::render(app, area, buf),
                Overlay::Problems => problems::render(app, area, buf),
                _ => {}
            }
            follow::render(app, area, buf);
            return;
        }
        let areas = layout(area, &view.layout_input(self.content));
        if areas.screen == Screen::TooSmall {
            message::too_small(area, buf);
            return;
        }
        header::render(app, &areas, buf);
        match self.content.data() {
            None => message::load_error_screen(app, areas.body.union(areas.detail), buf),
            Some(loaded) => {
                for (index, rect) in areas.charts.iter().enumerate() {
                    chart::render(app, loaded, index, *rect, buf);
                }
                gauges::render(app, loaded, areas.gauges, buf);
                article::render(app, loaded, areas.article, buf);
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
