//! App tests: keys drive the state, reloads keep the place, and a bad file never costs the data.

use std::path::Path;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::action::Context;
use crate::app::Mode;
use crate::article::TextSpan;
use crate::load::{DatasetSource, LoadAsk};
use crate::runtime::in_place::{apply, step};

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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    std::fs::write(&path, text).unwrap();
    let app = file_app(&path);
    (dir, path, app)
}

fn selected_id(app: &App) -> String {
    match app.selected_item() {
        Some(Item::Metric(i)) => app.data.as_ref().unwrap().dataset.metrics[i].id.clone(),
        other => panic!("expected a metric, got {other:?}"),
    }
}

#[test]
fn tab_cycles_through_every_pane_and_back() {
    let mut app = builtin_app(100, 30);
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        apply(&mut app, key(KeyCode::Tab));
        seen.push(app.focus);
    }
    assert_eq!(seen, [Pane::Chart(0), Pane::Chart(1), Pane::Gauges, Pane::Article, Pane::Chart(0)]);
    apply(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.focus, Pane::Article);
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
    app.focus = Pane::Article;
    apply(&mut app, key(KeyCode::Char('j')));
    assert_eq!(app.article_scroll, 1);
    let page = app.article_page();
    apply(&mut app, key(KeyCode::PageDown));
    assert_eq!(app.article_scroll, 1 + page);
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.article_scroll, app.article_max_scroll());
    assert!(app.article_max_scroll() > 0);
    apply(&mut app, key(KeyCode::Char('j')));
    assert_eq!(app.article_scroll, app.article_max_scroll(), "no scrolling past the last page");
    apply(&mut app, key(KeyCode::Home));
    assert_eq!(app.article_scroll, 0);
}

#[test]
fn the_article_keeps_its_place_across_a_resize() {
    let mut app = builtin_app(100, 30);
    app.focus = Pane::Article;
    for _ in 0..20 {
        apply(&mut app, key(KeyCode::Down));
    }
    let top = app.article_lines[app.article_scroll].clone();
    apply(&mut app, Event::Resize(180, 50));
    let after = &app.article_lines[app.article_scroll];
    assert_eq!(after.block, top.block, "same paragraph at the top");
    assert!(after.offset <= top.offset, "the old top line is still on screen");
}

#[test]
fn enter_opens_details_esc_closes_them_and_never_quits() {
    let mut app = builtin_app(100, 30);
    assert!(step(&mut app, key(KeyCode::Enter)).redraw);
    assert_eq!(app.overlay, Overlay::Details);
    apply(&mut app, key(KeyCode::Down));
    assert_eq!(selected_id(&app), "bri_agreements", "arrows browse metrics in the details window");
    assert!(step(&mut app, key(KeyCode::Esc)).redraw);
    assert_eq!(app.overlay, Overlay::None);
    assert!(step(&mut app, key(KeyCode::Esc)).redraw, "Esc with nothing open is harmless");
    apply(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.overlay, Overlay::Help);
    apply(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(step(&mut app, key(KeyCode::Char('q'))).end, Some(End::Quit));
}

#[test]
fn article_rows_and_lines_convert_both_ways_around_a_cut_badge() {
    let mut app = builtin_app(80, 24);
    apply(&mut app, key(KeyCode::Tab)); // the railway total: its sentence ends mid-line
    let badge = app.evidence_badge().expect("a badge under the railway's sentence");
    assert!(badge.cut, "the line is cut at the sentence's end");
    assert_eq!(app.article_rows(), app.article_lines.len() + 2, "the badge and the second half");
    for line in 0..app.article_lines.len() {
        assert_eq!(app.line_at_row(app.row_of_line(line)), line);
    }
    assert_eq!(app.line_at_row(badge.line + 1), badge.line, "the badge row belongs to its line");
    assert_eq!(app.line_at_row(badge.line + 3), badge.line + 1);
    // Scrolled below the badge, a resize keeps the same text at the top.
    app.article_scroll = app.row_of_line(badge.line + 6);
    let top = app.article_lines[badge.line + 6].clone();
    apply(&mut app, Event::Resize(100, 30));
    let after = &app.article_lines[app.line_at_row(app.article_scroll)];
    assert_eq!(after.block, top.block, "same paragraph at the top");
    assert!(after.offset <= top.offset, "the old top line is still on screen");
}

#[test]
fn the_help_scrolls_like_a_pager_from_top_to_bottom() {
    let mut app = builtin_app(80, 24);
    apply(&mut app, key(KeyCode::Char('?')));
    assert!(app.help_max_scroll() > 0, "at 80×24 the help is longer than the screen");
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.help_scroll, app.help_max_scroll());
    apply(&mut app, key(KeyCode::Home));
    assert_eq!(app.help_scroll, 0);
    apply(&mut app, key(KeyCode::Char('G')));
    assert_eq!(app.help_scroll, app.help_max_scroll());
    apply(&mut app, key(KeyCode::Char('g')));
    assert_eq!(app.help_scroll, 0);
    assert_eq!(app.overlay, Overlay::Help, "still open");
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
    assert!(app.error.is_none());
    assert_eq!(selected_id(&app), "c");
    let notice = &app.notice.as_ref().unwrap().text;
    assert!(notice.starts_with("reloaded ") && notice.contains(" ms"), "{notice}");
    assert!(notice.contains("A 1 → 9 (+8)"), "the change is named: {notice}");
}

