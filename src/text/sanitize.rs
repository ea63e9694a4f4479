//! The sanitiser: no control or escape sequence from a file ever reaches the terminal, and no
//! grapheme that ratatui and the terminal would measure differently.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::cells::{CLUSTER_BREAK, STAND_IN, settle_line};
use super::disputed::is_disputed;

/// Columns a tab advances to (the next multiple of this).
const TAB_STOP: usize = 4;

/// True for characters that must never be written to the terminal as they are: C0 and C1
/// controls, DEL, bidi overrides, isolates and marks, zero-width characters, the BOM, and every
/// other invisible format character that stands alone between graphemes (the soft hyphen,
/// which terminals draw one cell wide and unicode-width none; the Mongolian vowel separator;
/// musical and shorthand format controls; unassigned default-ignorables; language tags). The
/// word joiner is not among them: the sanitiser drops it and puts its own where a grapheme must
/// be split (see [`super::cells`]).
///
/// Newline is included: callers that keep line structure split on it first.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'                  // soft hyphen
        | '\u{61c}'                 // Arabic letter mark (bidi)
        | '\u{180e}'                // Mongolian vowel separator
        | '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
        | '\u{2028}' | '\u{2029}'   // line and paragraph separators
        | '\u{202a}'..='\u{202e}'   // bidi embeddings and overrides
        | '\u{2061}'..='\u{206f}'   // invisible operators, bidi isolates, deprecated format
        | '\u{feff}'                // BOM / zero-width no-break space
        | '\u{fff0}'..='\u{fffb}'   // unassigned specials, interlinear annotation controls
        | '\u{13430}'..='\u{1343f}' // Egyptian hieroglyph format controls
        | '\u{1bca0}'..='\u{1bca3}' // shorthand format controls
        | '\u{1d173}'..='\u{1d17a}' // musical format controls
        | '\u{e0000}'..='\u{e001f}' // language tag and unassigned
        | '\u{e0080}'..='\u{e00ff}'
        | '\u{e01f0}'..='\u{e0fff}'
    )
}

/// What an unsafe character becomes: C0 controls and DEL turn into their visible Unicode
/// "control picture" (ESC shows as `␛`), so a hostile file is visibly hostile; C1 controls become
/// the stand-in `␚`; invisible formatting characters are dropped.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some(STAND_IN),
        _ => None,
    }
}

/// The emoji variation selector: it asks for an emoji two cells wide, which unicode-width
/// grants and tmux does not (`❤️`). Without it the text presentation is one cell everywhere.
const EMOJI_PRESENTATION: char = '\u{fe0f}';

/// Skin tones: after a base unicode-width folds them into the emoji, terminals give them two
/// more cells (`👍🏽`: 2 against 4). The base emoji stays.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1f3fb}'..='\u{1f3ff}')
}

/// Regional indicators pair into flags, one cell or two depending on the terminal and its
/// font; each becomes its ASCII letter (`🇨🇳` → `CN`), which every terminal draws alike. No
/// brackets: `[CN]:` at the start of a line would be a Markdown link definition.
fn regional_letter(c: char) -> Option<char> {
    let index = u32::from(c).checked_sub(0x1f1e6).filter(|&i| i < 26)?;
    char::from_u32(u32::from('A') + index)
}

/// Half-width katakana, which a half-width voiced mark composes with.
fn is_halfwidth_katakana(c: char) -> bool {
    matches!(c, '\u{ff66}'..='\u{ff9d}')
}

/// Whether the first pass changes `c` (the ASCII bytes other than controls never are).
fn needs_rewrite(c: char) -> bool {
    is_unsafe_char(c)
        || matches!(c, EMOJI_PRESENTATION | CLUSTER_BREAK | '\u{ff9e}' | '\u{ff9f}')
        || is_emoji_modifier(c)
        || regional_letter(c).is_some()
        || (!c.is_ascii() && is_disputed(c))
        || c == '\u{fffd}'
}

