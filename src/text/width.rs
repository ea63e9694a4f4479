//! Display-width helpers: terminals count columns, not bytes or chars.

use unicode_segmentation::UnicodeSegmentation;

use ratatui::buffer::CellWidth;

use super::cells::ratatui_width;

/// Columns `text` takes on screen: the sum of its graphemes' cells, as ratatui lays them out
/// (for sanitised text, also what the terminal draws; see [`super::cells`]).
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    match simple_widths(text).try_fold(0, |sum, width| Some(sum + width?)) {
        Some(sum) => sum,
        None => text.graphemes(true).map(ratatui_width).sum(),
    }
}

/// How many chars `text` has, if each is a grapheme of its own (see [`own_grapheme`]).
pub fn simple_chars(text: &str) -> Option<usize> {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Some(text.len());
    }
    text.chars().try_fold(0, |n, c| own_grapheme(c).then_some(n + 1))
}

/// The widths of `text`'s characters as far as each is a grapheme of its own (see
/// [`own_grapheme`]); `None` from the first that may not be (the rest are graphemes to find).
fn simple_widths(text: &str) -> impl Iterator<Item = Option<usize>> + '_ {
    text.chars().map(|c| match c {
        ' '..='~' => Some(1),
        c if alone(c) => Some(usize::from(c.encode_utf8(&mut [0; 4]).cell_width())),
        _ => None,
    })
}

/// Whether `c` is a grapheme of its own beside any other such character: printable ASCII, or
/// one of [`alone`]'s.
pub fn own_grapheme(c: char) -> bool {
    matches!(c, ' '..='~') || alone(c)
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
    // Char by char while each is a grapheme of its own: the cut then falls before such a
    // char, which joins nothing, so what is kept is what the graphemes would keep.
    let mut simple = true;
    for (c, width) in text.chars().zip(simple_widths(text)) {
        let Some(width) = width else {
            simple = false;
            break;
        };
        if used + width > max - 1 {
            break;
        }
        out.push(c);
        used += width;
    }
    if simple {
        out.push('…');
        return out;
    }
    (out, used) = (String::new(), 0);
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

/// Characters that are a grapheme of their own between any two characters that are printable
/// ASCII or of this list (Grapheme_Cluster_Break `Other`: no mark, joiner, prefix, control or
/// Hangul jamo), and at least one column wide: Latin-1 and Latin Extended letters, the general
/// punctuation (dashes, quotes, bullets), arrows, box drawing, blocks and shapes, CJK
/// ideographs and punctuation, fullwidth forms.
pub fn alone(c: char) -> bool {
    matches!(
        c,
        '\u{a1}'..='\u{ac}'
            | '\u{ae}'..='\u{24f}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{2190}'..='\u{25ff}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303f}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{ff01}'..='\u{ff60}'
    )
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

    /// Every character `alone` lets through is one or two columns wide and a grapheme of its
    /// own beside ASCII and beside itself, as the grapheme rules (ratatui's segmentation) say.
    #[test]
    fn the_characters_alone_are_graphemes_of_their_own() {
        use unicode_segmentation::UnicodeSegmentation;
        let all = (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|&c| alone(c));
        for c in all {
            let width = c.to_string().as_str().cell_width();
            assert!((1..=2).contains(&width), "{c:?} is {width} wide");
            let text = format!("a{c}b{c}{c}");
            assert_eq!(text.graphemes(true).count(), 5, "{c:?} joins a neighbour");
        }
    }

    proptest::proptest! {
        /// The short ways agree with the graphemes, on text of every kind (but controls,
        /// which sanitised text has none of).
        #[test]
        fn widths_and_cuts_are_the_graphemes(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "é", "e\u{301}", "\u{301}", "中", "“", "–", "·", "█", "\u{200d}", "👍", "\u{600}", "가",
            ]), 0..12),
            max in 0usize..20,
        ) {
            let text = parts.concat();
            let graphemes = || text.graphemes(true).map(|g| (g, ratatui_width(g)));
            let whole: usize = graphemes().map(|(_, w)| w).sum();
            proptest::prop_assert_eq!(width(&text), whole);
            let cut = if whole <= max {
                text.clone()
            } else if max == 0 {
                String::new()
            } else {
                let mut used = 0;
                let kept = graphemes().take_while(|&(_, w)| {
                    used += w;
                    used < max
                });
                kept.map(|(g, _)| g).collect::<String>() + "…"
            };
            proptest::prop_assert_eq!(truncate(&text, max), cut);
        }
    }
}
