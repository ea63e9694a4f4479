//! What the selected bar or gauge says in full: a line under the charts, a box when there is
//! room, and a window on Enter. All three read from [`describe`], so they always agree.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::frame::{fit_spans, pane_block};
use crate::app::{Item, ValueChange, Viewer};
use crate::layout::Areas;
use crate::load::Loaded;
use crate::text::number::format_percent;
use crate::theme::Theme;

/// One fact about the selection: a field name and its text, with the style of the text.
struct Field {
    name: &'static str,
    text: String,
    style: Style,
}

/// The title and the fields that describe an item.
fn describe(theme: &Theme, loaded: &Loaded, changes: &[ValueChange], item: Item) -> (String, Vec<Field>) {
    let dataset = &loaded.dataset;
    let field = |name, text: String, style| Field { name, text, style };
    match item {
        Item::Metric(index) => {
            let m = &dataset.metrics[index];
            let mut fields = vec![field("Value", m.display_value(), theme.detail_value)];
            if let Some(change) = changes.iter().find(|c| c.id == m.id) {
                fields.push(field("Changed", change.describe(), theme.changed));
            }
            if let Some(period) = m.period() {
                fields.push(field("Period", period, theme.body));
            }
            if let Some(whole) = m.part_of.map(|w| &dataset.metrics[w]) {
                let share = if whole.value > 0.0 {
                    format!(" ({} of it)", format_percent(m.value / whole.value))
                } else {
                    String::new()
                };
                fields.push(field("Part of", format!("{}: {}{share}", whole.label, whole.display_value()), theme.body));
            }
            if let Some(note) = &m.note {
                fields.push(field("Note", note.clone(), theme.body));
            }
            if let Some(quote) = &m.quote {
                let found = loaded.evidence.place(index).is_some();
                let status = if found { "" } else { "  (not found in the article)" };
                fields.push(field("Quote", format!("“{}”{status}", quote.text), theme.quote));
            }
            if let Some(source) = &m.source {
                fields.push(field("Source", source.clone(), theme.link));
            }
            fields.push(field("Id", m.id.clone(), theme.dim));
            (m.label.clone(), fields)
        }
        Item::Gauge(index) => {
            let g = &dataset.gauges[index];
            let (part, whole) = (&dataset.metrics[g.metric], &dataset.metrics[g.of]);
            let mut fields = vec![
                field("Share", share_words(g), theme.detail_value),
                field("Part", format!("{}: {}", part.label, part.display_value()), theme.body),
                field("Whole", format!("{}: {}", whole.label, whole.display_value()), theme.body),
            ];
            if let Some(note) = &g.note {
                fields.push(field("Note", note.clone(), theme.body));
            }
            (g.title.clone(), fields)
        }
    }
}

/// `at most 23.2%`, `89.3%`.
fn share_words(gauge: &crate::dataset::Gauge) -> String {
    let percent = format_percent(gauge.ratio);
    match gauge.bound {
        Some(bound) => format!("{} {percent}", bound.words()),
        None => percent,
    }
}

/// The fields, led by the whole title when a frame `room` columns wide would cut it: a long
/// label is always shown whole somewhere.
fn whole_title(theme: &Theme, title: &str, room: usize, mut fields: Vec<Field>) -> Vec<Field> {
    if crate::text::width::width(title) > room {
        fields.insert(0, Field { name: "Label", text: title.to_owned(), style: theme.body });
    }
    fields
}

/// Columns of the field-name column.
const NAME_COLUMNS: u16 = 8;

/// A field's text wrapped to the width beside the name column.
fn field_text(field: &Field) -> Paragraph<'_> {
    Paragraph::new(Line::styled(field.text.as_str(), field.style)).wrap(Wrap { trim: true })
}

/// Rows the fields take at `width` columns, names included.
fn fields_height(fields: &[Field], width: u16) -> u16 {
    let text_width = width.saturating_sub(NAME_COLUMNS).max(1);
    let rows: usize = fields.iter().map(|f| field_text(f).line_count(text_width)).sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// Draws the fields as a two-column list, each text wrapped with a hanging indent.
fn render_fields(theme: &Theme, fields: &[Field], area: Rect, buf: &mut Buffer) {
    let text_width = area.width.saturating_sub(NAME_COLUMNS);
    let mut y = area.y;
    for field in fields {
        if y >= area.bottom() || text_width == 0 {
            break;
        }
        let paragraph = field_text(field);
        let rows = u16::try_from(paragraph.line_count(text_width)).unwrap_or(u16::MAX).min(area.bottom() - y);
        Line::styled(field.name, theme.detail_label).render(Rect::new(area.x, y, NAME_COLUMNS, 1), buf);
        paragraph.render(Rect::new(area.x.saturating_add(NAME_COLUMNS), y, text_width, rows), buf);
        y = y.saturating_add(rows);
    }
}

/// Rows under a box that are too few to leave empty: the box takes them instead, and ends on
/// the article pane's last row.
const LEFTOVER_MIN: u16 = 3;

/// The detail box's rows in `area`: its fields, its borders and a spare row; all of `area` when
/// that would leave only a sliver under it.
fn box_height(fields: &[Field], area: Rect) -> u16 {
    let wanted = fields_height(fields, area.width.saturating_sub(4)).saturating_add(3);
    if area.height.saturating_sub(wanted) < LEFTOVER_MIN { area.height } else { wanted }
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
    let (title, fields) = describe(theme, loaded, app.content.changes(), item);
    if areas.detail_is_box {
        let fields = whole_title(theme, &title, usize::from(area.width.saturating_sub(4)), fields);
        let area = Rect { height: box_height(&fields, area), ..area };
        let block = pane_block(theme, &title, "Enter: more", false, area.width);
        let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
        block.render(area, buf);
        render_fields(theme, &fields, inner, buf);
        return;
    }
    // One line: label, value, then as much of the rest as fits.
    let mut spans = vec![
        Span::styled(" ▸ ", theme.detail_label),
        Span::styled(title, theme.detail_label),
        Span::styled(": ", theme.dim),
    ];
    for (i, f) in fields.iter().filter(|f| f.name != "Id").enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(f.text.clone(), f.style));
    }
    fit_spans(spans, usize::from(area.width)).render(area, buf);
}

/// The details window (Enter), centred over everything.
pub fn render_window(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let (Some(loaded), Some(item)) = (&app.content.data(), app.view.selected_item(app.content)) else {
        return;
    };
    let theme = &app.view.theme();
    let (title, fields) = describe(theme, loaded, app.content.changes(), item);
    let width = area.width.saturating_sub(4).min(90);
    let fields = whole_title(theme, &title, usize::from(width.saturating_sub(6)), fields);
    let height = fields_height(&fields, width.saturating_sub(4)).saturating_add(2);
    let window = area.centered(Constraint::Length(width), Constraint::Length(height.min(area.height)));
    Clear.render(window, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.overlay_border)
        .title(Span::styled(
            format!(" {} ", crate::text::width::truncate(&title, usize::from(width.saturating_sub(6)))),
            theme.pane_title_focused,
        ))
        .title_bottom(super::frame::right_title("↑↓ other metrics · Esc close", theme.dim, width))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(window);
    block.render(window, buf);
    render_fields(theme, &fields, inner, buf);
}
