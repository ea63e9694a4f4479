//! The presenter view: in one terminal, the slide as the audience sees it, the next slide, the
//! speaker's notes, and a status line with the wall clock, the time elapsed, the time left and
//! the slide's number, and the keys. Every part is a titled pane, and steps down on small
//! screens (see [`layout`]).

mod layout;
mod status;

use layout::presenter_layout;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::frame::{pane_block, with_caption};
use super::frames::Reuse;
use crate::app::Viewer;
use crate::load::Loaded;
use crate::text::width::truncate;

/// Draws the presenter view over `area`.
pub fn render(app: &Viewer, loaded: &Loaded, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    let areas = presenter_layout(area);
    let p = app.view.presentation();
    let deck = app.content.deck();
    if let Some(rect) = areas.current {
        let state = if p.blank { " · blank: any key shows it" } else { "" };
        let title = format!("Slide {} of {}{state}", p.slide + 1, deck.len());
        let block = pane_block(app.view.theme(), &title, "", !p.blank, rect.width);
        let inner = block.inner(rect);
        block.render(rect, buf);
        super::shown_slide::render(app, loaded, inner, buf, reuse);
    }
    if let Some(rect) = areas.next {
        next_pane(app, loaded, rect, buf, reuse);
    }
    if let Some(rect) = areas.notes {
        // Without the slide's picture, the notes' frame names the slide they are for.
        let shown = deck.get(p.slide).filter(|_| areas.current.is_none()).map_or("", |slide| slide.title.as_str());
        notes_pane(app, shown, rect, buf);
    }
    status::render(app, areas.status, buf);
}

/// The next slide, as a picture where there is room for one, else its title; the end of the
/// deck says so.
fn next_pane(app: &Viewer, loaded: &Loaded, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    let theme = app.view.theme();
    let index = app.view.presentation().slide + 1;
    let next = app.content.deck().get(index);
    let block = pane_block(theme, "Next", "", false, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    match next {
        None => Line::styled(truncate("End of the deck", usize::from(inner.width)), theme.dim).render(inner, buf),
        // A picture only where a slide's heading and something under it can show.
        Some(_) if inner.height >= 5 && inner.width >= 20 => {
            super::shown_slide::thumbnail(app, loaded, index, inner, buf, reuse);
        }
        Some(slide) => {
            let line = format!(" {}", slide.title);
            Line::styled(truncate(&line, usize::from(inner.width)), theme.pane_title).render(inner, buf);
        }
    }
}

/// The current slide's notes, Markdown, wrapped to the pane; what does not fit is counted on
/// the frame.
fn notes_pane(app: &Viewer, slide_title: &str, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme();
    let notes = app.content.deck().get(app.view.presentation().slide).and_then(|s| s.notes.as_deref());
    let block = pane_block(theme, "Notes", slide_title, false, area.width);
    let inner = block.inner(area);
    // A column of margin on each side keeps the text off the frame.
    let text = Rect { x: inner.x.saturating_add(1), width: inner.width.saturating_sub(2), ..inner };
    let Some(notes) = notes.filter(|n| !n.trim().is_empty()) else {
        block.render(area, buf);
        Paragraph::new("No notes for this slide.").style(theme.dim).wrap(Wrap { trim: true }).render(text, buf);
        return;
    };
    let notes = super::notes::Notes::new(notes, text.width);
    let hidden = notes.rows().saturating_sub(usize::from(text.height));
    let more = if hidden > 0 { format!("{hidden} more lines below") } else { String::new() };
    with_caption(block, more, theme.dim, area.width).render(area, buf);
    notes.render(theme, text, buf);
}

/// Where the current slide's title is drawn in the presenter view over `area`, for the
/// screen-reader cursor; without the slide's picture, the first line of the notes.
pub fn title_at(app: &Viewer, area: Rect) -> Option<ratatui::layout::Position> {
    let areas = presenter_layout(area);
    // Both panes have a plain border: their inside is the pane less one cell all round.
    match (areas.current, areas.notes) {
        (Some(rect), _) => super::slide::title_at(app, rect.inner(ratatui::layout::Margin::new(1, 1))),
        (None, Some(rect)) => Some(rect.inner(ratatui::layout::Margin::new(1, 1)).as_position()),
        (None, None) => None,
    }
}
