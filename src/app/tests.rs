//! App tests: keys drive the state, reloads keep the place, and a bad file never costs the data.

use std::path::Path;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::*;
use crate::action::Context;
use crate::app::Mode;
use crate::article::TextSpan;
use crate::layout::{self, Pane};
use crate::load::{DatasetSource, LoadAsk};
use crate::runtime::in_place::{apply, step};

/// The instant a test's made-up clock starts from: every later instant is this plus a duration,
/// so the app never sees the real clock move under a test.
pub(super) fn start_of_test() -> Instant {
    Instant::now()
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now())
}

fn builtin_app(width: u16, height: u16) -> App {
    let request = LoadRequest { dataset: DatasetSource::Builtin, article_override: None };
    let first = LoadAsk::first(&request);
    let mut app = App::new(request, first, Theme::monochrome(), Rect::default());
    apply(&mut app, Event::Resize(width, height));
    app
}

fn file_app(path: &Path) -> App {
    let request = LoadRequest { dataset: DatasetSource::File(path.to_path_buf()), article_override: None };
    let first = LoadAsk::first(&request);
    let mut app = App::new(request, first, Theme::monochrome(), Rect::default());
    apply(&mut app, Event::Resize(100, 30));
    app
}

/// An app on a dataset file with this text, in a temporary folder (kept alive by the guard).
fn app_on(text: &str) -> (tempfile::TempDir, std::path::PathBuf, App) {
    app_on_files(text, &[])
}

/// [`app_on`], with more files beside the dataset (an article it names), each `(name, text)`.
/// File writes stay here: the files under tests/ are checked as app code, which reads none.
pub(super) fn app_on_files(text: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).unwrap();
    }
    let path = dir.path().join("m.toml");
    std::fs::write(&path, text).unwrap();
    let app = file_app(&path);
    (dir, path, app)
}

/// Shift-Tabs to `pane` (as a user would), failing if it is never reached. From the first
/// chart, the article is one step back, so its position stays where it was.
pub(super) fn focus_on(app: &mut App, pane: Pane) {
    for _ in 0..64 {
        if app.view().focus() == pane {
            return;
        }
        apply(app, key(KeyCode::BackTab));
    }
    panic!("Shift-Tab never reaches {pane:?}");
}

fn selected_id(app: &App) -> String {
    match app.view().selected_item(app.content()) {
        Some(Item::Metric(i)) => app.content().data().unwrap().dataset.metrics[i].id.clone(),
        other => panic!("expected a metric, got {other:?}"),
    }
}

#[test]
fn tab_cycles_through_every_pane_and_back() {
    let mut app = builtin_app(100, 30);
    let mut seen = vec![app.view().focus()];
    for _ in 0..5 {
        apply(&mut app, key(KeyCode::Tab));
        seen.push(app.view().focus());
    }
    assert_eq!(seen, [Pane::Chart(0), Pane::Chart(1), Pane::Chart(2), Pane::Gauges, Pane::Article, Pane::Chart(0)]);
    apply(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.view().focus(), Pane::Article);
}

#[test]
fn arrows_move_the_selection_within_the_chart_and_stop_at_the_ends() {
    let mut app = builtin_app(100, 30);
    assert_eq!(selected_id(&app), "partnerships");
    apply(&mut app, key(KeyCode::Down));
    assert_eq!(selected_id(&app), "bri_agreements");
    apply(&mut app, key(KeyCode::Char('G')));
    assert_eq!(selected_id(&app), "friendship_treaties");
    apply(&mut app, key(KeyCode::Down));
    assert_eq!(selected_id(&app), "friendship_treaties", "no wrap past the end");
    apply(&mut app, key(KeyCode::Char('g')));
    apply(&mut app, key(KeyCode::Up));
    assert_eq!(selected_id(&app), "partnerships");
}

