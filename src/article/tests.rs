//! Article tests: Markdown to blocks, quote matching, and wrapping at any width.

use super::*;
use crate::text::width::width;

fn line_texts(article: &Article, width: usize) -> Vec<String> {
    wrap(&article.blocks, width).iter().map(|l| l.text(&article.blocks, width)).collect()
}

#[test]
fn markdown_becomes_styled_blocks() {
    let article = Article::from_markdown(
        "# Title\n\nSome *soft* and **strong** text with `code` and [a link](https://x.org).\n\n- one\n- two\n\n> quoted\n\n1. first\n2. second\n\n---\n",
    );
    let kinds: Vec<&BlockKind> = article.blocks.iter().map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Heading(1),
            &BlockKind::Paragraph,
            &BlockKind::ListItem { depth: 0, marker: "•".into() },
            &BlockKind::ListItem { depth: 0, marker: "•".into() },
            &BlockKind::Quote,
            &BlockKind::ListItem { depth: 0, marker: "1.".into() },
            &BlockKind::ListItem { depth: 0, marker: "2.".into() },
            &BlockKind::Rule,
        ]
    );
    let paragraph = &article.blocks[1];
    let styled = |text: &str| paragraph.runs.iter().find(|r| r.text == text).map(|r| r.style);
    assert_eq!(styled("soft"), Some(RunStyle { emphasis: true, ..RunStyle::default() }));
    assert_eq!(styled("strong"), Some(RunStyle { strong: true, ..RunStyle::default() }));
    assert_eq!(styled("code"), Some(RunStyle { code: true, ..RunStyle::default() }));
    assert_eq!(styled("a link"), Some(RunStyle { link: true, ..RunStyle::default() }));
    assert_eq!(styled(" <https://x.org>").map(|s| s.marker), Some(true), "the URL is shown after its text");
    assert_eq!(paragraph.plain_text(), "Some soft and strong text with code and a link.");
}

#[test]
fn nested_lists_are_indented_by_depth() {
    let article = Article::from_markdown("- outer\n  - inner\n");
    assert_eq!(article.blocks[1].kind, BlockKind::ListItem { depth: 1, marker: "•".into() });
    assert_eq!(line_texts(&article, 40), ["  • outer", "    • inner"]);
}

#[test]
fn escape_sequences_in_the_article_are_inert() {
    let article = Article::from_markdown("evil \u{1b}[2J\u{1b}]52;c;aGk=\u{7} text\u{202e}");
    let text: String = line_texts(&article, 80).concat();
    assert!(!text.chars().any(crate::text::is_unsafe_char), "{text:?}");
    assert!(text.contains("␛[2J"));
}

#[test]
fn quotes_match_through_markup_case_space_and_typography() {
    let article =
        Article::from_markdown("It moved *more than 50 million\ntonnes* of freight \u{2013} China\u{2019}s line.");
    let found = article.find_quote("MORE THAN 50 million tonnes").expect("found through emphasis and a line break");
    assert_eq!(found.block, 0);
    let text: Vec<char> = article.blocks[0].plain_text().chars().collect();
    assert_eq!(text[found.start..found.end].iter().collect::<String>(), "more than 50 million tonnes");
    assert!(article.find_quote("freight - China's line").is_some(), "dashes and apostrophes fold");
    assert!(article.find_quote("60 million").is_none());
    assert!(article.find_quote("   ").is_none(), "an empty quote matches nothing");
}

#[test]
fn every_bundled_quote_occurs_in_the_bundled_article() {
    let article = Article::from_markdown(include_str!("../../assets/article.md"));
    let dataset = include_str!("../../metrics.toml");
    let quotes: Vec<&str> =
        dataset.lines().filter_map(|l| l.strip_prefix("quote = \"")).map(|l| l.trim_end_matches('"')).collect();
    assert!(quotes.len() >= 8, "{quotes:?}");
    for quote in quotes {
        assert!(article.find_quote(quote).is_some(), "quote not in the article: {quote}");
    }
}

#[test]
fn the_bundled_article_is_a_briefing_of_500_to_900_words_that_credits_its_source() {
    let text = include_str!("../../assets/article.md");
    let words = text.split_whitespace().count();
    assert!((500..=900).contains(&words), "{words} words");
    assert!(text.contains("https://news.cgtn.com/news/2025-04-10/"));
    assert!(text.contains("CGTN") && text.contains("10 April"));
}

#[test]
fn wrapping_respects_the_width_and_drops_the_break_spaces() {
    let article = Article::from_markdown("The quick brown fox jumps over the lazy dog.");
    let lines = wrap(&article.blocks, 10);
    assert_eq!(line_texts(&article, 10), ["The quick", "brown fox", "jumps over", "the lazy", "dog."]);
    let offsets: Vec<usize> = lines.iter().map(|l| l.offset).collect();
    assert_eq!(offsets, [0, 10, 20, 31, 40]);
}

#[test]
fn words_longer_than_the_line_are_cut_hard() {
    let article = Article::from_markdown("abcdefghij klm");
    assert_eq!(line_texts(&article, 4), ["abcd", "efgh", "ij", "klm"]);
}

#[test]
fn cjk_text_breaks_between_ideographs() {
    let article = Article::from_markdown("中老铁路货运量超过五千万吨");
    for line in line_texts(&article, 9) {
        assert!(width(&line) <= 9, "{line}");
    }
    assert_eq!(line_texts(&article, 9), ["中老铁路", "货运量超", "过五千万", "吨"]);
}

#[test]
fn no_line_is_ever_wider_than_the_pane() {
    let article = Article::from_markdown(include_str!("../../assets/article.md"));
    for width_limit in [1, 2, 3, 5, 8, 13, 30, 77, 200] {
        for line in wrap(&article.blocks, width_limit) {
            let text = line.text(&article.blocks, width_limit);
            assert!(width(&text) <= width_limit.max(2), "{width_limit}: {text:?}");
        }
    }
    assert!(wrap(&article.blocks, 0).is_empty());
}

#[test]
fn blocks_are_separated_by_one_blank_line_but_list_items_are_tight() {
    let article = Article::from_markdown("# H\n\npara\n\n- a\n- b\n");
    assert_eq!(line_texts(&article, 20), ["H", "", "para", "", "  • a", "  • b"]);
}

#[test]
fn plain_text_articles_are_paragraphs() {
    let article = Article::from_file_text("notes.TXT", "first line\nsame paragraph\n\n*not emphasis*\r\n");
    assert_eq!(article.blocks.len(), 2);
    assert_eq!(article.blocks[0].plain_text(), "first line same paragraph");
    assert_eq!(article.blocks[1].plain_text(), "*not emphasis*");
}

#[test]
fn code_blocks_keep_their_lines() {
    let article = Article::from_markdown("```\nlet a = 1;\nlet b = 2;\n```\n");
    assert_eq!(line_texts(&article, 40), ["  let a = 1;", "  let b = 2;"]);
}

#[test]
fn many_quotes_are_found_in_one_pass_like_one_at_a_time() {
    let article = Article::from_markdown(include_str!("../../assets/article.md"));
    let quotes = ["28 neighbouring countries", "", "not in there", "11.58 MILLION tonnes", "nine", "Kunming"];
    let one_by_one: Vec<Option<TextSpan>> = quotes.iter().map(|q| article.find_quote(q)).collect();
    assert_eq!(article.find_quotes(&quotes), one_by_one);
    assert!(one_by_one[0].is_some() && one_by_one[2].is_none() && one_by_one[1].is_none());
}
