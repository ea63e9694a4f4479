//! The sanitiser: no control or escape sequence from a file ever reaches the terminal.

use std::borrow::Cow;

/// Columns a tab advances to (the next multiple of this).
const TAB_STOP: usize = 4;

/// True for characters that must never be written to the terminal as they are: C0 and C1
/// controls, DEL, bidi overrides and isolates, zero-width characters and the BOM.
///
/// Newline is included: callers that keep line structure split on it first.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
        | '\u{2028}' | '\u{2029}'   // line and paragraph separators
        | '\u{202a}'..='\u{202e}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{feff}'                // BOM / zero-width no-break space
        | '\u{fff9}'..='\u{fffb}'   // interlinear annotation controls
    )
}

/// What an unsafe character becomes: C0 controls and DEL turn into their visible Unicode
/// "control picture" (ESC shows as `␛`), so a hostile file is visibly hostile; C1 controls become
/// `�`; invisible formatting characters are dropped.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// Make a multi-line text safe: keeps `\n`, turns CRLF and lone CR into `\n`, expands tabs, and
/// replaces or drops every other unsafe character (see [`is_unsafe_char`]).
///
/// Borrows when the text is already clean, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(normalised.len());
    for (i, line) in normalised.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&clean_line(&expand_tabs(line)));
    }
    Cow::Owned(out)
}

/// Whether a multi-line text needs no change. ASCII is checked byte by byte, which is what
/// nearly every file is; anything else char by char.
fn is_clean(text: &str) -> bool {
    if text.is_ascii() {
        return !text.bytes().any(|b| (b < 0x20 && b != b'\n') || b == 0x7f);
    }
    !text.chars().any(|c| c != '\n' && is_unsafe_char(c))
}

/// Make a single-line text safe (a label, a title, an error message): like [`sanitize`], but line
/// breaks and tabs become single spaces.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
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

fn clean_line(line: &str) -> Cow<'_, str> {
    if !line.chars().any(is_unsafe_char) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(line.chars().filter_map(|c| if is_unsafe_char(c) { replacement(c) } else { Some(c) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(safe, "a�31mbcdef␡");
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
}
