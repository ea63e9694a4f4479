//! Messages instead of (or above) the data: too small, could not load, reload failed, and the
//! footer's key hints and status.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use super::frame::fit_spans;
use unicode_segmentation::UnicodeSegmentation;

use crate::app::{Level, MAX_QUERY, Search, Viewer};
use crate::layout::{Axis, MIN_HEIGHT, MIN_WIDTH, Part, stack};
use crate::text::sanitize_line;
use crate::text::width::{truncate, width};

/// "needs at least 24×6 (now 10×3)", centred, in whatever fits.
pub fn too_small(area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let text = format!("needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})", area.width, area.height);
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true }).centered();
    let rows = u16::try_from(paragraph.line_count(area.width)).unwrap_or(u16::MAX).min(area.height);
    let [_, middle, _] =
        area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(rows), Constraint::Fill(1)]));
    paragraph.render(middle, buf);
}

/// The body when nothing could be loaded: every error, and how to get out of it.
pub fn load_error_screen(app: &Viewer, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = &app.view.theme();
    let mut lines: Vec<Line> = vec![Line::styled("coopdash could not load the dataset:", theme.error), Line::default()];
    // Only promise that a save loads by itself when a watcher is there to see it.
    let (before_r, after_r) = if app.content.watching() {
        ("Fix the file and save it: coopdash loads it as you save (", " reloads by hand, ")
    } else {
        ("Fix the file and save it, then press ", " to load it again (")
    };
    // What to do comes first: a long list of problems below it may not fit.
    lines.push(Line::from(vec![
        Span::styled(before_r, theme.body),
        Span::styled("r", theme.key),
        Span::styled(after_r, theme.body),
        Span::styled("w", theme.key),
        Span::styled(" lists the problems to scroll, ", theme.body),
        Span::styled("q", theme.key),
        Span::styled(" quits). ", theme.body),
        Span::styled(format!("coopdash --check {}", app.content.dataset_name()), theme.code),
        Span::styled(" prints the same list; the README documents the format.", theme.body),
    ]));
    lines.push(Line::default());
    if let Some(error) = app.content.error() {
        // As `--check` prints them, for the width inside the frame.
        lines.extend(super::problems::lines(&error.diagnostics, usize::from(area.width.saturating_sub(2)), theme));
    }
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(theme.error).title(" Cannot load ");
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false }).block(block).render(area, buf);
}

/// The banner of a failed reload: the last good data stays below it.
pub fn reload_banner(app: &Viewer, area: Rect, buf: &mut Buffer) {
    let Some(error) = &app.content.error() else { return };
    if area.is_empty() {
        return;
    }
    let theme = &app.view.theme();
    buf.set_style(area, theme.error_banner);
    let rows = usize::from(area.height);
    let mut lines = vec![" ⚠ The files have errors; still showing the last good data (r reloads):".to_owned()];
    let shown = rows.saturating_sub(1);
    let total = error.diagnostics.len();
    for (i, diagnostic) in error.diagnostics.iter().take(shown).enumerate() {
        if i + 1 == shown && total > shown {
            lines.push(format!("   … and {} more (w lists them)", total - i));
            break;
        }
        lines.push(format!("   {diagnostic}"));
    }
    for (row, text) in lines.into_iter().take(rows).enumerate() {
        let text = truncate(&text, usize::from(area.width));
        Line::styled(text, theme.error_banner).render(Rect { y: area.y + row as u16, height: 1, ..area }, buf);
    }
}

