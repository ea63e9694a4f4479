//! SVG: the screen as a vector picture (for slide decks and READMEs). Every run of text is
//! placed at its cell and stretched to exactly its cells, so columns line up in any font, and a
//! wide character takes two cells. Block characters (bars, big digits) are drawn as rectangles,
//! so they join without the gaps a font leaves between lines.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::color::{hex, rgb};
use super::html::escape;
use super::{Defaults, rows};

/// One cell, in pixels.
pub(super) const CELL_WIDTH: f64 = 8.4;
pub(super) const CELL_HEIGHT: f64 = 17.0;
pub(super) const FONT_SIZE: f64 = 14.0;
/// The text's baseline within a cell.
pub(super) const BASELINE: f64 = 13.0;

pub fn to_svg(buffer: &Buffer, defaults: Defaults) -> String {
    let area = buffer.area;
    let width = f64::from(area.width) * CELL_WIDTH;
    let height = f64::from(area.height) * CELL_HEIGHT;
    let default_bg = rgb(defaults.bg, defaults.bg);
    let mut shapes = String::new();
    let mut texts = String::new();
    for (y, row) in rows(buffer).iter().enumerate() {
        let top = y as f64 * CELL_HEIGHT;
        let _ = write!(texts, "<text y=\"{:.1}\" xml:space=\"preserve\">", top + BASELINE);
        for run in row {
            let (mut fg, mut bg) = (rgb(run.fg, defaults.fg), rgb(run.bg, defaults.bg));
            if run.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let x = f64::from(run.column) * CELL_WIDTH;
            if bg != default_bg {
                rect(&mut shapes, x, top, f64::from(run.cells) * CELL_WIDTH, CELL_HEIGHT, bg);
            }
            let mut attributes = format!("fill=\"{}\"", hex(fg));
            if run.modifier.contains(Modifier::BOLD) {
                attributes += " font-weight=\"bold\"";
            }
            if run.modifier.contains(Modifier::ITALIC) {
                attributes += " font-style=\"italic\"";
            }
            if run.modifier.contains(Modifier::UNDERLINED) {
                attributes += " text-decoration=\"underline\"";
            }
            let mut segment = String::new();
            let mut segment_start = 0;
            for (i, c) in run.text.chars().enumerate() {
                let cell_x = x + i as f64 * CELL_WIDTH;
                if let Some(parts) = block_parts(c) {
                    tspan(&mut texts, &attributes, x + segment_start as f64 * CELL_WIDTH, &segment, i - segment_start);
                    segment.clear();
                    segment_start = i + 1;
                    for (left, top_part, right, bottom) in parts {
                        rect(
                            &mut shapes,
                            cell_x + left * CELL_WIDTH,
                            top + top_part * CELL_HEIGHT,
                            (right - left) * CELL_WIDTH,
                            (bottom - top_part) * CELL_HEIGHT,
                            fg,
                        );
                    }
                } else {
                    segment.push(c);
                }
            }
            // Wide runs hold one character over two cells; narrow runs one cell per character.
            let cells = if run.cells == 2 && run.text.chars().count() == 1 { 2 } else { run.text.chars().count() };
            tspan(&mut texts, &attributes, x + segment_start as f64 * CELL_WIDTH, &segment, cells - segment_start);
        }
        texts.push_str("</text>\n");
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.1} {height:.1}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n\
         <g shape-rendering=\"crispEdges\">{shapes}</g>\n\
         <g font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" font-size=\"{FONT_SIZE}\">\n{texts}</g>\n</svg>\n",
        hex(default_bg)
    )
}

fn rect(out: &mut String, x: f64, y: f64, width: f64, height: f64, color: (u8, u8, u8)) {
    let _ = write!(
        out,
        "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{width:.2}\" height=\"{height:.2}\" fill=\"{}\"/>",
        hex(color)
    );
}

/// A stretch of text at `x`, stretched over `cells` cells; nothing for blanks.
fn tspan(out: &mut String, attributes: &str, x: f64, text: &str, cells: usize) {
    if text.trim().is_empty() {
        return;
    }
    let length = cells as f64 * CELL_WIDTH;
    let _ = write!(
        out,
        "<tspan x=\"{x:.1}\" {attributes} textLength=\"{length:.1}\" lengthAdjust=\"spacingAndGlyphs\">{}</tspan>",
        escape(text)
    );
}

/// The filled parts of a block character, as (left, top, right, bottom) fractions of its cell.
pub(super) fn block_parts(c: char) -> Option<Vec<(f64, f64, f64, f64)>> {
    const UL: u8 = 1;
    const UR: u8 = 2;
    const LL: u8 = 4;
    const LR: u8 = 8;
    let quadrants = match c {
        '█' => UL | UR | LL | LR,
        '▀' => UL | UR,
        '▄' => LL | LR,
        '▌' => UL | LL,
        '▐' => UR | LR,
        '▘' => UL,
        '▝' => UR,
        '▖' => LL,
        '▗' => LR,
        '▚' => UL | LR,
        '▞' => UR | LL,
        '▙' => UL | LL | LR,
        '▛' => UL | UR | LL,
        '▜' => UL | UR | LR,
        '▟' => UR | LL | LR,
        // Left eighths (horizontal bars) and lower eighths (vertical bars).
        '▉'..='▏' => {
            let eighths = f64::from(0x2590 - c as u32);
            return Some(vec![(0.0, 0.0, eighths / 8.0, 1.0)]);
        }
        '▁'..='▇' => {
            let eighths = f64::from(c as u32 - 0x2580);
            return Some(vec![(0.0, 1.0 - eighths / 8.0, 1.0, 1.0)]);
        }
        _ => return None,
    };
    // As few rectangles as possible: whole, halves, then single quadrants.
    let mut left = quadrants;
    let mut parts = Vec::new();
    for (bits, part) in [
        (UL | UR | LL | LR, (0.0, 0.0, 1.0, 1.0)),
        (UL | LL, (0.0, 0.0, 0.5, 1.0)),
        (UR | LR, (0.5, 0.0, 1.0, 1.0)),
        (UL | UR, (0.0, 0.0, 1.0, 0.5)),
        (LL | LR, (0.0, 0.5, 1.0, 1.0)),
        (UL, (0.0, 0.0, 0.5, 0.5)),
        (UR, (0.5, 0.0, 1.0, 0.5)),
        (LL, (0.0, 0.5, 0.5, 1.0)),
        (LR, (0.5, 0.5, 1.0, 1.0)),
    ] {
        if left & bits == bits {
            parts.push(part);
            left &= !bits;
        }
    }
    Some(parts)
}
