//! A value as the author wrote it, and the rules that keep it shown as written.
//!
//! TOML numbers reach us as 64-bit integers (or unsigned ones) and 64-bit floats; coopdash
//! computes with `f64`. A number that `f64` cannot hold exactly (an integer above 2^53, a float
//! with more significant digits than `f64` keeps) or one too large to scale and draw (`1e300` in
//! `Gt`) would be shown as a different number. Such values are refused at their line and column
//! instead; every value that passes is shown with exactly the digits it was written with.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The largest integer `f64` holds exactly, and so the largest value coopdash accepts: 2^53.
pub const LARGEST: f64 = 9_007_199_254_740_992.0;

/// Decimal places a value may have: enough for grams in megatonnes, few enough to fit a bar.
pub const DECIMALS: usize = 9;

/// A TOML number before validation: an integer exactly as parsed, or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RawNumber {
    Integer(i128),
    Float(f64),
}

impl JsonSchema for RawNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }

    fn inline_schema() -> bool {
        true
    }
}

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;

        impl Visitor<'_> for NumberVisitor {
            type Value = RawNumber;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber::Integer(i128::from(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber::Integer(i128::from(v)))
            }

            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawNumber, E> {
                Ok(RawNumber::Integer(v))
            }

            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawNumber, E> {
                Ok(RawNumber::Integer(i128::try_from(v).unwrap_or(i128::MAX)))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawNumber, E> {
                Ok(RawNumber::Float(v))
            }
        }

        deserializer.deserialize_any(NumberVisitor)
    }
}

/// Why a written value cannot be shown as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotFiniteOrNegative,
    TooLarge,
    /// The nearest number that can be held, as it would be shown.
    NotHeldExactly(String),
    TooManyDecimals(usize),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotFiniteOrNegative => f.write_str("value must be a finite number >= 0"),
            Refusal::TooLarge => write!(
                f,
                "value is too large to show exactly: at most 9,007,199,254,740,992 (2^53) in its unit, \
                 and finite once converted to tonnes"
            ),
            Refusal::NotHeldExactly(nearest) => {
                write!(f, "value has more digits than a 64-bit float holds (about 15): it would be shown as {nearest}")
            }
            Refusal::TooManyDecimals(decimals) => {
                write!(f, "value has {decimals} decimal places; at most {DECIMALS} are shown")
            }
        }
    }
}

/// A value that passed: the number in the author's unit, and the decimals it was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub value: f64,
    pub decimals: u8,
}

/// Checks a written number: `raw` as parsed, `text` its characters in the file (for the digits
/// a float was written with), `factor` what converts its unit to the base (1e6 for `Mt`).
pub fn check(raw: RawNumber, text: &str, factor: f64) -> Result<Written, Refusal> {
    let value = match raw {
        RawNumber::Integer(n) if n < 0 => return Err(Refusal::NotFiniteOrNegative),
        RawNumber::Integer(n) if n > LARGEST as i128 => return Err(Refusal::TooLarge),
        // Exact: |n| <= 2^53.
        RawNumber::Integer(n) => n as f64,
        RawNumber::Float(v) if !v.is_finite() || v < 0.0 => return Err(Refusal::NotFiniteOrNegative),
        RawNumber::Float(v) => v,
    };
    if value > LARGEST || !(value * factor).is_finite() {
        return Err(Refusal::TooLarge);
    }
    if matches!(raw, RawNumber::Float(_)) && !held_exactly(value, text) {
        return Err(Refusal::NotHeldExactly(value.to_string()));
    }
    let decimals = decimals_of(value);
    if decimals > DECIMALS {
        return Err(Refusal::TooManyDecimals(decimals));
    }
    Ok(Written { value, decimals: decimals as u8 })
}

/// A decimal in a canonical form: its significant digits (no leading or trailing zeros) and the
/// power of ten of the first one, so `0.001_50`, `1.5e-3` and `15e-4` all read `("15", -3)`.
/// `None` for text that is not a decimal (`nan`, `inf`).
fn canonical(text: &str) -> Option<(String, i64)> {
    let text = text.trim_start_matches(['+', '-']);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.replace('_', "").parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let (whole, fraction) = (whole.replace('_', ""), fraction.replace('_', ""));
    let digits = whole.clone() + &fraction;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let significant = digits.trim_matches('0');
    if significant.is_empty() {
        return Some((String::new(), 0));
    }
    let first_power = i64::try_from(whole.len()).ok()? - 1 - i64::try_from(leading).ok()? + exponent;
    Some((significant.to_owned(), first_power))
}

