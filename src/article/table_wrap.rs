//! A table laid out for one width, all at once (the column widths depend on every cell).
//!
//! ```text
//! ┌──────┬──────────┐
//! │ Year │  Freight │     the header strong, under it a double rule;
//! ╞══════╪══════════╡     each column aligned as its delimiter row says,
//! │ 2022 │  11.2 Mt │     its cells wrapped within it (then a rule between
//! │ 2024 │ 50 Mt or │     two rows, so a wrapped row reads as one)
//! │      │     more │
//! └──────┴──────────┘
//! ```
//!
//! When even the columns' least widths (see [`super::columns`]) do not fit, each body row is
//! drawn as one `Header: value` field per cell, rows apart by a blank line.
//!
//! A table's screen line keeps no text range: its `start` and `end` say which part of the table
//! it is ([`Shape`]), and [`pieces`] lays that part out again when it is drawn: the cells of one
//! row, never the whole table. Each text piece carries its char offset (`Piece::at`), so
//! highlights land on the cell they are in.

use super::breaking::{Cell, break_lines};
use super::columns::column_widths;
use super::table::{Align, Table, TableCell};
use super::wrap::{TextPos, fill_run_cells, marker};
use super::{Block, LineKind, Piece, Prefix, WrappedLine};

/// Which part of a table a screen line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Top,
    HeaderRule,
    RowRule,
    Bottom,
    /// Line `line` of row `row` of the grid.
    Row {
        row: u32,
        line: u32,
    },
    /// Line `line` of the field of cell `column` of row `row`, when there is no grid.
    Field {
        row: u32,
        column: u32,
        line: u32,
    },
    /// The blank line between two rows of fields.
    Gap,
}

impl Shape {
    fn encode(self) -> (TextPos, TextPos) {
        let (tag, row, column, line) = match self {
            Shape::Top => (0, 0, 0, 0),
            Shape::HeaderRule => (1, 0, 0, 0),
            Shape::RowRule => (2, 0, 0, 0),
            Shape::Bottom => (3, 0, 0, 0),
            Shape::Row { row, line } => (4, row, 0, line),
            Shape::Field { row, column, line } => (5, row, column, line),
            Shape::Gap => (6, 0, 0, 0),
        };
        (TextPos { run: tag, byte: row }, TextPos { run: column, byte: line })
    }

    fn decode(start: TextPos, end: TextPos) -> Self {
        let (row, column, line) = (start.byte, end.run, end.byte);
        match start.run {
            0 => Shape::Top,
            1 => Shape::HeaderRule,
            2 => Shape::RowRule,
            3 => Shape::Bottom,
            4 => Shape::Row { row, line },
            5 => Shape::Field { row, column, line },
            _ => Shape::Gap,
        }
    }
}

/// The columns the grid's rules and padding take: `│ ` before each column, ` ` after it, and
/// the last `│`.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

/// The columns' widths at `width`, or `None` when the grid does not fit.
fn grid(table: &Table, width: usize) -> Option<Vec<usize>> {
    column_widths(&table.natural, &table.words, width.checked_sub(frame(table.columns()))?)
}