#[test]
fn a_failed_reload_keeps_the_last_good_data_and_recovers() {
    let (_dir, path, mut app) = app_on(GOOD);
    let good = app.data.clone();
    std::fs::write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -4\n").unwrap();
    apply(&mut app, Event::Reload);
    assert_eq!(app.data, good, "the last good data stays");
    let error = app.error.as_ref().expect("the error is kept for the banner");
    assert_eq!(error.diagnostics[0].to_string(), format!("{}:4:9: value must be a finite number >= 0", path.display()));
    assert!(app.layout_input().banner > 0);
    assert_eq!(app.notice.as_ref().unwrap().level, Level::Error);
    std::fs::write(&path, GOOD).unwrap();
    apply(&mut app, Event::Reload);
    assert!(app.error.is_none());
    assert_eq!(app.layout_input().banner, 0);
}

#[test]
fn an_invalid_file_at_start_opens_on_the_error_and_loads_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    std::fs::write(&path, "title = \n").unwrap();
    let mut app = file_app(&path);
    assert!(app.data.is_none());
    assert!(app.error.is_some());
    assert!(step(&mut app, key(KeyCode::Enter)).redraw);
    assert_eq!(app.overlay, Overlay::None, "no details without data");
    std::fs::write(&path, GOOD).unwrap();
    apply(&mut app, key(KeyCode::Char('r')));
    assert!(app.data.is_some() && app.error.is_none());
}

#[test]
fn a_narrow_screen_shows_the_focused_pane_and_tab_brings_the_article() {
    let mut app = builtin_app(50, 20);
    assert_eq!(app.areas().screen, layout::Screen::Single);
    for _ in 0..3 {
        apply(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.focus, Pane::Article);
    assert_eq!(app.areas().article, app.areas().body);
    assert_eq!(app.article_width, usize::from(layout::article_text_area(app.areas().body).width));
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn file_changes_reload_on_the_next_tick_and_bare_ones_after_the_quiet_period() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = Instant::now();
    write(&path, &GOOD.replace("value = 3", "value = 4"));
    assert_eq!(step(&mut app, Event::FileChanged(FileChange::Partial, t0)), Effects::none(), "nothing to draw yet");
    assert_eq!(app.next_deadline(), Some(t0 + DEFAULT_QUIET));
    assert_eq!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET / 2)), Effects::none(), "still inside the quiet period");
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)).redraw);
    assert_eq!(app.data.as_ref().unwrap().dataset.metrics[2].value, 4.0);
    write(&path, &GOOD.replace("value = 3", "value = 5"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0 + DEFAULT_QUIET));
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)).redraw, "a complete save reloads at once");
    assert_eq!(app.data.as_ref().unwrap().dataset.metrics[2].value, 5.0);
}

#[test]
fn changed_values_are_highlighted_for_a_few_seconds() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = Instant::now();
    write(&path, &GOOD.replace("value = 2", "value = 7"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0));
    apply(&mut app, Event::Tick(t0));
    assert_eq!(app.changes.len(), 1);
    assert_eq!(app.changes[0].describe(), "2 → 7 (+5)");
    assert_eq!(app.next_deadline(), Some(t0 + CHANGE_HIGHLIGHT));
    assert!(step(&mut app, Event::Tick(t0 + CHANGE_HIGHLIGHT)).redraw);
    assert!(app.changes.is_empty());
    assert_eq!(app.next_deadline(), None, "nothing scheduled: the runtime can sleep");
}

