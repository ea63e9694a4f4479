//! Diagnostics: one problem in one file, located by line and column.

use std::fmt;

use crate::text::sanitize_line;

/// How bad a problem is: errors stop a dataset from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`. Offsets past the end (or inside a character)
    /// clamp to the nearest valid place instead of panicking.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }
}

/// Where each line of a text starts, so many offsets turn into positions without rescanning
/// the text from the top each time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, starts }
    }

    /// The same as [`Position::of_offset`], in time proportional to the line's length.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        Position { line, column: self.text[line_start..offset].chars().count() + 1 }
    }

    /// How many characters of `span` lie on the line it starts on (at least one): what a caret
    /// underlines.
    pub fn length(&self, span: std::ops::Range<usize>) -> usize {
        let text = self.text.get(span).unwrap_or_default();
        text.split('\n').next().unwrap_or_default().trim_end_matches('\r').chars().count().max(1)
    }
}

/// One problem, printable as `file:line:col: message` (or `file: message` when it has no place),
/// or as a compiler prints it, with its source line and a caret (see [`super::report`]).
///
/// The message is sanitised on construction: TOML errors quote the offending source line, which
/// may hold escape sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub position: Option<Position>,
    pub severity: Severity,
    pub message: String,
    /// How many characters from `position` the problem covers on its line (at least one).
    pub length: usize,
    /// A likely fix ("dates take no quotes"), shown under the source line.
    pub hint: Option<Box<str>>,
    /// The line `position` is on, as the file has it (sanitised when shown), once attached
    /// with [`Diagnostic::attach_source`].
    pub source_line: Option<Box<str>>,
}

impl Diagnostic {
    pub fn error(file: &str, position: Option<Position>, message: impl AsRef<str>) -> Self {
        Self::new(file, position, Severity::Error, message.as_ref())
    }

    pub fn warning(file: &str, position: Option<Position>, message: impl AsRef<str>) -> Self {
        Self::new(file, position, Severity::Warning, message.as_ref())
    }

    fn new(file: &str, position: Option<Position>, severity: Severity, message: &str) -> Self {
        Self {
            file: sanitize_line(file).into_owned(),
            position,
            severity,
            message: sanitize_line(message.trim()).into_owned(),
            length: 1,
            hint: None,
            source_line: None,
        }
    }

    /// The same, covering `length` characters (a key, a value) rather than one.
    pub fn spanning(mut self, length: usize) -> Self {
        self.length = length.max(1);
        self
    }

    /// The same, with a hint for the likely fix.
    pub fn with_hint(mut self, hint: impl AsRef<str>) -> Self {
        self.hint = Some(sanitize_line(hint.as_ref().trim()).into());
        self
    }

    /// Keeps the line the diagnostic points at, taken from `text` (the file's whole text), so
    /// it can be shown under the message without the file at hand.
    pub fn attach_source(&mut self, text: &str) {
        let lines: Vec<&str> = text.split('\n').collect();
        self.attach_line(&lines);
    }

    /// [`Diagnostic::attach_source`] from the text's lines, split once for many diagnostics
    /// (thousands of warnings on a large article must not rescan it each).
    pub fn attach_line(&mut self, lines: &[&str]) {
        if let Some(position) = self.position {
            self.source_line =
                position.line.checked_sub(1).and_then(|i| lines.get(i)).map(|l| l.trim_end_matches('\r').into());
        }
    }

    /// `file:line:col` or just `file`.
    pub fn location(&self) -> String {
        match self.position {
            Some(Position { line, column }) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}: {kind}{}", self.location(), self.message)?;
        match &self.hint {
            Some(hint) => write!(f, " ({hint})"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_one_based_lines_and_character_columns() {
        let text = "a = 1\nβγ = 2\n";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of_offset(text, 6), Position { line: 2, column: 1 });
        // 'β' and 'γ' are two bytes each; byte 10 is the space after them.
        assert_eq!(Position::of_offset(text, 10), Position { line: 2, column: 3 });
        assert_eq!(Position::of_offset(text, 7), Position { line: 2, column: 1 });
        assert_eq!(Position::of_offset(text, 999), Position { line: 3, column: 1 });
    }

    #[test]
    fn the_line_index_agrees_with_the_scan() {
        let text = "a = 1\nβγ = 2\n\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 3 {
            assert_eq!(index.position(offset), Position::of_offset(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn display_is_file_line_col_message() {
        let d = Diagnostic::error("m.toml", Some(Position { line: 12, column: 7 }), "bad\u{1b}");
        assert_eq!(d.to_string(), "m.toml:12:7: bad␛");
        let w = Diagnostic::warning("m.toml", None, "quote not found");
        assert_eq!(w.to_string(), "m.toml: warning: quote not found");
    }
}
