//! The bordered frame every pane is drawn in, so all panes look alike.

use ratatui::layout::Alignment;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::pane_frame::PaneFrame;
use crate::text::width::{truncate, width as width_of};
use crate::theme::Theme;

/// A rounded frame with a title on the left and an optional note on the right, highlighted when
/// focused. The title is cut to fit the frame, never the right-hand note.
pub fn pane_block<'a>(theme: &Theme, title: &str, note: &str, focused: bool, width: u16) -> PaneFrame<'a> {
    let (border, title_style) =
        if focused { (theme.border_focused, theme.pane_title_focused) } else { (theme.border, theme.pane_title) };
    // Corners and the spaces around the title take 4 columns; the title comes first, the note
    // only gets what is left (and is dropped when less than a few columns remain).
    let room = usize::from(width).saturating_sub(4);
    let title = truncate(title, room);
    let note_room = room.saturating_sub(width_of(&title) + 4);
    let block = PaneFrame::new(border, Line::from(Span::styled(format!(" {title} "), title_style)));
    if !note.is_empty() && note_room >= 8.min(width_of(note)) {
        let note = truncate(note, note_room);
        return block.note(Line::from(Span::styled(format!(" {note} "), theme.dim)).alignment(Alignment::Right));
    }
    block
}

/// A bottom-right caption on a frame `width` columns wide (scroll position, "more below"). A
/// caption too long for the frame is cut at its end with `…`: ratatui would cut a right-aligned
/// title from the left, leaving its tail glued to the corner.
pub fn with_caption<'a>(block: PaneFrame<'a>, caption: String, style: Style, width: u16) -> PaneFrame<'a> {
    if caption.is_empty() {
        return block;
    }
    block.caption(right_title(&caption, style, width))
}

/// A right-aligned frame title ` text ` for a frame `width` columns wide: the two corners and a
/// stretch of border stay visible, and the text is cut at its end with `…` when it is too long.
pub fn right_title<'a>(text: &str, style: Style, width: u16) -> Line<'a> {
    let room = usize::from(width).saturating_sub(4);
    let text = truncate(text, room.saturating_sub(2));
    if text.is_empty() {
        return Line::default();
    }
    Line::from(Span::styled(format!(" {text} "), style)).alignment(Alignment::Right)
}

/// A right-aligned line that fits `width` columns: cut at its end with `…`, never from the left
/// as a right-aligned ratatui line wider than its area is.
pub fn right_line<'a>(text: &str, style: Style, width: u16) -> Line<'a> {
    Line::styled(truncate(text, usize::from(width)), style).right_aligned()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|span| span.content.as_ref()).collect()
    }

    #[test]
    fn a_right_title_that_fits_is_kept_whole() {
        let line = right_title("Esc close", Style::new(), 20);
        assert_eq!(text(&line), " Esc close ");
        assert_eq!(line.alignment, Some(Alignment::Right));
    }

    #[test]
    fn a_right_title_too_long_is_cut_at_its_end_and_leaves_the_corners() {
        let line = right_title("↑↓ other metrics · Esc close", Style::new(), 16);
        assert_eq!(text(&line), " ↑↓ other … ");
        assert!(line.width() <= 16 - 4, "two corners and two border cells stay visible");
        assert!(text(&right_title("anything", Style::new(), 5)).is_empty(), "no room: no title");
    }

    #[test]
    fn a_right_line_is_cut_at_its_end() {
        let line = right_line("reloaded 07:42:06 in 402 ms", Style::new(), 12);
        assert_eq!(text(&line), "reloaded 07…");
    }
}
