//! The views of the data: charts, gauges and slides, each checked against the metrics they
//! name; and the charts and gauges made when the file lists none.

use std::collections::HashSet;

use toml::Spanned;

use super::{Checker, Ids, clean, label_from_id, lookup, unit_name, well_formed_id};
use crate::dataset::model::{
    Bound, Chart, ChartDirection, ChartKind, ChartScale, Gauge, Metric, SlideContent, SlideSpec, SortKey, Unit,
};
use crate::dataset::raw::{RawChart, RawGauge, RawSlide, RawSlideKind};
use crate::text::width::width;

/// Labels at most this wide (in a chart of at most [`VERTICAL_MAX_BARS`]) fit under vertical bars.
const VERTICAL_MAX_LABEL: usize = 8;
const VERTICAL_MAX_BARS: usize = 12;

/// Chart and gauge ids: well formed and unique among their kind.
pub(super) fn check_names<'a>(checker: &mut Checker<'_>, names: impl Iterator<Item = &'a Spanned<String>>, kind: &str) {
    let mut seen = HashSet::new();
    for name in names {
        let text = name.get_ref();
        if !well_formed_id(text) {
            checker.error(name.span(), format!("{kind} id `{text}` must be lowercase letters, digits and _"));
        } else if !seen.insert(text.clone()) {
            checker.error(name.span(), format!("duplicate {kind} id `{text}`"));
        }
    }
}

/// A `[[slide]]`: exactly one of `chart`, `gauge`, `metric`, `metrics`, `kind`, each pointing at
/// something that exists.
pub(super) fn slide(
    checker: &mut Checker<'_>,
    raw: &Spanned<RawSlide>,
    ids: &Ids,
    metrics: &[Metric],
    charts: &[Chart],
    gauges: &[Gauge],
) -> Option<SlideSpec> {
    let s = raw.get_ref();
    let given = [s.chart.is_some(), s.gauge.is_some(), s.metric.is_some(), s.metrics.is_some(), s.kind.is_some()];
    if given.iter().filter(|&&g| g).count() != 1 {
        checker.error(
            raw.span(),
            "a slide shows exactly one of: chart = \"<id>\", gauge = \"<id>\", metric = \"<id>\", metrics = [...], kind = \"title\" or \"sources\"",
        );
        return None;
    }
    let content = if let Some(chart) = &s.chart {
        SlideContent::Chart(named(checker, chart, charts.iter().map(|c| c.id.as_ref()).collect(), "chart")?)
    } else if let Some(gauge) = &s.gauge {
        SlideContent::Gauge(named(checker, gauge, gauges.iter().map(|g| g.id.as_ref()).collect(), "gauge")?)
    } else if let Some(metric) = &s.metric {
        SlideContent::Metric(lookup(checker, ids, metric)?)
    } else if let Some(list) = &s.metrics {
        SlideContent::Metrics(members(checker, list, ids, metrics, "slide"))
    } else {
        match s.kind {
            Some(RawSlideKind::Title) => SlideContent::Title,
            _ => SlideContent::Sources,
        }
    };
    // Notes are Markdown: their line breaks are kept (a list, a paragraph break).
    let notes = s.notes.as_deref().map(|text| crate::text::sanitize(text).into_owned());
    Some(SlideSpec { title: s.title.as_deref().map(clean), caption: s.caption.as_deref().map(clean), notes, content })
}

/// The index of the chart or gauge a slide names, reported when there is none.
fn named(
    checker: &mut Checker<'_>,
    reference: &Spanned<String>,
    names: Vec<Option<&String>>,
    kind: &str,
) -> Option<usize> {
    let wanted = reference.get_ref();
    let found = names.iter().position(|n| *n == Some(wanted));
    if found.is_none() {
        let known: Vec<&str> = names.iter().flatten().map(|n| n.as_str()).collect();
        let hint = crate::dataset::hint::closest(wanted, known.iter().copied())
            .map(|near| format!("did you mean `{near}`?"))
            .unwrap_or_else(|| format!("give the {kind} an `id` to show it on a slide"));
        checker.error_with_hint(reference.span(), format!("no {kind} has the id `{wanted}`"), Some(hint));
    }
    found
}

