//! WinAnsiEncoding, the encoding of the standard PDF fonts' text: what Courier can show
//! without embedding anything.

/// The WinAnsi byte of a character, if it has one (printable ASCII, Latin-1 and the typography
/// of 0x80–0x9F: quotes, dashes, the ellipsis, the euro sign...).
pub fn byte(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match u32::from(c) {
        code @ 0x20..=0x7E => u8::try_from(code).ok(),
        // 0xA0 (no-break space) and 0xAD (soft hyphen) are in the encoding but draw as nothing
        // useful in a grid; the rest of Latin-1 is itself.
        code @ 0xA1..=0xFF if code != 0xAD => u8::try_from(code).ok(),
        _ => HIGH.iter().find(|&&(k, _)| k == c).map(|&(_, b)| b),
    }
}

#[cfg(test)]
mod tests {
    use super::byte;

    #[test]
    fn latin_text_and_typography_have_bytes_and_the_rest_none() {
        assert_eq!(byte('A'), Some(b'A'));
        assert_eq!(byte('é'), Some(0xE9));
        assert_eq!(byte('·'), Some(0xB7));
        assert_eq!(byte('“'), Some(0x93));
        assert_eq!(byte('–'), Some(0x96));
        for none in ['中', '≤', '→', '█', '\n', '\u{7f}'] {
            assert_eq!(byte(none), None, "{none}");
        }
    }
}
