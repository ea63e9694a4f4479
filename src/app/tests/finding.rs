//! App tests of finding things: search, evidence, the mouse, and the slides.

use super::*;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        apply(app, key(KeyCode::Char(c)));
    }
}

fn evidence_text(app: &App) -> Option<String> {
    let loaded = app.content().data()?;
    let place = loaded.evidence_place(app.view().evidence_metric()?)?;
    let block = &loaded.article.as_ref()?.article.blocks[place.sentence.block];
    Some(
        block.plain_text().chars().skip(place.sentence.start).take(place.sentence.end - place.sentence.start).collect(),
    )
}

#[test]
fn search_is_incremental_counts_matches_and_cycles_with_wrap_around() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    assert_eq!(app.view().context(), Context::Search);
    type_text(&mut app, "neighbours");
    let search = app.view().search().unwrap();
    assert!(search.hits.len() > 5, "{:?}", search.hits.len());
    assert_eq!(search.current, Some(0));
    let total = search.hits.len();
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.view().context(), Context::Dashboard, "Enter keeps the matches and closes the prompt");
    apply(&mut app, key(KeyCode::Char('n')));
    assert_eq!(app.view().search().unwrap().position(), format!("2/{total}"));
    apply(&mut app, key(KeyCode::Char('N')));
    apply(&mut app, key(KeyCode::Char('N')));
    assert_eq!(app.view().search().unwrap().position(), format!("{total}/{total}"), "wraps around");
    apply(&mut app, key(KeyCode::Esc));
    assert!(app.view().search().is_none(), "Esc clears the matches");
}

#[test]
fn the_article_matches_of_a_block_range_are_the_ones_a_full_scan_finds() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "cooperation");
    let search = app.view().search().unwrap();
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
    let insensitive = app.view().search().unwrap().hits.len();
    apply(&mut app, key(KeyCode::Esc));
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "Asean");
    assert_eq!(app.view().search().unwrap().hits.len(), 0, "no 'Asean' with that case");
    assert!(insensitive >= 3);
}

#[test]
fn esc_in_the_prompt_goes_back_to_where_the_search_began() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Down));
    let before = (app.view().article_scroll(), app.view().focus(), app.view().chart_selections().to_vec());
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "kunming");
    assert_ne!(app.view().article_scroll(), before.0, "the article scrolled to the match");
    apply(&mut app, key(KeyCode::Esc));
    assert!(app.view().search().is_none());
    assert_eq!((app.view().article_scroll(), app.view().focus(), app.view().chart_selections().to_vec()), before);
}

#[test]
fn a_search_match_in_a_metric_selects_it() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "friendship treat");
    let search = app.view().search().unwrap();
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
    assert_eq!(app.view().article_scroll(), 0, "the article starts at its top");
    assert_eq!(app.view().evidence_metric(), None);
    apply(&mut app, key(KeyCode::Tab)); // the railway chart: its total is selected
    assert_eq!(selected_id(&app), "railway_cargo");
    let sentence = evidence_text(&app).unwrap();
    assert!(sentence.starts_with("From the day the line opened"), "{sentence}");
    let place = app.content().data().unwrap().evidence_place(app.view().evidence_metric().unwrap()).unwrap();
    let line = app.view().line_of(place.sentence);
    assert!(
        line >= app.view().article_scroll()
            && line < app.view().article_scroll() + app.view().article_page(app.content()),
        "the sentence is in view"
    );
    // Scrolled away, Enter brings it back.
    focus_on(&mut app, Pane::Article);
    apply(&mut app, key(KeyCode::End));
    focus_on(&mut app, Pane::Chart(1));
    apply(&mut app, key(KeyCode::Enter));
    let line = app.view().line_of(place.sentence);
    assert!(
        line >= app.view().article_scroll()
            && line < app.view().article_scroll() + app.view().article_page(app.content())
    );
}

