//! The style a terminal writes with, and the SGR sequence (`CSI … m`) that takes it from one
//! cell's style to the next: the parameters crossterm's backend sends (ratatui's `ModifierDiff`
//! rules, then the colours that changed), joined into one sequence; or, when it is shorter and
//! leaves the terminal the same, a reset (`0`) followed by what the new style holds.
//!
//! The same terminal, not only the same style: crossterm's rules leave a terminal in a state
//! ratatui's style does not say where terminals differ (bold and dim are one setting in some,
//! two in others; removing one blink removes both), and the next cells are written over that
//! state. So a reset is taken only where crossterm's parameters leave the terminal exactly at
//! the new style in every such reading, and the blink the terminal really has is followed.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::encode::push_number;

const BLINKS: Modifier = Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK);
const INTENSITY: Modifier = Modifier::BOLD.union(Modifier::DIM);

/// Parameters in one sequence at most: some terminals keep no more than 30 or so.
const MAX_PARAMS: usize = 16;

/// What the terminal writes the next character with, as crossterm's backend reckons it (the
/// last cell's colours and modifiers), and the blink it really has.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// The blinks the terminal has on (fewer than `modifier` says after one of two was removed).
    blink: Modifier,
}

impl Default for Pen {
    /// A terminal's style after a reset, where crossterm's backend starts and ends each frame.
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            blink: Modifier::empty(),
        }
    }
}

impl Pen {
    /// Whether the terminal is at its reset style.
    pub fn is_reset(&self) -> bool {
        *self == Self::default()
    }

    /// Whether the terminal writes with `cell`'s style already.
    #[inline]
    pub fn has(&self, cell: &Cell) -> bool {
        cell.modifier == self.modifier
            && cell.fg == self.fg
            && cell.bg == self.bg
            && cell.underline_color == self.underline
    }

    /// Appends to `out` what takes the terminal to `cell`'s style (not there: see
    /// [`Pen::has`]), `scratch` being a spare buffer for the other way to say it.
    pub fn to(&mut self, cell: &Cell, out: &mut Vec<u8>, scratch: &mut Vec<u8>) {
        let to = Self {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
            blink: self.blink,
        };
        let start = out.len();
        let blink = self.crossterms(&to, &mut Params::new(out));
        // A reset is the same terminal when crossterm's parameters leave exactly `to`: at most
        // one of bold and dim (with both, which shows depends on the terminal and on the past),
        // and the blinks `to` has.
        if !to.modifier.contains(INTENSITY) && blink == to.modifier & BLINKS {
            scratch.clear();
            to.after_reset(&mut Params::new(scratch));
            if scratch.len() < out.len() - start {
                out.truncate(start);
                out.extend_from_slice(scratch);
            }
        }
        *self = Self { blink, ..to };
    }

    /// Crossterm's parameters from `self` to `to`, in its order; returns the blinks the
    /// terminal has after them.
    fn crossterms(&self, to: &Self, params: &mut Params<'_>) -> Modifier {
        let (from, into) = (self.modifier, to.modifier);
        let (removed, added) = (from - into, into - from);
        let mut blink = self.blink;
        if removed.contains(Modifier::REVERSED) {
            params.one(27);
        }
        let reset_intensity = removed.intersects(INTENSITY);
        if reset_intensity {
            params.one(22);
            if into.contains(Modifier::DIM) {
                params.one(2);
            }
            if into.contains(Modifier::BOLD) {
                params.one(1);
            }
        }
        for (modifier, off) in
            [(Modifier::ITALIC, 23), (Modifier::UNDERLINED, 24), (Modifier::CROSSED_OUT, 29), (Modifier::HIDDEN, 28)]
        {
            if removed.contains(modifier) {
                params.one(off);
            }
        }
        if removed.intersects(BLINKS) {
            params.one(25);
            blink = Modifier::empty();
        }
        if added.contains(Modifier::REVERSED) {
            params.one(7);
        }
        if added.contains(Modifier::BOLD) && !reset_intensity {
            params.one(1);
        }
        for (modifier, on) in [(Modifier::ITALIC, 3), (Modifier::UNDERLINED, 4)] {
            if added.contains(modifier) {
                params.one(on);
            }
        }
        if added.contains(Modifier::DIM) && !reset_intensity {
            params.one(2);
        }
        for (modifier, on) in
            [(Modifier::CROSSED_OUT, 9), (Modifier::HIDDEN, 8), (Modifier::SLOW_BLINK, 5), (Modifier::RAPID_BLINK, 6)]
        {
            if added.contains(modifier) {
                params.one(on);
            }
        }
        blink |= added & BLINKS;
        if to.fg != self.fg {
            params.colour(38, to.fg);
        }
        if to.bg != self.bg {
            params.colour(48, to.bg);
        }
        if to.underline != self.underline {
            params.colour(58, to.underline);
        }
        params.end();
        blink
    }

