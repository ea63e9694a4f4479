//! App tests of reloads: file changes, quiet periods, held errors, changes highlighted.

use super::*;

#[test]
fn file_changes_reload_on_the_next_tick_and_bare_ones_after_the_quiet_period() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    write(&path, &GOOD.replace("value = 3", "value = 4"));
    assert_eq!(step(&mut app, Event::FileChanged(FileChange::Partial, t0)), Effects::none(), "nothing to draw yet");
    assert_eq!(app.next_deadline(), Some(t0 + DEFAULT_QUIET));
    assert_eq!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET / 2)), Effects::none(), "still inside the quiet period");
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)).redraw);
    assert_eq!(app.content().data().unwrap().dataset.metrics[2].value, 4.0);
    write(&path, &GOOD.replace("value = 3", "value = 5"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0 + DEFAULT_QUIET));
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)).redraw, "a complete save reloads at once");
    assert_eq!(app.content().data().unwrap().dataset.metrics[2].value, 5.0);
}

#[test]
fn changed_values_are_highlighted_for_a_few_seconds() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    write(&path, &GOOD.replace("value = 2", "value = 7"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0));
    apply(&mut app, Event::Tick(t0));
    assert_eq!(app.content().changes().len(), 1);
    assert_eq!(app.content().changes()[0].describe(), "2 → 7 (+5)");
    assert_eq!(app.next_deadline(), Some(t0 + CHANGE_HIGHLIGHT));
    assert!(step(&mut app, Event::Tick(t0 + CHANGE_HIGHLIGHT)).redraw);
    assert!(app.content().changes().is_empty());
    // The status line's "reloaded …" goes a while after it first showed (at this tick).
    let expiry = t0 + CHANGE_HIGHLIGHT + NOTICE_LIFETIME;
    assert_eq!(app.next_deadline(), Some(expiry));
    assert!(step(&mut app, Event::Tick(expiry)).redraw);
    assert_eq!(app.view().notice(), None);
    assert_eq!(app.next_deadline(), None, "nothing scheduled: the runtime can sleep");
}

#[test]
fn a_message_goes_with_the_next_action_or_after_a_while_and_an_error_stays() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    apply(&mut app, Event::Reload);
    assert!(app.view().notice().unwrap().text.contains("no changes"));
    apply(&mut app, Event::Tick(t0));
    assert!(app.view().notice().is_some(), "it shows for a while");
    let key = |at| Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE), at);
    assert!(step(&mut app, key(t0)).redraw);
    assert_eq!(app.view().notice(), None, "the next key takes it away");
    // An error stays, whatever is pressed and however long it has been.
    write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -1\n");
    apply(&mut app, Event::Reload);
    apply(&mut app, Event::Tick(t0));
    apply(&mut app, key(t0));
    apply(&mut app, Event::Tick(t0 + Duration::from_secs(3600)));
    assert_eq!(app.view().notice().map(|n| n.level), Some(Level::Error));
    assert_eq!(app.next_deadline(), None, "an error schedules nothing");
}

#[test]
fn a_half_written_file_caught_by_the_quiet_period_shows_no_error_if_the_save_completes() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nval"); // the first chunk of a save
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    apply(&mut app, Event::Tick(t0 + DEFAULT_QUIET));
    assert!(app.content().error().is_none(), "the error of a possibly partial file is held back");
    let t1 = t0 + DEFAULT_QUIET + ERROR_GRACE / 2;
    write(&path, GOOD);
    apply(&mut app, Event::FileChanged(FileChange::Complete, t1));
    apply(&mut app, Event::Tick(t1));
    assert!(app.content().error().is_none());
    assert_eq!(step(&mut app, Event::Tick(t1 + ERROR_GRACE * 2)), Effects::none(), "the held error was dropped");
    assert!(app.content().error().is_none());
}

#[test]
fn an_error_that_is_still_true_after_the_grace_period_is_shown() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    write(&path, "title = ");
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    apply(&mut app, Event::Tick(t0 + DEFAULT_QUIET));
    assert!(app.content().error().is_none());
    assert!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET + ERROR_GRACE)).redraw);
    assert!(app.content().error().is_some());
    assert!(app.content().data().is_some(), "the last good data stays");
}

