//! Drawing: `impl Widget for &App`. State in, cells out; nothing here changes the app.

mod article;
mod big;
mod chart;
mod detail;
mod emphasis;
mod frame;
mod gauges;
mod header;
mod help;
mod highlight;
mod message;
mod slide;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Mode, Overlay};
use crate::layout::{Pane, Screen, layout};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.canvas);
        if self.mode == Mode::Presentation
            && let Some(loaded) = &self.data
        {
            slide::render(self, loaded, area, buf);
            if self.overlay == Overlay::Help {
                help::render(self, area, buf);
            }
            return;
        }
        let areas = layout(area, &self.layout_input());
        if areas.screen == Screen::TooSmall {
            message::too_small(area, buf);
            return;
        }
        header::render(self, &areas, buf);
        match &self.data {
            None => message::load_error_screen(self, areas.body.union(areas.detail), buf),
            Some(loaded) => {
                for (index, rect) in areas.charts.iter().enumerate() {
                    chart::render(self, loaded, index, *rect, buf);
                }
                gauges::render(self, loaded, areas.gauges, buf);
                article::render(self, loaded, areas.article, buf);
                detail::render(self, loaded, &areas, buf);
                message::reload_banner(self, areas.banner, buf);
            }
        }
        message::footer(self, areas.footer, buf);
        match self.overlay {
            Overlay::None => {}
            Overlay::Help => help::render(self, area, buf),
            Overlay::Details => detail::render_window(self, area, buf),
        }
    }
}

/// Whether a pane has the keyboard focus (its border is highlighted).
fn focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && app.overlay == Overlay::None
}

/// Whether a pane's selected item is highlighted: in the focused pane, and in the pane the
/// article took the focus from (the detail line still describes its selection).
fn shows_selection(app: &App, pane: Pane) -> bool {
    app.focus == pane || (app.focus == Pane::Article && app.last_item_pane == pane)
}
