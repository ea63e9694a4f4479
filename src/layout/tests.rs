//! The layout at the sizes that matter, and at every size.
use super::*;

fn bundled_shape(focus: Pane) -> LayoutInput {
    LayoutInput {
        charts: vec![ChartShape { bars: 6, vertical: false }, ChartShape { bars: 2, vertical: false }],
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
        charts: vec![ChartShape { bars: 2, vertical: false }, ChartShape { bars: 2, vertical: false }],
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
