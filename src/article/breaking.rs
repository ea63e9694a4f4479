//! Where a line of the article may end, and the greedy fill that picks the ends.
//!
//! Break opportunities are Unicode's (UAX #14, the `unicode-linebreak` crate): after a space,
//! between two ideographs, after a hyphen or a dash, never before closing punctuation (`。，、；：
//! ？！）」』”`), never after opening punctuation (`（「『“`), never inside a number (`11.58`).
//! The width is measured as the terminal draws it (see [`crate::text::cells`]), grapheme by
//! grapheme.
//!
//! The crate implements Unicode 15.0, whose rule LB19 forbids a break on either side of every
//! quotation mark: `合作文件。”以上` could only break after `以`. Unicode 15.1 relaxed it for East
//! Asian text (LB19a), and so does [`mark_breaks`]: a line may end before an opening quote and
//! after a closing one when the characters on both sides are East Asian (drawn two cells wide).

use unicode_linebreak::{BreakClass, break_property, linebreaks};

use super::quotes::{is_final, is_initial};
use super::wrap::TextPos;

/// One grapheme: where it is, its size, its display width, its char offset in the block's plain
/// text, and whether a line may end before it.
pub(super) struct Cell<'a> {
    pub grapheme: &'a str,
    pub pos: TextPos,
    pub len: u32,
    pub width: usize,
    pub offset: usize,
    /// Byte offset in the block's whole text (its runs one after another).
    pub at: u32,
    /// A line may start with this cell, the line before ending where the spaces before it (if
    /// any) begin. Set by [`mark_breaks`], never on a space.
    pub may_break: bool,
}

impl Cell<'_> {
    pub fn is_space(&self) -> bool {
        self.grapheme == " "
    }
    pub fn is_newline(&self) -> bool {
        self.grapheme == "\n"
    }
    fn class(&self) -> Option<BreakClass> {
        self.grapheme.chars().next().map(|c| break_property(u32::from(c)))
    }
    /// East Asian, as UAX #14 means it (East_Asian_Width F, W or H): here, two cells wide.
    fn is_east_asian(&self) -> bool {
        self.width == 2
    }
    /// The quotation mark this cell is, if it is one mark alone.
    fn quote(&self) -> Option<char> {
        let mut chars = self.grapheme.chars();
        chars.next().filter(|_| chars.next().is_none())
    }
}

