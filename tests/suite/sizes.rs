//! Terminal sizes and hard text: nothing panics, everything stays inside the screen, and a frame
//! after any resize is exactly a fresh full redraw (no stale cells from the frame before).

use crate::common;

use std::time::Instant;

use common::{
    TempDataset, apply, builtin_app, every_slide, go_to_slide_number, loaded_cleanly, present, press, reload, render,
    screen, slide_count,
};
use coopdash::app::{App, Event};
use coopdash::text::is_unsafe_char;
use coopdash::text::width::width as width_of;
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
    // Too small: the "needs at least" message, cut to the room there is (one cell, two cells).
    assert_eq!(screens[4].trim(), "n", "1x1");
    assert_eq!(screens[8].trim(), "ne", "2x1");
    assert_eq!(screens[0], "", "0x0 has no cell to draw");
    assert!(screens[12].contains("needs at") && screens[12].contains("24×6"), "10x3:\n{}", screens[12]);
    assert!(screens[24].contains("Partnership ties"), "80x24:\n{}", screens[24]);
    assert!(screens[25].contains("next pane"), "80x24, the help:\n{}", screens[25]);
    // With --slide-numbers, so that the slide's place in the deck shows.
    let options = coopdash::app::PresentOptions { animation: false, slide_numbers: true, ..Default::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: std::time::Instant::now() });
    let count = slide_count(&app);
    assert!(count > 1, "a deck of {count}");
    let headings: Vec<String> = app.content().deck().iter().map(|slide| slide.title.clone()).collect();
    for (width, height) in SIZES.into_iter().filter(|&(w, _)| w < 500) {
        apply(&mut app, Event::Resize(width, height));
        for (index, slide) in every_slide(&mut app).iter().enumerate() {
            let at = format!("slide {} at {width}x{height}", index + 1);
            assert_eq!(slide.lines().count(), usize::from(height), "{at}:\n{slide}");
            assert!(slide.lines().all(|line| width_of(line) <= usize::from(width)), "{at}:\n{slide}");
            // Its place in the deck (asked for) shows from 10 columns and 3 rows on.
            if width >= 10 && height >= 3 {
                assert!(slide.contains(&format!("{}/{count}", index + 1)), "{at}: no slide number\n{slide}");
            }
            // And what it is about, from 39 columns and 10 rows on.
            let first_word = headings[index].split_whitespace().next().unwrap_or_default();
            if width >= 39 && height >= 10 {
                assert!(slide.contains(first_word), "{at}: no `{first_word}`\n{slide}");
            }
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
    let dataset = |value: u32| {
        format!(
            "title = \"Storm\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = {value}\n[[metric]]\nid = \"b\"\nvalue = 3\n"
        )
    };
    let data = TempDataset::new(&dataset(7));
    let mut app = data.app(100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for step in 0..200u16 {
        let (width, height) = (20 + (step * 37) % 180, 5 + (step * 13) % 60);
        if step == 100 {
            data.write(&dataset(9));
            reload(&mut app);
            assert!(loaded_cleanly(&app), "the reload loads");
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
    let combining = format!("e{}", "\u{301}".repeat(200));
    let long_word = "x".repeat(5000);
    let emoji = "👩🏽‍🚀 👍🏿 🇨🇳 family: 👨‍👩‍👧";
    let article = format!("# 标题 {emoji}\n\n{combining} and {long_word}\n\n中老铁路货运量超过五千万吨。{emoji}\n");
    let data = TempDataset::new(&format!(
        "title = \"{combining} 中文 {emoji}\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nlabel = \"{combining}{emoji}中文\"\nvalue = 1\n"
    ));
    data.file("a.md", &article);
    let mut app = data.app(100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for (w, h) in [(100, 30), (61, 20), (33, 12), (120, 40)] {
        assert_no_stale_cells(&mut app, &mut terminal, w, h);
        let text = coopdash::export::to_plain_text(&render(&app));
        for line in text.lines() {
            assert!(width_of(line) <= usize::from(w), "{w}x{h}: {line}");
        }
    }
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::End);
    assert_eq!(app.view().article_scroll(), app.view().article_max_scroll(app.content()));
}

#[test]
fn a_one_megabyte_single_line_article_scrolls_to_its_end() {
    let line: String = (0..150_000).map(|i| format!("w{i} ")).collect();
    assert!(line.len() > 1_000_000);
    let data = TempDataset::new("title = \"T\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nvalue = 1\n");
    data.file("a.md", &line);
    let started = Instant::now();
    let mut app = data.app(100, 30);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::End);
    let screen = screen_text(&app);
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

/// Every pane to its last bar at each size, then every slide at each size; the screens must
/// be exactly their size.
fn every_pane_and_slide(app: &mut App, sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        apply(app, Event::Resize(width, height));
        for _ in 0..3 {
            press(app, KeyCode::End);
            assert_eq!(render(app).area, Rect::new(0, 0, width, height));
            press(app, KeyCode::Tab);
        }
    }
    present(app);
    // Each chart continues over as many slides as its bars need (ten a slide, twelve upright):
    // title, 1,100 + 1,100 + 917 pages (no sources: the dataset credits none). Drawn: the ends
    // of the deck and of each chart.
    let count = slide_count(app);
    assert_eq!(count, 1 + 1100 + 1100 + 917, "title, three charts in pages");
    let sampled = [0, 1, 1100, 1101, 2200, 2201, count - 2, count - 1];
    for &(width, height) in sizes {
        apply(app, Event::Resize(width, height));
        // A slide too small to say anything still fits; a screen of one row or column has no
        // room for words.
        for index in sampled {
            go_to_slide_number(app, index);
            assert_eq!(screen(app).lines().count(), usize::from(height));
        }
    }
    press(app, KeyCode::Esc);
}

/// The sizes a screen of this much data must survive: the usual, the large, and the extremes
/// a buffer allows.
const HUGE_SIZES: [(u16, u16); 5] = [(80, 24), (200, 50), (500, 140), (65535, 1), (1, 65535)];

// The 20,000 metrics take seconds to parse in a debug build, so each of the two tests below
// reads them once (and they run side by side).

#[test]
fn twenty_thousand_metrics_in_two_charts_of_eleven_thousand_bars_render_at_start() {
    let data = TempDataset::new(&two_huge_charts(20_000, 11_000));
    let mut app = data.app(80, 24);
    assert!(loaded_cleanly(&app), "the dataset loads");
    let first = screen_text(&app);
    // Four bars of the first chart show, and the chart says how many it does not show.
    assert!(first.contains("First") && first.contains("↓ 10996 more"), "{first}");
    apply(&mut app, Event::Resize(200, 50));
    let large = screen_text(&app);
    assert!(large.contains("Second") && large.contains("Tall"), "{large}");
    every_pane_and_slide(&mut app, &HUGE_SIZES);
}

#[test]
fn twenty_thousand_metrics_in_two_charts_of_eleven_thousand_bars_render_after_a_reload() {
    // The reload brings the huge dataset in under a screen that has moved to the end of a
    // smaller one with the same ids.
    let data = TempDataset::new(&two_huge_charts(40, 22));
    let mut app = data.app(80, 24);
    for _ in 0..3 {
        press(&mut app, KeyCode::End);
        press(&mut app, KeyCode::Tab);
    }
    data.write(&two_huge_charts(20_000, 11_000));
    reload(&mut app);
    assert!(loaded_cleanly(&app), "the reload loads");
    let first = screen_text(&app);
    assert!(first.contains("First") && first.contains("more"), "{first}");
    every_pane_and_slide(&mut app, &HUGE_SIZES);
}

fn screen_text(app: &App) -> String {
    coopdash::export::to_plain_text(&render(app))
}
