//! Units, and how a value is written in them: a metric is computed with in its unit's base
//! (tonnes for masses, so bars of `t` and `Mt` share a scale) and shown in the unit and with the
//! decimals its author wrote (`3,250.5 kt` stays `3,250.5 kt`, never `~3.25 Mt`).

use crate::text::number::format_number;

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

/// The unit word a file used, as far as it scales: `Mt` is tonnes times 1,000,000.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// What converts the file's number to the unit's base.
    pub factor: f64,
    /// The word shown after a tonnage (`t`, `kt`, `Mt`, `Gt`); empty for other units, whose
    /// words come from [`Unit`].
    pub word: &'static str,
}

impl Unit {
    /// Parses the file's unit word: the unit, and the scale of the file's number in it.
    pub fn parse(word: &str) -> (Unit, Scale) {
        let scale = |factor, word| Scale { factor, word };
        match word.trim() {
            "" => (Unit::None, scale(1.0, "")),
            "countries" | "country" => (Unit::Countries, scale(1.0, "")),
            "t" | "tonnes" | "tonne" => (Unit::Tonnes, scale(1.0, "t")),
            "kt" => (Unit::Tonnes, scale(1e3, "kt")),
            "Mt" => (Unit::Tonnes, scale(1e6, "Mt")),
            "Gt" => (Unit::Tonnes, scale(1e9, "Gt")),
            other => (Unit::Other(other.to_owned()), scale(1.0, "")),
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

/// How a metric's value was written: its scale and its decimals.
#[derive(Debug, Clone, PartialEq)]
pub struct Notation {
    /// The tonnage word written (`kt`), empty for other units.
    pub unit: &'static str,
    /// What converts a written number to the base (`1e3` for `kt`).
    pub factor: f64,
    /// Decimal places of the written value (`11.58` has 2).
    pub decimals: u8,
}

impl Notation {
    /// `base` (in the unit's base) as the author writes it: in their unit, to their decimals,
    /// with thousands separators. `words` adds count words (`28 countries`, `1,200 ports`),
    /// which a chart's title already says for its bars.
    pub fn format(&self, unit: &Unit, base: f64, decimals: u8, words: bool) -> String {
        let number = format_number(base / self.factor, usize::from(decimals));
        match unit {
            Unit::Tonnes => format!("{number} {}", self.unit),
            Unit::Countries if words && number == "1" => "1 country".to_owned(),
            Unit::Countries if words => format!("{number} countries"),
            Unit::Other(word) if words => format!("{number} {word}"),
            _ => number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(word: &str, value: f64, decimals: u8, words: bool) -> String {
        let (unit, scale) = Unit::parse(word);
        let notation = Notation { unit: scale.word, factor: scale.factor, decimals };
        notation.format(&unit, value * scale.factor, decimals, words)
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
