//! Terminal colours as RGB, with xterm's default palette for the named and indexed ones.

use ratatui::style::Color;

/// The RGB of a colour; `Reset` is `default`.
pub fn rgb(color: Color, default: Color) -> (u8, u8, u8) {
    match color {
        Color::Reset => match default {
            Color::Reset => (0, 0, 0),
            other => rgb(other, Color::Black),
        },
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed(i),
        Color::Black => indexed(0),
        Color::Red => indexed(1),
        Color::Green => indexed(2),
        Color::Yellow => indexed(3),
        Color::Blue => indexed(4),
        Color::Magenta => indexed(5),
        Color::Cyan => indexed(6),
        Color::Gray => indexed(7),
        Color::DarkGray => indexed(8),
        Color::LightRed => indexed(9),
        Color::LightGreen => indexed(10),
        Color::LightYellow => indexed(11),
        Color::LightBlue => indexed(12),
        Color::LightMagenta => indexed(13),
        Color::LightCyan => indexed(14),
        Color::White => indexed(15),
    }
}

/// xterm's 256 colours: 16 named, a 6×6×6 cube, 24 greys.
fn indexed(i: u8) -> (u8, u8, u8) {
    const NAMED: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match i {
        0..=15 => NAMED[usize::from(i)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let n = i - 16;
            (level(n / 36), level((n / 6) % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (i - 232);
            (grey, grey, grey)
        }
    }
}

/// `#rrggbb`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_matches_xterm() {
        assert_eq!(rgb(Color::Blue, Color::Reset), (0, 0, 238));
        assert_eq!(rgb(Color::Indexed(196), Color::Reset), (255, 0, 0));
        assert_eq!(rgb(Color::Indexed(236), Color::Reset), (48, 48, 48));
        assert_eq!(rgb(Color::Reset, Color::Rgb(1, 2, 3)), (1, 2, 3));
        assert_eq!(hex((255, 0, 16)), "#ff0010");
    }
}
