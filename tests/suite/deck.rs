//! The deck coopdash makes when a dataset lists no `[[slide]]`: nothing empty, nothing too thin.

use crate::common;

use common::fixture_app;
use coopdash::deck::SlideKey;

fn keys(name: &str) -> Vec<SlideKey> {
    fixture_app(name, 80, 24).content().deck().iter().map(|slide| slide.key.clone()).collect()
}

#[test]
fn a_deck_ends_on_sources_only_when_there_are_sources() {
    // No [source], no article, no metric's source: nothing to credit.
    for name in ["tonnages", "single", "bounds"] {
        assert!(!keys(name).contains(&SlideKey::Sources), "{name}: {:?}", keys(name));
    }
    // A source and an article to credit.
    assert_eq!(keys("chinese").last(), Some(&SlideKey::Sources));
    // An article alone is credited too.
    assert_eq!(keys("longread").last(), Some(&SlideKey::Sources));
}

#[test]
fn a_lone_metric_without_a_quote_still_gets_its_big_number() {
    let deck = keys("single");
    assert!(deck.contains(&SlideKey::Metric("visitors".into())), "{deck:?}");
    // Several bars need no big numbers beside them: only quoted metrics get one.
    assert!(!keys("tonnages").iter().any(|key| matches!(key, SlideKey::Metric(_))), "{:?}", keys("tonnages"));
}
