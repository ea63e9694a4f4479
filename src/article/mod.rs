//! The article: read, sanitised, parsed into blocks of styled text, wrapped per width, and
//! searchable for the quotes that back each metric.

mod badge;
mod breaking;
mod columns;
mod fold;
mod markdown;
mod quotes;
mod scroll;
mod sentence;
mod spans;
mod table;
mod table_wrap;
mod wrap;
mod wrapping;

pub use badge::{BadgePlace, Halves, Row, badge_place, row_at};
pub use columns::{LEAST, WORD_CAP, column_widths, least_width};
pub use fold::{fold, fold_with, quote_automaton};
use fold::{fold_sanitised, fold_sanitised_text};
pub use scroll::Scroll;
pub use table::{Align, Table, TableCell};
pub use wrap::{LineKind, Piece, Prefix, WrappedLine, line_of, wrap, wrap_blocks};
pub use wrapping::{AT_ONCE, WrapMemo, Wrapping};

use crate::text::sanitize;

/// What a run of text looks like; the UI maps each to a theme style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RunStyle {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    pub link: bool,
    /// Decorations added by the renderer (list markers, quote bars, URLs): dimmed.
    pub marker: bool,
}

/// A run of text in one style. The text is sanitised: no control characters except `\n` (a hard
/// line break), no tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: RunStyle,
}

/// The kinds of block the article pane knows how to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    /// A list item: nesting depth (0 for a top-level list) and its marker (`•`, `3.`).
    ListItem {
        depth: usize,
        marker: String,
    },
    Quote,
    /// Preformatted lines: never re-flowed.
    Code,
    Rule,
    /// A table: its cells are the block's runs (see [`table`]).
    Table(Box<Table>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub runs: Vec<Run>,
}

impl Block {
    /// The block's text without styling, as the reader sees it.
    pub fn plain_text(&self) -> String {
        self.runs.iter().filter(|r| !r.style.marker).map(|r| r.text.as_str()).collect()
    }
}

/// A stretch of the article: a block and a range of characters in its plain text (the text
/// without Markdown markup or decorations), `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextSpan {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// A parsed article. Cheap to search; wrapping is done per width by [`wrap`].
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub blocks: Vec<Block>,
    /// Each block's plain text folded for matching (see [`fold`]). Only the text is kept: the
    /// map back to the block's own offsets is rebuilt for the few blocks that match.
    folded: Vec<String>,
    /// What views have wrapped of it, per width, for the next view of the same width.
    wraps: WrapMemo,
}

/// The article of a dataset that names none: no blocks.
static NO_ARTICLE: Article = Article { blocks: Vec::new(), folded: Vec::new(), wraps: WrapMemo::new() };

impl Article {
    /// An article without blocks, for a dataset that names none.
    pub fn none() -> &'static Self {
        &NO_ARTICLE
    }

    /// Parses Markdown. The text is sanitised first, so nothing in it reaches the terminal raw.
    pub fn from_markdown(text: &str) -> Self {
        Self::from_blocks(markdown::parse(&sanitize(text)))
    }

    /// Treats the text as plain paragraphs separated by blank lines.
    pub fn from_plain_text(text: &str) -> Self {
        let text = sanitize(text);
        let blocks = text
            .split("\n\n")
            .map(|chunk| chunk.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
            .filter(|paragraph| !paragraph.trim().is_empty())
            .map(|paragraph| Block {
                kind: BlockKind::Paragraph,
                runs: vec![Run { text: paragraph, style: RunStyle::default() }],
            })
            .collect();
        Self::from_blocks(blocks)
    }

    /// Picks the parser from the file name: `.txt` is plain text, anything else Markdown.
    pub fn from_file_text(name: &str, text: &str) -> Self {
        if name.to_ascii_lowercase().ends_with(".txt") {
            Self::from_plain_text(text)
        } else {
            Self::from_markdown(text)
        }
    }

    fn from_blocks(blocks: Vec<Block>) -> Self {
        let folded = blocks.iter().map(|b| fold_sanitised_text(&b.plain_text(), true)).collect();
        Self { blocks, folded, wraps: WrapMemo::default() }
    }

    /// The first place each quote occurs (see [`Article::find_quote`]), all found in one pass
    /// over the article however many quotes there are.
    pub fn find_quotes(&self, quotes: &[&str]) -> Vec<Option<TextSpan>> {
        let needles: Vec<String> = quotes.iter().map(|q| fold(q).0.trim().to_owned()).collect();
        let mut found: Vec<Option<TextSpan>> = vec![None; quotes.len()];
        let searchable: Vec<usize> = (0..needles.len()).filter(|&i| !needles[i].is_empty()).collect();
        let Some(automaton) = fold::quote_automaton(searchable.iter().map(|&i| &needles[i])) else {
            return found;
        };
        let mut missing = searchable.len();
        for (block, haystack) in self.folded.iter().enumerate() {
            if missing == 0 {
                break;
            }
            let mut plain: Option<String> = None;
            for hit in automaton.find_overlapping_iter(haystack.as_str()) {
                let quote = searchable[hit.pattern().as_usize()];
                if found[quote].is_some() {
                    continue;
                }
                // Only the quote's two ends are mapped back: folding the block again with every
                // char's offset cost 76 M instructions for a large dataset's 4,000 quotes.
                let plain = plain.get_or_insert_with(|| self.blocks[block].plain_text());
                let first = haystack[..hit.start()].chars().count();
                let last = first + needles[quote].chars().count() - 1;
                let Some([start, end]) = fold::origins_at(plain, true, [first, last]) else { continue };
                found[quote] = Some(TextSpan { block, start, end: end + 1 });
                missing -= 1;
            }
        }
        found
    }

    /// The first place the quote occurs, matched the way the dataset format defines: Markdown
    /// markup removed, case folded, white space collapsed, typographic quotes and dashes folded.
    /// Quotes do not span blocks.
    pub fn find_quote(&self, quote: &str) -> Option<TextSpan> {
        let (needle, _) = fold(quote);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        self.folded.iter().enumerate().find_map(|(block, haystack)| {
            let at = haystack.find(needle)?;
            let (_, origins) = fold_sanitised(&self.blocks[block].plain_text(), true);
            let first = haystack[..at].chars().count();
            let last = first + needle.chars().count() - 1;
            Some(TextSpan { block, start: origins[first], end: origins[last] + 1 })
        })
    }
}

#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;
