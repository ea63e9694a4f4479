//! Units, and how a value is written in them: a metric is computed with in its unit's base
//! (tonnes for masses, so bars of `t` and `Mt` share a scale) and shown in the unit and with the
//! decimals its author wrote (`3,250.5 kt` stays `3,250.5 kt`, never `~3.25 Mt`).

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
    /// The value as written, in the written unit: what is shown, digit for digit.
    pub written: f64,
}
