//! The validated dataset. A [`Dataset`] cannot hold a bad value: numbers are finite and
//! non-negative, references are indices that exist, gauge ratios lie in 0..=1, and every string
//! has been through the sanitiser.

use std::path::PathBuf;

use super::diagnostic::Position;
pub use super::raw::RawBound as Bound;
pub use super::raw::RawChartKind as ChartKind;
pub use super::raw::RawDirection as ChartDirection;
pub use super::raw::RawScale as ChartScale;
pub use super::raw::RawSort as SortKey;
pub use super::unit::{Notation, Scale, Unit};

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub subtitle: Option<String>,
    pub source: Option<Source>,
    /// The article named by the dataset, resolved against the dataset's folder.
    pub article: Option<ArticleRef>,
    pub metrics: Vec<Metric>,
    pub charts: Vec<Chart>,
    pub gauges: Vec<Gauge>,
    /// The presentation as the file defines it; empty when the deck is to be generated.
    pub slides: Vec<SlideSpec>,
}

/// A slide the file defines.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideSpec {
    pub title: Option<String>,
    pub caption: Option<String>,
    /// The speaker's notes, Markdown, sanitised (line breaks kept).
    pub notes: Option<String>,
    pub content: SlideContent,
}

/// What a slide shows. Indices point into the dashboard's metrics, charts and gauges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideContent {
    Title,
    Sources,
    Chart(usize),
    Gauge(usize),
    /// One metric as a big number.
    Metric(usize),
    /// Several metrics of one unit as bars.
    Metrics(Vec<usize>),
}

impl Dataset {
    /// Index of the metric with this id.
    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }
}

/// The dataset's `article` key: the resolved path, and where the key was written.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRef {
    pub path: PathBuf,
    pub position: Position,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    pub name: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub label: String,
    /// In the unit's base (tonnes for masses), finite, >= 0 and at most 2^53 in the unit the
    /// file wrote it in.
    pub value: f64,
    pub unit: Unit,
    /// How the file wrote the value, so it is shown that way.
    pub notation: Notation,
    pub bound: Option<Bound>,
    /// Index of the whole this metric is a part of.
    pub part_of: Option<usize>,
    pub since: Option<Date>,
    pub as_of: Option<Date>,
    pub note: Option<String>,
    pub quote: Option<Quote>,
    pub source: Option<String>,
    /// The figure over time, oldest first, dates strictly increasing, the last point being the
    /// metric's own value; empty when the file gives no `history`.
    pub history: Vec<Point>,
}

/// One point of a metric's history, in the metric's unit (values in its base, like
/// [`Metric::value`]), with its own evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub date: Date,
    /// In the unit's base (tonnes for masses), finite and >= 0.
    pub value: f64,
    /// How the file wrote it (the metric's scale, the point's own decimals).
    pub notation: Notation,
    pub bound: Option<Bound>,
    pub quote: Option<Quote>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// Where the point's `date` is written, for the warnings about it.
    pub position: Position,
}

impl Point {
    /// A metric's own value as a point dated `date`, with the metric's evidence, written at
    /// `position`.
    pub fn of_metric(metric: &Metric, date: Date, position: Position) -> Self {
        Self {
            date,
            value: metric.value,
            notation: metric.notation.clone(),
            bound: metric.bound,
            quote: metric.quote.clone(),
            source: metric.source.clone(),
            note: None,
            position,
        }
    }
}

/// A metric's evidence: a phrase of the article, and where it was written in the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: String,
    pub position: Position,
}

impl Bound {
    /// The bound of a ratio `part / whole` given the bounds of each: a whole that is "over" makes
    /// the share "at most", a part that is "over" makes it "at least", and so on.
    pub fn of_ratio(part: Option<Bound>, whole: Option<Bound>) -> Option<Bound> {
        use Direction::*;
        let direction = |b: Option<Bound>| match b {
            None => Exact,
            Some(Bound::Over | Bound::AtLeast) => Up,
            Some(Bound::Under | Bound::AtMost) => Down,
            Some(Bound::About) => Fuzzy,
        };
        match (direction(part), direction(whole)) {
            (Exact, Exact) => None,
            (Up | Exact, Down) | (Up, Exact) => Some(Bound::AtLeast),
            (Down | Exact, Up) | (Down, Exact) => Some(Bound::AtMost),
            _ => Some(Bound::About),
        }
    }
}

enum Direction {
    Exact,
    Up,
    Down,
    Fuzzy,
}

/// A calendar date (the dataset has no use for times).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The name slides use for it, if the file gave one.
    pub id: Option<String>,
    pub title: String,
    /// Indices into [`Dataset::metrics`], all of one unit.
    pub metrics: Vec<usize>,
    pub direction: ChartDirection,
    /// How bar lengths follow the values.
    pub scale: ChartScale,
    /// Bars, lines over time, or a table.
    pub kind: ChartKind,
    /// The column a table opens sorted by (its rows keep the order of `metrics` without one);
    /// `None` for bars and lines, whose `sort` orders `metrics` itself.
    pub sort: Option<SortKey>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gauge {
    /// The name slides use for it, if the file gave one.
    pub id: Option<String>,
    pub title: String,
    pub metric: usize,
    /// The whole the share is taken of.
    pub of: usize,
    pub note: Option<String>,
    /// `metric / of`, within 0..=1.
    pub ratio: f64,
    /// Set when either figure is a bound, so the share is one too.
    pub bound: Option<Bound>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_bounds_follow_the_direction_of_each_figure() {
        assert_eq!(Bound::of_ratio(None, Some(Bound::Over)), Some(Bound::AtMost));
        assert_eq!(Bound::of_ratio(Some(Bound::Over), None), Some(Bound::AtLeast));
        assert_eq!(Bound::of_ratio(None, None), None);
        assert_eq!(Bound::of_ratio(Some(Bound::Over), Some(Bound::Over)), Some(Bound::About));
        assert_eq!(Bound::of_ratio(Some(Bound::Under), Some(Bound::Over)), Some(Bound::AtMost));
    }

    #[test]
    fn dates_read_the_same_everywhere() {
        let d = Date { year: 2021, month: 12, day: 3 };
        assert_eq!(d.human(), "3 Dec 2021");
        assert_eq!(d.to_string(), "2021-12-03");
    }
}