/// Appends the screen lines of table `table` (block `index`) for `width` columns.
pub(super) fn wrap_table(block: &Block, table: &Table, index: usize, width: usize, out: &mut Vec<WrappedLine>) {
    let line = |shape: Shape, offset: usize| {
        let (start, end) = shape.encode();
        WrappedLine { kind: LineKind::Body, block: index, offset, prefix: Prefix::None, start, end }
    };
    let row_end = |row: usize| table.rows.get(row).and_then(|r| r.last()).map_or(0, TableCell::end);
    let Some(widths) = grid(table, width) else {
        for (n, row) in field_rows(table).enumerate() {
            if n > 0 {
                out.push(line(Shape::Gap, row_end(row - 1)));
            }
            for column in 0..table.columns() {
                let field = Field::new(block, table, row, column, width);
                for k in 0..field.lines() {
                    let shape = Shape::Field { row: row as u32, column: column as u32, line: k as u32 };
                    out.push(line(shape, field.offset(k)));
                }
            }
        }
        return;
    };
    let rows: Vec<Vec<Wrapped<'_>>> = (0..table.rows.len()).map(|r| wrap_row(block, table, r, &widths)).collect();
    let height = |cells: &[Wrapped<'_>]| cells.iter().map(|c| c.lines.len()).max().unwrap_or(1);
    let ruled = rows.iter().skip(1).any(|cells| height(cells) > 1);
    out.push(line(Shape::Top, table.rows.first().and_then(|r| r.first()).map_or(0, |c| c.offset)));
    for (r, cells) in rows.iter().enumerate() {
        match r {
            0 => {}
            1 => out.push(line(Shape::HeaderRule, row_end(0))),
            _ if ruled => out.push(line(Shape::RowRule, row_end(r - 1))),
            _ => {}
        }
        for k in 0..height(cells) {
            // The line's place is the earliest text on it: a line's place never comes before
            // the line above's.
            let offset = cells.iter().filter(|c| k < c.lines.len()).map(|c| c.offset(k)).min().unwrap_or(0);
            out.push(line(Shape::Row { row: r as u32, line: k as u32 }, offset));
        }
    }
    out.push(line(Shape::Bottom, row_end(table.rows.len().saturating_sub(1))));
}

/// The rows drawn as fields: the body rows, or the header alone when there is no body.
fn field_rows(table: &Table) -> std::ops::Range<usize> {
    if table.rows.len() > 1 { 1..table.rows.len() } else { 0..table.rows.len() }
}

/// The pieces of table line `line` at `width`.
pub(super) fn pieces<'a>(block: &'a Block, table: &Table, line: &WrappedLine, width: usize) -> Vec<Piece<'a>> {
    let shape = Shape::decode(line.start, line.end);
    if let Shape::Field { row, column, line } = shape {
        let (row, column) = (row as usize, column as usize);
        if row >= table.rows.len() || column >= table.columns() {
            return Vec::new();
        }
        return Field::new(block, table, row, column, width).pieces(block, line as usize);
    }
    let Some(widths) = grid(table, width) else { return Vec::new() };
    let rule = |left: &str, fill: &str, join: &str, right: &str| {
        let inner: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        vec![marker(format!("{left}{}{right}", inner.join(join)))]
    };
    match shape {
        Shape::Top => rule("┌", "─", "┬", "┐"),
        Shape::HeaderRule => rule("╞", "═", "╪", "╡"),
        Shape::RowRule => rule("├", "─", "┼", "┤"),
        Shape::Bottom => rule("└", "─", "┴", "┘"),
        Shape::Row { row, line } if (row as usize) < table.rows.len() => {
            let cells = wrap_row(block, table, row as usize, &widths);
            let mut pieces = vec![marker("│")];
            for (c, cell) in cells.iter().enumerate() {
                let k = line as usize;
                let (text, used) =
                    if k < cell.lines.len() { (cell.pieces(block, k), cell.width(k)) } else { (Vec::new(), 0) };
                let pad = widths[c].saturating_sub(used);
                let (left, right) = match table.aligns[c] {
                    Align::Left => (0, pad),
                    Align::Right => (pad, 0),
                    Align::Center => (pad / 2, pad - pad / 2),
                };
                pieces.push(marker(" ".repeat(left + 1)));
                pieces.extend(text);
                pieces.push(marker(format!("{}│", " ".repeat(right + 1))));
            }
            pieces
        }
        _ => Vec::new(),
    }
}

/// Every cell of row `row` wrapped to its column's width.
fn wrap_row<'a>(block: &'a Block, table: &Table, row: usize, widths: &[usize]) -> Vec<Wrapped<'a>> {
    table.rows[row].iter().zip(widths).map(|(cell, &w)| Wrapped::new(block, cell, w)).collect()
}

/// A cell's text wrapped to a width, as the article's paragraphs wrap.
struct Wrapped<'a> {
    cells: Vec<Cell<'a>>,
    lines: Vec<(usize, usize)>,
    /// The cell's own offset: the place of a line with no text.
    offset: usize,
}

impl<'a> Wrapped<'a> {
    fn new(block: &'a Block, cell: &TableCell, width: usize) -> Self {
        let mut cells = Vec::new();
        fill_run_cells(block, cell.runs.clone(), cell.offset, &mut cells);
        let text: String =
            block.runs.get(cell.runs.clone()).unwrap_or_default().iter().map(|r| r.text.as_str()).collect();
        let lines = break_lines(&cells, &text, width.max(1), true);
        Self { cells, lines, offset: cell.offset }
    }

