//! The layout at the sizes that matter, and at every size.
use ratatui::layout::Margin;

use super::*;

fn bundled_shape(focus: Pane) -> LayoutInput {
    LayoutInput {
        charts: vec![
            ChartShape { bars: 6, vertical: false, table: false },
            ChartShape { bars: 2, vertical: false, table: false },
        ],
        gauges: 4,
        focus,
        banner: 0,
    }
}

#[test]
fn at_80x24_everything_fits_side_by_side() {
    let areas = layout(Rect::new(0, 0, 80, 24), &bundled_shape(Pane::Chart(0)));
    assert_eq!(areas.screen, Screen::Split);
    // Six bars need six rows inside the border; two bars with a gap need three.
    assert!(areas.charts[0].height >= 8, "{:?}", areas.charts[0]);
    assert!(areas.charts[1].height >= 5, "{:?}", areas.charts[1]);
    assert!(areas.gauges.height >= 4);
    assert!(areas.article.width >= ARTICLE_MIN_WIDTH);
    assert_eq!(areas.detail.height, 1);
}

#[test]
fn a_large_screen_gets_a_detail_box_and_thick_bars() {
    let areas = layout(Rect::new(0, 0, 200, 50), &bundled_shape(Pane::Chart(0)));
    assert_eq!(areas.screen, Screen::Split);
    assert!(areas.detail_is_box);
    assert_eq!(areas.charts[0].height, 3 * 6 - 1 + 2);
    assert_eq!(areas.article.width, 80);
}

#[test]
fn the_left_column_ends_with_the_article_when_no_detail_box_fits() {
    let small = LayoutInput {
        charts: vec![
            ChartShape { bars: 2, vertical: false, table: false },
            ChartShape { bars: 2, vertical: false, table: false },
        ],
        gauges: 1,
        focus: Pane::Chart(0),
        banner: 0,
    };
    let areas = layout(Rect::new(0, 0, 80, 24), &small);
    assert_eq!(areas.screen, Screen::Split);
    assert!(!areas.detail_is_box);
    assert_eq!(areas.gauges.bottom(), areas.article.bottom(), "{areas:?}");
}

#[test]
fn a_narrow_screen_shows_the_focused_pane_alone() {
    let areas = layout(Rect::new(0, 0, 60, 20), &bundled_shape(Pane::Article));
    assert_eq!(areas.screen, Screen::Single);
    assert_eq!(areas.article, areas.body);
    assert_eq!(areas.charts[0], Rect::default());
}

#[test]
fn gauges_are_dropped_before_charts_are_squeezed() {
    let areas = layout(Rect::new(0, 0, 100, 16), &bundled_shape(Pane::Chart(0)));
    assert_eq!(areas.screen, Screen::Split);
    assert_eq!(areas.gauges, Rect::default());
    assert!(areas.charts[0].height >= 5);
}

#[test]
fn tiny_screens_are_too_small_and_never_panic() {
    for (w, h) in [(0, 0), (1, 1), (23, 6), (24, 5), (10, 100)] {
        let areas = layout(Rect::new(0, 0, w, h), &bundled_shape(Pane::Gauges));
        assert_eq!(areas.screen, Screen::TooSmall, "{w}x{h}");
    }
}

#[test]
fn every_area_lies_inside_the_screen() {
    for w in (0..=260).step_by(7) {
        for h in (0..=90).step_by(3) {
            let screen = Rect::new(0, 0, w, h);
            for focus in [Pane::Chart(0), Pane::Chart(1), Pane::Gauges, Pane::Article] {
                let mut input = bundled_shape(focus);
                input.banner = 3;
                let a = layout(screen, &input);
                for r in a.charts.iter().chain([&a.gauges, &a.article, &a.detail, &a.footer, &a.header, &a.banner]) {
                    assert!(
                        r.area() == 0 || screen.contains(r.as_position()) && r.right() <= w && r.bottom() <= h,
                        "{r:?} in {w}x{h}"
                    );
                }
            }
        }
    }
}

/// Rows the bundled first selection's details take in a box: borders, value, period, a note
/// of one line at these widths, quote and id.
const BUNDLED_DETAIL_BOX: u16 = 2 + 5;

#[test]
fn a_big_screen_gives_its_rows_to_the_charts_not_to_an_empty_detail_box() {
    let input = bundled_shape(Pane::Chart(0));
    let medium = layout(Rect::new(0, 0, 200, 50), &input);
    let big = layout(Rect::new(0, 0, 500, 140), &input);
    assert_eq!(big.screen, Screen::Split);
    for chart in 0..2 {
        assert!(big.charts[chart].height > medium.charts[chart].height, "{chart}: {big:?}");
    }
    // Thick bars: six bars use at least three fifths of what the left column has.
    let left_rows = big.body.height;
    assert!(big.charts[0].height * 5 >= left_rows * 3 / 2, "{big:?}");
    // All charts alike: bars as thick in the two-bar chart as in the six-bar one.
    let thickness = |rect: Rect, bars: usize| crate::geometry::bar_slots(bars, rect.inner(Margin::new(1, 1)), false, 0);
    assert_eq!(thickness(big.charts[0], 6).thickness, thickness(big.charts[1], 2).thickness);
    assert!(thickness(big.charts[0], 6).thickness >= 8, "{big:?}");
    // The box holds the fields with a few rows to spare, no more.
    assert!(big.detail_is_box);
    assert!(big.detail.height <= BUNDLED_DETAIL_BOX + 4, "{:?}", big.detail);
    assert!(big.detail.height >= BUNDLED_DETAIL_BOX, "{:?}", big.detail);
}

#[test]
fn bars_grow_a_level_at_a_time_with_the_screen() {
    let input = bundled_shape(Pane::Chart(0));
    let heights: Vec<u16> = [(80, 24), (120, 40), (200, 50), (250, 70), (500, 140), (1000, 300)]
        .iter()
        .map(|&(w, h)| layout(Rect::new(0, 0, w, h), &input).charts[0].height)
        .collect();
    assert!(heights.windows(2).all(|pair| pair[0] <= pair[1]), "{heights:?}");
    // 80x24 and 120x40 keep the screens they always had; 250x70 has four-row bars.
    assert_eq!(&heights[..2], &[9, 19], "{heights:?}");
    assert_eq!(heights[3], 6 * 4 + 5 * 2 + 2, "{heights:?}");
}

#[test]
fn what_the_panes_cannot_use_stays_empty_under_a_box_that_fits_its_fields() {
    // One bar on a tall screen: the chart stops at its thickest bar, the box at its fields.
    let one = LayoutInput {
        charts: vec![ChartShape { bars: 1, vertical: false, table: false }],
        gauges: 0,
        focus: Pane::Chart(0),
        banner: 0,
    };
    let areas = layout(Rect::new(0, 0, 300, 140), &one);
    assert!(areas.charts[0].height <= crate::geometry::MAX_BAR_ROWS + 2, "{areas:?}");
    assert!(areas.detail_is_box && areas.detail.height <= 11, "{areas:?}");
    assert_eq!(areas.detail.y, areas.charts[0].bottom());
}
