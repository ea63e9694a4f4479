//! The help overlay: the rows of [`crate::help::rows`] in a window over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::app::Viewer;
use crate::help::{HelpRow, rows, text_width};
use crate::layout::{HelpWindow, help_window};

pub fn render(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme();
    let width = help_window(area, 0).window.width;
    let lines: Vec<Line> = rows(app.view.keys(), app.view.audience(), text_width(width))
        .into_iter()
        .map(|row| match row {
            HelpRow::Heading(text) => Line::styled(text, theme.detail_label),
            HelpRow::Keys { keys, text } => {
                Line::from(vec![Span::styled(keys, theme.key), Span::styled(text, theme.body)])
            }
            HelpRow::Note(text) => Line::styled(text, theme.dim),
            HelpRow::Blank => Line::default(),
        })
        .collect();
    let HelpWindow { window, visible, max_scroll } = help_window(area, lines.len());
    let scroll = app.view.help_scroll().min(max_scroll);
    let more = if scroll + visible < lines.len() { "↓ more · Esc close" } else { "Esc close" };
    Clear.render(window, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.overlay_border)
        .title(Span::styled(" Keys ", theme.pane_title_focused))
        .title_bottom(super::frame::right_title(more, theme.dim, width))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let mut lines = lines;
    Paragraph::new(lines.split_off(scroll)).block(block).render(window, buf);
}
