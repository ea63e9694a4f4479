//! Any text through the sanitiser: no control, bidi or zero-width character may come out, and
//! sanitising twice changes nothing more.

#![no_main]

use coopdash::text::{is_unsafe_char, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let clean = sanitize(text);
    assert!(!clean.chars().any(|c| c != '\n' && is_unsafe_char(c)), "{clean:?}");
    assert_eq!(sanitize(&clean), clean, "sanitising is idempotent");
});
