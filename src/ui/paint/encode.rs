//! A frame's bytes, encoded straight into one reusable buffer (no `fmt`, no write per cell):
//! the screen crossterm's backend would make of the same cells, in fewer bytes.
//!
//! The cursor is moved where crossterm's backend moves it (before every cell that does not
//! follow the last one written on its row), so a terminal that reckons a symbol's width
//! differently ends up with the screen it would have had; only the way of saying the move is
//! chosen, the shortest that lands on the same cell from where the cursor surely is. The style
//! is changed as [`Pen`] says, and reset at the end of the frame, as crossterm's backend does.

use ratatui::buffer::Cell;
use ratatui::layout::Position;

use super::sgr::Pen;

/// The synchronized-update bracket: the terminal shows the frame whole, not half drawn.
const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";

/// The bytes of a frame, kept between frames for their allocation.
#[derive(Default)]
pub struct Encoder {
    bytes: Vec<u8>,
    /// A spare buffer for a style change said another way.
    scratch: Vec<u8>,
}

impl Encoder {
    /// The bytes that write `cells` (column, row, cell, in the order given) on a terminal
    /// `width` columns wide whose style is reset, leave its style reset, and then, with
    /// `cursor`, put the cursor there; in a synchronized update. Empty when there are no cells
    /// and no cursor to move.
    pub fn frame(&mut self, width: u16, cells: &[(u16, u16, &Cell)], cursor: Option<Position>) -> &[u8] {
        let out = &mut self.bytes;
        out.clear();
        // A cell's symbol and a move, mostly: reserved once, not grown cell by cell.
        out.reserve(cells.len() * 4 + 64);
        out.extend_from_slice(BEGIN);
        let mut pen = Pen::default();
        // Positions as row << 16 | column: the cell after the last one written (no move
        // before it, crossterm's rule), and where the cursor surely is.
        let (mut follows, mut at) = (UNKNOWN, UNKNOWN);
        let last_column = u32::from(width).saturating_sub(1);
        let mut i = 0;
        while let Some(&(x, y, cell)) = cells.get(i) {
            i += 1;
            let here = u32::from(y) << 16 | u32::from(x);
            // Whether the cell on the left is known to be no wide character's half: the
            // row's start, or a printable ASCII character just written there.
            let bounded = x == 0 || (here == follows && at == here);
            if here != follows {
                move_to(out, unpack(at), x, y);
                at = here;
            }
            follows = here + 1;
            if !pen.has(cell) {
                pen.to(cell, out, &mut self.scratch);
            }
            // A run of blanks from where the cursor surely is: erased in place when that is
            // shorter, if its style shows no more than its background (no underline, reverse,
            // strike), as an erased cell shows the background the terminal writes with and
            // nothing else. The cursor stays, so the next cell is moved to. The cells on either
            // side of an erase are known not to be half of a wide character the terminal has
            // (one it may reckon wider than ratatui does): writing over such a half and erasing
            // it clear the other half differently in some terminals.
            let symbol = cell.symbol().as_bytes();
            if bounded && at == here && symbol == b" " && cell.modifier.is_empty() {
                let mut run = blank_run(&cells[i - 1..], x, y, cell);
                let mut after = cells
                    .get(i - 1 + run)
                    .is_some_and(|&(nx, ny, _)| ny == y && usize::from(nx) == usize::from(x) + run);
                if !after && usize::from(x) + run < usize::from(width) {
                    // The cell on the right is not written: it may be a wide character's
                    // half, which the last blank clears, written as crossterm's backend would.
                    run -= 1;
                    after = true;
                }
                let n = u32::try_from(run).unwrap_or(u32::MAX);
                if run > 0 && erase_length(n) + if after { erase_length(n) } else { 0 } < run {
                    erase(out, n);
                    i += run - 1;
                    // Not `here + run`: the next cell is moved to, from where the cursor is.
                    follows = UNKNOWN;
                    continue;
                }
            }
            match symbol {
                // A printable ASCII character is one column in every terminal; short of the
                // last column, the cursor is after it (at the last, it may wait to wrap).
                [byte] => {
                    out.push(*byte);
                    at = if (0x20..0x7f).contains(byte) && at != UNKNOWN && at & 0xffff < last_column {
                        at + 1
                    } else {
                        UNKNOWN
                    };
                }
                [] => {}
                _ => {
                    out.extend_from_slice(symbol);
                    at = UNKNOWN;
                }
            }
        }
        if !pen.is_reset() {
            out.extend_from_slice(b"\x1b[0m");
        }
        if let Some(Position { x, y }) = cursor {
            move_to(out, unpack(at), x, y);
        }
        if out.len() == BEGIN.len() {
            out.clear();
        } else {
            out.extend_from_slice(END);
        }
        out
    }
}