#[test]
fn the_article_scrolls_by_line_and_page_and_clamps_at_the_end() {
    let mut app = builtin_app(100, 30);
    focus_on(&mut app, Pane::Article);
    apply(&mut app, key(KeyCode::Char('j')));
    assert_eq!(app.view().article_scroll(), 1);
    let page = app.view().article_page(app.content());
    apply(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.view().article_scroll(), 1 + page);
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.view().article_scroll(), app.view().article_max_scroll(app.content()));
    assert!(app.view().article_max_scroll(app.content()) > 0);
    apply(&mut app, key(KeyCode::Char('j')));
    assert_eq!(
        app.view().article_scroll(),
        app.view().article_max_scroll(app.content()),
        "no scrolling past the last page"
    );
    apply(&mut app, key(KeyCode::Home));
    assert_eq!(app.view().article_scroll(), 0);
}

#[test]
fn the_article_keeps_its_place_across_a_resize() {
    let mut app = builtin_app(100, 30);
    focus_on(&mut app, Pane::Article);
    for _ in 0..20 {
        apply(&mut app, key(KeyCode::Down));
    }
    let top = app.view().article_lines()[app.view().article_scroll()].clone();
    apply(&mut app, Event::Resize(180, 50));
    let after = &app.view().article_lines()[app.view().article_scroll()];
    assert_eq!(after.block, top.block, "same paragraph at the top");
    assert!(after.offset <= top.offset, "the old top line is still on screen");
}

#[test]
fn enter_opens_details_esc_closes_them_and_never_quits() {
    let mut app = builtin_app(100, 30);
    assert!(step(&mut app, key(KeyCode::Enter)).redraw);
    assert_eq!(app.view().overlay(), Overlay::Details);
    apply(&mut app, key(KeyCode::Down));
    assert_eq!(selected_id(&app), "bri_agreements", "arrows browse metrics in the details window");
    assert!(step(&mut app, key(KeyCode::Esc)).redraw);
    assert_eq!(app.view().overlay(), Overlay::None);
    assert!(step(&mut app, key(KeyCode::Esc)).redraw, "Esc with nothing open is harmless");
    apply(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.view().overlay(), Overlay::Help);
    apply(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.view().overlay(), Overlay::None);
    assert_eq!(step(&mut app, key(KeyCode::Char('q'))).end, Some(End::Quit));
}

#[test]
fn article_rows_and_lines_convert_both_ways_around_a_cut_badge() {
    let mut app = builtin_app(80, 24);
    apply(&mut app, key(KeyCode::Tab)); // the railway total: its sentence ends mid-line
    let badge = app.view().evidence_badge(app.content()).expect("a badge under the railway's sentence");
    assert!(badge.cut, "the line is cut at the sentence's end");
    assert_eq!(
        app.view().article_rows(app.content()),
        app.view().article_lines().len() + 2,
        "the badge and the second half"
    );
    for line in 0..app.view().article_lines().len() {
        assert_eq!(app.view().line_at_row(app.content(), app.view().row_of_line(app.content(), line)), line);
    }
    assert_eq!(app.view().line_at_row(app.content(), badge.line + 1), badge.line, "the badge row belongs to its line");
    assert_eq!(app.view().line_at_row(app.content(), badge.line + 3), badge.line + 1);
    // Scrolled below the badge, a resize keeps the same text at the top.
    let target = app.view().row_of_line(app.content(), badge.line + 6);
    // A click gives the article the focus and leaves the railway's badge where it is.
    let article = app.view().areas(app.content()).article;
    assert!(article.area() > 0, "the article is on screen at 80x24");
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: article.x + 1,
        row: article.y + 1,
        modifiers: KeyModifiers::NONE,
    };
    apply(&mut app, Event::Mouse(click));
    while app.view().article_scroll() < target {
        apply(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.view().article_scroll(), target);
    let top = app.view().article_lines()[badge.line + 6].clone();
    apply(&mut app, Event::Resize(100, 30));
    let after = &app.view().article_lines()[app.view().line_at_row(app.content(), app.view().article_scroll())];
    assert_eq!(after.block, top.block, "same paragraph at the top");
    assert!(after.offset <= top.offset, "the old top line is still on screen");
}