#[test]
fn a_half_written_file_caught_by_the_quiet_period_shows_no_error_if_the_save_completes() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = Instant::now();
    write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nval"); // the first chunk of a save
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    apply(&mut app, Event::Tick(t0 + DEFAULT_QUIET));
    assert!(app.error.is_none(), "the error of a possibly partial file is held back");
    let t1 = t0 + DEFAULT_QUIET + ERROR_GRACE / 2;
    write(&path, GOOD);
    apply(&mut app, Event::FileChanged(FileChange::Complete, t1));
    apply(&mut app, Event::Tick(t1));
    assert!(app.error.is_none());
    assert_eq!(step(&mut app, Event::Tick(t1 + ERROR_GRACE * 2)), Effects::none(), "the held error was dropped");
    assert!(app.error.is_none());
}

#[test]
fn an_error_that_is_still_true_after_the_grace_period_is_shown() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = Instant::now();
    write(&path, "title = ");
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    apply(&mut app, Event::Tick(t0 + DEFAULT_QUIET));
    assert!(app.error.is_none());
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET + ERROR_GRACE)).redraw);
    assert!(app.error.is_some());
    assert!(app.data.is_some(), "the last good data stays");
}

#[test]
fn the_watcher_follows_the_dataset_and_the_article_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    write(&dir.path().join("a.md"), "# A\n");
    write(&path, &format!("article = \"a.md\"\n{GOOD}"));
    let app = file_app(&path);
    assert_eq!(app.watch_paths(), [path.clone(), dir.path().join("a.md")]);
    assert!(builtin_app(80, 24).watch_paths().is_empty(), "the built-in copy has nothing to watch");
}

#[test]
fn a_reload_that_finds_the_same_data_changes_nothing_and_keeps_the_highlight() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = Instant::now();
    write(&path, &GOOD.replace("value = 2", "value = 7"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0));
    assert!(step(&mut app, Event::Tick(t0)).redraw);
    let notice = app.notice.clone();
    // The editor's second event for the same save.
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    assert_eq!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)), Effects::none(), "no frame for an unchanged file");
    assert_eq!(app.changes.len(), 1, "the highlight of the real change stays");
    assert_eq!(app.notice, notice);
    assert_eq!(app.generation, 2);
}

#[test]
fn a_reload_that_adds_and_removes_charts_and_gauges_moves_the_layout_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let two_charts = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[metric]]\nid = \"w\"\nvalue = 4\nunit = \"t\"\n[[metric]]\nid = \"p\"\nvalue = 1\nunit = \"t\"\npart_of = \"w\"\n";
    write(&path, two_charts);
    let mut app = file_app(&path);
    assert_eq!(app.panes(), [Pane::Chart(0), Pane::Chart(1), Pane::Gauges, Pane::Article]);
    apply(&mut app, key(KeyCode::Tab));
    apply(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Pane::Gauges);
    write(&path, GOOD);
    apply(&mut app, Event::Reload);
    assert_eq!(app.panes(), [Pane::Chart(0), Pane::Article]);
    assert_eq!(app.focus, Pane::Chart(0), "the focused pane is gone: focus moves to one that exists");
    assert_eq!(app.layout_input().charts.len(), 1);
    assert_eq!(app.areas().charts.len(), 1);
    write(&path, two_charts);
    apply(&mut app, Event::Reload);
    assert_eq!(app.areas().charts.len(), 2);
    assert!(app.areas().gauges.height > 0);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        apply(app, key(KeyCode::Char(c)));
    }
}

fn evidence_text(app: &App) -> Option<String> {
    let loaded = app.data.as_ref()?;
    let place = loaded.evidence.place(app.evidence_metric?)?;
    let block = &loaded.article.as_ref()?.article.blocks[place.sentence.block];
    Some(
        block.plain_text().chars().skip(place.sentence.start).take(place.sentence.end - place.sentence.start).collect(),
    )
}

#[test]
fn search_is_incremental_counts_matches_and_cycles_with_wrap_around() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    assert_eq!(app.context(), Context::Search);
    type_text(&mut app, "neighbours");
    let search = app.search.as_ref().unwrap();
    assert!(search.hits.len() > 5, "{:?}", search.hits.len());
    assert_eq!(search.current, Some(0));
    let total = search.hits.len();
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.context(), Context::Dashboard, "Enter keeps the matches and closes the prompt");
    apply(&mut app, key(KeyCode::Char('n')));
    assert_eq!(app.search.as_ref().unwrap().position(), format!("2/{total}"));
    apply(&mut app, key(KeyCode::Char('N')));
    apply(&mut app, key(KeyCode::Char('N')));
    assert_eq!(app.search.as_ref().unwrap().position(), format!("{total}/{total}"), "wraps around");
    apply(&mut app, key(KeyCode::Esc));
    assert!(app.search.is_none(), "Esc clears the matches");
}

