//! Where sentences begin and end, by Unicode's sentence rules (UAX #29, as unicode-segmentation
//! implements them): `。！？` end a sentence with or without a space after them, `.` before a
//! digit or a lower-case word does not (`11.58`, `e.g. a`), and the closing quotes and brackets
//! after a sentence's end (`。”`, `.)`) belong to the sentence they close.
//!
//! One correction to the rules as written: UAX #29 lets every punctuation mark of its `Close`
//! class follow a sentence's end, openers included, so in `他笑了。“走吧。”` the `“` would end the
//! first sentence instead of starting the second. Opening brackets and opening quotes are given to
//! the sentence they open.

use unicode_linebreak::{BreakClass, break_property};
use unicode_segmentation::UnicodeSegmentation;

use super::quotes::is_initial;

/// The sentence of `text` that holds chars `start..end`, as a char range: from the start of the
/// sentence holding char `start` to the end of the sentence holding char `end - 1`, without the
/// spaces around it. A range that crosses sentences gets all of them; the result always covers
/// `start..end` (clamped to the text).
///
/// A hard line break (`\n`) does not end a sentence by itself: in a paragraph it is layout, and
/// the sentence goes on after it.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()).max(start.min(chars.len())));
    let starts = sentence_starts(&chars);
    // The last sentence that starts at or before `start`, and the first that starts after `end - 1`.
    let first = starts[starts.partition_point(|&s| s <= start).saturating_sub(1)];
    let last_char = end.saturating_sub(1).max(start);
    let after = starts.get(starts.partition_point(|&s| s <= last_char)).copied().unwrap_or(chars.len());
    let mut from = first;
    while from < start && chars[from].is_whitespace() {
        from += 1;
    }
    let mut to = after;
    while to > end && chars[to - 1].is_whitespace() {
        to -= 1;
    }
    (from, to.max(end))
}

/// The char offsets where the sentences of `chars` start, the first always 0.
fn sentence_starts(chars: &[char]) -> Vec<usize> {
    let text: String = chars.iter().collect();
    let mut starts = Vec::new();
    let mut offset = 0;
    for segment in text.split_sentence_bounds() {
        let mut at = offset;
        // An opener at the end of a segment starts the next sentence (see the module's comment).
        if let Some(&previous) = starts.last() {
            while at > previous + 1 && opens(chars[at - 1], chars.get(at).copied()) {
                at -= 1;
            }
            if at == previous + 1 && opens(chars[previous], chars.get(previous + 1).copied()) {
                // The previous segment is nothing but openers: leave it as UAX #29 cut it.
                at = offset;
            }
        }
        if starts.last() != Some(&at) {
            starts.push(at);
        }
        offset += segment.chars().count();
    }
    if starts.is_empty() {
        starts.push(0);
    }
    starts
}

/// Whether `c`, followed by `next`, opens a bracket (line-break class `OP`, which covers every
/// one) or a quotation: an initial quotation mark opens one when text follows it directly (one
/// followed by a space or the end closes one, as `“` does in German `„Gut.“ Er ging.`).
fn opens(c: char, next: Option<char>) -> bool {
    break_property(u32::from(c)) == BreakClass::OpenPunctuation
        || (is_initial(c) && next.is_some_and(|n| !n.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentence around the first occurrence of `quote` in `text`.
    fn around(text: &str, quote: &str) -> String {
        let byte = text.find(quote).expect("the quote is in the text");
        let start = text[..byte].chars().count();
        let end = start + quote.chars().count();
        let (from, to) = sentence_around(text, start, end);
        text.chars().skip(from).take(to - from).collect()
    }

    #[test]
    fn chinese_sentences_end_at_full_stops_without_a_space() {
        let text = "中国已与28个国家建立了伙伴关系。与25个国家签署了文件！还有吗？有。";
        assert_eq!(around(text, "28个"), "中国已与28个国家建立了伙伴关系。");
        assert_eq!(around(text, "25个"), "与25个国家签署了文件！");
        assert_eq!(around(text, "还有"), "还有吗？");
        assert_eq!(around(text, "有。"), "有。");
    }

    #[test]
    fn a_closing_quote_or_bracket_belongs_to_the_sentence_it_closes() {
        let text = "报道说：“中国已与25个国家签署了文件。”这些文件涵盖交通。（注：截至2025年。）完。";
        assert_eq!(around(text, "25个"), "报道说：“中国已与25个国家签署了文件。”");
        assert_eq!(around(text, "交通"), "这些文件涵盖交通。", "the bracket opens the next one");
        assert_eq!(around(text, "2025"), "（注：截至2025年。）");
        assert_eq!(around("He said “It opened.” Then it ran.", "opened"), "He said “It opened.”");
    }

    #[test]
    fn an_opening_quote_after_a_full_stop_starts_the_next_sentence() {
        let text = "他笑了。“走吧。”他说。「好。」";
        assert_eq!(around(text, "笑"), "他笑了。");
        assert_eq!(around(text, "走"), "“走吧。”");
        assert_eq!(around(text, "他说"), "他说。");
        assert_eq!(around(text, "好"), "「好。」");
    }

    #[test]
    fn latin_sentences_end_at_a_stop_and_a_space_not_inside_numbers() {
        let text = "It opened in 2021. It moved 11.58 million tonnes (e.g. fruit). Then more!  Done?";
        assert_eq!(around(text, "opened"), "It opened in 2021.");
        assert_eq!(around(text, "11.58"), "It moved 11.58 million tonnes (e.g. fruit).");
        assert_eq!(around(text, "more"), "Then more!");
        assert_eq!(around(text, "Done"), "Done?");
        assert_eq!(around("„Gut.“ Er ging.", "Gut"), "„Gut.“", "a Pi mark before a space closes");
    }

    #[test]
    fn a_quote_across_sentences_gets_all_of_them_and_a_hard_break_ends_none() {
        let text = "One. Two three. Four.";
        assert_eq!(around(text, "Two three. Four"), "Two three. Four.");
        assert_eq!(around("A line\nbroken by hand. Next.", "line"), "A line\nbroken by hand.");
    }

    #[test]
    fn odd_ranges_never_panic_and_cover_the_range() {
        assert_eq!(sentence_around("", 0, 0), (0, 0));
        assert_eq!(sentence_around("abc", 5, 9), (0, 3), "past the end: the last sentence");
        assert_eq!(sentence_around("Ab. Cd.", 2, 1), (0, 3));
        assert_eq!(sentence_around("“「（", 1, 2), (0, 3));
        assert_eq!(sentence_around("。。。", 0, 3), (0, 3));
    }
}
