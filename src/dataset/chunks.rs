//! A dataset's text cut where its `[[metric]]` tables begin, so a reload can take every metric
//! whose table's text did not change as already parsed (see [`super::reuse`]).
//!
//! The cut follows TOML's lexical rules far enough to know where a line begins a table header:
//! outside strings (basic, literal, and their multi-line forms), comments and multi-line arrays
//! or inline tables. A `[[metric]]` header begins a chunk; the headers of its sub-tables
//! (`[metric.…]`, `[[metric.history]]`) stay in it; any other header ends the run of metrics.
//! Whatever the cut gets wrong only costs a fallback: every piece is parsed, and the reuse is
//! taken only when every piece reads cleanly on its own.

use std::ops::Range;

/// A text cut into what comes before the metrics, each metric's table, and what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Each `[[metric]]` table, from the start of its header's line to the start of the next
    /// chunk's (comments and blank lines after a table are its own).
    pub metrics: Vec<Range<usize>>,
    /// How many line breaks come before each table (its header's line, counted from 0).
    pub lines: Vec<usize>,
    /// How many line breaks come before the end of the run of tables.
    pub end_line: usize,
}

impl Split {
    /// Where the run of metric tables begins.
    pub fn start(&self) -> usize {
        self.metrics.first().map_or(0, |r| r.start)
    }

    /// Where the run of metric tables ends, and the rest of the document begins.
    pub fn end(&self) -> usize {
        self.metrics.last().map_or(0, |r| r.end)
    }
}

/// What a header line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[metric]]`: a new metric.
    Metric,
    /// `[metric.…]` or `[[metric.…]]`: a sub-table of the metric above.
    Sub,
    /// Any other table.
    Other,
}

/// Where the lexer is at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    /// Inside `"""…"""`.
    MultiBasic,
    /// Inside `'''…'''`.
    MultiLiteral,
}

/// The text's metric tables, or `None` when it has none, or metrics written after another table
/// has begun (interleaved: the reuse is not worth the doubt).
pub fn split(text: &str) -> Option<Split> {
    let bytes = text.as_bytes();
    let mut state = State::Normal;
    let mut depth = 0usize;
    let mut metrics: Vec<Range<usize>> = Vec::new();
    let mut lines = Vec::new();
    let mut end_line = 0;
    let mut ended = false;
    let mut at = 0;
    let mut line = 0usize;
    while at < bytes.len() {
        if state == State::Normal && depth == 0 {
            let indent = bytes[at..].iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
            if bytes.get(at + indent) == Some(&b'[') {
                let line_end = next_newline(bytes, at);
                match (classify(&bytes[at + indent..line_end]), ended) {
                    (Header::Metric, true) => return None,
                    (Header::Metric, false) => {
                        if let Some(last) = metrics.last_mut() {
                            last.end = at;
                        }
                        metrics.push(at..bytes.len());
                        lines.push(line);
                    }
                    (Header::Sub, _) => {}
                    (Header::Other, _) => {
                        if let Some(last) = metrics.last_mut().filter(|_| !ended) {
                            last.end = at;
                            end_line = line;
                            ended = true;
                        }
                    }
                }
                // A header cannot open a string or an array that goes on past its line.
                at = line_end + 1;
                line += 1;
                continue;
            }
        }
        (state, depth, at) = scan_line(bytes, at, state, depth);
        line += 1;
    }
    if !ended {
        // The run goes on to the end: every line break is before its end.
        end_line = if bytes.ends_with(b"\n") { line } else { line.saturating_sub(1) };
    }
    if metrics.is_empty() { None } else { Some(Split { metrics, lines, end_line }) }
}

/// The index of the next `\n` at or after `from`, or the text's length.
fn next_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| from + i)
}

/// What the header at the start of `line` (from its `[`) opens.
fn classify(line: &[u8]) -> Header {
    if let Some(rest) = line.strip_prefix(b"[[metric]]") {
        let rest = rest.trim_ascii_start();
        if rest.is_empty() || rest.starts_with(b"#") {
            return Header::Metric;
        }
        return Header::Other;
    }
    if line.starts_with(b"[metric.") || line.starts_with(b"[[metric.") {
        return Header::Sub;
    }
    Header::Other
}

/// The bytes that can change the lexer's state: everything else is skipped a byte at a time.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 9 {
        table[b"\n\"'#[]{}\\"[i] as usize] = true;
        i += 1;
    }
    table
};

