//! A long article opens wrapped only through its first screen; idle ticks finish the wrap; the
//! keys that need its end wrap it whole; and a row number means the same either way.

use super::*;
use crate::article::AT_ONCE;

/// A dataset on an article of `paragraphs` paragraphs, whose last quotes metric `far`.
fn long_article_app(paragraphs: usize) -> (tempfile::TempDir, App) {
    let mut article: String =
        (0..paragraphs).map(|i| format!("Paragraph {i} says enough words to wrap onto a second line.\n\n")).collect();
    article.push_str("The far end counts 77 ports.\n");
    let dataset = "title = \"Long\"\narticle = \"a.md\"\n[[metric]]\nid = \"far\"\nlabel = \"Far\"\nvalue = 77\nunit = \"ports\"\nquote = \"counts 77 ports\"\n[[chart]]\ntitle = \"C\"\nmetrics = [\"far\"]\n";
    let (dir, _, app) = app_on_files(dataset, &[("a.md", &article)]);
    (dir, app)
}

fn idle_until_wrapped(app: &mut App, from: Instant) -> usize {
    let mut ticks = 0;
    while app.next_deadline().is_some() {
        ticks += 1;
        assert!(ticks < 1_000, "the wrap never completes");
        apply(app, Event::Tick(from + Duration::from_millis(ticks)));
    }
    ticks as usize
}

#[test]
fn a_long_article_opens_partly_wrapped_and_idle_ticks_finish_it() {
    let (_dir, mut app) = long_article_app(20_000);
    let lines = app.view().article_lines().len();
    assert!((AT_ONCE..AT_ONCE * 2).contains(&lines), "wrapped {lines} lines for the first screen");
    let scroll = app.view().article_view(app.content());
    assert!(scroll.partial && scroll.caption().ends_with('+'), "{}", scroll.caption());
    assert!(app.next_deadline().is_some(), "the rest is due at once");

    let ticks = idle_until_wrapped(&mut app, start_of_test());
    assert!(ticks > 1, "in steps, so keys are read between them");
    let blocks = &app.content().data().unwrap().article.as_ref().unwrap().article.blocks;
    let whole = crate::article::wrap(blocks, app.view().article_width());
    assert_eq!(app.view().article_lines(), whole.as_slice());
    let scroll = app.view().article_view(app.content());
    assert!(!scroll.partial && scroll.caption().ends_with('%'), "{}", scroll.caption());
}

#[test]
fn the_end_key_and_the_evidence_far_down_wrap_what_they_need() {
    let (_dir, mut app) = long_article_app(20_000);
    focus_on(&mut app, Pane::Article);
    apply(&mut app, key(KeyCode::End));
    let scroll = app.view().article_view(app.content());
    assert!(!scroll.partial, "End needs the end");
    assert_eq!(scroll.bottom(), scroll.rows, "the last row is on screen");

    let (_dir, mut app) = long_article_app(20_000);
    // Enter on the bar shows its sentence, at the article's very end.
    apply(&mut app, key(KeyCode::Enter));
    let place = app.content().data().unwrap().evidence_place(0).unwrap();
    let line = app.view().line_of(place.sentence);
    assert_eq!(app.view().article_lines()[line].block, place.sentence.block);
    let scroll = app.view().article_view(app.content());
    assert!((scroll.top..scroll.bottom()).contains(&app.view().row_of_line(app.content(), line)));
}