pub(super) fn chart(checker: &mut Checker<'_>, raw: &RawChart, ids: &Ids, metrics: &[Metric]) -> Chart {
    let kind = raw.kind.unwrap_or_default();
    let what = match kind {
        ChartKind::Bar => "chart",
        ChartKind::Line => "line chart",
        ChartKind::Table => "table",
    };
    let mut members = members(checker, &raw.metrics, ids, metrics, what);
    if kind == ChartKind::Line {
        members.retain(|&m| dated(checker, &raw.metrics, &metrics[m]));
    }
    if kind != ChartKind::Bar {
        // A log axis would make a tenfold rise look like any other: a line chart has none,
        // and a table draws no scale at all.
        if let Some(scale) = raw.scale.as_ref().filter(|s| *s.get_ref() == ChartScale::Log) {
            let (message, hint) = if kind == ChartKind::Line {
                (
                    "a line chart's value axis is linear, from zero: `scale = \"log\"` is for bar charts",
                    "remove `scale`, or draw these metrics as bars",
                )
            } else {
                ("a table draws no scale: `scale = \"log\"` is for bar charts", "remove `scale`")
            };
            checker.error_with_hint(scale.span(), message, Some(hint.to_owned()));
        }
    }
    let sort = raw.sort.as_ref().map(|s| *s.get_ref());
    if kind != ChartKind::Table
        && let Some(spanned) = raw.sort.as_ref().filter(|s| *s.get_ref() != SortKey::Value)
    {
        checker.error_with_hint(
            spanned.span(),
            format!(
                "only a table sorts by its `{}` column: bars and lines sort by `value`",
                sort_name(*spanned.get_ref())
            ),
            Some("`sort = \"value\"`, or `kind = \"table\"`".to_owned()),
        );
    }
    if kind != ChartKind::Table && sort == Some(SortKey::Value) {
        // Largest first; equal values keep the file's order (a stable sort).
        members.sort_by(|&a, &b| metrics[b].value.total_cmp(&metrics[a].value));
    }
    let direction = raw.direction.unwrap_or_else(|| default_direction(&members, metrics));
    Chart {
        id: raw.id.as_ref().map(|id| id.get_ref().clone()),
        title: clean(&raw.title),
        metrics: members,
        direction,
        scale: raw.scale.as_ref().map(|s| *s.get_ref()).unwrap_or_default(),
        kind,
        // A table keeps the file's order of rows, so `s` can cycle back to it.
        sort: if kind == ChartKind::Table { sort } else { None },
    }
}

/// How the file spells a sort key.
fn sort_name(key: SortKey) -> &'static str {
    match key {
        SortKey::Value => "value",
        SortKey::Label => "label",
        SortKey::AsOf => "as_of",
        SortKey::Change => "change",
    }
}

/// Whether a line chart can place `metric` on its time axis: a metric without a history is one
/// point, at its `as_of`, so it needs one. Reported at the metric's name in the chart's list.
fn dated(checker: &mut Checker<'_>, list: &Spanned<Vec<Spanned<String>>>, metric: &Metric) -> bool {
    if !metric.history.is_empty() || metric.as_of.is_some() {
        return true;
    }
    let span = list.get_ref().iter().find(|r| r.get_ref() == &metric.id).map_or_else(|| list.span(), Spanned::span);
    checker.error_with_hint(
        span,
        format!("`{}` has no `history` and no `as_of`: a line chart places each point at a date", metric.id),
        Some(format!("give `{}` an `as_of` date (it is then one point) or a `history`", metric.id)),
    );
    false
}

/// The metrics a chart (or a slide of bars) lists: each once, all of one unit.
fn members(
    checker: &mut Checker<'_>,
    list: &Spanned<Vec<Spanned<String>>>,
    ids: &Ids,
    metrics: &[Metric],
    what: &str,
) -> Vec<usize> {
    if list.get_ref().is_empty() {
        checker.error(list.span(), format!("a {what} needs at least one metric"));
    }
    let mut members: Vec<usize> = Vec::new();
    for reference in list.get_ref() {
        let Some(index) = lookup(checker, ids, reference) else {
            continue;
        };
        if members.contains(&index) {
            checker.error(reference.span(), format!("`{}` is already in this {what}", reference.get_ref()));
            continue;
        }
        // A table draws no shared scale: its rows may be of any units.
        if let Some(&first) = members.first()
            && what != "table"
            && metrics[first].unit != metrics[index].unit
        {
            checker.error(
                reference.span(),
                format!(
                    "`{}` is in {} but this {what} is in {}: {}",
                    reference.get_ref(),
                    unit_name(&metrics[index].unit),
                    unit_name(&metrics[first].unit),
                    if what == "line chart" {
                        "the lines of one chart share a value axis"
                    } else {
                        "bars of one chart share a scale"
                    }
                ),
            );
            continue;
        }
        members.push(index);
    }
    members
}