#[test]
fn the_watcher_follows_the_dataset_and_the_article_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    write(&dir.path().join("a.md"), "# A\n");
    write(&path, &format!("article = \"a.md\"\n{GOOD}"));
    let app = file_app(&path);
    assert_eq!(app.content().watch_paths(), [path.clone(), dir.path().join("a.md")]);
    assert!(builtin_app(80, 24).content().watch_paths().is_empty(), "the built-in copy has nothing to watch");
}

#[test]
fn a_reload_that_finds_the_same_data_changes_nothing_and_keeps_the_highlight() {
    let (_dir, path, mut app) = app_on(GOOD);
    let t0 = start_of_test();
    write(&path, &GOOD.replace("value = 2", "value = 7"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0));
    assert!(step(&mut app, Event::Tick(t0)).redraw);
    let notice = app.view().notice().cloned();
    // The editor's second event for the same save.
    apply(&mut app, Event::FileChanged(FileChange::Partial, t0));
    assert_eq!(step(&mut app, Event::Tick(t0 + DEFAULT_QUIET)), Effects::none(), "no frame for an unchanged file");
    assert_eq!(app.content().changes().len(), 1, "the highlight of the real change stays");
    assert_eq!(app.view().notice(), notice.as_ref());
    assert_eq!(app.content().generation(), 2);
}

#[test]
fn a_reload_that_adds_and_removes_charts_and_gauges_moves_the_layout_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let two_charts = "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n[[metric]]\nid = \"w\"\nvalue = 4\nunit = \"t\"\n[[metric]]\nid = \"p\"\nvalue = 1\nunit = \"t\"\npart_of = \"w\"\n";
    write(&path, two_charts);
    let mut app = file_app(&path);
    assert_eq!(app.view().panes(app.content()), [Pane::Chart(0), Pane::Chart(1), Pane::Gauges, Pane::Article]);
    apply(&mut app, key(KeyCode::Tab));
    apply(&mut app, key(KeyCode::Tab));
    assert_eq!(app.view().focus(), Pane::Gauges);
    write(&path, GOOD);
    apply(&mut app, Event::Reload);
    assert_eq!(app.view().panes(app.content()), [Pane::Chart(0), Pane::Article]);
    assert_eq!(app.view().focus(), Pane::Chart(0), "the focused pane is gone: focus moves to one that exists");
    assert_eq!(app.view().layout_input(app.content()).charts.len(), 1);
    assert_eq!(app.view().areas(app.content()).charts.len(), 1);
    write(&path, two_charts);
    apply(&mut app, Event::Reload);
    assert_eq!(app.view().areas(app.content()).charts.len(), 2);
    assert!(app.view().areas(app.content()).gauges.height > 0);
}

#[test]
fn a_reload_that_adds_a_point_to_a_history_highlights_it_and_says_so() {
    let with_history = |points: &str| {
        format!(
            "title = \"T\"\n[[metric]]\nid = \"a\"\nlabel = \"Cargo\"\nvalue = 5\nas_of = 2022-01-01\nhistory = [{points}]\n"
        )
    };
    let (_dir, path, mut app) = app_on(&with_history("{ date = 2020-01-01, value = 1 }"));
    let t0 = start_of_test();
    write(&path, &with_history("{ date = 2020-01-01, value = 1 }, { date = 2021-01-01, value = 3 }"));
    apply(&mut app, Event::FileChanged(FileChange::Complete, t0));
    apply(&mut app, Event::Tick(t0));
    let changes = app.content().changes();
    assert_eq!(changes.len(), 1, "the value is the same, the history is not");
    let added = crate::app::PointChange { date: crate::dataset::Date { year: 2021, month: 1, day: 1 }, added: true };
    assert_eq!(changes[0].points, [added]);
    let notice = app.view().notice().unwrap().text.clone();
    assert!(notice.ends_with("· Cargo new point 1 Jan 2021 · 3 warnings: w lists them"), "{notice}");
}
