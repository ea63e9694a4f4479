//! Single panes drawn for a tiny dataset and compared cell by cell with `Buffer::with_lines`:
//! a horizontal bar chart, a vertical one and the gauges. The app is rendered whole at a small
//! size and the pane's rectangle (from the layout) is cut out of the screen.

use crate::common;

use common::{TempDataset, fixture_app, press, region, render};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

/// A whole of 40 t and a part of 10 t (a quarter): one chart of both, one gauge of the part.
const TINY: &str = r#"
title = "Tiny"

[[metric]]
id = "whole"
label = "Whole"
value = 40
unit = "t"

[[metric]]
id = "part"
label = "Part"
value = 10
unit = "t"
part_of = "whole"

[[chart]]
title = "Load"
metrics = ["whole", "part"]
direction = "horizontal"

[[gauge]]
metric = "part"
"#;

#[test]
fn a_bar_chart_pane_draws_each_bar_to_scale_behind_its_label_and_value() {
    let data = TempDataset::new(TINY);
    let mut app = data.app(70, 18);
    let area = app.view().areas(app.content()).charts[0];
    let buffer = render(&app);
    // 32 columns of bar: the whole fills them, the part a quarter (8); the value is written
    // over the bar's start.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "╭ Load ──────────────────────── tonnes ╮",
        "│      ████████████████████████████████│",
        "│Whole 40 t████████████████████████████│",
        "│                                      │",
        "│      ████████                        │",
        "│Part  10 t████                        │",
        "╰──────────────────────────────────────╯",
    ]);
    assert_eq!(region(&buffer, area), expected);
    // The selected bar's label is reversed; the other's is not. Down moves the selection.
    let label = |buffer: &Buffer, row: u16| buffer[(area.x + 1, area.y + row)].modifier;
    assert!(label(&buffer, 2).contains(Modifier::REVERSED) && !label(&buffer, 5).contains(Modifier::REVERSED));
    press(&mut app, KeyCode::Down);
    let moved = render(&app);
    assert!(!label(&moved, 2).contains(Modifier::REVERSED) && label(&moved, 5).contains(Modifier::REVERSED));
    assert_eq!(region(&moved, area), expected, "the selection changes styles only");
}

#[test]
fn a_gauge_pane_draws_the_share_and_its_track() {
    let data = TempDataset::new(TINY);
    let app = data.app(70, 18);
    let area = app.view().areas(app.content()).gauges;
    // 10 t of 40 t: 25%, six of the track's 27 cells filled.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "╭ Shares ──────────────────────────────╮",
        "│  Part                                │",
        "│      25% ━━━━━━───────────────────── │",
        "│                                      │",
        "│                                      │",
        "│                                      │",
        "╰──────────────────────────────────────╯",
    ]);
    assert_eq!(region(&render(&app), area), expected);
}

#[test]
fn a_vertical_bar_chart_pane_stands_its_bars_on_their_labels() {
    // The vertical fixture: 50 Mt and 11.58 Mt, side by side.
    let app = fixture_app("vertical", 40, 16);
    let area = app.view().areas(app.content()).charts[0];
    let buffer = render(&app);
    // Ten rows of bar: 50 Mt fills them; 11.58 Mt is 2.32 rows, two full and a top of the
    // nearest eighth, three (`▃`). The value is written inside the bar, the label under it.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "╭ Freight ───────────────────── tonnes ╮",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████                    │",
        "│      ████████████ ▃▃▃▃▃▃▃▃▃▃▃▃       │",
        "│      ████████████ ████████████       │",
        "│      ███50 Mt████ ██11.58 Mt██       │",
        "│         Total     Cross-border       │",
        "╰──────────────────────────────────────╯",
    ]);
    assert_eq!(region(&buffer, area), expected);
}