#[test]
fn the_article_matches_of_a_block_range_are_the_ones_a_full_scan_finds() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "cooperation");
    let search = app.search.as_ref().unwrap();
    let all: Vec<(usize, TextSpan)> = (search.hits.iter().enumerate())
        .filter_map(|(i, hit)| match hit {
            Hit::Article(span) => Some((i, *span)),
            Hit::Metric(_) => None,
        })
        .collect();
    let last_block = all.last().map(|(_, span)| span.block).expect("the article mentions cooperation");
    assert!(search.hits.iter().any(|hit| matches!(hit, Hit::Metric(_))), "metric matches follow too");
    for first in 0..=last_block + 1 {
        for last in first..=last_block + 1 {
            let expected: Vec<_> =
                all.iter().copied().filter(|(_, span)| (first..=last).contains(&span.block)).collect();
            assert_eq!(search.article_hits_in(first, last).collect::<Vec<_>>(), expected, "blocks {first}..={last}");
        }
    }
}

#[test]
fn search_is_case_sensitive_only_with_capitals() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "asean");
    let insensitive = app.search.as_ref().unwrap().hits.len();
    apply(&mut app, key(KeyCode::Esc));
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "Asean");
    assert_eq!(app.search.as_ref().unwrap().hits.len(), 0, "no 'Asean' with that case");
    assert!(insensitive >= 3);
}

#[test]
fn esc_in_the_prompt_goes_back_to_where_the_search_began() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Down));
    let before = (app.article_scroll, app.focus, app.chart_selection.clone());
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "kunming");
    assert_ne!(app.article_scroll, before.0, "the article scrolled to the match");
    apply(&mut app, key(KeyCode::Esc));
    assert!(app.search.is_none());
    assert_eq!((app.article_scroll, app.focus, app.chart_selection.clone()), before);
}

#[test]
fn a_search_match_in_a_metric_selects_it() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "friendship treat");
    let search = app.search.as_ref().unwrap();
    assert_eq!(search.hits, [Hit::Metric(5)], "only the label matches");
    assert_eq!(selected_id(&app), "friendship_treaties");
    assert_eq!(
        evidence_text(&app).as_deref(),
        Some(
            "It has signed treaties of good-neighbourliness and friendly cooperation with nine countries on its periphery."
        )
    );
}

#[test]
fn selecting_a_metric_scrolls_the_article_to_its_sentence() {
    let mut app = builtin_app(100, 30);
    assert_eq!(app.article_scroll, 0, "the article starts at its top");
    assert_eq!(app.evidence_metric, None);
    apply(&mut app, key(KeyCode::Tab)); // the railway chart: its total is selected
    assert_eq!(selected_id(&app), "railway_cargo");
    let sentence = evidence_text(&app).unwrap();
    assert!(sentence.starts_with("From the day the line opened"), "{sentence}");
    let place = app.data.as_ref().unwrap().evidence.place(app.evidence_metric.unwrap()).unwrap();
    let line = app.line_of(place.sentence);
    assert!(line >= app.article_scroll && line < app.article_scroll + app.article_page(), "the sentence is in view");
    // Scrolled away, Enter brings it back.
    app.focus = Pane::Article;
    apply(&mut app, key(KeyCode::End));
    app.focus = Pane::Chart(1);
    apply(&mut app, key(KeyCode::Enter));
    let line = app.line_of(place.sentence);
    assert!(line >= app.article_scroll && line < app.article_scroll + app.article_page());
}

