//! Warnings about the points of metrics' histories: a point with neither a quote nor a source
//! has nothing to show where it comes from, and a point's quote the article does not hold is no
//! evidence, and nor is one whose numbers all disagree with the point's value (warnings, as for
//! a metric's quote: the data may be shown beside another article).

use std::sync::Arc;

use crate::article::Article;
use crate::dataset::{Dataset, Diagnostic, Position};
use crate::provenance::quote_numbers::contradiction;

/// Every history warning of `dataset`, as `file` (the dataset's name); `article` is the one the
/// quotes are looked up in, named `article_name`. The latest point's quote, when it is the
/// metric's own, is warned about once, as the metric's.
pub fn warnings(dataset: &Dataset, article: Option<&Arc<Article>>, article_name: &str, file: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut quoted = Vec::new();
    for metric in &dataset.metrics {
        for point in &metric.history {
            if point.quote.is_none() && point.source.is_none() {
                let message = format!("point {} of `{}` has neither a quote nor a source", point.date, metric.id);
                let hint = "add `source = \"https://…\"`, or a `quote` of the article that states it";
                found.push(Diagnostic::warning(file, Some(point.position), message).spanning(10).with_hint(hint));
            }
            let own = metric.quote.as_ref().map(|q| q.position);
            if let Some(quote) = point.quote.as_ref().filter(|q| Some(q.position) != own) {
                quoted.push((metric.id.as_str(), point.date, quote));
                let candidates = super::quotes::candidates_of(&metric.unit, &point.notation, point.value);
                if let Some(numbers) = contradiction(&quote.text, &candidates) {
                    let number = super::quotes::shown(&numbers);
                    let said = &quote.text[number.start..number.end];
                    let message = format!(
                        "point {} of `{}` is {} but its quote says {said}",
                        point.date,
                        metric.id,
                        point.display_value(&metric.unit)
                    );
                    let before = quote.text[..number.start].chars().count();
                    let at = Position { line: quote.position.line, column: quote.position.column + 1 + before };
                    let hint = "correct the value, or quote the sentence that states it";
                    found.push(
                        Diagnostic::warning(file, Some(at), message).spanning(said.chars().count()).with_hint(hint),
                    );
                }
            }
        }
    }
    if let Some(article) = article {
        let texts: Vec<&str> = quoted.iter().map(|(_, _, q)| q.text.as_str()).collect();
        for ((id, date, quote), place) in quoted.iter().zip(super::found::quotes_in(article, &texts)) {
            if place.place.is_none() {
                let message = format!("quote of `{id}` at {date} not found in {article_name}: \"{}\"", quote.text);
                let width = quote.text.chars().count() + 2;
                found.push(Diagnostic::warning(file, Some(quote.position), message).spanning(width));
            }
        }
    }
    found.sort_by_key(|d| d.position);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title = \"T\"\n[[metric]]\nid = \"a\"\nhistory = [\n  { date = 2020-01-01, value = 1 },\n  \
                        { date = 2021-01-01, value = 2, quote = \"rose to 2\" },\n  \
                        { date = 2021-06-01, value = 2.5, quote = \"not there\" },\n  \
                        { date = 2021-09-01, value = 2.7, quote = \"rose to 2\" },\n  \
                        { date = 2022-01-01, value = 3, quote = \"three by now\", source = \"https://s\" },\n]\n";

    #[test]
    fn points_without_evidence_and_quotes_not_in_the_article_are_warned_about_where_written() {
        let dataset = crate::dataset::parse_valid(TEXT);
        let article = Article::from_markdown("# T\n\nThe count rose to 2 in 2021.\n");
        let named = super::super::NamedArticle { name: "a.md".to_owned(), article: std::sync::Arc::new(article) };
        let loaded = super::super::Loaded::assemble(dataset, Some(named), "m.toml");
        let found: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "m.toml:5:12: warning: point 2020-01-01 of `a` has neither a quote nor a source \
                 (add `source = \"https://…\"`, or a `quote` of the article that states it)",
                "m.toml:7:45: warning: quote of `a` at 2021-06-01 not found in a.md: \"not there\"",
                // The last point is the metric's value, and its quote the metric's: warned once.
                "m.toml:8:54: warning: point 2021-09-01 of `a` is 2.7 but its quote says 2 \
                 (correct the value, or quote the sentence that states it)",
                "m.toml:9:43: warning: quote of `a` not found in a.md: \"three by now\"",
            ]
        );
    }
}
