//! Where the help window goes and how much of it shows: one computation for the keys that
//! scroll it and the overlay that draws it.

use ratatui::layout::{Constraint, Rect};

/// The help window over a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpWindow {
    /// The window, frame included, centred on the screen.
    pub window: Rect,
    /// Rows of text it shows at once (one page).
    pub visible: usize,
    /// The largest scroll that still fills it.
    pub max_scroll: usize,
}

/// The help window for `rows` rows of help over `screen`: at most 78 columns wide and as tall as
/// the help (and its frame), within the screen.
pub fn help_window(screen: Rect, rows: usize) -> HelpWindow {
    let width = screen.width.saturating_sub(2).min(78);
    let height = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX).min(screen.height);
    let window = screen.centered(Constraint::Length(width), Constraint::Length(height));
    let visible = usize::from(height.saturating_sub(2));
    HelpWindow { window, visible, max_scroll: rows.saturating_sub(visible) }
}

/// Columns of text inside the help window (its frame and a column of padding on each side
/// taken off), whatever its height: the width the list of problems is rendered for.
pub fn help_text_width(screen: Rect) -> usize {
    usize::from(help_window(screen, 0).window.width.saturating_sub(4))
}

/// Rows the list of problems takes in the help window (see [`crate::dataset::report::plain_lines`]).
pub fn problem_rows(diagnostics: &[crate::dataset::Diagnostic], screen: Rect) -> usize {
    crate::dataset::report::plain_lines(diagnostics, help_text_width(screen)).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_fits_the_screen_and_scrolls_what_does_not_fit() {
        let help = help_window(Rect::new(0, 0, 80, 24), 60);
        assert_eq!(help.window, Rect::new(1, 0, 78, 24));
        assert_eq!((help.visible, help.max_scroll), (22, 38));
        let short = help_window(Rect::new(0, 0, 200, 50), 10);
        assert_eq!((short.window.height, short.visible, short.max_scroll), (12, 10, 0));
        assert_eq!(help_window(Rect::default(), 10).visible, 0);
    }
}
