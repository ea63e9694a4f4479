//! Which quotation marks open a quotation and which close one: Unicode's General_Category Pi
//! (initial punctuation) and Pf (final punctuation), every mark of each as of Unicode 15. The
//! line-break and sentence rules class all quotation marks alike; both of them need the
//! difference (see [`super::breaking`] and [`super::sentence`]). ASCII `"` and `'` are neither.

/// General_Category Pi: `«‘‛“‟‹⸂⸄⸉⸌⸜⸠`.
const INITIAL: [char; 12] = [
    '\u{ab}', '\u{2018}', '\u{201b}', '\u{201c}', '\u{201f}', '\u{2039}', '\u{2e02}', '\u{2e04}', '\u{2e09}',
    '\u{2e0c}', '\u{2e1c}', '\u{2e20}',
];

/// General_Category Pf: `»’”›⸃⸅⸊⸍⸝⸡`.
const FINAL: [char; 10] = [
    '\u{bb}', '\u{2019}', '\u{201d}', '\u{203a}', '\u{2e03}', '\u{2e05}', '\u{2e0a}', '\u{2e0d}', '\u{2e1d}',
    '\u{2e21}',
];

/// Whether `c` is an opening quotation mark (Pi).
pub(super) fn is_initial(c: char) -> bool {
    INITIAL.contains(&c)
}

/// Whether `c` is a closing quotation mark (Pf).
pub(super) fn is_final(c: char) -> bool {
    FINAL.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_english_quotes_open_and_close() {
        assert!(is_initial('“') && is_initial('‘') && is_initial('«'));
        assert!(is_final('”') && is_final('’') && is_final('»'));
        assert!(!is_initial('"') && !is_final('"') && !is_initial('「') && !is_final('」'));
    }
}
