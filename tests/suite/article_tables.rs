//! Markdown tables in the article pane (tests/fixtures/article_tables): the grid at two pane
//! widths, Chinese cells aligned by display width, the `Header: value` fields of a narrow pane,
//! search and evidence landing on the right cells, and any table at any size.

use crate::common;

use common::{fixture_app, press, region, render, search, styled_region, text_app};
use coopdash::app::App;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

/// The rows of the article pane from the first that holds `from` to the first after it that
/// holds `to`, both included.
fn pane_rows(app: &App, from: &str, to: &str) -> (Rect, Buffer) {
    let area = app.view().areas(app.content()).article;
    let pane = region(&render(app), area);
    let row_text = |y: u16| (0..area.width).map(|x| pane[(x, y)].symbol().to_owned()).collect::<String>();
    let first = (0..area.height).find(|&y| row_text(y).contains(from)).unwrap_or_else(|| panic!("no {from}"));
    let last = (first..area.height).find(|&y| row_text(y).contains(to)).unwrap_or_else(|| panic!("no {to}"));
    let rows = Rect { x: area.x, y: area.y + first, width: area.width, height: last - first + 1 };
    (rows, region(&render(app), rows))
}

/// The article pane's rows as text, and each row's style marks (see `styled_region`).
fn article_pane(app: &App) -> String {
    styled_region(&render(app), app.view().areas(app.content()).article)
}

#[test]
fn an_80_column_pane_draws_the_table_as_a_grid_its_cells_wrapped_in_their_columns() {
    let app = fixture_app("article_tables", 200, 50);
    assert_eq!(app.view().areas(app.content()).article.width, 80);
    let (_, rows) = pane_rows(&app, "┌", "└");
    // Town and Harbour opened left, the counts right, Fish landed centred (`:--`, `--:`, `:-:`);
    // 109 columns of table shrunk to 78, in proportion, no word cut.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "│ ┌───────────┬─────────┬──────────┬──────────────────┬──────────────────────┐ │",
        "│ │ Town      │   Ferry │   Berths │   Fish landed    │ Harbour opened       │ │",
        "│ │           │  routes │          │                  │                      │ │",
        "│ ╞═══════════╪═════════╪══════════╪══════════════════╪══════════════════════╡ │",
        "│ │ Northby   │      14 │     more │     about 48     │ 1902, after the old  │ │",
        "│ │           │         │ than 120 │ thousand tonnes  │ pier burnt           │ │",
        "│ ├───────────┼─────────┼──────────┼──────────────────┼──────────────────────┤ │",
        "│ │ Eastholm  │       6 │       40 │   9.5 thousand   │ 1955                 │ │",
        "│ │           │         │          │      tonnes      │                      │ │",
        "│ ├───────────┼─────────┼──────────┼──────────────────┼──────────────────────┤ │",
        "│ │ Saltmarsh │       3 │       12 │       none       │ 2011                 │ │",
        "│ │ Quay      │         │          │                  │                      │ │",
        "│ ├───────────┼─────────┼──────────┼──────────────────┼──────────────────────┤ │",
        "│ │ Wick      │       1 │        8 │   a few boats'   │ 1870                 │ │",
        "│ │           │         │          │      worth       │                      │ │",
        "│ └───────────┴─────────┴──────────┴──────────────────┴──────────────────────┘ │",
    ]);
    assert_eq!(rows, expected);
}

#[test]
fn the_header_row_is_strong_and_the_rules_are_not() {
    let app = fixture_app("article_tables", 200, 50);
    let (area, _) = pane_rows(&app, "┌", "└");
    let marks: Vec<String> = styled_region(&render(&app), area).lines().skip(1).step_by(2).map(str::to_owned).collect();
    assert_eq!(marks[1], "....BBBB..........BBBBB.....BBBBBB.....BBBBBBBBBBB......BBBBBBBBBBBBBB");
    assert!(marks[0].is_empty() && marks[3].is_empty(), "rules are plain: {marks:?}");
    assert!(!marks[4].contains('B'), "a body row is not strong: {marks:?}");
}

#[test]
fn a_40_column_pane_draws_the_five_columns_as_fields_and_the_chinese_table_as_a_grid() {
    let mut app = fixture_app("article_tables", 100, 30);
    assert_eq!(app.view().areas(app.content()).article.width, 40);
    let (_, rows) = pane_rows(&app, "Town: Northby", "pier burnt");
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "│ Town: Northby                        ┃",
        "│ Ferry routes: 14                     ┃",
        "│ Berths: more than 120                ┃",
        "│ Fish landed: about 48 thousand       ┃",
        "│              tonnes                  ┃",
        "│ Harbour opened: 1902, after the old  │",
        "│                 pier burnt           │",
    ]);
    assert_eq!(rows, expected);
    search(&mut app, "四个港口");
    press(&mut app, KeyCode::Esc);
    let (_, rows) = pane_rows(&app, "┌", "└");
    // 44 columns of table in 37: each column shrinks, none below its least width; the cells
    // break between ideographs, never before `，`.
    #[rustfmt::skip]
    let expected = Buffer::with_lines([
        "│ ┌───────┬──────┬───────────────────┐ │",
        "│ │ 港口  │ 航线 │       说明        │ │",
        "│ ╞═══════╪══════╪═══════════════════╡ │",
        "│ │ 北港  │   14 │ 每周至少一班，全  │ ┃",
        "│ │       │      │      年通航       │ ┃",
        "│ ├───────┼──────┼───────────────────┤ ┃",
        "│ │ 东岛  │    6 │  冬季停航两个月   │ ┃",
        "│ ├───────┼──────┼───────────────────┤ ┃",
        "│ │ 盐滩  │    3 │      仅夏季       │ ┃",
        "│ │ 码头  │      │                   │ ┃",
        "│ └───────┴──────┴───────────────────┘ ┃",
    ]);
    assert_eq!(rows, expected);
}

