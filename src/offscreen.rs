//! Drawing without a terminal: `--snapshot` and `--export` render the app into a buffer of the
//! asked size, exactly as the terminal would show it, with animations settled.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::export::{self, Defaults, Format};

/// The app drawn into a fresh buffer of its own size.
pub fn render(app: &App) -> Buffer {
    let mut buffer = Buffer::empty(app.size);
    app.render(app.size, &mut buffer);
    buffer
}

/// The colours an export uses for the terminal's defaults, from the app's theme.
fn defaults(app: &App) -> Defaults {
    Defaults { fg: app.theme.export_fg, bg: app.theme.export_bg }
}

/// Writes the app's screen to `path`, in the format its extension names.
pub fn export_to(app: &App, path: &Path) -> Result<(), String> {
    let format = Format::of(path)
        .ok_or_else(|| format!("{}: unknown format; use .txt, .ansi, .html or .svg", path.display()))?;
    let text = export::export(&render(app), format, defaults(app));
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Writes every slide to `dir` as `slide-01.svg`, ...; returns the files written.
pub fn export_slides(app: &mut App, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let mut written = Vec::new();
    for slide in 0..app.deck.len() {
        app.presentation.slide = slide;
        let path = dir.join(format!("slide-{:02}.svg", slide + 1));
        export_to(app, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// A size as a rect at the origin.
pub fn area(columns: u16, rows: u16) -> Rect {
    Rect::new(0, 0, columns, rows)
}
