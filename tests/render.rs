//! Render tests: the screen as a person sees it, at the sizes that matter, kept as reviewed
//! insta snapshots; and the styles that carry meaning (focus, selection) checked cell by cell.

mod common;

use common::apply;

use common::{builtin_app, file_app, press, render, screen};
use coopdash::app::Event;
use coopdash::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

#[test]
fn dashboard_80x24() {
    insta::assert_snapshot!(screen(&builtin_app(80, 24)));
}

#[test]
fn dashboard_120x40() {
    insta::assert_snapshot!(screen(&builtin_app(120, 40)));
}

#[test]
fn dashboard_200x50() {
    insta::assert_snapshot!(screen(&builtin_app(200, 50)));
}

#[test]
fn dashboard_30x8_shows_the_focused_chart_alone() {
    insta::assert_snapshot!(screen(&builtin_app(30, 8)));
}

#[test]
fn too_small_says_how_much_room_it_needs() {
    let text = screen(&builtin_app(20, 5));
    assert!(text.contains("needs at least 24×6"), "{text}");
    assert!(text.contains("(now 20×5)"), "{text}");
}

#[test]
fn help_overlay_lists_the_key_table() {
    let mut app = builtin_app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn details_window_of_the_railway_total() {
    let mut app = builtin_app(100, 30);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn article_focused_and_scrolled_a_page() {
    let mut app = builtin_app(80, 24);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::PageDown);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_dataset_that_cannot_load_opens_on_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    std::fs::write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -1\nlable = \"x\"\n").unwrap();
    let app = file_app(&path, 80, 16);
    let text = screen(&app).replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(text);
}

#[test]
fn the_error_screen_promises_a_reload_on_save_only_when_files_are_watched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    std::fs::write(&path, "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = oops\n").unwrap();
    let mut app = file_app(&path, 200, 16);
    assert!(screen(&app).contains("then press r to load it again"), "{}", screen(&app));
    apply(&mut app, Event::Watching { quiet: coopdash::app::DEFAULT_QUIET });
    let watched = screen(&app);
    assert!(watched.contains("coopdash loads it as you save (r reloads by hand"), "{watched}");
    assert!(!watched.contains("then press r"), "{watched}");
}

#[test]
fn a_failed_reload_shows_a_banner_over_the_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    std::fs::write(&path, "title = \"Cargo\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = 7\n").unwrap();
    let mut app = file_app(&path, 80, 20);
    std::fs::write(&path, "title = \"Cargo\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = oops\n").unwrap();
    apply(&mut app, Event::Reload);
    let text = screen(&app).replace(&dir.path().display().to_string(), "DIR");
    assert!(text.contains("Alpha"), "the last good data stays on screen:\n{text}");
    assert!(text.contains("DIR/metrics.toml:5:9:"), "the error is located:\n{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_focused_pane_and_the_selected_bar_stand_out() {
    let app = builtin_app(80, 24);
    let buffer = render(&app);
    let theme = Theme::monochrome();
    // The first chart has the focus: its corner carries the focused border style.
    assert_eq!(buffer[(0, 2)].symbol(), "╭");
    assert!(buffer[(0, 2)].modifier.contains(Modifier::BOLD));
    // The article pane does not.
    let article_corner = (0..80).rev().find(|&x| buffer[(x, 2)].symbol() == "╭").unwrap();
    assert!(!buffer[(article_corner, 2)].modifier.contains(Modifier::BOLD));
    // The selected bar's label (row 3, first bar) is reversed; the second bar's is not.
    assert!(buffer[(1, 3)].modifier.contains(Modifier::REVERSED), "{:?}", buffer[(1, 3)]);
    assert!(!buffer[(1, 4)].modifier.contains(Modifier::REVERSED));
    assert_eq!(theme.bar_label_selected.add_modifier, Modifier::REVERSED);
}

#[test]
fn the_colored_theme_uses_colour_and_no_color_uses_none() {
    use ratatui::style::Color;
    let colored = Theme::dark();
    let mono = Theme::monochrome();
    assert_ne!(colored.bar.fg, None);
    let all_mono = [mono.bar, mono.bar_selected, mono.border_focused, mono.error, mono.title_bar, mono.heading[0]];
    assert!(all_mono.iter().all(|s| s.fg.is_none() && s.bg.is_none()));
    assert_ne!(colored.bar_selected.fg, Some(Color::Reset));
}

/// The article pane alone, with its style marks.
fn article_pane(app: &coopdash::app::App) -> String {
    common::styled_region(&render(app), app.areas().article)
}

