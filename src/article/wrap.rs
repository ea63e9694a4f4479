//! Blocks → screen lines for one width: lines end where Unicode's line-breaking rules allow
//! (UAX #14, see [`super::breaking`]), at the display width the terminal draws; a word longer than
//! the line is cut, and never inside a grapheme.
//!
//! A wrapped line holds no text of its own, only where its text starts and ends in the block:
//! wrapping a hundred thousand lines allocates nothing per line, and the text of the few lines
//! on screen is sliced out when they are drawn ([`WrappedLine::pieces`]).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::breaking::{Cell, break_lines};
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
pub(super) struct TextPos {
    pub run: u32,
    pub byte: u32,
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
    /// Where the line's text starts and ends in the block's runs (a table's line says instead
    /// which part of the table it is: see [`super::table_wrap`]).
    pub(super) start: TextPos,
    pub(super) end: TextPos,
}

/// A piece of a line to draw: decorations are marker pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: Cow<'a, str>,
    pub style: RunStyle,
    /// The char offset, in the block's plain text, where this text piece starts, when it does
    /// not follow on from the text piece before it (in a table, each cell's part of the line);
    /// `None`: it follows on (from the line's `offset`, for the first).
    pub at: Option<usize>,
}

pub(super) fn marker<'a>(text: impl Into<Cow<'a, str>>) -> Piece<'a> {
    Piece { text: text.into(), style: RunStyle { marker: true, ..RunStyle::default() }, at: None }
}

impl WrappedLine {
    /// The line's pieces (decoration, then text slices in their styles), for a pane `width`
    /// columns wide (rules are drawn across it).
    pub fn pieces<'a>(&self, blocks: &'a [Block], width: usize) -> Vec<Piece<'a>> {
        let Some(block) = blocks.get(self.block) else { return Vec::new() };
        let mut pieces = Vec::new();
        match (self.kind, &block.kind) {
            (LineKind::Blank, _) => return pieces,
            (LineKind::Rule, _) => return vec![marker("─".repeat(width))],
            (_, BlockKind::Table(table)) => return super::table_wrap::pieces(block, table, self, width),
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
                pieces.push(Piece { text: Cow::Borrowed(&run.text[from..to]), style: run.style, at: None });
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
    wrap_blocks(blocks, 0..blocks.len(), width, &mut lines);
    lines
}

/// Appends to `lines` the lines of blocks `range` laid out for `width` columns: after the lines
/// of the blocks before `range.start`, this gives what [`wrap`] gives for them (the blank line
/// between two blocks belongs to the second). A width of zero appends nothing.
pub fn wrap_blocks(blocks: &[Block], range: std::ops::Range<usize>, width: usize, lines: &mut Vec<WrappedLine>) {
    if width == 0 {
        return;
    }
    let mut cells = Vec::new();
    let mut text = String::new();
    let range = range.start.min(blocks.len())..range.end.min(blocks.len());
    for (index, block) in blocks.iter().enumerate().take(range.end).skip(range.start) {
        let tight = matches!(
            (index.checked_sub(1).map(|i| &blocks[i].kind), &block.kind),
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
        );
        if index > 0 && !tight {
            lines.push(plain_line(LineKind::Blank, index));
        }
        wrap_block(block, index, width, (&mut cells, &mut text), lines);
    }
}

pub(super) fn plain_line(kind: LineKind, block: usize) -> WrappedLine {
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

/// Wraps one block, with `cells` and `text` buffers reused from block to block.
fn wrap_block<'a>(
    block: &'a Block,
    index: usize,
    width: usize,
    (cells, text): (&mut Vec<Cell<'a>>, &mut String),
    out: &mut Vec<WrappedLine>,
) {
    let kind = match &block.kind {
        BlockKind::Heading(level) => LineKind::Heading(*level),
        BlockKind::Paragraph | BlockKind::ListItem { .. } => LineKind::Body,
        BlockKind::Quote => LineKind::Quote,
        BlockKind::Code => LineKind::Code,
        BlockKind::Rule => {
            out.push(plain_line(LineKind::Rule, index));
            return;
        }
        BlockKind::Table(table) => {
            super::table_wrap::wrap_table(block, table, index, width, out);
            return;
        }
    };
    // A pane narrower than the decoration gets the text alone.
    let prefix_width = UnicodeWidthStr::width(prefixes(&block.kind).0.as_str());
    let decorated = prefix_width > 0 && prefix_width + 1 < width;
    let text_width = if decorated { width - prefix_width } else { width };
    fill_cells(block, cells);
    let words = block.kind != BlockKind::Code;
    // The rules look across runs (`**榴莲**；`): they read the block's text whole.
    let whole = match block.runs.as_slice() {
        [run] => run.text.as_str(),
        runs => {
            text.clear();
            runs.iter().for_each(|run| text.push_str(&run.text));
            text.as_str()
        }
    };
    for (n, (start, end)) in break_lines(cells, whole, text_width, words).into_iter().enumerate() {
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

/// The block's graphemes, into a vector reused from block to block.
pub(super) fn fill_cells<'a>(block: &'a Block, cells: &mut Vec<Cell<'a>>) {
    fill_run_cells(block, 0..block.runs.len(), 0, cells);
}

/// The graphemes of runs `runs` of the block, whose text starts at char `offset` of the block's
/// plain text (their bytes counted from the first of them): a table cell's.
pub(super) fn fill_run_cells<'a>(
    block: &'a Block,
    runs: std::ops::Range<usize>,
    mut offset: usize,
    cells: &mut Vec<Cell<'a>>,
) {
    cells.clear();
    let mut base = 0;
    let runs = runs.start.min(block.runs.len())..runs.end.min(block.runs.len());
    for (index, run) in block.runs.iter().enumerate().take(runs.end).skip(runs.start) {
        // Decorations inside a block (link URLs) are text to draw but not plain text.
        let counts = !run.style.marker;
        push_graphemes(run.text.as_str(), (index, base), &mut offset, counts, cells);
        base += run.text.len() as u32;
    }
}

/// Pushes the graphemes of run `run`, which starts at byte `base` of the block's whole text.
fn push_graphemes<'a>(
    text: &'a str,
    (run, base): (usize, u32),
    offset: &mut usize,
    counts: bool,
    cells: &mut Vec<Cell<'a>>,
) {
    let run = run as u32;
    if text.is_ascii() {
        // Most text is ASCII: every byte is a grapheme one column wide (the sanitiser left no
        // control character but the line break), and segmenting it is the slow part.
        for i in 0..text.len() {
            let grapheme = &text[i..=i];
            let width = usize::from(grapheme != "\n");
            let (byte, at) = (i as u32, base + i as u32);
            cells.push(Cell { grapheme, pos: TextPos { run, byte }, len: 1, width, offset: *offset, at });
            *offset += usize::from(counts);
        }
        return;
    }
    for (byte, grapheme) in text.grapheme_indices(true) {
        let pos = TextPos { run, byte: byte as u32 };
        // What ratatui reserves for the grapheme; the sanitiser made the terminal agree.
        let width = ratatui_width(grapheme);
        cells.push(Cell { grapheme, pos, len: grapheme.len() as u32, width, offset: *offset, at: base + byte as u32 });
        if counts {
            *offset += grapheme.chars().count();
        }
    }
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
