//! Values that contradict their own quote: `bri_agreements = 27` under a quote saying "25 of
//! its neighbours" is a warning, at the number's line and column in the article (or in the
//! dataset's `quote`, when the article does not hold it).

use std::ops::Range;

use super::said::Said;
use crate::article::{fold, quote_automaton};
use crate::dataset::{Dataset, Diagnostic, LineIndex, Metric, Notation, Position, Unit};
use crate::provenance::Evidence;
use crate::provenance::quote_numbers::{QuoteBound, QuotedNumber, contradicts, half_unit};

/// The article the quotes were matched in: its name in messages and its text as the file has it.
pub struct ArticleSource<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The metrics whose value agrees with none of the numbers of their quote, each with the
/// number a warning quotes, as bytes of the quote's text. Of the dataset alone, so a load reads
/// them while the article is still being read.
pub fn contradictions(dataset: &Dataset) -> Vec<(usize, Range<usize>)> {
    let mut wrong = Vec::new();
    let mut said = Said::for_load(dataset.metrics.iter().filter(|m| m.quote.is_some()).count());
    for (index, metric) in dataset.metrics.iter().enumerate() {
        let Some(quote) = &metric.quote else { continue };
        let numbers = said.numbers(&quote.text);
        if !contradicts(numbers, &candidates(metric)) {
            continue;
        }
        let number = shown(numbers);
        wrong.push((index, number.start..number.end));
    }
    said.keep();
    wrong
}

/// A warning for every metric whose value agrees with none of the numbers of its quote (a
/// load does it in two steps: [`contradictions`], then [`warn_of`]).
#[cfg(test)]
pub fn contradicted(
    dataset: &Dataset,
    evidence: &Evidence,
    file: &str,
    article: Option<ArticleSource<'_>>,
) -> Vec<Diagnostic> {
    warn_of(contradictions(dataset), dataset, evidence, file, article)
}

/// A warning for each of `wrong` (see [`contradictions`]), at its number in the article when
/// the article holds its quote. The article is folded, searched and indexed once for all of
/// them, so ten thousand contradicted quotes cost one pass over a large article, not one each.
pub fn warn_of(
    wrong: Vec<(usize, Range<usize>)>,
    dataset: &Dataset,
    evidence: &Evidence,
    file: &str,
    article: Option<ArticleSource<'_>>,
) -> Vec<Diagnostic> {
    // (metric, the number the warning quotes, where it starts in the quote's text)
    let wrong: Vec<(usize, &str, usize)> = wrong
        .into_iter()
        .filter_map(|(index, number)| {
            let quote = dataset.metrics.get(index)?.quote.as_ref()?;
            Some((index, quote.text.get(number.clone())?, number.start))
        })
        .collect();
    let wanted: Vec<(&str, &str)> = wrong
        .iter()
        .map(|&(index, said, _)| {
            let quote = dataset.metrics[index].quote.as_ref().map_or("", |q| q.text.as_str());
            // A quote the article does not hold is not looked for in it.
            if evidence.quote(index).is_some() { (quote, said) } else { ("", said) }
        })
        .collect();
    let places = match &article {
        Some(source) => locate_all(source.text, &wanted),
        None => vec![None; wanted.len()],
    };
    wrong
        .into_iter()
        .zip(places)
        .filter_map(|((index, said, start), place)| {
            let metric = &dataset.metrics[index];
            let quote = metric.quote.as_ref()?;
            let message = format!(
                "`{}` is {} but its quote says {said} (quote at {file}:{}:{})",
                metric.id,
                metric.display_value(),
                quote.position.line,
                quote.position.column
            );
            let diagnostic = match (place, &article) {
                (Some(position), Some(source)) => Diagnostic::warning(source.name, Some(position), message),
                _ => {
                    // In the dataset: past the opening `"`, and the quote's text before the number.
                    let before = quote.text[..start].chars().count();
                    let position = Position { line: quote.position.line, column: quote.position.column + 1 + before };
                    Diagnostic::warning(file, Some(position), message)
                }
            };
            Some(
                diagnostic
                    .spanning(said.chars().count())
                    .with_hint("correct the value, or quote the sentence that states it"),
            )
        })
        .collect()
}

/// The value as written in its unit and in the base unit (tonnes), each to its precision; and
/// scaled by a scale its unit names (12 in "million boxes" is 12 million).
fn candidates(metric: &Metric) -> Vec<(f64, f64)> {
    candidates_of(&metric.unit, &metric.notation, metric.value)
}