#[test]
fn article_pane_with_headings_lists_and_emphasis() {
    let mut app = builtin_app(120, 50);
    // Find the heading above the list of results, keep the place, clear the highlight.
    press(&mut app, KeyCode::Char('/'));
    for c in "what a decade".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let text = article_pane(&app);
    assert!(text.contains("What a decade of diplomacy") && text.contains("1. Ties."), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn article_pane_wraps_cjk_between_ideographs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# 中老铁路\n\n截至2024年底，中老铁路累计货物发送量超过5000万吨，其中跨境货物1158万吨。\n\n- 泰国榴莲\n- 老挝\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("m.toml"),
        "title = \"中老铁路\"\narticle = \"a.md\"\n[[metric]]\nid = \"cargo\"\nlabel = \"货物\"\nvalue = 5000\nunit = \"kt\"\nquote = \"超过5000万吨\"\n",
    )
    .unwrap();
    let app = file_app(&dir.path().join("m.toml"), 80, 20);
    // Leave out the frame's title row: it names the temporary folder.
    let text: String = article_pane(&app).lines().skip(2).map(|l| format!("{l}\n")).collect();
    for line in text.lines().step_by(2) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 32, "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn search_matches_are_highlighted_and_the_current_one_stands_out() {
    let mut app = builtin_app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    for c in "railway".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    let text = screen(&app);
    assert!(text.contains("/railway"), "{text}");
    insta::assert_snapshot!(article_pane(&app));
}

