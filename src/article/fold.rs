//! Folding text for quote matching, so an editor's typography never breaks provenance.

/// The automaton that finds folded quotes in folded text, or `None` when it cannot be built.
/// A noncontiguous NFA, the quickest kind to build: aho-corasick's automatic choice builds a
/// DFA for a few dozen patterns, which cost 1.5 M instructions on the bundled dataset (14% of
/// its first frame) to save microseconds on one pass over a short article; for thousands of
/// patterns it picks this kind itself.
pub fn quote_automaton<I, P>(needles: I) -> Option<aho_corasick::AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA)).build(needles).ok()
}

/// Folds `text` for matching: lowercase, typographic quotes and dashes made plain, every run of
/// white space collapsed to one space. Returns the folded text and, for each of its chars, the
/// char offset in `text` it came from.
pub fn fold(text: &str) -> (String, Vec<usize>) {
    fold_with(text, true)
}

/// Like [`fold`], keeping the case when `lowercase` is false (a search with capitals).
///
/// Text that is not ASCII is sanitised first, as everything from a file already is, so a search
/// typed or pasted with `❤️`, `ｶﾞ` or `🇨🇳` matches the article's `❤`, `ガ` and `CN`. The
/// offsets are then into the sanitised text: for the article's own text, the text itself.
pub fn fold_with(text: &str, lowercase: bool) -> (String, Vec<usize>) {
    if text.is_ascii() {
        return fold_sanitised(text, lowercase);
    }
    fold_sanitised(&crate::text::sanitize_line(text), lowercase)
}

/// [`fold_with`] for text already sanitised (the article's own), which is not sanitised again.
pub(super) fn fold_sanitised(text: &str, lowercase: bool) -> (String, Vec<usize>) {
    let mut origins = Vec::with_capacity(text.len());
    let folded = fold_into(text, lowercase, Some(&mut origins));
    (folded, origins)
}

/// The folded text alone, for an index that needs no offsets until a match is found (the
/// article's folded blocks): no per-char offsets are built, which on a 100,000-line article
/// saved eight bytes a character of allocation and its page faults at every load.
pub(super) fn fold_sanitised_text(text: &str, lowercase: bool) -> String {
    fold_into(text, lowercase, None)
}

/// Folds `text` (sanitised), pushing each folded char's origin into `origins` if given.
fn fold_into(text: &str, lowercase: bool, mut origins: Option<&mut Vec<usize>>) -> String {
    if text.is_ascii() {
        return fold_ascii(text, lowercase, origins);
    }
    let mut folded = String::with_capacity(text.len());
    let mut in_space = false;
    for (offset, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                folded.push(' ');
                note(&mut origins, offset);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let plain = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            other => other,
        };
        if lowercase {
            for lower in plain.to_lowercase() {
                folded.push(lower);
                note(&mut origins, offset);
            }
        } else {
            folded.push(plain);
            note(&mut origins, offset);
        }
    }
    folded
}

/// Records where a folded char came from, when origins are wanted.
fn note(origins: &mut Option<&mut Vec<usize>>, offset: usize) {
    if let Some(origins) = origins {
        origins.push(offset);
    }
}

/// [`fold_into`] for ASCII text (most text): one pass without branches on the text, writing
/// each byte in place and advancing only past the bytes that stay (a space after a space does
/// not), then one pass of lowercasing. Folding a 100,000-line article's blocks (and
/// the offsets of the blocks its quotes stand in) took 230 M instructions byte by byte, 195 M
/// word by word, 182 M so; a branch for the case inside this loop made it 220 M.
fn fold_ascii(text: &str, lowercase: bool, origins: Option<&mut Vec<usize>>) -> String {
    let bytes = text.as_bytes();
    if origins.is_none() && single_spaced(bytes) {
        // Nothing to collapse (most paragraphs): folding is the case alone, a copy the compiler
        // vectorises. The article's blocks took 103 M instructions with the loop below.
        return if lowercase { text.to_ascii_lowercase() } else { text.to_owned() };
    }
    let mut folded = vec![0u8; bytes.len()];
    let mut kept = 0;
    let mut in_space = false;
    let mut step = |offset: usize, byte: u8, kept: &mut usize| {
        let space = byte.is_ascii_whitespace();
        folded[*kept] = if space { b' ' } else { byte };
        let stays = !(space && in_space);
        in_space = space;
        let at = *kept;
        *kept += usize::from(stays);
        (offset, at)
    };
    match origins {
        None => {
            for (offset, &byte) in bytes.iter().enumerate() {
                step(offset, byte, &mut kept);
            }
        }
        Some(origins) => {
            // ASCII: a char's offset is its byte's. A dropped space's slot is written over.
            let base = origins.len();
            origins.resize(base + bytes.len(), 0);
            for (offset, &byte) in bytes.iter().enumerate() {
                let (offset, at) = step(offset, byte, &mut kept);
                origins[base + at] = offset;
            }
            origins.truncate(base + kept);
        }
    }
    folded.truncate(kept);
    if lowercase {
        // Apart, not in the loop above: a branch there costs more than a second pass.
        folded.make_ascii_lowercase();
    }
    String::from_utf8(folded).unwrap_or_default()
}

