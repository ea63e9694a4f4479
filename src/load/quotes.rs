//! Values that contradict their own quote: `bri_agreements = 27` under a quote saying "25 of
//! its neighbours" is a warning, at the number's line and column in the article (or in the
//! dataset's `quote`, when the article does not hold it).

use crate::article::fold;
use crate::dataset::{Dataset, Diagnostic, Metric, Position};
use crate::provenance::Evidence;
use crate::provenance::quote_numbers::{QuoteBound, QuotedNumber, contradiction, half_unit};

/// The article the quotes were matched in: its name in messages and its text as the file has it.
pub struct ArticleSource<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// A warning for every metric whose value agrees with none of the numbers of its quote.
pub fn contradicted(
    dataset: &Dataset,
    evidence: &Evidence,
    file: &str,
    article: Option<ArticleSource<'_>>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, metric) in dataset.metrics.iter().enumerate() {
        let Some(quote) = &metric.quote else { continue };
        let Some(numbers) = contradiction(&quote.text, &candidates(metric)) else { continue };
        let number = shown(&numbers);
        let said = &quote.text[number.start..number.end];
        let in_article = article
            .as_ref()
            .filter(|_| evidence.place(index).is_some())
            .and_then(|a| locate(a.text, &quote.text, said).map(|position| (a.name, position)));
        let message = format!(
            "`{}` is {} but its quote says {said} (quote at {file}:{}:{})",
            metric.id,
            metric.display_value(),
            quote.position.line,
            quote.position.column
        );
        let diagnostic = match in_article {
            Some((name, position)) => Diagnostic::warning(name, Some(position), message),
            None => {
                // In the dataset: past the opening `"`, and the quote's text before the number.
                let before = quote.text[..number.start].chars().count();
                let position = Position { line: quote.position.line, column: quote.position.column + 1 + before };
                Diagnostic::warning(file, Some(position), message)
            }
        };
        found.push(
            diagnostic
                .spanning(said.chars().count())
                .with_hint("correct the value, or quote the sentence that states it"),
        );
    }
    found
}

/// The value as written in its unit and in the base unit (tonnes), each to its precision; and
/// scaled by a scale its unit names (12 in "million boxes" is 12 million).
fn candidates(metric: &Metric) -> Vec<(f64, f64)> {
    let precision = half_unit(usize::from(metric.notation.decimals));
    let mut found = vec![(metric.notation.written, precision), (metric.value, precision * metric.notation.factor)];
    let unit = metric.unit.caption().to_lowercase();
    for (word, scale) in [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("万", 1e4), ("亿", 1e8)] {
        if unit.contains(word) {
            found.push((metric.notation.written * scale, precision * scale));
        }
    }
    found
}

/// The number a warning quotes: the first that is not a year, if any.
fn shown(numbers: &[QuotedNumber]) -> &QuotedNumber {
    let year =
        |n: &&QuotedNumber| n.bound == QuoteBound::Exact && n.precision == 0.5 && (1900.0..=2100.0).contains(&n.value);
    numbers.iter().find(|n| !year(n)).unwrap_or(&numbers[0])
}

/// The line and column of `number` where `quote` stands in `text`, matched as quotes are
/// (case, white space and typographic marks folded).
fn locate(text: &str, quote: &str, number: &str) -> Option<Position> {
    let (haystack, origins) = fold(text);
    let (needle, _) = fold(quote.trim());
    let at = haystack.find(needle.trim())?;
    let (number, _) = fold(number);
    let within = haystack[at..].find(number.as_str())? + at;
    let char_index = origins.get(haystack[..within].chars().count()).copied()?;
    // Offsets are into the sanitised text, which keeps every line break where it was.
    let sanitised = crate::text::sanitize(text);
    let byte = sanitised.char_indices().nth(char_index).map_or(sanitised.len(), |(i, _)| i);
    Some(Position::of_offset(&sanitised, byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_that_names_a_scale_scales_the_value() {
        let dataset = crate::dataset::parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 12\nunit = \"million boxes\"\nquote = \"12 million boxes\"\n\
             [[metric]]\nid = \"b\"\nvalue = 12\nquote = \"12 million boxes\"\n",
        );
        let evidence = Evidence::of(&dataset, None);
        let found = contradicted(&dataset, &evidence, "m.toml", None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].to_string(),
            "m.toml:10:10: warning: `b` is 12 but its quote says 12 million (quote at m.toml:10:9) (correct the value, or quote the sentence that states it)"
        );
    }

    #[test]
    fn a_number_is_located_in_the_article_text() {
        let text = "# T\n\nChina signed Belt and Road\ncooperation agreements with *25* of its neighbours.\n";
        let at = locate(text, "Belt and Road cooperation agreements with 25", "25");
        assert_eq!(at, None, "markup inside the quote: not matched in the source");
        let text = "# T\n\nChina signed Belt and Road\ncooperation agreements with 25 of its neighbours.\n";
        let at = locate(text, "Belt and Road cooperation agreements with 25 of its neighbours", "25");
        assert_eq!(at, Some(Position { line: 4, column: 29 }));
    }
}
