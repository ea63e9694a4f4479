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
        offset = split_run(text, offset, style, &touching, &mut spans);
    }
    Line::from(spans)
}

/// Pushes `text` (from char `offset` of its block, in `style`) to `spans`, split where the
/// `touching` highlights change its style; returns the offset after it. A grapheme takes the
/// style of its first char.
fn split_run<'a>(
    text: &'a str,
    offset: usize,
    style: Style,
    touching: &[&Highlight],
    spans: &mut Vec<Span<'a>>,
) -> usize {
    match crate::text::width::simple_chars(text) {
        Some(chars) if chars > 0 => split_at_edges(text, offset, chars, style, touching, spans),
        _ => split_by_graphemes(text, offset, style, touching, spans),
    }
}

/// The style of the char at `offset`: the run's, with every highlight over it patched on.
fn style_at(offset: usize, style: Style, touching: &[&Highlight]) -> Style {
    touching.iter().filter(|h| (h.span.start..h.span.end).contains(&offset)).fold(style, |s, h| s.patch(h.style))
}

/// [`split_run`] of text whose `chars` chars are each a grapheme of their own: the style can
/// change only where a highlight starts or ends, so only there is it worked out.
fn split_at_edges<'a>(
    text: &'a str,
    offset: usize,
    chars: usize,
    style: Style,
    touching: &[&Highlight],
    spans: &mut Vec<Span<'a>>,
) -> usize {
    let end = offset + chars;
    let mut edges: Vec<usize> =
        touching.iter().flat_map(|h| [h.span.start, h.span.end]).filter(|&edge| offset < edge && edge < end).collect();
    edges.sort_unstable();
    edges.dedup();
    let ascii = text.is_ascii();
    let byte_of = |edge: usize| {
        let k = edge - offset;
        if ascii { k } else { text.char_indices().nth(k).map_or(text.len(), |(byte, _)| byte) }
    };
    let (mut piece_start, mut piece_style) = (0, style_at(offset, style, touching));
    for edge in edges {
        let next = style_at(edge, style, touching);
        if next != piece_style {
            let byte = byte_of(edge);
            spans.push(Span::styled(&text[piece_start..byte], piece_style));
            (piece_start, piece_style) = (byte, next);
        }
    }
    spans.push(Span::styled(&text[piece_start..], piece_style));
    end
}

/// [`split_run`], a grapheme at a time.
fn split_by_graphemes<'a>(
    text: &'a str,
    mut offset: usize,
    style: Style,
    touching: &[&Highlight],
    spans: &mut Vec<Span<'a>>,
) -> usize {
    let mut piece_start = 0;
    let mut piece_style = None;
    for (byte, grapheme) in text.grapheme_indices(true) {
        let char_style = style_at(offset, style, touching);
        if piece_style.is_some_and(|p| p != char_style) {
            spans.push(Span::styled(&text[piece_start..byte], piece_style.unwrap_or(style)));
            piece_start = byte;
        }
        piece_style = Some(char_style);
        offset += grapheme.chars().count();
    }
    spans.push(Span::styled(&text[piece_start..], piece_style.unwrap_or(style)));
    offset
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

    proptest::proptest! {
        /// Split at the highlights' edges, a run gives the spans it gives split a grapheme at a
        /// time, for any highlights over it (overlapping, empty, outside it).
        #[test]
        fn runs_split_at_edges_as_they_split_grapheme_by_grapheme(
            parts in proptest::collection::vec(proptest::sample::select(vec!["a", " ", "é", "中", "“", "–", "b"]), 0..16),
            offset in 0usize..4,
            ranges in proptest::collection::vec((0usize..22, 0usize..8, 0u8..3), 0..4),
        ) {
            let text = parts.concat();
            let marks = [Modifier::REVERSED, Modifier::BOLD, Modifier::UNDERLINED];
            let highlights: Vec<Highlight> = ranges
                .iter()
                .map(|&(start, length, mark)| Highlight {
                    span: TextSpan { block: 0, start, end: start + length },
                    style: Style::new().add_modifier(marks[usize::from(mark)]),
                })
                .collect();
            let touching: Vec<&Highlight> = highlights.iter().collect();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let style = Style::new().italic();
            let ends = (split_run(&text, offset, style, &touching, &mut fast), split_by_graphemes(&text, offset, style, &touching, &mut slow));
            proptest::prop_assert_eq!(ends.0, ends.1);
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
