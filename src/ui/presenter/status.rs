//! The presenter view's status line: the wall clock, the time elapsed, the time left (a
//! warning in the last minute, "time is up" after), the slide's number, and the keys where
//! room is left. The parts go from the right as the line narrows: the keys first, the slide's
//! number and the time left last.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::slide_frame::clock;
use crate::app::{Presentation, TimeLeft, Viewer};
use crate::text::width::width as width_of;
use crate::theme::Theme;

/// The keys a presenter needs, and the fewest that lead to the rest, for a narrow line.
const KEYS: &str = "→ next  ← back  b blank  s audience view  ? keys  Esc dashboard";
const FEWER_KEYS: &str = "s audience view  ? keys";

pub fn render(app: &Viewer, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.view.theme();
    let parts = parts(app.view.presentation(), app.content.deck().len(), theme);
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    let room = usize::from(area.width);
    for (text, style) in parts {
        let needed = width_of(&text) + if used > 1 { 3 } else { 0 };
        if used + needed > room {
            break;
        }
        if used > 1 {
            spans.push(Span::styled(" · ", theme.status));
        }
        used += needed;
        spans.push(Span::styled(text, style));
    }
    Line::from(spans).render(area, buf);
    // The keys on the right, whole, only if they fit beside the rest.
    // (Drawn only over their own cells: a styled line would restyle the whole row.)
    if let Some(keys) = [KEYS, FEWER_KEYS].into_iter().find(|keys| used + 4 + width_of(keys) <= room) {
        let cells = width_of(keys) as u16 + 1;
        let right = Rect { x: area.right() - cells, width: cells, ..area };
        Span::styled(keys, theme.key_text).render(right, buf);
    }
}

/// The status line's parts in the order they are dropped last to first: the slide's number
/// and the time left survive the narrowest screen.
fn parts(p: &Presentation, count: usize, theme: &Theme) -> Vec<(String, Style)> {
    let mut parts = Vec::new();
    let number =
        if p.typed.is_empty() { format!("slide {} of {count}", p.slide + 1) } else { format!("go to {}…", p.typed) };
    parts.push((number, theme.pane_title));
    match p.time_left() {
        Some(TimeLeft::Plenty(left)) => parts.push((format!("{} left", clock(left)), theme.pane_title)),
        Some(TimeLeft::LastMinute(left)) => parts.push((format!("{} left", clock(left)), theme.warning)),
        Some(TimeLeft::Over(over)) => parts.push((format!("time is up, {} over", clock(over)), theme.error)),
        None => {}
    }
    parts.push((format!("{} elapsed", clock(p.elapsed())), theme.status));
    if let Some(count) = p.viewers {
        let viewers = if count == 1 { "1 viewer over SSH".to_owned() } else { format!("{count} viewers over SSH") };
        parts.push((viewers, theme.status));
    }
    if let Some(time) = p.wall_clock() {
        parts.push((time.hours_minutes(), theme.status));
    }
    if p.blank {
        parts.push(("the audience sees black".to_owned(), theme.warning));
    }
    parts
}
