//! A metric's history in words: the change from one point to another with the points' bounds
//! carried through (from 29.1 Mt to "over 50 Mt" is "over +20.9 Mt": the rise is at least what
//! the figures say, and maybe more), and the details' fields that list the points.

use crate::app::ValueChange;
use crate::dataset::{Bound, Metric, Point};
use crate::details::{Field, Tone};

/// Which way the true figure may lie from a written one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    Exact,
    /// Above (strictly for `over`).
    Up {
        strict: bool,
    },
    /// Below (strictly for `under`).
    Down {
        strict: bool,
    },
    Fuzzy,
}

impl Lean {
    fn of(bound: Option<Bound>) -> Self {
        match bound {
            None => Lean::Exact,
            Some(Bound::Over) => Lean::Up { strict: true },
            Some(Bound::AtLeast) => Lean::Up { strict: false },
            Some(Bound::Under) => Lean::Down { strict: true },
            Some(Bound::AtMost) => Lean::Down { strict: false },
            Some(Bound::About) => Lean::Fuzzy,
        }
    }

    /// The lean of a figure subtracted: a start that may be higher makes the change smaller.
    fn flipped(self) -> Self {
        match self {
            Lean::Up { strict } => Lean::Down { strict },
            Lean::Down { strict } => Lean::Up { strict },
            other => other,
        }
    }

    fn and(self, other: Lean) -> Self {
        match (self, other) {
            (Lean::Exact, x) | (x, Lean::Exact) => x,
            (Lean::Up { strict: a }, Lean::Up { strict: b }) => Lean::Up { strict: a || b },
            (Lean::Down { strict: a }, Lean::Down { strict: b }) => Lean::Down { strict: a || b },
            _ => Lean::Fuzzy,
        }
    }

    fn bound(self) -> Option<Bound> {
        match self {
            Lean::Exact => None,
            Lean::Up { strict: true } => Some(Bound::Over),
            Lean::Up { strict: false } => Some(Bound::AtLeast),
            Lean::Down { strict: true } => Some(Bound::Under),
            Lean::Down { strict: false } => Some(Bound::AtMost),
            Lean::Fuzzy => Some(Bound::About),
        }
    }
}

/// The bound of `to − from` given the bounds of each figure.
pub fn change_bound(from: Option<Bound>, to: Option<Bound>) -> Option<Bound> {
    Lean::of(to).and(Lean::of(from).flipped()).bound()
}

/// How many decimals a change between two points shows: the finer of the two when both were
/// written in one scale, else the model's own precision.
fn change_decimals(from: &Point, to: &Point) -> u8 {
    if from.notation.factor == to.notation.factor {
        from.notation.decimals.max(to.notation.decimals)
    } else {
        crate::dataset::figure::DECIMALS as u8
    }
}

/// The change from `from` to `to` of `metric`'s history, signed, in its unit, as precise as the
/// finer of the two, with its bound in words: `+10.3 Mt`, `over +20.9 Mt`, `−0.4 Mt`, `±0`.
pub fn change(metric: &Metric, from: &Point, to: &Point) -> String {
    let difference = to.value - from.value;
    let decimals = change_decimals(from, to);
    let amount = metric.amount(difference.abs(), decimals);
    let sign = sign_of(difference);
    let signed = format!("{sign}{amount}");
    match change_bound(from.bound, to.bound) {
        Some(bound) => format!("{} {signed}", bound.words()),
        None => signed,
    }
}

/// The change from `from` to `to` of `metric`'s history as a table's cell shows it: the
/// bound's mark, then the signed number as [`change`] works it out, without the unit (the
/// table's row says it): `+10.3`, `>+20.9`, `≈−0.4`, `±0`.
pub fn short_change(metric: &Metric, from: &Point, to: &Point) -> String {
    let difference = to.value - from.value;
    let decimals = change_decimals(from, to);
    let factor = if metric.notation.factor > 0.0 { metric.notation.factor } else { 1.0 };
    let number = crate::text::number::format_number(difference.abs() / factor, usize::from(decimals));
    let sign = sign_of(difference);
    let mark = change_bound(from.bound, to.bound).map_or("", Bound::math_symbol);
    format!("{mark}{sign}{number}")
}

