//! Terminal sizes and hard text: nothing panics, everything stays inside the screen, and a frame
//! after any resize is exactly a fresh full redraw (no stale cells from the frame before).

mod common;

use common::apply;

use std::time::Instant;

use common::{builtin_app, file_app, press, render};
use coopdash::app::{App, Event, PresentOptions};
use coopdash::text::is_unsafe_char;
use coopdash::text::width::width;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

const SIZES: [(u16, u16); 9] = [(0, 0), (1, 1), (2, 1), (10, 3), (20, 5), (39, 10), (80, 24), (500, 140), (1000, 300)];

fn every_screen(app: &mut App) -> Vec<String> {
    let mut screens = Vec::new();
    for (width, height) in SIZES {
        apply(app, Event::Resize(width, height));
        for step in 0..4 {
            match step {
                1 => press(app, KeyCode::Char('?')),
                2 => press(app, KeyCode::Esc),
                _ => {}
            }
            let buffer = render(app);
            assert_eq!(buffer.area, Rect::new(0, 0, width, height));
            for cell in buffer.content() {
                assert!(!cell.symbol().chars().any(is_unsafe_char));
            }
            screens.push(coopdash::export::to_plain_text(&buffer));
        }
    }
    screens
}

#[test]
fn every_listed_size_renders_the_dashboard_the_help_and_the_slides() {
    let mut app = builtin_app(80, 24);
    let screens = every_screen(&mut app);
    assert!(screens[4].contains("needs at least 24×6 (now 1×1)") || screens[4].trim().len() <= 1);
    assert!(screens[12].contains("needs at") && screens[12].contains("24×6"), "10x3:\n{}", screens[12]);
    assert!(screens[24].contains("Partnership ties"), "80x24:\n{}", screens[24]);
    let options = PresentOptions { animation: false, ..PresentOptions::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: Instant::now() });
    for slide in 0..app.deck.len() {
        apply(&mut app, Event::GoToSlide { slide, at: Instant::now() });
        for (width, height) in SIZES.into_iter().filter(|&(w, _)| w < 500) {
            apply(&mut app, Event::Resize(width, height));
            render(&app);
        }
    }
}

/// Draws through a real ratatui terminal (which only sends changed cells) and checks that the
/// result is the same as a fresh terminal's full draw.
fn assert_no_stale_cells(app: &mut App, terminal: &mut Terminal<TestBackend>, width: u16, height: u16) {
    apply(app, Event::Resize(width, height));
    terminal.backend_mut().resize(width, height);
    terminal.resize(Rect::new(0, 0, width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&*app, frame.area())).unwrap();
    let mut fresh = Terminal::new(TestBackend::new(width, height)).unwrap();
    fresh.draw(|frame| frame.render_widget(&*app, frame.area())).unwrap();
    assert_eq!(terminal.backend().buffer(), fresh.backend().buffer(), "stale cells at {width}x{height}");
}

#[test]
fn a_storm_of_resizes_with_a_reload_in_the_middle_leaves_no_stale_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let dataset = |value: u32| {
        format!(
            "title = \"Storm\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = {value}\n[[metric]]\nid = \"b\"\nvalue = 3\n"
        )
    };
    std::fs::write(&path, dataset(7)).unwrap();
    let mut app = file_app(&path, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for step in 0..200u16 {
        let (width, height) = (20 + (step * 37) % 180, 5 + (step * 13) % 60);
        if step == 100 {
            std::fs::write(&path, dataset(9)).unwrap();
            apply(&mut app, Event::Reload);
        }
        if step % 40 == 0 {
            press(&mut app, KeyCode::Char('p'));
        }
        assert_no_stale_cells(&mut app, &mut terminal, width, height);
    }
    assert_no_stale_cells(&mut app, &mut terminal, 80, 24);
}

