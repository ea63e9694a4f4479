//! PDF: one page per buffer, drawn on the SVG export's grid (a cell is 8.4 × 17 pt, text at
//! 14 pt). Backgrounds, bars and big digits (block characters) are filled rectangles; text is
//! real text, selectable and searchable: Courier, a standard PDF font (nothing embedded, and its
//! 0.6 em advance is exactly a cell) for what WinAnsi encodes, and for every other character a
//! font found by [`FontBook`], embedded as a subset of the glyphs used, with a ToUnicode map so
//! copied text is the slide's text. Words a page shows only as big glyphs are written over its
//! middle as invisible text, so a search finds them there too.

mod fonts;
mod text;
mod winansi;

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::Filter;
use pdf_writer::types::{CidFontType, FontFlags, TextRenderingMode};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use text::{Glyph, text};
use unicode_width::UnicodeWidthStr;

pub use fonts::FontBook;

use super::color::rgb;
use super::svg::{self, block_parts};
use super::{Defaults, Page};

/// The SVG export's grid, in points.
const CELL_WIDTH: f32 = svg::CELL_WIDTH as f32;
const CELL_HEIGHT: f32 = svg::CELL_HEIGHT as f32;
const FONT_SIZE: f32 = svg::FONT_SIZE as f32;
const BASELINE: f32 = svg::BASELINE as f32;

/// The pages as a PDF document titled `title`. An error when a character has no font.
pub fn to_pdf(title: &str, pages: &[Page], defaults: Defaults, book: &FontBook) -> Result<Vec<u8>, String> {
    let fonts = Fonts::for_pages(pages, book)?;
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        next += 1;
        Ref::new(next - 1)
    };
    let catalog = alloc();
    let tree = alloc();
    let info = alloc();
    let courier = [alloc(), alloc()];
    let embedded: Vec<[Ref; 5]> =
        fonts.embedded.iter().map(|_| [alloc(), alloc(), alloc(), alloc(), alloc()]).collect();
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(page_refs.iter().map(|&(page, _)| page)).count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("coopdash"));
    for (id, name) in courier.iter().zip([&b"Courier"[..], b"Courier-Bold"]) {
        pdf.type1_font(*id).base_font(Name(name)).encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    for (font, refs) in fonts.embedded.iter().zip(&embedded) {
        write_embedded(&mut pdf, font, *refs);
    }
    for (page, &(page_ref, content_ref)) in pages.iter().zip(&page_refs) {
        let area = page.buffer.area;
        let (width, height) = (f32::from(area.width) * CELL_WIDTH, f32::from(area.height) * CELL_HEIGHT);
        let content = draw(page, &fonts, defaults, height);
        pdf.stream(content_ref, &deflate(&content.finish())).filter(Filter::FlateDecode);
        let mut writer = pdf.page(page_ref);
        writer.media_box(Rect::new(0.0, 0.0, width, height)).parent(tree).contents(content_ref);
        let mut resources = writer.resources();
        let mut names = resources.fonts();
        names.pair(Name(b"F0"), courier[0]).pair(Name(b"F1"), courier[1]);
        for (index, refs) in embedded.iter().enumerate() {
            names.pair(Name(format!("E{index}").as_bytes()), refs[0]);
        }
    }
    Ok(pdf.finish())
}

/// The fonts of a document: Courier for WinAnsi text, and the embedded subsets.
pub(super) struct Fonts {
    pub(super) embedded: Vec<fonts::Embedded>,
    /// Each other character's font (an index into `embedded`) and CID.
    pub(super) glyphs: BTreeMap<char, (usize, u16)>,
}

impl Fonts {
    fn for_pages(pages: &[Page], book: &FontBook) -> Result<Self, String> {
        let mut wanted = BTreeSet::new();
        for page in pages {
            for cell in page.buffer.content() {
                wanted.extend(cell.symbol().chars().filter(|&c| needs_embedding(c)));
            }
            for word in page.hidden {
                wanted.extend(word.chars().filter(|&c| needs_embedding(c)));
            }
        }
        let mut embedded = Vec::new();
        let mut glyphs = BTreeMap::new();
        if !wanted.is_empty() {
            for (id, chars) in book.assign(&wanted)? {
                let font = book.embed(id, &chars)?;
                for (&c, &cid) in &font.cids {
                    glyphs.insert(c, (embedded.len(), cid));
                }
                embedded.push(font);
            }
        }
        Ok(Self { embedded, glyphs })
    }
}

