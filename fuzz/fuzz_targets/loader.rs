//! Any bytes as `metrics.toml`: decoded, parsed and validated. The loader must answer with a
//! dataset or diagnostics, never a panic, an abort or a stack overflow.

#![no_main]

use std::path::Path;

use coopdash::dataset::{self, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = dataset::read::decode_utf8(data.to_vec(), "m.toml") {
        let _ = dataset::parse(&Origin { text: &text, file: "m.toml", base_dir: Path::new("") });
    }
});
