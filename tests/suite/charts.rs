//! Charts on datasets unlike the bundled one (tests/fixtures): every value can be read, bars
//! are as long as their values, long labels are shown whole, and no slide drops a bar.

use crate::common;

use common::{fixture_app, go_to_slide_number, present, press, render, screen, slide_count, text_app};
use coopdash::app::App;
use coopdash::export::rgb;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// WCAG's contrast ratio of two colours, with the theme's export colours for the defaults.
fn contrast(app: &App, fg: Color, bg: Color) -> f64 {
    let luminance = |color: Color, default: Color| {
        let (r, g, b) = rgb(color, default);
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let (a, b) = (luminance(fg, app.view().theme().export_fg), luminance(bg, app.view().theme().export_bg));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The cells of `area`'s row `y` as a string, and the column each character starts at.
fn row(buffer: &Buffer, area: Rect, y: u16) -> (String, Vec<u16>) {
    let (mut text, mut columns) = (String::new(), Vec::new());
    for x in area.left()..area.right() {
        let symbol = buffer[(x, y)].symbol();
        for _ in symbol.chars() {
            columns.push(x);
        }
        text.push_str(symbol);
    }
    (text, columns)
}

/// Each chart pane's values, found on screen: (the value's cells, its row). Panics if a
/// value of a shown bar is not on screen whole.
fn value_cells(app: &App, buffer: &Buffer) -> Vec<(Vec<u16>, u16)> {
    let loaded = app.content().data().expect("the fixture loads");
    let panes = loaded.dataset.charts.iter().zip(app.view().areas(app.content()).charts);
    panes.flat_map(|(chart, pane)| values_in(app, buffer, pane, &chart.metrics)).collect()
}

/// The cells of the values of `members` in `area`, each on a row with its metric's label.
fn values_in(app: &App, buffer: &Buffer, area: Rect, members: &[usize]) -> Vec<(Vec<u16>, u16)> {
    let metrics = &app.content().data().expect("the fixture loads").dataset.metrics;
    members
        .iter()
        .map(|&m| {
            let (text, label) = (metrics[m].short_value(), &metrics[m].label);
            let hit = (area.top()..area.bottom()).find_map(|y| {
                let (line, columns) = row(buffer, area, y);
                let at = line.find(label.as_str())?;
                let value = line[at + label.len()..].find(&text)? + at + label.len();
                let chars = line[..value].chars().count();
                Some((columns[chars..chars + text.chars().count()].to_vec(), y))
            });
            hit.unwrap_or_else(|| panic!("`{label}` and `{text}` are not on one row of {area:?}"))
        })
        .collect()
}

/// Asserts that each value's cells share one style of at least 4.5:1.
fn readable(app: &App, buffer: &Buffer, values: Vec<(Vec<u16>, u16)>, what: &str) {
    for (cells, y) in values {
        let styles: Vec<_> = cells.iter().map(|&x| (buffer[(x, y)].fg, buffer[(x, y)].bg)).collect();
        assert!(styles.windows(2).all(|w| w[0] == w[1]), "{what}: a value split in two styles at row {y}: {styles:?}");
        let (fg, bg) = styles[0];
        let ratio = contrast(app, fg, bg);
        assert!(ratio >= 4.5, "{what}: a value at row {y} has a contrast of {ratio:.2}");
    }
}

#[test]
fn every_value_is_whole_and_readable_on_what_is_behind_it() {
    // Tonnages from 8 t to 48.6 Mt: values inside long bars, after short ones.
    for (width, height) in [(80, 24), (100, 30), (200, 50)] {
        let mut app = text_app(include_str!("../fixtures/tonnages/metrics.toml"), "", width, height);
        let buffer = render(&app);
        readable(&app, &buffer, value_cells(&app, &buffer), &format!("{width}x{height}"));
        // The same on the chart slides (the first two after the title).
        present(&mut app);
        let charts: Vec<Vec<usize>> =
            app.content().data().unwrap().dataset.charts.iter().map(|c| c.metrics.clone()).collect();
        for (index, members) in charts.iter().enumerate() {
            go_to_slide_number(&mut app, index + 1);
            let buffer = render(&app);
            let values = values_in(&app, &buffer, buffer.area, members);
            readable(&app, &buffer, values, &format!("slide {} at {width}x{height}", index + 2));
        }
    }
}

/// The columns of bar (in eighths) drawn on `y` from column `from`, counting block glyphs.
fn bar_eighths(buffer: &Buffer, from: u16, to: u16, y: u16) -> u32 {
    const EIGHTHS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];
    (from..to)
        .filter_map(|x| EIGHTHS.iter().position(|&e| e == buffer[(x, y)].symbol()).map(|i| i as u32 + 1))
        .sum::<u32>()
}

#[test]
fn bars_are_exact_to_an_eighth_of_a_cell_so_18_and_17_differ_at_80x24() {
    // Counts as close as the bundled ties: 28, 25, 18, 17, 12, 9.
    let app = fixture_app("close", 80, 24);
    let buffer = render(&app);
    let pane = app.view().areas(app.content()).charts[0];
    let length = |value: &str| {
        let y = (pane.top()..pane.bottom())
            .find(|&y| row(&buffer, pane, y).0.contains(&format!(" {value}█")))
            .unwrap_or_else(|| panic!("no bar of {value}"));
        bar_eighths(&buffer, pane.left(), pane.right(), y) + 8 * value.len() as u32
    };
    let (l28, l18, l17) = (length("28"), length("18"), length("17"));
    assert_ne!(l18, l17, "18 and 17 draw the same bar");
    // Each within half an eighth of its share of the longest.
    for (value, l) in [(18.0, l18), (17.0, l17)] {
        let exact = value / 28.0 * f64::from(l28);
        assert!((f64::from(l) - exact).abs() <= 1.0, "{value}: {l} eighths, {exact:.1} exact");
    }
}

#[test]
fn a_value_too_small_to_see_still_has_a_sliver_and_the_chart_says_so() {
    // The sorted fixture's second chart: 24 tonnages from 8 t to 48.6 Mt to scale.
    let app = fixture_app("sorted", 120, 40);
    let buffer = render(&app);
    let pane = app.view().areas(app.content()).charts[1];
    let text = screen(&app);
    // The eight tonnes and 95 kt are each under an eighth of a cell beside 48.6 Mt, shown or not.
    assert!(text.contains("9 bars too small to see"), "{text}");
    for y in pane.top() + 1..pane.bottom() - 1 {
        let (line, _) = row(&buffer, pane, y);
        if line.contains(" t ") || line.trim_end().ends_with(" t│") {
            assert!(bar_eighths(&buffer, pane.left() + 1, pane.right() - 1, y) >= 1, "no sliver: {line}");
        }
    }
    // The log chart shows the same values with no such words: every bar is long enough.
    let log = app.view().areas(app.content()).charts[0];
    let bottom = row(&buffer, log, log.bottom() - 1).0;
    assert!(!bottom.contains("too small"), "{bottom}");
    assert!(row(&buffer, log, log.top()).0.contains("log scale"));
}

#[test]
fn a_chart_mixing_tonnage_units_shows_each_as_written_and_scales_in_tonnes() {
    let app = fixture_app("magnitudes", 200, 50);
    let text = screen(&app);
    for written in ["8,200 kt", "3,250.5 kt", "412.25 kt", "48.6 Mt", "22.75 Mt", "12.5 t"] {
        assert!(text.contains(written), "`{written}` is not shown as written:\n{text}");
    }
    assert!(!text.contains("~"), "no value is converted and rounded");
    // 8,200 kt (8.2 Mt) is the kilotonnes chart's longest bar: scaled in tonnes, not in its number.
    let buffer = render(&app);
    let pane = app.view().areas(app.content()).charts[1];
    let length = |label: &str| {
        let y = (pane.top()..pane.bottom()).find(|&y| row(&buffer, pane, y).0.contains(label)).unwrap();
        bar_eighths(&buffer, pane.left() + 1, pane.right() - 1, y)
    };
    assert!(length("Coal, by road") > length("Fruit"), "8,200 kt is longer than 3,250.5 kt");
}

#[test]
fn long_labels_are_whole_where_the_screen_has_room() {
    let app = fixture_app("forty", 200, 50);
    let text = screen(&app);
    let loaded = app.content().data().unwrap();
    for &m in &loaded.dataset.charts[0].metrics {
        let label = &loaded.dataset.metrics[m].label;
        assert!(text.contains(label.as_str()), "`{label}` is cut at 200 columns:\n{text}");
    }
    // At 80x24 a label too long for its chart is whole in the line under the charts.
    let mut app = fixture_app("forty", 80, 24);
    for _ in 0..5 {
        let selected = app.view().selected_item(app.content());
        let text = screen(&app);
        let label = match selected {
            Some(coopdash::app::Item::Metric(m)) => app.content().data().unwrap().dataset.metrics[m].label.clone(),
            other => panic!("a metric is selected, not {other:?}"),
        };
        assert!(text.contains(&label), "`{label}` is not whole at 80x24:\n{text}");
        press(&mut app, KeyCode::Down);
    }
}

#[test]
fn upright_bars_lie_down_where_their_values_would_not_fit_across_them() {
    // At 80x24 a column is narrower than `3,250.5 kt`: the bars lie down, each value whole on
    // its label's row (value_cells panics otherwise), and a click lands on the bar drawn there.
    let mut app = fixture_app("upright", 80, 24);
    let buffer = render(&app);
    assert_eq!(value_cells(&app, &buffer).len(), 6);
    let pane = app.view().areas(app.content()).charts[0];
    let y = (pane.top()..pane.bottom()).find(|&y| row(&buffer, pane, y).0.contains("Depot 3")).unwrap();
    common::click(&mut app, pane.x + 3, y);
    assert!(screen(&app).contains("▸ Depot 3: 860 t"), "{}", screen(&app));
    // At 120x30 they stand, every value whole over or inside its bar.
    let app = fixture_app("upright", 120, 30);
    let text = screen(&app);
    assert!(text.contains("Depot 0    Depot 1"), "upright: labels side by side under the bars\n{text}");
    for value in ["3,250.5 kt", "48.6 Mt", "8 t", "860 t", "1.75 Mt", "412.25 kt"] {
        assert!(text.contains(value), "`{value}` is not whole:\n{text}");
    }
}

/// Every bar of every chart is on some slide of the deck at this size: its label and value
/// on one row.
fn every_bar_is_on_a_slide(fixture: &str, width: u16, height: u16) {
    let mut app = fixture_app(fixture, width, height);
    present(&mut app);
    let screens: Vec<String> = (0..slide_count(&app))
        .map(|index| {
            go_to_slide_number(&mut app, index);
            screen(&app)
        })
        .collect();
    let loaded = app.content().data().unwrap();
    for chart in &loaded.dataset.charts {
        for &m in &chart.metrics {
            let metric = &loaded.dataset.metrics[m];
            // Slides cut long labels: their first 20 characters name them in these fixtures.
            let label: String = metric.label.chars().take(20).collect();
            let value = format!(" {}", metric.short_value());
            let shown = screens.iter().any(|s| s.lines().any(|l| l.contains(&label) && has_value(l, &value)));
            assert!(shown, "{fixture} at {width}x{height}: `{}` ({value}) is on no slide", metric.label);
        }
    }
}

/// Whether `line` holds `value` as a whole number (not the start of a longer one).
fn has_value(line: &str, value: &str) -> bool {
    line.match_indices(value).any(|(at, _)| {
        let next = line[at + value.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

#[test]
fn no_slide_drops_a_bar_at_80x24_or_larger() {
    for (width, height) in [(80, 24), (100, 30), (200, 50)] {
        every_bar_is_on_a_slide("forty", width, height);
        every_bar_is_on_a_slide("sorted", width, height);
    }
    // The 24 bars continue over three slides, each saying which it is.
    let mut app = fixture_app("sorted", 80, 24);
    present(&mut app);
    let headings: Vec<&str> = app.content().deck().iter().map(|s| s.title.as_str()).collect();
    assert!(headings.contains(&"Every depot, 1 of 3") && headings.contains(&"Every depot, 3 of 3"), "{headings:?}");
}
