//! Blocks → screen lines for one width: word wrap that respects display width, breaks between
//! CJK ideographs, hard-breaks words longer than the line, and never splits a grapheme.
//!
//! A wrapped line holds no text of its own, only where its text starts and ends in the block:
//! wrapping a hundred thousand lines allocates nothing per line, and the text of the few lines
//! on screen is sliced out when they are drawn ([`WrappedLine::pieces`]).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Block, BlockKind, RunStyle};
use crate::text::cells::ratatui_width;

/// What a screen line belongs to, so the UI can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Heading(u8),
    Body,
    Quote,
    Code,
    Rule,
    Blank,
}

/// The decoration before a line's text: a list marker or quote bar on a block's first line, the
/// matching indent on the lines after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    None,
    First,
    Next,
}

/// A place in a block's text: a run and a byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct TextPos {
    run: u32,
    byte: u32,
}

/// One screen line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    pub kind: LineKind,
    /// The block this line shows.
    pub block: usize,
    /// Char offset, in the block's plain text, of the line's first character: with `block`, the
    /// line's place in the document, stable across widths (used to keep the reader's place).
    pub offset: usize,
    pub prefix: Prefix,
    start: TextPos,
    end: TextPos,
}

/// A piece of a line to draw: decorations are marker pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: Cow<'a, str>,
    pub style: RunStyle,
}

pub(super) fn marker<'a>(text: impl Into<Cow<'a, str>>) -> Piece<'a> {
    Piece { text: text.into(), style: RunStyle { marker: true, ..RunStyle::default() } }
}

impl WrappedLine {
    /// The line's pieces (decoration, then text slices in their styles), for a pane `width`
    /// columns wide (rules are drawn across it).
    pub fn pieces<'a>(&self, blocks: &'a [Block], width: usize) -> Vec<Piece<'a>> {
        let Some(block) = blocks.get(self.block) else { return Vec::new() };
        let mut pieces = Vec::new();
        match self.kind {
            LineKind::Blank => return pieces,
            LineKind::Rule => return vec![marker("─".repeat(width))],
            _ => {}
        }
        let (first, next) = prefixes(&block.kind);
        match self.prefix {
            Prefix::First => pieces.push(marker(first)),
            Prefix::Next => pieces.push(marker(next)),
            Prefix::None => {}
        }
        for run_index in self.start.run..=self.end.run {
            let Some(run) = block.runs.get(run_index as usize) else { break };
            let from = if run_index == self.start.run { self.start.byte as usize } else { 0 };
            let to = if run_index == self.end.run { self.end.byte as usize } else { run.text.len() };
            if from < to {
                pieces.push(Piece { text: Cow::Borrowed(&run.text[from..to]), style: run.style });
            }
        }
        pieces
    }

    /// The line's whole text, decorations included (for tests and plain exports).
    pub fn text(&self, blocks: &[Block], width: usize) -> String {
        self.pieces(blocks, width).iter().map(|p| p.text.as_ref()).collect()
    }
}

/// The index of the line that shows char `offset` of `block` (the lines of one width, as
/// [`wrap`] made them; their `(block, offset)` never decrease).
pub fn line_of(lines: &[WrappedLine], block: usize, offset: usize) -> usize {
    lines.partition_point(|l| (l.block, l.offset) <= (block, offset)).saturating_sub(1)
}

/// Lays the blocks out for `width` columns. A width of zero yields no lines.
pub fn wrap(blocks: &[Block], width: usize) -> Vec<WrappedLine> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut cells = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let tight = matches!(
            (index.checked_sub(1).map(|i| &blocks[i].kind), &block.kind),
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
        );
        if index > 0 && !tight {
            lines.push(plain_line(LineKind::Blank, index));
        }
        wrap_block(block, index, width, &mut cells, &mut lines);
    }
    lines
}

fn plain_line(kind: LineKind, block: usize) -> WrappedLine {
    WrappedLine { kind, block, offset: 0, prefix: Prefix::None, start: TextPos::default(), end: TextPos::default() }
}

/// The decorations of a block's first line and of the lines after it.
pub(super) fn prefixes(kind: &BlockKind) -> (String, String) {
    match kind {
        BlockKind::ListItem { depth, marker } => {
            let first = format!("{}{marker} ", "  ".repeat(*depth + 1));
            let next = " ".repeat(UnicodeWidthStr::width(first.as_str()));
            (first, next)
        }
        BlockKind::Quote => ("│ ".to_owned(), "│ ".to_owned()),
        BlockKind::Code => ("  ".to_owned(), "  ".to_owned()),
        _ => (String::new(), String::new()),
    }
}

fn wrap_block<'a>(block: &'a Block, index: usize, width: usize, cells: &mut Vec<Cell<'a>>, out: &mut Vec<WrappedLine>) {
    let kind = match &block.kind {
        BlockKind::Heading(level) => LineKind::Heading(*level),
        BlockKind::Paragraph | BlockKind::ListItem { .. } => LineKind::Body,
        BlockKind::Quote => LineKind::Quote,
        BlockKind::Code => LineKind::Code,
        BlockKind::Rule => {
            out.push(plain_line(LineKind::Rule, index));
            return;
        }
    };
    // A pane narrower than the decoration gets the text alone.
    let prefix_width = UnicodeWidthStr::width(prefixes(&block.kind).0.as_str());
    let decorated = prefix_width > 0 && prefix_width + 1 < width;
    let text_width = if decorated { width - prefix_width } else { width };
    fill_cells(block, cells);
    let words = block.kind != BlockKind::Code;
    for (n, (start, end)) in break_lines(cells, text_width, words).into_iter().enumerate() {
        let prefix = match (decorated, n) {
            (false, _) => Prefix::None,
            (true, 0) => Prefix::First,
            (true, _) => Prefix::Next,
        };
        let (from, to) = if start < end {
            let last = &cells[end - 1];
            (cells[start].pos, TextPos { run: last.pos.run, byte: last.pos.byte + last.len })
        } else {
            (TextPos::default(), TextPos::default())
        };
        let offset = cells.get(start).map_or(0, |c| c.offset);
        out.push(WrappedLine { kind, block: index, offset, prefix, start: from, end: to });
    }
}

