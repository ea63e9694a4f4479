//! Chinese reads like Chinese: sentences end where the language ends them, lines break where it
//! allows, and a title the big font cannot draw still leads its slide. All on the `chinese`
//! fixture (tests/fixtures/README.md).

use crate::common;

use common::{fixture_app, press, render};
use coopdash::app::App;
use coopdash::article::{Article, wrap};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

/// The rows of `area`, as text, each with the text of its cells drawn in `marked` styles.
fn rows_with_marked(buffer: &Buffer, area: Rect, marked: Modifier) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let (mut text, mut picked) = (String::new(), String::new());
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            if cell.modifier.intersects(marked) {
                picked.push_str(cell.symbol());
            }
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        rows.push((text.trim_matches(['│', '┃', '╭', '╰', ' ']).to_owned(), picked));
    }
    rows
}

/// The article pane's rows (frame stripped) with what is drawn bold on each (the selected
/// metric's sentence, in the monochrome theme).
fn article_rows(app: &App) -> Vec<(String, String)> {
    rows_with_marked(&render(app), app.view().areas(app.content()).article, Modifier::BOLD)
}

/// The first paragraph's rows: from the one that starts it to the blank row after it.
fn first_paragraph(rows: &[(String, String)]) -> &[(String, String)] {
    let from = rows.iter().position(|(text, _)| text.starts_with("过去十年间")).expect("the paragraph shows");
    let to = from + rows[from..].iter().position(|(text, _)| text.is_empty()).unwrap_or(rows.len() - from);
    &rows[from..to]
}

#[test]
fn the_sentence_of_a_chinese_quote_is_the_sentence_with_its_closing_quote() {
    for (width, height) in [(100, 30), (120, 40), (200, 50)] {
        let mut app = fixture_app("chinese", width, height);
        press(&mut app, KeyCode::Down); // 共建“一带一路”合作文件, quoted as 25个周边国家
        let rows = article_rows(&app);
        let paragraph = first_paragraph(&rows);
        let shown: Vec<&str> = paragraph.iter().map(|(text, _)| text.as_str()).collect();
        let badge =
            paragraph.iter().position(|(text, _)| text.starts_with('↳')).unwrap_or_else(|| panic!("{shown:#?}"));
        let highlighted: String = paragraph[..badge].iter().map(|(_, marked)| marked.as_str()).collect();
        assert_eq!(
            highlighted, "报道写道：“中国已与25个周边国家签署了共建‘一带一路’合作文件。”",
            "{width}x{height}: the one sentence, its closing quote included:\n{shown:#?}"
        );
        assert!(paragraph[badge - 1].0.ends_with("。”"), "{width}x{height}: the badge follows the quote:\n{shown:#?}");
        assert!(
            paragraph[badge + 1].0.starts_with("以上数字"),
            "{width}x{height}: the next sentence goes on under the badge:\n{shown:#?}"
        );
    }
}

/// What the article pane must never show at a row's start (closing punctuation) and end
/// (opening brackets and quotes).
const NO_START: [char; 10] = ['。', '，', '、', '；', '：', '？', '！', '）', '」', '』'];
const NO_START_QUOTES: [char; 2] = ['”', '’'];
const NO_END: [char; 5] = ['（', '「', '『', '“', '‘'];

#[test]
fn no_article_row_starts_with_closing_or_ends_with_opening_punctuation() {
    for width in 20..=120 {
        let app = fixture_app("chinese", width, 30);
        // Scroll through the whole article a page at a time.
        let mut app = app;
        press(&mut app, KeyCode::BackTab);
        let mut seen = 0;
        loop {
            let rows = article_rows(&app);
            for (text, _) in rows.iter().skip(1) {
                let text = text.trim_start_matches(['•', ' ']);
                let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else { continue };
                assert!(
                    !NO_START.contains(&first) && !NO_START_QUOTES.contains(&first),
                    "width {width}: a row starts with `{first}`: {text}"
                );
                assert!(!NO_END.contains(&last), "width {width}: a row ends with `{last}`: {text}");
            }
            let before = common::screen(&app);
            press(&mut app, KeyCode::PageDown);
            seen += 1;
            if common::screen(&app) == before || seen > 20 {
                break;
            }
        }
    }
}