/// How many of `cells`, from the first (a blank at `x`, `y` in `style`'s style), are blanks of
/// that style on consecutive columns of the row.
fn blank_run(cells: &[(u16, u16, &Cell)], x: u16, y: u16, style: &Cell) -> usize {
    cells
        .iter()
        .enumerate()
        .take_while(|&(k, &(cx, cy, cell))| {
            cy == y
                && usize::from(cx) == usize::from(x) + k
                && cell.symbol() == " "
                && cell.modifier == style.modifier
                && cell.fg == style.fg
                && cell.bg == style.bg
                && cell.underline_color == style.underline_color
        })
        .count()
}

/// The length of `CSI n X` (`ECH`) and of `CSI n C` (`CUF`), which share their form.
fn erase_length(n: u32) -> usize {
    if n == 1 { 3 } else { 3 + digits(n) }
}

/// Appends `CSI n X`: erase `n` cells from the cursor with the current background, which
/// leaves the cursor where it is.
fn erase(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(b"\x1b[");
    if n != 1 {
        push_number(out, n);
    }
    out.push(b'X');
}

/// A position not known (no cell's: rows and columns are below 65,535).
const UNKNOWN: u32 = u32::MAX;

fn unpack(at: u32) -> Option<(u16, u16)> {
    (at != UNKNOWN).then_some(((at & 0xffff) as u16, (at >> 16) as u16))
}

/// Appends the shortest move from `at` (where the cursor surely is, if known) to column `x`,
/// row `y`: absolute (`CUP`, its parameters left out where they are 1), or along the row or
/// column the cursor is on (`CHA`, `CUF`, `CUB`, `CUU`, `CUD`), which never scroll.
fn move_to(out: &mut Vec<u8>, at: Option<(u16, u16)>, x: u16, y: u16) {
    let (column, row) = (u32::from(x) + 1, u32::from(y) + 1);
    let absolute = match (column, row) {
        (1, 1) => 3,
        (1, row) => 3 + digits(row),
        (column, row) => 4 + digits(row) + digits(column),
    };
    // The shortest so far: its length, and for a move along a line its final byte and count.
    let mut best: (usize, Option<(u8, u32)>) = (absolute, None);
    let mut consider = |final_byte: u8, n: u32| {
        let length = if n == 1 { 3 } else { 3 + digits(n) };
        if length < best.0 {
            best = (length, Some((final_byte, n)));
        }
    };
    match at {
        Some(at) if at == (x, y) => return,
        Some((ax, ay)) if ay == y => {
            consider(b'G', column);
            if x > ax {
                consider(b'C', u32::from(x - ax));
            } else {
                consider(b'D', u32::from(ax - x));
            }
        }
        Some((ax, ay)) if ax == x => {
            if y > ay {
                consider(b'B', u32::from(y - ay));
            } else {
                consider(b'A', u32::from(ay - y));
            }
        }
        _ => {}
    }
    out.extend_from_slice(b"\x1b[");
    match best.1 {
        Some((final_byte, n)) => {
            if n != 1 {
                push_number(out, n);
            }
            out.push(final_byte);
        }
        None => {
            if column != 1 {
                push_number(out, row);
                out.push(b';');
                push_number(out, column);
            } else if row != 1 {
                push_number(out, row);
            }
            out.push(b'H');
        }
    }
}

/// How many decimal digits `n` has.
fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Appends `n` in decimal.
pub(super) fn push_number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests;
