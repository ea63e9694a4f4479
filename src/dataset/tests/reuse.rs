//! A dataset read reusing the metric tables kept from the last read is the dataset (or the
//! diagnostics) that reading the whole file gives, whatever the edit between the two reads.

use std::path::Path;

use proptest::prelude::*;

use super::super::reuse::Kept;
use super::*;

fn origin(text: &str) -> Origin<'_> {
    Origin { text, file: "metrics.toml", base_dir: Path::new("data") }
}

fn reusing(kept: &mut Kept, text: &str) -> Result<Dataset, Vec<Diagnostic>> {
    kept.read(&origin(text))
}

/// Every fixture dataset's text.
fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path().join("metrics.toml")).ok())
        .collect();
    texts.sort();
    texts
}

/// Bits of text an edit puts in: values, keys, lines, and everything that changes how TOML
/// reads what follows (quotes, brackets, comments, headers).
const PIECES: &[&str] = &[
    "1",
    "42.5",
    "\n",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "#",
    "[",
    "]",
    "{",
    "=",
    "\n[[metric]]\n",
    "[[metric]]\nid = \"new_one\"\nvalue = 7\n",
    "\n[[metric.history]]\ndate = 2020-01-01\nvalue = 1\n",
    "\n[metric.extra]\n",
    "\n[[chart]]\ntitle = \"C\"\nmetrics = [\"a\"]\n",
    "note = \"\"\"\n[[metric]]\n\"\"\"\n",
    "value = 3\n",
    "part_of = \"zz\"\n",
    "id = \"dup\"\n",
    "unit = \"kt\"\n",
    "# [[metric]]\n",
    "  [[metric]]  # spaced\n",
    "metric = []\n",
    "\r\n",
    "é",
];

/// One edit: replace a few characters at character `at` (taken modulo the text) by a piece, or
/// cut up to `len` characters there (whole tables, at times).
fn edit(text: &str, at: usize, len: usize, piece: usize, delete_only: bool) -> String {
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let start = boundaries[at % boundaries.len()];
    let len = if delete_only { len } else { len % 4 };
    let end = boundaries[(at % boundaries.len() + len).min(boundaries.len() - 1)];
    let piece = if delete_only { "" } else { PIECES[piece % PIECES.len()] };
    format!("{}{piece}{}", &text[..start], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// After any edits, one after another, each read equals the whole file's read, dataset or
    /// diagnostics, positions and all.
    #[test]
    fn a_read_reusing_kept_tables_is_the_whole_read(
        fixture in 0usize..64,
        edits in proptest::collection::vec((any::<usize>(), 0usize..200, any::<usize>(), any::<bool>()), 1..5),
    ) {
        let texts = fixtures();
        let mut text = texts[fixture % texts.len()].clone();
        let mut kept = Kept::default();
        prop_assert_eq!(reusing(&mut kept, &text), parse(&origin(&text)));
        for (at, len, piece, delete_only) in edits {
            text = edit(&text, at, len, piece, delete_only);
            prop_assert_eq!(reusing(&mut kept, &text), parse(&origin(&text)), "{}", text);
        }
    }
}

#[test]
fn a_changed_value_reads_only_its_table() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/yearly/metrics.toml"))
            .unwrap();
    let mut kept = Kept::default();
    let first = kept.read(&origin(&text)).expect("the fixture loads");
    assert!(first.metrics.len() >= 3 && kept.kept() == first.metrics.len(), "{}", kept.kept());
    let edited = text.replacen("value = ", "value = 1", 1);
    assert_eq!(kept.read(&origin(&edited)), parse(&origin(&edited)));
    assert_eq!(kept.parsed, 1, "only the changed table is read again");
    // Lines added above every table move them all: each is still reused, at its new line.
    let moved = format!("# a comment\n\n{edited}");
    assert_eq!(kept.read(&origin(&moved)), parse(&origin(&moved)));
    assert_eq!(kept.parsed, 0);
}

#[test]
fn a_broken_save_is_read_whole_and_the_fix_reuses_the_rest() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forty/metrics.toml"))
        .unwrap();
    let mut kept = Kept::default();
    assert!(kept.read(&origin(&text)).is_ok());
    let broken = text.replacen("value = ", "value = \"", 1);
    assert_eq!(kept.read(&origin(&broken)), parse(&origin(&broken)));
    assert!(kept.read(&origin(&broken)).is_err());
    assert_eq!(kept.read(&origin(&text)), parse(&origin(&text)));
    assert_eq!(kept.parsed, 1, "only the table fixed is read again");
}
