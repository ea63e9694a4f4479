//! Where the evidence badge goes: right under the sentence that states a metric. When the
//! sentence ends in the middle of a line, that line is cut at the sentence's end and its second
//! half moves below the badge, so the badge never sits between two halves of running text:
//!
//! ```text
//!  tonnes of freight.
//!    ↳ over 50 Mt · Railway cargo, total
//!  Of that
//!  total, 11.58 million tonnes
//! ```
//!
//! Everything here is a pure function of the wrapped lines: the app uses it to know how many rows
//! the article takes, the pane to draw them.

use std::borrow::Cow;

use super::wrap::{marker, prefixes};
use super::{Block, Piece, Prefix, TextSpan, WrappedLine, line_of};

/// Where the badge of a sentence goes: under wrapped line `line`, which is `cut` at the
/// sentence's end when text of another sentence follows on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgePlace {
    pub line: usize,
    pub cut: bool,
}

impl BadgePlace {
    /// Screen rows the badge adds to the article: its own, and the cut line's second half.
    pub fn extra_rows(self) -> usize {
        1 + usize::from(self.cut)
    }
}

/// What a screen row of the article shows, once a badge is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A wrapped line, whole.
    Line(usize),
    /// The first half of a cut line: up to the sentence's end.
    CutBefore(usize),
    Badge,
    /// The second half of a cut line: what follows the sentence.
    CutAfter(usize),
}

/// The badge's place for `sentence` in lines wrapped at `width`.
pub fn badge_place(lines: &[WrappedLine], blocks: &[Block], width: usize, sentence: TextSpan) -> BadgePlace {
    let line = line_of(lines, sentence.block, sentence.end.saturating_sub(1));
    let cut =
        lines.get(line).is_some_and(|l| l.block == sentence.block && l.cut_at(blocks, width, sentence.end).is_some());
    BadgePlace { line, cut }
}

/// What screen row `row` shows (rows count from the article's first line).
pub fn row_at(row: usize, badge: Option<BadgePlace>) -> Row {
    let Some(badge) = badge else { return Row::Line(row) };
    match row {
        _ if row < badge.line => Row::Line(row),
        _ if row == badge.line && badge.cut => Row::CutBefore(row),
        _ if row == badge.line => Row::Line(row),
        _ if row == badge.line + 1 => Row::Badge,
        _ if row == badge.line + 2 && badge.cut => Row::CutAfter(badge.line),
        _ => Row::Line(row - badge.extra_rows()),
    }
}

/// A line cut in two at a char offset of its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Halves<'a> {
    pub before: Vec<Piece<'a>>,
    /// The rest, its leading spaces dropped, behind the block's continuation indent.
    pub after: Vec<Piece<'a>>,
    /// The char offset (in the block's plain text) where `after`'s text starts.
    pub after_offset: usize,
}

impl WrappedLine {
    /// This line cut at char `at` of its block, or `None` when `at` is not inside the line's
    /// text or only spaces and decorations follow it (then nothing needs cutting).
    pub fn cut_at<'a>(&self, blocks: &'a [Block], width: usize, at: usize) -> Option<Halves<'a>> {
        if at <= self.offset {
            return None;
        }
        let block = blocks.get(self.block)?;
        // A table's line shows parts of several cells side by side: it is never cut.
        if matches!(block.kind, super::BlockKind::Table(_)) {
            return None;
        }
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut offset = self.offset;
        let mut cut = false;
        for piece in self.pieces(blocks, width) {
            if cut {
                after.push(piece);
                continue;
            }
            if piece.style.marker {
                before.push(piece);
                continue;
            }
            let chars = piece.text.chars().count();
            if offset + chars < at {
                offset += chars;
                before.push(piece);
                continue;
            }
            let byte = piece.text.char_indices().nth(at - offset).map_or(piece.text.len(), |(i, _)| i);
            let (head, tail) = split_cow(piece.text, byte);
            before.push(Piece { text: head, style: piece.style, at: piece.at });
            after.push(Piece { text: tail, style: piece.style, at: None });
            cut = true;
        }
        if !cut {
            return None;
        }
        // The second half starts at its first non-space character.
        let mut after_offset = at;
        for piece in after.iter_mut().filter(|p| !p.style.marker) {
            let trimmed = piece.text.trim_start_matches(' ');
            let skipped = piece.text.len() - trimmed.len();
            after_offset += skipped;
            piece.text = split_cow(std::mem::take(&mut piece.text), skipped).1;
            if !piece.text.is_empty() {
                break;
            }
        }
        after.retain(|p| !p.text.is_empty());
        if !after.iter().any(|p| !p.style.marker && !p.text.trim().is_empty()) {
            return None;
        }
        if self.prefix != Prefix::None {
            after.insert(0, marker(prefixes(&block.kind).1));
        }
        Some(Halves { before, after, after_offset })
    }
}