/// Key hints on the left, the status message on the right; hints give way first. While a
/// search is open, the left side is its prompt (or its matches and the keys to move through them).
pub fn footer(app: &Viewer, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = &app.view.theme();
    if let Some(search) = app.view.search().as_ref().filter(|s| s.editing) {
        // The prompt owns the whole line while typing.
        search_line(app, search, area, buf);
        return;
    }
    let status = app.view.notice().as_ref().map(|n| {
        let style = match n.level {
            Level::Info => theme.status,
            Level::Warning => theme.warning,
            Level::Error => theme.error,
        };
        // Cut at its end, never from the left, when the line is narrower than the message.
        (truncate(&format!("{} ", n.text), usize::from(area.width)), style)
    });
    let status_width = status.as_ref().map_or(0, |(text, _)| width(text));
    let status_width = u16::try_from(status_width).unwrap_or(u16::MAX).min(area.width);
    let [hints_area, status_area] = stack(area, Axis::Horizontal, [Part::Fill, Part::Length(status_width)]);
    if let Some((text, style)) = status {
        super::frame::right_line(&text, style, status_area.width).render(status_area, buf);
    }
    if let Some(search) = &app.view.search() {
        search_line(app, search, hints_area, buf);
        return;
    }
    use crate::action::Action as A;
    // `Next` stands for the pair ↑↓ (the first keys of previous and next).
    let hints: &[(A, &str)] = match (app.content.data().is_some(), app.content.problems().is_empty()) {
        (true, true) if offers_details(app) => &[
            (A::Help, "help"),
            (A::Quit, "quit"),
            (A::NextPane, "pane"),
            (A::Next, "select"),
            (A::Details, "details"),
            (A::PageDown, "page"),
        ],
        (true, true) => {
            &[(A::Help, "help"), (A::Quit, "quit"), (A::NextPane, "pane"), (A::Next, "select"), (A::PageDown, "page")]
        }
        // Warnings to read: the key that lists them comes before the ones to move around.
        (true, false) if app.content.error().is_some() => {
            &[(A::Help, "help"), (A::Quit, "quit"), (A::Problems, "errors"), (A::NextPane, "pane")]
        }
        (true, false) => &[
            (A::Help, "help"),
            (A::Quit, "quit"),
            (A::Problems, "warnings"),
            (A::NextPane, "pane"),
            (A::Next, "select"),
        ],
        (false, _) => &[(A::Reload, "reload"), (A::Problems, "problems"), (A::Quit, "quit")],
    };
    // The keys in force (a config may rebind them); a hint whose action has no key is left out.
    let keys = app.view.keys();
    let key_of = |action: A| keys.first_key(crate::action::Context::Dashboard, action);
    let named: Vec<(String, &str)> = hints
        .iter()
        // Nor a hint whose action does nothing in this view (reload, for a viewer over SSH).
        .filter(|(action, _)| app.view.audience().allows(*action))
        .filter_map(|(action, text)| match action {
            A::Next => Some((key_of(A::Prev)? + &key_of(A::Next)?, *text)),
            action => Some((key_of(*action)?, *text)),
        })
        .collect();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, text) in &named {
        let key = key.as_str();
        let needed = width(key) + width(text) + 3;
        if used + needed > usize::from(hints_area.width) {
            break;
        }
        spans.push(Span::styled(key.to_owned(), theme.key));
        spans.push(Span::styled([" ", text, "  "].concat(), theme.key_text));
        used += needed;
    }
    super::line_cells::render(&Line::from(spans), hints_area, buf);
}

/// Whether Enter opens a details window that shows more than the dock under the charts.
fn offers_details(app: &Viewer) -> bool {
    let (Some(loaded), Some(item)) = (app.content.data(), app.view.selected_item(app.content)) else {
        return false;
    };
    crate::details::window_shows_more(loaded, app.content.changes(), item, &app.view.areas(app.content))
}

/// `/cross-border▏   2/5` while typing; `/cross-border 2/5 · n next · N previous · Esc clear` after.
/// A full query says so (`max 200 characters`), and one too long for the line shows its end,
/// where the typing is, after a `…`.
fn search_line(app: &Viewer, search: &Search, area: Rect, buf: &mut Buffer) {
    search_prompt(app, search, area).0.render(area, buf);
}

/// The search line for `area`, and the column (from `area.x`) where the typing goes: after the
/// query as it is shown (the screen-reader cursor sits there).
pub(super) fn search_prompt(app: &Viewer, search: &Search, area: Rect) -> (Line<'static>, u16) {
    let theme = &app.view.theme();
    let found = if search.hits.is_empty() && !search.query.is_empty() {
        Span::styled(" no match ", theme.warning)
    } else if search.query.is_empty() {
        Span::styled(" type to search the article and the metrics ", theme.dim)
    } else {
        Span::styled(format!(" {} ", search.position()), theme.key)
    };
    let full = search.cut || search.query.chars().count() >= MAX_QUERY;
    let mut after = Vec::new();
    if search.editing {
        after.push(Span::styled("▏", theme.key));
        after.push(found);
        if full {
            after.push(Span::styled(format!("max {MAX_QUERY} characters "), theme.warning));
        }
        after.push(Span::styled(" Enter keep · Esc cancel", theme.dim));
    } else {
        after.push(found);
        for (key, text) in [("n", "next"), ("N", "previous"), ("Esc", "clear")] {
            after.push(Span::styled(format!(" {key}"), theme.key));
            after.push(Span::styled(format!(" {text} "), theme.key_text));
        }
    }
    // One column of margin on each side, and the `/`.
    let room = usize::from(area.width).saturating_sub(3);
    // What must stay in sight beside the query: the cursor, the count and the limit while
    // typing (the key hints after them give way first).
    let kept: usize = after.iter().take(if search.editing { 2 + usize::from(full) } else { 1 }).map(Span::width).sum();
    // Typed or pasted text is drawn sanitised like a file's: `❤️` in the prompt is as wide
    // for ratatui as for the terminal.
    let query = tail(&sanitize_line(&search.query), room.saturating_sub(kept).max(room / 2));
    // The margin and the `/` before the query.
    let typing = u16::try_from(width(&query).saturating_add(2)).unwrap_or(u16::MAX);
    let mut spans = vec![Span::styled("/", theme.key), Span::styled(query, theme.body)];
    spans.extend(after);
    let mut line = fit_spans(spans, usize::from(area.width).saturating_sub(1));
    line.spans.insert(0, Span::raw(" "));
    (line, typing.min(area.width.saturating_sub(1)))
}

/// The end of `text` in at most `max` columns, after a `…` when the start was left out. Cuts
/// between grapheme clusters, so no wide character or combining mark is split.
fn tail(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut start = text.len();
    let mut used = 1; // the `…`
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        used += width(grapheme);
        if used > max {
            break;
        }
        start = at;
    }
    if max == 0 { String::new() } else { format!("…{}", &text[start..]) }
}
