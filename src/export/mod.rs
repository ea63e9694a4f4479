//! Turning a rendered [`Buffer`] into files: plain text, ANSI, HTML, SVG. Knows nothing of the
//! app: it sees only cells, so an export is exactly what the terminal would show.

mod ansi;
mod color;
mod deck;
mod html;
pub mod pdf;
mod svg;

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub use color::rgb;
pub use deck::to_html_deck;

/// One page of a deck: a rendered screen, its title, and the words it shows only as pictures
/// (a title or a number in big glyphs), which the HTML and PDF decks also carry as text.
pub struct Page<'a> {
    pub buffer: &'a Buffer,
    pub title: &'a str,
    pub hidden: &'a [String],
}

/// The formats, chosen by a file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Ansi,
    Html,
    Svg,
}

impl Format {
    /// The format for a path's extension, if it is one we write.
    pub fn of(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Self::Text),
            "ansi" => Some(Self::Ansi),
            "html" | "htm" => Some(Self::Html),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }
}

/// The colours that stand for "the terminal's default" (`Color::Reset`) in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    pub fg: Color,
    pub bg: Color,
}

/// The buffer in a format.
pub fn export(buffer: &Buffer, format: Format, defaults: Defaults) -> String {
    match format {
        Format::Text => to_plain_text(buffer),
        Format::Ansi => ansi::to_ansi(buffer),
        Format::Html => html::to_html(buffer, defaults),
        Format::Svg => svg::to_svg(buffer, defaults),
    }
}

/// The buffer as plain text: one line per row, trailing spaces trimmed, wide characters written
/// once (the cell they cover is skipped).
pub fn to_plain_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for row in rows(buffer) {
        let line: String = row.iter().map(|run| run.text.as_str()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A stretch of one row in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// The first cell's column.
    pub column: u16,
    /// Cells it covers (a wide character covers two).
    pub cells: u16,
    pub text: String,
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

/// The rows of the buffer as runs of equal style. A wide character gets a run of its own, so
/// exports can give it exactly two cells.
pub(crate) fn rows(buffer: &Buffer) -> Vec<Vec<Run>> {
    let area = buffer.area;
    let mut rows = Vec::with_capacity(usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut runs: Vec<Run> = Vec::new();
        // Whether the last run holds only one-cell, one-character symbols, so one more such cell
        // may join it (tracked as the run grows: recounting the run per cell was quadratic in
        // the row's width).
        let mut last_is_plain = false;
        let mut x = area.left();
        while x < area.right() {
            let cell = &buffer[(x, y)];
            let symbol = if cell.symbol().is_empty() { " " } else { cell.symbol() };
            let width = u16::try_from(symbol.width()).unwrap_or(1).clamp(1, 2).min(area.right() - x);
            let wide = width > 1;
            let plain = symbol.chars().nth(1).is_none() && symbol.width() == 1;
            let joins = !wide
                && last_is_plain
                && runs
                    .last()
                    .is_some_and(|last| (last.fg, last.bg, last.modifier) == (cell.fg, cell.bg, cell.modifier));
            match runs.last_mut() {
                Some(last) if joins => {
                    last.text.push_str(symbol);
                    last.cells += 1;
                }
                _ => runs.push(Run {
                    column: x - area.left(),
                    cells: width,
                    text: symbol.to_owned(),
                    fg: cell.fg,
                    bg: cell.bg,
                    modifier: cell.modifier,
                }),
            }
            last_is_plain = plain;
            x += width;
        }
        rows.push(runs);
    }
    rows
}

#[cfg(test)]
mod tests;