    /// The char offset where line `k`'s text starts.
    fn offset(&self, k: usize) -> usize {
        self.lines.get(k).and_then(|&(start, _)| self.cells.get(start)).map_or(self.offset, |c| c.offset)
    }

    /// Display columns of line `k`.
    fn width(&self, k: usize) -> usize {
        self.lines.get(k).map_or(0, |&(start, end)| self.cells[start..end].iter().map(|c| c.width).sum())
    }

    /// Line `k`'s text, one piece per run it touches, each with its offset.
    fn pieces(&self, block: &'a Block, k: usize) -> Vec<Piece<'a>> {
        let Some(&(start, end)) = self.lines.get(k) else { return Vec::new() };
        let mut pieces = Vec::new();
        let mut i = start;
        while i < end {
            let run = self.cells[i].pos.run;
            let mut j = i;
            while j + 1 < end && self.cells[j + 1].pos.run == run {
                j += 1;
            }
            let (first, last) = (&self.cells[i], &self.cells[j]);
            if let Some(r) = block.runs.get(run as usize) {
                let text = &r.text[first.pos.byte as usize..(last.pos.byte + last.len) as usize];
                pieces.push(Piece { text: text.into(), style: r.style, at: Some(first.offset) });
            }
            i = j + 1;
        }
        pieces
    }
}

/// One cell drawn as a field, `Header: value`: side by side when the header is short, else the
/// header on its own lines and the value indented under it.
struct Field<'a> {
    label: Option<Wrapped<'a>>,
    value: Wrapped<'a>,
    /// The label's width when the value is beside it.
    beside: Option<usize>,
    /// The value's indent when it is under its label.
    indent: usize,
}

impl<'a> Field<'a> {
    fn new(block: &'a Block, table: &Table, row: usize, column: usize, width: usize) -> Self {
        let header = &table.rows[0][column];
        let value = &table.rows[row][column];
        let labelled = row > 0 && header.width > 0;
        if !labelled {
            return Self { label: None, value: Wrapped::new(block, value, width), beside: None, indent: 0 };
        }
        if header.width + 2 <= width / 2 {
            let value = Wrapped::new(block, value, width - header.width - 2);
            return Self {
                label: Some(Wrapped::new(block, header, header.width)),
                value,
                beside: Some(header.width),
                indent: 0,
            };
        }
        let indent = if width > 4 { 2 } else { 0 };
        let label = Wrapped::new(block, header, width.saturating_sub(1));
        let mut value = Wrapped::new(block, value, width - indent);
        if value.cells.is_empty() {
            value.lines.clear();
        }
        Self { label: Some(label), value, beside: None, indent }
    }

    /// The field's screen lines.
    fn lines(&self) -> usize {
        match (&self.label, self.beside) {
            (Some(label), None) => label.lines.len() + self.value.lines.len(),
            _ => self.value.lines.len(),
        }
    }

    /// Where line `k`'s place is: the value's text (a label's lines take the value's start, so
    /// the fields' places follow the table's order).
    fn offset(&self, k: usize) -> usize {
        match (&self.label, self.beside) {
            (Some(label), None) => self.value.offset(k.saturating_sub(label.lines.len())),
            _ => self.value.offset(k),
        }
    }

    fn pieces(&self, block: &'a Block, k: usize) -> Vec<Piece<'a>> {
        let Some(label) = &self.label else { return self.value.pieces(block, k) };
        let mut pieces = Vec::new();
        match self.beside {
            Some(_) if k == 0 => {
                pieces.extend(label.pieces(block, 0));
                pieces.push(marker(": "));
            }
            Some(label_width) => pieces.push(marker(" ".repeat(label_width + 2))),
            None if k < label.lines.len() => {
                pieces.extend(label.pieces(block, k));
                if k + 1 == label.lines.len() {
                    pieces.push(marker(":"));
                }
                return pieces;
            }
            None => pieces.push(marker(" ".repeat(self.indent))),
        }
        let k = if self.beside.is_some() { k } else { k - label.lines.len() };
        pieces.extend(self.value.pieces(block, k));
        pieces
    }
}