/// Chinese prose: sentences of clauses of ideographs (with a figure or a Latin name now and
/// then), some quoted or bracketed, ended by `。！？`, the closing mark after the stop or before it.
fn chinese_prose() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "中国",
        "周边",
        "国家",
        "合作",
        "伙伴",
        "关系",
        "铁路",
        "货物",
        "签署",
        "文件",
        "贸易",
        "条约",
        "报道",
        "2021年",
        "1158万吨",
        "CGTN",
        "东盟",
        "榴莲",
    ]);
    let clause = prop::collection::vec(word, 1..6).prop_map(|words| words.concat());
    let clauses = (prop::collection::vec(clause, 1..4), prop::sample::select(vec!["，", "、", "；", "："]))
        .prop_map(|(clauses, joint)| clauses.join(joint));
    let marks = prop::sample::select(vec![("", ""), ("“", "”"), ("（", "）"), ("「", "」"), ("『", "』"), ("‘", "’")]);
    let sentence = (clauses, marks, prop::sample::select(vec!["。", "！", "？"]), any::<bool>()).prop_map(
        |(body, (open, close), stop, stop_inside)| {
            if stop_inside { format!("{open}{body}{stop}{close}") } else { format!("{open}{body}{close}{stop}") }
        },
    );
    prop::collection::vec(sentence, 1..12).prop_map(|sentences| sentences.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Every wrapped line fits, none starts with closing punctuation or ends with opening
    /// punctuation, and the lines put back together are the paragraph.
    #[test]
    fn chinese_prose_breaks_only_where_chinese_allows(text in chinese_prose(), width in 16usize..=100) {
        let article = Article::from_markdown(&text);
        let mut joined = String::new();
        for line in wrap(&article.blocks, width) {
            let row = line.text(&article.blocks, width);
            prop_assert!(UnicodeWidthStr::width(row.as_str()) <= width, "{width}: too wide: {row}");
            let (Some(first), Some(last)) = (row.chars().next(), row.chars().last()) else { continue };
            prop_assert!(!NO_START.contains(&first) && !NO_START_QUOTES.contains(&first), "{width}: starts: {row}");
            prop_assert!(!NO_END.contains(&last), "{width}: ends: {row}");
            joined.push_str(&row);
        }
        prop_assert_eq!(joined, text);
    }
}

/// The title slide of the `chinese` deck (its first) at a size.
fn title_slide(width: u16, height: u16) -> String {
    let mut app = fixture_app("chinese", width, height);
    common::present(&mut app);
    common::go_to_slide_number(&mut app, 0);
    common::screen(&app)
}

#[test]
fn a_title_the_big_font_cannot_draw_still_leads_its_slide() {
    for (width, height) in [(80, 24), (100, 30), (200, 50)] {
        let text = title_slide(width, height);
        let rows: Vec<&str> = text.lines().collect();
        // Letter-spaced, bold in the accent, in a double-ruled box with a row of air inside.
        let title = rows
            .iter()
            .position(|r| r.contains("中 ") && r.replace(' ', "").contains("║中国与周边国家：合作数字║"))
            .unwrap_or_else(|| panic!("{width}x{height}:\n{text}"));
        assert!(
            rows[title - 2].trim().starts_with('╔') && rows[title + 2].trim().starts_with('╚'),
            "{width}x{height}:\n{text}"
        );
        let air = rows[title - 1].trim();
        assert!(air.starts_with('║') && air.ends_with('║') && air.trim_matches('║').trim().is_empty(), "{text}");
        let subtitle = rows.iter().position(|r| r.contains("伙伴关系、条约与贸易")).unwrap_or_else(|| panic!("{text}"));
        assert!(subtitle > title + 2, "the subtitle comes under the box:\n{text}");
    }
    insta::assert_snapshot!(title_slide(100, 30));
}
