//! The bordered frame every pane is drawn in, so all panes look alike.

use ratatui::layout::Alignment;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use crate::text::width::{truncate, width as width_of};
use crate::theme::Theme;

/// A rounded frame with a title on the left and an optional note on the right, highlighted when
/// focused. The title is cut to fit the frame, never the right-hand note.
pub fn pane_block<'a>(theme: &Theme, title: &str, note: &str, focused: bool, width: u16) -> Block<'a> {
    let (border, title_style) =
        if focused { (theme.border_focused, theme.pane_title_focused) } else { (theme.border, theme.pane_title) };
    // Corners and the spaces around the title take 4 columns; the title comes first, the note
    // only gets what is left (and is dropped when less than a few columns remain).
    let room = usize::from(width).saturating_sub(4);
    let title = truncate(title, room);
    let note_room = room.saturating_sub(width_of(&title) + 4);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Line::from(Span::styled(format!(" {title} "), title_style)));
    if !note.is_empty() && note_room >= 8.min(width_of(note)) {
        let note = truncate(note, note_room);
        block = block.title(Line::from(Span::styled(format!(" {note} "), theme.dim)).alignment(Alignment::Right));
    }
    block
}

/// A bottom-right caption on a frame (scroll position, "more below").
pub fn with_caption<'a>(block: Block<'a>, caption: String, style: Style) -> Block<'a> {
    if caption.is_empty() {
        return block;
    }
    block.title_bottom(Line::from(Span::styled(format!(" {caption} "), style)).alignment(Alignment::Right))
}

/// Cuts a line of spans to `max` columns, ending in `…` when anything was cut.
pub fn fit_spans(spans: Vec<Span<'_>>, max: usize) -> Line<'_> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= max {
        return Line::from(spans);
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut used = 0;
    for span in spans {
        let room = max.saturating_sub(used + 1);
        if span.width() <= room {
            used += span.width();
            out.push(span);
            continue;
        }
        let cut = truncate(&span.content, room + 1);
        out.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(out)
}

/// `↓ 2 more`, `↑ 1 more`, `↑ 1 ↓ 2`: what a scrolled pane hides; empty when nothing is hidden.
pub fn hidden_caption(above: usize, below: usize) -> String {
    match (above, below) {
        (0, 0) => String::new(),
        (0, below) => format!("↓ {below} more"),
        (above, 0) => format!("↑ {above} more"),
        (above, below) => format!("↑ {above} ↓ {below}"),
    }
}
