//! The cells that changed between two frames, looked for only where a frame may have changed:
//! the rows' spans outside the panes that are in place. Within a span the comparison is
//! ratatui's own (`Buffer::diff`: skipped cells, wide characters and what they cover, the
//! trailing cells of an emoji with VS16, a wide cell's visible style replaced by narrow ones),
//! so the terminal is sent what ratatui's whole-buffer diff would send for those cells.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// Modifiers that show on a blank cell (ratatui's list).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The cells of `next` that differ from `prev` within `spans` (as `frames::spans` gives them),
/// with their columns and rows, in the order the terminal is best sent them. `prev` and `next`
/// have the same area.
pub fn changed<'a>(prev: &Buffer, next: &'a Buffer, spans: &[(u16, u16, u16)]) -> Vec<(u16, u16, &'a Cell)> {
    let mut diff =
        Diff { prev: &prev.content, next: &next.content, area: next.area, out: Vec::new(), last_width: None };
    // Room for every cell compared, at most: a frame's worth of pushes, one allocation.
    diff.out.reserve(spans.iter().map(|&(_, left, right)| usize::from(right - left)).sum());
    let len = diff.next.len().min(diff.prev.len());
    // Where the comparison stands: a wide cell at a span's end covers cells after it.
    let mut pos = 0;
    for &(y, left, right) in spans {
        let start = next.index_of(left, y).max(pos);
        let end = (next.index_of(right - 1, y) + 1).min(len);
        pos = diff.span(start, end, len);
    }
    diff.out
}

struct Diff<'p, 'n> {
    prev: &'p [Cell],
    next: &'n [Cell],
    area: Rect,
    out: Vec<(u16, u16, &'n Cell)>,
    /// The last multi-byte symbol whose width was looked up, and that width: runs of the same
    /// symbol (a bar's `█`, a frame's `─`) are the common case.
    last_width: Option<(&'n str, usize)>,
}

impl<'n> Diff<'_, 'n> {
    fn emit(&mut self, index: usize) {
        let width = usize::from(self.area.width);
        let x = (index % width) as u16 + self.area.x;
        let y = (index / width) as u16 + self.area.y;
        self.out.push((x, y, &self.next[index]));
    }

    /// The columns an unchanged cell `index` of `next` (no forced width) takes, at least one.
    fn width_of_equal(&mut self, index: usize) -> usize {
        self.width_of_next(index).max(1)
    }

    /// `cell_width` of cell `index` of `next`, cheaper: a symbol's width depends on nothing
    /// but itself (and a forced width), so a symbol of one byte is one column and the width
    /// of the symbol just looked up is taken again.
    fn width_of_next(&mut self, index: usize) -> usize {
        let cell = &self.next[index];
        if matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)) {
            return usize::from(cell.cell_width());
        }
        let symbol = cell.symbol();
        if let Some(width) = known_width(symbol) {
            return width;
        }
        if let Some((last, width)) = self.last_width
            && last == symbol
        {
            return width;
        }
        let width = usize::from(symbol.cell_width());
        self.last_width = Some((symbol, width));
        width
    }

    /// `cell_width` of cell `index` of `prev`, as cheaply.
    fn width_of_prev(&self, index: usize) -> usize {
        let cell = &self.prev[index];
        if matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)) {
            return usize::from(cell.cell_width());
        }
        let symbol = cell.symbol();
        match (known_width(symbol), self.last_width) {
            (Some(width), _) => width,
            (None, Some((last, width))) if last == symbol => width,
            _ => usize::from(symbol.cell_width()),
        }
    }

    /// Compares cells `start..end` (of `len`), and returns the index after the last cell looked
    /// at (past `end` when a wide cell at the end covers more).
    #[allow(deprecated)]
    fn span(&mut self, start: usize, end: usize, len: usize) -> usize {
        // Locals, checked once: the loop then indexes without bounds checks, and the pushes
        // to `out` do not make the compiler load the slices again.
        let (next, prev) = (self.next, self.prev);
        let end = end.min(next.len()).min(prev.len());
        let mut i = start;
        while i < end {
            let (current, previous) = (&next[i], &prev[i]);
            if current.diff_option == CellDiffOption::None && !current.skip {
                // The common cases, first: a cell with no option, its symbol looked at once.
                let symbol = current.symbol();
                let narrow = known_width(symbol) == Some(1);
                if same_style(current, previous) && same_symbol(symbol, previous.symbol()) {
                    i += if narrow { 1 } else { self.width_of_equal(i) };
                    continue;
                }
                if narrow && previous.diff_option == CellDiffOption::None && known_width(previous.symbol()) == Some(1) {
                    // One column over one column: nothing around it to send again.
                    self.emit(i);
                    i += 1;
                    continue;
                }
            } else if is_skip(current) {
                i += 1;
                continue;
            } else if let CellDiffOption::ForcedWidth(width) = current.diff_option {
                if !same(current, previous) {
                    self.emit(i);
                }
                i += usize::from(width.get()).max(1);
                continue;
            }
            let width = self.width_of_next(i);
            self.emit(i);
            let previous_width = self.width_of_prev(i);
            i = if width > 1 && current.symbol().contains('\u{FE0F}') {
                // Terminals that leave an emoji's trailing column: the cells whose symbol changed.
                self.trailing(i + 1, (i + width).min(len), len, false)
            } else if width > 1 {
                i + width
            } else if previous_width > width
                && (previous.bg != Color::Reset || previous.modifier.intersects(VISIBLE_ON_BLANK))
            {
                // A wide cell's style that shows on blanks: every column it covered, again.
                self.trailing(i + 1, i + previous_width, len, true)
            } else {
                i + 1
            };
        }
        i
    }

    /// The cells after a wide one, `from..end` (widened by wide cells among them), sent when
    /// `force` or when their symbol changed; returns the index after them.
    fn trailing(&mut self, from: usize, end: usize, len: usize, force: bool) -> usize {
        let (mut j, mut end) = (from, end.min(len));
        while j < end {
            let k = j;
            j += usize::from(self.next[k].cell_width()).max(1);
            end = end.max(j).min(len);
            if !is_skip(&self.next[k]) && (force || self.prev[k].symbol() != self.next[k].symbol()) {
                self.emit(k);
            }
        }
        end
    }
}

