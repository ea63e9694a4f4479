//! A line of spans written into the buffer as ratatui's `Line` widget writes it, with a short
//! way for the common case: text whose characters are each a grapheme of their own (printable
//! ASCII, Latin letters, punctuation, CJK: see `text::width::own_grapheme`) has its cells set a
//! character at a time, instead of through ratatui's grapheme iterator; the rest of a span from
//! the first character that may join another goes through `Span::render`, as before. The cells
//! are the same.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::text::width::own_grapheme;

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
        let fast = fast_prefix(text);
        let mut at = buf.index_of(x, y);
        let mut i = 0;
        while i < fast {
            // A run of printable ASCII: a cell a byte, as far as the row goes.
            let run = text.as_bytes()[i..fast].iter().take_while(|b| b.is_ascii()).count();
            let cells = usize::from(right - x).min(run);
            for (cell, k) in buf.content[at..at + cells].iter_mut().zip(i..) {
                cell.set_symbol(&text[k..=k]).set_style(span.style);
            }
            if cells < run {
                // ratatui stops the span at a grapheme that does not fit, and the line with it.
                return;
            }
            (i, at, x) = (i + run, at + run, x + run as u16);
            let Some(c) = text[i..fast].chars().next() else { break };
            let symbol = &text[i..i + c.len_utf8()];
            let width = usize::from(symbol.cell_width());
            if usize::from(x) + width > usize::from(right) {
                return;
            }
            put(buf, at, symbol, width, span.style);
            (i, at, x) = (i + symbol.len(), at + width, x + width as u16);
        }
        if fast < text.len() && x < right {
            let rest = ratatui::text::Span::styled(&text[fast..], span.style);
            let width = u16::try_from(rest.width()).unwrap_or(u16::MAX);
            if fast == 0 && width == 0 {
                // ratatui's `Line` leaves out a span as wide as nothing (marks alone).
                continue;
            }
            rest.render(Rect { x, y, width: right - x, height: 1 }, buf);
            x = x.saturating_add(width);
        }
    }
}

/// `buf.set_stringn(x, y, text, max_width, style)`, cell for cell, a character at a time when
/// every character of `text` is a grapheme of its own (see `own_grapheme`).
pub fn set_stringn(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: usize, style: Style) -> (u16, u16) {
    let inside = buf.area.contains(ratatui::layout::Position { x, y });
    if !inside || fast_prefix(text) != text.len() {
        return buf.set_stringn(x, y, text, max_width, style);
    }
    let mut room = usize::from(buf.area.right() - x).min(max_width);
    let mut at = buf.index_of(x, y);
    let mut x = x;
    for (i, c) in text.char_indices() {
        let symbol = &text[i..i + c.len_utf8()];
        let width = if c.is_ascii() { 1 } else { usize::from(symbol.cell_width()) };
        let Some(left) = room.checked_sub(width) else { break };
        room = left;
        put(buf, at, symbol, width, style);
        at += width;
        x += width as u16;
    }
    (x, y)
}

/// Sets cell `at` to `symbol`, `width` columns wide, in `style`; the columns a wide symbol
/// covers are reset, as ratatui resets them.
fn put(buf: &mut Buffer, at: usize, symbol: &str, width: usize, style: Style) {
    buf.content[at].set_symbol(symbol).set_style(style);
    buf.content[at + 1..at + width].iter_mut().for_each(|cell| cell.reset());
}

/// How many bytes `text` starts with that are graphemes of one character each, known without
/// the grapheme rules (`own_grapheme`), all but the last when
/// another character follows them (a mark after it would join it in one grapheme).
fn fast_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Where the character before the one at `i` starts.
    let (mut i, mut previous) = (0, 0);
    while i < bytes.len() {
        let length = match text[i..].chars().next() {
            _ if (b' '..=b'~').contains(&bytes[i]) => 1,
            Some(c) if own_grapheme(c) => c.len_utf8(),
            _ => return previous,
        };
        (previous, i) = (i, i + length);
    }
    text.len()
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

    proptest::proptest! {
        /// Random lines of ASCII, accented and CJK letters, punctuation, combining marks,
        /// joiners, emoji and controls: the same cells as ratatui's `Line`, at any width.
        #[test]
        fn random_lines_give_the_line_widgets_cells(
            spans in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", " ", "~", "é", "e\u{301}", "\u{301}", "中", "“", "–", "·", "█", "─", "\u{200d}",
                    "👍", "\u{fe0f}", "\u{ad}", "\t", "\u{600}", "가", "\u{3099}", "ｱ", "\u{ff9e}",
                ]), 0..8),
                0..4,
            ),
            width in 0u16..24,
        ) {
            let strong = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
            let line = Line::from(
                spans
                    .iter()
                    .enumerate()
                    .map(|(k, parts)| Span::styled(parts.concat(), if k % 2 == 0 { Style::new() } else { strong }))
                    .collect::<Vec<_>>(),
            );
            let area = Rect::new(1, 0, width, 1);
            let mut ours = Buffer::with_lines(vec!["x".repeat(30); 2]);
            let mut theirs = ours.clone();
            render(&line, area, &mut ours);
            (&line).render(area, &mut theirs);
            proptest::prop_assert_eq!(ours, theirs, "{:?}", line);
        }
    }

    proptest::proptest! {
        /// `set_stringn` gives `Buffer::set_stringn`'s cells and end, for any text, place and
        /// width (from inside the buffer or past its right edge).
        #[test]
        fn set_stringn_is_the_buffers(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "é", "e\u{301}", "中", "“", "–", "█", "\u{200d}", "👍", "\t", "ｱ",
            ]), 0..10),
            x in 0u16..14,
            y in 0u16..2,
            max in 0usize..16,
        ) {
            let text = parts.concat();
            let style = Style::new().fg(Color::Red);
            let mut ours = Buffer::with_lines(vec!["x".repeat(12); 2]);
            let mut theirs = ours.clone();
            let end = set_stringn(&mut ours, x, y, &text, max, style);
            proptest::prop_assert_eq!(end, theirs.set_stringn(x, y, &text, max, style));
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
