//! A Markdown table as one block of the article: its cells are runs of the block, one after
//! another row by row, so search, quotes and highlights see a table's text as they see a
//! paragraph's. A line break (`\n`, a plain-text character that folds to a space) stands between
//! two cells, so no word runs from one cell into the next.
//!
//! How a table is drawn for a width is [`super::table_wrap`]'s; this file is what the parser
//! makes of it, measured once.

use std::ops::Range;

use pulldown_cmark::Alignment;

use super::{Run, RunStyle, TextSpan};
use crate::text::width::width;

/// How a column's cells sit in it (`:--`, `:-:`, `--:`; left when the delimiter row says nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One cell: the runs of the block it is, and where its text is in the block's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub runs: Range<usize>,
    /// Char offset of the cell's text in the block's plain text.
    pub offset: usize,
    /// Chars of plain text in the cell.
    pub chars: usize,
    /// Display columns the cell takes on one line (its decorations, a link's URL, included).
    pub width: usize,
    /// Display columns of its widest stretch with no line-break opportunity (its longest word).
    pub word: usize,
}

impl TableCell {
    /// The char offset just past the cell's text.
    pub fn end(&self) -> usize {
        self.offset + self.chars
    }
}

/// A table: its columns' alignments and its rows of cells, the header row first. Every row has
/// one cell per column (a short row is filled with empty cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub aligns: Vec<Align>,
    pub rows: Vec<Vec<TableCell>>,
    /// Display columns of each column's widest cell.
    pub natural: Vec<usize>,
    /// Display columns of each column's longest word.
    pub words: Vec<usize>,
}

impl Table {
    pub fn columns(&self) -> usize {
        self.aligns.len()
    }

    /// The cells `span` touches, as one span from the first one's start to the last one's end:
    /// in a table, a quote's "sentence" is its cell.
    pub fn cells_around(&self, span: TextSpan) -> TextSpan {
        let cells = || self.rows.iter().flatten().filter(|c| c.chars > 0);
        let first = cells().find(|c| c.end() > span.start);
        let last = cells().rev().find(|c| c.offset < span.end.max(span.start + 1));
        match (first, last) {
            (Some(first), Some(last)) if first.offset <= last.offset => {
                TextSpan { block: span.block, start: first.offset.min(span.start), end: last.end().max(span.end) }
            }
            _ => span,
        }
    }
}

/// A table being parsed: the cells so far, as ranges of the block's runs.
#[derive(Debug, Default)]
pub(super) struct Draft {
    aligns: Vec<Align>,
    rows: Vec<Vec<Range<usize>>>,
    row: Vec<Range<usize>>,
    cell_start: usize,
    /// Inside the header row: its text is drawn strong.
    pub head: bool,
}

impl Draft {
    pub fn new(aligns: &[Alignment]) -> Self {
        let aligns = aligns
            .iter()
            .map(|a| match a {
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
                Alignment::Left | Alignment::None => Align::Left,
            })
            .collect();
        Self { aligns, ..Self::default() }
    }

    /// A cell starts: after the first, a line break goes between it and the cell before.
    pub fn start_cell(&mut self, runs: &mut Vec<Run>) {
        if !(self.rows.is_empty() && self.row.is_empty()) {
            runs.push(Run { text: "\n".to_owned(), style: RunStyle::default() });
        }
        self.cell_start = runs.len();
    }

    pub fn end_cell(&mut self, runs: usize) {
        self.row.push(self.cell_start..runs.max(self.cell_start));
    }

    pub fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        self.rows.push(row);
    }

    /// The table, measured: each cell's place in the plain text and its width.
    pub fn finish(mut self, runs: &[Run]) -> Table {
        if !self.row.is_empty() {
            self.end_row();
        }
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0).max(self.aligns.len()).max(1);
        self.aligns.resize(columns, Align::Left);
        // Char offset, in the plain text, of each run's start (and of the end, last).
        let mut starts = Vec::with_capacity(runs.len() + 1);
        let mut offset = 0;
        for run in runs {
            starts.push(offset);
            if !run.style.marker {
                offset += run.text.chars().count();
            }
        }
        starts.push(offset);
        let cell = |range: Range<usize>| {
            let range = range.start.min(runs.len())..range.end.min(runs.len());
            let text: String = runs[range.clone()].iter().map(|r| r.text.as_str()).collect();
            let (width, word) = (width(&text), longest_word(&text));
            let (offset, chars) = (starts[range.start], starts[range.end] - starts[range.start]);
            TableCell { offset, chars, width, word, runs: range }
        };
        let rows: Vec<Vec<TableCell>> = self
            .rows
            .into_iter()
            .map(|row| {
                let end = row.last().map_or(runs.len(), |r| r.end);
                let mut cells: Vec<TableCell> = row.into_iter().map(cell).collect();
                cells.resize_with(columns, || cell(end..end));
                cells
            })
            .collect();
        let widest = |of: fn(&TableCell) -> usize| -> Vec<usize> {
            (0..columns).map(|c| rows.iter().map(|row| of(&row[c])).max().unwrap_or(0)).collect()
        };
        let (natural, words) = (widest(|c| c.width), widest(|c| c.word));
        Table { aligns: self.aligns, rows, natural, words }
    }
}

/// Display columns of the widest stretch of `text` between two line-break opportunities
/// (UAX #14, as the article wraps), its trailing spaces left out.
fn longest_word(text: &str) -> usize {
    let mut from = 0;
    let mut widest = 0;
    for (at, _) in unicode_linebreak::linebreaks(text) {
        widest = widest.max(width(text[from..at].trim_end()));
        from = at;
    }
    widest
}
