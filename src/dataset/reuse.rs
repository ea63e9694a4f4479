//! A large dataset read again without reading every metric again: the text is cut into its
//! `[[metric]]` tables ([`super::chunks`]), each table whose text is the same as at the last read
//! is taken as read then, only the others are parsed and checked, and the rules that span tables
//! (unique ids, `part_of`, charts, gauges, slides) run again over the whole.
//!
//! The reuse only ever gives a dataset: whenever a piece does not read cleanly on its own, or a
//! rule is broken anywhere, the whole file is read as [`super::parse`] reads it, so every
//! diagnostic is exactly the one a first read gives. A metric's positions are counted from its
//! table's first line and moved to where the table stands now, so a table that moved (a line
//! added above it) is reused too.
//!
//! Kept per process (like the quotes found in an article, `load/found.rs`): what is kept depends
//! on nothing but the text, so the output of a read is the same with or without it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use serde::Deserialize;
use toml::de::DeTable;

use super::chunks;
use super::model::{Dataset, Metric};
use super::raw::{RawDataset, RawMetric};
use super::validate::{self, Origin};
use super::{Diagnostic, parse};

/// Texts shorter than this are read whole: that costs less than cutting them, and their errors
/// are the ones every test of a diagnostic reads.
pub const REUSE_FROM: usize = 64 * 1024;

/// What the last read kept.
#[derive(Default)]
pub struct Kept {
    /// The last text's metric tables in order: each table's text, and what it read as.
    tables: Vec<(Box<str>, Arc<Lone>)>,
    /// The text without its metric tables, and what it read as (`None`: it did not read).
    rest: Option<(String, Option<RawDataset>)>,
    /// How many metric tables the last read parsed (the others it took as kept).
    pub parsed: usize,
}

/// One metric table read on its own: the metric (positions counted from the table's first line,
/// `part_of` not yet looked up) and the id its `part_of` names.
struct Lone {
    metric: Metric,
    part_of: Option<String>,
}

/// A document of one `[[metric]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OneTable {
    metric: Vec<RawMetric>,
}

static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// Parses and validates a dataset as [`parse`] does, taking the metric tables that did not change
/// since the last read (of any file) as read then. The same output as [`parse`], always.
pub fn parse_reusing(origin: &Origin<'_>) -> Result<Dataset, Vec<Diagnostic>> {
    if origin.text.len() < REUSE_FROM {
        return parse(origin);
    }
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    kept.get_or_insert_with(Kept::default).read(origin)
}

impl Kept {
    /// The dataset of `origin` as [`parse`] reads it, reusing what was kept; what is kept then
    /// is this text's tables. With nothing kept the whole text is read (that costs less than
    /// reading each table apart) and its tables are kept from the dataset read.
    pub fn read(&mut self, origin: &Origin<'_>) -> Result<Dataset, Vec<Diagnostic>> {
        self.parsed = 0;
        let Some(split) = chunks::split(origin.text) else {
            // Nothing to reuse next time either.
            *self = Kept::default();
            return parse(origin);
        };
        if self.tables.is_empty() {
            let read = parse(origin);
            if let Ok(dataset) = &read {
                self.seed(origin.text, &split, dataset);
            }
            return read;
        }
        self.reuse(origin, &split).map_or_else(|| parse(origin), Ok)
    }

    /// How many metric tables are kept.
    #[cfg(test)]
    pub fn kept(&self) -> usize {
        self.tables.len()
    }

    /// Keeps the tables of `text` from `dataset`, read from it whole: table `i` is metric `i`
    /// (unless the cut does not agree with the read, when nothing is kept).
    fn seed(&mut self, text: &str, split: &chunks::Split, dataset: &Dataset) {
        let metrics = &dataset.metrics;
        let agrees = split.metrics.len() == metrics.len()
            && split.metrics.iter().zip(metrics).all(|(range, m)| text[range.clone()].contains(m.id.as_str()));
        if !agrees {
            return;
        }
        self.tables = (split.metrics.iter().zip(&split.lines).zip(metrics))
            .map(|((range, &line), metric)| {
                let mut alone = moved(metric, line, false);
                let part_of = alone.part_of.take().map(|whole| metrics[whole].id.clone());
                (text[range.clone()].into(), Arc::new(Lone { metric: alone, part_of }))
            })
            .collect();
    }