/// `text` cut at `byte` (a char boundary), borrowing where it can.
fn split_cow(text: Cow<'_, str>, byte: usize) -> (Cow<'_, str>, Cow<'_, str>) {
    match text {
        Cow::Borrowed(text) => (Cow::Borrowed(&text[..byte]), Cow::Borrowed(&text[byte..])),
        Cow::Owned(text) => (Cow::Owned(text[..byte].to_owned()), Cow::Owned(text[byte..].to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, wrap};

    fn texts(pieces: &[Piece<'_>]) -> String {
        pieces.iter().map(|p| p.text.as_ref()).collect()
    }

    #[test]
    fn a_line_is_cut_where_its_sentence_ends() {
        let article = Article::from_markdown("One two three. Four five six.");
        let lines = wrap(&article.blocks, 80);
        let halves = lines[0].cut_at(&article.blocks, 80, 14).expect("text follows the sentence");
        assert_eq!(texts(&halves.before), "One two three.");
        assert_eq!(texts(&halves.after), "Four five six.");
        assert_eq!(halves.after_offset, 15);
    }

    #[test]
    fn nothing_is_cut_at_a_lines_end_or_outside_it() {
        let article = Article::from_markdown("One two three. Four five six.");
        let lines = wrap(&article.blocks, 80);
        assert_eq!(lines[0].cut_at(&article.blocks, 80, 29), None, "the sentence ends the line");
        assert_eq!(lines[0].cut_at(&article.blocks, 80, 0), None, "before the line");
        assert_eq!(lines[0].cut_at(&article.blocks, 80, 500), None, "past the line");
    }

    #[test]
    fn a_cut_list_item_keeps_its_indent_and_styles() {
        let article = Article::from_markdown("- Ties with **28 countries**. Agreements with 25.");
        let lines = wrap(&article.blocks, 80);
        let halves = lines[0].cut_at(&article.blocks, 80, 23).expect("a cut");
        assert_eq!(texts(&halves.before), "  • Ties with 28 countries.");
        assert_eq!(texts(&halves.after), "    Agreements with 25.");
        assert!(halves.after[0].style.marker, "the indent is a decoration");
    }

    #[test]
    fn rows_follow_the_badge_and_the_cut() {
        let cut = Some(BadgePlace { line: 3, cut: true });
        let rows: Vec<Row> = (0..8).map(|row| row_at(row, cut)).collect();
        use Row::*;
        assert_eq!(rows, [Line(0), Line(1), Line(2), CutBefore(3), Badge, CutAfter(3), Line(4), Line(5)]);
        let whole = Some(BadgePlace { line: 1, cut: false });
        let rows: Vec<Row> = (0..4).map(|row| row_at(row, whole)).collect();
        assert_eq!(rows, [Line(0), Line(1), Badge, Line(2)]);
        assert_eq!(row_at(5, None), Line(5));
    }

    #[test]
    fn the_place_of_a_sentence_that_ends_mid_line_is_a_cut() {
        let article = Article::from_markdown("One two three. Four five six.\n\nSeven.");
        let lines = wrap(&article.blocks, 80);
        let sentence = TextSpan { block: 0, start: 0, end: 14 };
        assert_eq!(badge_place(&lines, &article.blocks, 80, sentence), BadgePlace { line: 0, cut: true });
        let whole = TextSpan { block: 0, start: 15, end: 29 };
        assert_eq!(badge_place(&lines, &article.blocks, 80, whole), BadgePlace { line: 0, cut: false });
        assert_eq!(BadgePlace { line: 0, cut: true }.extra_rows(), 2);
    }
}
