//! The screen-reader cursor (`--screen-reader`): drawn as the terminal's driver draws (a
//! ratatui terminal, here on a `TestBackend`), the cursor sits on the focused item, whose text
//! starts at that cell. Each focus is checked on a fixture: the selected bar's label (moving
//! with the selection), the selected gauge's title, the article's top line, the search prompt
//! while typing, the help's first line, a slide's title, the presenter view's.

use crate::common;

use common::{fixture_app, present, press, type_text};
use coopdash::app::App;
use coopdash::layout::Pane;
use coopdash::ui::cursor_position;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Position;

/// Draws `app` as the driver does with `--screen-reader`, and returns where the terminal's
/// cursor is and the text of its row from there on (wide characters once, spaces kept).
fn drawn(app: &App) -> (Position, String) {
    let size = app.view().size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal
        .draw(|frame| {
            frame.render_widget(app, frame.area());
            if let Some(at) = cursor_position(app.viewer(), frame.area()) {
                frame.set_cursor_position(at);
            }
        })
        .unwrap();
    let at = terminal.get_cursor_position().unwrap();
    let buffer = terminal.backend().buffer();
    let mut row = String::new();
    let mut x = at.x;
    while x < buffer.area.width {
        let symbol = buffer[(x, at.y)].symbol();
        row.push_str(symbol);
        // A wide character's second cell holds nothing of its own.
        x += u16::try_from(coopdash::text::width::width(symbol).max(1)).unwrap();
    }
    (at, row)
}

fn focus(app: &mut App, pane: Pane) {
    for _ in 0..6 {
        if app.view().focus() == pane {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("{pane:?} never took the focus");
}

#[test]
fn the_cursor_sits_on_the_selected_bars_label_and_follows_the_selection() {
    let mut app = fixture_app("forty", 100, 30);
    focus(&mut app, Pane::Chart(0));
    let labels: Vec<String> = {
        let dataset = &app.content().data().unwrap().dataset;
        dataset.charts[0].metrics.iter().map(|&m| dataset.metrics[m].label.clone()).collect()
    };
    let (first, row) = drawn(&app);
    assert!(row.starts_with(&labels[0][..8]), "the cursor is on {row:?}, not on {:?}", labels[0]);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let (fourth, row) = drawn(&app);
    assert!(row.starts_with(&labels[3][..8]), "the cursor is on {row:?}, not on {:?}", labels[3]);
    assert_eq!(fourth.x, first.x, "labels start in one column");
    assert!(fourth.y > first.y);
}

#[test]
fn the_cursor_sits_on_a_cjk_label_and_an_upright_bars_label() {
    let app = fixture_app("chinese", 80, 24);
    let (_, row) = drawn(&app);
    assert!(row.starts_with("伙伴关系"), "{row:?}");
    // Upright bars: the label row under the bars, centred under the selected one.
    let app = fixture_app("upright", 120, 30);
    let (_, row) = drawn(&app);
    let dataset = &app.content().data().unwrap().dataset;
    let label = &dataset.metrics[dataset.charts[0].metrics[0]].label;
    assert!(row.starts_with(label.as_str()), "{row:?} does not start with {label:?}");
}

#[test]
fn the_cursor_sits_on_the_selected_gauges_title() {
    let mut app = fixture_app("bounds", 100, 30);
    focus(&mut app, Pane::Gauges);
    press(&mut app, KeyCode::Down);
    let dataset = &app.content().data().unwrap().dataset;
    let title = dataset.gauges[app.view().gauge_selection()].title.clone();
    let (_, row) = drawn(&app);
    assert!(row.starts_with(&title), "{row:?} does not start with {title:?}");
}

#[test]
fn the_cursor_sits_on_the_articles_top_visible_line() {
    let mut app = fixture_app("longread", 100, 30);
    focus(&mut app, Pane::Article);
    press(&mut app, KeyCode::PageDown);
    let (at, row) = drawn(&app);
    assert!(app.view().article_view(app.content()).top > 0, "the article scrolled");
    let text = coopdash::layout::article_text_area(app.view().areas(app.content()).article);
    assert_eq!(at, text.as_position(), "the first cell of the top visible line");
    assert!(!row.trim().is_empty(), "a line of text starts there: {row:?}");
}

#[test]
fn the_cursor_sits_where_the_search_query_is_typed() {
    let mut app = fixture_app("chinese", 80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rail");
    let (at, row) = drawn(&app);
    assert_eq!(at.y, 23, "on the prompt's line");
    assert!(row.starts_with('▏'), "just after the query: {row:?}");
    let buffer = common::render(&app);
    assert_eq!(buffer[(at.x - 1, at.y)].symbol(), "l");
}

#[test]
fn the_cursor_sits_on_the_helps_first_line() {
    let mut app = fixture_app("chinese", 80, 24);
    press(&mut app, KeyCode::Char('?'));
    let (_, row) = drawn(&app);
    let first = coopdash::help::rows(app.view().keys(), app.view().audience(), 70);
    let heading = match &first[0] {
        coopdash::help::HelpRow::Heading(text) => text.clone(),
        other => panic!("the help starts with {other:?}"),
    };
    assert!(row.starts_with(&heading), "{row:?}");
}

#[test]
fn the_cursor_sits_on_the_slides_title_in_the_audience_view_and_the_presenters() {
    let mut app = fixture_app("notes", 100, 30);
    present(&mut app);
    press(&mut app, KeyCode::Right);
    let title = app.content().deck()[app.view().presentation().slide].title.clone();
    let (_, row) = drawn(&app);
    assert!(row.starts_with(&title), "{row:?} does not start with {title:?}");
    press(&mut app, KeyCode::Char('s'));
    assert!(app.view().presentation().presenter());
    let (_, row) = drawn(&app);
    assert!(row.starts_with(&title), "presenter view: {row:?}");
}

#[test]
fn a_blank_slide_has_no_focused_item_and_hides_the_cursor() {
    let mut app = fixture_app("notes", 100, 30);
    present(&mut app);
    press(&mut app, KeyCode::Char('b'));
    assert!(app.view().presentation().blank);
    assert_eq!(cursor_position(app.viewer(), app.view().size()), None);
}