    /// The dataset of `origin`, read reusing what was kept; `None` when that is in any doubt.
    /// A save changes a few tables in one place: the tables before and after it are the kept
    /// ones in the same order (compared in place), those between are looked up by their text.
    fn reuse(&mut self, origin: &Origin<'_>, split: &chunks::Split) -> Option<Dataset> {
        let text = origin.text;
        let table = |i: usize| &text[split.metrics[i].clone()];
        let (count, old_count) = (split.metrics.len(), self.tables.len());
        let same = |i: usize, j: usize| *self.tables[j].0 == *table(i);
        let mut front = 0;
        while front < count.min(old_count) && same(front, front) {
            front += 1;
        }
        let mut back = 0;
        while back < (count - front).min(old_count - front) && same(count - 1 - back, old_count - 1 - back) {
            back += 1;
        }
        let middle: HashMap<u64, usize> = (front..old_count - back).map(|j| (hash(&self.tables[j].0), j)).collect();
        let mut old: Vec<Option<(Box<str>, Arc<Lone>)>> =
            std::mem::take(&mut self.tables).into_iter().map(Some).collect();
        let mut tables = Vec::with_capacity(count);
        for i in 0..count {
            let kept = if i < front {
                Some(i)
            } else if i >= count - back {
                Some(old_count - (count - i))
            } else {
                middle.get(&hash(table(i))).copied()
            };
            let kept = kept.and_then(|j| old[j].take_if(|(t, _)| **t == *table(i)));
            match kept {
                Some(entry) => tables.push(entry),
                None => {
                    if let Some(lone) = read_table(table(i), origin, &mut self.parsed) {
                        tables.push((table(i).into(), Arc::new(lone)));
                    }
                }
            }
        }
        // The tables of the last text that this one no longer has.
        drop(old);
        let every_table_reads = tables.len() == count;
        self.tables = tables;
        if !every_table_reads {
            return None;
        }
        let (start, end) = (split.start(), split.end());
        let mut rest = String::with_capacity(text.len() - (end - start) + (split.end_line - split.lines[0]));
        rest.push_str(&text[..start]);
        // The metrics' lines stay as line breaks: the rest keeps its line numbers.
        rest.extend(std::iter::repeat_n('\n', split.end_line - split.lines[0]));
        rest.push_str(&text[end..]);
        if self.rest.as_ref().is_none_or(|(kept, _)| *kept != rest) {
            let raw = read_rest(&rest);
            self.rest = Some((rest, raw));
        }
        let (rest, raw) = self.rest.as_ref()?;
        let raw = raw.as_ref()?;
        let metrics =
            self.tables.iter().zip(&split.lines).map(|((_, lone), &line)| moved(&lone.metric, line, true)).collect();
        let parts: Vec<Option<&str>> = self.tables.iter().map(|(_, l)| l.part_of.as_deref()).collect();
        validate::assemble(raw, metrics, &parts, &Origin { text: rest, ..*origin })
    }
}

/// A table's text hashed, to find it among the kept ones.
fn hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
}

/// One metric table, read and checked on its own; `None` if anything in it is wrong.
fn read_table(table: &str, origin: &Origin<'_>, parsed: &mut usize) -> Option<Lone> {
    *parsed += 1;
    let tree = DeTable::parse(table).ok()?;
    let one = OneTable::deserialize(toml::de::Deserializer::from(tree)).ok()?;
    let [raw]: [RawMetric; 1] = one.metric.try_into().ok()?;
    let metric = validate::lone_metric(&raw, &Origin { text: table, ..*origin })?;
    Some(Lone { metric, part_of: raw.part_of.map(toml::Spanned::into_inner) })
}

/// The top-level tables without the metrics, read; `None` if they do not read cleanly, or say
/// anything of `metric` themselves (a `metric = []`, a `[metric]`).
fn read_rest(rest: &str) -> Option<RawDataset> {
    let tree = DeTable::parse(rest).ok()?;
    if tree.get_ref().contains_key("metric") {
        return None;
    }
    RawDataset::deserialize(toml::de::Deserializer::from(tree)).ok()
}

/// `metric` with its positions moved `lines` lines down (or up).
fn moved(metric: &Metric, lines: usize, down: bool) -> Metric {
    let mut metric = metric.clone();
    let shift = |line: &mut usize| *line = if down { *line + lines } else { line.saturating_sub(lines) };
    if let Some(quote) = &mut metric.quote {
        shift(&mut quote.position.line);
    }
    for point in &mut metric.history {
        shift(&mut point.position.line);
        if let Some(quote) = &mut point.quote {
            shift(&mut quote.position.line);
        }
    }
    metric
}
