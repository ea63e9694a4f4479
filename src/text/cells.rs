//! The sanitiser's second pass: every grapheme of a line gets a width that ratatui and the
//! terminal agree on, or it does not reach the screen as it is.
//!
//! ratatui gives each grapheme one cell (or two) and measures it whole, with unicode-width's
//! rules for sequences: `❤` + U+FE0F is an emoji two cells wide, a half-width `ｶ` + `ﾞ` is three.
//! A terminal (tmux, xterm, the vt100 parser) advances its cursor per code point instead: one
//! cell for `❤`, none for U+FE0F. When the two differ, an incremental redraw leaves old glyphs
//! behind or shifts the rest of the row. The first pass ([`super::sanitize`]) removes the known
//! culprits; this pass checks every grapheme that is left and settles the rest.
//!
//! A grapheme of several code points that each take a cell (Devanagari `कि`, Thai `กำ`, a
//! conjunct `क्षि`) has the right width but the wrong shape: ratatui keeps it in one cell and
//! blanks the cells it covers, the terminal puts each code point in a cell of its own. When that
//! cell is later blanked, ratatui sees nothing to change and the vowel sign stays behind. So such
//! a grapheme is split, with a word joiner (U+2060, invisible and zero-width everywhere) before
//! each code point that takes a cell after the first: ratatui then has the cells the terminal has.

use std::borrow::Cow;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// What a character or grapheme that cannot be drawn alike everywhere becomes: the control
/// picture for SUB(stitute), one cell wide for ratatui and every terminal, and from the same
/// font block as the `␛` an escape character turns into. Not U+FFFD: the vt100 parser (vte)
/// takes that for its own decoding error and draws nothing.
pub const STAND_IN: char = '\u{241a}';

/// The width ratatui gives a grapheme: the columns it reserves for the cell.
pub fn ratatui_width(grapheme: &str) -> usize {
    match grapheme.as_bytes() {
        // ratatui filters control characters out before it measures (and asserts it did); a
        // line break inside wrapped text takes no room.
        [byte] if byte.is_ascii_control() => 0,
        _ => usize::from(grapheme.cell_width()),
    }
}

/// The width a terminal gives a grapheme: the sum of its code points' widths, zero for
/// combining and format characters.
pub fn terminal_width(grapheme: &str) -> usize {
    grapheme.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// What the sanitiser puts between the code points of a grapheme that would take several cells
/// (see the module's documentation): the word joiner, which splits a grapheme and not a word.
pub const CLUSTER_BREAK: char = '\u{2060}';

/// How many of a grapheme's code points take a cell.
fn spacing_chars(grapheme: &str) -> usize {
    grapheme.chars().filter(|c| c.width().is_some_and(|w| w > 0)).count()
}

/// Whether a grapheme may be drawn as it is: both widths agree, it takes at least one cell (a
/// grapheme of zero width, such as a combining mark with nothing to sit on, would be drawn by
/// the terminal on whatever cell is before it), and one code point takes them all.
pub fn is_settled(grapheme: &str) -> bool {
    let width = terminal_width(grapheme);
    width > 0 && width == ratatui_width(grapheme) && spacing_chars(grapheme) == 1
}

/// Whether `grapheme` is the sanitiser's own cluster break (zero-width, and meant).
fn is_cluster_break(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    chars.next() == Some(CLUSTER_BREAK) && chars.next().is_none()
}

/// The first grapheme of `line` that may not be drawn as it is (see [`is_settled`]), if any:
/// after sanitising, there is none.
pub fn first_unsettled(line: &str) -> Option<&str> {
    line.graphemes(true).find(|g| !(g.len() == 1 && *g != "\n" || is_cluster_break(g) || is_settled(g)))
}

/// Variation selectors: they ask for a presentation (text, emoji, a glyph variant) that
/// unicode-width honours and terminals do not, so where they change the width they go.
fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// A grapheme of one code point with a width: ratatui measures every such code point as the
/// terminal does but the half-width voiced marks (a test checks each one), and the first pass
/// leaves none of those. The fast path for most of any text that is not ASCII.
fn is_lone_visible_char(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.width().is_some_and(|w| w > 0) && !matches!(c, '\u{ff9e}' | '\u{ff9f}'),
        _ => false,
    }
}

