//! Provenance: where in the article each metric's quote stands, the sentence around it, and the
//! numbers inside it. Computed once per load; the UI marks and highlights from it, the app
//! scrolls to it.

pub mod quote_numbers;

use crate::article::{Article, TextSpan};
use crate::dataset::Dataset;

/// Where a metric's evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePlace {
    pub quote: TextSpan,
    pub sentence: TextSpan,
}

/// The evidence of every metric, indexed like [`Dataset::metrics`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// `None` for a metric without a quote, or whose quote is not in the article.
    pub quotes: Vec<Option<QuotePlace>>,
    /// The numbers inside the quotes that were found, in document order.
    pub numbers: Vec<TextSpan>,
}

impl Evidence {
    /// Looks up every quote of `dashboard` in `article`.
    pub fn of(dataset: &Dataset, article: Option<&Article>) -> Self {
        let Some(article) = article else {
            return Self { quotes: vec![None; dataset.metrics.len()], numbers: Vec::new() };
        };
        let texts: Vec<&str> =
            dataset.metrics.iter().map(|m| m.quote.as_ref().map_or("", |q| q.text.as_str())).collect();
        let quotes: Vec<Option<QuotePlace>> = article
            .find_quotes(&texts)
            .into_iter()
            .map(|found| found.map(|quote| QuotePlace { quote, sentence: article.sentence_around(quote) }))
            .collect();
        let mut numbers: Vec<TextSpan> = quotes.iter().flatten().flat_map(|q| article.numbers_in(q.quote)).collect();
        numbers.sort();
        numbers.dedup();
        Self { quotes, numbers }
    }

    /// The evidence of one metric.
    pub fn place(&self, metric: usize) -> Option<QuotePlace> {
        self.quotes.get(metric).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_valid;

    #[test]
    fn quotes_are_placed_with_their_sentence_and_numbers() {
        let dataset = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 9\nquote = \"with nine\"\n[[metric]]\nid = \"b\"\nvalue = 1\nquote = \"absent\"\n[[metric]]\nid = \"c\"\nvalue = 1\n",
        );
        let article = Article::from_markdown("Intro. Treaties were signed with nine countries. The end.");
        let evidence = Evidence::of(&dataset, Some(&article));
        let place = evidence.place(0).unwrap();
        assert_eq!((place.sentence.start, place.sentence.end), (7, 48));
        assert_eq!(evidence.place(1), None, "a quote not in the article");
        assert_eq!(evidence.place(2), None, "no quote");
        assert_eq!(evidence.numbers, [TextSpan { block: 0, start: 33, end: 37 }], "\"nine\"");
        assert_eq!(Evidence::of(&dataset, None).quotes, [None, None, None]);
    }
}
