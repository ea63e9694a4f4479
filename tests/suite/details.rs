//! The details window (Enter) and the dock under the charts: the window never covers the
//! sentence and badge it points at, and the hints offer only what is there.

use crate::common;

use common::{fixture, press, render, text_app};
use coopdash::app::App;
use coopdash::layout::article_text_area;
use coopdash::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

/// The app on a fixture, in the colour theme (where the highlighted sentence has its own
/// background).
fn coloured(name: &str, width: u16, height: u16) -> App {
    let path = fixture(name);
    let dataset = std::fs::read_to_string(&path).expect("the fixture reads");
    let article = std::fs::read_to_string(path.with_file_name("article.md")).expect("its article reads");
    text_app(&dataset, &article, width, height)
}

/// The rows of the article's text that show the highlighted sentence or its badge, each as its
/// row number and text.
fn kept_rows(app: &App, buffer: &Buffer) -> Vec<(u16, String)> {
    let pane = app.view().areas(app.content()).article;
    if pane.is_empty() {
        return Vec::new();
    }
    let text = article_text_area(pane);
    let evidence = Theme::dark().evidence.bg.expect("the highlighted sentence has a background");
    (text.top()..text.bottom())
        .filter_map(|y| {
            let cells: Vec<_> = (text.left()..text.right()).map(|x| &buffer[(x, y)]).collect();
            let row: String = cells.iter().map(|c| c.symbol()).collect();
            let kept = row.contains('↳') || cells.iter().any(|c| c.bg == evidence);
            kept.then_some((y, row))
        })
        .collect()
}

const SIZES: [(u16, u16); 8] = [(80, 24), (100, 30), (120, 40), (200, 50), (60, 24), (60, 16), (70, 16), (40, 12)];

#[test]
fn the_details_window_leaves_the_sentence_and_its_badge_in_sight() {
    let mut checked = 0;
    for (width, height) in SIZES {
        // From the charts, and from the article (Shift-Tab from the first chart), where on a
        // narrow screen the article fills the body.
        for from_article in [false, true] {
            for chart in 0..2 {
                for bar in 0..4 {
                    let mut app = coloured("longread", width, height);
                    for _ in 0..chart {
                        press(&mut app, KeyCode::Tab);
                    }
                    for _ in 0..bar {
                        press(&mut app, KeyCode::Down);
                    }
                    if from_article {
                        for _ in 0..=chart {
                            press(&mut app, KeyCode::BackTab);
                        }
                    }
                    press(&mut app, KeyCode::Enter);
                    let open = render(&app);
                    press(&mut app, KeyCode::Esc);
                    let closed = render(&app);
                    let kept = kept_rows(&app, &closed);
                    if !kept.iter().any(|(_, row)| row.contains('↳')) {
                        // No badge on screen (the article is hidden behind a chart): nothing to
                        // cover.
                        continue;
                    }
                    let case = format!("{width}x{height}, chart {chart}, bar {bar}, from the article: {from_article}");
                    assert!(kept.len() >= 2, "{case}: the sentence and its badge show: {kept:?}");
                    assert_eq!(kept_rows(&app, &open), kept, "{case}: the window hides none of them");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} cases showed a badge");
}

#[test]
fn enter_is_offered_only_when_the_window_shows_more_than_the_dock() {
    // At 200x50 the box under the single metric's chart shows every field: nothing more to open.
    let app = common::fixture_app("single", 200, 50);
    let text = common::screen(&app);
    assert!(text.contains("╭ Visitors in the first year") && text.contains("Id      visitors"), "{text}");
    assert!(!text.contains("Enter: more") && !text.contains("Enter details"), "{text}");
    // A one-line dock leaves out the field names and the id: the window shows more.
    for (width, height) in [(60, 20), (70, 12)] {
        let text = common::screen(&common::fixture_app("single", width, height));
        assert!(text.contains("Enter details"), "{width}x{height}:\n{text}");
    }
    // A box too short for a long note offers the rest.
    let note = "A note far longer than any detail box has room for. ".repeat(12);
    let dataset = common::TempDataset::new(&format!(
        "title = \"Long note\"\n\n[[metric]]\nid = \"a\"\nlabel = \"A\"\nvalue = 3\nnote = \"{note}\"\n"
    ));
    let text = common::screen(&dataset.app(100, 30));
    assert!(text.contains("Enter: more") && text.contains("Enter details"), "{text}");
}

#[test]
fn the_window_offers_other_metrics_only_when_there_are_others() {
    let mut alone = common::fixture_app("single", 100, 30);
    press(&mut alone, KeyCode::Enter);
    let text = common::screen(&alone);
    assert!(text.contains("Esc close") && !text.contains("other metrics"), "{text}");
    let mut many = common::fixture_app("longread", 100, 30);
    press(&mut many, KeyCode::Enter);
    let text = common::screen(&many);
    assert!(text.contains("↑↓ other metrics · Esc close"), "{text}");
}

/// The marks before values, with the words the legends give them.
const MARKS: [(char, &str); 5] = [('>', "over"), ('<', "under"), ('≥', "at least"), ('≤', "at most"), ('≈', "about")];

#[test]
fn every_mark_a_pane_draws_is_explained_on_its_frame() {
    let mut explained = 0;
    for name in ["bounds", "chinese", "single", "tonnages"] {
        for (width, height) in [(80, 24), (100, 30), (200, 50)] {
            let app = common::fixture_app(name, width, height);
            let buffer = render(&app);
            let areas = app.view().areas(app.content());
            for pane in areas.charts.iter().chain([&areas.gauges]).filter(|p| p.height >= 3) {
                let row = |y: u16| (pane.left()..pane.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>();
                let inside: String = (pane.top() + 1..pane.bottom() - 1).map(row).collect();
                let frame = row(pane.bottom() - 1);
                let chars: Vec<char> = inside.chars().collect();
                for (mark, words) in MARKS {
                    let used = chars.windows(2).any(|w| w[0] == mark && w[1].is_ascii_digit());
                    if used {
                        let legend = format!("{mark} {words}");
                        assert!(
                            frame.contains(&legend),
                            "{name} {width}x{height}: `{legend}` under\n{inside}\n{frame}"
                        );
                        explained += 1;
                    }
                }
            }
        }
    }
    assert!(explained >= 10, "only {explained} marks were drawn");
}

#[test]
fn the_details_say_what_a_mark_means_in_words() {
    let mut app = common::fixture_app("bounds", 100, 30);
    press(&mut app, KeyCode::Enter);
    let text = common::screen(&app);
    assert!(text.contains("Value   at least 120 Mt"), "{text}");
    assert!(text.contains("Bound   ≥ means at least: 120 Mt or more"), "{text}");
    // A share is bounded by its figures: the window says which.
    let mut app = common::fixture_app("chinese", 100, 30);
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Enter);
    let text = common::screen(&app);
    assert!(text.contains("≤ means at most: its whole is over 50 Mt"), "{text}");
}
