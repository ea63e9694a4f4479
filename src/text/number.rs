//! Number formatting shared by every pane, so a value reads the same in a bar, a gauge and a
//! detail line.

/// Formats a finite number for people: integers get thousands separators (`12,345`), fractions
/// keep up to `decimals` digits with trailing zeros dropped (`11.58`, `0.5`).
///
/// Non-finite input (which the loader never lets through) prints as `?` rather than panicking.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "?".to_owned();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // A whole number (most counts): its digits, without `fmt`'s exact float formatting.
        let whole = value.abs() as u64;
        let digits = whole.to_string();
        let sign = if value < 0.0 && whole != 0 { "-" } else { "" };
        return [sign, &group_thousands(&digits)].concat();
    }
    by_fmt(value, decimals)
}

/// [`format_number`] of any finite value, through `fmt`'s exact decimal formatting.
fn by_fmt(value: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac_part.trim_end_matches('0');
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 1);
    if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Inserts a comma every three digits from the right of a string of ASCII digits.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats a ratio in 0..=1 as a percentage with one decimal where it matters (`23.2%`, `50%`).
pub fn format_percent(ratio: f64) -> String {
    format!("{}%", format_number(ratio * 100.0, 1))
}

/// English number words below twenty, by value (`ONES[9]` is "nine").
pub const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// English tens from twenty (`TENS[0]` is "twenty").
pub const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Whether `word` (lowercase) names a number, so "nine" is marked like "9": the words below
/// twenty but zero, the tens, and the scales.
pub fn is_number_word(word: &str) -> bool {
    ONES[1..].contains(&word)
        || TENS.contains(&word)
        || ["hundred", "thousand", "million", "billion", "dozen"].contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whole numbers written without `fmt` are written as `fmt` writes them.
        #[test]
        fn whole_numbers_are_written_as_fmt_writes_them(
            whole in -1e15f64..1e15,
            decimals in 0usize..4,
        ) {
            let value = whole.trunc();
            proptest::prop_assert_eq!(format_number(value, decimals), by_fmt(value, decimals));
            proptest::prop_assert_eq!(format_number(-0.0, decimals), by_fmt(-0.0, decimals));
        }
    }

    #[test]
    fn integers_get_thousands_separators() {
        assert_eq!(format_number(0.0, 2), "0");
        assert_eq!(format_number(28.0, 2), "28");
        assert_eq!(format_number(1234.0, 2), "1,234");
        assert_eq!(format_number(1_234_567.0, 2), "1,234,567");
        assert_eq!(format_number(-1234.5, 2), "-1,234.5");
    }

    #[test]
    fn fractions_drop_trailing_zeros() {
        assert_eq!(format_number(11.58, 2), "11.58");
        assert_eq!(format_number(0.5, 2), "0.5");
        assert_eq!(format_number(2.999, 2), "3");
        assert_eq!(format_number(-0.001, 2), "0");
    }

    #[test]
    fn non_finite_never_panics() {
        assert_eq!(format_number(f64::NAN, 2), "?");
        assert_eq!(format_number(f64::INFINITY, 2), "?");
    }

    #[test]
    fn percentages_keep_one_decimal() {
        assert_eq!(format_percent(0.2316), "23.2%");
        assert_eq!(format_percent(0.5), "50%");
        assert_eq!(format_percent(1.0), "100%");
    }
}