/// `+`, `−` or `±`: the sign a change is written with.
fn sign_of(difference: f64) -> &'static str {
    if difference > 0.0 {
        "+"
    } else if difference < 0.0 {
        "−"
    } else {
        "±"
    }
}

/// The details' fields of a history of two points or more: `History`, from the first point to
/// the last with the change between them, and `Points`, one line each (date, value, change
/// from the point before, note, evidence), those the last reload added or changed in the
/// changed tone. Empty without a history.
pub fn fields(metric: &Metric, change_of_metric: Option<&ValueChange>) -> (Vec<Field>, Vec<Field>) {
    let points = &metric.history;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return (Vec::new(), Vec::new());
    };
    if points.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let unit = &metric.unit;
    let summary = format!(
        "from {} on {} to {} on {}: {} ({} points)",
        first.display_value(unit),
        first.date.human(),
        last.display_value(unit),
        last.date.human(),
        change(metric, first, last),
        points.len()
    );
    let history = vec![Field { name: "History", text: summary, tone: Tone::Body }];
    let changed: Vec<_> = change_of_metric.map(|c| c.points.iter().map(|p| p.date).collect()).unwrap_or_default();
    let listed = points
        .iter()
        .enumerate()
        .map(|(i, point)| {
            let mut text = format!("{}: {}", point.date.human(), point.display_value(unit));
            if i > 0 {
                text += &format!(" ({})", change(metric, &points[i - 1], point));
            }
            if let Some(note) = &point.note {
                text += &format!(" · {note}");
            }
            if let Some(quote) = &point.quote {
                text += &format!(" · “{}”", quote.text);
            }
            if let Some(source) = &point.source {
                text += &format!(" · {source}");
            }
            let tone = if changed.contains(&point.date) { Tone::Changed } else { Tone::Body };
            Field { name: if i == 0 { "Points" } else { "" }, text, tone }
        })
        .collect();
    (history, listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(history: &str) -> Metric {
        let text = format!("title = \"T\"\n[[metric]]\nid = \"a\"\nunit = \"Mt\"\nhistory = [{history}]\n");
        crate::dataset::parse_valid(&text).metrics.remove(0)
    }

    #[test]
    fn bounds_are_carried_through_a_change() {
        let m = metric(
            "{ date = 2023-12-02, value = 29.1 }, { date = 2024-12-31, value = 50, bound = \"over\" }, \
             { date = 2025-06-01, value = 49.6, bound = \"about\" }",
        );
        let h = &m.history;
        assert_eq!(change(&m, &h[0], &h[1]), "over +20.9 Mt", "the issue's example");
        assert_eq!(change(&m, &h[1], &h[2]), "about −0.4 Mt");
        assert_eq!(change_bound(Some(Bound::Over), None), Some(Bound::Under), "a start above makes a smaller rise");
        assert_eq!(change_bound(Some(Bound::AtMost), Some(Bound::AtLeast)), Some(Bound::AtLeast));
        assert_eq!(change_bound(Some(Bound::Over), Some(Bound::Over)), Some(Bound::About), "no direction is known");
        assert_eq!(change_bound(None, None), None);
        assert_eq!(short_change(&m, &h[0], &h[1]), ">+20.9", "a table's cell: the mark, no unit");
        assert_eq!(short_change(&m, &h[1], &h[2]), "≈−0.4");
        assert_eq!(short_change(&m, &h[0], &h[0]), "±0");
    }

    #[test]
    fn the_fields_list_every_point_with_its_change_and_evidence() {
        let m = metric(
            "{ date = 2022-12-02, value = 11.2, source = \"https://a\" }, \
             { date = 2023-12-02, value = 29.1, note = \"the report's date\", quote = \"29.1 million\" }",
        );
        let (history, points) = fields(&m, None);
        assert_eq!(history[0].text, "from 11.2 Mt on 2 Dec 2022 to 29.1 Mt on 2 Dec 2023: +17.9 Mt (2 points)");
        let texts: Vec<(&str, &str)> = points.iter().map(|f| (f.name, f.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("Points", "2 Dec 2022: 11.2 Mt · https://a"),
                ("", "2 Dec 2023: 29.1 Mt (+17.9 Mt) · the report's date · “29.1 million”"),
            ]
        );
        assert_eq!(fields(&metric("{ date = 2022-12-02, value = 1 }"), None).0, [], "one point is no history");
    }
}