#[test]
fn m_selects_the_metric_quoted_nearest_the_top_of_the_view() {
    let mut app = builtin_app(100, 30);
    for _ in 0..4 {
        apply(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.view().focus(), Pane::Article);
    apply(&mut app, key(KeyCode::Char('m')));
    assert_eq!(app.view().focus(), Pane::Article, "the reader keeps the article");
    // The first quoted sentence from the top is the railway's.
    assert_eq!(
        app.content().data().unwrap().dataset.metrics[app.view().evidence_metric().unwrap()].id,
        "railway_cargo"
    );
    assert_eq!(app.view().last_item_pane(), Pane::Chart(1));
    assert!(app.view().evidence_badge(app.content()).is_some());
}

#[test]
fn a_metric_without_a_quote_has_no_sentence_to_show() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "Land neighbours");
    assert_eq!(app.view().search().unwrap().hits.len(), 1);
    assert_eq!(
        app.view().evidence_metric().map(|m| app.content().data().unwrap().dataset.metrics[m].id.as_str()),
        Some("land_neighbours")
    );
    assert_eq!(app.view().evidence_badge(app.content()), None);
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_it_and_a_click_selects() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = builtin_app(100, 30);
    let areas = app.view().areas(app.content());
    let mouse = |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    let article = areas.article;
    apply(&mut app, mouse(MouseEventKind::ScrollDown, article.x + 5, article.y + 5));
    assert_eq!(app.view().article_scroll(), 3);
    assert_eq!(app.view().focus(), Pane::Chart(0), "the wheel does not move the focus");
    let chart = areas.charts[0];
    // Bars are one row each without gaps (the line chart below takes rows): the fourth bar is on
    // the fourth inner row.
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), chart.x + 3, chart.y + 1 + 3));
    assert_eq!(selected_id(&app), "shared_future");
    apply(&mut app, mouse(MouseEventKind::ScrollDown, chart.x + 3, chart.y + 2));
    assert_eq!(selected_id(&app), "land_borders_settled");
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), article.x + 3, article.y + 3));
    assert_eq!(app.view().focus(), Pane::Article);
    let gauges = areas.gauges;
    apply(&mut app, mouse(MouseEventKind::Down(MouseButton::Left), gauges.x + 3, gauges.y + 2));
    assert_eq!((app.view().focus(), app.view().gauge_selection()), (Pane::Gauges, 1));
}

#[test]
fn p_opens_the_slides_and_esc_brings_back_the_dashboard() {
    let mut app = builtin_app(100, 30);
    assert_eq!(app.content().deck().len(), 17);
    apply(&mut app, key(KeyCode::Char('p')));
    assert_eq!(app.view().mode(), Mode::Presentation);
    assert_eq!(app.view().context(), Context::Presentation);
    apply(&mut app, key(KeyCode::PageDown));
    apply(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(app.view().presentation().slide, 2);
    apply(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.view().presentation().slide, 1);
    apply(&mut app, key(KeyCode::End));
    assert_eq!(app.view().presentation().slide, 16);
    apply(&mut app, key(KeyCode::Right));
    assert_eq!(app.view().presentation().slide, 16, "no slide after the last");
    assert!(step(&mut app, key(KeyCode::Esc)).redraw);
    assert_eq!(app.view().mode(), Mode::Dashboard, "Esc never quits: it leaves the slides");
    apply(&mut app, key(KeyCode::Char('p')));
    assert_eq!(app.view().presentation().slide, 16, "coming back finds the same slide");
}

#[test]
fn a_typed_number_and_enter_go_to_that_slide() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('p')));
    apply(&mut app, key(KeyCode::Char('1')));
    apply(&mut app, key(KeyCode::Char('2')));
    assert_eq!(app.view().presentation().typed, "12");
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.view().presentation().slide, 11);
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.view().presentation().slide, 12, "Enter alone is next");
    apply(&mut app, key(KeyCode::Char('9')));
    apply(&mut app, key(KeyCode::Char('9')));
    apply(&mut app, key(KeyCode::Enter));
    assert_eq!(app.view().presentation().slide, 16, "past the end: the last slide");
}

#[test]
fn blank_toggles_and_does_not_replay_the_animation() {
    let mut app = builtin_app(100, 30);
    apply(&mut app, key(KeyCode::Char('p')));
    apply(&mut app, key(KeyCode::Right));
    let t0 = start_of_test();
    apply(&mut app, Event::Tick(t0 + crate::app::ANIMATION * 2));
    assert_eq!(app.view().presentation().progress(), 1.0);
    apply(&mut app, key(KeyCode::Char('b')));
    assert!(app.view().presentation().blank);
    apply(&mut app, key(KeyCode::Char('.')));
    assert!(!app.view().presentation().blank);
    assert_eq!(app.view().presentation().progress(), 1.0, "the slide comes back as it was");
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
    assert_eq!(app.content().deck()[app.view().presentation().slide].key, crate::deck::SlideKey::Metric("b".into()));
    // A new metric in front moves the slide; the app follows it.
    write(&path, &text("[[metric]]\nid = \"first\"\nvalue = 3\nquote = \"z\"\n"));
    apply(&mut app, Event::Reload);
    assert_eq!(app.content().deck()[app.view().presentation().slide].key, crate::deck::SlideKey::Metric("b".into()));
    assert_eq!(app.view().presentation().slide, 4);
}
