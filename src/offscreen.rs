//! Drawing without a terminal: `--snapshot` and `--export` render the app into a buffer of the
//! asked size, exactly as the terminal would show it, with animations settled.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Event};
use crate::export::{self, Defaults, Format};

/// When the dataset did not load: its diagnostics, one a line, and a last line that names the
/// file and counts the errors (the offscreen modes print this and exit 1 instead of drawing the
/// error screen). `None` when it loaded.
pub fn not_loaded(app: &App) -> Option<String> {
    if app.content().data().is_some() {
        return None;
    }
    let diagnostics = app.content().error().map_or(&[][..], |error| &error.diagnostics[..]);
    let mut report = crate::dataset::report::render_all(diagnostics, crate::dataset::report::Paint::Plain, 140);
    let (errors, _) = crate::load::count(diagnostics);
    let plural = if errors == 1 { "" } else { "s" };
    report.push_str(&format!("coopdash: {} did not load; {errors} error{plural}", app.content().dataset_name()));
    Some(report)
}

/// The app drawn into a fresh buffer of its own size.
pub fn render(app: &App) -> Buffer {
    let mut buffer = Buffer::empty(app.view().size());
    app.render(app.view().size(), &mut buffer);
    buffer
}

/// The colours an export uses for the terminal's defaults, from the app's theme.
pub fn defaults(app: &App) -> Defaults {
    Defaults { fg: app.view().theme().export_fg, bg: app.view().theme().export_bg }
}

/// Writes the app's screen to `path`, in the format its extension names.
pub fn export_to(app: &App, path: &Path) -> Result<(), String> {
    let format = Format::of(path)
        .ok_or_else(|| format!("{}: unknown format; use .txt, .ansi, .html, .svg or .pdf", path.display()))?;
    let text = export::export(&render(app), format, defaults(app));
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Writes every slide to `dir` as `slide-01.svg`, ...; returns the files written.
pub fn export_slides(app: &mut App, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let mut written = Vec::new();
    let at = app.view().presentation().now;
    for slide in 0..app.content().deck().len() {
        let _ = app.update(Event::GoToSlide { slide, at });
        let path = dir.join(format!("slide-{:02}.svg", slide + 1));
        export_to(app, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// Whether an export to `path` is a deck: a `.pdf` always; an `.html` in presentation mode
/// without a slide named (`--present`); every other format is one screen.
pub fn is_deck(path: &Path, present: bool, slide: Option<u16>) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("pdf") => true,
        Some("html" | "htm") => present && slide.is_none(),
        _ => false,
    }
}

/// A size as a rect at the origin.
pub fn area(columns: u16, rows: u16) -> Rect {
    Rect::new(0, 0, columns, rows)
}
