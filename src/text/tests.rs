//! The sanitiser's width invariant, over any text: after sanitising, every grapheme is as wide
//! for ratatui as for a terminal that counts code points, and at least one cell wide.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::cells::{CLUSTER_BREAK, first_unsettled, ratatui_width, terminal_width};
use super::{is_unsafe_char, sanitize, sanitize_line};

/// Characters near every rule: presentation selectors, skin tones, flags, half-width kana and
/// their marks, jamo, Indic and Thai marks, keycaps, tags, ZWJ, lam-alef, Khmer coeng,
/// Tifinagh, Lisu, disputed and invisible characters, controls.
const NEAR: &[char] = &[
    '❤',
    '\u{fe0f}',
    '\u{fe0e}',
    '👍',
    '🏽',
    '\u{1f3fb}',
    '☝',
    '🇨',
    '🇳',
    'ｶ',
    'ﾊ',
    'ｱ',
    'ﾞ',
    'ﾟ',
    '\u{ad}',
    '⌚',
    '1',
    '#',
    '\u{20e3}',
    '\u{200d}',
    '🏴',
    '\u{e0067}',
    '\u{e007f}',
    '\u{1100}',
    '\u{1161}',
    '\u{11a8}',
    '가',
    '\u{115f}',
    '\u{1160}',
    '\u{3164}',
    '\u{ffa0}',
    'क',
    '\u{94d}',
    'ष',
    '\u{93f}',
    'ก',
    '\u{e31}',
    '\u{e33}',
    'か',
    '\u{3099}',
    '\u{309a}',
    '漢',
    '\u{fe00}',
    '\u{600}',
    '\u{605}',
    'e',
    '\u{301}',
    'a',
    ' ',
    '\n',
    '\t',
    '\r',
    '\u{1b}',
    '\u{644}',
    '\u{627}',
    'ក',
    '\u{17d2}',
    '\u{2d7f}',
    '\u{2d31}',
    '\u{a4f8}',
    '\u{a4fc}',
    '\u{2018}',
    '\u{fe01}',
    '\u{bbe}',
    'க',
    '\u{2630}',
    '\u{e0001}',
    '\u{e0100}',
    '\u{17b4}',
    '\u{34f}',
    '\u{180b}',
    '中',
    'ガ',
    '\u{1f468}',
    '\u{1f469}',
    '\u{302e}',
    '\u{17d8}',
    '\u{378}',
    '\u{1fa75}',
    '\u{2764}',
    '\u{263a}',
];

fn hostile_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![3 => prop::sample::select(NEAR), 1 => any::<char>()];
    prop::collection::vec(c, 0..24).prop_map(|chars| chars.into_iter().collect())
}

/// Why not every grapheme of `line` may reach a cell, if one may not.
fn unsettled(line: &str) -> Option<String> {
    let bad = first_unsettled(line)
        .or_else(|| line.graphemes(true).find(|g| g.chars().any(|c| is_unsafe_char(c) || c == '\u{fffd}')))?;
    Some(format!("{bad:?} in {line:?}: ratatui {} cells, a terminal {}", ratatui_width(bad), terminal_width(bad)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_grapheme_is_as_wide_for_ratatui_as_for_the_terminal(text in hostile_text()) {
        let line = sanitize_line(&text);
        prop_assert_eq!(unsettled(&line), None);
        prop_assert_eq!(sanitize_line(&line), line.clone(), "sanitising again changes nothing");
        let lines = sanitize(&text);
        for one in lines.split('\n') {
            prop_assert_eq!(unsettled(one), None);
        }
        prop_assert_eq!(sanitize(&lines), lines.clone(), "sanitising again changes nothing");
    }

    #[test]
    fn sanitised_texts_joined_stay_settled(a in hostile_text(), b in hostile_text()) {
        // The UI puts labels, units and titles next to each other in one span.
        let (a, b) = (sanitize_line(&a), sanitize_line(&b));
        for joined in [format!("{a}{b}"), format!("{a} {b}"), format!("{a}: {b}")] {
            prop_assert_eq!(unsettled(&joined), None);
        }
    }
}

#[test]
fn every_character_that_stands_alone_between_graphemes_is_unsafe() {
    // Such a character (grapheme class Control) splits what is around it; dropped later, it
    // would let its neighbours join into a grapheme the sanitiser never checked. The word
    // joiner is dropped in the first pass too, and put back only by the second.
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let alone = format!("a{c}\u{301}").graphemes(true).count() == 3;
        assert!(!alone || is_unsafe_char(c) || c == CLUSTER_BREAK, "U+{:04X}", u32::from(c));
    }
}

#[test]
fn every_base_with_every_disputed_follower_comes_out_settled() {
    // Each code point of the first plane, of the emoji blocks and of the tags and selectors,
    // followed by each character that changes a width in unicode-width's eyes, then ASCII: as a
    // label would hold it.
    let followers =
        ["", "\u{fe0f}", "\u{fe0e}", "\u{fe01}", "\u{1f3fd}", "\u{ff9e}", "\u{ff9f}", "\u{20e3}", "\u{301}"];
    let bases = (0x20..0x1_0000).chain(0x1_f000..0x1_fb00).chain(0xe_0000..0xe_0200).filter_map(char::from_u32);
    for base in bases {
        for follower in followers {
            let text = format!("{base}{follower}ok");
            let clean = sanitize_line(&text);
            assert_eq!(unsettled(&clean), None, "from {text:?}");
        }
    }
}
