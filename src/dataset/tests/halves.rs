//! A first read in two halves, on two threads, is the dataset a whole read gives, or it gives
//! nothing and the whole read is taken: never another dataset.

use proptest::prelude::*;

use super::super::{chunks, halves, reuse::Kept};
use super::reuse::{edit, fixtures, origin};
use super::*;

/// The halves' read of `text`, if the cut finds metric tables and the halves read cleanly.
fn in_halves(text: &str) -> Option<Dataset> {
    halves::read(&origin(text), &chunks::split(text)?)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// After any edits, a dataset read in halves is the whole read's dataset, and a first read
    /// (halves or whole) gives what the whole read gives, diagnostics and all.
    #[test]
    fn a_read_in_halves_is_the_whole_read(
        fixture in 0usize..64,
        edits in proptest::collection::vec((any::<usize>(), 0usize..200, any::<usize>(), any::<bool>()), 0..4),
    ) {
        let texts = fixtures();
        let mut text = texts[fixture % texts.len()].clone();
        for (at, len, piece, delete_only) in edits {
            text = edit(&text, at, len, piece, delete_only);
        }
        let whole = parse(&origin(&text));
        if let Some(dataset) = in_halves(&text) {
            prop_assert_eq!(Ok(dataset), whole.clone(), "{}", text);
        }
        prop_assert_eq!(Kept::default().read(&origin(&text)), whole, "{}", text);
    }
}

#[test]
fn every_valid_fixture_of_two_metrics_or_more_is_read_in_halves() {
    let mut read = 0;
    for text in fixtures() {
        let Ok(whole) = parse(&origin(&text)) else { continue };
        if whole.metrics.len() < 2 || chunks::split(&text).is_none() {
            continue;
        }
        assert_eq!(in_halves(&text).as_ref(), Some(&whole), "{text}");
        read += 1;
    }
    assert!(read >= 3, "only {read} fixtures read in halves");
}

#[test]
fn positions_in_the_second_half_are_where_the_whole_text_has_them() {
    let metric = |i: usize| format!("[[metric]]\nid = \"m{i}\"\nvalue = {i}\nquote = \"q {i}\"\n\n");
    let text = format!(
        "title = \"T\"\n\n{}[[chart]]\ntitle = \"C\"\nmetrics = [\"m0\", \"m5\"]\n",
        (0..6).map(metric).collect::<String>()
    );
    let halves = in_halves(&text).expect("reads in halves");
    let last = halves.metrics[5].quote.as_ref().unwrap().position;
    assert_eq!(last, Position { line: 3 + 5 * 5 + 3, column: 9 });
    assert_eq!(Ok(halves), parse(&origin(&text)));
}
