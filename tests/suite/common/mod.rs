//! The one test harness: every integration test builds its app, renders, presses keys, writes
//! temporary datasets and starts the binary through these functions, so a change to how the app
//! is built or driven is made here once. Their names and contracts are stable; their insides
//! follow the core.
#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};

use coopdash::app::{App, Event, PresentOptions};
use coopdash::article::Article;
use coopdash::dataset::{self, Origin};
use coopdash::load::{DatasetSource, LoadAsk, LoadError, LoadOutcome, LoadRequest, Loaded, NamedArticle};
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

/// The app on a dataset file, in the monochrome theme.
pub fn file_app(path: &Path, width: u16, height: u16) -> App {
    app_for(LoadRequest { dataset: DatasetSource::File(path.to_path_buf()), article_override: None }, width, height)
}

/// The `metrics.toml` of a folder of tests/fixtures (see its README), relative to the package
/// root, where cargo runs integration tests: the screens name their files by this path, the same
/// on every machine.
pub fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures").join(name).join("metrics.toml")
}

/// The app on a fixture, in the monochrome theme.
pub fn fixture_app(name: &str, width: u16, height: u16) -> App {
    file_app(&fixture(name), width, height)
}

/// The app on a dataset and an article given as text (no file is read: the article is named
/// `a.md`, the dataset `m.toml`), in the colour theme, so every style is drawn.
pub fn text_app(dataset: &str, article: &str, width: u16, height: u16) -> App {
    let origin = Origin { text: dataset, file: "m.toml", base_dir: Path::new("") };
    let first = dataset::parse(&origin)
        .map(|dataset| {
            let article =
                NamedArticle { name: "a.md".into(), article: std::sync::Arc::new(Article::from_markdown(article)) };
            Loaded::assemble(dataset, Some(article), "m.toml")
        })
        .map_err(|diagnostics| LoadError { diagnostics });
    let request = LoadRequest { dataset: DatasetSource::Builtin, article_override: None };
    start(request, LoadOutcome::of(first, std::time::Instant::now()), Theme::dark(), width, height)
}

fn app_for(request: LoadRequest, width: u16, height: u16) -> App {
    let first = LoadAsk::first(&request);
    start(request, first, Theme::monochrome(), width, height)
}

fn start(request: LoadRequest, first: LoadOutcome, theme: Theme, width: u16, height: u16) -> App {
    let mut app = App::new(request, first, theme, Rect::default());
    apply(&mut app, Event::Resize(width, height));
    app
}

/// Renders the app at its own size.
pub fn render(app: &App) -> Buffer {
    let mut buffer = Buffer::empty(app.view().size());
    app.render(app.view().size(), &mut buffer);
    buffer
}

/// The screen as text.
pub fn screen(app: &App) -> String {
    coopdash::export::to_plain_text(&render(app))
}

/// A key without modifiers, pressed now; what it asks for is carried out (a reload loads in
/// place).
pub fn press(app: &mut App, code: KeyCode) {
    apply(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now()));
}

/// An app at `width`×`height` on `metrics` written to a folder of its own (kept alive by the
/// returned value), which must load without an error or a warning.
pub fn clean_app(metrics: &str, width: u16, height: u16) -> (TempDataset, App) {
    let data = TempDataset::new(metrics);
    let app = data.app(width, height);
    assert!(loaded_cleanly(&app), "{metrics}");
    (data, app)
}

/// A left click at `column`, `row`.
pub fn click(app: &mut App, column: u16, row: u16) {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let click =
        MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column, row, modifiers: KeyModifiers::NONE };
    apply(app, Event::Mouse(click));
}

/// Each character of `text` as a key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Opens the search prompt, types `query` and confirms it.
pub fn search(app: &mut App, query: &str) {
    press(app, KeyCode::Char('/'));
    type_text(app, query);
    press(app, KeyCode::Enter);
}

/// Reads the dataset and the article again, as `r` or a save does, and applies the result.
pub fn reload(app: &mut App) {
    apply(app, Event::Reload);
}

/// Whether the app shows a dataset that loaded without errors.
pub fn loaded_cleanly(app: &App) -> bool {
    app.content().data().is_some() && app.content().error().is_none()
}

/// Marks the app as watching its files, as `main` does unless `--no-watch`.
pub fn watching(app: &mut App) {
    apply(app, Event::Watching { quiet: coopdash::app::DEFAULT_QUIET });
}

/// Starts the presentation on its first slide, with animations off (every frame is final).
pub fn present(app: &mut App) {
    let options = PresentOptions { animation: false, ..PresentOptions::default() };
    apply(app, Event::Present { options, start: true, slide: 0, at: std::time::Instant::now() });
}

/// How many slides the deck has.
pub fn slide_count(app: &App) -> usize {
    app.content().deck().len()
}

/// Goes to the first slide whose heading is `heading`, and
/// returns its position in the deck; panics with the deck's headings if none is. The app must be
/// presenting ([`present`]).
pub fn go_to_slide(app: &mut App, heading: &str) -> usize {
    let headings: Vec<&str> = app.content().deck().iter().map(|slide| slide.title.as_str()).collect();
    let at = headings.iter().position(|&h| h == heading);
    let at = at.unwrap_or_else(|| panic!("no slide is headed `{heading}`; the deck: {headings:?}"));
    go_to_slide_number(app, at);
    at
}

