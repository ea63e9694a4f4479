//! The help overlay, generated from the key table the app itself uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::action::{HELP_NOTES, HELP_SECTIONS, bindings};
use crate::app::Viewer;
use crate::layout::{HelpWindow, help_window};
use crate::text::width::truncate;

/// The key column is as wide as the longest keys, up to this.
const KEYS_COLUMN_MAX: usize = 28;

pub fn render(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let width = help_window(area, 0).window.width;
    let key_names =
        |binding: &crate::action::Binding| binding.keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" ");
    // The key column fits the longest keys (and leaves the rest to the descriptions).
    let keys_column = HELP_SECTIONS
        .iter()
        .flat_map(|(_, context)| bindings(*context))
        .map(|b| crate::text::width::width(&key_names(b)))
        .max()
        .unwrap_or(0)
        .min(KEYS_COLUMN_MAX)
        + 2;
    let description_room = usize::from(width).saturating_sub(keys_column + 6);
    let mut lines: Vec<Line> = Vec::new();
    for (heading, context) in HELP_SECTIONS {
        lines.push(Line::styled(heading, theme.detail_label));
        for binding in bindings(context) {
            let keys = truncate(&key_names(binding), keys_column - 1);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys}{}", " ".repeat(keys_column - crate::text::width::width(&keys))),
                    theme.key,
                ),
                Span::styled(truncate(binding.help, description_room), theme.body),
            ]));
        }
        lines.push(Line::default());
    }
    lines.extend(HELP_NOTES.iter().map(|note| Line::styled(*note, theme.dim)));

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
    Paragraph::new(lines.split_off(scroll)).block(block).render(window, buf);
}
