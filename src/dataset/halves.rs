//! A large dataset's first read on two cores: the run of `[[metric]]` tables ([`super::chunks`])
//! is cut in two at a table's start, each half is parsed and its metrics checked on a thread of
//! its own, and the top-level tables are read apart; then the rules that span tables run over
//! the whole, as [`super::reuse`] does for a reload.
//!
//! The halves only ever give a dataset: when a half or the rest does not read cleanly, when a
//! half holds another number of metrics than the cut found in it, or when any rule is broken,
//! the caller reads the whole file as [`super::parse`] does, so every diagnostic is the one a
//! whole read gives.

use serde::Deserialize;
use toml::de::DeTable;

use super::chunks::Split;
use super::model::{Dataset, Metric};
use super::raw::RawMetric;
use super::reuse::{read_rest, rest_of, shift};
use super::validate::{self, Origin};

/// A document of `[[metric]]` tables only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tables {
    metric: Vec<RawMetric>,
}

/// One half's metrics, in order, each with the id its `part_of` names.
type Half = Vec<(Metric, Option<String>)>;

/// The dataset of `origin` (cut as `split`), its halves read on two threads; `None` when that is
/// in any doubt (the caller then reads the whole text).
pub fn read(origin: &Origin<'_>, split: &Split) -> Option<Dataset> {
    let count = split.metrics.len();
    let middle = count / 2;
    // The first half and the top-level tables on a new thread, the second half here: the
    // thread also reads the rest, since this one joins and checks the whole afterwards.
    let first_and_rest = || {
        let rest = rest_of(origin.text, split);
        let raw = read_rest(&rest);
        (half(origin, split, 0..middle), rest, raw)
    };
    let ((first, rest, raw), second) = std::thread::scope(|scope| {
        // A thread that cannot be started costs only the parallelism: its work is done here.
        let spawned = std::thread::Builder::new().spawn_scoped(scope, first_and_rest);
        let second = half(origin, split, middle..count);
        let first = match spawned {
            Ok(handle) => handle.join().ok(),
            Err(_) => Some(first_and_rest()),
        };
        (first.unwrap_or_default(), second)
    });
    let (mut metrics, mut parts) = (Vec::with_capacity(count), Vec::with_capacity(count));
    for (metric, part_of) in first?.into_iter().chain(second?) {
        metrics.push(metric);
        parts.push(part_of);
    }
    let raw = raw?;
    let parts: Vec<Option<&str>> = parts.iter().map(Option::as_deref).collect();
    validate::assemble(&raw, metrics, &parts, &Origin { text: &rest, ..*origin })
}

/// The metrics of tables `tables` of `split`, read as one text and checked each on its own, with
/// their positions where they stand in the whole text; `None` if anything in them is wrong.
fn half(origin: &Origin<'_>, split: &Split, tables: std::ops::Range<usize>) -> Option<Half> {
    if tables.is_empty() {
        return Some(Vec::new());
    }
    let (start, end) = (split.metrics[tables.start].start, split.metrics[tables.end - 1].end);
    let text = &origin.text[start..end];
    let tree = DeTable::parse(text).ok()?;
    let read = Tables::deserialize(toml::de::Deserializer::from(tree)).ok()?;
    if read.metric.len() != tables.len() {
        return None;
    }
    let metrics = validate::lone_metrics(&read.metric, &Origin { text, ..*origin })?;
    // The half begins at a line's start: only its lines move, never a column.
    let above = split.lines[tables.start];
    let half = metrics.into_iter().zip(read.metric).map(|(mut metric, raw)| {
        shift(&mut metric, above, true);
        (metric, raw.part_of.map(toml::Spanned::into_inner))
    });
    Some(half.collect())
}