/// What a grapheme becomes. `None`: it stays as it is.
fn settle(grapheme: &str) -> Option<Cow<'static, str>> {
    if grapheme.len() == 1 || is_lone_visible_char(grapheme) || is_cluster_break(grapheme) || is_settled(grapheme) {
        return None;
    }
    if terminal_width(grapheme) == 0 {
        return Some(Cow::Borrowed(""));
    }
    if spacing_chars(grapheme) > 1 {
        // One cell per code point that takes one, as the terminal draws it; the pieces are
        // checked in the next pass.
        let mut split = String::with_capacity(grapheme.len() + 6);
        for c in grapheme.chars() {
            if c.width().is_some_and(|w| w > 0) && !split.is_empty() {
                split.push(CLUSTER_BREAK);
            }
            split.push(c);
        }
        return Some(Cow::Owned(split));
    }
    // `⌚` + U+FE0E: unicode-width draws it one cell wide as text asks, terminals two. Without
    // the selector both say two.
    let mut chars = grapheme.chars();
    let plain: String = chars.next().into_iter().chain(chars.filter(|&c| !is_variation_selector(c))).collect();
    if plain.len() < grapheme.len() && is_settled(&plain) {
        return Some(Cow::Owned(plain));
    }
    // Anything else two programs measure differently: a stand-in one cell wide everywhere.
    Some(Cow::Owned(STAND_IN.to_string()))
}

/// Settles every grapheme of a line (see the module's documentation). Borrows when every
/// grapheme already is.
pub fn settle_line(line: &str) -> Cow<'_, str> {
    if line.is_ascii() {
        return Cow::Borrowed(line);
    }
    let mut current = Cow::Borrowed(line);
    // Dropping a grapheme can let its neighbours join into one that was never checked (a
    // leading jamo and a syllable on either side of a lone trailing jamo), so the pass repeats
    // until nothing changes. Each pass only removes characters or puts the stand-in for a
    // grapheme; two passes settle anything the property tests and the fuzzer have found, and
    // the bound keeps it cheap whatever the text.
    let mut passes = 0;
    loop {
        // A word joiner the first pass would drop must not lead the line: without it, the marks
        // after it would start the line and go (the next sanitising would drop them), so they
        // go now. Each strip shortens the line, so this ends too.
        if let Some(rest) = current.strip_prefix(CLUSTER_BREAK) {
            current = Cow::Owned(rest.to_owned());
            continue;
        }
        if passes == 4 {
            break;
        }
        passes += 1;
        match settle_once(&current) {
            Some(next) => current = Cow::Owned(next),
            None => break,
        }
    }
    current
}

fn settle_once(line: &str) -> Option<String> {
    let at_edges = |at: usize, grapheme: &str| -> Option<Cow<'static, str>> {
        // A line is drawn beside other text (a label after a marker, a unit after a space):
        // it may not start with a mark that would join what is before it, nor end with what
        // would take the next text into its grapheme (a prepended number sign, a leading jamo,
        // a consonant with a virama).
        // (A syllable before it takes a vowel or trailing jamo in too: `가` + `ᅡ`.)
        if at == 0 && !grapheme.is_ascii() && ["a", "가", "각"].iter().any(|before| joins(before, grapheme)) {
            return Some(Cow::Borrowed(""));
        }
        let settled = settle(grapheme);
        let last = settled.as_deref().unwrap_or(grapheme);
        if at + grapheme.len() == line.len()
            && !last.is_ascii()
            && ["a", "ᄀ", "가", "क"].iter().any(|next| joins(last, next))
        {
            return Some(Cow::Owned(format!("{last}{CLUSTER_BREAK}")));
        }
        settled
    };
    let mut graphemes = line.grapheme_indices(true);
    let (start, replacement) = graphemes.by_ref().find_map(|(at, g)| at_edges(at, g).map(|r| (at, r)))?;
    let mut out = String::with_capacity(line.len());
    out.push_str(&line[..start]);
    out.push_str(&replacement);
    for (at, grapheme) in graphemes {
        match at_edges(at, grapheme) {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(grapheme),
        }
    }
    Some(out)
}

