//! Markdown tables: what the parser makes of one, and how it is laid out for a width.

use proptest::prelude::*;

use super::*;
use crate::text::width::width;

const SMALL: &str = "Before.\n\n| Year | Freight | Note |\n| :-- | --: | :-: |\n| 2022 | 11.2 Mt | first |\n| 2024 | over 50 Mt | a bound |\n\nAfter.";

fn rows(markdown: &str, width: usize) -> Vec<String> {
    let article = Article::from_markdown(markdown);
    wrap(&article.blocks, width).iter().map(|l| l.text(&article.blocks, width)).collect()
}

fn table(article: &Article) -> &Table {
    article.blocks.iter().find_map(|b| if let BlockKind::Table(t) = &b.kind { Some(&**t) } else { None }).unwrap()
}

#[test]
fn a_table_is_one_block_of_its_cells_a_line_break_apart() {
    let article = Article::from_markdown(SMALL);
    assert_eq!(article.blocks.len(), 3);
    let block = &article.blocks[1];
    assert_eq!(block.plain_text(), "Year\nFreight\nNote\n2022\n11.2 Mt\nfirst\n2024\nover 50 Mt\na bound");
    let table = table(&article);
    assert_eq!(table.aligns, [Align::Left, Align::Right, Align::Center]);
    assert_eq!(table.natural, [4, 10, 7]);
    assert_eq!(table.words, [4, 7, 5], "the longest words: Year, Freight, bound");
    assert_eq!((table.rows[2][1].offset, table.rows[2][1].chars), (42, 10));
    let header: Vec<bool> = block.runs[table.rows[0][0].runs.clone()].iter().map(|r| r.style.strong).collect();
    assert_eq!(header, [true], "the header is strong");
    assert!(block.runs[table.rows[1][0].runs.clone()].iter().all(|r| !r.style.strong));
}

#[test]
fn columns_are_aligned_as_the_delimiter_row_says_inside_box_rules() {
    assert_eq!(
        rows(SMALL, 40),
        [
            "Before.",
            "",
            "┌──────┬────────────┬─────────┐",
            "│ Year │    Freight │  Note   │",
            "╞══════╪════════════╪═════════╡",
            "│ 2022 │    11.2 Mt │  first  │",
            "│ 2024 │ over 50 Mt │ a bound │",
            "└──────┴────────────┴─────────┘",
            "",
            "After.",
        ]
    );
}

#[test]
fn a_table_wider_than_the_pane_wraps_its_cells_with_rules_between_rows() {
    assert_eq!(
        rows(SMALL, 26),
        [
            "Before.",
            "",
            "┌──────┬─────────┬───────┐",
            "│ Year │ Freight │ Note  │",
            "╞══════╪═════════╪═══════╡",
            "│ 2022 │ 11.2 Mt │ first │",
            "├──────┼─────────┼───────┤",
            "│ 2024 │ over 50 │   a   │",
            "│      │      Mt │ bound │",
            "└──────┴─────────┴───────┘",
            "",
            "After.",
        ]
    );
}

#[test]
fn a_pane_too_narrow_for_the_grid_gets_one_field_a_line() {
    assert_eq!(
        rows(SMALL, 20),
        [
            "Before.",
            "",
            "Year: 2022",
            "Freight: 11.2 Mt",
            "Note: first",
            "",
            "Year: 2024",
            "Freight: over 50 Mt",
            "Note: a bound",
            "",
            "After.",
        ]
    );
    // Narrower still, a long header goes on its own line, the value indented under it.
    assert_eq!(&rows(SMALL, 12)[7..10], ["Year: 2024", "Freight:", "  over 50 Mt"]);
}

#[test]
fn wide_characters_are_measured_by_their_display_width() {
    let lines = rows("| 港口 | 航线 |\n| :-: | --: |\n| 北港 | 14 |\n| 盐滩码头 | 3 |", 40);
    assert_eq!(
        lines,
        [
            "┌──────────┬──────┐",
            "│   港口   │ 航线 │",
            "╞══════════╪══════╡",
            "│   北港   │   14 │",
            "│ 盐滩码头 │    3 │",
            "└──────────┴──────┘",
        ]
    );
    assert!(lines.iter().all(|l| width(l) == 19), "every row as wide as the rules");
}

#[test]
fn a_quote_in_a_cell_is_found_and_its_sentence_is_the_cell() {
    let article = Article::from_markdown(SMALL);
    let quote = article.find_quote("over 50 Mt").expect("found in the cell");
    assert_eq!(quote, TextSpan { block: 1, start: 42, end: 52 });
    assert_eq!(article.sentence_around(quote), quote, "the cell, not the whole table");
    let within = article.find_quote("50").unwrap();
    assert_eq!(article.sentence_around(within), quote);
    assert_eq!(article.find_all("bound", false), [TextSpan { block: 1, start: 55, end: 60 }]);
}

#[test]
fn each_cells_piece_says_where_its_text_is() {
    let article = Article::from_markdown(SMALL);
    let lines = wrap(&article.blocks, 40);
    let pieces = lines[6].pieces(&article.blocks, 40);
    let text: Vec<(&str, Option<usize>)> =
        pieces.iter().filter(|p| !p.style.marker).map(|p| (p.text.as_ref(), p.at)).collect();
    assert_eq!(text, [("2024", Some(37)), ("over 50 Mt", Some(42)), ("a bound", Some(53))]);
    assert!(lines[6].cut_at(&article.blocks, 40, 45).is_none(), "a table's line is never cut");
}

#[test]
fn cell_text_is_sanitised_and_links_keep_their_url() {
    let article = Article::from_markdown("| a | b |\n| - | - |\n| x\u{1b}]0;evil\u{7} | [site](https://example.org) |");
    let text = wrap(&article.blocks, 80).iter().map(|l| l.text(&article.blocks, 80)).collect::<Vec<_>>().join("\n");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text}");
    assert!(text.contains("site <https://example.org>"), "{text}");
}

fn table_markdown() -> impl Strategy<Value = String> {
    let cell = "[a-z 中文。，|*`\\\\é\u{301}👍🏽-]{0,14}";
    (1usize..6, prop::collection::vec(prop::collection::vec(cell, 0..7), 0..6), "[:-]{0,1}-{1,3}[:]{0,1}").prop_map(
        |(columns, rows, delimiter)| {
            let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
            let header: Vec<String> = (0..columns).map(|c| format!("h{c}")).collect();
            let mut text = format!("{}\n| {} |\n", line(&header), vec![delimiter.as_str(); columns].join(" | "));
            for row in rows {
                text.push_str(&line(&row));
                text.push('\n');
            }
            text
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any table at any width: lines within the width (a wide glyph in a column of one aside),
    /// their places in order, every search hit on a line.
    #[test]
    fn any_table_lays_out_at_any_width(markdown in table_markdown(), width in 0usize..90) {
        let article = Article::from_markdown(&format!("Intro.\n\n{markdown}\nEnd."));
        let lines = wrap(&article.blocks, width);
        for pair in lines.windows(2) {
            prop_assert!((pair[0].block, pair[0].offset) <= (pair[1].block, pair[1].offset), "{:?}", pair);
        }
        for line in &lines {
            let shown = line.text(&article.blocks, width);
            prop_assert!(width < 8 || crate::text::width::width(&shown) <= width, "{:?} at {}", shown, width);
        }
        for hit in article.find_all("a", false) {
            let _ = article.sentence_around(hit);
            prop_assert!(line_of(&lines, hit.block, hit.start) < lines.len().max(1));
        }
    }
}
