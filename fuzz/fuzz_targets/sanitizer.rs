//! Any text through the sanitiser: no control, bidi or zero-width character may come out, every
//! grapheme is as wide for ratatui as for a terminal that counts code points, and sanitising
//! twice changes nothing more.

#![no_main]

use coopdash::text::cells::first_unsettled;
use coopdash::text::{is_unsafe_char, sanitize, sanitize_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let clean = sanitize(text);
    assert!(!clean.chars().any(|c| c != '\n' && is_unsafe_char(c)), "{clean:?}");
    for line in clean.split('\n') {
        assert_eq!(first_unsettled(line), None, "{line:?}");
    }
    assert_eq!(sanitize(&clean), clean, "sanitising is idempotent");
    let line = sanitize_line(text);
    assert_eq!(first_unsettled(&line), None, "{line:?}");
    assert_eq!(sanitize_line(&line), line, "sanitising is idempotent");
});
