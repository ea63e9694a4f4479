//! What the selected bar or gauge says in full: a line under the charts, a box when there is
//! room, and a window on Enter. All three draw [`crate::details`]' fields, so they always agree.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::frame::{fit_spans, pane_block};
use crate::app::Viewer;
use crate::details::{self, Field, NAME_COLUMNS, Tone, field_paragraph, field_rows};
use crate::layout::Areas;
use crate::load::Loaded;
use crate::theme::Theme;

/// The style of a field's text.
fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Value => theme.detail_value,
        Tone::Changed => theme.changed,
        Tone::Body => theme.body,
        Tone::Quote => theme.quote,
        Tone::Link => theme.link,
        Tone::Dim => theme.dim,
    }
}

/// Draws the fields as a two-column list, each text wrapped with a hanging indent.
fn render_fields(theme: &Theme, fields: &[Field], area: Rect, buf: &mut Buffer) {
    let text_width = area.width.saturating_sub(NAME_COLUMNS);
    let mut y = area.y;
    for field in fields {
        if y >= area.bottom() || text_width == 0 {
            break;
        }
        let paragraph = field_paragraph(&field.text).style(style(theme, field.tone));
        let rows = field_rows(field, area.width).min(area.bottom() - y);
        Line::styled(field.name, theme.detail_label).render(Rect::new(area.x, y, NAME_COLUMNS, 1), buf);
        paragraph.render(Rect::new(area.x.saturating_add(NAME_COLUMNS), y, text_width, rows), buf);
        y = y.saturating_add(rows);
    }
}

/// The detail line or box under the charts.
pub fn render(app: &Viewer, loaded: &Loaded, areas: &Areas, buf: &mut Buffer) {
    let area = areas.detail;
    if area.is_empty() {
        return;
    }
    let theme = &app.view.theme();
    let Some(item) = app.view.selected_item(app.content) else {
        return;
    };
    let changes = app.content.changes();
    if areas.detail_is_box {
        let Some((title, fields)) = details::box_fields(loaded, changes, item, area.width) else { return };
        let area = Rect { height: details::box_height(&fields, area), ..area };
        // Enter is offered only when the window would show something the box cannot.
        let more = if details::window_shows_more(loaded, changes, item, areas) { "Enter: more" } else { "" };
        let block = pane_block(theme, &title, more, false, area.width);
        let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
        block.render(area, buf);
        render_fields(theme, &fields, inner, buf);
        return;
    }
    let Some((title, fields)) = details::describe(loaded, changes, item) else { return };
    // One line: label, value, then as much of the rest as fits (the value already says its
    // bound in words).
    let mut spans = vec![
        Span::styled(" ▸ ", theme.detail_label),
        Span::styled(title, theme.detail_label),
        Span::styled(": ", theme.dim),
    ];
    for (i, f) in fields.iter().filter(|f| !["Id", "Bound", "Points", ""].contains(&f.name)).enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(f.text.clone(), style(theme, f.tone)));
    }
    super::line_cells::render(&fit_spans(spans, usize::from(area.width)), area, buf);
}

/// The details window (Enter), where [`crate::layout::details_window`] puts it: never over the
/// sentence and badge it points at.
pub fn render_window(app: &Viewer, buf: &mut Buffer) {
    let (Some(loaded), Some(item)) = (app.content.data(), app.view.selected_item(app.content)) else {
        return;
    };
    let Some(window) = app.view.details_window(app.content) else { return };
    let Some((title, fields)) = details::window_fields(loaded, app.content.changes(), item, window.width) else {
        return;
    };
    let theme = &app.view.theme();
    let width = window.width;
    Clear.render(window, buf);
    let others = if app.view.others_in_pane(app.content) { "↑↓ other metrics · " } else { "" };
    let (hidden, top) = app.view.details_overflow(app.content);
    let others = match (top > 0, top < hidden) {
        (_, true) => format!("PgDn more · {others}"),
        (true, false) => format!("PgUp back · {others}"),
        (false, false) => others.to_owned(),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.overlay_border)
        .title(Span::styled(
            format!(" {} ", crate::text::width::truncate(&title, details::window_title_room(width))),
            theme.pane_title_focused,
        ))
        .title_bottom(super::frame::right_title(&format!("{others}Esc close"), theme.dim, width))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(window);
    block.render(window, buf);
    if top == 0 {
        render_fields(theme, &fields, inner, buf);
        return;
    }
    // Scrolled: the fields drawn whole off screen, and the rows from `top` copied in.
    let mut all = Buffer::empty(Rect::new(0, 0, inner.width, inner.height.saturating_add(top)));
    render_fields(theme, &fields, all.area, &mut all);
    for y in 0..inner.height {
        for x in 0..inner.width {
            buf[(inner.x + x, inner.y + y)] = all[(x, y + top)].clone();
        }
    }
}
