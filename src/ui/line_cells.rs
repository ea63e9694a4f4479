//! A line of spans written into the buffer as ratatui's `Line` widget writes it, with a short
//! way for the common case: a span of printable ASCII is one cell per byte, so its cells are
//! set directly instead of through ratatui's grapheme iterator and width tables (a span that
//! is not printable ASCII goes through `Span::render`, as before). The cells are the same.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draws `line` into the first row of `area`, cell for cell as `line.render(area, buf)` does.
pub fn render(line: &Line<'_>, area: Rect, buf: &mut Buffer) {
    // Only a left-aligned line without a style of its own is drawn here (the article's lines).
    if line.alignment.is_some() || line.style != Style::new() {
        return line.render(area, buf);
    }
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    // ratatui draws nothing of a line as wide as nothing (zero-width marks alone).
    if !line.spans.iter().all(|span| printable_ascii(&span.content)) && line.width() == 0 {
        return;
    }
    let (mut x, y, right) = (area.x, area.y, area.right());
    for span in &line.spans {
        if x >= right {
            break;
        }
        let text = span.content.as_ref();
        // The printable ASCII the span starts with is a cell a byte, all but its last byte
        // when more follows (a mark after it would join it in one grapheme).
        let ascii =
            text.bytes().position(|b| !(b' '..=b'~').contains(&b)).map_or(text.len(), |at| at.saturating_sub(1));
        let start = buf.index_of(x, y);
        let cells = usize::from(right - x).min(ascii);
        for (cell, at) in buf.content[start..start + cells].iter_mut().zip(0..) {
            cell.set_symbol(&text[at..=at]).set_style(span.style);
        }
        x += cells as u16;
        if ascii < text.len() && x < right {
            let rest = ratatui::text::Span::styled(&text[ascii..], span.style);
            let width = u16::try_from(rest.width()).unwrap_or(u16::MAX);
            rest.render(Rect { x, y, width: right - x, height: 1 }, buf);
            x = x.saturating_add(width);
        }
    }
}

/// Whether every byte of `text` is printable ASCII: one grapheme and one cell each.
fn printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    /// The same cells as ratatui's `Line` widget, over a row that already holds something,
    /// for ASCII, wide and combining text, cut at the row's end.
    #[test]
    fn cells_are_the_line_widgets() {
        let strong = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let lines = [
            Line::from(vec![Span::raw("plain "), Span::styled("bold", strong), Span::raw(" end")]),
            Line::from(vec![Span::raw("中文 text "), Span::styled("e\u{301}t\u{e9}", strong), Span::raw("x")]),
            Line::from(vec![Span::raw("a line far longer than the row it is drawn in, cut")]),
            Line::from(vec![Span::raw("wide at the end: 中"), Span::styled("中中", strong)]),
            Line::from(vec![Span::raw(""), Span::styled("after an empty span", strong)]),
            Line::from(vec![Span::raw("e\u{301}"), Span::styled("ab\u{301}c “quoted” – x", strong), Span::raw("z")]),
            Line::from(vec![Span::raw("\u{301}\u{302}")]),
            Line::from(vec![Span::raw("\u{301}"), Span::raw("a")]),
            Line::from(vec![
                Span::raw(" ▸ "),
                Span::styled("Label", strong),
                Span::raw(": 25 countries · as of 10 Apr"),
            ]),
        ];
        for line in &lines {
            for width in [0, 1, 2, 3, 5, 19, 20, 40] {
                let area = Rect::new(2, 1, width, 1);
                let mut ours = Buffer::with_lines(vec!["x".repeat(50); 3]);
                let mut theirs = ours.clone();
                render(line, area, &mut ours);
                line.render(area, &mut theirs);
                assert_eq!(ours, theirs, "{line:?} at width {width}");
            }
        }
    }
}