/// Long labels read better beside horizontal bars; short ones (years, codes) fit under columns.
fn default_direction(members: &[usize], metrics: &[Metric]) -> ChartDirection {
    let short = members.iter().all(|&i| width(&metrics[i].label) <= VERTICAL_MAX_LABEL);
    if short && members.len() <= VERTICAL_MAX_BARS { ChartDirection::Vertical } else { ChartDirection::Horizontal }
}

/// Without `[[chart]]`: one chart per unit, in the order units first appear, split where its
/// values are not comparable (see [`super::grouping`]).
pub(super) fn default_charts(metrics: &[Metric]) -> Vec<Chart> {
    let mut units: Vec<&Unit> = Vec::new();
    for m in metrics {
        if !units.contains(&&m.unit) {
            units.push(&m.unit);
        }
    }
    units
        .into_iter()
        .flat_map(|unit| {
            let members: Vec<usize> = (0..metrics.len()).filter(|&i| &metrics[i].unit == unit).collect();
            let title = match unit {
                Unit::None => "Values".to_owned(),
                Unit::Countries => "Countries".to_owned(),
                Unit::Tonnes => "Tonnage".to_owned(),
                Unit::Other(word) => label_from_id(word),
            };
            let groups = super::grouping::comparable_groups(&members, metrics);
            let split = groups.len() > 1;
            groups.into_iter().map(move |group| {
                let title = if split { super::grouping::range_title(&title, &group, metrics) } else { title.clone() };
                let direction = default_direction(&group, metrics);
                Chart {
                    id: None,
                    title,
                    metrics: group,
                    direction,
                    scale: ChartScale::Linear,
                    kind: ChartKind::Bar,
                    sort: None,
                }
            })
        })
        .collect()
}

pub(super) fn gauge(checker: &mut Checker<'_>, raw: &RawGauge, ids: &Ids, metrics: &[Metric]) -> Option<Gauge> {
    let part = lookup(checker, ids, &raw.metric)?;
    let whole = match &raw.of {
        Some(of) => lookup(checker, ids, of)?,
        None => match metrics[part].part_of {
            Some(whole) => whole,
            None => {
                checker.error(
                    raw.metric.span(),
                    format!(
                        "this gauge needs `of = \"<id>\"`: `{}` has no `part_of` to take the share of",
                        metrics[part].id
                    ),
                );
                return None;
            }
        },
    };
    let span = raw.of.as_ref().map_or_else(|| raw.metric.span(), Spanned::span);
    let (p, w) = (&metrics[part], &metrics[whole]);
    if p.unit != w.unit {
        checker.error(
            span,
            format!("`{}` is in {} but `{}` is in {}", p.id, unit_name(&p.unit), w.id, unit_name(&w.unit)),
        );
        return None;
    }
    if w.value <= 0.0 {
        checker.error(span, format!("the whole `{}` is 0, so a share of it means nothing", w.id));
        return None;
    }
    let ratio = p.value / w.value;
    if !(0.0..=1.0).contains(&ratio) {
        checker.error(
            span,
            format!(
                "`{}` ({}) is larger than `{}` ({}): a gauge shows a share of at most 100%",
                p.id,
                p.display_value(),
                w.id,
                w.display_value()
            ),
        );
        return None;
    }
    Some(Gauge {
        id: raw.id.as_ref().map(|id| id.get_ref().clone()),
        title: raw.title.as_deref().map_or_else(|| p.label.clone(), clean),
        metric: part,
        of: whole,
        note: raw.note.as_deref().map(clean),
        ratio,
        bound: Bound::of_ratio(p.bound, w.bound),
    })
}

/// Without `[[gauge]]`: one gauge per metric that is `part_of` another.
pub(super) fn default_gauges(metrics: &[Metric]) -> Vec<Gauge> {
    metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let whole = m.part_of?;
            let w = &metrics[whole];
            let ratio = if w.value > 0.0 {
                m.value / w.value
            } else {
                return None;
            };
            Some(Gauge {
                id: None,
                title: m.label.clone(),
                metric: i,
                of: whole,
                note: None,
                ratio: ratio.clamp(0.0, 1.0),
                bound: Bound::of_ratio(m.bound, w.bound),
            })
        })
        .collect()
}
