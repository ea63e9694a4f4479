//! The validated dataset. A [`Dashboard`] cannot hold a bad value: numbers are finite and
//! non-negative, references are indices that exist, gauge ratios lie in 0..=1, and every string
//! has been through the sanitiser.

use std::fmt;
use std::path::PathBuf;

use crate::text::number::{format_number, format_percent, format_tonnes};

use super::diagnostic::Position;
pub use super::raw::RawBound as Bound;
pub use super::raw::RawDirection as ChartDirection;

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
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

impl Dashboard {
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
    /// In the unit's base (tonnes for masses), finite and >= 0.
    pub value: f64,
    pub unit: Unit,
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
        let value = self.unit.format(self.value);
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

    /// The compact value for bars: `>50 Mt`, `28`.
    pub fn short_value(&self) -> String {
        let value = self.unit.format_short(self.value);
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

/// What a value counts or weighs. Masses are stored in tonnes whatever unit the file used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A plain number.
    None,
    Countries,
    Tonnes,
    /// Any other word, shown after the number.
    Other(String),
}

impl Unit {
    /// Parses the file's unit word, returning the unit and the factor that converts the file's
    /// number to the unit's base (1 000 000 for `Mt`).
    pub fn parse(word: &str) -> (Unit, f64) {
        match word.trim() {
            "" => (Unit::None, 1.0),
            "countries" | "country" => (Unit::Countries, 1.0),
            "t" | "tonnes" | "tonne" => (Unit::Tonnes, 1.0),
            "kt" => (Unit::Tonnes, 1e3),
            "Mt" => (Unit::Tonnes, 1e6),
            "Gt" => (Unit::Tonnes, 1e9),
            other => (Unit::Other(other.to_owned()), 1.0),
        }
    }

    /// `28 countries`, `1 country`, `11.58 Mt`, `3 ports`.
    pub fn format(&self, value: f64) -> String {
        match self {
            Unit::None => format_number(value, 2),
            Unit::Countries if value == 1.0 => "1 country".to_owned(),
            Unit::Countries => format!("{} countries", format_number(value, 2)),
            Unit::Tonnes => format_tonnes(value),
            Unit::Other(word) => format!("{} {word}", format_number(value, 2)),
        }
    }

    /// Like [`Unit::format`] but without count words, which the chart title already says.
    pub fn format_short(&self, value: f64) -> String {
        match self {
            Unit::Tonnes => format_tonnes(value),
            _ => format_number(value, 2),
        }
    }

    /// A heading word for a chart of this unit: `countries`, `tonnes`.
    pub fn caption(&self) -> &str {
        match self {
            Unit::None => "",
            Unit::Countries => "countries",
            Unit::Tonnes => "tonnes",
            Unit::Other(word) => word,
        }
    }
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
    /// Indices into [`Dashboard::metrics`], all of one unit.
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
    fn units_convert_to_base_and_format_humanely() {
        let (unit, factor) = Unit::parse("Mt");
        assert_eq!((unit.clone(), factor), (Unit::Tonnes, 1e6));
        assert_eq!(unit.format(11.58 * factor), "11.58 Mt");
        assert_eq!(Unit::Countries.format(28.0), "28 countries");
        assert_eq!(Unit::Countries.format(1.0), "1 country");
        assert_eq!(Unit::parse("ports").0.format(1200.0), "1,200 ports");
        assert_eq!(Unit::None.format(3.5), "3.5");
    }

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
