//! Diagnostics as a compiler prints them, by annotate-snippets (the renderer rustc uses):
//!
//! ```text
//! error: invalid type: string "2025-04-10", expected a date such as 2021-12-03
//!  --> metrics.toml:7:9
//!   |
//! 7 | as_of = "2025-04-10"
//!   |         ^^^^^^^^^^^^
//!   |
//!   = help: dates take no quotes: as_of = 2025-04-10
//! ```
//!
//! In colour for a terminal, plain for a pipe and for the app's own screens (which draw the
//! same text into a ratatui buffer, where escape sequences have no place).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::diagnostic::{Diagnostic, Severity};
use crate::text::sanitize_line;

/// Whether the text may hold colour escape sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Plain,
    Colour,
}

impl Paint {
    /// Colour on a terminal, unless `NO_COLOR` is set (to anything but the empty string);
    /// plain into a pipe or a file.
    pub fn for_stream(is_terminal: bool, no_color: bool) -> Self {
        if is_terminal && !no_color { Paint::Colour } else { Paint::Plain }
    }
}

/// Source lines longer than this (in bytes) are not shown, only their place: a line of
/// megabytes is no help to read, and is not copied into every message.
const MAX_SHOWN_LINE: usize = 64 * 1024;

/// One diagnostic, rendered for a screen `width` columns wide (long source lines are cut to it,
/// around the caret). Ends without a newline.
pub fn render(diagnostic: &Diagnostic, paint: Paint, width: usize) -> String {
    let renderer = match paint {
        Paint::Plain => Renderer::plain(),
        Paint::Colour => Renderer::styled(),
    }
    .term_width(width.max(20));
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(diagnostic.message.as_str()));
    let file = diagnostic.file.as_str();
    let shown =
        diagnostic.position.zip(diagnostic.source_line.as_deref()).filter(|(_, line)| line.len() <= MAX_SHOWN_LINE);
    match shown {
        Some((position, line)) => {
            let (text, span) = shown_line(line, position.column, diagnostic.length);
            group = group.element(
                Snippet::source(text)
                    .line_start(position.line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        None => {
            let mut origin = Origin::path(file);
            if let Some(position) = diagnostic.position {
                origin = origin.line(position.line).char_column(position.column);
            }
            group = group.element(origin);
        }
    }
    if let Some(hint) = &diagnostic.hint {
        group = group.element(Level::HELP.message(&**hint));
    }
    renderer.render(&[group])
}

/// Every diagnostic, each followed by a blank line.
pub fn render_all(diagnostics: &[Diagnostic], paint: Paint, width: usize) -> String {
    diagnostics.iter().map(|d| render(d, paint, width) + "\n\n").collect()
}

/// What a line of a rendered diagnostic is, for the app to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The message (or a continuation of it, wrapped).
    Title(Severity),
    /// The place, the quoted source line, its caret, the hint, the blank line between two.
    Body,
}

/// Every diagnostic as plain lines at most `width` columns wide (the message and hint wrapped
/// at words, the source line cut by the renderer), a blank line between two: what the app's
/// error screen and list of problems draw (and count, to scroll).
pub fn plain_lines(diagnostics: &[Diagnostic], width: usize) -> Vec<(String, LineKind)> {
    let mut lines = Vec::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if index > 0 {
            lines.push((String::new(), LineKind::Body));
        }
        let title = LineKind::Title(diagnostic.severity);
        for (number, line) in render(diagnostic, Paint::Plain, width).lines().enumerate() {
            let kind = if number == 0 { title } else { LineKind::Body };
            let indent = if number == 0 { "  " } else { "          " };
            lines.extend(wrap(line, width, indent).into_iter().map(|l| (l, kind)));
        }
    }
    lines
}

