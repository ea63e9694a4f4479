//! More than the first type error: serde stops at the first key it cannot take, so a file with a
//! typo in two metrics would show one error, then the other after the first is fixed. When the
//! file is valid TOML and its first error lies inside a table (a `[[metric]]`, a `[[chart]]`,
//! `[source]`...), that table is blanked out and the file is read again, to find the next
//! table's error; and so on.
//!
//! Blanking keeps every newline and byte count, so later errors keep their own lines and
//! columns. It stops at an error outside any table (the top-level keys cannot be set aside
//! without inventing new errors, such as a missing title), at a file that is not valid TOML
//! (a syntax error may have confused what belongs to which table), after [`MAX_ERRORS`], and
//! does not start on a file over [`MAX_SWEPT_BYTES`].

use std::ops::Range;

/// How many tables' errors one read reports at most.
pub const MAX_ERRORS: usize = 20;

/// Files larger than this report their first error only: each table's error costs a whole read
/// of the file again, and a reload must stay quick (a hand-written dataset is a few KiB).
pub const MAX_SWEPT_BYTES: usize = 256 * 1024;

/// The errors of `text`, one per table, in the order found, starting with `first` (what the
/// first read gave). `read` is that read, tried again on a blanked copy; `span` gives the byte
/// offset an error points at (`None`: nowhere, and the search ends).
pub fn table_errors<E>(
    text: &str,
    first: E,
    read: impl Fn(&str) -> Result<(), E>,
    span: impl Fn(&E) -> Option<usize>,
) -> Vec<E> {
    let mut errors = Vec::new();
    // Only a file that is valid TOML has tables that can be told apart safely.
    let small = text.len() <= MAX_SWEPT_BYTES;
    let mut current = (small && text.parse::<toml::Table>().is_ok()).then(|| text.to_owned());
    let mut error = first;
    loop {
        let table = current.as_deref().zip(span(&error)).and_then(|(text, at)| table_around(text, at));
        errors.push(error);
        let (Some(text), Some(table)) = (current.take(), table) else { break };
        if errors.len() >= MAX_ERRORS {
            break;
        }
        let blanked = blank(&text, table);
        // A blanked table must leave valid TOML; if it does not, what follows is not to be
        // trusted.
        if blanked.parse::<toml::Table>().is_err() {
            break;
        }
        match read(&blanked) {
            Ok(()) => break,
            Err(next) => {
                error = next;
                current = Some(blanked);
            }
        }
    }
    errors
}

/// Whether a line is a table header: `[name]` or `[[name]]`, with an optional comment.
fn is_header(line: &str) -> bool {
    let line = line.trim();
    let line = line.split_once(" #").map_or(line, |(head, _)| head.trim_end());
    let inner = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]"));
    let inner = inner.or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    inner.is_some_and(|name| {
        !name.trim().is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '"' | '\''))
    })
}

/// The byte range of the table whose text holds `offset`: from its header line to the next
/// header (or the end). `None` before the first header: the top-level keys.
fn table_around(text: &str, offset: usize) -> Option<Range<usize>> {
    let mut start = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if is_header(line) {
            if line_start > offset {
                return start.map(|s| s..line_start);
            }
            start = Some(line_start);
        }
        line_start = line_end;
    }
    start.map(|s| s..text.len())
}

/// `text` with every character of `range` but the line breaks replaced by spaces of the same
/// byte length, so every other byte keeps its offset.
fn blank(text: &str, range: Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..range.start]);
    for c in text[range.clone()].chars() {
        if c == '\n' || c == '\r' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out.push_str(&text[range.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_told_from_values() {
        assert!(is_header("[[metric]]\n"));
        assert!(is_header("  [source]  # where from\n"));
        assert!(is_header("[a.\"b c\"]"));
        assert!(!is_header("metrics = [\"a\", \"b\"]"));
        assert!(!is_header("[1, 2]"));
        assert!(!is_header("[]"));
        assert!(!is_header("title = \"[x]\""));
    }

    #[test]
    fn a_table_runs_from_its_header_to_the_next() {
        let text = "title = \"T\"\n[[metric]]\nid = \"a\"\n[[metric]]\nid = \"b\"\n";
        let second = text.find("id = \"a\"").unwrap();
        assert_eq!(table_around(text, second), Some(12..32));
        assert_eq!(&text[12..32], "[[metric]]\nid = \"a\"\n");
        assert_eq!(table_around(text, text.find("\"b\"").unwrap()), Some(32..text.len()));
        assert_eq!(table_around(text, 3), None, "the top-level keys are no table");
    }

    /// A stand-in for serde: the error is the offset of the first `bad` left in the text.
    fn first_bad(text: &str) -> Result<(), usize> {
        text.find("bad").map_or(Ok(()), Err)
    }

    #[test]
    fn each_table_with_an_error_is_set_aside_in_turn() {
        let text = "t = 1\n[[m]]\nx = \"bad\"\n[[m]]\nx = 1\n[[m]]\ny = \"bad\"\n";
        let first = first_bad(text).unwrap_err();
        let found = table_errors(text, first, first_bad, |&e| Some(e));
        assert_eq!(found, [text.find("bad").unwrap(), text.rfind("bad").unwrap()]);
    }

    #[test]
    fn a_large_file_reports_its_first_error_only() {
        let padding = format!("# {}\n", "x".repeat(MAX_SWEPT_BYTES));
        let text = format!("t = 1\n{padding}[[m]]\nx = \"bad\"\n[[m]]\ny = \"bad\"\n");
        let first = first_bad(&text).unwrap_err();
        let found = table_errors(&text, first, |_| panic!("no second read"), |&e| Some(e));
        assert_eq!(found, [first]);
    }

    #[test]
    fn blanking_keeps_every_offset_and_line() {
        let text = "a = 1\n[x]\nb = \"é\"\nc = 2\n";
        let blanked = blank(text, 6..19);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked, "a = 1\n   \n        \nc = 2\n");
    }
}
