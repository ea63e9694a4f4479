//! Raw → model: every rule of the format, checked in one pass that reports every violation
//! (not just the first), each at its line and column.

mod grouping;
mod history;
mod views;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::value::Datetime;

use super::diagnostic::{Diagnostic, LineIndex, Position};
use super::figure::{self, Written};
use super::model::{ArticleRef, Dataset, Date, Metric, Notation, Quote, Source, Unit};
use super::raw::{RawDataset, RawMetric};
use crate::text::sanitize_line;
use views::{chart, check_names, default_charts, default_gauges, gauge, slide};

/// Where the text being validated came from.
pub struct Origin<'a> {
    /// The file's text, to turn spans into line:column.
    pub text: &'a str,
    /// The file's name as shown in diagnostics.
    pub file: &'a str,
    /// The folder relative paths in the file are resolved against.
    pub base_dir: &'a Path,
}

/// Collects errors while the rules run.
struct Checker<'a> {
    origin: &'a Origin<'a>,
    lines: LineIndex<'a>,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at(&self, span: Range<usize>) -> Option<Position> {
        Some(self.lines.position(span.start))
    }

    fn error(&mut self, span: Range<usize>, message: impl AsRef<str>) {
        self.error_with_hint(span, message, None);
    }

    /// An error with a hint for the likely fix, shown under the source line (and in brackets
    /// after the message on one line).
    fn error_with_hint(&mut self, span: Range<usize>, message: impl AsRef<str>, hint: Option<String>) {
        let position = self.at(span.clone());
        let mut diagnostic = Diagnostic::error(self.origin.file, position, message).spanning(self.lines.length(span));
        if let Some(hint) = hint {
            diagnostic = diagnostic.with_hint(hint);
        }
        self.errors.push(diagnostic);
    }
}

/// Validates a parsed dataset. On success the model is complete (default charts and gauges
/// filled in); on failure every rule violation found is returned, in file order.
pub fn validate(raw: RawDataset, origin: &Origin<'_>) -> Result<Dataset, Vec<Diagnostic>> {
    let mut checker = Checker { origin, lines: LineIndex::new(origin.text), errors: Vec::new() };
    let head = head(&mut checker, &raw, raw.metrics.len());
    let ids = check_ids(&mut checker, &raw.metrics);
    let metrics: Vec<Metric> = raw.metrics.iter().map(|m| metric(&mut checker, m, Some(&ids))).collect();
    check_parts(&mut checker, raw.metrics.iter().map(|m| m.part_of.as_ref().map(Spanned::span)), &metrics);
    finish(checker, &raw, head, &ids, metrics)
}

/// The dataset's own keys, read: title, subtitle, source, article.
struct Head {
    title: String,
    subtitle: Option<String>,
    source: Option<Source>,
    article: Option<ArticleRef>,
}

/// Reads the top-level keys of `raw`, which has `metrics` metrics (`raw.metrics` may be empty
/// when they were read apart).
fn head(checker: &mut Checker<'_>, raw: &RawDataset, metrics: usize) -> Head {
    let title = clean(raw.title.get_ref());
    if title.trim().is_empty() {
        checker.error(raw.title.span(), "`title` must not be empty");
    }
    if metrics == 0 {
        checker.error(0..0, "the dataset needs at least one [[metric]]");
    }
    let source = raw.source.as_ref().map(|s| Source {
        name: s.name.as_deref().map(clean),
        title: s.title.as_deref().map(clean),
        url: s.url.as_deref().map(clean),
        date: s.date.as_ref().and_then(|d| date(checker, d)),
    });
    let article = raw.article.as_ref().map(|a| ArticleRef {
        path: resolve(checker.origin.base_dir, a.get_ref()),
        position: checker.lines.position(a.span().start),
    });
    Head { title, subtitle: raw.subtitle.as_deref().map(clean), source, article }
}