#[test]
fn the_selected_metrics_sentence_is_highlighted_with_its_value() {
    let mut app = builtin_app(100, 30);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down); // the cross-border cargo
    let text = article_pane(&app);
    assert!(text.contains("↳ 11.58 Mt · Cross-border cargo"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_badge_wider_than_the_pane_ends_in_an_ellipsis() {
    let mut app = builtin_app(80, 24);
    press(&mut app, KeyCode::Tab);
    let text = screen(&app);
    // Tab focuses the railway chart, whose first bar's badge is wider than the 30-column pane.
    let badge = text.lines().find(|l| l.contains("↳ over 50 Mt")).unwrap_or_else(|| panic!("{text}"));
    assert!(badge.ends_with("· Railway ca… │"), "{badge}");
}

#[test]
fn a_share_on_a_slide_shows_its_whole_even_without_colour() {
    let mut app = builtin_app(120, 36);
    let options = coopdash::app::PresentOptions { animation: false, ..Default::default() };
    // "Top trade partner, of 28": 64.3%
    apply(&mut app, Event::Present { options, start: true, slide: 5, at: std::time::Instant::now() });
    let text = screen(&app);
    let bar = text.lines().find(|l| l.contains('█') && l.contains('░')).unwrap_or_else(|| panic!("{text}"));
    let filled = bar.chars().filter(|&c| c == '█').count() as f64;
    let track = bar.chars().filter(|&c| c == '░').count() as f64;
    let share = filled / (filled + track + 1.0);
    assert!((0.6..0.67).contains(&share), "{share} in {bar}");
}

#[test]
fn a_sentence_that_ends_mid_line_is_cut_there_for_its_badge() {
    let mut app = builtin_app(80, 24);
    press(&mut app, KeyCode::Tab); // the railway total: "… more than 50 million tonnes of freight."
    let text = screen(&app);
    // The article pane is the right-hand 32 columns; its rows without the frame.
    let article: Vec<String> = text
        .lines()
        .map(|l| l.chars().skip(48).collect::<String>().trim_matches(['│', '┃', ' ']).to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let at = article.iter().position(|l| l.starts_with("↳")).unwrap_or_else(|| panic!("{text}"));
    assert_eq!(article[at - 1], "tonnes of freight.", "the sentence ends its row:\n{text}");
    assert_eq!(article[at + 1], "Of that", "the next sentence carries on under the badge:\n{text}");
    assert!(article[at + 2].starts_with("total, 11.58 million"), "{text}");
}

/// Every slide of the bundled deck at a size, with animations settled.
fn slides(width: u16, height: u16) -> Vec<String> {
    let mut app = builtin_app(width, height);
    let now = std::time::Instant::now();
    let options = coopdash::app::PresentOptions { animation: false, ..Default::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: now });
    (0..app.deck.len())
        .map(|slide| {
            apply(&mut app, Event::GoToSlide { slide, at: now });
            screen(&app)
        })
        .collect()
}

#[test]
fn every_slide_at_80x24() {
    for (index, text) in slides(80, 24).iter().enumerate() {
        insta::assert_snapshot!(format!("slide_{:02}_80x24", index + 1), text);
    }
}

#[test]
fn every_slide_at_160x45() {
    for (index, text) in slides(160, 45).iter().enumerate() {
        insta::assert_snapshot!(format!("slide_{:02}_160x45", index + 1), text);
    }
}

#[test]
fn big_numbers_are_never_cut_mid_glyph() {
    // At every size a slide shows either the whole number in big glyphs or plain text.
    for (width, height) in [(40, 12), (60, 16), (80, 24), (100, 30), (160, 45), (250, 70)] {
        let texts = slides(width, height);
        let railway = &texts[14]; // "Cross-border cargo": 11.58 Mt
        let plain = railway.contains("11.58 Mt ·");
        let glyph_rows = railway.lines().filter(|l| l.contains('█') || l.contains('▀') || l.contains('▄')).count();
        assert!(glyph_rows == 0 || glyph_rows >= 4, "{width}x{height}: a partial glyph?\n{railway}");
        assert!(plain, "{width}x{height}: the value's words are always there\n{railway}");
    }
}

#[test]
fn a_slides_number_shows_even_on_a_tiny_screen() {
    for (width, height) in [(24, 6), (30, 8), (40, 12)] {
        let texts = slides(width, height);
        let number = &texts[8]; // Belt and Road agreements: 25
        let big = number.lines().filter(|l| l.contains('█')).count() >= 4;
        assert!(big || number.contains("25"), "{width}x{height}: no number\n{number}");
        let share = &texts[3]; // the cross-border share
        assert!(
            share.contains("23.2%") || share.lines().filter(|l| l.contains('█')).count() >= 4,
            "{width}x{height}\n{share}"
        );
    }
}

/// Rows of a screen with a bar's block in them.
fn rows_with_bars(buffer: &ratatui::buffer::Buffer) -> u16 {
    let area = buffer.area;
    let blocks = ["█", "▇", "▆", "▅", "▄", "▃", "▂", "▁", "▉", "▊", "▋", "▌", "▍", "▎", "▏"];
    let has_bar = |y| (area.left()..area.right()).any(|x| blocks.contains(&buffer[(x, y)].symbol()));
    u16::try_from((area.top()..area.bottom()).filter(|&y| has_bar(y)).count()).unwrap()
}

/// The first slide of a fixture's deck, rendered at a size, animations settled.
fn first_slide(fixture: &str, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture);
    let mut app = file_app(&path, width, height);
    let options = coopdash::app::PresentOptions { animation: false, ..Default::default() };
    apply(&mut app, Event::Present { options, start: true, slide: 0, at: std::time::Instant::now() });
    render(&app)
}

#[test]
fn a_two_bar_chart_slide_grows_with_the_screen() {
    let rows = |width, height| rows_with_bars(&first_slide("two_bars_vertical.toml", width, height));
    let (small, medium, huge) = (rows(80, 24), rows(200, 50), rows(1000, 300));
    assert!(medium > small, "{small} rows at 80x24, {medium} at 200x50");
    assert!(medium * 2 >= 50, "{medium} of 50 rows at 200x50");
    assert!(huge * 2 >= 300, "{huge} of 300 rows at 1000x300");
    // The bars stay in the middle of the slide: as much room on their left as on their right.
    let buffer = first_slide("two_bars_vertical.toml", 200, 50);
    let columns: Vec<u16> = (0..200).filter(|&x| (0..50).any(|y| buffer[(x, y)].symbol() == "█")).collect();
    let (first, last) = (columns[0], columns[columns.len() - 1]);
    assert!(first.abs_diff(199 - last) <= 2, "bars from column {first} to {last}");
    assert!(last - first >= 200 / 3, "bars from column {first} to {last}");
}

#[test]
fn a_detail_box_on_a_big_screen_is_as_tall_as_its_fields() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one_metric.toml");
    for (width, height) in [(200, 50), (500, 140)] {
        let text = screen(&file_app(&path, width, height));
        let lines: Vec<&str> = text.lines().collect();
        let top =
            lines.iter().position(|l| l.starts_with("╭ Railway cargo, total")).unwrap_or_else(|| panic!("{text}"));
        let bottom = top + lines[top..].iter().position(|l| l.starts_with('╰')).unwrap();
        // Value, note, id: three rows of fields, a spare row, the borders.
        assert_eq!(bottom - top + 1, 3 + 1 + 2, "{width}x{height}:\n{text}");
        assert!(lines[bottom + 1].trim().is_empty() || lines[bottom + 1].starts_with(' '), "{text}");
    }
}