/// The width of a symbol that needs no table: one byte, or a box-drawing, block, shape (to
/// U+25BF) or braille character, which are all one column (a test checks each against
/// ratatui's width). Charts, frames and big digits are made of them.
#[inline]
fn known_width(symbol: &str) -> Option<usize> {
    match symbol.as_bytes() {
        [_] | [0xe2, 0x94..=0x96 | 0xa0..=0xa3, _] => Some(1),
        _ => None,
    }
}

/// Whether `a` and `b` are equal as `Cell::eq` says (it must agree on every pair: a proptest
/// checks), cheaper: the `Copy` fields first, then the symbols, a one-byte one by its byte.
#[inline]
fn same(a: &Cell, b: &Cell) -> bool {
    same_style(a, b) && same_symbol(a.symbol(), b.symbol())
}

/// Whether `a` and `b` agree on every field but the symbol.
#[allow(deprecated)]
#[inline]
fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}

#[inline]
fn same_symbol(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        ([x], [y]) => x == y,
        (x, y) => x == y,
    }
}

/// Whether the diff passes over `cell` (ratatui's rule, with the deprecated `skip` flag).
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip) || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

#[cfg(test)]
mod tests {
    use ratatui::style::Style;

    use super::*;

    /// Rows unlike each other in what ratatui's diff has rules for: wide characters over narrow
    /// ones and back, an emoji with VS16, a wide cell with a background replaced by narrow ones,
    /// skipped cells, styles changed on the same symbols.
    fn buffers() -> Vec<Buffer> {
        let area = Rect::new(0, 0, 12, 2);
        let rows: [(&str, &str, Style); 7] = [
            ("plain text  ", "second row  ", Style::new()),
            ("中文 wide 字", "ab 中 cd    ", Style::new()),
            ("👍\u{fe0f} emoji   ", "x 😀\u{fe0f} y    ", Style::new()),
            ("中文 on bg  ", "中 second   ", Style::new().on_blue()),
            ("plain text  ", "second row  ", Style::new().bold()),
            ("narrow now  ", "no wide cell", Style::new()),
            // Over the blue 中 above: its second column is blank in both, and sent again.
            ("a", "", Style::new()),
        ];
        rows.iter()
            .map(|(first, second, style)| {
                let mut buffer = Buffer::empty(area);
                buffer.set_string(0, 0, first, *style);
                buffer.set_string(0, 1, second, Style::new());
                buffer
            })
            .chain([false, true].map(|hidden_styled| {
                // Equal runs of symbols of several bytes, narrow after wide and wide after
                // narrow: the widths of equal cells are remembered from one symbol to the next.
                // A hidden cell under an equal wide one differs; ratatui's diff passes over it.
                let mut runs = Buffer::empty(area);
                runs.set_string(0, 0, "█─中│中█ a", Style::new());
                runs.set_string(0, 1, "──中中││ x", Style::new());
                if hidden_styled {
                    runs.content[3].bg = Color::Blue;
                    runs.content[12 + 5].bg = Color::Blue;
                }
                runs
            }))
            .chain(std::iter::once({
                let mut skipped = Buffer::empty(area);
                skipped.set_string(0, 0, "skip these  ", Style::new());
                skipped.content[2].diff_option = CellDiffOption::Skip;
                skipped
            }))
            .collect()
    }