/// [`candidates`] of any figure: its unit, how it was written, its value in the unit's base (a
/// point of a history, too).
pub(super) fn candidates_of(unit: &Unit, notation: &Notation, value: f64) -> Vec<(f64, f64)> {
    let precision = half_unit(usize::from(notation.decimals));
    let mut found = vec![(notation.written, precision), (value, precision * notation.factor)];
    let unit = unit.caption().to_lowercase();
    for (word, scale) in [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("万", 1e4), ("亿", 1e8)] {
        if unit.contains(word) {
            found.push((notation.written * scale, precision * scale));
        }
    }
    found
}

/// The number a warning quotes: the first that is not a year, if any.
pub(super) fn shown(numbers: &[QuotedNumber]) -> &QuotedNumber {
    let year =
        |n: &&QuotedNumber| n.bound == QuoteBound::Exact && n.precision == 0.5 && (1900.0..=2100.0).contains(&n.value);
    numbers.iter().find(|n| !year(n)).unwrap_or(&numbers[0])
}

/// For each `(quote, number)`, the line and column of `number` where `quote` first stands in
/// `text`, matched as quotes are (case, white space and typographic marks folded); `None` for an
/// empty quote or one the text does not hold. One fold, one automaton pass and one walk over
/// the text, however many there are.
fn locate_all(text: &str, wanted: &[(&str, &str)]) -> Vec<Option<Position>> {
    let mut found = vec![None; wanted.len()];
    let needles: Vec<String> = wanted.iter().map(|(quote, _)| fold(quote.trim()).0.trim().to_owned()).collect();
    let searchable: Vec<usize> = (0..needles.len()).filter(|&i| !needles[i].is_empty()).collect();
    if searchable.is_empty() {
        return found;
    }
    let Some(automaton) = quote_automaton(searchable.iter().map(|&i| &needles[i])) else {
        return found;
    };
    let (haystack, origins) = fold(text);
    let mut starts: Vec<Option<usize>> = vec![None; wanted.len()];
    let mut missing = searchable.len();
    for hit in automaton.find_overlapping_iter(haystack.as_str()) {
        let wanted_index = searchable[hit.pattern().as_usize()];
        if starts[wanted_index].is_none() {
            starts[wanted_index] = Some(hit.start());
            missing -= 1;
            if missing == 0 {
                break;
            }
        }
    }
    // The number inside its quote, as a byte of the folded text.
    let mut numbers: Vec<(usize, usize)> = Vec::new();
    for (index, start) in starts.iter().enumerate() {
        let Some(start) = *start else { continue };
        let end = (start + needles[index].len()).min(haystack.len());
        let (number, _) = fold(wanted[index].1);
        if let Some(within) = haystack.get(start..end).and_then(|quote| quote.find(number.trim())) {
            numbers.push((start + within, index));
        }
    }
    // Folded bytes to chars of the sanitised text, in one walk from the top.
    numbers.sort_unstable();
    let (mut chars, mut from) = (0, 0);
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    for (byte, index) in numbers {
        chars += haystack[from..byte].chars().count();
        from = byte;
        if let Some(&offset) = origins.get(chars) {
            offsets.push((offset, index));
        }
    }
    // Offsets are into the sanitised text, which keeps every line break where it was.
    let sanitised = crate::text::sanitize(text);
    let lines = LineIndex::new(&sanitised);
    offsets.sort_unstable();
    let mut bytes = sanitised.char_indices().map(|(byte, _)| byte).enumerate().peekable();
    for (offset, index) in offsets {
        while bytes.peek().is_some_and(|&(char_index, _)| char_index < offset) {
            bytes.next();
        }
        let byte = bytes.peek().map_or(sanitised.len(), |&(_, byte)| byte);
        found[index] = Some(lines.position(byte));
    }
    found
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
        let at = locate_all(text, &[("Belt and Road cooperation agreements with 25", "25")]);
        assert_eq!(at, [None], "markup inside the quote: not matched in the source");
        let text = "# T\n\nChina signed Belt and Road\ncooperation agreements with 25 of its neighbours.\n";
        let at = locate_all(
            text,
            &[
                ("", "25"),
                ("Belt and Road cooperation agreements with 25 of its neighbours", "25"),
                ("China signed", "China"),
            ],
        );
        assert_eq!(at, [None, Some(Position { line: 4, column: 29 }), Some(Position { line: 3, column: 1 })]);
    }
}
