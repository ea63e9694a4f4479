//! Turning a rendered [`Buffer`] into text. Knows nothing of the app: it sees only cells.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The buffer as plain text: one line per row, trailing spaces trimmed, wide characters written
/// once (the cell they cover is skipped).
pub fn to_plain_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut line = String::with_capacity(usize::from(area.width));
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn rows_become_lines_without_trailing_spaces() {
        let buffer = Buffer::with_lines(["ab  ", "    ", " c  "]);
        assert_eq!(to_plain_text(&buffer), "ab\n\n c\n");
    }

    #[test]
    fn wide_characters_are_written_once() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "中文x", Style::new());
        assert_eq!(to_plain_text(&buffer), "中文x\n");
    }
}
