//! Histories on screen: the sparkline beside a bar (its cells, its bound points, the points a
//! reload added), the details' list of points, and any history at any size without a panic.

use crate::common;

use common::{TempDataset, fixture_app, press, reload, render, screen};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

#[test]
fn ten_yearly_points_read_as_a_sparkline_beside_their_bar_at_80x24_and_200x50() {
    insta::assert_snapshot!("yearly_80x24", screen(&fixture_app("yearly", 80, 24)));
    insta::assert_snapshot!("yearly_200x50", screen(&fixture_app("yearly", 200, 50)));
}

/// The cells of the row holding `text`, from its column on, `width` of them.
fn cells_after(buffer: &ratatui::buffer::Buffer, text: &str, width: u16) -> Vec<(String, bool)> {
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
        if let Some(byte) = row.find(text) {
            let x = u16::try_from(row[..byte].chars().count()).unwrap();
            return (x..x + width)
                .map(|x| {
                    let cell = &buffer[(x, y)];
                    (cell.symbol().to_owned(), cell.modifier.contains(Modifier::UNDERLINED))
                })
                .collect();
        }
    }
    panic!("no row holds {text:?}");
}

#[test]
fn the_sparkline_is_scaled_from_zero_and_underlines_its_bound_point() {
    let app = fixture_app("yearly", 80, 24);
    let cells = cells_after(&render(&app), "▂▃▃▄▄▃▅▆▇█", 10);
    let underlined: Vec<bool> = cells.iter().map(|(_, u)| *u).collect();
    // 1.2 of 4 million boxes is two eighths of a cell; the last point, "over 4", is a bound.
    assert_eq!(underlined, [false, false, false, false, false, false, false, false, false, true]);
    assert!(screen(&app).contains("underlined point: a bound"), "the frame says what the mark means");
}

const BEFORE: &str = "title = \"T\"\n[[metric]]\nid = \"cargo\"\nlabel = \"Cargo\"\nunit = \"Mt\"\nhistory = [\n\
    { date = 2020-01-01, value = 10, source = \"https://a\" },\n\
    { date = 2022-01-01, value = 30, source = \"https://a\" },\n]\n\
    [[metric]]\nid = \"other\"\nlabel = \"Another tonnage, with a long label\"\nvalue = 5\nunit = \"Mt\"\n";

#[test]
fn a_reload_that_adds_a_point_highlights_it_in_the_sparkline() {
    let data = TempDataset::new(BEFORE);
    let mut app = data.app(80, 24);
    let added = "  { date = 2023-01-01, value = 30, source = \"https://a\" },\n]\n[[metric]]\nid = \"other\"";
    data.write(&BEFORE.replacen("]\n[[metric]]\nid = \"other\"", added, 1));
    reload(&mut app);
    let buffer = render(&app);
    let text = screen(&app);
    assert!(text.contains("Cargo new point 1 Jan 2023"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let y = lines.iter().position(|l| l.contains("│Cargo")).unwrap() as u16;
    assert!(lines[usize::from(y)].contains(" ▃██│"), "{}", lines[usize::from(y)]);
    // The added point (the last) has the highlight of changed values; the one before it not.
    let last = (0..80).rev().find(|&x| buffer[(x, y)].symbol() == "█").unwrap();
    assert!(buffer[(last, y)].modifier.contains(Modifier::REVERSED), "the added point stands out");
    assert!(!buffer[(last - 1, y)].modifier.contains(Modifier::REVERSED), "the old point does not");
}

#[test]
fn details_list_every_point_with_its_date_change_and_source() {
    let mut app = fixture_app("yearly", 100, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(text.contains("from 20 Mt on 31 Dec 2015 to 61.5 Mt on 31 Dec"), "{text}");
    assert!(text.contains("2024: +41.5 Mt (4 points)"), "first to last: {text}");
    assert!(text.contains("30 Jun 2018: 33.25 Mt (+13.25 Mt) · The date"), "point to point: {text}");
    // Bounds carried through: from about 48 Mt, the change is about as well.
    assert!(text.contains("31 Dec 2024: 61.5 Mt (about +13.5 Mt)"), "{text}");
    assert!(text.contains("https://harbour.example/2018-mid"), "each point's source: {text}");
    insta::assert_snapshot!("yearly_cargo_details", text);
}

#[test]
fn a_long_history_scrolls_in_the_details_window_at_80x24_to_its_last_point_and_source() {
    let mut app = fixture_app("yearly", 80, 24);
    press(&mut app, KeyCode::Enter);
    let first = screen(&app);
    assert!(first.contains("PgDn more") && !first.contains("Id      containers"), "{first}");
    for _ in 0..10 {
        press(&mut app, KeyCode::PageDown);
    }
    let last = screen(&app);
    assert!(last.contains("Id      containers") && last.contains("PgUp back"), "{last}");
    assert!(last.contains("https://harbour.example/2023"), "every point's source can be reached: {last}");
    press(&mut app, KeyCode::PageUp);
    assert!(screen(&app).contains("PgDn more"), "and back");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), first, "a window opens at its top");
}

fn history_dataset(points: &[(u16, u8, f64, u8)]) -> String {
    common::history_metric(points) + "\n[[metric]]\nid = \"b\"\nvalue = 3\nunit = \"Mt\"\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any history (one point or many, spanning a day or centuries, zeros, bounds) renders at
    /// any size, details open, without a panic.
    #[test]
    fn any_history_renders_at_any_size(
        points in common::any_history(),
        width in 1u16..220,
        height in 1u16..60,
    ) {
        let (_data, mut app) = common::clean_app(&history_dataset(&points), width, height);
        let _ = render(&app);
        press(&mut app, KeyCode::Enter);
        let _ = render(&app);
    }
}
