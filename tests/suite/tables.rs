//! Tables on screen (`[[chart]] kind = "table"`): metrics of several units as rows at 80x24 and
//! 200x50, CJK labels cut by display width, forty rows that scroll around the selection, `s`
//! and `S` sorting (the order checked cell by cell), Enter on a row, the table slide, exports,
//! and any dataset's table at any size without a panic.

use crate::common;

use common::{fixture, fixture_app, go_to_slide, present, press, region, render, screen};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

#[test]
fn a_table_of_three_units_reads_at_80x24_and_200x50() {
    let small = screen(&fixture_app("tables", 80, 24));
    insta::assert_snapshot!("tables_80x24", small);
    // At 80x24 the least wanted columns (the date, the sparkline) go, and the frame says so;
    // no value is cut.
    assert!(small.contains("Value Unit") && small.contains("Change│"), "{small}");
    assert!(small.contains(">4 million boxes") && small.contains("61.5 Mt") && small.contains("≈+13.5"), "{small}");
    assert!(small.contains("2 columns hidden"), "{small}");
    let large = screen(&fixture_app("tables", 200, 50));
    insta::assert_snapshot!("tables_200x50", large);
    // Every column at 200x50: the change since the previous point carries its bounds through.
    assert!(large.contains("As of") && large.contains("31 Dec 2024") && large.contains("≈+13.5"), "{large}");
    assert!(!large.contains("hidden"), "{large}");
}

#[test]
fn cjk_labels_are_cut_by_display_width_with_an_ellipsis() {
    let small = screen(&fixture_app("tables_cjk", 80, 24));
    insta::assert_snapshot!("tables_cjk_80x24", small);
    // Twelve columns: six characters, the sixth cut for the ellipsis.
    assert!(small.contains("│共建“一带一…  "), "{small}");
    insta::assert_snapshot!("tables_cjk_200x50", screen(&fixture_app("tables_cjk", 200, 50)));
}

#[test]
fn forty_rows_scroll_with_the_selection_and_say_which_rows_show() {
    let mut app = fixture_app("tables_forty", 80, 24);
    let first = screen(&app);
    insta::assert_snapshot!("tables_forty_80x24", first);
    // The file sorts it by value: the largest count first, and the table opens on it.
    assert!(first.contains("Value ▼") && first.contains("rows 1–14 of 40"), "{first}");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let paged = screen(&app);
    // Two pages of fourteen rows down: row 29 selected, the window centred on it.
    assert!(paged.contains("rows 22–35 of 40"), "{paged}");
    press(&mut app, KeyCode::End);
    let end = screen(&app);
    assert!(end.contains("rows 27–40 of 40") && end.contains("262.5 kt"), "the least tonnage last: {end}");
    insta::assert_snapshot!("tables_forty_200x50", screen(&fixture_app("tables_forty", 200, 50)));
}

