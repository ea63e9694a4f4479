//! The numbers a quote states, and whether a metric's value agrees with them: a value of 27
//! under a quote saying "25 of its neighbours" contradicts its own evidence.
//!
//! A quote's numbers are digits (with thousands separators and decimals: `1,200`, `11.58`),
//! English number words (`nine`, `twenty-five`) and Chinese numerals (`九个`, `二十五`), each
//! with the scale after it (`million`, `billion`, `万`, `亿`) and the bound word before it
//! ("more than", "about"). A value agrees with a number when they are equal to the precision
//! of the less precise of the two (a quote "3.2 million" covers 3.25 million), or when it keeps
//! the number's bound ("more than 50" is kept by 52), and a quote contradicts its value only
//! when none of its numbers agrees (a quote may also hold a year or a day).

/// One number of a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotedNumber {
    /// The number with its scale applied ("11.58 million" is 11,580,000).
    pub value: f64,
    /// Half a unit of its last written digit, scaled: how far the truth may be from it.
    pub precision: f64,
    pub bound: QuoteBound,
    /// Its place in the quote, in bytes (the scale word included).
    pub start: usize,
    pub end: usize,
}

/// What a word before a number says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteBound {
    Exact,
    /// "more than", "over", "at least": the truth is not below it.
    Lower,
    /// "under", "less than", "up to": the truth is not above it.
    Upper,
    /// "about", "nearly", "some": within a tenth of it.
    Approximate,
}

use crate::text::number::{ONES, TENS};

/// Bound words and phrases, as they end just before a number (lowercase).
const BOUNDS: &[(&str, QuoteBound)] = &[
    ("more than", QuoteBound::Lower),
    ("over", QuoteBound::Lower),
    ("exceeded", QuoteBound::Lower),
    ("exceeding", QuoteBound::Lower),
    ("above", QuoteBound::Lower),
    ("at least", QuoteBound::Lower),
    ("超过", QuoteBound::Lower),
    ("逾", QuoteBound::Lower),
    ("less than", QuoteBound::Upper),
    ("under", QuoteBound::Upper),
    ("below", QuoteBound::Upper),
    ("up to", QuoteBound::Upper),
    ("at most", QuoteBound::Upper),
    ("不到", QuoteBound::Upper),
    ("about", QuoteBound::Approximate),
    ("around", QuoteBound::Approximate),
    ("nearly", QuoteBound::Approximate),
    ("almost", QuoteBound::Approximate),
    ("roughly", QuoteBound::Approximate),
    ("some", QuoteBound::Approximate),
    ("approximately", QuoteBound::Approximate),
    ("约", QuoteBound::Approximate),
    ("近", QuoteBound::Approximate),
];

/// Every number of `text`, in order.
pub fn numbers_in(text: &str) -> Vec<QuotedNumber> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(c) = rest.chars().next() else { break };
        let previous = text[..at].chars().next_back();
        let starts_word = previous.is_none_or(|p| !p.is_alphanumeric() || !c.is_ascii_alphanumeric());
        let read = if c.is_ascii_digit() && previous.is_none_or(|p| !p.is_ascii_alphanumeric()) {
            digits(rest)
        } else if c.is_ascii_alphabetic() && starts_word {
            words(rest)
        } else if chinese_digit(c).is_some() {
            chinese(rest)
        } else {
            None
        };
        match read {
            Some((value, precision, length)) => {
                let (scale, scaled_length) = scale_after(&rest[length..]);
                let end = at + length + scaled_length;
                found.push(QuotedNumber {
                    value: value * scale,
                    precision: precision * scale,
                    bound: bound_before(&text[..at]),
                    start: at,
                    end,
                });
                at = end;
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

/// Whether `value` (known to within `precision`) agrees with the quoted number.
pub fn agrees(number: &QuotedNumber, value: f64, precision: f64) -> bool {
    let slack = number.precision.max(precision) + f64::EPSILON * value.abs().max(1.0) * 16.0;
    match number.bound {
        QuoteBound::Exact => (value - number.value).abs() <= slack,
        QuoteBound::Lower => value >= number.value - slack,
        QuoteBound::Upper => value <= number.value + slack,
        QuoteBound::Approximate => (value - number.value).abs() <= slack.max(number.value.abs() / 10.0),
    }
}

/// The quote's numbers when none of them agrees with any of the `candidates` (a value and its
/// precision, in the unit written and in the base unit); `None` when one does, or the quote
/// states no number.
pub fn contradiction(quote: &str, candidates: &[(f64, f64)]) -> Option<Vec<QuotedNumber>> {
    let numbers = numbers_in(quote);
    contradicts(&numbers, candidates).then_some(numbers)
}

/// Whether a quote stating `numbers` contradicts a value of these `candidates`: it states a
/// number and none agrees (see [`contradiction`]).
pub fn contradicts(numbers: &[QuotedNumber], candidates: &[(f64, f64)]) -> bool {
    let agreed = numbers.iter().any(|n| candidates.iter().any(|&(value, precision)| agrees(n, value, precision)));
    !numbers.is_empty() && !agreed
}

/// Half a unit of the last of `decimals` decimal places.
pub fn half_unit(decimals: usize) -> f64 {
    0.5 / 10f64.powi(i32::try_from(decimals).unwrap_or(i32::MAX))
}

/// `1,200.5` at the start of `text`: its value, precision and length in bytes.
fn digits(text: &str) -> Option<(f64, f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut plain = String::new();
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            plain.push(char::from(b));
            end += 1;
        } else if (b == b',' || b == b'_')
            && !plain.contains('.')
            && bytes.get(end + 1..end + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            end += 1;
        } else if b == b'.' && !plain.contains('.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            plain.push('.');
            end += 1;
        } else {
            break;
        }
    }
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = plain.parse().ok()?;
    Some((value, half_unit(decimals), end))
}

