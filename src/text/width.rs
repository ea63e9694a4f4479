//! Display-width helpers: terminals count columns, not bytes or chars.

use unicode_segmentation::UnicodeSegmentation;

use super::cells::ratatui_width;

/// Columns `text` takes on screen: the sum of its graphemes' cells, as ratatui lays them out
/// (for sanitised text, also what the terminal draws; see [`super::cells`]).
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true).map(ratatui_width).sum()
}

/// Cuts `text` to at most `max` columns, ending with `…` when something was cut. Never splits a
/// grapheme: a CJK glyph that would straddle the limit is left out whole, and an accent stays
/// with its letter.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = ratatui_width(grapheme);
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        assert_eq!(truncate("Belt", 10), "Belt");
        assert_eq!(truncate("Belt", 4), "Belt");
    }

    #[test]
    fn long_text_ends_with_an_ellipsis_within_the_limit() {
        assert_eq!(truncate("Belt and Road", 6), "Belt …");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wide_characters_are_never_split() {
        let cut = truncate("中国老挝铁路", 6);
        assert_eq!(cut, "中国…");
        assert!(width(&cut) <= 6);
    }

    #[test]
    fn graphemes_are_never_split() {
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("क्षि क्षि", 4), "क्षि…");
    }

    #[test]
    fn width_is_what_ratatui_lays_out() {
        assert_eq!(width("ab中"), 4);
        assert_eq!(width("e\u{301}"), 1);
        // Arabic lam-alef: unicode-width's whole-string width is one, but ratatui draws each
        // grapheme in its own cell, and so does a terminal.
        assert_eq!(width("\u{644}\u{627}"), 2);
    }
}