/// Whether ASCII `bytes` have no white space but single spaces: no tab or line break, no two
/// spaces in a row. Without early exits, so that it runs many bytes at a time.
fn single_spaced(bytes: &[u8]) -> bool {
    let Some((&first, rest)) = bytes.split_first() else { return true };
    let other_space = |b: u8| b.is_ascii_whitespace() & (b != b' ');
    let pairs = bytes.iter().zip(rest).fold(false, |bad, (&a, &b)| bad | ((a == b' ') & (b == b' ')) | other_space(b));
    !(pairs | other_space(first))
}

/// The char offsets in `text` (sanitised) that the folded chars numbered `wanted` came from,
/// as [`fold_sanitised`]'s origins would give them, without folding the text: a quote found in
/// a block needs the offsets of its first and last chars only. `None` past the folded text.
pub(super) fn origins_at(text: &str, lowercase: bool, wanted: [usize; 2]) -> Option<[usize; 2]> {
    if !text.is_ascii() {
        let (_, origins) = fold_sanitised(text, lowercase);
        return Some([*origins.get(wanted[0])?, *origins.get(wanted[1])?]);
    }
    if single_spaced(text.as_bytes()) {
        // Nothing collapsed: each folded char is the byte at its own offset.
        return wanted.iter().all(|&at| at < text.len()).then_some(wanted);
    }
    // ASCII: one folded char per byte kept, and a byte is dropped only as a space after a space.
    let mut found = [None; 2];
    let (mut kept, mut in_space) = (0, false);
    for (offset, byte) in text.bytes().enumerate() {
        let space = byte.is_ascii_whitespace();
        if space && in_space {
            continue;
        }
        in_space = space;
        for (slot, &want) in found.iter_mut().zip(&wanted) {
            if want == kept {
                *slot = Some(offset);
            }
        }
        if kept >= wanted[0].max(wanted[1]) {
            break;
        }
        kept += 1;
    }
    Some([found[0]?, found[1]?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_space_quotes_and_dashes_fold() {
        assert_eq!(fold("China\u{2019}s  \n Laos\u{2013}Railway “Go”").0, "china's laos-railway \"go\"");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for text in ["A  b\tC\n\nd", "", "   ", "Quote: \"It's\" - done."] {
            for lowercase in [true, false] {
                let mut general = String::from(text);
                general.push('é'); // not ASCII: the general path
                let (folded, origins) = fold_with(&general, lowercase);
                let expected = (folded.trim_end_matches(['é', 'É']).to_owned(), origins[..origins.len() - 1].to_vec());
                assert_eq!(fold_with(text, lowercase), expected, "{text:?}");
            }
        }
    }

    proptest::proptest! {
        /// The word-at-a-time ASCII fold is the char-by-char fold, offsets included.
        #[test]
        fn any_ascii_text_folds_as_the_general_path_does(text in "[ -~\t\n\r]{0,60}", lowercase: bool) {
            let mut general = text.clone();
            general.push('é');
            let (folded, origins) = fold_with(&general, lowercase);
            let expected = (folded.trim_end_matches(['é', 'É']).to_owned(), origins[..origins.len() - 1].to_vec());
            proptest::prop_assert_eq!(fold_with(&text, lowercase), expected);
            proptest::prop_assert_eq!(fold_sanitised_text(&text, lowercase), fold_with(&text, lowercase).0);
        }

        /// The offsets of two folded chars are those the whole fold's origins give.
        #[test]
        fn origins_at_agree_with_the_whole_fold(text in "[ -~\t\né]{0,60}", a in 0usize..70, b in 0usize..70, lowercase: bool) {
            let (_, origins) = fold_sanitised(&text, lowercase);
            let expected = origins.get(a).copied().zip(origins.get(b).copied()).map(|(a, b)| [a, b]);
            proptest::prop_assert_eq!(origins_at(&text, lowercase, [a, b]), expected);
        }
    }

    #[test]
    fn a_query_folds_as_the_sanitised_article_does() {
        assert_eq!(fold("❤\u{fe0f}OK ｶﾞ 🇨🇳 co\u{ad}op").0, fold("❤ok ガ CN coop").0);
        let article = crate::article::Article::from_markdown("Trade with ｶﾞok and ❤\u{fe0f} too.");
        assert_eq!(article.find_all("ｶﾞok", false).len(), 1);
        assert_eq!(article.find_all("❤\u{fe0f} too", false).len(), 1);
    }

    #[test]
    fn origins_point_back_at_the_source_chars() {
        let (folded, origins) = fold("A  b");
        assert_eq!(folded, "a b");
        assert_eq!(origins, vec![0, 1, 3]);
    }
}
