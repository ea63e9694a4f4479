//! A follower's message (`--follow` with no presenter to follow): one line over the bottom of
//! the screen, so the projector says why it does not move instead of looking frozen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::Viewer;
use crate::text::width::truncate;

/// Draws the follower's waiting message, if there is one, on the second row from the bottom
/// (the top row of a screen of fewer than three rows).
pub fn render(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let Some(text) = app.view.following() else { return };
    if area.is_empty() {
        return;
    }
    let y = if area.height >= 3 { area.bottom() - 2 } else { area.y };
    let row = Rect { y, height: 1, ..area };
    let text = truncate(text, usize::from(area.width).saturating_sub(2));
    let line = Line::styled(format!(" {text} "), app.view.theme().warning);
    Paragraph::new(line).alignment(Alignment::Center).render(row, buf);
}