/// Whether `value` is exactly the decimal `text` wrote, digit for digit: `f64` keeps 15 to 17
/// significant digits, so `0.1234567890123456789` comes back as `0.12345678901234568`.
fn held_exactly(value: f64, text: &str) -> bool {
    // `{:e}` prints the shortest digits that read back as the same f64.
    canonical(text).is_some_and(|written| Some(written) == canonical(&format!("{value:e}")))
}

/// Decimal places of `value`'s shortest exact representation (`11.58` → 2, `50` → 0).
fn decimals_of(value: f64) -> usize {
    // `Display` for f64 prints the shortest digits that read back as the same f64, never in
    // exponent form.
    let shortest = value.to_string();
    shortest.split_once('.').map_or(0, |(_, fraction)| fraction.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(text: &str) -> Result<Written, Refusal> {
        check(RawNumber::Float(text.replace('_', "").parse().unwrap()), text, 1.0)
    }

    #[test]
    fn integers_up_to_two_to_the_53_pass_exactly() {
        assert_eq!(check(RawNumber::Integer(9_007_199_254_740_992), "", 1.0).unwrap().value, LARGEST);
        assert_eq!(check(RawNumber::Integer(9_007_199_254_740_993), "", 1.0), Err(Refusal::TooLarge));
        assert_eq!(check(RawNumber::Integer(18_446_744_073_709_551_615), "", 1.0), Err(Refusal::TooLarge));
        assert_eq!(check(RawNumber::Integer(-1), "", 1.0), Err(Refusal::NotFiniteOrNegative));
    }

    #[test]
    fn a_value_that_overflows_its_unit_is_refused() {
        assert_eq!(float("1e300"), Err(Refusal::TooLarge));
        assert_eq!(check(RawNumber::Float(1e15), "1e15", 1e9).map(|w| w.value), Ok(1e15));
    }

    #[test]
    fn floats_keep_their_written_digits_or_are_refused() {
        assert_eq!(float("11.58"), Ok(Written { value: 11.58, decimals: 2 }));
        assert_eq!(float("3250.5"), Ok(Written { value: 3250.5, decimals: 1 }));
        assert_eq!(float("1.500"), Ok(Written { value: 1.5, decimals: 1 }));
        assert_eq!(float("1.2e3"), Ok(Written { value: 1200.0, decimals: 0 }));
        assert_eq!(float("0.1234567890123456789"), Err(Refusal::NotHeldExactly("0.12345678901234568".to_owned())));
        assert_eq!(float("1e-300"), Err(Refusal::TooManyDecimals(300)));
        assert_eq!(float("0.000_000_001"), Ok(Written { value: 1e-9, decimals: 9 }));
        assert_eq!(float("nan"), Err(Refusal::NotFiniteOrNegative));
    }

    #[test]
    fn a_loaded_value_is_shown_with_the_digits_and_unit_it_was_written_in() {
        let dataset = crate::dataset::parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 3250.5\nunit = \"kt\"\n\
             [[metric]]\nid = \"b\"\nvalue = 9007199254740992\n\
             [[metric]]\nid = \"c\"\nvalue = 0.000_25\nunit = \"Mt\"\nbound = \"over\"\n",
        );
        let shown: Vec<String> = dataset.metrics.iter().map(|m| m.display_value()).collect();
        assert_eq!(shown, ["3,250.5 kt", "9,007,199,254,740,992", "over 0.00025 Mt"]);
        assert_eq!(dataset.metrics[0].value, 3_250_500.0, "computed in tonnes");
        assert_eq!(dataset.metrics[2].short_value(), ">0.00025 Mt");
    }

    #[test]
    fn a_large_integer_in_a_scaled_unit_is_shown_digit_for_digit() {
        // 8,280,262,794,319,125 × 1,000 ÷ 1,000 comes back one higher in f64.
        let dataset = crate::dataset::parse_valid(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 8280262794319125\nunit = \"kt\"\n",
        );
        assert_eq!(dataset.metrics[0].display_value(), "8,280,262,794,319,125 kt");
        assert_eq!(dataset.metrics[0].short_value(), "8,280,262,794,319,125 kt");
    }

    #[test]
    fn a_decimal_is_read_the_same_however_it_is_written() {
        assert_eq!(canonical("0.001_50"), Some(("15".to_owned(), -3)));
        assert_eq!(canonical("1.5e-3"), canonical("15e-4"));
        assert_eq!(canonical("+1_000.0"), Some(("1".to_owned(), 3)));
        assert_eq!(canonical("0.0"), Some((String::new(), 0)));
        assert_eq!(canonical("inf"), None);
        assert!(held_exactly(9_007_199_254_740_992.0, "9007199254740992.0"));
        assert!(held_exactly(6.02214076e23, "6.022_140_76E+23"));
        assert!(!held_exactly(0.1 + 0.2, "0.3"));
    }
}