    #[test]
    fn known_widths_are_ratatuis() {
        let ranges = ['\u{2500}'..='\u{25bf}', '\u{2800}'..='\u{28ff}', ' '..='~'];
        for c in ranges.into_iter().flatten() {
            let symbol = c.to_string();
            assert_eq!(known_width(&symbol), Some(usize::from(symbol.as_str().cell_width())), "{c:?}");
        }
        assert_eq!(known_width("中"), None);
        assert_eq!(known_width("\u{25c0}"), None);
    }

    #[test]
    fn whole_rows_give_the_cells_ratatuis_diff_gives() {
        for prev in buffers() {
            for next in buffers() {
                let ours = changed(&prev, &next, &crate::ui::frames::spans(next.area, &[]));
                let theirs = prev.diff(&next);
                let at =
                    |cells: &[(u16, u16, &Cell)]| cells.iter().map(|&(x, y, c)| (x, y, c.clone())).collect::<Vec<_>>();
                assert_eq!(at(&ours), at(&theirs), "{prev:?} → {next:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        #[allow(deprecated)]
        fn same_agrees_with_cell_eq(
            symbols in proptest::collection::vec(proptest::sample::select(vec!["", " ", "a", "b", "中", "ab", "👍\u{fe0f}", "─"]), 2),
            fgs in proptest::collection::vec(0u8..3, 2),
            flags in proptest::collection::vec(0u8..16, 2),
        ) {
            let cell = |k: usize| {
                let mut cell = Cell::default();
                if !symbols[k].is_empty() {
                    cell.set_symbol(symbols[k]);
                }
                cell.fg = [Color::Reset, Color::Red, Color::Rgb(1, 2, 3)][usize::from(fgs[k])];
                cell.bg = if flags[k] & 1 == 0 { Color::Reset } else { Color::Indexed(4) };
                cell.underline_color = if flags[k] & 2 == 0 { Color::Reset } else { Color::Blue };
                cell.modifier = if flags[k] & 4 == 0 { Modifier::empty() } else { Modifier::BOLD };
                cell.skip = flags[k] & 8 != 0;
                cell
            };
            let (a, b) = (cell(0), cell(1));
            proptest::prop_assert_eq!(same(&a, &b), a == b);
        }
    }
}
