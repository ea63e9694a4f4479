//! The article pane: the visible slice of the wrapped lines, a scrollbar and the position.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap};

use super::focused;
use super::frame::{pane_block, with_caption};
use crate::app::App;
use crate::article::{LineKind, RunStyle, WrappedLine, wrap};
use crate::layout::{Pane, article_text_area};
use crate::load::Loaded;
use crate::theme::Theme;

pub fn render(app: &App, loaded: &Loaded, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    let name = loaded.article.as_ref().map_or("", |a| a.name.as_str());
    let block = pane_block(theme, "Article", name, focused(app, Pane::Article), area.width);
    let text_area = article_text_area(area);
    let Some(named) = &loaded.article else {
        block.render(area, buf);
        Paragraph::new("This dataset names no article.\n\nAdd  article = \"article.md\"  to it, or start coopdash with --article FILE.")
            .style(theme.dim)
            .wrap(Wrap { trim: true })
            .render(text_area, buf);
        return;
    };
    // Normally the app has wrapped the article for this very width; a render at another size
    // (a snapshot of a different size) wraps on the spot rather than showing a wrong layout.
    let width = usize::from(text_area.width);
    let lines: Cow<'_, [WrappedLine]> = if width == app.article_width {
        Cow::Borrowed(&app.article_lines)
    } else {
        Cow::Owned(wrap(&named.article.blocks, width))
    };
    let page = usize::from(text_area.height);
    let max_scroll = lines.len().saturating_sub(page);
    let top = app.article_scroll.min(max_scroll);
    let bottom = (top + page).min(lines.len());
    let caption = if lines.len() <= page {
        String::new()
    } else {
        format!("{}–{} of {} · {}%", top + 1, bottom, lines.len(), bottom * 100 / lines.len().max(1))
    };
    with_caption(block, caption, theme.dim).render(area, buf);

    for (row, line) in lines[top..bottom].iter().enumerate() {
        let y = text_area.y + row as u16;
        styled_line(theme, line).render(Rect { y, height: 1, ..text_area }, buf);
    }
    if lines.len() > page {
        let mut state = ScrollbarState::new(max_scroll + 1).position(top).viewport_content_length(page);
        let bar_area = Rect { x: area.right().saturating_sub(1), y: text_area.y, width: 1, height: text_area.height };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(theme.scrollbar)
            .render(bar_area, buf, &mut state);
    }
}

/// A wrapped line with the theme's styles: the line's kind sets the base, each run adds its own.
fn styled_line<'a>(theme: &Theme, line: &'a WrappedLine) -> Line<'a> {
    let base = match line.kind {
        LineKind::Heading(level) => theme.heading[usize::from(level.clamp(1, 3)) - 1],
        LineKind::Quote => theme.quote,
        LineKind::Code => theme.code,
        LineKind::Rule => theme.marker,
        LineKind::Body | LineKind::Blank => theme.body,
    };
    let spans: Vec<Span<'a>> =
        line.runs.iter().map(|run| Span::styled(run.text.as_str(), base.patch(run_style(theme, run.style)))).collect();
    Line::from(spans).alignment(Alignment::Left)
}

fn run_style(theme: &Theme, style: RunStyle) -> Style {
    let mut out = Style::new();
    if style.marker {
        return theme.marker;
    }
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
