//! Provenance: where in the article each metric's quote stands, the sentence around it, and the
//! numbers inside it. Computed once per load; the UI marks and highlights from it, the app
//! scrolls to it.

pub mod quote_numbers;

use std::sync::OnceLock;

use crate::article::{Article, TextSpan};
use crate::dataset::Dataset;

/// Where a metric's evidence is: its quote, and the sentence around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePlace {
    pub quote: TextSpan,
    pub sentence: TextSpan,
}

/// The evidence of every metric, indexed like [`Dataset::metrics`]. Sentences are found when
/// first asked for ([`Evidence::place`]) and kept: finding one segments its whole paragraph, and
/// doing it for ten thousand quotes at load cost a fifth of a large dataset's first frame, for
/// the one or two sentences a screen shows.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Where each quote stands; `None` for a metric without a quote, or whose quote is not in
    /// the article.
    pub quotes: Vec<Option<TextSpan>>,
    /// The sentence around each quote, once asked for. A cache of a pure function of the
    /// article, so filling it from a `&self` changes nothing anyone can observe but time.
    sentences: Vec<OnceLock<TextSpan>>,
    /// The numbers inside the quotes that were found, in document order.
    pub numbers: Vec<TextSpan>,
}

/// Equal when the quotes and numbers are: which sentences were asked for already is no part
/// of what the evidence says.
impl PartialEq for Evidence {
    fn eq(&self, other: &Self) -> bool {
        self.quotes == other.quotes && self.numbers == other.numbers
    }
}

impl Eq for Evidence {}

impl Evidence {
    /// Looks up every quote of `dashboard` in `article`.
    pub fn of(dataset: &Dataset, article: Option<&Article>) -> Self {
        let Some(article) = article else {
            let quotes = vec![None; dataset.metrics.len()];
            return Self { sentences: vec![OnceLock::new(); quotes.len()], quotes, numbers: Vec::new() };
        };
        let texts: Vec<&str> =
            dataset.metrics.iter().map(|m| m.quote.as_ref().map_or("", |q| q.text.as_str())).collect();
        let quotes = article.find_quotes(&texts);
        let numbers: Vec<TextSpan> = quotes.iter().flatten().flat_map(|&q| article.numbers_in(q)).collect();
        Self::found(quotes, numbers)
    }

    /// The evidence of quotes already looked up: where each metric's stands, and the numbers
    /// inside those found (in any order, repeats allowed), as [`Evidence::of`] would find them.
    pub fn found(quotes: Vec<Option<TextSpan>>, mut numbers: Vec<TextSpan>) -> Self {
        numbers.sort();
        numbers.dedup();
        Self { sentences: vec![OnceLock::new(); quotes.len()], quotes, numbers }
    }

    /// Where one metric's quote stands in the article.
    pub fn quote(&self, metric: usize) -> Option<TextSpan> {
        self.quotes.get(metric).copied().flatten()
    }

    /// One metric's quote and the sentence around it in `article` (the article these quotes
    /// were found in). The first time for a metric costs one segmentation of its paragraph.
    pub fn place(&self, metric: usize, article: &Article) -> Option<QuotePlace> {
        let quote = self.quote(metric)?;
        let sentence = *self.sentences.get(metric)?.get_or_init(|| article.sentence_around(quote));
        Some(QuotePlace { quote, sentence })
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
        let place = evidence.place(0, &article).unwrap();
        assert_eq!((place.sentence.start, place.sentence.end), (7, 48));
        assert_eq!(evidence.place(1, &article), None, "a quote not in the article");
        assert_eq!(evidence.quote(2), None, "no quote");
        assert_eq!(evidence.numbers, [TextSpan { block: 0, start: 33, end: 37 }], "\"nine\"");
        assert_eq!(Evidence::of(&dataset, None).quotes, [None, None, None]);
    }
}