/// The first pass, char by char: unsafe characters replaced or dropped, presentation selectors
/// and skin tones dropped, flags spelled out, half-width voiced marks composed, and characters
/// whose width terminals dispute replaced by the stand-in `␚`: so is U+FFFD, which a vt100
/// parser does not draw at all.
fn rewrite_chars(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if is_unsafe_char(c) {
            out.extend(replacement(c));
        } else if c == EMOJI_PRESENTATION || is_emoji_modifier(c) || c == CLUSTER_BREAK {
            // Dropped: the text presentation, the base emoji without its tone; a word joiner
            // (invisible, and harmless) only where the second pass puts its own.
        } else if let Some(letter) = regional_letter(c) {
            out.push(letter);
        } else if matches!(c, '\u{ff9e}' | '\u{ff9f}') {
            // `ｶﾞ` is two cells in a terminal and three for ratatui, which counts the mark
            // twice. Composed it is `ガ`, two cells everywhere; a mark on anything else is the
            // spacing full-width one, `゛` or `゜`.
            match out.pop() {
                Some(base) if is_halfwidth_katakana(base) => out.extend([base, c].into_iter().nfkc()),
                last => {
                    out.extend(last);
                    out.push(if c == '\u{ff9e}' { '\u{309b}' } else { '\u{309c}' });
                }
            }
        } else if !c.is_ascii() && is_disputed(c) || c == '\u{fffd}' {
            out.push(STAND_IN);
        } else {
            out.push(c);
        }
    }
    out
}

/// Make a multi-line text safe: keeps `\n`, turns CRLF and lone CR into `\n`, expands tabs, and
/// cleans every line (see [`sanitize_line`]).
///
/// Borrows when the text is already clean, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if printable_ascii_lines(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let normalised = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let lines: Vec<Cow<'_, str>> = normalised
        .split('\n')
        .map(|line| match expand_tabs(line) {
            Cow::Borrowed(line) => clean_line(line),
            Cow::Owned(line) => Cow::Owned(clean_line(&line).into_owned()),
        })
        .collect();
    if matches!(normalised, Cow::Borrowed(_)) && lines.iter().all(|line| matches!(line, Cow::Borrowed(_))) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(lines.join("\n"))
}

/// Whether `bytes` are printable ASCII and line breaks only (most articles): such text is
/// clean as it is. Checked a block at a time without early exits inside one, which the compiler
/// vectorises: a byte-by-byte check took 88 M instructions on a 6.7 MB article.
fn printable_ascii_lines(bytes: &[u8]) -> bool {
    bytes.chunks(256).all(|chunk| {
        // Printable ASCII is 0x20..=0x7e: past 0x20, below 0x5f.
        !chunk.iter().fold(false, |bad, &b| bad | ((b.wrapping_sub(0x20) >= 0x5f) & (b != b'\n')))
    })
}

/// Make a single-line text safe (a label, a title, an error message): like [`sanitize`], but line
/// breaks and tabs become single spaces.
///
/// What comes out has no control, bidi or invisible format character, and every grapheme in it
/// is at least one cell wide and as wide for ratatui as for a terminal that counts code points
/// (tmux, xterm, vt100): see [`super::cells`]. Sanitising again changes nothing.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r', '\t']) {
        return clean_line(text);
    }
    let spaced: String = text.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    Cow::Owned(clean_line(&spaced).into_owned())
}

/// Expand tabs to spaces at [`TAB_STOP`] columns, counting characters (the stop is only a
/// readability aid, so exact display width does not matter here).
pub fn expand_tabs(line: &str) -> Cow<'_, str> {
    if !line.contains('\t') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + TAB_STOP);
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let spaces = TAB_STOP - column % TAB_STOP;
            out.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        } else {
            out.push(c);
            column += 1;
        }
    }
    Cow::Owned(out)
}

