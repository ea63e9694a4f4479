//! Blocks → screen lines for one width: word wrap that respects display width, breaks between
//! CJK ideographs, hard-breaks words longer than the line, and never splits a grapheme.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Block, BlockKind, Run, RunStyle};

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

/// One screen line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    pub kind: LineKind,
    /// The line's text, decorations (list markers, quote bars) included as marker runs.
    pub runs: Vec<Run>,
    /// The block this line shows.
    pub block: usize,
    /// Char offset, in the block's plain text, of the line's first character: with `block`, the
    /// line's place in the document, stable across widths (used to keep the reader's place).
    pub offset: usize,
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
    for (index, block) in blocks.iter().enumerate() {
        let tight = matches!(
            (index.checked_sub(1).map(|i| &blocks[i].kind), &block.kind),
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
        );
        if index > 0 && !tight {
            lines.push(WrappedLine { kind: LineKind::Blank, runs: Vec::new(), block: index, offset: 0 });
        }
        wrap_block(block, index, width, &mut lines);
    }
    lines
}

fn marker(text: String) -> Run {
    Run { text, style: RunStyle { marker: true, ..RunStyle::default() } }
}

fn wrap_block(block: &Block, index: usize, width: usize, out: &mut Vec<WrappedLine>) {
    let (kind, first_prefix, next_prefix) = match &block.kind {
        BlockKind::Heading(level) => (LineKind::Heading(*level), String::new(), String::new()),
        BlockKind::Paragraph => (LineKind::Body, String::new(), String::new()),
        BlockKind::ListItem { depth, marker } => {
            let indent = "  ".repeat(*depth + 1);
            let first = format!("{indent}{marker} ");
            let next = " ".repeat(UnicodeWidthStr::width(first.as_str()));
            (LineKind::Body, first, next)
        }
        BlockKind::Quote => (LineKind::Quote, "│ ".to_owned(), "│ ".to_owned()),
        BlockKind::Code => (LineKind::Code, "  ".to_owned(), "  ".to_owned()),
        BlockKind::Rule => {
            let rule = marker("─".repeat(width));
            out.push(WrappedLine { kind: LineKind::Rule, runs: vec![rule], block: index, offset: 0 });
            return;
        }
    };
    // A pane narrower than the decoration gets the text alone.
    let prefix_width = UnicodeWidthStr::width(first_prefix.as_str());
    let (first_prefix, next_prefix) =
        if prefix_width + 1 >= width { (String::new(), String::new()) } else { (first_prefix, next_prefix) };
    let text_width = width - UnicodeWidthStr::width(first_prefix.as_str());
    let cells = cells(&block.runs);
    let words = block.kind != BlockKind::Code;
    for (n, (start, end)) in break_lines(&cells, text_width, words).into_iter().enumerate() {
        let prefix = if n == 0 { &first_prefix } else { &next_prefix };
        let mut runs = Vec::new();
        if !prefix.is_empty() {
            runs.push(marker(prefix.clone()));
        }
        for cell in &cells[start..end] {
            match runs.last_mut() {
                Some(Run { text, style }) if *style == cell.style => text.push_str(cell.grapheme),
                _ => runs.push(Run { text: cell.grapheme.to_owned(), style: cell.style }),
            }
        }
        let offset = cells.get(start).map_or(0, |c| c.offset);
        out.push(WrappedLine { kind, runs, block: index, offset });
    }
}

/// One grapheme with its style, display width and char offset in the block's plain text.
struct Cell<'a> {
    grapheme: &'a str,
    style: RunStyle,
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

fn cells(runs: &[Run]) -> Vec<Cell<'_>> {
    let mut cells = Vec::new();
    let mut offset = 0;
    for run in runs {
        for grapheme in run.text.graphemes(true) {
            cells.push(Cell { grapheme, style: run.style, width: UnicodeWidthStr::width(grapheme), offset });
            if !run.style.marker {
                offset += grapheme.chars().count();
            }
        }
    }
    cells
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
