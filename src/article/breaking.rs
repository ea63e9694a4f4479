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

use unicode_linebreak::{BreakClass, break_property, linebreaks, split_at_safe};

use super::quotes::{is_final, is_initial};
use super::wrap::TextPos;

/// One grapheme: where it is, its size, its display width, its char offset in the block's plain
/// text, and its byte offset in the block's whole text.
pub(super) struct Cell<'a> {
    pub grapheme: &'a str,
    pub pos: TextPos,
    pub len: u32,
    pub width: usize,
    pub offset: usize,
    /// Byte offset in the block's whole text (its runs one after another).
    pub at: u32,
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
    /// The one char this cell is, if it is one alone (no mark or joiner with it).
    fn single(&self) -> Option<char> {
        let mut chars = self.grapheme.chars();
        chars.next().filter(|_| chars.next().is_none())
    }
}

/// The cell the line starting at cell `start` may end before, nearest to cell `due` (the first
/// that does not fit) and at most `due`: the last break opportunity in between, or `None`.
///
/// Only the end of the line is read: the text is walked back from `due` in the steps
/// [`split_at_safe`] allows (the places after which UAX #14's answers no longer depend on what
/// came before), so wrapping costs about a word per row, not a pass over every character. The line's
/// start is a break opportunity itself, after which the rules start afresh.
fn last_opportunity(cells: &[Cell<'_>], text: &str, start: usize, due: usize) -> Option<usize> {
    // Between two ideographs UAX #14 always allows a break (LB31: no rule holds an ID to an ID):
    // most rows of Chinese end so, and need no more reading.
    let ideograph =
        |cell: &Cell<'_>| cell.single().is_some_and(|c| break_property(u32::from(c)) == BreakClass::Ideographic);
    if due > start + 1 && ideograph(&cells[due - 1]) && ideograph(&cells[due]) {
        return Some(due);
    }
    let floor = cells[start].at as usize;
    let cell_at = |byte: usize| {
        let index = start + cells[start..=due].partition_point(|c| (c.at as usize) < byte);
        (index <= due && cells[index].at as usize == byte && index > start).then_some(index)
    };
    // Opportunities after `checked` have been looked at; the window ends after the char there.
    let mut checked = cells[due].at as usize;
    let mut end = checked + cells[due].grapheme.chars().next().map_or(1, char::len_utf8);
    let mut found = None;
    while found.is_none() {
        let (before, safe) = split_at_safe(&text[floor..end]);
        // `safe` starts a char before the pair after which the answers are context-free: the
        // answer at that first char's end is not (unless the window starts the line).
        let mut exact_after = floor + before.len();
        if !before.is_empty() {
            exact_after += safe.chars().next().map_or(0, char::len_utf8);
        }
        let from = floor + before.len();
        found = linebreaks(safe)
            .map(|(i, _)| from + i)
            .filter(|&byte| byte > exact_after && byte <= checked)
            .filter_map(cell_at)
            .last();
        if before.is_empty() {
            break;
        }
        checked = exact_after;
        let next_end = exact_after + text[exact_after..].chars().next().map_or(0, char::len_utf8);
        if next_end >= end {
            break; // no step back (not seen; the walk would not end)
        }
        end = next_end;
    }
    // Unicode 15.1's quotation rule may allow a later place.
    let quotes = (found.unwrap_or(start) + 1..=due).rev().find(|&at| east_asian_quote_break(cells, at));
    quotes.or(found)
}

/// Unicode 15.1's LB19a, on top of the crate's 15.0 rules: between two East Asian characters a
/// line may end before an opening quotation mark (`共建|“一带`) and after a closing one
/// (`文件。”|以上`), unless the character on the far side forbids it (an opening bracket before
/// the quote, closing punctuation after it). Whether a line may end before cell `at`.
fn east_asian_quote_break(cells: &[Cell<'_>], at: usize) -> bool {
    use BreakClass::{
        CloseParenthesis, ClosePunctuation, ConditionalJapaneseStarter, Exclamation, InfixSeparator, NonStarter,
        OpenPunctuation,
    };
    let quote = |i: usize| cells.get(i).filter(|c| c.len > 1).and_then(Cell::single);
    let east_asian = |i: usize| cells.get(i).is_some_and(Cell::is_east_asian);
    let opening = at >= 1
        && quote(at).is_some_and(is_initial)
        && east_asian(at - 1)
        && east_asian(at + 1)
        && cells[at - 1].class() != Some(OpenPunctuation);
    let closing = at >= 2
        && quote(at - 1).is_some_and(is_final)
        && east_asian(at - 2)
        && east_asian(at)
        && !matches!(
            cells[at].class(),
            Some(
                ClosePunctuation
                    | CloseParenthesis
                    | Exclamation
                    | InfixSeparator
                    | NonStarter
                    | ConditionalJapaneseStarter
            )
        );
    opening || closing
}

/// Greedy line breaking over the cells of `text` (a block's runs one after another). Returns
/// `(start, end)` cell ranges, one per line, with the spaces at a break dropped. With `words`
/// false (code) only hard breaks and the width break lines.
pub(super) fn break_lines(cells: &[Cell<'_>], text: &str, width: usize, words: bool) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut column = 0;
    let mut i = 0;
    while i < cells.len() {
        let cell = &cells[i];
        if cell.is_newline() {
            lines.push((start, trim_end(cells, start, i)));
            start = i + 1;
            column = 0;
            i += 1;
            continue;
        }
        if words && i == start && cell.is_space() && !lines.is_empty() {
            // A line never starts with the space it was broken at.
            start += 1;
            i += 1;
            continue;
        }
        if column + cell.width <= width {
            column += cell.width;
            i += 1;
            continue;
        }
        // Spaces that do not fit hang past the edge: the cell after them decides.
        let due = if words { skip_spaces(cells, i) } else { i };
        if due == cells.len() || cells[due].is_newline() {
            i = due;
            continue;
        }
        let at = if words { last_opportunity(cells, text, start, due) } else { None };
        match at.filter(|&at| trim_end(cells, start, at) > start) {
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

#[cfg(test)]
mod lazy_tests {
    use proptest::prelude::*;

    use super::*;
    use crate::article::{Block, BlockKind, Run, RunStyle};

    /// What [`last_opportunity`] must answer: the last UAX #14 opportunity of the whole text in
    /// the range (or the quotation rule's, if later).
    fn reference(cells: &[Cell<'_>], text: &str, start: usize, due: usize) -> Option<usize> {
        let uax14 =
            linebreaks(text).filter_map(|(byte, _)| (start + 1..=due).find(|&c| cells[c].at as usize == byte)).last();
        let quotes = (uax14.unwrap_or(start) + 1..=due).rev().find(|&at| east_asian_quote_break(cells, at));
        quotes.or(uax14)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Reading only the end of a line finds what a pass over the whole text finds, from any
        /// line start that is itself an opportunity.
        #[test]
        fn the_end_of_a_line_alone_gives_the_whole_texts_answer(
            text in "[a-zA-Z0-9 .,;:!?()\\[\\]\"'/%$-]{0,12}([中国。，、（）「」“”‘’：；！？ー々ゃ한국 \u{301}\u{200d}🇫🇷👍🏽—–…0-9a-z]{0,30}[ a-z.-]{0,6}){0,3}"
        ) {
            let block = Block { kind: BlockKind::Paragraph, runs: vec![Run { text: text.clone(), style: RunStyle::default() }] };
            let mut cells = Vec::new();
            crate::article::wrap::fill_cells(&block, &mut cells);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(linebreaks(&text).filter_map(|(byte, _)| cells.iter().position(|c| c.at as usize == byte)))
                .collect();
            for &start in &starts {
                for due in start + 1..cells.len() {
                    prop_assert_eq!(
                        last_opportunity(&cells, &text, start, due),
                        reference(&cells, &text, start, due),
                        "{:?} from {} to {}", text, start, due
                    );
                }
            }
        }
    }
}