/// Both passes over one line without line breaks or tabs.
fn clean_line(line: &str) -> Cow<'_, str> {
    if line.is_ascii() {
        if !line.bytes().any(|b| b < 0x20 || b == 0x7f) {
            return Cow::Borrowed(line);
        }
        return Cow::Owned(rewrite_chars(line));
    }
    if !line.chars().any(needs_rewrite) {
        return settle_line(line);
    }
    let rewritten = rewrite_chars(line);
    match settle_line(&rewritten) {
        Cow::Borrowed(_) => Cow::Owned(rewritten),
        Cow::Owned(settled) => Cow::Owned(settled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The block-at-a-time check is the byte-by-byte one, whatever the bytes and length.
        #[test]
        fn the_printable_check_is_the_plain_one(text in "[ -~\n]{0,600}", bad in proptest::option::of((0usize..600, "[\x00-\x1f\x7f\u{80}-\u{10ffff}]"))) {
            let mut text = text;
            if let Some((at, c)) = bad {
                let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                text.insert_str(at, &c);
            }
            let plain = text.is_ascii() && !text.bytes().any(|b| (b < 0x20 && b != b'\n') || b == 0x7f);
            proptest::prop_assert_eq!(printable_ascii_lines(text.as_bytes()), plain);
        }
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("plain\ntext — 中文"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let hostile = "title\u{1b}]0;pwned\u{7}\u{1b}[2J end";
        let safe = sanitize_line(hostile);
        assert_eq!(safe, "title␛]0;pwned␇␛[2J end");
        assert!(!safe.chars().any(is_unsafe_char));
    }

    #[test]
    fn c1_controls_bidi_and_zero_width_are_neutralised() {
        let safe = sanitize_line("a\u{9b}31mb\u{202e}c\u{2066}d\u{200b}e\u{feff}f\u{7f}");
        assert_eq!(safe, "a␚31mbcdef␡");
    }

    #[test]
    fn line_endings_are_normalised_and_tabs_expanded() {
        assert_eq!(sanitize("a\r\nb\rc\td"), "a\nb\nc   d");
        assert_eq!(sanitize_line("a\nb\tc\r"), "a b c ");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(expand_tabs("\tx"), "    x");
        assert_eq!(expand_tabs("abc\tx"), "abc x");
        assert_eq!(expand_tabs("abcd\tx"), "abcd    x");
    }

    #[test]
    fn the_soft_hyphen_goes() {
        assert_eq!(sanitize_line("co\u{ad}operation"), "cooperation");
        assert_eq!(sanitize("a\u{ad}\nb\u{ad}"), "a\nb");
    }

    #[test]
    fn emoji_take_their_text_presentation() {
        assert_eq!(sanitize_line("❤\u{fe0f}ok"), "❤ok");
        assert_eq!(sanitize_line("☺\u{fe0f} ©\u{fe0f} ↔\u{fe0f}"), "☺ © ↔");
        assert_eq!(sanitize_line("1\u{fe0f}\u{20e3} #\u{fe0f}\u{20e3}"), "1\u{20e3} #\u{20e3}", "keycaps");
        assert_eq!(sanitize_line("⌚\u{fe0e}ok"), "⌚ok", "text presentation of a wide emoji");
    }

    #[test]
    fn skin_tones_go_and_the_emoji_stays() {
        assert_eq!(sanitize_line("👍🏽ok ☝\u{1f3fb}"), "👍ok ☝");
        assert_eq!(sanitize_line("\u{1f3ff} alone"), " alone");
    }

    #[test]
    fn flags_are_spelled_out() {
        assert_eq!(sanitize_line("🇨🇳 China, 🇱🇦🇹🇭"), "CN China, LATH");
        assert_eq!(sanitize_line("🇨x"), "Cx", "a lone indicator");
    }

    #[test]
    fn half_width_voiced_marks_compose_with_their_kana() {
        assert_eq!(sanitize_line("ｶﾞok ﾊﾟ ｳﾞ"), "ガok パ ヴ");
        // No precomposed form: the full-width kana with the combining mark, as wide as before.
        assert_eq!(sanitize_line("ｱﾞ"), "ア\u{3099}");
        // On anything else, the spacing full-width mark.
        assert_eq!(sanitize_line("aﾞ ﾟ カﾞ"), "a\u{309b} \u{309c} カ\u{309b}");
        assert_eq!(sanitize_line("ｶok"), "ｶok", "half-width kana alone stay");
    }

    #[test]
    fn characters_whose_width_is_disputed_become_the_stand_in() {
        // Tamil vowel sign AA: unicode-width none, tmux one; the trigram: two against one;
        // U+0378 is unassigned (tmux draws nothing); the Hangul filler: none against two.
        assert_eq!(sanitize_line("கா ☰ \u{378} \u{3164}x \u{fffd}"), "க␚ ␚ ␚ ␚x ␚");
    }

    #[test]
    fn joined_emoji_fall_apart_into_their_parts() {
        // The joiner is a zero-width character: what is left is two emoji, two cells each.
        assert_eq!(sanitize_line("👨\u{200d}👩"), "👨👩");
    }

    #[test]
    fn sequences_everyone_measures_alike_stay() {
        for text in ["가 \u{1100}\u{1161}\u{11a8}", "क् ", "ก\u{e31}", "か\u{3099}", "漢\u{fe00}", "e\u{301}"]
        {
            assert!(matches!(sanitize_line(text), Cow::Borrowed(_)), "{text:?}");
        }
        let england = "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(sanitize_line(england), england);
    }

    #[test]
    fn a_cluster_of_several_cells_is_split_where_the_terminal_splits_it() {
        assert_eq!(sanitize_line("हिंदी ok"), "ह\u{2060}िंद\u{2060}ी ok");
        // A word joiner from the file goes like any invisible character; the sanitiser puts
        // back only its own.
        assert_eq!(sanitize_line("a\u{2060}b \u{2060}क\u{2060}ि"), "ab क\u{2060}ि");
    }

    #[test]
    fn invisible_format_characters_go() {
        assert_eq!(sanitize_line("a\u{61c}b\u{180e}c\u{206a}d\u{e0001}e\u{1d173}f"), "abcdef");
    }
}