#[test]
fn chinese_cells_line_up_by_display_width() {
    let app = fixture_app("article_tables", 200, 50);
    let (_, rows) = pane_rows(&app, "┌──────────┬", "└──────────┴");
    // The screen columns where each row has a rule or a border: the same in every row.
    let joints = |y: u16| -> Vec<u16> {
        (0..rows.area.width).filter(|&x| "│┌┐└┘├┤┬┴┼╞╡╪".contains(rows[(x, y)].symbol())).collect()
    };
    let first = joints(0);
    assert_eq!(first.len(), 6, "the pane's border, four rules, the border: {rows:?}");
    assert!((0..rows.area.height).all(|y| joints(y) == first), "{rows:?}");
    assert_eq!(rows.area.height, 7, "no row wraps at this width: {rows:?}");
    // A row of two-cell glyphs, padded to the column by display width.
    assert_eq!((rows[(4, 4)].symbol(), rows[(6, 4)].symbol(), rows[(8, 4)].symbol()), ("东", "岛", " "));
}

#[test]
fn search_finds_a_word_in_a_cell_scrolls_to_it_and_marks_that_cell() {
    let mut app = fixture_app("article_tables", 200, 24);
    search(&mut app, "wick");
    let pane = article_pane(&app);
    let rows: Vec<&str> = pane.lines().collect();
    let at = rows.iter().position(|r| r.contains("│ Wick ")).unwrap_or_else(|| panic!("scrolled to it:\n{pane}"));
    // The current match, `C`, under exactly the four cells of `Wick` in the first column.
    let column = rows[at].chars().position(|c| c == 'W').unwrap();
    assert_eq!(rows[at + 1], format!("{}CCCC", ".".repeat(column)), "{pane}");
    assert_eq!(pane.matches('C').count(), 4, "one match:\n{pane}");
}

#[test]
fn a_quote_in_a_cell_is_the_evidence_of_its_metric_with_the_badge_under_its_row() {
    let mut app = fixture_app("article_tables", 200, 50);
    press(&mut app, KeyCode::Tab); // the Berths chart: over 120, quoted as "more than 120"
    let pane = article_pane(&app);
    let rows: Vec<&str> = pane.lines().step_by(2).collect();
    let badge =
        rows.iter().position(|r| r.contains("↳ over 120 · Berths at Northby")).unwrap_or_else(|| panic!("{pane}"));
    assert!(rows[badge - 1].contains("│ than 120 │"), "under the row's last line:\n{pane}");
    assert!(rows[badge + 1].contains("├───"), "the next row follows:\n{pane}");
    let data = app.content().data().unwrap();
    let place = data.evidence_place(data.dataset.metric_index("berths").unwrap()).expect("the quote is found");
    let article = &data.article.as_ref().unwrap().article;
    let cell: String = article.blocks[place.sentence.block]
        .plain_text()
        .chars()
        .skip(place.sentence.start)
        .take(place.sentence.end - place.sentence.start)
        .collect();
    assert_eq!(cell, "more than 120", "the evidence is the cell, not the whole table");
}

#[test]
fn the_article_pane_with_tables_at_80x24() {
    let mut app = fixture_app("article_tables", 80, 24);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(article_pane(&app));
}

#[test]
fn the_article_pane_with_tables_at_200x50() {
    let app = fixture_app("article_tables", 200, 50);
    insta::assert_snapshot!(article_pane(&app));
}

fn table_markdown() -> impl Strategy<Value = String> {
    let cell = "[a-z 中文。，|*`\\\\é\u{301}👍🏽\u{1b}-]{0,16}";
    let delimiter = "[:]{0,1}-{1,3}[:]{0,1}";
    (1usize..7, prop::collection::vec(prop::collection::vec(cell, 0..8), 0..7), prop::collection::vec(delimiter, 7))
        .prop_map(|(columns, rows, delimiters)| {
            let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
            let header: Vec<String> = (0..columns).map(|c| format!("head {c}")).collect();
            let mut text = format!("Intro.\n\n{}\n{}\n", line(&header), line(&delimiters[..columns]));
            for row in rows {
                text.push_str(&line(&row));
                text.push('\n');
            }
            text + "\nAfter."
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any table in the article, at any size, scrolled through and searched: no panic, and
    /// nothing drawn outside the screen.
    #[test]
    fn any_table_renders_at_any_size(article in table_markdown(), width in 1u16..160, height in 1u16..50) {
        let dataset = "title = \"T\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nvalue = 1\nunit = \"\"\nquote = \"head 0\"\n";
        let mut app = text_app(dataset, &article, width, height);
        press(&mut app, KeyCode::Tab);
        for _ in 0..3 {
            let _ = render(&app);
            press(&mut app, KeyCode::PageDown);
        }
        search(&mut app, "a");
        let buffer = render(&app);
        prop_assert_eq!(buffer.area, Rect::new(0, 0, width, height));
    }
}
