//! The small print around the audience's slide: only what the presenter asked to show. By
//! default a slide carries none of it; the key hints live in `?` and in the presenter view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{Presentation, Viewer};

/// Autoplay's progress line over `progress` while it runs, and in the bottom-right corner of
/// `bottom` what was asked for: "autoplay" while it runs, the timer (`t`), the slide number
/// (`--slide-numbers`), or the number being typed ("go to 12…", until Enter).
pub fn small_print(app: &Viewer, progress: Rect, bottom: Rect, buf: &mut Buffer) {
    let theme = app.view.theme();
    let p = app.view.presentation();
    if let Some(fraction) = p.autoplay_fraction() {
        let filled = (f64::from(progress.width) * fraction).round() as usize;
        let line = Line::from(vec![
            Span::styled("━".repeat(filled), theme.slide_bar),
            Span::styled("─".repeat(usize::from(progress.width).saturating_sub(filled)), theme.slide_dim),
        ]);
        line.render(progress, buf);
    }
    let corner = corner_text(p, app.content.deck().len());
    if !corner.is_empty() {
        super::frame::right_line(&format!("{corner} "), theme.slide_dim, bottom.width).render(bottom, buf);
    }
}

/// Whether [`small_print`] draws anything over the slide.
pub fn shows_any(app: &Viewer) -> bool {
    let p = app.view.presentation();
    p.autoplay_fraction().is_some() || !corner_text(p, app.content.deck().len()).is_empty()
}

/// The words of the bottom-right corner, joined by ` · `; empty when nothing was asked for.
fn corner_text(p: &Presentation, count: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    if p.autoplay.is_some_and(|a| a.next_at.is_some()) {
        parts.push("autoplay".to_owned());
    }
    if p.show_timer {
        parts.push(clock(p.elapsed()));
    }
    if !p.typed.is_empty() {
        parts.push(format!("go to {}…", p.typed));
    } else if p.slide_numbers() {
        parts.push(format!("{}/{count}", p.slide + 1));
    }
    parts.join(" · ")
}

/// A span of time as `mm:ss`, or `h:mm:ss` past an hour.
pub fn clock(time: std::time::Duration) -> String {
    let seconds = time.as_secs();
    match seconds / 3600 {
        0 => format!("{:02}:{:02}", seconds / 60, seconds % 60),
        hours => format!("{hours}:{:02}:{:02}", seconds / 60 % 60, seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PresentOptions;
    use std::time::{Duration, Instant};

    #[test]
    fn the_corner_is_empty_unless_something_was_asked_for() {
        let t0 = Instant::now();
        let mut p = Presentation::new(PresentOptions::default(), t0);
        assert_eq!(corner_text(&p, 5), "");
        p.enter(t0);
        p.tick(t0 + Duration::from_secs(75), 5);
        p.show_timer = true;
        assert_eq!(corner_text(&p, 5), "01:15");
        let mut numbered = Presentation::new(PresentOptions { slide_numbers: true, ..PresentOptions::default() }, t0);
        assert_eq!(corner_text(&numbered, 5), "1/5");
        numbered.typed.push('4');
        assert_eq!(corner_text(&numbered, 5), "go to 4…");
    }

    #[test]
    fn clocks_read_minutes_and_seconds_then_hours() {
        assert_eq!(clock(Duration::from_secs(59)), "00:59");
        assert_eq!(clock(Duration::from_secs(3599)), "59:59");
        assert_eq!(clock(Duration::from_secs(3600 + 62)), "1:01:02");
    }
}