    /// A reset, then what `self` holds (at most one of bold and dim, so the order is free).
    fn after_reset(&self, params: &mut Params<'_>) {
        params.one(0);
        for (modifier, on) in [
            (Modifier::BOLD, 1),
            (Modifier::DIM, 2),
            (Modifier::ITALIC, 3),
            (Modifier::UNDERLINED, 4),
            (Modifier::SLOW_BLINK, 5),
            (Modifier::RAPID_BLINK, 6),
            (Modifier::REVERSED, 7),
            (Modifier::HIDDEN, 8),
            (Modifier::CROSSED_OUT, 9),
        ] {
            if self.modifier.contains(modifier) {
                params.one(on);
            }
        }
        for (base, colour) in [(38, self.fg), (48, self.bg), (58, self.underline)] {
            if colour != Color::Reset {
                params.colour(base, colour);
            }
        }
        params.end();
    }
}

/// SGR parameters written as they come, `;` between them, a new sequence when one is full
/// (never within a colour's group).
struct Params<'a> {
    out: &'a mut Vec<u8>,
    count: usize,
}

impl<'a> Params<'a> {
    fn new(out: &'a mut Vec<u8>) -> Self {
        Self { out, count: 0 }
    }

    /// Makes room for a group of `n` parameters.
    fn group(&mut self, n: usize) {
        if self.count > 0 && self.count + n > MAX_PARAMS {
            self.end();
        }
        self.out.extend_from_slice(if self.count == 0 { b"\x1b[" } else { b";" });
        self.count += n;
    }

    fn one(&mut self, n: u8) {
        self.group(1);
        push_number(self.out, u32::from(n));
    }

    /// A colour as crossterm writes it: `base` + 1 for the terminal's own, `base;5;n` for the
    /// sixteen named and the indexed ones (named ones by index, so no terminal brightens a bold
    /// one), `base;2;r;g;b` for the others.
    fn colour(&mut self, base: u8, colour: Color) {
        let index = match colour {
            Color::Reset => return self.one(base + 1),
            Color::Rgb(r, g, b) => {
                self.group(5);
                push_number(self.out, u32::from(base));
                for part in [2, r, g, b] {
                    self.out.push(b';');
                    push_number(self.out, u32::from(part));
                }
                return;
            }
            Color::Indexed(i) => i,
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 8,
            Color::LightRed => 9,
            Color::LightGreen => 10,
            Color::LightYellow => 11,
            Color::LightBlue => 12,
            Color::LightMagenta => 13,
            Color::LightCyan => 14,
            Color::White => 15,
        };
        self.group(3);
        push_number(self.out, u32::from(base));
        self.out.extend_from_slice(b";5;");
        push_number(self.out, u32::from(index));
    }

    /// Closes the sequence, if one is open.
    fn end(&mut self) {
        if self.count > 0 {
            self.out.push(b'm');
            self.count = 0;
        }
    }
}
