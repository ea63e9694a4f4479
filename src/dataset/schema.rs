//! serde's errors in the file's vocabulary, with a hint where a common mistake is likely:
//! "unknown field `lable`, expected one of …" becomes "unknown key `lable`" with "did you mean
//! `label`?"; a date or a number in quotes is told that it takes none.

use super::diagnostic::{Diagnostic, LineIndex};
use super::hint;
use super::raw::KNOWN_KEYS;
use super::validate::Origin;

/// The diagnostic of one error of the TOML reader, at its span in `origin`.
pub fn diagnostic(origin: &Origin<'_>, lines: &LineIndex<'_>, error: &toml::de::Error) -> Diagnostic {
    let span = error.span();
    let position = span.clone().map(|s| lines.position(s.start));
    let written = span.clone().and_then(|s| origin.text.get(s)).unwrap_or_default();
    let (message, hint) = friendly(error.message(), key_before(origin.text, span.clone()), written);
    let mut diagnostic = Diagnostic::error(origin.file, position, message);
    if let Some(span) = span {
        diagnostic = diagnostic.spanning(lines.length(span));
    }
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// The key of the `key = value` line a value's span is on (for hints that show the fix).
fn key_before(text: &str, span: Option<std::ops::Range<usize>>) -> Option<&str> {
    let start = span?.start;
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let (key, _) = text.get(line_start..start)?.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.contains(['[', '{', ','])).then_some(key)
}

/// The message and the hint for serde's `message` about the text `written` (after `key =`).
fn friendly(message: &str, key: Option<&str>, written: &str) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let candidates = if expected.is_empty() { KNOWN_KEYS.to_vec() } else { expected.clone() };
        let hint = match hint::closest(name, candidates) {
            Some(near) => Some(format!("did you mean `{near}`?")),
            None if !expected.is_empty() => Some(format!("this table takes: {}", expected.join(", "))),
            None => None,
        };
        return (format!("unknown key `{name}`"), hint);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        // A word out of a list (`bound`, `direction`, `kind`): the nearest one, if close.
        let word = rest.split('`').next().unwrap_or_default();
        let choices: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let hint = hint::closest(word, choices).map(|near| format!("did you mean `{near}`?"));
        return (message.to_owned(), hint);
    }
    let key = key.unwrap_or("key");
    let unquoted = written.trim().trim_matches(['"', '\'']);
    let quoted_string = message.starts_with("invalid type: string");
    let hint = if quoted_string && message.contains("expected a TOML datetime") && looks_like_date(unquoted) {
        Some(format!("dates take no quotes: {key} = {unquoted}"))
    } else if quoted_string && message.contains("expected a number") && looks_like_number(unquoted) {
        Some(format!("numbers take no quotes: {key} = {unquoted}"))
    } else if let Some(number) = quoted_string.then(|| spelt_number(unquoted)).flatten() {
        Some(format!("numbers are written in digits, without quotes: {key} = {number}"))
    } else if message.contains("expected a string") && !quoted_string && !written.trim().is_empty() {
        Some(format!("text goes in quotes: {key} = \"{}\"", written.trim()))
    } else {
        None
    };
    let message = message
        .replace("missing field", "missing key")
        .replace("expected f64", "expected a number")
        .replace("expected a TOML datetime", "expected a date such as 2021-12-03")
        .replace("expected a string", "expected a string (in quotes)");
    (message, hint)
}

/// `2025-04-10`, with or without a time after it.
fn looks_like_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// `nine`, `二十八`: a number spelt out, as digits.
fn spelt_number(text: &str) -> Option<String> {
    let numbers = crate::provenance::quote_numbers::numbers_in(text);
    match numbers.as_slice() {
        [n] if n.start == 0 && n.end == text.len() && n.value.fract() == 0.0 => Some(format!("{}", n.value)),
        _ => None,
    }
}

/// `12`, `3.5`, `1_200`, `1,200`: what an author means as a number.
fn looks_like_number(text: &str) -> bool {
    let plain: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
    !plain.is_empty() && plain.parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_dates_and_numbers_get_their_hint() {
        let (message, hint) =
            friendly("invalid type: string \"2025-04-10\", expected a TOML datetime", Some("as_of"), "\"2025-04-10\"");
        assert_eq!(message, "invalid type: string \"2025-04-10\", expected a date such as 2021-12-03");
        assert_eq!(hint.as_deref(), Some("dates take no quotes: as_of = 2025-04-10"));
        let (_, hint) = friendly("invalid type: string \"12\", expected a number", Some("value"), "\"12\"");
        assert_eq!(hint.as_deref(), Some("numbers take no quotes: value = 12"));
        let (_, hint) = friendly("invalid type: string \"many\", expected a number", Some("value"), "\"many\"");
        assert_eq!(hint, None, "not a number in quotes");
        let (_, hint) = friendly("invalid type: string \"nine\", expected a number", Some("value"), "\"nine\"");
        assert_eq!(hint.as_deref(), Some("numbers are written in digits, without quotes: value = 9"));
        let (_, hint) = friendly("invalid type: string \"二十八\", expected a number", Some("value"), "\"二十八\"");
        assert_eq!(hint.as_deref(), Some("numbers are written in digits, without quotes: value = 28"));
        let (_, hint) = friendly("invalid type: integer `3`, expected a string", Some("url"), "3");
        assert_eq!(hint.as_deref(), Some("text goes in quotes: url = \"3\""));
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean() {
        let (message, hint) = friendly("unknown field `titel`, expected one of `title`, `subtitle`", None, "titel");
        assert_eq!(message, "unknown key `titel`");
        assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
        let (_, hint) = friendly("unknown variant `overr`, expected one of `over`, `under`", None, "\"overr\"");
        assert_eq!(hint.as_deref(), Some("did you mean `over`?"));
        let (_, hint) = friendly("unknown field `colour`, expected `id` or `title`", None, "colour");
        assert_eq!(hint.as_deref(), Some("this table takes: id, title"));
    }

    #[test]
    fn the_key_of_a_value_is_read_from_its_line() {
        let text = "a = 1\nas_of = \"2025\"\n";
        let at = text.find("\"2025").unwrap();
        assert_eq!(key_before(text, Some(at..at + 6)), Some("as_of"));
        assert_eq!(key_before(text, Some(0..1)), None);
    }
}
