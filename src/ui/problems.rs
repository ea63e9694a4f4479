//! The warnings and errors of the files, drawn as `--check` prints them (message, place, source
//! line, caret, hint) but plain, styled from the theme: in the list opened with `w` and on the
//! screen shown when nothing could be loaded.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Widget};

use crate::app::Viewer;
use crate::dataset::Diagnostic;
use crate::dataset::Severity;
use crate::dataset::report::{LineKind, plain_lines};
use crate::layout::{HelpWindow, help_text_width, help_window};
use crate::theme::Theme;

/// The diagnostics as lines for `width` columns: each message in the colour of its severity,
/// the gutter, carets and hints set apart from the quoted source.
pub fn lines(diagnostics: &[Diagnostic], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    plain_lines(diagnostics, width).into_iter().map(|(line, kind)| styled(line, kind, theme)).collect()
}

fn styled(line: String, kind: LineKind, theme: &Theme) -> Line<'static> {
    match kind {
        LineKind::Title(Severity::Error) => return Line::styled(line, theme.error),
        LineKind::Title(Severity::Warning) => return Line::styled(line, theme.warning),
        LineKind::Body => {}
    }
    // The gutter (`12 | `, ` --> `, `  = help:`) is dim; after it, carets in the error colour,
    // a hint in the key colour, the source line as body text.
    let Some(bar) = line.find(['|', '=']).filter(|&at| line[..at].chars().all(|c| c.is_ascii_digit() || c == ' '))
    else {
        return Line::styled(line, theme.dim);
    };
    let (gutter, rest) = line.split_at(bar + 1);
    let style = if rest.trim_start().starts_with("help") {
        theme.key
    } else if !rest.trim().is_empty() && rest.trim().chars().all(|c| matches!(c, '^' | '-' | ' ')) {
        theme.error
    } else {
        theme.body
    };
    Line::from(vec![Span::styled(gutter.to_owned(), theme.dim), Span::styled(rest.to_owned(), style)])
}

/// The list over the screen, in the help's window, scrolled by the help's keys.
pub fn render(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let theme = app.view.theme();
    let problems = app.content.problems();
    let mut text = lines(problems, help_text_width(area), theme);
    if text.is_empty() {
        text.push(Line::styled("No warnings and no errors: the files are as the format wants them.", theme.body));
    }
    let HelpWindow { window, visible, max_scroll } = help_window(area, text.len());
    let scroll = app.view.help_scroll().min(max_scroll);
    let more = if scroll + visible < text.len() { "↓ more · Esc close" } else { "Esc close" };
    let title = match crate::load::count(problems) {
        (0, 0) => " No problems ".to_owned(),
        (errors, warnings) => format!(" {} ", summary(errors, warnings)),
    };
    Clear.render(window, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.overlay_border)
        .title(Span::styled(title, theme.pane_title_focused))
        .title_bottom(super::frame::right_title(more, theme.dim, window.width))
        .padding(Padding::horizontal(1));
    Paragraph::new(text.split_off(scroll.min(text.len()))).block(block).render(window, buf);
}

/// `2 errors, 1 warning`, leaving out a count of none.
fn summary(errors: usize, warnings: usize) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => count(w, "warning"),
        (e, 0) => count(e, "error"),
        (e, w) => format!("{}, {}", count(e, "error"), count(w, "warning")),
    }
}
