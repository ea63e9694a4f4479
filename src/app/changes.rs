//! What a reload changed: every value that differs, as old → new with the delta, shown for a
//! few seconds after the reload.

use std::collections::HashMap;

use crate::dataset::{Dataset, Date, Metric};

/// One metric whose value changed (or that is new).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    pub id: String,
    pub label: String,
    /// The old value as shown, or `None` for a new metric.
    pub old: Option<String>,
    /// The old value itself (in the unit's base), for animating from it.
    pub old_value: Option<f64>,
    pub new: String,
    /// `+2`, `−1.5 Mt`; `None` for a new metric or when only the wording changed (a bound).
    pub delta: Option<String>,
    /// The points of the metric's history that are new or changed (none for a new metric:
    /// all of it is new), oldest first; the sparkline and the details highlight them.
    pub points: Vec<PointChange>,
}

/// A point of a history that a reload added or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointChange {
    pub date: Date,
    /// No point of that date was there before.
    pub added: bool,
}

/// The points of `new`'s history that `old`'s did not have, or had with another value, bound,
/// quote or source; matched by date.
fn point_changes(old: &Metric, new: &Metric) -> Vec<PointChange> {
    new.history
        .iter()
        .filter_map(|point| match old.history.iter().find(|p| p.date == point.date) {
            None => Some(PointChange { date: point.date, added: true }),
            Some(before)
                if before.value != point.value
                    || before.bound != point.bound
                    || before.notation != point.notation
                    || before.quote.as_ref().map(|q| &q.text) != point.quote.as_ref().map(|q| &q.text)
                    || before.source != point.source =>
            {
                Some(PointChange { date: point.date, added: false })
            }
            Some(_) => None,
        })
        .collect()
}

/// The value changes from `old` to `new`, in the new file's order. Metrics are matched by id.
pub fn diff(old: &Dataset, new: &Dataset) -> Vec<ValueChange> {
    let by_id: HashMap<&str, &Metric> = old.metrics.iter().map(|m| (m.id.as_str(), m)).collect();
    new.metrics
        .iter()
        .filter_map(|m| {
            let before = by_id.get(m.id.as_str()).copied();
            match before {
                None => Some(ValueChange {
                    id: m.id.clone(),
                    label: m.label.clone(),
                    old: None,
                    old_value: None,
                    new: m.short_value(),
                    delta: None,
                    points: Vec::new(),
                }),
                Some(o) => {
                    let points = point_changes(o, m);
                    let value_changed = o.value != m.value || o.unit != m.unit || o.bound != m.bound;
                    (value_changed || !points.is_empty()).then(|| ValueChange {
                        id: m.id.clone(),
                        label: m.label.clone(),
                        old: Some(o.short_value()),
                        old_value: Some(o.value),
                        new: m.short_value(),
                        delta: delta(o, m),
                        points,
                    })
                }
            }
        })
        .collect()
}

/// The signed difference in the new metric's unit, when the units agree and it is not zero.
fn delta(old: &Metric, new: &Metric) -> Option<String> {
    if old.unit != new.unit || old.value == new.value {
        return None;
    }
    let difference = new.value - old.value;
    let sign = if difference > 0.0 { "+" } else { "−" };
    // As precise as the finer of the two figures; in another scale, as precise as any value is.
    let decimals = if old.notation.factor == new.notation.factor {
        old.notation.decimals.max(new.notation.decimals)
    } else {
        crate::dataset::figure::DECIMALS as u8
    };
    Some(format!("{sign}{}", new.amount(difference.abs(), decimals)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_valid;

    #[test]
    fn changed_values_come_with_old_new_and_delta() {
        let old = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 25\n[[metric]]\nid = \"t\"\nvalue = 50\nunit = \"Mt\"\n[[metric]]\nid = \"same\"\nvalue = 1\n",
        );
        let new = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 27\n[[metric]]\nid = \"t\"\nvalue = 48.5\nunit = \"Mt\"\n[[metric]]\nid = \"same\"\nvalue = 1\n[[metric]]\nid = \"fresh\"\nvalue = 3\n",
        );
        let changes = diff(&old, &new);
        let described: Vec<(String, String)> = changes.iter().map(|c| (c.id.clone(), c.describe())).collect();
        assert_eq!(
            described,
            [
                ("a".to_owned(), "25 → 27 (+2)".to_owned()),
                ("t".to_owned(), "50 Mt → 48.5 Mt (−1.5 Mt)".to_owned()),
                ("fresh".to_owned(), "new: 3".to_owned()),
            ]
        );
    }

    #[test]
    fn a_new_bound_is_a_change_without_a_delta() {
        let old = parse_valid("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 5\n");
        let new = parse_valid("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 5\nbound = \"over\"\n");
        assert_eq!(diff(&old, &new)[0].describe(), "5 → >5");
    }

    #[test]
    fn an_added_or_changed_point_is_a_change_that_names_it() {
        let old = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 5\nas_of = 2022-01-01\nhistory = [{ date = 2020-01-01, value = 1 }]\n",
        );
        let added = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 5\nas_of = 2022-01-01\n\
             history = [{ date = 2020-01-01, value = 1 }, { date = 2021-01-01, value = 3 }]\n",
        );
        let changes = diff(&old, &added);
        assert_eq!(changes.len(), 1);
        let date = crate::dataset::Date { year: 2021, month: 1, day: 1 };
        assert_eq!(changes[0].points, [PointChange { date, added: true }]);
        assert_eq!(changes[0].describe(), "new point 1 Jan 2021");
        let changed = parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 6\nas_of = 2022-01-01\nhistory = [{ date = 2020-01-01, value = 2 }]\n",
        );
        assert_eq!(diff(&old, &changed)[0].describe(), "5 → 6 (+1) · 2 points changed");
    }

    #[test]
    fn nothing_changed_is_an_empty_diff() {
        let d = parse_valid("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 5\n");
        assert!(diff(&d, &d).is_empty());
    }
}
