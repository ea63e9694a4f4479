//! How values read on screen, in one place: numbers with their units and bounds as the author
//! wrote them, amounts and differences, shares, periods and dates, and a source's credit line.
//! The model holds values; these say them.

use std::fmt;

use crate::app::ValueChange;
use crate::dataset::{Bound, Date, Gauge, Metric, Notation, Point, Source, Unit};
use crate::text::number::{format_number, format_percent};

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

impl Metric {
    /// The value with its unit and bound, for detail lines: `over 50 Mt`, `28 countries`.
    pub fn display_value(&self) -> String {
        // The written number itself: the value in tonnes, divided back, may differ in its last
        // digit (8,280,262,794,319,125 kt).
        let value = self.notation.format(&self.unit, self.notation.written, self.notation.decimals, true);
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
        self.notation.format(&self.unit, base / self.notation.factor, decimals, false)
    }

    /// The compact value for bars: `>50 Mt`, `≤3 Mt`, `28`.
    pub fn short_value(&self) -> String {
        let value = self.notation.format(&self.unit, self.notation.written, self.notation.decimals, false);
        match self.bound {
            Some(bound) => [bound.math_symbol(), value.as_str()].concat(),
            None => value,
        }
    }
}

impl Point {
    /// The point's value with its metric's `unit` and its own bound: `over 50 Mt`, `11.2 Mt`.
    pub fn display_value(&self, unit: &Unit) -> String {
        let value = self.notation.format(unit, self.notation.written, self.notation.decimals, true);
        match self.bound {
            Some(bound) => format!("{} {value}", bound.words()),
            None => value,
        }
    }

    /// The compact value: `>50 Mt`, `11.2 Mt`.
    pub fn short_value(&self, unit: &Unit) -> String {
        let value = self.notation.format(unit, self.notation.written, self.notation.decimals, false);
        match self.bound {
            Some(bound) => format!("{}{value}", bound.math_symbol()),
            None => value,
        }
    }
}

impl crate::dataset::Dataset {
    /// Columns of the widest bar value of these metrics ([`Metric::short_value`]): what decides
    /// whether a chart's bars may stand upright.
    pub fn widest_bar_value(&self, members: &[usize]) -> usize {
        members
            .iter()
            .filter_map(|&m| self.metrics.get(m))
            .map(|m| crate::text::width::width(&m.short_value()))
            .max()
            .unwrap_or(0)
    }
}

impl Bound {
    /// The mark every value on screen carries (bars, gauges, details, the status line): one mark
    /// means one thing everywhere.
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
}

impl Notation {
    /// `amount` (in the unit the author wrote: `kt` for a value written in `kt`) as they write
    /// it, to `decimals` places, with thousands separators. `words` adds count words
    /// (`28 countries`, `1,200 ports`), which a chart's title already says for its bars.
    pub fn format(&self, unit: &Unit, amount: f64, decimals: u8, words: bool) -> String {
        let number = format_number(amount, usize::from(decimals));
        match unit {
            // Joined without `fmt`: charts format every value they draw.
            Unit::Tonnes => [number.as_str(), " ", self.unit].concat(),
            Unit::Countries if words && number == "1" => "1 country".to_owned(),
            Unit::Countries if words => number + " countries",
            Unit::Other(word) if words => [number.as_str(), " ", word].concat(),
            _ => number,
        }
    }
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

impl Gauge {
    /// `≤23.2%`, `>40%`, `≈12%`, `89.3%`: on gauges, in details and in big digits alike.
    pub fn display_ratio(&self) -> String {
        let percent = format_percent(self.ratio);
        match self.bound {
            Some(bound) => format!("{}{percent}", bound.math_symbol()),
            None => percent,
        }
    }
}

impl ValueChange {
    /// `25 → 27 (+2)`, `new: 27`; with the points of its history a reload added or changed:
    /// `new point 2 Dec 2023`, `25 → 27 (+2) · 2 points changed`.
    pub fn describe(&self) -> String {
        let value = match (&self.old, &self.delta) {
            (None, _) => Some(format!("new: {}", self.new)),
            (Some(old), _) if *old == self.new => None,
            (Some(old), Some(delta)) => Some(format!("{old} → {} ({delta})", self.new)),
            (Some(old), None) => Some(format!("{old} → {}", self.new)),
        };
        let points = match self.points.as_slice() {
            [] => None,
            [one] if one.added => Some(format!("new point {}", one.date.human())),
            [one] => Some(format!("point {} changed", one.date.human())),
            many => Some(format!("{} points changed", many.len())),
        };
        [value, points].into_iter().flatten().collect::<Vec<_>>().join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(word: &str, value: f64, decimals: u8, words: bool) -> String {
        let (unit, scale) = Unit::parse(word);
        let notation = Notation { unit: scale.word, factor: scale.factor, decimals, written: value };
        notation.format(&unit, value, decimals, words)
    }

    #[test]
    fn values_are_shown_in_the_unit_and_decimals_they_were_written_in() {
        assert_eq!(written("Mt", 11.58, 2, true), "11.58 Mt");
        assert_eq!(written("kt", 3250.5, 1, true), "3,250.5 kt");
        assert_eq!(written("t", 8.0, 0, false), "8 t");
        assert_eq!(written("tonnes", 0.125, 3, true), "0.125 t");
        assert_eq!(written("Gt", 1e15, 0, true), "1,000,000,000,000,000 Gt");
        assert_eq!(written("", 9_007_199_254_740_992.0, 0, true), "9,007,199,254,740,992");
    }

    #[test]
    fn count_words_come_only_where_asked() {
        assert_eq!(written("countries", 28.0, 0, true), "28 countries");
        assert_eq!(written("country", 1.0, 0, true), "1 country");
        assert_eq!(written("countries", 28.0, 0, false), "28");
        assert_eq!(written("ports", 1200.0, 0, true), "1,200 ports");
        assert_eq!(written("", 3.5, 1, true), "3.5");
    }
}