/// One grapheme: where it is, its size, its display width and its char offset in the block's
/// plain text.
struct Cell<'a> {
    grapheme: &'a str,
    pos: TextPos,
    len: u32,
    width: usize,
    offset: usize,
}

impl Cell<'_> {
    fn is_space(&self) -> bool {
        self.grapheme == " "
    }
    fn is_newline(&self) -> bool {
        self.grapheme == "\n"
    }
    /// Wide characters (CJK) may be broken before and after, like spaces.
    fn is_wide(&self) -> bool {
        self.width > 1
    }
}

/// The block's graphemes, into a vector reused from block to block.
fn fill_cells<'a>(block: &'a Block, cells: &mut Vec<Cell<'a>>) {
    cells.clear();
    let mut offset = 0;
    for (index, run) in block.runs.iter().enumerate() {
        if run.style.marker {
            // Decorations inside a block (link URLs) are text to draw but not plain text.
            push_graphemes(run.text.as_str(), index, &mut offset, false, cells);
        } else {
            push_graphemes(run.text.as_str(), index, &mut offset, true, cells);
        }
    }
}

fn push_graphemes<'a>(text: &'a str, run: usize, offset: &mut usize, counts: bool, cells: &mut Vec<Cell<'a>>) {
    let run = run as u32;
    if text.is_ascii() {
        // Most text is ASCII: every byte is a grapheme one column wide (the sanitiser left no
        // control character but the line break), and segmenting it is the slow part.
        for i in 0..text.len() {
            let grapheme = &text[i..=i];
            let width = usize::from(grapheme != "\n");
            cells.push(Cell { grapheme, pos: TextPos { run, byte: i as u32 }, len: 1, width, offset: *offset });
            *offset += usize::from(counts);
        }
        return;
    }
    for (byte, grapheme) in text.grapheme_indices(true) {
        let pos = TextPos { run, byte: byte as u32 };
        cells.push(Cell {
            grapheme,
            pos,
            len: grapheme.len() as u32,
            // What ratatui reserves for the grapheme; the sanitiser made the terminal agree.
            width: ratatui_width(grapheme),
            offset: *offset,
        });
        if counts {
            *offset += grapheme.chars().count();
        }
    }
}

/// Greedy line breaking. Returns `(start, end)` cell ranges, one per line, with the spaces at a
/// break dropped. With `words` false (code) only hard breaks and the width break lines.
fn break_lines(cells: &[Cell<'_>], width: usize, words: bool) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut column = 0;
    // Where the current line may end (exclusive) if the next cell does not fit.
    let mut last_break: Option<usize> = None;
    let mut i = 0;
    while i < cells.len() {
        let cell = &cells[i];
        if cell.is_newline() {
            lines.push((start, trim_end(cells, start, i)));
            start = i + 1;
            column = 0;
            last_break = None;
            i += 1;
            continue;
        }
        if words && i == start && cell.is_space() && !lines.is_empty() {
            // A line never starts with the space it was broken at.
            start += 1;
            i += 1;
            continue;
        }
        // A line may end before a space or a wide character (CJK breaks between ideographs).
        if words && (cell.is_space() || cell.is_wide()) {
            last_break = Some(i);
        }
        if column + cell.width > width {
            match last_break.filter(|&b| b > start && words) {
                Some(at) => {
                    lines.push((start, trim_end(cells, start, at)));
                    start = skip_spaces(cells, at);
                    i = i.max(start);
                    column = cells[start..i].iter().map(|c| c.width).sum();
                }
                None if i > start => {
                    lines.push((start, i));
                    start = i;
                    column = 0;
                }
                None => {
                    // Wider than the whole line (a wide glyph in a one-column pane): alone.
                    lines.push((i, i + 1));
                    start = i + 1;
                    column = 0;
                    i += 1;
                }
            }
            last_break = None;
            continue;
        }
        column += cell.width;
        i += 1;
        if words && cell.is_wide() {
            last_break = Some(i);
        }
    }
    if start < cells.len() || lines.is_empty() {
        lines.push((start.min(cells.len()), trim_end(cells, start.min(cells.len()), cells.len())));
    }
    lines
}

fn trim_end(cells: &[Cell<'_>], start: usize, mut end: usize) -> usize {
    while end > start && cells[end - 1].is_space() {
        end -= 1;
    }
    end
}

fn skip_spaces(cells: &[Cell<'_>], mut at: usize) -> usize {
    while at < cells.len() && cells[at].is_space() {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn a_hard_break_in_text_that_is_not_ascii_takes_no_room() {
        // Measured as ratatui measures, a line break would trip its check for control
        // characters (a panic in debug builds).
        let article = Article::from_markdown("中文 ❤\\\nnext");
        let texts: Vec<String> = wrap(&article.blocks, 20).iter().map(|l| l.text(&article.blocks, 20)).collect();
        assert_eq!(texts, ["中文 ❤", "next"]);
    }
}
