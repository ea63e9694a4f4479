//! Where the details window (Enter) goes: never over the sentence and badge it points at. One
//! computation for the overlay that draws the window and the view that scrolls the article to
//! make room for it.
//!
//! Beside the article (charts on the left, article on the right) the window covers the left
//! column only, so the article stays in sight whole. When the article fills the body, the window
//! goes above or below the highlighted rows; when neither has room, [`details_scroll`] finds the
//! article position that gives it room.

use std::ops::Range;

use ratatui::layout::{Constraint, Rect};

use super::{Areas, Pane, Screen, article_text_area};
use crate::article::Scroll;

/// The widest details window.
const MAX_WIDTH: u16 = 90;
/// The fewest rows a window beside the kept rows may have (its frame and one field) before it
/// rather goes over them.
const MIN_ROWS: u16 = 3;

/// What the details window must leave in sight: article rows `rows` (the highlighted sentence
/// down to its evidence badge, counted as the article's scroll counts them), with the article
/// scrolled as `scroll` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    pub rows: Range<usize>,
    pub scroll: Scroll,
}

/// The details window over `screen` laid out as `areas`, describing an item of `pane`, for a
/// window that wants `rows(width)` rows (frame included) at a width: over the left column beside
/// the article (above or below `pane` when it fits there); elsewhere off the kept rows when they
/// show and there is room, else centred. Within the screen at any size.
pub fn details_window(screen: Rect, areas: &Areas, pane: Pane, keep: Option<&Keep>, rows: impl Fn(u16) -> u16) -> Rect {
    place(screen, areas, pane, keep, &rows).0
}

/// The article position at which the details window leaves the kept rows whole in sight and is
/// not cut short: the current one if it does, else the kept rows at the top of the page, else
/// at its bottom; the current one when no position does (a page too short for both).
pub fn details_scroll(screen: Rect, areas: &Areas, pane: Pane, keep: &Keep, rows: impl Fn(u16) -> u16) -> usize {
    let scroll = keep.scroll;
    let page = scroll.page;
    [scroll.top, keep.rows.start, keep.rows.end.saturating_sub(page)]
        .into_iter()
        .map(|top| Scroll { top: top.min(scroll.max()), ..scroll })
        .find(|moved| place(screen, areas, pane, Some(&Keep { rows: keep.rows.clone(), scroll: *moved }), &rows).1)
        .map_or(scroll.top, |moved| moved.top)
}

/// The window, and whether it is whole and off the kept rows.
fn place(screen: Rect, areas: &Areas, pane: Pane, keep: Option<&Keep>, rows: &dyn Fn(u16) -> u16) -> (Rect, bool) {
    if areas.screen == Screen::Split && !areas.article.is_empty() {
        // The left column, from the top of the screen to its bottom.
        let column = Rect { width: areas.article.x.saturating_sub(screen.x), ..screen };
        let width = column.width.saturating_sub(2).min(MAX_WIDTH);
        let wanted = rows(width);
        let centred = |band: Rect, height: u16| band.centered(Constraint::Length(width), Constraint::Length(height));
        // Beside the pane of the described item when there is room, so its bar stays in sight.
        let pane = areas.pane(pane);
        let above = Rect { height: pane.y.saturating_sub(column.y), ..column };
        let below = Rect { y: pane.bottom(), height: column.bottom().saturating_sub(pane.bottom()), ..column };
        if !pane.is_empty()
            && let Some(band) = [below, above].into_iter().find(|band| band.height >= wanted)
        {
            return (centred(band, wanted), true);
        }
        let height = wanted.min(column.height);
        return (centred(column, height), height == wanted);
    }
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let wanted = rows(width);
    let centred = |band: Rect, height: u16| band.centered(Constraint::Length(width), Constraint::Length(height));
    let Some(kept) = keep.and_then(|keep| kept_rows(areas, keep)) else {
        let height = wanted.min(screen.height);
        return (centred(screen, height), height == wanted);
    };
    let above = Rect { height: kept.start.saturating_sub(screen.y), ..screen };
    let below = Rect { y: kept.end, height: screen.bottom().saturating_sub(kept.end), ..screen };
    let whole = kept_whole(areas, keep);
    if let Some(band) = [below, above].into_iter().find(|band| band.height >= wanted) {
        return (centred(band, wanted), whole);
    }
    let band = if below.height >= above.height { below } else { above };
    if band.height >= MIN_ROWS {
        return (centred(band, band.height), false);
    }
    (centred(screen, wanted.min(screen.height)), false)
}

/// The screen rows the kept rows show on, where the article is on screen; `None` when none of
/// them shows.
fn kept_rows(areas: &Areas, keep: &Keep) -> Option<Range<u16>> {
    if areas.article.is_empty() {
        return None;
    }
    let text = article_text_area(areas.article);
    let top = keep.scroll.top;
    let shown = keep.rows.start.max(top)..keep.rows.end.min(keep.scroll.bottom());
    if shown.is_empty() {
        return None;
    }
    let row = |r: usize| text.y.saturating_add(u16::try_from(r - top).unwrap_or(u16::MAX)).min(text.bottom());
    Some(row(shown.start)..row(shown.end))
}

/// Whether every kept row is on screen.
fn kept_whole(areas: &Areas, keep: Option<&Keep>) -> bool {
    keep.is_none_or(|keep| {
        !areas.article.is_empty() && keep.rows.start >= keep.scroll.top && keep.rows.end <= keep.scroll.bottom()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{ChartShape, LayoutInput, layout};

    fn areas(width: u16, height: u16, focus: Pane) -> Areas {
        let input = LayoutInput {
            charts: vec![ChartShape { bars: 4, vertical: false, table: false }],
            gauges: 0,
            focus,
            banner: 0,
        };
        layout(Rect::new(0, 0, width, height), &input)
    }

    #[test]
    fn beside_the_article_the_window_keeps_to_the_left_column() {
        let areas = areas(100, 30, Pane::Chart(0));
        let window = details_window(Rect::new(0, 0, 100, 30), &areas, Pane::Chart(0), None, |_| 9);
        assert!(window.right() <= areas.article.x, "{window:?} over {:?}", areas.article);
        assert_eq!(window.height, 9);
    }

    #[test]
    fn over_a_full_article_the_window_goes_off_the_kept_rows_or_the_article_scrolls() {
        let screen = Rect::new(0, 0, 60, 24);
        let areas = areas(60, 24, Pane::Article);
        let text = article_text_area(areas.article);
        let page = usize::from(text.height);
        // Rows 40..44 of a 200-row article, a third of the way down a page scrolled to 35.
        let keep = Keep { rows: 40..44, scroll: Scroll::new(200, None, page, 35) };
        let rows = |_| 12;
        let window = details_window(screen, &areas, Pane::Chart(0), Some(&keep), rows);
        let kept = text.y + 5..text.y + 9;
        assert!(window.bottom() <= kept.start || window.y >= kept.end, "{window:?} over rows {kept:?}");
        // A window too tall for either side: the article scrolls the kept rows to the page's top.
        let tall = |_| 15;
        let top = details_scroll(screen, &areas, Pane::Chart(0), &keep, tall);
        assert_eq!(top, 40);
        let moved = Keep { scroll: Scroll { top, ..keep.scroll }, ..keep.clone() };
        let window = details_window(screen, &areas, Pane::Chart(0), Some(&moved), tall);
        assert!(window.y >= text.y + 4 && window.height == 15, "{window:?}");
    }
}
