//! The article's scrollbar: the cells of ratatui's vertical `Scrollbar` with no arrows and one
//! style, set directly. ratatui's widget writes each cell through `Buffer::set_string` (a
//! grapheme search a cell); the thumb's place is its arithmetic, kept here as it is there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Where a scrollbar stands: what `ScrollbarState` holds.
#[derive(Debug, Clone, Copy)]
pub struct Scroll {
    /// Lines in all.
    pub length: usize,
    /// The first line shown.
    pub position: usize,
    /// Lines shown at once (zero: the bar's height).
    pub viewport: usize,
}

/// Draws a vertical bar down the rightmost column of `area`: `thumb` where the view is, `track`
/// elsewhere, both in `style` patched over the cells; as ratatui's
/// `Scrollbar::new(VerticalRight).begin_symbol(None).end_symbol(None)` with those symbols and
/// style draws it.
pub fn render(area: Rect, scroll: Scroll, track: &str, thumb: &str, style: Style, buf: &mut Buffer) {
    let track_length = usize::from(area.height);
    if scroll.length == 0 || track_length == 0 || area.width == 0 {
        return;
    }
    let (before, thumb_length) = thumb_place(scroll, track_length);
    let x = area.right() - 1;
    for (row, y) in (area.top()..area.bottom()).enumerate() {
        if !buf.area.contains(ratatui::layout::Position { x, y }) {
            continue;
        }
        let symbol = if (before..before + thumb_length).contains(&row) { thumb } else { track };
        buf[(x, y)].set_symbol(symbol).set_style(style);
    }
}

/// The rows of the track before the thumb, and the thumb's rows (ratatui's `part_lengths`:
/// both rounded to the nearest row, the thumb at least one row and always within the track).
fn thumb_place(scroll: Scroll, track_length: usize) -> (usize, usize) {
    let rounding_divide = |numerator: usize, denominator: usize| (numerator + denominator / 2) / denominator;
    let viewport = if scroll.viewport != 0 { scroll.viewport } else { track_length };
    let max_position = scroll.length.saturating_sub(1);
    let start = scroll.position.clamp(0, max_position);
    let max_viewport_position = max_position.saturating_add(viewport);
    if max_viewport_position == 0 {
        return (0, track_length);
    }
    let thumb = rounding_divide(viewport.saturating_mul(track_length), max_viewport_position).clamp(1, track_length);
    let before = rounding_divide(start.saturating_mul(track_length), max_viewport_position)
        .clamp(0, track_length.saturating_sub(thumb));
    (before, thumb)
}

#[cfg(test)]
mod tests {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

    use super::*;

    proptest::proptest! {
        /// The cells of ratatui's scrollbar, for any length, place, page and height, over a
        /// column already drawn in another style.
        #[test]
        fn the_bar_is_ratatuis(
            length in 0usize..300,
            position in 0usize..320,
            viewport in 0usize..60,
            (y, height) in (0u16..4, 0u16..30),
        ) {
            let style = Style::new().dark_gray();
            let mut ours = Buffer::with_lines(vec!["│x│".to_owned(); 34]);
            ours.set_style(ours.area, Style::new().red().on_blue());
            let mut theirs = ours.clone();
            let area = Rect::new(2, y, 1, height);
            render(area, Scroll { length, position, viewport }, "│", "┃", style, &mut ours);
            let mut state = ScrollbarState::new(length).position(position).viewport_content_length(viewport);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("┃")
                .style(style)
                .render(area, &mut theirs, &mut state);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