/// Marks the cells a line may end before, from the UAX #14 opportunities of `text`, the whole
/// text the cells were cut from (`ascii` if it is all ASCII). An opportunity inside a grapheme is
/// not one. Spaces are never marked: a line that ends at spaces ends where they begin, and
/// [`break_lines`] finds that place from the cell after them.
pub(super) fn mark_breaks(text: &str, ascii: bool, cells: &mut [Cell<'_>]) {
    let mut next = 0;
    for (byte, _) in linebreaks(text) {
        let byte = byte as u32;
        while next < cells.len() && cells[next].at < byte {
            next += 1;
        }
        match cells.get_mut(next) {
            Some(cell) if cell.at == byte => cell.may_break = !cell.is_space(),
            Some(_) => {}
            None => break,
        }
    }
    if !ascii {
        east_asian_quotes(cells);
    }
}

/// Unicode 15.1's LB19a, on top of the crate's 15.0 rules: between two East Asian characters a
/// line may end before an opening quotation mark (`共建|“一带`) and after a closing one
/// (`文件。”|以上`), unless the character on the far side forbids it (an opening bracket before
/// the quote, closing punctuation after it).
fn east_asian_quotes(cells: &mut [Cell<'_>]) {
    use BreakClass::{
        CloseParenthesis, ClosePunctuation, ConditionalJapaneseStarter, Exclamation, InfixSeparator, NonStarter,
        OpenPunctuation,
    };
    for i in 1..cells.len().saturating_sub(1) {
        // Quotation marks are not ASCII: most cells are skipped here.
        let Some(quote) = cells[i].quote().filter(|_| cells[i].len > 1) else { continue };
        let (before, after) = (&cells[i - 1], &cells[i + 1]);
        if !(before.is_east_asian() && after.is_east_asian()) {
            continue;
        }
        if is_initial(quote) && before.class() != Some(OpenPunctuation) {
            cells[i].may_break = true;
        } else if is_final(quote)
            && !matches!(
                after.class(),
                Some(
                    ClosePunctuation
                        | CloseParenthesis
                        | Exclamation
                        | InfixSeparator
                        | NonStarter
                        | ConditionalJapaneseStarter
                )
            )
        {
            cells[i + 1].may_break = true;
        }
    }
}

/// Greedy line breaking. Returns `(start, end)` cell ranges, one per line, with the spaces at a
/// break dropped. With `words` false (code) only hard breaks and the width break lines.
pub(super) fn break_lines(cells: &[Cell<'_>], width: usize, words: bool) -> Vec<(usize, usize)> {
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
        if words && cell.may_break {
            // The spaces before the cell are dropped at the break: the line ends where they begin.
            last_break = Some(trim_end(cells, start, i));
        }
        if words && cell.is_space() && column + cell.width > width {
            // Spaces hang past the edge until the cell after them says whether a line may end.
            i += 1;
            continue;
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
                    let at = if words { forced_cut(cells, start, i) } else { i };
                    lines.push((start, at));
                    start = at;
                    i = at;
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
    }
    if start < cells.len() || lines.is_empty() {
        lines.push((start.min(cells.len()), trim_end(cells, start.min(cells.len()), cells.len())));
    }
    lines
}

/// Where to cut a line that has no break opportunity within its width (a word longer than the
/// line), the cut being due before cell `due`: there, or as near before it as keeps closing
/// punctuation off the next line's start and opening punctuation off this line's end (the pairs
/// UAX #14 forbids to break), if this line keeps a grapheme.
fn forced_cut(cells: &[Cell<'_>], start: usize, due: usize) -> usize {
    use BreakClass::{
        CloseParenthesis, ClosePunctuation, Exclamation, InfixSeparator, NonBreakingGlue, NonStarter, OpenPunctuation,
        Quotation, WordJoiner,
    };
    let no_start = |c: &Cell<'_>| {
        matches!(
            c.class(),
            Some(
                ClosePunctuation
                    | CloseParenthesis
                    | Exclamation
                    | InfixSeparator
                    | NonStarter
                    | Quotation
                    | NonBreakingGlue
                    | WordJoiner
            )
        )
    };
    let no_end = |c: &Cell<'_>| matches!(c.class(), Some(OpenPunctuation | Quotation | NonBreakingGlue | WordJoiner));
    (start + 1..=due).rev().find(|&at| !no_start(&cells[at]) && !no_end(&cells[at - 1])).unwrap_or(due)
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
    use crate::article::{Article, wrap};

    fn rows(markdown: &str, width: usize) -> Vec<String> {
        let article = Article::from_markdown(markdown);
        wrap(&article.blocks, width).iter().map(|l| l.text(&article.blocks, width)).collect()
    }

    #[test]
    fn latin_breaks_at_spaces_and_after_hyphens_never_inside_a_number() {
        assert_eq!(rows("one two three", 8), ["one two", "three"]);
        assert_eq!(rows("a cross-border line", 10), ["a cross-", "border", "line"]);
        assert_eq!(rows("moved 11.58 Mt", 9), ["moved", "11.58 Mt"]);
        assert_eq!(rows("see (the end).", 8), ["see (the", "end)."]);
    }

    #[test]
    fn chinese_keeps_closing_punctuation_on_the_row_it_closes() {
        // Eight columns hold four ideographs, but `。` may not start the second row.
        assert_eq!(rows("中国周边。合作", 8), ["中国周", "边。合作"]);
        assert_eq!(rows("签署（文件）", 6), ["签署", "（文", "件）"]);
    }

    #[test]
    fn between_ideographs_a_row_may_end_after_a_closing_quote_or_before_an_opening_one() {
        assert_eq!(rows("合作文件。”以上数字", 11), ["合作文件。”", "以上数字"]);
        assert_eq!(rows("共建“一带一路”", 6), ["共建", "“一带", "一路”"]);
        // Not between Latin letters: the quote stays with its word.
        assert_eq!(rows("ab “cd” ef", 5), ["ab", "“cd”", "ef"]);
    }

    #[test]
    fn a_word_longer_than_the_row_is_cut_but_not_before_its_stop() {
        assert_eq!(rows("abcdefgh.", 8), ["abcdefg", "h."]);
        assert_eq!(rows("abcdef(gh", 7), ["abcdef", "(gh"], "nor after its bracket");
    }
}
