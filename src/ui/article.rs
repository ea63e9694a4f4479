//! The article pane: the visible slice of the wrapped lines, a scrollbar and the position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::focused;
use super::frame::{pane_block, with_caption};
use super::frames::{Reuse, RowKey};
use super::highlight::{Highlight, styled_line};
use crate::app::Viewer;
use crate::article::{BadgePlace, Row, WrappedLine, row_at};
use crate::layout::{Pane, article_text_area};
use crate::load::Loaded;
use crate::text::width::truncate;

pub fn render(app: &Viewer, loaded: &Loaded, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    if area.is_empty() {
        return;
    }
    let theme = &app.view.theme();
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
    // The app keeps the article wrapped for its pane's width, and says where the badge goes
    // and how far the article scrolls: the pane draws exactly that.
    let width = app.view.article_width();
    let lines: &[WrappedLine] = app.view.article_lines();
    let badge = evidence_badge(app, loaded);
    let place = badge.as_ref().map(|badge| badge.place);
    let scroll = app.view.article_view(app.content);
    let (top, bottom) = (scroll.top, scroll.bottom());
    let mut caption = scroll.caption();
    if let Some(note) = missing_evidence(app, loaded) {
        caption = if caption.is_empty() { note } else { format!("{note} · {caption}") };
    }
    with_caption(block, caption, theme.dim, area.width).render(area, buf);

    // The lines on screen, and the one or two above them a badge may have pushed up.
    let visible = &lines[top.saturating_sub(2).min(lines.len())..bottom.min(lines.len())];
    let highlights = highlights(app, loaded, visible);
    let blocks = &named.article.blocks;
    // The cut line's two halves, made once for the two rows that show them.
    let halves = badge.as_ref().filter(|badge| badge.place.cut).and_then(|badge| {
        let line = lines.get(badge.place.line)?;
        Some((line, line.cut_at(blocks, width, badge.sentence_end)?))
    });
    // A frame drawn before the app has seen the terminal's new size shows what fits.
    for (screen_row, row) in (top..bottom).enumerate().take(usize::from(text_area.height)) {
        let row_area = Rect { y: text_area.y + screen_row as u16, height: 1, ..text_area };
        let shown = row_at(row, place);
        let styled = match (shown, &badge) {
            (Row::Line(index), _) => {
                if let Some(line) = lines.get(index) {
                    let pieces = line.pieces(blocks, width);
                    let key = RowKey::new(line, &pieces, width, &highlights);
                    reuse.article_row(key, row_area, buf, |buf| {
                        let styled = styled_line(theme, line, pieces, &highlights);
                        super::line_cells::render(&styled, row_area, buf);
                    });
                    continue;
                }
                None
            }
            // Cut with an ellipsis, not mid-word, when the pane is narrower than the badge.
            (Row::Badge, Some(badge)) => Some(Line::styled(truncate(&badge.text, width), theme.evidence_badge)),
            (Row::CutBefore(_), _) => {
                halves.as_ref().map(|(line, halves)| styled_line(theme, line, halves.before.clone(), &highlights))
            }
            (Row::CutAfter(_), _) => halves.as_ref().map(|(line, halves)| {
                // The second half starts at its own offset (the highlights go by offsets).
                let mut rest = (*line).clone();
                rest.offset = halves.after_offset;
                styled_line(theme, &rest, halves.after.clone(), &highlights)
            }),
            // Without a badge there is no badge row.
            (Row::Badge, None) => None,
        };
        // Drawn apart from the cache (or left blank): no cell of the frame before last stays.
        reuse.fresh(row_area, buf);
        if let Some(styled) = styled {
            super::line_cells::render(&styled, row_area, buf);
        }
    }
    // A scrollbar only once the article's length is known: a thumb on a partial length would
    // say the wrong place.
    if scroll.overflows() && !scroll.partial {
        let bar_area = Rect { x: area.right().saturating_sub(1), y: text_area.y, width: 1, height: text_area.height };
        let bar = super::scrollbar::Scroll { length: scroll.max() + 1, position: top, viewport: scroll.page };
        super::scrollbar::render(bar_area, bar, "│", "┃", theme.scrollbar, buf);
    }
}

/// The badge under the selected metric's sentence: what it says, and where the sentence ends
/// (its line is cut there). Where it goes is the app's [`App::evidence_badge`].
struct Badge {
    place: BadgePlace,
    /// Where the sentence ends (a char offset in its block): where its line is cut.
    sentence_end: usize,
    /// `↳ 25 countries · Belt and Road agreements`.
    text: String,
}

fn evidence_badge(app: &Viewer, loaded: &Loaded) -> Option<Badge> {
    let metric = app.view.evidence_metric()?;
    let sentence = loaded.evidence_place(metric)?.sentence;
    let m = loaded.dataset.metrics.get(metric)?;
    Some(Badge {
        place: app.view.evidence_badge(app.content)?,
        sentence_end: sentence.end,
        text: format!("  ↳ {} · {}", m.display_value(), m.label),
    })
}

/// For a selected metric whose quote cannot be shown: where its figure comes from instead.
fn missing_evidence(app: &Viewer, loaded: &Loaded) -> Option<String> {
    let metric = app.view.evidence_metric()?;
    if loaded.evidence.quote(metric).is_some() {
        return None;
    }
    let m = loaded.dataset.metrics.get(metric)?;
    Some(match (&m.source, &m.quote) {
        (Some(source), _) => format!("{}: source {source}", m.label),
        (None, Some(_)) => format!("{}: quote not found in the article", m.label),
        (None, None) => format!("{}: no quote", m.label),
    })
}

/// The highlights that touch the visible lines: charted numbers, the evidence sentence, search
/// matches (the current one strongest), in drawing order.
fn highlights(app: &Viewer, loaded: &Loaded, visible: &[WrappedLine]) -> Vec<Highlight> {
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else { return Vec::new() };
    let blocks = first.block..=last.block;
    let theme = &app.view.theme();
    let mut out: Vec<Highlight> = loaded
        .evidence
        .numbers
        .iter()
        .filter(|span| blocks.contains(&span.block))
        .map(|&span| Highlight { span, style: theme.charted_number })
        .collect();
    if let Some(place) = app.view.evidence_metric().and_then(|m| loaded.evidence_place(m))
        && blocks.contains(&place.sentence.block)
    {
        out.push(Highlight { span: place.sentence, style: theme.evidence });
    }
    if let Some(search) = &app.view.search() {
        for (index, span) in search.article_hits_in(first.block, last.block) {
            let style = if Some(index) == search.current { theme.search_current } else { theme.search_match };
            out.push(Highlight { span, style });
        }
    }
    out
}
