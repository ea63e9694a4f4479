//! Exports of a known buffer: plain text, ANSI, and HTML and SVG read back by real parsers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;

/// "Hi 中文!" in red bold on blue, then plain text on a second row.
fn known_buffer() -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 2));
    buffer.set_string(0, 0, "Hi", Style::new().fg(Color::Red).bg(Color::Blue).add_modifier(Modifier::BOLD));
    buffer.set_string(3, 0, "中文!", Style::new().fg(Color::Rgb(1, 2, 3)));
    buffer.set_string(0, 1, "a < b & c", Style::new());
    buffer
}

const DEFAULTS: Defaults = Defaults { fg: Color::Rgb(0xd0, 0xd0, 0xd0), bg: Color::Rgb(0x1c, 0x1c, 0x1c) };

#[test]
fn formats_come_from_the_extension() {
    assert_eq!(Format::of(Path::new("a.SVG")), Some(Format::Svg));
    assert_eq!(Format::of(Path::new("deck/a.html")), Some(Format::Html));
    assert_eq!(Format::of(Path::new("a.ansi")), Some(Format::Ansi));
    assert_eq!(Format::of(Path::new("a.txt")), Some(Format::Text));
    assert_eq!(Format::of(Path::new("a.png")), None);
    assert_eq!(Format::of(Path::new("noextension")), None);
}

#[test]
fn plain_text_writes_wide_characters_once() {
    assert_eq!(export(&known_buffer(), Format::Text, DEFAULTS), "Hi 中文!\na < b & c\n");
}

#[test]
fn ansi_sets_each_style_and_resets_every_line() {
    let ansi = export(&known_buffer(), Format::Ansi, DEFAULTS);
    assert!(ansi.starts_with("\x1b[0;1;31;44mHi"), "{ansi:?}");
    assert!(ansi.contains("\x1b[0;38;2;1;2;3m中"), "{ansi:?}");
    assert_eq!(ansi.matches("\x1b[0m\n").count(), 2);
}

#[test]
fn html_parses_and_its_text_is_the_screens_text() {
    let html = export(&known_buffer(), Format::Html, DEFAULTS);
    let dom = tl::parse(&html, tl::ParserOptions::default()).expect("valid HTML");
    let pre = dom.query_selector("pre").unwrap().next().unwrap().get(dom.parser()).unwrap();
    let text = pre.inner_text(dom.parser());
    let text = text.replace("&lt;", "<").replace("&amp;", "&");
    assert_eq!(text, "Hi 中文!\na < b & c\n");
    assert!(html.contains("color:#cd0000;background:#0000ee;font-weight:bold"), "red bold on blue");
    // Each wide character sits in a box two cells wide.
    let wide: Vec<_> = dom.query_selector("span.w").unwrap().collect();
    assert_eq!(wide.len(), 2);
    assert!(html.contains(".w { width: 2ch;") && html.contains("pre span { display: inline-block;"));
    // Every span is exactly a row tall, so row backgrounds meet with no seam between them.
    assert!(html.contains("pre span { display: inline-block; height: 1.25em; vertical-align: top; }"));
    assert!(html.contains("font: 14px/1.25 "));
}

#[test]
fn html_paints_full_blocks_solid_and_keeps_their_text() {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 1));
    buffer.set_string(0, 0, "7 ███▌", Style::new().fg(Color::Blue));
    let html = export(&buffer, Format::Html, DEFAULTS);
    // The blocks alone get their own colour as background (no seams between glyphs); the digit
    // and the partial block keep the page's.
    assert!(html.contains("<span style=\"color:#0000ee;background:#0000ee\">███</span>"), "{html}");
    assert!(html.contains("<span style=\"color:#0000ee\">7 </span>"), "{html}");
    assert!(html.contains("<span style=\"color:#0000ee\">▌</span>"), "{html}");
    let dom = tl::parse(&html, tl::ParserOptions::default()).expect("valid HTML");
    let pre = dom.query_selector("pre").unwrap().next().unwrap().get(dom.parser()).unwrap();
    assert_eq!(pre.inner_text(dom.parser()), "7 ███▌\n");
}

#[test]
fn svg_parses_and_places_each_run_at_its_cell() {
    let svg = export(&known_buffer(), Format::Svg, DEFAULTS);
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("101"));
    let spans: Vec<(String, f64, f64, Option<&str>)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .map(|n| {
            let x: f64 = n.attribute("x").unwrap().parse().unwrap();
            let length: f64 = n.attribute("textLength").unwrap().parse().unwrap();
            (n.text().unwrap_or_default().to_owned(), x, length, n.attribute("fill"))
        })
        .collect();
    let find = |text: &str| spans.iter().find(|s| s.0 == text).unwrap_or_else(|| panic!("{text} in {spans:?}"));
    assert_eq!(find("Hi").3, Some("#cd0000"));
    let cells = |pixels: f64| (pixels / 8.4).round() as u16;
    assert_eq!((cells(find("中").1), cells(find("中").2)), (3, 2), "a wide character takes two cells");
    assert_eq!(cells(find("文").1), 5);
    assert_eq!(cells(find("!").1), 7);
    let text: String = doc.descendants().filter(|n| n.has_tag_name("tspan")).filter_map(|n| n.text()).collect();
    assert!(text.contains("a < b & c"));
    let blue_background = doc.descendants().any(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#0000ee"));
    assert!(blue_background);
}

#[test]
fn block_characters_become_gapless_rectangles() {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
    buffer.set_string(0, 0, "█▀x▌", Style::new().fg(Color::Yellow));
    let svg = export(&buffer, Format::Svg, DEFAULTS);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let yellow: Vec<(f64, f64, f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#cdcd00"))
        .map(|n| {
            let number = |name| n.attribute(name).unwrap().parse::<f64>().unwrap();
            (number("x"), number("y"), number("width"), number("height"))
        })
        .collect();
    // A full cell, the upper half of the next, the left half of the last.
    assert_eq!(yellow, [(0.0, 0.0, 8.4, 17.0), (8.4, 0.0, 8.4, 8.5), (25.2, 0.0, 4.2, 17.0)]);
    let text: String = doc.descendants().filter(|n| n.has_tag_name("tspan")).filter_map(|n| n.text()).collect();
    assert_eq!(text, "x", "only the letter is text");
}