/// `nine`, `twenty-five`, `twenty five` at the start of `text`.
fn words(text: &str) -> Option<(f64, f64, usize)> {
    let word_end = |from: usize| text[from..].find(|c: char| !c.is_ascii_alphabetic()).map_or(text.len(), |i| from + i);
    let first_end = word_end(0);
    let first = text[..first_end].to_ascii_lowercase();
    if let Some(n) = ONES.iter().position(|w| *w == first) {
        return Some((n as f64, 0.5, first_end));
    }
    let tens = TENS.iter().position(|w| *w == first)?;
    let value = (tens as f64 + 2.0) * 10.0;
    // `twenty-five` or `twenty five`.
    if let Some(sep) = text[first_end..].chars().next().filter(|c| *c == '-' || *c == ' ') {
        let from = first_end + sep.len_utf8();
        let second_end = word_end(from);
        let second = text[from..second_end].to_ascii_lowercase();
        if let Some(n) = ONES[1..10].iter().position(|w| *w == second) {
            return Some((value + n as f64 + 1.0, 0.5, second_end));
        }
    }
    Some((value, 0.5, first_end))
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|n| n as u32).or((c == '两').then_some(2))
}

/// Measure words that make a lone Chinese numeral a number (`九个`), not a word (`一带一路`).
const MEASURES: &str = "个项名座条家国吨年倍次位份";

/// `二十五`, `九个` at the start of `text` (up to the thousands; 万 and 亿 are scales).
fn chinese(text: &str) -> Option<(f64, f64, usize)> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut end = 0;
    let mut has_unit = false;
    for c in text.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
        } else if let Some(unit) = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1000),
            _ => None,
        } {
            total += digit.take().unwrap_or(1) * unit;
            has_unit = true;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    total += digit.unwrap_or(0);
    let next = text[end..].chars().next();
    let counted = next.is_some_and(|n| MEASURES.contains(n) || n == '万' || n == '亿');
    (end > 0 && (has_unit || counted)).then_some((f64::from(total), 0.5, end))
}

/// The scale word after a number (`million`, `万`) and the bytes it takes, spaces included.
fn scale_after(text: &str) -> (f64, usize) {
    let trimmed = text.trim_start_matches(' ');
    let spaces = text.len() - trimmed.len();
    for (word, scale) in
        [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("万", 1e4), ("亿", 1e8)]
    {
        let Some(after) = trimmed.get(..word.len()).filter(|w| w.eq_ignore_ascii_case(word)) else { continue };
        let next = trimmed[after.len()..].chars().next();
        if next.is_none_or(|c| !c.is_ascii_alphabetic()) {
            return (scale, spaces + word.len());
        }
    }
    (1.0, 0)
}

/// What the words just before a number say of it.
fn bound_before(text: &str) -> QuoteBound {
    let tail: String = text.trim_end().to_lowercase();
    BOUNDS
        .iter()
        .find(|(phrase, _)| {
            tail.ends_with(phrase)
                && tail[..tail.len() - phrase.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphabetic() || !c.is_ascii())
        })
        .map_or(QuoteBound::Exact, |(_, bound)| *bound)
}

#[cfg(test)]
mod tests;