#[test]
fn hard_text_stays_aligned_inside_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let combining = format!("e{}", "\u{301}".repeat(200));
    let long_word = "x".repeat(5000);
    let emoji = "👩🏽‍🚀 👍🏿 🇨🇳 family: 👨‍👩‍👧";
    let article = format!("# 标题 {emoji}\n\n{combining} and {long_word}\n\n中老铁路货运量超过五千万吨。{emoji}\n");
    std::fs::write(dir.path().join("a.md"), article).unwrap();
    std::fs::write(
        dir.path().join("m.toml"),
        format!("title = \"{combining} 中文 {emoji}\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nlabel = \"{combining}{emoji}中文\"\nvalue = 1\n"),
    )
    .unwrap();
    let mut app = file_app(&dir.path().join("m.toml"), 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for (w, h) in [(100, 30), (61, 20), (33, 12), (120, 40)] {
        assert_no_stale_cells(&mut app, &mut terminal, w, h);
        let text = coopdash::export::to_plain_text(&render(&app));
        for line in text.lines() {
            assert!(width(line) <= usize::from(w), "{w}x{h}: {line}");
        }
    }
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::End);
    assert_eq!(app.article_scroll, app.article_max_scroll());
}

#[test]
fn a_one_megabyte_single_line_article_scrolls_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let line: String = (0..150_000).map(|i| format!("w{i} ")).collect();
    assert!(line.len() > 1_000_000);
    std::fs::write(dir.path().join("a.md"), &line).unwrap();
    std::fs::write(dir.path().join("m.toml"), "title = \"T\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nvalue = 1\n")
        .unwrap();
    let started = Instant::now();
    let mut app = file_app(&dir.path().join("m.toml"), 100, 30);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::End);
    let screen = coopdash::export::to_plain_text(&render(&app));
    assert!(screen.contains("w149999"), "{screen}");
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

/// `metrics` metrics in two overlapping charts of `per_chart` bars each: counts far beyond what
/// any screen shows, so every sum of rows, bars or widths would overflow a `u16`.
fn two_huge_charts(metrics: usize, per_chart: usize) -> String {
    use std::fmt::Write;
    let mut out = String::from("title = \"Huge\"\n");
    for i in 0..metrics {
        let _ = write!(out, "[[metric]]\nid = \"m{i}\"\nlabel = \"Metric {i}\"\nvalue = {}\n", i % 97 + 1);
    }
    let ids = |range: std::ops::Range<usize>| range.map(|i| format!("\"m{i}\"")).collect::<Vec<_>>().join(",");
    let _ = write!(out, "[[chart]]\ntitle = \"First\"\nmetrics = [{}]\n", ids(0..per_chart));
    let _ = write!(out, "[[chart]]\ntitle = \"Second\"\nmetrics = [{}]\n", ids(metrics - per_chart..metrics));
    let _ = write!(out, "[[chart]]\ntitle = \"Tall\"\ndirection = \"vertical\"\nmetrics = [{}]\n", ids(0..per_chart));
    out
}

#[test]
fn twenty_thousand_metrics_in_two_charts_of_eleven_thousand_bars_render_at_start_and_after_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    std::fs::write(&path, two_huge_charts(20_000, 11_000)).unwrap();
    let mut app = file_app(&path, 80, 24);
    assert!(app.data.is_some(), "the dataset loads");
    let first = coopdash::export::to_plain_text(&render(&app));
    // Four bars of the first chart show, and the chart says how many it does not show.
    assert!(first.contains("First") && first.contains("↓ 10996 more"), "{first}");
    for (width, height) in [(80, 24), (200, 50)] {
        apply(&mut app, Event::Resize(width, height));
        render(&app);
        apply(&mut app, Event::Reload);
        assert!(app.error.is_none() && app.data.is_some(), "the reload loads");
        render(&app);
    }
    // Every pane, to its last bar, and the slides, at sizes up to the extremes a buffer allows.
    for (width, height) in [(80, 24), (500, 140), (65535, 1), (1, 65535), (1000, 60)] {
        apply(&mut app, Event::Resize(width, height));
        for _ in 0..3 {
            press(&mut app, KeyCode::End);
            render(&app);
            press(&mut app, KeyCode::Tab);
        }
    }
    press(&mut app, KeyCode::Char('p'));
    for (width, height) in [(80, 24), (1000, 300), (65535, 1), (1, 65535)] {
        apply(&mut app, Event::Resize(width, height));
        for slide in 0..app.deck.len() {
            apply(&mut app, Event::GoToSlide { slide, at: Instant::now() });
            render(&app);
        }
    }
}