#[test]
fn m_selects_the_metric_quoted_nearest_the_top_of_the_view() {
    let mut app = builtin_app(100, 30);
    for _ in 0..3 {
        apply(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.focus, Pane::Article);
    apply(&mut app, key(KeyCode::Char('m')));
    assert_eq!(app.focus, Pane::Article, "the reader keeps the article");
    // The first quoted sentence from the top is the railway's.
    assert_eq!(app.data.as_ref().unwrap().dataset.metrics[app.evidence_metric.unwrap()].id, "railway_cargo");
    assert_eq!(app.last_item_pane, Pane::Chart(1));
    assert!(app.evidence_badge().is_some());
}

#[test]
fn a_metric_without_a_quote_has_no_sentence_to_show() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "Land neighbours");
    assert_eq!(app.search.as_ref().unwrap().hits.len(), 1);
    assert_eq!(
        app.evidence_metric.map(|m| app.data.as_ref().unwrap().dataset.metrics[m].id.as_str()),
        Some("land_neighbours")
    );
    assert_eq!(app.evidence_badge(), None);
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_it_and_a_click_selects() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = builtin_app(100, 30);
    let areas = app.areas();
    let mouse = |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    let article = areas.article;
    apply(&mut app, mouse(MouseEventKind::ScrollDown, article.x + 5, article.y + 5));
    assert_eq!(app.article_scroll, 3);
    assert_eq!(app.focus, Pane::Chart(0), "the wheel does not move the focus");
    let chart = areas.charts[0];
    // Bars are one row each with a gap: the fourth bar is on the seventh inner row.
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), chart.x + 3, chart.y + 1 + 6));
    assert_eq!(selected_id(&app), "shared_future");
    apply(&mut app, mouse(MouseEventKind::ScrollDown, chart.x + 3, chart.y + 2));
    assert_eq!(selected_id(&app), "land_borders_settled");
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), article.x + 3, article.y + 3));
    assert_eq!(app.focus, Pane::Article);
    let gauges = areas.gauges;
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), gauges.x + 3, gauges.y + 2));
    assert_eq!((app.focus, app.gauge_selection), (Pane::Gauges, 1));
}

#[test]
fn p_opens_the_slides_and_esc_brings_back_the_dashboard() {
    let mut app = builtin_app(100, 30);
    assert_eq!(app.deck.len(), 16);
    apply(&mut app, key(KeyCode::Char('p')));
    assert_eq!(app.mode, Mode::Presentation);
    assert_eq!(app.context(), Context::Presentation);
    apply(&mut app, key(KeyCode::PageDown));
    apply(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(app.presentation.slide, 2);
    apply(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.presentation.slide, 1);
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.presentation.slide, 15);
    apply(&mut app, key(KeyCode::Right));
    assert_eq!(app.presentation.slide, 15, "no slide after the last");
    assert!(step(&mut app, key(KeyCode::Esc)).redraw);
    assert_eq!(app.mode, Mode::Dashboard, "Esc never quits: it leaves the slides");
    apply(&mut app, key(KeyCode::Char('p')));
    assert_eq!(app.presentation.slide, 15, "coming back finds the same slide");
}

#[test]
fn a_typed_number_and_enter_go_to_that_slide() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('p')));
    apply(&mut app, key(KeyCode::Char('1')));
    apply(&mut app, key(KeyCode::Char('2')));
    assert_eq!(app.presentation.typed, "12");
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.presentation.slide, 11);
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.presentation.slide, 12, "Enter alone is next");
    apply(&mut app, key(KeyCode::Char('9')));
    apply(&mut app, key(KeyCode::Char('9')));
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.presentation.slide, 15, "past the end: the last slide");
}

#[test]
fn blank_toggles_and_does_not_replay_the_animation() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('p')));
    apply(&mut app, key(KeyCode::Right));
    let t0 = Instant::now();
    apply(&mut app, Event::Tick(t0 + crate::app::ANIMATION * 2));
    assert_eq!(app.presentation.progress(), 1.0);
    apply(&mut app, key(KeyCode::Char('b')));
    assert!(app.presentation.blank);
    apply(&mut app, key(KeyCode::Char('.')));
    assert!(!app.presentation.blank);
    assert_eq!(app.presentation.progress(), 1.0, "the slide comes back as it was");
}

#[test]
fn a_reload_keeps_the_current_slide_by_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let text = |first: &str| {
        format!(
            "title = \"T\"\n{first}[[metric]]\nid = \"a\"\nvalue = 1\nquote = \"x\"\n[[metric]]\nid = \"b\"\nvalue = 2\nquote = \"y\"\n"
        )
    };
    write(&path, &text(""));
    let mut app = file_app(&path);
    apply(&mut app, key(KeyCode::Char('p')));
    // Title, chart, metric a, metric b, sources: stand on "metric b".
    apply(&mut app, key(KeyCode::Char('4')));
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.deck[app.presentation.slide].key, crate::deck::SlideKey::Metric("b".into()));
    // A new metric in front moves the slide; the app follows it.
    write(&path, &text("[[metric]]\nid = \"first\"\nvalue = 3\nquote = \"z\"\n"));
    apply(&mut app, Event::Reload);
    assert_eq!(app.deck[app.presentation.slide].key, crate::deck::SlideKey::Metric("b".into()));
    assert_eq!(app.presentation.slide, 4);
}
