//! Where the presenter view's parts go at a size, stepping down as the screen shrinks: first
//! the slide as the audience sees it goes, then the next slide's picture (its title stays),
//! and on the smallest screens one status line is left.

use ratatui::layout::Rect;

/// The presenter view's rectangles; a part that does not fit is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenterAreas {
    /// The current slide's pane (frame included), as the audience sees it.
    pub current: Option<Rect>,
    /// The next slide's pane (frame included).
    pub next: Option<Rect>,
    /// The notes' pane (frame included).
    pub notes: Option<Rect>,
    /// The bottom line: clock, elapsed, time left, slide n of N, the keys.
    pub status: Rect,
}

/// Below this width or height the current slide is not drawn (it would be unreadable) and the
/// notes take the screen.
const TWO_COLUMNS: (u16, u16) = (70, 14);
/// The smallest notes pane worth drawing: a frame and two lines of text.
const MIN_PANE: (u16, u16) = (20, 4);

/// The presenter view's layout in `area`.
pub fn presenter_layout(area: Rect) -> PresenterAreas {
    let status = Rect { y: area.bottom().saturating_sub(1), height: area.height.min(1), ..area };
    let main = Rect { height: area.height.saturating_sub(1), ..area };
    let none = PresenterAreas { current: None, next: None, notes: None, status };
    if main.width < MIN_PANE.0 || main.height < MIN_PANE.1 {
        return none;
    }
    if main.width < TWO_COLUMNS.0 || main.height < TWO_COLUMNS.1 {
        // One column: the next slide's title over the notes.
        let next_height = if main.height >= 8 { 3 } else { 0 };
        let next = (next_height > 0).then_some(Rect { height: next_height, ..main });
        let notes = Rect { y: main.y + next_height, height: main.height - next_height, ..main };
        return PresenterAreas { next, notes: Some(notes), ..none };
    }
    // The slide on the left, three fifths of the width; the next slide and the notes on the right.
    let left_width = main.width * 3 / 5;
    let current = Rect { width: left_width, ..main };
    let right = Rect { x: main.x + left_width, width: main.width - left_width, ..main };
    // The next slide's picture in the slide's own proportions, at most two fifths of the height.
    let proportional = (u32::from(right.width) * u32::from(current.height) / u32::from(left_width.max(1))) as u16;
    let next_height = proportional.clamp(3, (right.height * 2 / 5).max(3));
    let next = Rect { height: next_height, ..right };
    let notes = Rect { y: right.y + next_height, height: right.height - next_height, ..right };
    PresenterAreas { current: Some(current), next: Some(next), notes: Some(notes), status }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_screen_shows_every_part_side_by_side() {
        let areas = presenter_layout(Rect::new(0, 0, 120, 40));
        assert_eq!(areas.current, Some(Rect::new(0, 0, 72, 39)));
        assert_eq!(areas.next, Some(Rect::new(72, 0, 48, 15)));
        assert_eq!(areas.notes, Some(Rect::new(72, 15, 48, 24)));
        assert_eq!(areas.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn parts_step_down_as_the_screen_shrinks() {
        let narrow = presenter_layout(Rect::new(0, 0, 60, 20));
        assert_eq!(narrow.current, None, "no room for a readable slide");
        assert_eq!(narrow.next, Some(Rect::new(0, 0, 60, 3)), "the next slide's title stays");
        assert_eq!(narrow.notes, Some(Rect::new(0, 3, 60, 16)));
        let short = presenter_layout(Rect::new(0, 0, 60, 7));
        assert_eq!((short.next, short.notes), (None, Some(Rect::new(0, 0, 60, 6))));
        let tiny = presenter_layout(Rect::new(0, 0, 15, 3));
        assert_eq!((tiny.current, tiny.next, tiny.notes), (None, None, None));
        assert_eq!(tiny.status, Rect::new(0, 2, 15, 1));
        let nothing = presenter_layout(Rect::new(0, 0, 0, 0));
        assert_eq!(nothing.status.height, 0);
    }

    #[test]
    fn every_part_lies_inside_the_screen_at_every_size() {
        for width in 0..=130 {
            for height in 0..=45 {
                let area = Rect::new(0, 0, width, height);
                let areas = presenter_layout(area);
                for part in [areas.current, areas.next, areas.notes, Some(areas.status)].into_iter().flatten() {
                    assert_eq!(area.union(part), area, "{part:?} outside {area:?}");
                }
            }
        }
    }
}