/// The charts, gauges and slides of `raw` checked against `metrics`, and the dataset made, or
/// every error found since `checker` began.
fn finish(
    mut checker: Checker<'_>,
    raw: &RawDataset,
    head: Head,
    ids: &Ids,
    metrics: Vec<Metric>,
) -> Result<Dataset, Vec<Diagnostic>> {
    let charts = if raw.charts.is_empty() {
        default_charts(&metrics)
    } else {
        raw.charts.iter().map(|c| chart(&mut checker, c, ids, &metrics)).collect()
    };
    let gauges = if raw.gauges.is_empty() {
        default_gauges(&metrics)
    } else {
        raw.gauges.iter().filter_map(|g| gauge(&mut checker, g, ids, &metrics)).collect()
    };

    check_names(&mut checker, raw.charts.iter().filter_map(|c| c.id.as_ref()), "chart");
    check_names(&mut checker, raw.gauges.iter().filter_map(|g| g.id.as_ref()), "gauge");
    let slides = raw.slides.iter().filter_map(|s| slide(&mut checker, s, ids, &metrics, &charts, &gauges)).collect();

    if !checker.errors.is_empty() {
        checker.errors.sort_by_key(|d| d.position);
        return Err(checker.errors);
    }
    let Head { title, subtitle, source, article } = head;
    Ok(Dataset { title, subtitle, source, article, metrics, charts, gauges, slides })
}

/// One metric's table read on its own (`origin` is that table's text): everything but its
/// `part_of`, which names another metric. `None` if any rule of its own is broken.
pub fn lone_metric(raw: &RawMetric, origin: &Origin<'_>) -> Option<Metric> {
    let mut checker = Checker { origin, lines: LineIndex::new(origin.text), errors: Vec::new() };
    if !well_formed_id(raw.id.get_ref()) {
        return None;
    }
    let metric = metric(&mut checker, raw, None);
    checker.errors.is_empty().then_some(metric)
}

/// A dataset from its top-level tables (`raw`, read from `origin` without its metrics) and
/// metrics read apart by [`lone_metric`], each with the id its `part_of` names. `None` if any
/// rule is broken: the caller then reads the whole file, for the diagnostics.
pub fn assemble(
    raw: &RawDataset,
    metrics: Vec<Metric>,
    parts: &[Option<&str>],
    origin: &Origin<'_>,
) -> Option<Dataset> {
    let mut checker = Checker { origin, lines: LineIndex::new(origin.text), errors: Vec::new() };
    let head = head(&mut checker, raw, metrics.len());
    let mut first = HashMap::with_capacity(metrics.len());
    let mut list = Vec::with_capacity(metrics.len());
    for (index, m) in metrics.iter().enumerate() {
        if first.insert(m.id.clone(), index).is_some() {
            return None;
        }
        list.push(m.id.clone());
    }
    let ids = Ids { list, first };
    let mut metrics = metrics;
    for (m, part) in metrics.iter_mut().zip(parts) {
        m.part_of = match part {
            Some(id) => Some(ids.position(id)?),
            None => None,
        };
    }
    // A broken rule fails the assembly whatever it says: where it points does not matter here.
    check_parts(&mut checker, parts.iter().map(|p| p.map(|_| 0..0)), &metrics);
    if !checker.errors.is_empty() {
        return None;
    }
    finish(checker, raw, head, &ids, metrics).ok()
}

fn well_formed_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn clean(text: &str) -> String {
    sanitize_line(text).into_owned()
}

fn resolve(base: &Path, relative: &str) -> PathBuf {
    let path = Path::new(relative);
    if path.is_absolute() { path.to_path_buf() } else { base.join(path) }
}

/// The metric ids in file order, and where each first appears: references resolve in constant
/// time, so a dataset of 10,000 metrics validates as fast as one of ten.
struct Ids {
    list: Vec<String>,
    first: HashMap<String, usize>,
}

impl Ids {
    fn position(&self, id: &str) -> Option<usize> {
        self.first.get(id).copied()
    }
}

/// Ids in file order; duplicates and malformed ids are reported (and still listed, so references
/// to them do not produce a second, misleading "unknown id" error).
fn check_ids(checker: &mut Checker<'_>, metrics: &[RawMetric]) -> Ids {
    let mut first = HashMap::with_capacity(metrics.len());
    let mut list = Vec::with_capacity(metrics.len());
    for (index, m) in metrics.iter().enumerate() {
        let id = m.id.get_ref();
        if !well_formed_id(id) {
            checker.error(m.id.span(), format!("id `{id}` must be lowercase letters, digits and _"));
        } else if first.contains_key(id) {
            checker.error(m.id.span(), format!("duplicate id `{id}`"));
        }
        first.entry(id.clone()).or_insert(index);
        list.push(id.clone());
    }
    Ids { list, first }
}

