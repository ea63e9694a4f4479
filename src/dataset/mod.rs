//! The dataset: `metrics.toml` parsed into a [`RawDataset`](raw::RawDataset) mirror, then
//! validated into a [`Dataset`] that cannot hold a bad value.

mod chunks;
mod diagnostic;
pub mod figure;
pub mod hint;
pub mod model;
mod raw;
mod recover;
pub mod report;
mod reuse;
mod schema;
mod unit;

pub use raw::json_schema;
pub mod read;
mod validate;

pub use diagnostic::LineIndex;
pub use diagnostic::{Diagnostic, Position, Severity};
pub use model::{
    ArticleRef, Bound, Chart, ChartDirection, ChartKind, ChartScale, Dataset, Date, Gauge, Metric, Notation, Point,
    Quote, Scale, SlideContent, SlideSpec, SortKey, Source, Unit,
};
pub use reuse::parse_reusing;
pub use validate::Origin;

/// Parses and validates a dataset.
///
/// A syntax error stops at the first problem (the parser cannot go on); every unknown key and
/// value of the wrong type is reported (see [`recover`]), and every rule violation in what could
/// be read, all in file order and located by line and column in `origin`.
pub fn parse(origin: &Origin<'_>) -> Result<Dataset, Vec<Diagnostic>> {
    let read = recover::read_all::<raw::RawDataset>(origin.text);
    let lines = LineIndex::new(origin.text);
    let mut found: Vec<Diagnostic> = read.errors.iter().map(|e| schema::diagnostic(origin, &lines, e)).collect();
    if let Some(raw) = read.value {
        match validate::validate(raw, origin) {
            Ok(dataset) if found.is_empty() => return Ok(dataset),
            Ok(_) => {}
            Err(broken) => {
                // A rule broken by a stand-in is about a value the author did not write.
                let stand_ins: Vec<Position> = read.stand_ins.iter().map(|s| lines.position(s.start)).collect();
                found.extend(broken.into_iter().filter(|d| d.position.is_none_or(|p| !stand_ins.contains(&p))));
            }
        }
    }
    found.sort_by_key(|d| d.position);
    Err(found)
}

/// A valid dataset from text alone, for the tests of the modules that use one (panics on an
/// error, with the diagnostics).
#[cfg(test)]
pub(crate) fn parse_valid(text: &str) -> Dataset {
    parse(&Origin { text, file: "m", base_dir: std::path::Path::new("") })
        .unwrap_or_else(|errors| panic!("an invalid test dataset: {errors:?}"))
}

#[cfg(test)]
mod tests;
