//! The dataset: `metrics.toml` parsed into a [`RawDataset`](raw::RawDataset) mirror, then
//! validated into a [`Dataset`] that cannot hold a bad value.

mod diagnostic;
pub mod figure;
mod hint;
pub mod model;
mod raw;
mod sweep;
mod unit;

pub use raw::json_schema;
pub mod read;
mod validate;

pub use diagnostic::{Diagnostic, Position, Severity};
pub use model::{
    ArticleRef, Bound, Chart, ChartDirection, ChartScale, Dataset, Date, Gauge, Metric, Notation, Quote, Scale,
    SlideContent, SlideSpec, Source, Unit,
};
pub use validate::Origin;

/// Parses and validates a dataset's text.
///
/// A syntax error stops at the first problem (the parser cannot go on); type errors and unknown
/// keys are reported once per table (see [`sweep`]); once the file parses, every rule violation
/// is returned. Errors are located by line and column in `origin`.
pub fn parse(origin: &Origin<'_>) -> Result<Dataset, Vec<Diagnostic>> {
    let raw: raw::RawDataset = toml::from_str(origin.text).map_err(|first| {
        let read = |text: &str| toml::from_str::<raw::RawDataset>(text).map(drop);
        let span = |e: &toml::de::Error| e.span().map(|span| span.start);
        let mut found: Vec<Diagnostic> = sweep::table_errors(origin.text, first, read, span)
            .into_iter()
            .map(|e| {
                let position = e.span().map(|span| Position::of_offset(origin.text, span.start));
                Diagnostic::error(origin.file, position, friendly_message(e.message()))
            })
            .collect();
        // Found in the parser's order (keys sorted by name); shown in the file's.
        found.sort_by_key(|d| d.position);
        found
    })?;
    validate::validate(raw, origin)
}

/// A valid dataset from text alone, for the tests of the modules that use one (panics on an
/// error, with the diagnostics).
#[cfg(test)]
pub(crate) fn parse_valid(text: &str) -> Dataset {
    parse(&Origin { text, file: "m", base_dir: std::path::Path::new("") })
        .unwrap_or_else(|errors| panic!("an invalid test dataset: {errors:?}"))
}

/// Rewrites serde's wording into the file's vocabulary, with a hint for misspelt keys:
/// "unknown field `lable`, expected one of …" becomes "unknown key `lable` (did you mean `label`?)".
fn friendly_message(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let candidates = if expected.is_empty() { raw::KNOWN_KEYS.to_vec() } else { expected.clone() };
        return match hint::closest(key, candidates) {
            Some(near) => format!("unknown key `{key}` (did you mean `{near}`?)"),
            None if !expected.is_empty() => {
                format!("unknown key `{key}`; this table takes: {}", expected.join(", "))
            }
            None => format!("unknown key `{key}`"),
        };
    }
    message
        .replace("missing field", "missing key")
        .replace("expected f64", "expected a number")
        .replace("expected a string", "expected a string (in quotes)")
}

#[cfg(test)]
mod tests;
