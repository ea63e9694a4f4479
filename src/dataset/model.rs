//! The validated dataset. A [`Dataset`] cannot hold a bad value: numbers are finite and
//! non-negative, references are indices that exist, gauge ratios lie in 0..=1, and every string
//! has been through the sanitiser.

use std::fmt;
use std::path::PathBuf;

use crate::text::number::format_percent;

use super::diagnostic::Position;
pub use super::raw::RawBound as Bound;
pub use super::raw::RawDirection as ChartDirection;
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

impl Source {
    /// `CGTN, “China draws blueprint …”, 10 Apr 2025` (with `separator` between the parts).
    pub fn describe(&self, separator: &str) -> String {
        [self.name.clone(), self.title.as_ref().map(|t| format!("“{t}”")), self.date.map(|d| d.human())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(separator)
    }
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
}

impl Metric {
    /// The value with its unit and bound, for detail lines: `over 50 Mt`, `28 countries`.
    pub fn display_value(&self) -> String {
        let value = self.notation.format(&self.unit, self.value, self.notation.decimals, true);
        match self.bound {
            Some(bound) => format!("{} {value}", bound.words()),
            None => value,
        }
    }

    /// The dates the figure covers: `3 Dec 2021 – 31 Dec 2024`, `as of 10 Apr 2025`.
    pub fn period(&self) -> Option<String> {
        match (self.since, self.as_of) {
            (Some(since), Some(as_of)) => Some(format!("{} – {}", since.human(), as_of.human())),
            (Some(since), None) => Some(format!("since {}", since.human())),
            (None, Some(as_of)) => Some(format!("as of {}", as_of.human())),
            (None, None) => None,
        }
    }

    /// An amount in this metric's base unit (a value on its way during an animation, a
    /// difference), written as this metric is written, to `decimals` places, without count
    /// words: `1.5 Mt`, `3`.
    pub fn amount(&self, base: f64, decimals: u8) -> String {
        self.notation.format(&self.unit, base, decimals, false)
    }

    /// The compact value for bars: `>50 Mt`, `28`.
    pub fn short_value(&self) -> String {
        let value = self.amount(self.value, self.notation.decimals);
        match self.bound {
            Some(bound) => format!("{}{value}", bound.symbol()),
            None => value,
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
    /// Plain ASCII so it can go inside a bar (ratatui measures bar values in bytes).
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Over => ">",
            Bound::Under => "<",
            Bound::AtLeast => ">=",
            Bound::AtMost => "<=",
            Bound::About => "~",
        }
    }

    /// The typographic symbol, for text drawn width-aware (gauges, details).
    pub fn math_symbol(self) -> &'static str {
        match self {
            Bound::Over => ">",
            Bound::Under => "<",
            Bound::AtLeast => "≥",
            Bound::AtMost => "≤",
            Bound::About => "≈",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Bound::Over => "over",
            Bound::Under => "under",
            Bound::AtLeast => "at least",
            Bound::AtMost => "at most",
            Bound::About => "about",
        }
    }

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

impl Date {
    /// `3 Dec 2021`: unambiguous in every locale.
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let month = MONTHS.get(usize::from(self.month).wrapping_sub(1)).unwrap_or(&"?");
        format!("{} {month} {}", self.day, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The name slides use for it, if the file gave one.
    pub id: Option<String>,
    pub title: String,
    /// Indices into [`Dataset::metrics`], all of one unit.
    pub metrics: Vec<usize>,
    pub direction: ChartDirection,
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

impl Gauge {
    /// `<=23.2%`: the share in ASCII, for big digits (the 8×8 font has no `≤`).
    pub fn big_ratio(&self) -> String {
        let percent = format_percent(self.ratio);
        match self.bound {
            Some(bound) => format!("{}{percent}", bound.symbol()),
            None => percent,
        }
    }

    /// `≤23.2%`, `>40%`, `~12%`, `89.3%`.
    pub fn display_ratio(&self) -> String {
        let percent = format_percent(self.ratio);
        match self.bound {
            Some(bound) => format!("{}{percent}", bound.math_symbol()),
            None => percent,
        }
    }
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
