//! Line charts on screen: the yearly points of a count over a time axis at 80x24 and 200x50,
//! a single point, points spanning decades, bound points and their legend, the selected point
//! that `←` `→` move, the slide of a line chart, and any history at any size without a panic.

use crate::common;

use common::{fixture_app, go_to_slide, present, press, render, screen};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn ten_yearly_points_and_a_single_point_read_as_line_charts_at_80x24_and_200x50() {
    insta::assert_snapshot!("lines_80x24", screen(&fixture_app("lines", 80, 24)));
    insta::assert_snapshot!("lines_200x50", screen(&fixture_app("lines", 200, 50)));
}

#[test]
fn points_spanning_decades_are_labelled_by_year_and_bounds_are_explained() {
    let small = screen(&fixture_app("decades", 80, 24));
    insta::assert_snapshot!("decades_80x24", small);
    let large = screen(&fixture_app("decades", 200, 50));
    insta::assert_snapshot!("decades_200x50", large);
    assert!(large.contains("1990") && large.contains("2024"), "{large}");
    assert!(!large.contains("Dec 1990"), "years, not months, over three decades: {large}");
    // Each kind of bound the points carry is said in the legend, with its mark.
    assert!(large.contains("⡇ ≈ about: near it") && large.contains("⡇ > over: may be higher"), "{large}");
}

#[test]
fn the_selected_point_shows_its_exact_date_and_value_and_left_right_move_along_the_points() {
    let mut app = fixture_app("lines", 100, 30);
    // The chart opens on its latest point.
    assert!(screen(&app).contains("31 Dec 2024: over 4 million boxes (10 of 10)"));
    press(&mut app, KeyCode::Left);
    assert!(screen(&app).contains("31 Dec 2023: 3.3 million boxes (9 of 10)"), "{}", screen(&app));
    press(&mut app, KeyCode::Home);
    assert!(screen(&app).contains("31 Dec 2015: 1.2 million boxes (1 of 10)"));
    press(&mut app, KeyCode::Right);
    assert!(screen(&app).contains("31 Dec 2016: 1.35 million boxes (2 of 10)"));
    // The details follow the selected point's metric.
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Points"), "{}", screen(&app));
}

#[test]
fn a_single_point_sits_in_the_middle_under_its_date() {
    let app = fixture_app("lines", 200, 50);
    let text = screen(&app);
    assert!(text.contains("31 Dec 2024: 0.9 million boxes · Transhipped"), "{text}");
    let label_row = text.lines().find(|l| l.contains("31 Dec 2024") && !l.contains(':')).expect("a date label");
    let point_row = text.lines().skip_while(|l| !l.contains("· Transhipped")).find(|l| l.contains('█')).unwrap_or("");
    let label_middle = label_row.find("31 Dec 2024").unwrap_or(0) + 5;
    let point = point_row.find('█').unwrap_or(usize::MAX);
    // Byte offsets of the same characters before them: both rows start with the same frame.
    assert!(point.abs_diff(label_middle) <= 8, "point at {point}, label's middle at {label_middle}:\n{text}");
}

#[test]
fn a_line_chart_is_one_slide_with_its_legend() {
    let mut app = fixture_app("decades", 100, 30);
    present(&mut app);
    go_to_slide(&mut app, "Freight over three decades");
    let text = screen(&app);
    insta::assert_snapshot!("decades_slide_100x30", text);
    assert!(text.contains("━ Freight, total") && text.contains("━ Freight in transit"), "{text}");
}

fn line_dataset(points: &[(u16, u8, f64, u8)]) -> String {
    common::history_metric(points)
        + "\n[[metric]]\nid = \"b\"\nvalue = 3\nunit = \"Mt\"\nas_of = 2000-01-01\n[[chart]]\ntitle = \"L\"\nkind = \"line\"\nmetrics = [\"a\", \"b\"]\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any history in a line chart (one point or many, spanning a day or centuries, zeros,
    /// bounds) renders at any size, on the dashboard, moved along and as a slide, without a panic.
    #[test]
    fn any_history_in_a_line_chart_renders_at_any_size(
        points in common::any_history(),
        width in 1u16..220,
        height in 1u16..60,
    ) {
        let (_data, mut app) = common::clean_app(&line_dataset(&points), width, height);
        let _ = render(&app);
        press(&mut app, KeyCode::Home);
        press(&mut app, KeyCode::Right);
        let _ = render(&app);
        present(&mut app);
        press(&mut app, KeyCode::Right);
        let _ = render(&app);
    }
}
