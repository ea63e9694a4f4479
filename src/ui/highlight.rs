//! Styling stretches of wrapped article lines: the evidence sentence, charted numbers, search
//! matches. A line knows its block and the char offset it starts at; a highlight is a block and
//! a char range; this file lays one over the other.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::{LineKind, Piece, RunStyle, TextSpan, WrappedLine};
use crate::text::cells::terminal_width;
use crate::theme::Theme;

/// A stretch to draw in a style. Later highlights in a list win over earlier ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Highlight {
    pub span: TextSpan,
    pub style: Style,
}

/// A wrapped line with the theme's styles: the line's kind sets the base, each piece adds its
/// own, and the highlights that touch the line are patched on top, grapheme by grapheme (a span
/// never starts inside a grapheme: the terminal would draw its marks on the cell before).
pub fn styled_line<'a>(
    theme: &Theme,
    line: &WrappedLine,
    pieces: Vec<Piece<'a>>,
    highlights: &[Highlight],
) -> Line<'a> {
    let base = match line.kind {
        LineKind::Heading(level) => theme.heading[usize::from(level.clamp(1, 3)) - 1],
        LineKind::Quote => theme.quote,
        LineKind::Code => theme.code,
        LineKind::Rule => theme.marker,
        LineKind::Body | LineKind::Blank => theme.body,
    };
    let touching: Vec<&Highlight> = highlights.iter().filter(|h| h.span.block == line.block).collect();
    let mut spans: Vec<Span<'a>> = Vec::with_capacity(pieces.len());
    let mut offset = line.offset;
    for run in pieces {
        if let (Some(at), false) = (run.at, run.style.marker) {
            offset = at; // a table's next cell
        }
        let style = base.patch(run_style(theme, run.style));
        let (skipped, text) = without_leading_marks(run.text);
        if run.style.marker || touching.is_empty() {
            if !run.style.marker {
                offset += skipped + text.chars().count();
            }
            spans.push(Span::styled(text, style));
            continue;
        }
        offset += skipped;
        // Text pieces borrow the article; an owned one (there are none today) is drawn whole.
        let text: &'a str = match text {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => {
                offset += text.chars().count();
                spans.push(Span::styled(text, style));
                continue;
            }
        };
        // Split the run where the highlighting changes; a grapheme takes the style of its
        // first char.
        let mut piece_start = 0;
        let mut piece_style = None;
        // Printable ASCII is a grapheme a byte (no CR to pair with a LF): no segmentation.
        let graphemes: Box<dyn Iterator<Item = (usize, usize)>> = if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            Box::new((0..text.len()).map(|byte| (byte, 1)))
        } else {
            Box::new(text.grapheme_indices(true).map(|(byte, grapheme)| (byte, grapheme.chars().count())))
        };
        for (byte, chars) in graphemes {
            let char_style = touching
                .iter()
                .filter(|h| (h.span.start..h.span.end).contains(&offset))
                .fold(style, |s, h| s.patch(h.style));
            if piece_style.is_some_and(|p| p != char_style) {
                spans.push(Span::styled(&text[piece_start..byte], piece_style.unwrap_or(style)));
                piece_start = byte;
            }
            piece_style = Some(char_style);
            offset += chars;
        }
        spans.push(Span::styled(&text[piece_start..], piece_style.unwrap_or(style)));
    }
    Line::from(spans)
}

/// A piece without the zero-width graphemes it starts with (an accent whose letter Markdown put
/// in the run before, `**e**\u{301}`), and how many chars they were. Drawn first in their own
/// span, they would land on the cell before it on the terminal and not in ratatui's.
fn without_leading_marks(text: Cow<'_, str>) -> (usize, Cow<'_, str>) {
    if text.is_ascii() {
        return (0, text);
    }
    let (mut bytes, mut chars) = (0, 0);
    for grapheme in text.graphemes(true) {
        if terminal_width(grapheme) > 0 {
            break;
        }
        bytes += grapheme.len();
        chars += grapheme.chars().count();
    }
    let rest = match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[bytes..]),
        Cow::Owned(text) => Cow::Owned(text[bytes..].to_owned()),
    };
    (chars, rest)
}

fn run_style(theme: &Theme, style: RunStyle) -> Style {
    if style.marker {
        return theme.marker;
    }
    let mut out = Style::new();
    if style.strong {
        out = out.patch(theme.strong);
    }
    if style.emphasis {
        out = out.patch(theme.emphasis);
    }
    if style.code {
        out = out.patch(theme.code);
    }
    if style.link {
        out = out.patch(theme.link);
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;
    use crate::article::{Article, wrap};

    #[test]
    fn a_highlight_splits_runs_at_its_edges() {
        let article = Article::from_markdown("one **two three** four");
        let lines = wrap(&article.blocks, 80);
        let theme = Theme::monochrome();
        let mark = Style::new().add_modifier(Modifier::REVERSED);
        // "two three" is chars 4..13; highlight "o thr" = 6..11.
        let highlight = Highlight { span: TextSpan { block: 0, start: 6, end: 11 }, style: mark };
        let line = styled_line(&theme, &lines[0], lines[0].pieces(&article.blocks, 80), &[highlight]);
        let pieces: Vec<(&str, bool)> = line
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style.add_modifier.contains(Modifier::REVERSED)))
            .collect();
        assert_eq!(pieces, [("one ", false), ("tw", false), ("o thr", true), ("ee", false), (" four", false)]);
        assert!(line.spans[2].style.add_modifier.contains(Modifier::BOLD), "the run's own style stays");
    }

    #[test]
    fn highlights_on_other_blocks_leave_the_line_alone() {
        let article = Article::from_markdown("alpha\n\nbeta");
        let lines = wrap(&article.blocks, 80);
        let highlight = Highlight { span: TextSpan { block: 1, start: 0, end: 4 }, style: Style::new() };
        let pieces = lines[0].pieces(&article.blocks, 80);
        assert_eq!(styled_line(&Theme::monochrome(), &lines[0], pieces, &[highlight]).spans.len(), 1);
    }

    #[test]
    fn spans_start_at_graphemes_and_never_with_a_lone_mark() {
        // The accent's letter is bold, the accent is not; a highlight covers the letter only.
        let article = Article::from_markdown("x **e**\u{301}y e\u{301}z");
        let lines = wrap(&article.blocks, 80);
        let mark = Style::new().add_modifier(Modifier::REVERSED);
        let highlights = [
            Highlight { span: TextSpan { block: 0, start: 2, end: 3 }, style: mark },
            Highlight { span: TextSpan { block: 0, start: 6, end: 7 }, style: mark },
        ];
        let line = styled_line(&Theme::monochrome(), &lines[0], lines[0].pieces(&article.blocks, 80), &highlights);
        let texts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["x ", "e", "y ", "e\u{301}", "z"]);
        assert!(line.spans.iter().all(|s| s.content.graphemes(true).next().is_none_or(|g| terminal_width(g) > 0)));
    }
}
