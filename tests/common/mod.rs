//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pty;

use std::path::Path;

use coopdash::app::{App, Event};
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
#[allow(unused_imports)]
pub use coopdash::runtime::in_place::{apply, step};
use coopdash::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The app on the built-in dataset at a size, in the monochrome theme.
pub fn builtin_app(width: u16, height: u16) -> App {
    app_for(LoadRequest { dataset: DatasetSource::Builtin, article_override: None }, width, height)
}

/// The app on a dataset file.
pub fn file_app(path: &Path, width: u16, height: u16) -> App {
    app_for(LoadRequest { dataset: DatasetSource::File(path.to_path_buf()), article_override: None }, width, height)
}

fn app_for(request: LoadRequest, width: u16, height: u16) -> App {
    let first = LoadAsk::first(&request);
    let mut app = App::new(request, first, Theme::monochrome(), Rect::default());
    apply(&mut app, Event::Resize(width, height));
    app
}

/// Renders the app at its own size.
pub fn render(app: &App) -> Buffer {
    let mut buffer = Buffer::empty(app.size);
    app.render(app.size, &mut buffer);
    buffer
}

/// The screen as text.
pub fn screen(app: &App) -> String {
    coopdash::export::to_plain_text(&render(app))
}

/// Presses a key now, carrying out what it asks for (a reload loads in place).
pub fn press(app: &mut App, code: KeyCode) {
    apply(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now()));
}

/// Starts the `coopdash` this test run built, in a pseudo-terminal.
pub fn spawn_coopdash(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> pty::PtyApp {
    pty::PtyApp::spawn_program(Path::new(env!("CARGO_BIN_EXE_coopdash")), args, cwd, cols, rows)
}

/// A region of the screen as text, each row followed by a row of style marks, so a snapshot
/// shows what is highlighted: `C` reverse video and underlined (the current search match), `R`
/// reverse video, `U` underlined, `B` bold, `.` plain (the monochrome theme draws every
/// highlight with these). Marks are per cell: a wide character has two.
pub fn styled_region(buffer: &Buffer, area: Rect) -> String {
    use ratatui::style::Modifier;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut marks = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            let modifier = cell.modifier;
            marks.push(if modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED) {
                'C'
            } else if modifier.contains(Modifier::REVERSED) {
                'R'
            } else if modifier.contains(Modifier::UNDERLINED) {
                'U'
            } else if modifier.contains(Modifier::BOLD) {
                'B'
            } else {
                '.'
            });
            if skip > 0 {
                skip -= 1;
                continue;
            }
            text.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(text.trim_end());
        out.push('\n');
        out.push_str(marks.trim_end_matches('.'));
        out.push('\n');
    }
    out
}