/// A character that is neither blank, a block (drawn as rectangles) nor in WinAnsi.
fn needs_embedding(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && block_parts(c).is_none() && winansi::byte(c).is_none()
}

fn write_embedded(pdf: &mut Pdf, font: &fonts::Embedded, [type0, cid, descriptor, program, cmap]: [Ref; 5]) {
    let name = Name(font.name.as_bytes());
    let system = pdf_writer::types::SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(if font.cff { CidFontType::Type0 } else { CidFontType::Type2 })
        .base_font(name)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0);
    if !font.cff {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let mut widths = cid_font.widths();
    for (&glyph, &width) in &font.widths {
        widths.consecutive(glyph, [width]);
    }
    widths.finish();
    cid_font.finish();
    let [left, bottom, right, top] = font.bbox;
    let mut fd = pdf.font_descriptor(descriptor);
    fd.name(name)
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(left, bottom, right, top))
        .italic_angle(font.italic_angle)
        .ascent(font.ascent)
        .descent(font.descent)
        .cap_height(font.cap_height)
        .stem_v(80.0);
    if font.cff {
        fd.font_file3(program);
    } else {
        fd.font_file2(program);
    }
    fd.finish();
    let packed = deflate(&font.program);
    let mut stream = pdf.stream(program, &packed);
    stream.filter(Filter::FlateDecode);
    if font.cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    } else {
        stream.pair(Name(b"Length1"), i32::try_from(font.program.len()).unwrap_or(i32::MAX));
    }
    stream.finish();
    let mut unicode = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system);
    for (&c, &glyph) in &font.cids {
        unicode.pair(glyph, c);
    }
    let buf = unicode.finish();
    pdf.cmap(cmap, &buf).name(Name(b"Custom")).system_info(system);
}

/// One cell, colours resolved.
struct Cell<'a> {
    x: u16,
    cells: u16,
    symbol: &'a str,
    fg: (u8, u8, u8),
    bg: (u8, u8, u8),
    bold: bool,
}

/// The cells of row `y`, a wide character once (the cell it covers is skipped).
fn row_cells(buffer: &Buffer, y: u16, defaults: Defaults) -> Vec<Cell<'_>> {
    let area = buffer.area;
    let mut cells = Vec::new();
    let mut x = area.left();
    while x < area.right() {
        let cell = &buffer[(x, y)];
        let symbol = if cell.symbol().is_empty() { " " } else { cell.symbol() };
        let width = u16::try_from(symbol.width()).unwrap_or(1).clamp(1, 2).min(area.right() - x);
        let (mut fg, mut bg) = (rgb(cell.fg, defaults.fg), rgb(cell.bg, defaults.bg));
        if cell.modifier.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        let bold = cell.modifier.contains(Modifier::BOLD);
        cells.push(Cell { x: x - area.left(), cells: width, symbol, fg, bg, bold });
        x += width;
    }
    cells
}