#[test]
fn s_sorts_by_the_next_column_and_shift_s_reverses_keeping_the_selected_row() {
    let mut app = fixture_app("tables", 100, 30);
    let area = app.view().areas(app.content()).charts[0];
    let rows = |app: &coopdash::app::App| {
        let buffer = region(&render(app), area);
        Buffer::with_lines((1..5).map(|y| (0..44).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>()))
    };
    #[rustfmt::skip]
    let file_order = Buffer::with_lines([
        "│Metric             Value Unit            Ch",
        "│Containers hand…      >4 million boxes    >",
        "│Bulk cargo          61.5 Mt              ≈+",
        "│Berths                14                   ",
    ]);
    assert_eq!(rows(&app), file_order);
    press(&mut app, KeyCode::Char('s'));
    // By label, A to Z; the columns keep their places (each heading has room for an arrow).
    #[rustfmt::skip]
    let by_label = Buffer::with_lines([
        "│Metric ▲           Value Unit            Ch",
        "│Berths                14                   ",
        "│Bulk cargo          61.5 Mt              ≈+",
        "│Containers hand…      >4 million boxes    >",
    ]);
    assert_eq!(rows(&app), by_label);
    press(&mut app, KeyCode::Char('S'));
    #[rustfmt::skip]
    let reversed = Buffer::with_lines([
        "│Metric ▼           Value Unit            Ch",
        "│Containers hand…      >4 million boxes    >",
        "│Bulk cargo          61.5 Mt              ≈+",
        "│Berths                14                   ",
    ]);
    assert_eq!(rows(&app), reversed);
    press(&mut app, KeyCode::Char('s'));
    #[rustfmt::skip]
    let by_value = Buffer::with_lines([
        "│Metric           Value ▼ Unit            Ch",
        "│Containers hand…      >4 million boxes    >",
        "│Bulk cargo          61.5 Mt              ≈+",
        "│Berths                14                   ",
    ]);
    assert_eq!(rows(&app), by_value, "within each unit, in the order units come: no unit against another");
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Char('S'));
    // The selection stayed on its metric (the first row in the file), now at the top again,
    // and Down moves to the next row shown.
    let reversed_on = |app: &coopdash::app::App, row: u16| render(app)[(area.x + 2, area.y + row)].modifier;
    assert!(reversed_on(&app, 2).contains(Modifier::REVERSED), "{}", screen(&app));
    press(&mut app, KeyCode::Down);
    assert!(reversed_on(&app, 3).contains(Modifier::REVERSED) && !reversed_on(&app, 2).contains(Modifier::REVERSED));
    // Enter opens the selected row's metric, as on a bar.
    press(&mut app, KeyCode::Enter);
    let details = screen(&app);
    assert!(details.contains("61.5 Mt") && details.contains("Points"), "{details}");
}

#[test]
fn a_click_selects_the_row_under_it() {
    let mut app = fixture_app("tables_forty", 100, 30);
    press(&mut app, KeyCode::End);
    let pane = app.view().areas(app.content()).charts[0];
    let buffer = render(&app);
    let text_of = |y: u16| (pane.x..pane.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>();
    // A row of the window scrolled to the end: the click lands on what is drawn there.
    let y = (pane.top()..pane.bottom()).find(|&y| text_of(y).contains("1,100 kt")).expect("the row is shown");
    common::click(&mut app, pane.x + 3, y);
    assert!(screen(&app).contains("(6): 1,100 kt"), "{}", screen(&app));
}

#[test]
fn a_table_is_a_slide_in_the_generated_deck() {
    let mut app = fixture_app("tables", 100, 30);
    present(&mut app);
    go_to_slide(&mut app, "The port in figures");
    let text = screen(&app);
    insta::assert_snapshot!("tables_slide_100x30", text);
    assert!(text.contains("Containers handled") && text.contains("As of") && text.contains("Trend"), "{text}");
}

#[test]
fn a_table_exports_as_the_screen_draws_it() {
    let out = tempfile::tempdir().expect("a temp folder");
    for name in ["table.svg", "table.html", "table.txt"] {
        let path = out.path().join(name);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_coopdash"))
            .arg(fixture("tables"))
            .args(["--export", path.to_str().unwrap_or_default(), "--size", "100x30"])
            .env_remove("NO_COLOR")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("coopdash runs");
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(written.contains("Bulk cargo") && written.contains("Change"), "{name}: {written}");
    }
}

fn table_dataset(points: &[(u16, u8, f64, u8)]) -> String {
    common::history_metric(points)
        + "\n[[metric]]\nid = \"b\"\nlabel = \"共建“一带一路”合作文件\"\nvalue = 3\nunit = \"ports\"\n\
           [[metric]]\nid = \"c\"\nvalue = 0\n\
           [[chart]]\ntitle = \"T\"\nkind = \"table\"\nmetrics = [\"a\", \"b\", \"c\"]\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any history in a table of three units renders at any size, sorted by every column both
    /// ways, moved along, and as a slide, without a panic.
    #[test]
    fn any_table_renders_at_any_size(
        points in common::any_history(),
        width in 1u16..220,
        height in 1u16..60,
    ) {
        let (_data, mut app) = common::clean_app(&table_dataset(&points), width, height);
        for _ in 0..5 {
            press(&mut app, KeyCode::Char('s'));
            let _ = render(&app);
            press(&mut app, KeyCode::Char('S'));
            press(&mut app, KeyCode::End);
            let _ = render(&app);
        }
        present(&mut app);
        press(&mut app, KeyCode::Right);
        let _ = render(&app);
    }
}