/// Goes to the slide at `index` (0 is the first), as the clicker would.
pub fn go_to_slide_number(app: &mut App, index: usize) {
    apply(app, Event::GoToSlide { slide: index, at: std::time::Instant::now() });
}

/// The screen of every slide of the deck in order, at the app's size.
pub fn every_slide(app: &mut App) -> Vec<String> {
    (0..slide_count(app))
        .map(|index| {
            go_to_slide_number(app, index);
            screen(app)
        })
        .collect()
}

/// A dataset written to a temporary folder (removed when this is dropped): `metrics.toml`, and
/// any other file it names.
pub struct TempDataset {
    pub dir: tempfile::TempDir,
    /// The dataset file, `DIR/metrics.toml`.
    pub path: PathBuf,
}

impl TempDataset {
    /// A folder with `metrics.toml` holding `metrics`.
    pub fn new(metrics: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("metrics.toml");
        std::fs::write(&path, metrics).expect("the dataset is written");
        Self { dir, path }
    }

    /// Rewrites `metrics.toml`.
    pub fn write(&self, metrics: &str) {
        std::fs::write(&self.path, metrics).expect("the dataset is written");
    }

    /// Writes another file of the folder (an article) and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("the file is written");
        path
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        self.dir.path()
    }

    /// The app on this dataset.
    pub fn app(&self, width: u16, height: u16) -> App {
        file_app(&self.path, width, height)
    }

    /// A screen's text with the folder's path written `DIR`, so a snapshot does not depend on it.
    pub fn anonymise(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "DIR")
    }
}

/// Starts the `coopdash` this test run built, in a pseudo-terminal. Its state folder (where a
/// presentation's last slide is kept for `--resume`) and config folder are the build's scratch
/// folder, never the user's.
pub fn spawn_coopdash(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> pty::PtyApp {
    spawn_coopdash_answering(args, cwd, cols, rows, true)
}

/// [`spawn_coopdash`] in a terminal that answers device-attributes queries or not (see
/// [`pty::PtyApp::spawn_answering`]).
pub fn spawn_coopdash_answering(
    args: &[&str],
    cwd: &Path,
    cols: u16,
    rows: u16,
    device_attributes: bool,
) -> pty::PtyApp {
    // No config file but the one a test names (`--config`): the user's own does not apply.
    let env = [
        ("XDG_STATE_HOME", Some(env!("CARGO_TARGET_TMPDIR"))),
        ("XDG_CONFIG_HOME", Some(env!("CARGO_TARGET_TMPDIR"))),
        ("COOPDASH_CONFIG", None),
    ];
    pty::PtyApp::spawn_answering(
        Path::new(env!("CARGO_BIN_EXE_coopdash")),
        args,
        cwd,
        cols,
        rows,
        &env,
        device_attributes,
    )
}

/// The text of `area` of a buffer as a buffer of its own, moved to the origin and without
/// styles, to compare a pane with [`Buffer::with_lines`] cell by cell (styles are checked on
/// the rendered buffer itself).
pub fn region(buffer: &Buffer, area: Rect) -> Buffer {
    let mut out = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buffer[(area.x + x, area.y + y)];
            out[(x, y)].set_symbol(cell.symbol());
        }
    }
    out
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

/// A dataset's start: title `T` and metric `a` in Mt with a history of `points`, each
/// `(year, day of January, value, bound)` (bound 0 none, 1 over, 2 about, 3 at most, then again);
/// the caller adds what follows the history's closing `]`.
pub fn history_metric(points: &[(u16, u8, f64, u8)]) -> String {
    let mut text = String::from("title = \"T\"\n[[metric]]\nid = \"a\"\nunit = \"Mt\"\nhistory = [\n");
    let bounds = ["", ", bound = \"over\"", ", bound = \"about\"", ", bound = \"at most\""];
    for (year, day, value, bound) in points {
        text += &format!("  {{ date = {year:04}-01-{day:02}, value = {value}{} }},\n", bounds[usize::from(*bound) % 4]);
    }
    text + "]"
}

/// Any history for a property test, as [`history_metric`] takes it: 1 to 39 distinct years in
/// order, values from 0 to a billion in hundredths, every kind of bound.
pub fn any_history() -> impl proptest::strategy::Strategy<Value = Vec<(u16, u8, f64, u8)>> {
    use proptest::prelude::*;
    let years = prop::collection::vec(1u16..9999, 1..40);
    (years, prop::collection::vec(0.0f64..1e9, 40), prop::collection::vec(0u8..8, 40)).prop_map(
        |(mut years, values, bounds)| {
            years.sort_unstable();
            years.dedup();
            let point =
                |(i, &year): (usize, &u16)| (year, 1 + (i % 28) as u8, (values[i] * 100.0).round() / 100.0, bounds[i]);
            years.iter().enumerate().map(point).collect()
        },
    )
}