/// The page's drawing: its background, the cells' backgrounds, the blocks, then the text.
fn draw(page: &Page, fonts: &Fonts, defaults: Defaults, height: f32) -> Content {
    let mut content = Content::new();
    let default_bg = rgb(defaults.bg, defaults.bg);
    let area = page.buffer.area;
    fill(&mut content, default_bg);
    content.rect(0.0, 0.0, f32::from(area.width) * CELL_WIDTH, height).fill_nonzero();
    let rows: Vec<Vec<Cell>> = (area.top()..area.bottom()).map(|y| row_cells(page.buffer, y, defaults)).collect();
    for (y, row) in rows.iter().enumerate() {
        let top = height - y as f32 * CELL_HEIGHT;
        // Backgrounds, neighbours of one colour as one rectangle.
        let mut start = 0;
        while start < row.len() {
            let end = start + row[start..].iter().take_while(|c| c.bg == row[start].bg).count();
            if row[start].bg != default_bg {
                let x = f32::from(row[start].x) * CELL_WIDTH;
                let right = f32::from(row[end - 1].x + row[end - 1].cells) * CELL_WIDTH;
                fill(&mut content, row[start].bg);
                content.rect(x, top - CELL_HEIGHT, right - x, CELL_HEIGHT).fill_nonzero();
            }
            start = end;
        }
        blocks(&mut content, row, top);
    }
    for (y, row) in rows.iter().enumerate() {
        let baseline = height - y as f32 * CELL_HEIGHT - BASELINE;
        let mut glyphs: Vec<Glyph> = Vec::new();
        let mut style = None;
        for cell in row {
            let first = cell.symbol.chars().next().unwrap_or(' ');
            let is_text = !cell.symbol.trim().is_empty() && block_parts(first).is_none();
            if !is_text || style != Some((cell.fg, cell.bold)) {
                if let Some((fg, bold)) = style.take() {
                    text(&mut content, fonts, &glyphs, baseline, fg, bold);
                }
                glyphs.clear();
            }
            if is_text {
                style = Some((cell.fg, cell.bold));
                for (i, c) in cell.symbol.chars().enumerate() {
                    // A cluster's later characters (combining marks) sit in its cell.
                    let cells = if i == 0 { cell.cells } else { 0 };
                    glyphs.push(Glyph { x: f32::from(cell.x), c, cells });
                }
            }
        }
        if let Some((fg, bold)) = style {
            text(&mut content, fonts, &glyphs, baseline, fg, bold);
        }
    }
    if !page.hidden.is_empty() {
        // Over the middle of the page, where big glyphs stand.
        let middle = height / 2.0;
        content.set_text_rendering_mode(TextRenderingMode::Invisible);
        for (i, word) in page.hidden.iter().enumerate() {
            let glyphs: Vec<Glyph> = word
                .chars()
                .scan(0.0_f32, |x, c| {
                    let cells = u16::try_from(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).unwrap_or(1);
                    let glyph = Glyph { x: *x, c, cells };
                    *x += f32::from(cells);
                    Some(glyph)
                })
                .collect();
            text(&mut content, fonts, &glyphs, middle - i as f32 * CELL_HEIGHT, (0, 0, 0), false);
        }
        content.set_text_rendering_mode(TextRenderingMode::Fill);
    }
    content
}

/// Block characters as rectangles in their cell's colour; a row of full blocks as one.
fn blocks(content: &mut Content, row: &[Cell], top: f32) {
    let mut run: Option<(f32, f32, (u8, u8, u8))> = None;
    let flush = |content: &mut Content, run: &mut Option<(f32, f32, (u8, u8, u8))>| {
        if let Some((left, right, color)) = run.take() {
            fill(content, color);
            content.rect(left, top - CELL_HEIGHT, right - left, CELL_HEIGHT).fill_nonzero();
        }
    };
    for cell in row {
        let mut chars = cell.symbol.chars();
        let parts = match (chars.next(), chars.next()) {
            (Some(c), None) => block_parts(c),
            _ => None,
        };
        let Some(parts) = parts else {
            flush(content, &mut run);
            continue;
        };
        let x = f32::from(cell.x) * CELL_WIDTH;
        let right = x + f32::from(cell.cells) * CELL_WIDTH;
        if parts == [(0.0, 0.0, 1.0, 1.0)] {
            match &mut run {
                Some((_, end, color)) if *color == cell.fg && (*end - x).abs() < 0.01 => *end = right,
                _ => {
                    flush(content, &mut run);
                    run = Some((x, right, cell.fg));
                }
            }
            continue;
        }
        flush(content, &mut run);
        fill(content, cell.fg);
        for (left, part_top, part_right, bottom) in parts {
            let (l, r) = (left as f32, part_right as f32);
            let (t, b) = (part_top as f32, bottom as f32);
            content.rect(x + l * CELL_WIDTH, top - b * CELL_HEIGHT, (r - l) * CELL_WIDTH, (b - t) * CELL_HEIGHT);
        }
        content.fill_nonzero();
    }
    flush(content, &mut run);
}

/// A stream's bytes, deflated (a page's drawing shrinks to about a tenth).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// Sets the fill colour.
pub(super) fn fill(content: &mut Content, (r, g, b): (u8, u8, u8)) {
    content.set_fill_rgb(f32::from(r) / 255.0, f32::from(g) / 255.0, f32::from(b) / 255.0);
}