/// `line` cut at spaces into lines of at most `width` columns, the later ones after `indent`
/// (a word longer than a line is cut where it must be).
fn wrap(line: &str, width: usize, indent: &str) -> Vec<String> {
    use crate::text::width::{truncate, width as columns};
    if columns(line) <= width || width <= indent.len() + 1 {
        return vec![line.to_owned()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split_inclusive(' ') {
        let room = if out.is_empty() { width } else { width - indent.len() };
        if !current.is_empty() && columns(&current) + columns(word.trim_end()) > room {
            out.push(std::mem::take(&mut current).trim_end().to_owned());
        }
        current.push_str(word);
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_owned());
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { truncate(&l, width) } else { truncate(&format!("{indent}{l}"), width) })
        .collect()
}

/// The line as shown (sanitised) and the caret's byte range in it.
fn shown_line(line: &str, column: usize, length: usize) -> (String, std::ops::Range<usize>) {
    // Sanitising may change lengths (a control character becomes a picture of it): the caret is
    // placed by sanitising what comes before it.
    let at = column.saturating_sub(1);
    let prefix: String = line.chars().take(at).collect();
    let covered: String = line.chars().take(at + length.max(1)).collect();
    let text = sanitize_line(line).into_owned();
    let start = floor_boundary(&text, sanitize_line(&prefix).len().min(text.len()));
    let end = floor_boundary(&text, sanitize_line(&covered).len().clamp(start, text.len()));
    (text, start..end)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Position;

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn a_diagnostic_shows_its_line_a_caret_and_its_hint() {
        let mut d =
            Diagnostic::error("m.toml", at(2, 9), "invalid type").spanning(4).with_hint("numbers take no quotes");
        d.attach_source("title = \"T\"\nvalue = \"12\"\n");
        let text = render(&d, Paint::Plain, 80);
        assert_eq!(
            text,
            "error: invalid type\n --> m.toml:2:9\n  |\n2 | value = \"12\"\n  |         ^^^^\n  |\n  = help: numbers take no quotes"
        );
    }

    #[test]
    fn plain_has_no_escapes_and_colour_has_them() {
        let mut d = Diagnostic::warning("m.toml", at(1, 1), "a warning");
        d.attach_source("x = 1\n");
        assert!(!render(&d, Paint::Plain, 80).contains('\u{1b}'));
        assert!(render(&d, Paint::Colour, 80).contains('\u{1b}'));
        assert!(render(&d, Paint::Plain, 80).starts_with("warning: a warning\n --> m.toml:1:1"));
    }

    #[test]
    fn without_a_source_line_the_place_is_still_given() {
        let d = Diagnostic::error("m.toml", None, "cannot read: No such file or directory");
        assert_eq!(render(&d, Paint::Plain, 80), "error: cannot read: No such file or directory\n--> m.toml");
    }

    #[test]
    fn a_long_line_is_cut_to_the_width_and_a_huge_one_is_not_shown() {
        let line = format!("{}x", "-".repeat(60_000));
        let mut d = Diagnostic::error("m.toml", at(1, 60_001), "bad");
        d.attach_source(&line);
        let text = render(&d, Paint::Plain, 80);
        assert!(text.contains("m.toml:1:60001") && text.contains("...---"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        let mut d = Diagnostic::error("m.toml", at(1, 100_001), "bad");
        d.attach_source(&format!("{}x", "-".repeat(100_000)));
        assert_eq!(render(&d, Paint::Plain, 80), "error: bad\n--> m.toml:1:100001");
    }

    #[test]
    fn plain_lines_wrap_a_long_message_within_the_width() {
        let d = Diagnostic::warning("m.toml", None, "a message of many words that cannot fit on one line at all");
        let lines = plain_lines(&[d.clone(), d], 30);
        assert!(lines.iter().all(|(l, _)| crate::text::width::width(l) <= 30), "{lines:?}");
        assert_eq!(lines[0], ("warning: a message of many".to_owned(), LineKind::Title(Severity::Warning)));
        assert_eq!(lines[1].1, LineKind::Title(Severity::Warning), "the continuation is still the message");
        assert!(lines.iter().any(|(l, k)| l.is_empty() && *k == LineKind::Body), "a blank line between two");
    }

    #[test]
    fn control_characters_in_the_line_are_shown_safely() {
        let mut d = Diagnostic::error("m.toml", at(1, 12), "bad");
        d.attach_source("title = \"\u{1b}[2J\" x");
        let text = render(&d, Paint::Plain, 80);
        assert!(!text.contains('\u{1b}'), "{text:?}");
    }
}
