//! Finding stretches of the article: every match of a search, the sentence around a quote, the
//! numbers inside it.

use super::{Article, TextSpan, fold_with};

impl Article {
    /// Every place `query` occurs, in document order, matched like quotes (white space collapsed,
    /// typographic quotes and dashes folded) and case-insensitively unless `case_sensitive`.
    /// Matches do not overlap.
    pub fn find_all(&self, query: &str, case_sensitive: bool) -> Vec<TextSpan> {
        let (needle, _) = fold_with(query, !case_sensitive);
        if needle.trim().is_empty() {
            return Vec::new();
        }
        let needle_chars = needle.chars().count();
        let mut found = Vec::new();
        for (block, lowered) in self.folded.iter().enumerate() {
            // Case-insensitive searches skip blocks without a match cheaply; only matching
            // blocks are folded again, with the map back to their offsets.
            if !case_sensitive && !lowered.contains(needle.as_str()) {
                continue;
            }
            let (haystack, origins) = super::fold_sanitised(&self.blocks[block].plain_text(), !case_sensitive);
            let mut char_index = 0;
            let mut byte_from = 0;
            while let Some(at) = haystack[byte_from..].find(&needle) {
                char_index += haystack[byte_from..byte_from + at].chars().count();
                let last = char_index + needle_chars - 1;
                found.push(TextSpan { block, start: origins[char_index], end: origins[last] + 1 });
                char_index += needle_chars;
                byte_from += at + needle.len();
            }
        }
        found
    }

    /// The sentence that contains `span` (all the sentences it touches), within its block, by
    /// Unicode's sentence rules: see [`super::sentence`]. In a table, the cells it touches.
    pub fn sentence_around(&self, span: TextSpan) -> TextSpan {
        let Some(block) = self.blocks.get(span.block) else { return span };
        if let super::BlockKind::Table(table) = &block.kind {
            return table.cells_around(span);
        }
        let (start, end) = super::sentence::sentence_around(&block.plain_text(), span.start, span.end);
        TextSpan { block: span.block, start, end }
    }

    /// The numbers inside `span`: runs of digits (with their separators, `11.58`, `1,200`) and
    /// number words (`nine`, `million`).
    pub fn numbers_in(&self, span: TextSpan) -> Vec<TextSpan> {
        let Some(block) = self.blocks.get(span.block) else { return Vec::new() };
        // The span's chars only: a word and its separators are read inside it. `chars[i]` is
        // the block's char `from + i`.
        let plain = block.plain_text();
        let from = span.start.min(span.end);
        let chars: Vec<char> = match plain.get(from..span.end.min(plain.len())) {
            Some(ascii) if plain.is_ascii() => ascii.chars().collect(),
            _ => plain.chars().skip(from).take(span.end - from).collect(),
        };
        let end = chars.len();
        let mut found = Vec::new();
        let mut lower = String::new();
        let mut i = 0;
        while i < end {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let word_start = i;
            while i < end && (chars[i].is_alphanumeric() || is_inner_separator(&chars, i, end)) {
                i += 1;
            }
            let word = &chars[word_start..i];
            // A word with a digit is a number; only the others are lowercased, to look up.
            let number = word.iter().any(char::is_ascii_digit) || {
                lower.clear();
                lower.extend(word.iter().flat_map(|c| c.to_lowercase()));
                crate::text::number::is_number_word(&lower)
            };
            if number {
                found.push(TextSpan { block: span.block, start: from + word_start, end: from + i });
            }
        }
        found
    }
}

/// A `.` or `,` between two digits belongs to the number.
fn is_inner_separator(chars: &[char], i: usize, end: usize) -> bool {
    matches!(chars[i], '.' | ',')
        && i > 0
        && chars[i - 1].is_ascii_digit()
        && i + 1 < end
        && chars[i + 1].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(article: &Article, span: TextSpan) -> String {
        let chars: Vec<char> = article.blocks[span.block].plain_text().chars().collect();
        chars[span.start..span.end].iter().collect()
    }

    #[test]
    fn search_finds_every_match_case_insensitively_or_not() {
        let article = Article::from_markdown("The Railway and the *railway*.\n\nRAILWAY again.");
        let spans = article.find_all("railway", false);
        assert_eq!(spans.len(), 3);
        assert_eq!(text(&article, spans[1]), "railway");
        assert_eq!(spans[2].block, 1);
        let exact = article.find_all("Railway", true);
        assert_eq!(exact, [TextSpan { block: 0, start: 4, end: 11 }]);
        assert!(article.find_all("  ", false).is_empty());
    }

    #[test]
    fn search_folds_typography() {
        let article = Article::from_markdown("China\u{2019}s line \u{2013} cross\u{2011}border");
        assert_eq!(article.find_all("china's", false).len(), 1);
        assert_eq!(article.find_all("cross-border", false).len(), 1);
    }

    #[test]
    fn the_sentence_around_a_quote_stops_at_sentence_ends_not_decimals() {
        let article = Article::from_markdown(
            "It opened in 2021. It moved more than 50 million tonnes, of which 11.58 million crossed. Then more.",
        );
        let quote = article.find_quote("11.58 million").unwrap();
        assert_eq!(
            text(&article, article.sentence_around(quote)),
            "It moved more than 50 million tonnes, of which 11.58 million crossed."
        );
        let first = article.find_quote("opened").unwrap();
        assert_eq!(text(&article, article.sentence_around(first)), "It opened in 2021.");
        let last = article.find_quote("then more").unwrap();
        assert_eq!(text(&article, article.sentence_around(last)), "Then more.");
    }

    #[test]
    fn numbers_inside_a_quote_are_found_as_digits_and_words() {
        let article = Article::from_markdown("treaties with nine neighbours, 11.58 million tonnes and 1,200 ports");
        let all = TextSpan { block: 0, start: 0, end: 200 };
        let numbers: Vec<String> = article.numbers_in(all).into_iter().map(|s| text(&article, s)).collect();
        assert_eq!(numbers, ["nine", "11.58", "million", "1,200"]);
        // A span inside a block, after text that is not ASCII: offsets are the block's.
        let article = Article::from_markdown("Über 12 and 3.5 or nine, 7 more");
        let inside = article.find_quote("2 and 3.5 or nine").unwrap();
        let numbers: Vec<String> = article.numbers_in(inside).into_iter().map(|s| text(&article, s)).collect();
        assert_eq!(numbers, ["2", "3.5", "nine"]);
        let past = TextSpan { block: 0, start: 40, end: 50 };
        assert!(article.numbers_in(past).is_empty());
    }
}