/// Whether `after` would be part of the last grapheme of `before` if the two were one text.
fn joins(before: &str, after: &str) -> bool {
    let mut joined = String::with_capacity(before.len() + after.len());
    joined.push_str(before);
    joined.push_str(after);
    joined.graphemes(true).count() < before.graphemes(true).count() + after.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_widths_are_what_ratatui_and_a_terminal_count() {
        assert_eq!((ratatui_width("❤\u{fe0f}"), terminal_width("❤\u{fe0f}")), (2, 1));
        assert_eq!((ratatui_width("👍🏽"), terminal_width("👍🏽")), (2, 4));
        assert_eq!((ratatui_width("ｶﾞ"), terminal_width("ｶﾞ")), (3, 2));
        assert_eq!((ratatui_width("中"), terminal_width("中")), (2, 2));
        assert_eq!((ratatui_width("e\u{301}"), terminal_width("e\u{301}")), (1, 1));
        assert_eq!(ratatui_width("\n"), 0, "a line break, which ratatui never measures");
    }

    #[test]
    fn one_code_point_with_a_width_is_as_wide_for_ratatui_as_for_the_terminal() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
            let one = c.to_string();
            if is_lone_visible_char(&one) {
                assert_eq!(ratatui_width(&one), terminal_width(&one), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn agreed_graphemes_stay_and_the_line_is_borrowed() {
        for line in [
            "plain",
            "中文 é e\u{301} क् ก\u{e31} 가 \u{1100}\u{1161}\u{11a8} 漢\u{fe00} 1\u{20e3}",
            "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
        ] {
            assert!(matches!(settle_line(line), Cow::Borrowed(_)), "{line:?}");
        }
    }

    #[test]
    fn a_text_presentation_selector_that_narrows_a_wide_emoji_goes() {
        assert_eq!(settle_line("⌚\u{fe0e} ok"), "⌚ ok");
        // On a narrow base it changes nothing and stays.
        assert_eq!(settle_line("❤\u{fe0e} ok"), "❤\u{fe0e} ok");
    }

    #[test]
    fn a_selector_on_a_curly_quote_goes() {
        // unicode-width draws U+2018 + VS2 two cells wide; terminals one.
        assert_eq!(settle_line("\u{2018}\u{fe01}x"), "\u{2018}x");
    }

    #[test]
    fn a_grapheme_of_several_spacing_code_points_is_split_into_cells() {
        assert_eq!(settle_line("कि ok"), "क\u{2060}ि ok");
        assert_eq!(settle_line("क्षि"), "क्\u{2060}ष\u{2060}ि");
        assert_eq!(settle_line("ก\u{e33}"), "ก\u{2060}\u{e33}");
        assert_eq!(settle_line("\u{600}12"), "\u{600}\u{2060}12", "a prepended number sign");
        // One spacing code point with its marks is one cell, as the terminal has it.
        assert!(matches!(settle_line("e\u{301} क् 가 \u{1100}\u{1161}\u{11a8}"), Cow::Borrowed(_)));
        // Split, it stays split.
        assert!(matches!(settle_line("क\u{2060}ि"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_line_neither_starts_with_a_mark_nor_ends_taking_the_next_text_in() {
        assert_eq!(settle_line("\u{93f}ok"), "ok", "a vowel sign with nothing to sit on");
        assert_eq!(settle_line("ok \u{600}"), "ok \u{600}\u{2060}", "a number sign");
        assert_eq!(settle_line("ok \u{1100}"), "ok \u{1100}\u{2060}", "a leading jamo");
        assert_eq!(settle_line("ok क्"), "ok क्\u{2060}", "a consonant with its virama");
        assert!(matches!(settle_line("ok क"), Cow::Borrowed(_)));
    }

    #[test]
    fn zero_width_graphemes_go() {
        assert_eq!(settle_line("\u{301}\u{302}ab"), "ab");
        assert_eq!(settle_line("a\u{1161}b"), "ab", "a lone Hangul vowel jamo");
        assert_eq!(settle_line("\u{20e3}1"), "1", "a keycap with no key");
    }

    #[test]
    fn what_cannot_be_mended_becomes_one_replacement_character() {
        // A half-width voiced mark the first pass missed: ratatui 2, a terminal 1.
        assert_eq!(settle_line("aﾞok"), "a\u{2060}\u{241a}ok");
    }

    #[test]
    fn a_line_never_starts_with_the_word_joiner_of_a_split() {
        // A lone vowel jamo carrying two spacing marks: split, the jamo (of no width) dropped,
        // and the marks that would then lead the line dropped too, as sanitising again would.
        assert_eq!(settle_line("\u{1161}\u{e33}\u{93f}"), "");
    }
}
