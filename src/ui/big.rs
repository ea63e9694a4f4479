//! Big text for slides (tui-big-text's 8×8 font), sized to the room: the largest glyphs at which
//! the whole text fits, never a glyph cut in half, plain bold when nothing fits.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

mod compose;

use super::emphasis::Emphasis;

/// Glyph sizes from largest to smallest, with the cells one glyph takes. Sextant and octant
/// glyphs are left out: many fonts lack them.
const SIZES: [(PixelSize, u16, u16); 3] =
    [(PixelSize::Full, 8, 8), (PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)];

/// How a text will be drawn: big at a size, in lines; or plain; or, for a title the font cannot
/// draw, emphasised (see [`super::emphasis`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    Big { size: PixelSize, lines: Vec<String>, height: u16 },
    Plain { lines: u16 },
    Emphasis(Emphasis),
}

impl Fit {
    /// Rows the text takes.
    pub fn height(&self) -> u16 {
        match self {
            Fit::Big { height, .. } => *height,
            Fit::Plain { lines } => *lines,
            Fit::Emphasis(emphasis) => emphasis.height(),
        }
    }
}

/// The largest size at which `text`, wrapped at spaces into at most `max_lines` lines, fits in
/// `width` × `height` whole. Text the 8×8 font cannot draw (outside ASCII) is plain.
pub fn fit(text: &str, width: u16, height: u16, max_lines: usize, largest: PixelSize) -> Fit {
    if drawable(text) {
        let from = SIZES.iter().position(|(size, _, _)| *size == largest).unwrap_or(0);
        for &(size, glyph_width, glyph_height) in &SIZES[from..] {
            let per_line = usize::from(width / glyph_width);
            if let Some(lines) = wrap_words(text, per_line)
                && lines.len() <= max_lines
            {
                let rows = glyph_height.saturating_mul(lines.len() as u16);
                if rows <= height {
                    return Fit::Big { size, lines, height: rows };
                }
            }
        }
    }
    let plain_lines = Paragraph::new(text).wrap(Wrap { trim: true }).line_count(width.max(1));
    // Plain text gets at least its first line: the number is what the slide is for.
    Fit::Plain { lines: u16::try_from(plain_lines).unwrap_or(u16::MAX).min(height).max(1) }
}

/// Like [`fit`], for a title (`font_text`: the title in the font's characters): one the font
/// cannot draw (outside ASCII) is emphasised instead of plain, as `written`, so it still leads its
/// slide.
pub fn fit_title(font_text: &str, written: &str, width: u16, height: u16, max_lines: usize, largest: PixelSize) -> Fit {
    match fit(font_text, width, height, max_lines, largest) {
        Fit::Plain { .. } if !drawable(font_text) => Fit::Emphasis(Emphasis::fit(written, width, height)),
        fitted => fitted,
    }
}

/// Whether the 8×8 font has every character of `text` (its `≤` and `≥` included), or
/// [`compose`] draws it (`≈`).
fn drawable(text: &str) -> bool {
    text.chars().all(|c| c == ' ' || c.is_ascii_graphic() || matches!(c, '≤' | '≥') || compose::composes(c))
}

/// Splits at spaces into lines of at most `per_line` chars; `None` if a word is longer.
fn wrap_words(text: &str, per_line: usize) -> Option<Vec<String>> {
    if per_line == 0 {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().count() > per_line {
            return None;
        }
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// Draws a fitted text centred in `area` (which should be `fit.height()` rows tall).
pub fn render(fit: &Fit, text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    match fit {
        Fit::Big { size, lines, .. } => {
            let big: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            BigText::builder()
                .pixel_size(*size)
                .style(style)
                .lines(big)
                .alignment(Alignment::Center)
                .build()
                .render(area, buf);
            compose::overdraw(lines, *size, area, buf);
        }
        Fit::Emphasis(emphasis) => emphasis.render(style, area, buf),
        Fit::Plain { .. } => {
            Paragraph::new(text).style(style).wrap(Wrap { trim: true }).alignment(Alignment::Center).render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_size_that_fits_whole_is_chosen() {
        assert!(matches!(fit("28", 160, 20, 1, PixelSize::Full), Fit::Big { size: PixelSize::Full, height: 8, .. }));
        // 8 chars of 8 columns do not fit in 60: quadrant glyphs (4 columns) do.
        assert!(matches!(fit("11.58 Mt", 60, 20, 1, PixelSize::Full), Fit::Big { size: PixelSize::Quadrant, .. }));
        // Too short for 8 rows: half-height glyphs.
        assert!(matches!(
            fit("28", 80, 5, 1, PixelSize::Full),
            Fit::Big { size: PixelSize::HalfHeight, height: 4, .. }
        ));
    }

    #[test]
    fn bounds_are_big_glyphs_too() {
        for text in ["≤23.2%", "≥120 Mt", "≈48 Mt", ">50 Mt"] {
            assert!(matches!(fit(text, 200, 20, 1, PixelSize::Full), Fit::Big { .. }), "{text}");
        }
    }

    #[test]
    fn nothing_fits_means_plain_text_never_a_cut_glyph() {
        assert_eq!(fit("1,234,567", 20, 3, 1, PixelSize::Full), Fit::Plain { lines: 1 });
        assert_eq!(fit("中国", 200, 40, 1, PixelSize::Full), Fit::Plain { lines: 1 }, "outside the font");
    }

    #[test]
    fn titles_wrap_into_a_few_big_lines() {
        let Fit::Big { lines, .. } = fit("China and its neighbours", 60, 20, 3, PixelSize::Quadrant) else { panic!() };
        assert_eq!(lines, ["China and its", "neighbours"]);
        assert!(matches!(
            fit("a title far too long to fit in three lines here", 40, 40, 3, PixelSize::Quadrant),
            Fit::Plain { .. }
        ));
    }
}