/// Reads the line that begins at `at` in `state`, with `depth` brackets open: the state after
/// it, the depth, and where the next line begins.
fn scan_line(bytes: &[u8], mut i: usize, mut state: State, mut depth: usize) -> (State, usize, usize) {
    while i < bytes.len() {
        let byte = bytes[i];
        if !SPECIAL[byte as usize] {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        match (state, byte) {
            (_, b'\n') => return (state, depth, i + 1),
            // An escaped line break still ends the line.
            (State::MultiBasic, b'\\') => i += if bytes.get(i + 1) == Some(&b'\n') { 1 } else { 2 },
            (State::MultiBasic, b'"') if rest.starts_with(b"\"\"\"") => {
                // Up to two quotes before the closing three belong to the string.
                i += rest.iter().take_while(|&&b| b == b'"').count();
                state = State::Normal;
            }
            (State::MultiLiteral, b'\'') if rest.starts_with(b"\'\'\'") => {
                i += rest.iter().take_while(|&&b| b == b'\'').count();
                state = State::Normal;
            }
            (State::MultiBasic | State::MultiLiteral, _) => i += 1,
            (State::Normal, b'#') => {
                let end = next_newline(bytes, i);
                return (state, depth, end + 1);
            }
            (State::Normal, b'"') if rest.starts_with(b"\"\"\"") => {
                i += 3;
                state = State::MultiBasic;
            }
            (State::Normal, b'"') => i = end_of_basic(bytes, i + 1),
            (State::Normal, b'\'') if rest.starts_with(b"\'\'\'") => {
                i += 3;
                state = State::MultiLiteral;
            }
            (State::Normal, b'\'') => {
                i += 1;
                while i < bytes.len() && !matches!(bytes[i], b'\'' | b'\n') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'\'') {
                    i += 1;
                }
            }
            (State::Normal, b'[' | b'{') => {
                depth += 1;
                i += 1;
            }
            (State::Normal, b']' | b'}') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            (State::Normal, _) => i += 1,
        }
    }
    (state, depth, i)
}

/// Just after the closing quote of the basic string whose text begins at `from` (or at the line
/// break that ends it unclosed: a basic string cannot go on to the next line).
fn end_of_basic(bytes: &[u8], mut from: usize) -> usize {
    while from < bytes.len() {
        match bytes[from] {
            b'\\' if bytes.get(from + 1) != Some(&b'\n') => from += 2,
            b'"' => return from + 1,
            b'\n' => return from,
            _ => from += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &str) -> Option<Vec<&str>> {
        let split = split(text)?;
        for (range, lines) in split.metrics.iter().zip(&split.lines) {
            assert_eq!(text[..range.start].matches('\n').count(), *lines, "{text:?}");
        }
        assert_eq!(text[..split.end()].matches('\n').count(), split.end_line, "{text:?}");
        Some(split.metrics.iter().map(|r| &text[r.clone()]).collect())
    }

    #[test]
    fn each_metric_table_is_a_chunk_with_its_sub_tables() {
        let text = "title = \"T\"\n\n[[metric]]\nid = \"a\"\n[[metric.history]]\ndate = 2020-01-01\n# c\n\
                    [[metric]] # b\nid = \"b\"\n\n[[chart]]\nmetrics = [\"a\"]\n";
        let found = chunks(text).unwrap();
        assert_eq!(
            found,
            ["[[metric]]\nid = \"a\"\n[[metric.history]]\ndate = 2020-01-01\n# c\n", "[[metric]] # b\nid = \"b\"\n\n"]
        );
    }

    #[test]
    fn headers_inside_strings_and_arrays_are_not_headers() {
        let text = "[[metric]]\nnote = \"\"\"\n[[metric]]\n\"\"\"\"\nx = '''\n[[metric]]\n'''\n\
                    y = [\n[1],\n]\nz = \"[[metric]] \\\" '''\"\n[[metric]]\nid = \"b\"\n";
        let found = chunks(text).unwrap();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].starts_with("[[metric]]\nid = \"b\""));
    }

    #[test]
    fn metrics_after_another_table_are_not_cut() {
        assert_eq!(chunks("[[metric]]\nid = \"a\"\n[[chart]]\n[[metric]]\nid = \"b\"\n"), None);
        assert_eq!(chunks("title = \"T\"\n"), None);
        assert_eq!(chunks("[[metric]]\n[metric]\n").map(|c| c.len()), Some(1));
    }
}
