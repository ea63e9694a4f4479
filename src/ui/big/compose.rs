//! Glyphs the 8×8 font lacks, composed here and drawn where tui-big-text left their cells
//! empty: `≈` (two tildes). `≤` and `≥` come from the font itself (its miscellaneous table).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tui_big_text::PixelSize;

/// `≈`: the font's `~` (rows 0x6E, 0x3B) twice, one above the other, in the glyph's middle.
const ALMOST_EQUAL: [u8; 8] = [0x00, 0x6E, 0x3B, 0x00, 0x6E, 0x3B, 0x00, 0x00];

/// The composed glyph of `c`, if it is one this module draws.
fn glyph(c: char) -> Option<[u8; 8]> {
    (c == '≈').then_some(ALMOST_EQUAL)
}

/// Whether the font lacks `c` and this module draws it.
pub fn composes(c: char) -> bool {
    glyph(c).is_some()
}

/// Draws the composed glyphs of `lines` where tui-big-text put each glyph of a centred text in
/// `area`: line `i` at `i` glyph heights down, its glyphs side by side, the line centred as
/// tui-big-text centres it.
pub fn overdraw(lines: &[String], size: PixelSize, area: Rect, buf: &mut Buffer) {
    let (step_x, step_y) = pixels_per_cell(size);
    let (width, height) = (8 / step_x, 8 / step_y);
    for (index, line) in lines.iter().enumerate() {
        let y = area.top().saturating_add(height.saturating_mul(index as u16));
        if y >= area.bottom() {
            break;
        }
        let count = u16::try_from(line.chars().count()).unwrap_or(u16::MAX);
        let offset = (area.width / 2).saturating_sub(count.saturating_mul(width) / 2);
        for (at, c) in line.chars().enumerate() {
            let Some(bitmap) = glyph(c) else { continue };
            let x = area.left().saturating_add(offset).saturating_add(width.saturating_mul(at as u16));
            for row in 0..height {
                for col in 0..width {
                    let (cx, cy) = (x.saturating_add(col), y.saturating_add(row));
                    if cx < area.right() && cy < area.bottom() {
                        let symbol = cell(&bitmap, usize::from(row * step_y), usize::from(col * step_x), size);
                        buf[(cx, cy)].set_char(symbol);
                    }
                }
            }
        }
    }
}

/// Pixels of the glyph one cell shows, across and down.
fn pixels_per_cell(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::HalfHeight => (1, 2),
        PixelSize::Quadrant => (2, 2),
        _ => (1, 1),
    }
}

/// The block character for the pixels at (`row`, `col`) of a glyph (bit 0 is the left pixel).
fn cell(glyph: &[u8; 8], row: usize, col: usize, size: PixelSize) -> char {
    let on = |r: usize, c: usize| glyph.get(r).is_some_and(|bits| c < 8 && bits & (1 << c) != 0);
    match size {
        PixelSize::HalfHeight => match (on(row, col), on(row + 1, col)) {
            (true, true) => '█',
            (true, false) => '▀',
            (false, true) => '▄',
            (false, false) => ' ',
        },
        PixelSize::Quadrant => {
            const QUADRANTS: [char; 16] =
                [' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█'];
            let bits = usize::from(on(row, col))
                | usize::from(on(row, col + 1)) << 1
                | usize::from(on(row + 1, col)) << 2
                | usize::from(on(row + 1, col + 1)) << 3;
            QUADRANTS[bits]
        }
        _ => {
            if on(row, col) {
                '█'
            } else {
                ' '
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Widget;

    /// The cells `columns` of row `y`, as text.
    fn cells(buf: &Buffer, y: u16, columns: std::ops::Range<u16>) -> String {
        columns.map(|x| buf[(x, y)].symbol().to_owned()).collect()
    }

    #[test]
    fn about_is_two_tildes_where_the_font_left_a_gap() {
        let area = Rect::new(0, 0, 24, 8);
        let mut buf = Buffer::empty(area);
        let lines = vec!["≈5".to_owned()];
        tui_big_text::BigText::builder()
            .pixel_size(PixelSize::Full)
            .lines(vec![ratatui::text::Line::from("≈5")])
            .alignment(ratatui::layout::Alignment::Center)
            .build()
            .render(area, &mut buf);
        let before: Vec<String> = (0..8).map(|y| cells(&buf, y, 4..12)).collect();
        assert!(before.iter().all(|r| r.trim().is_empty()), "the font has no ≈: {before:?}");
        overdraw(&lines, PixelSize::Full, area, &mut buf);
        // Centred: two glyphs of 8 in 24 columns start at column 4.
        assert_eq!(cells(&buf, 1, 4..12), " ███ ██ ");
        assert_eq!(cells(&buf, 2, 4..12), "██ ███  ");
        assert_eq!(cells(&buf, 4, 4..12), " ███ ██ ");
        assert!(cells(&buf, 1, 12..20).contains('█'), "the 5 is still drawn beside it");
    }

    #[test]
    fn every_size_draws_inside_the_area() {
        for size in [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant] {
            for width in 0..12 {
                let area = Rect::new(1, 1, width, 3);
                let mut buf = Buffer::empty(Rect::new(0, 0, 14, 5));
                overdraw(&["≈≈≈".to_owned(), "≈".to_owned()], size, area, &mut buf);
                for y in 0..5 {
                    for x in 0..14 {
                        if !area.contains(ratatui::layout::Position::new(x, y)) {
                            assert_eq!(buf[(x, y)].symbol(), " ", "{size:?} at {width}: ({x}, {y})");
                        }
                    }
                }
            }
        }
    }
}
