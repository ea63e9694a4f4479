//! A page's text as PDF text objects: Courier for WinAnsi characters, the embedded fonts for
//! the rest, each glyph advancing exactly its cells.

use pdf_writer::{Content, Name, Str};

use super::{CELL_WIDTH, FONT_SIZE, Fonts, fill, winansi};

/// A character to show at column `x` (in cells), advancing `cells` cells.
pub(super) struct Glyph {
    pub x: f32,
    pub c: char,
    pub cells: u16,
}

/// Glyphs of one colour on one baseline, as text objects: one per stretch of one font.
pub(super) fn text(
    content: &mut Content,
    fonts: &Fonts,
    glyphs: &[Glyph],
    baseline: f32,
    fg: (u8, u8, u8),
    bold: bool,
) {
    let font_of = |c: char| match winansi::byte(c) {
        Some(_) => Some(None),
        None => fonts.glyphs.get(&c).map(|&(index, _)| Some(index)),
    };
    let mut start = 0;
    while start < glyphs.len() {
        let Some(font) = font_of(glyphs[start].c) else {
            // No font has it (only a character the book could not assign, which `for_pages`
            // already refused): skip it.
            start += 1;
            continue;
        };
        let end = start + glyphs[start..].iter().take_while(|g| font_of(g.c) == Some(font)).count();
        fill(content, fg);
        content.begin_text();
        match font {
            None => {
                content.set_font(Name(if bold { b"F1" } else { b"F0" }), FONT_SIZE);
                content.next_line(glyphs[start].x * CELL_WIDTH, baseline);
                let mut positioned = content.show_positioned();
                let mut items = positioned.items();
                let mut bytes = Vec::new();
                for (i, glyph) in glyphs[start..end].iter().enumerate() {
                    bytes.push(winansi::byte(glyph.c).unwrap_or(b'?'));
                    // Courier advances 600/1000 em, one cell; anything else is adjusted.
                    let target = advance_to_next(glyphs, start + i, end);
                    if (target - 600.0).abs() > 0.5 {
                        items.show(Str(&bytes));
                        bytes.clear();
                        items.adjust(600.0 - target);
                    }
                }
                if !bytes.is_empty() {
                    items.show(Str(&bytes));
                }
            }
            Some(index) => {
                let font = &fonts.embedded[index];
                content.set_font(Name(format!("E{index}").as_bytes()), FONT_SIZE);
                // Wide glyphs (CJK, 1 em) stand in the middle of their two cells (1.2 em).
                let all_wide = glyphs[start..end].iter().all(|g| g.cells == 2);
                let inset = if all_wide { 0.1 * FONT_SIZE } else { 0.0 };
                content.next_line(glyphs[start].x * CELL_WIDTH + inset, baseline);
                let mut positioned = content.show_positioned();
                let mut items = positioned.items();
                for (i, glyph) in glyphs[start..end].iter().enumerate() {
                    let cid = fonts.glyphs.get(&glyph.c).map_or(0, |&(_, cid)| cid);
                    items.show(Str(&cid.to_be_bytes()));
                    let advance = font.widths.get(&cid).copied().unwrap_or(0.0);
                    let target = advance_to_next(glyphs, start + i, end);
                    if (advance - target).abs() > 0.5 {
                        items.adjust(advance - target);
                    }
                }
            }
        }
        content.end_text();
        start = end;
    }
}

/// How far glyph `i` must move the pen, in thousandths of an em (a cell is 600): to the next
/// glyph of the stretch, or over its own cells at the stretch's end.
fn advance_to_next(glyphs: &[Glyph], i: usize, end: usize) -> f32 {
    let cells = if i + 1 < end { glyphs[i + 1].x - glyphs[i].x } else { f32::from(glyphs[i].cells) };
    cells * 600.0
}
