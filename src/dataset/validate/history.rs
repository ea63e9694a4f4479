//! A metric's `history`: every point checked at its line and column (a date, a value shown as
//! written, the metric's one unit, dates strictly increasing), and the metric's own value made
//! its latest point, so the two can never tell different stories.

use toml::Spanned;

use super::{Checker, clean, date};
use crate::dataset::figure::{self, Written};
use crate::dataset::model::{Metric, Notation, Point, Quote, Unit};
use crate::dataset::raw::{RawMetric, RawPoint};

/// Reads `raw`'s history into `metric` (whose value, unit and dates are already read, the value
/// zero when the file gives none) and reconciles the two: a `value` dated after the last point
/// is appended as the latest point; one dated on the last point must agree with it; a metric
/// without a `value` takes the last point's value, bound, date and, if it has none, evidence.
pub(super) fn attach(checker: &mut Checker<'_>, raw: &RawMetric, metric: &mut Metric) {
    if raw.history.is_empty() {
        if raw.value.is_none() {
            let message =
                format!("missing key `value` in metric `{}` (a metric without a `history` needs one)", metric.id);
            checker.error(raw.id.span(), message);
        }
        return;
    }
    let mut points: Vec<Point> = Vec::with_capacity(raw.history.len() + 1);
    for spanned in &raw.history {
        if let Some(point) = point(checker, raw, metric, spanned.get_ref()) {
            if let Some(previous) = points.last() {
                order(checker, previous, &point, spanned.get_ref());
            }
            points.push(point);
        }
    }
    let Some(last) = points.last().cloned() else {
        return;
    };
    match (&raw.value, metric.as_of) {
        (None, as_of) => {
            if let (Some(as_of), Some(span)) = (as_of, raw.as_of.as_ref().map(Spanned::span))
                && as_of != last.date
            {
                let message = format!(
                    "`as_of` {as_of} is not the date of the history's last point ({}), which is the value",
                    last.date
                );
                checker.error_with_hint(span, message, Some("leave out `as_of`, or add the point".to_owned()));
            }
            take_last(metric, raw, &last);
            if let Some(point) = points.last_mut() {
                point.bound = metric.bound;
            }
        }
        (Some(value), None) => {
            let message = format!("`{}` has a history, so its `value` needs an `as_of` date", metric.id);
            let hint = format!("date it after the last point ({}), or leave out `value`", last.date);
            checker.error_with_hint(value.span(), message, Some(hint));
        }
        (Some(_), Some(as_of)) if as_of > last.date => points.push(own_point(checker, raw, metric, as_of)),
        (Some(value), Some(as_of)) if as_of == last.date => {
            if last.value != metric.value || last.bound != metric.bound {
                let message = format!(
                    "`value` {} differs from the history's point of the same date ({})",
                    metric.display_value(),
                    last.display_value(&metric.unit)
                );
                checker.error(value.span(), message);
            }
            if let Some(point) = points.last_mut() {
                point.quote = point.quote.take().or_else(|| metric.quote.clone());
                point.source = point.source.take().or_else(|| metric.source.clone());
            }
        }
        (Some(_), Some(as_of)) => {
            let span = raw.as_of.as_ref().map_or(0..0, Spanned::span);
            let message =
                format!("`as_of` {as_of} is before the history's last point ({}): the value is the latest", last.date);
            checker.error_with_hint(span, message, Some("move the later points after it, or date the value".into()));
        }
    }
    metric.history = points;
}

/// One point, in the metric's scale; `None` when its date is refused (the error is recorded).
fn point(checker: &mut Checker<'_>, raw: &RawMetric, metric: &Metric, point: &RawPoint) -> Option<Point> {
    if let Some(unit) = &point.unit {
        let word = clean(unit.get_ref());
        let (own, scale) = Unit::parse(&word);
        if own != metric.unit || scale.factor != metric.notation.factor {
            let written = clean(raw.unit.as_deref().unwrap_or(""));
            let metric_unit = if written.is_empty() { "a plain number".to_owned() } else { format!("`{written}`") };
            let message = format!("a metric has one unit: `{}` is in {metric_unit}, this point in `{word}`", metric.id);
            let hint = Some("write the value in the metric's unit, or leave out the point's `unit`".to_owned());
            checker.error_with_hint(unit.span(), message, hint);
        }
    }
    let text = checker.origin.text.get(point.value.span()).unwrap_or("");
    let written = figure::check(*point.value.get_ref(), text, metric.notation.factor);
    // A refused value still leaves a point, so the order of the dates is checked too.
    let Written { value, decimals } = written.unwrap_or_else(|refusal| {
        checker.error(point.value.span(), refusal.to_string());
        Written { value: 0.0, decimals: 0 }
    });
    let when = date(checker, &point.date)?;
    Some(Point {
        date: when,
        value: value * metric.notation.factor,
        notation: Notation { decimals, written: value, ..metric.notation.clone() },
        bound: point.bound,
        quote: point.quote.as_ref().map(|q| quote(checker, q)),
        source: point.source.as_deref().map(clean),
        note: point.note.as_deref().map(clean),
        position: checker.lines.position(point.date.span().start),
    })
}

fn quote(checker: &Checker<'_>, quote: &Spanned<String>) -> Quote {
    Quote { text: clean(quote.get_ref()), position: checker.lines.position(quote.span().start) }
}

/// Dates strictly increase: a point on or before the one above it is an error at its date.
fn order(checker: &mut Checker<'_>, previous: &Point, point: &Point, raw: &RawPoint) {
    if point.date == previous.date {
        let message = format!("two points on {}: a date appears once in a history", point.date);
        checker.error_with_hint(raw.date.span(), message, Some("remove one, or correct its date".into()));
    } else if point.date < previous.date {
        let message = format!("point dates must increase: {} comes after {}", point.date, previous.date);
        checker.error_with_hint(raw.date.span(), message, Some("put the points in date order, oldest first".into()));
    }
}

/// The metric's own value as the latest point, with the metric's evidence.
fn own_point(checker: &Checker<'_>, raw: &RawMetric, metric: &Metric, as_of: crate::dataset::Date) -> Point {
    let start = raw.as_of.as_ref().map_or(0, |d| d.span().start);
    Point::of_metric(metric, as_of, checker.lines.position(start))
}

/// A metric without a `value` is its last point.
fn take_last(metric: &mut Metric, raw: &RawMetric, last: &Point) {
    metric.value = last.value;
    metric.notation = last.notation.clone();
    metric.bound = raw.bound.or(last.bound);
    metric.as_of = Some(last.date);
    if metric.quote.is_none() {
        metric.quote = last.quote.clone();
    }
    if metric.source.is_none() {
        metric.source = last.source.clone();
    }
}