#[test]
fn the_help_scrolls_like_a_pager_from_top_to_bottom() {
    let mut app = builtin_app(80, 24);
    apply(&mut app, key(KeyCode::Char('?')));
    assert!(app.view().help_max_scroll(app.content()) > 0, "at 80×24 the help is longer than the screen");
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.view().help_scroll(), app.view().help_max_scroll(app.content()));
    apply(&mut app, key(KeyCode::Home));
    assert_eq!(app.view().help_scroll(), 0);
    apply(&mut app, key(KeyCode::Char('G')));
    assert_eq!(app.view().help_scroll(), app.view().help_max_scroll(app.content()));
    apply(&mut app, key(KeyCode::Char('g')));
    assert_eq!(app.view().help_scroll(), 0);
    assert_eq!(app.view().overlay(), Overlay::Help, "still open");
}

#[test]
fn unbound_keys_change_nothing_and_ask_for_no_frame() {
    let mut app = builtin_app(100, 30);
    assert_eq!(step(&mut app, key(KeyCode::Char('x'))), Effects::none());
    assert_eq!(step(&mut app, key(KeyCode::F(7))), Effects::none());
}

const GOOD: &str = r#"title = "T"
[[metric]]
id = "a"
value = 1
[[metric]]
id = "b"
value = 2
[[metric]]
id = "c"
value = 3
"#;

#[test]
fn a_reload_keeps_the_selected_metric_by_id() {
    let (_dir, path, mut app) = app_on(GOOD);
    apply(&mut app, key(KeyCode::Down));
    apply(&mut app, key(KeyCode::Down));
    assert_eq!(selected_id(&app), "c");
    // "c" moves to the front, and "a" changes its value.
    std::fs::write(&path, "title = \"T\"\n[[metric]]\nid = \"c\"\nvalue = 3\n[[metric]]\nid = \"a\"\nvalue = 9\n")
        .unwrap();
    apply(&mut app, key(KeyCode::Char('r')));
    assert!(app.content().error().is_none());
    assert_eq!(selected_id(&app), "c");
    let notice = &app.view().notice().unwrap().text;
    assert!(notice.starts_with("reloaded ") && notice.contains(" ms"), "{notice}");
    assert!(notice.contains("A 1 → 9 (+8)"), "the change is named: {notice}");
}

#[test]
fn a_failed_reload_keeps_the_last_good_data_and_recovers() {
    let (_dir, path, mut app) = app_on(GOOD);
    let good = app.content().data().cloned();
    std::fs::write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -4\n").unwrap();
    apply(&mut app, Event::Reload);
    assert_eq!(app.content().data(), good.as_ref(), "the last good data stays");
    let error = app.content().error().expect("the error is kept for the banner");
    assert_eq!(error.diagnostics[0].to_string(), format!("{}:4:9: value must be a finite number >= 0", path.display()));
    assert!(app.view().layout_input(app.content()).banner > 0);
    assert_eq!(app.view().notice().unwrap().level, Level::Error);
    std::fs::write(&path, GOOD).unwrap();
    apply(&mut app, Event::Reload);
    assert!(app.content().error().is_none());
    assert_eq!(app.view().layout_input(app.content()).banner, 0);
}

#[test]
fn an_invalid_file_at_start_opens_on_the_error_and_loads_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    std::fs::write(&path, "title = \n").unwrap();
    let mut app = file_app(&path);
    assert!(app.content().data().is_none());
    assert!(app.content().error().is_some());
    assert!(step(&mut app, key(KeyCode::Enter)).redraw);
    assert_eq!(app.view().overlay(), Overlay::None, "no details without data");
    std::fs::write(&path, GOOD).unwrap();
    apply(&mut app, key(KeyCode::Char('r')));
    assert!(app.content().data().is_some() && app.content().error().is_none());
}

#[test]
fn a_narrow_screen_shows_the_focused_pane_and_tab_brings_the_article() {
    let mut app = builtin_app(50, 20);
    assert_eq!(app.view().areas(app.content()).screen, layout::Screen::Single);
    for _ in 0..4 {
        apply(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.view().focus(), Pane::Article);
    assert_eq!(app.view().areas(app.content()).article, app.view().areas(app.content()).body);
    assert_eq!(
        app.view().article_width(),
        usize::from(layout::article_text_area(app.view().areas(app.content()).body).width)
    );
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

mod finding;
mod long_article;
mod reloads;
