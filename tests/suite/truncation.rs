//! Texts too long for their room are cut at their end with `…`, never from the left: a
//! right-aligned caption, note or status that ratatui would cut from the left leaves only its tail
//! (`ed 07:42:06 in 402 ms`, `╰example.org/report`), which reads as something else.

use crate::common;

use common::{TempDataset, press, render};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

const DATASET: &str = r#"
title = "Truncation"
article = "article.md"

[[metric]]
id = "sourced"
label = "A figure with a source outside the article"
value = 7
source = "https://example.org/reports/2025/an-annual-review-of-regional-cooperation/report"
"#;

fn row(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()
}

fn app_at(width: u16, height: u16) -> (TempDataset, coopdash::app::App) {
    let data = TempDataset::new(DATASET);
    data.file("article.md", "# A short article\n\nNothing here quotes the figure.\n");
    let app = data.app(width, height);
    (data, app)
}

#[test]
fn a_frame_caption_too_long_for_its_pane_is_cut_at_its_end() {
    let (_dir, mut app) = app_at(80, 24);
    // Enter on the metric shows, in the article's frame, where its figure comes from (Esc
    // closes the details window it opens too).
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let buffer = render(&app);
    let bottom = (0..buffer.area.height)
        .map(|y| row(&buffer, y))
        .find(|line| line.contains("╰") && line.contains("A figure with"))
        .unwrap_or_else(|| {
            panic!("the caption names the metric's source:\n{}", coopdash::export::to_plain_text(&buffer))
        });
    let start = bottom.rfind('╰').expect("a bottom border");
    let rest = &bottom[start..];
    assert!(rest.starts_with("╰─"), "the caption must leave the corner and some border: {bottom}");
    assert!(rest.contains("A figure with"), "the caption keeps its beginning: {bottom}");
    assert!(rest.contains("… ─╯") || rest.contains("… ╯"), "and is cut at its end: {bottom}");
}

#[test]
fn a_status_message_too_long_for_the_footer_is_cut_at_its_end() {
    let (_dir, mut app) = app_at(24, 8);
    press(&mut app, KeyCode::Char('r'));
    let buffer = render(&app);
    let footer = row(&buffer, buffer.area.height - 1);
    let text = footer.trim();
    assert!(text.starts_with("reloaded"), "the status keeps its beginning: {footer:?}");
    assert!(text.ends_with('…'), "and is cut at its end: {footer:?}");
}

#[test]
fn a_slides_small_print_too_long_for_its_line_is_cut_at_its_end() {
    // The bundled deck's tenth slide, with autoplay, the timer (t) and --slide-numbers:
    // "autoplay · 00:00 · 10/16" is as wide as the narrowest screen coopdash draws on.
    let mut app = common::builtin_app(24, 12);
    let options = coopdash::app::PresentOptions {
        autoplay: Some(std::time::Duration::from_secs(5)),
        slide_numbers: true,
        ..Default::default()
    };
    let at = std::time::Instant::now();
    common::apply(&mut app, coopdash::app::Event::Present { options, start: true, slide: 9, at });
    common::press(&mut app, ratatui::crossterm::event::KeyCode::Char('t'));
    let buffer = render(&app);
    let bottom = row(&buffer, buffer.area.height - 1);
    let text = bottom.trim();
    assert!(text.starts_with("autoplay"), "the line keeps its beginning: {bottom:?}");
    assert!(text.ends_with('…'), "and is cut at its end: {bottom:?}");
}
