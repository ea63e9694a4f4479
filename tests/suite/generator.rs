//! The generator of large datasets and articles (dev-only: benchmarks, the pty harness, the soak)
//! makes what they rely on: the same text for the same seed, valid datasets, quotes the article
//! contains.

#[path = "../../examples/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::path::Path;

use coopdash::article::Article;
use coopdash::dataset::{Origin, parse};

#[test]
fn generation_is_deterministic_and_sized() {
    assert_eq!(generate::article(500, 7), generate::article(500, 7));
    assert_ne!(generate::article(500, 7), generate::article(500, 8));
    let lines = generate::article(10_000, 1).lines().count();
    assert!((10_000..10_200).contains(&lines), "{lines}");
}

#[test]
fn generated_datasets_are_valid_and_quote_the_generated_article() {
    let text = generate::dataset(300, None);
    let d = parse(&Origin { text: &text, file: "generated.toml", base_dir: Path::new(".") }).expect("valid");
    assert_eq!(d.metrics.len(), 300);
    assert_eq!(d.charts.len(), 50);
    let article = Article::from_markdown(&generate::article(2_000, 1));
    let quoted = d.metrics.iter().filter_map(|m| m.quote.as_ref()).take(20);
    for quote in quoted {
        assert!(article.find_quote(&quote.text).is_some(), "{}", quote.text);
    }
}