fn lookup(checker: &mut Checker<'_>, ids: &Ids, reference: &Spanned<String>) -> Option<usize> {
    let wanted = reference.get_ref();
    let found = ids.position(wanted);
    if found.is_none() {
        let hint = crate::dataset::hint::closest(wanted, ids.list.iter().map(String::as_str))
            .map(|near| format!("did you mean `{near}`?"));
        checker.error_with_hint(reference.span(), format!("no metric has the id `{wanted}`"), hint);
    }
    found
}

/// A metric read; its `part_of` looked up in `ids`, or left out without them.
fn metric(checker: &mut Checker<'_>, raw: &RawMetric, ids: Option<&Ids>) -> Metric {
    let (unit, scale) = Unit::parse(&clean(raw.unit.as_deref().unwrap_or("")));
    let mut written = Written { value: 0.0, decimals: 0 };
    if let Some(value) = &raw.value {
        let written_text = checker.origin.text.get(value.span()).unwrap_or("");
        match figure::check(*value.get_ref(), written_text, scale.factor) {
            Ok(checked) => written = checked,
            Err(refusal) => checker.error(value.span(), refusal.to_string()),
        }
    }
    let part_of = ids.and_then(|ids| raw.part_of.as_ref().and_then(|p| lookup(checker, ids, p)));
    let mut metric = Metric {
        id: raw.id.get_ref().clone(),
        label: raw.label.as_deref().map_or_else(|| label_from_id(raw.id.get_ref()), clean),
        value: written.value * scale.factor,
        unit,
        notation: Notation {
            unit: scale.word,
            factor: scale.factor,
            decimals: written.decimals,
            written: written.value,
        },
        bound: raw.bound,
        part_of,
        since: raw.since.as_ref().and_then(|d| date(checker, d)),
        as_of: raw.as_of.as_ref().and_then(|d| date(checker, d)),
        note: raw.note.as_deref().map(clean),
        quote: raw
            .quote
            .as_ref()
            .map(|q| Quote { text: clean(q.get_ref()), position: checker.lines.position(q.span().start) }),
        source: raw.source.as_deref().map(clean),
        history: Vec::new(),
    };
    history::attach(checker, raw, &mut metric);
    metric
}

/// `bri_agreements` → `Bri agreements`.
fn label_from_id(id: &str) -> String {
    let spaced = id.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn date(checker: &mut Checker<'_>, raw: &Spanned<Datetime>) -> Option<Date> {
    match (raw.get_ref().date, raw.get_ref().time) {
        (Some(d), None) => Some(Date { year: d.year, month: d.month, day: d.day }),
        _ => {
            checker.error(raw.span(), "expected a date such as 2021-12-03 (no time of day)");
            None
        }
    }
}

/// `part_of` must name another metric of the same unit whose value is at least the part's.
fn check_parts(checker: &mut Checker<'_>, spans: impl Iterator<Item = Option<Range<usize>>>, metrics: &[Metric]) {
    for (i, (m, span)) in metrics.iter().zip(spans).enumerate() {
        let (Some(whole_index), Some(span)) = (m.part_of, span) else {
            continue;
        };
        let whole = &metrics[whole_index];
        if whole_index == i {
            checker.error(span, format!("`{}` cannot be a part of itself", m.id));
        } else if whole.unit != m.unit {
            checker.error(
                span,
                format!(
                    "`{}` is in {} but its whole `{}` is in {}",
                    m.id,
                    unit_name(&m.unit),
                    whole.id,
                    unit_name(&whole.unit)
                ),
            );
        } else if m.value > whole.value {
            checker.error(
                span,
                format!(
                    "part `{}` ({}) is larger than its whole `{}` ({})",
                    m.id,
                    m.display_value(),
                    whole.id,
                    whole.display_value()
                ),
            );
        }
    }
}

fn unit_name(unit: &Unit) -> String {
    match unit {
        Unit::None => "plain numbers".to_owned(),
        other => other.caption().to_owned(),
    }
}
