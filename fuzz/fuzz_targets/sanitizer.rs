//! Any text through the sanitiser: no control, bidi or zero-width character may come out (but
//! the word joiner that splits a grapheme of several cells), every
//! grapheme is as wide for ratatui as for a terminal that counts code points, and sanitising
//! twice changes nothing more.

#![no_main]

use coopdash::text::cells::{CLUSTER_BREAK, first_unsettled};
use coopdash::text::{is_unsafe_char, sanitize, sanitize_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let clean = sanitize(text);
    let unsafe_char = |c: char| c != '\n' && c != CLUSTER_BREAK && is_unsafe_char(c);
    assert!(!clean.chars().any(unsafe_char), "{clean:?}");
    for line in clean.split('\n') {
        assert_eq!(first_unsettled(line), None, "{line:?}");
    }
    assert_eq!(sanitize(&clean), clean, "sanitising is idempotent");
    let line = sanitize_line(text);
    assert_eq!(first_unsettled(&line), None, "{line:?}");
    assert_eq!(sanitize_line(&line), line, "sanitising is idempotent");
});
