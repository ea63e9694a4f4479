//! Render tests: the screen as a person sees it, at the sizes that matter, kept as reviewed
//! insta snapshots; and the styles that carry meaning (focus, selection) checked cell by cell.
//! The bundled data appear only in the few snapshots that document the bundled screen (the
//! dashboard at three sizes, the README's slide); every other screen is drawn from a fixture of
//! tests/fixtures/, so an edit of metrics.toml rewrites a handful of snapshots at most.

use crate::common;

use common::{
    TempDataset, builtin_app, every_slide, fixture, fixture_app, go_to_slide, present, press, reload, render, screen,
    search, watching,
};
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
    let text = screen(&fixture_app("tonnages", 30, 8));
    assert!(text.contains("Lab samples") && !text.contains("Article"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn too_small_says_how_much_room_it_needs() {
    let text = screen(&builtin_app(20, 5));
    assert!(text.contains("needs at least 24×6"), "{text}");
    assert!(text.contains("(now 20×5)"), "{text}");
}

#[test]
fn help_overlay_lists_the_key_table() {
    let mut app = fixture_app("bounds", 80, 24);
    press(&mut app, KeyCode::Char('?'));
    let text = screen(&app);
    assert!(text.contains("next pane") && text.contains("quit"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn details_window_of_a_chinese_metric_with_its_bound_and_dates() {
    let mut app = fixture_app("chinese", 100, 30);
    press(&mut app, KeyCode::Tab); // the chart in 个国家
    press(&mut app, KeyCode::Tab); // the tonnage chart: 中老铁路累计货运量 first
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(text.contains("中老铁路累计货运量") && text.contains(">50 Mt"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_chinese_article_focused_and_scrolled_a_page() {
    let mut app = fixture_app("chinese", 80, 24);
    let before = screen(&app);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::PageDown);
    let text = screen(&app);
    assert_ne!(before, text, "the page moved");
    insta::assert_snapshot!(text);
}

#[test]
fn a_dataset_that_cannot_load_opens_on_its_errors() {
    let data = TempDataset::new("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -1\nlable = \"x\"\n");
    let text = data.anonymise(&screen(&data.app(80, 16)));
    insta::assert_snapshot!(text);
}

#[test]
fn the_error_screen_promises_a_reload_on_save_only_when_files_are_watched() {
    let data = TempDataset::new("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = oops\n");
    let mut app = data.app(200, 16);
    assert!(screen(&app).contains("then press r to load it again"), "{}", screen(&app));
    watching(&mut app);
    let watched = screen(&app);
    assert!(watched.contains("coopdash loads it as you save (r reloads by hand"), "{watched}");
    assert!(!watched.contains("then press r"), "{watched}");
}

#[test]
fn a_failed_reload_shows_a_banner_over_the_last_good_data() {
    let data = TempDataset::new("title = \"Cargo\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = 7\n");
    let mut app = data.app(80, 20);
    data.write("title = \"Cargo\"\n[[metric]]\nid = \"a\"\nlabel = \"Alpha\"\nvalue = oops\n");
    reload(&mut app);
    let text = data.anonymise(&screen(&app));
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
    common::styled_region(&render(app), app.view().areas(app.content()).article)
}

#[test]
fn article_pane_with_headings_lists_and_emphasis() {
    let mut app = fixture_app("chinese", 120, 50);
    // Find the heading above the list, keep the place, clear the highlight.
    search(&mut app, "中老铁路");
    press(&mut app, KeyCode::Esc);
    let text = article_pane(&app);
    assert!(text.contains("## 中老铁路") || text.contains("中老铁路"), "{text}");
    assert!(text.contains("水果"), "the list shows:\n{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn article_pane_wraps_cjk_between_ideographs() {
    let app = fixture_app("chinese", 80, 20);
    let text = article_pane(&app);
    let inner = usize::from(app.view().areas(app.content()).article.width);
    for line in text.lines().step_by(2) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= inner, "{line}");
    }
    insta::assert_snapshot!(text);
}

/// Chinese line breaking (kinsoku): a row must not start with closing full-width punctuation
/// (issue 12; tests/suite/scripts.rs checks every width and the openers too).
#[test]
fn full_width_punctuation_never_starts_a_row() {
    for width in [60, 80, 100, 120] {
        let app = fixture_app("chinese", width, 30);
        let text = article_pane(&app);
        for line in text.lines().step_by(2).skip(1) {
            let row = line.trim_start_matches(['│', '┃', ' ']);
            assert!(
                !row.starts_with(['，', '。', '、', '”', '）', '；', '：']),
                "{width}: a row starts with punctuation:\n{text}"
            );
        }
    }
}

#[test]
fn search_matches_are_highlighted_and_the_current_one_stands_out() {
    let mut app = fixture_app("chinese", 100, 30);
    // Not a quoted figure: a match over a charted number's underline would look like the current
    // one in the monochrome theme.
    search(&mut app, "铁路");
    press(&mut app, KeyCode::Char('n'));
    let text = screen(&app);
    assert!(text.contains("/铁路"), "{text}");
    let pane = article_pane(&app);
    assert!(pane.contains('C'), "the current match is marked:\n{pane}");
    insta::assert_snapshot!(pane);
}

#[test]
fn the_selected_metrics_sentence_is_highlighted_with_its_value() {
    let mut app = fixture_app("chinese", 100, 30);
    press(&mut app, KeyCode::Tab); // the chart in 个国家
    press(&mut app, KeyCode::Tab); // the tonnage chart
    press(&mut app, KeyCode::Down); // 其中跨境货物, quoted as 1158万吨
    let text = article_pane(&app);
    assert!(text.contains("↳ 11.58 Mt"), "{text}");
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
    present(&mut app);
    go_to_slide(&mut app, "Top trade partner, of 28"); // 18 of 28: 64.3%
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

/// The slide headed `heading` of the bundled deck at a size, with animations settled.
fn bundled_slide(heading: &str, width: u16, height: u16) -> String {
    let mut app = builtin_app(width, height);
    present(&mut app);
    go_to_slide(&mut app, heading);
    screen(&app)
}

/// The README's slide (the bundled deck's cross-border share) at the two sizes that document it.
#[test]
fn the_cross_border_share_slide_at_80x24() {
    let text = bundled_slide("Cargo crossing a border", 80, 24);
    assert!(text.contains("Cargo crossing a border") && text.contains("23.2%"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_cross_border_share_slide_at_160x45() {
    let text = bundled_slide("Cargo crossing a border", 160, 45);
    assert!(text.contains("Cargo crossing a border"), "{text}");
    insta::assert_snapshot!(text);
}

/// Whether `text` shows `number` as a number of its own (not as the digits of a longer one:
/// `25` is not in `2025`).
fn shows_number(text: &str, number: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit() && c != '.').any(|word| word == number)
}

#[test]
fn shows_number_tells_a_number_from_the_digits_of_another() {
    assert!(shows_number("agreements: 25 of 28", "25"));
    assert!(!shows_number("April 2025 · 1/16", "25"));
    assert!(!shows_number("2.25", "25"));
}

#[test]
fn big_numbers_are_never_cut_mid_glyph() {
    // At every size a slide shows either the whole number in big glyphs or plain text.
    for (width, height) in [(40, 12), (60, 16), (80, 24), (100, 30), (160, 45), (250, 70)] {
        let railway = bundled_slide("Cross-border cargo", width, height); // 11.58 Mt
        let plain = railway.contains("11.58 Mt ·");
        let glyph_rows = railway.lines().filter(|l| l.contains('█') || l.contains('▀') || l.contains('▄')).count();
        assert!(glyph_rows == 0 || glyph_rows >= 4, "{width}x{height}: a partial glyph?\n{railway}");
        assert!(plain, "{width}x{height}: the value's words are always there\n{railway}");
    }
}

#[test]
fn a_slides_number_shows_even_on_a_tiny_screen() {
    for (width, height) in [(24, 6), (30, 8), (40, 12)] {
        let number = bundled_slide("Belt and Road agreements", width, height); // 25
        let big = number.lines().filter(|l| l.contains('█')).count() >= 4;
        assert!(big || shows_number(&number, "25"), "{width}x{height}: no number\n{number}");
        let share = bundled_slide("Cargo crossing a border", width, height);
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

/// The slide of the `vertical` fixture headed "Freight" (its chart of two bars).
fn vertical_slide(width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut app = fixture_app("vertical", width, height);
    present(&mut app);
    go_to_slide(&mut app, "Freight");
    render(&app)
}

#[test]
fn a_two_bar_chart_slide_grows_with_the_screen() {
    let rows = |width, height| rows_with_bars(&vertical_slide(width, height));
    let (small, medium, huge) = (rows(80, 24), rows(200, 50), rows(1000, 300));
    assert!(medium > small, "{small} rows at 80x24, {medium} at 200x50");
    assert!(medium * 2 >= 50, "{medium} of 50 rows at 200x50");
    assert!(huge * 2 >= 300, "{huge} of 300 rows at 1000x300");
    // The bars stay in the middle of the slide: as much room on their left as on their right.
    let buffer = vertical_slide(200, 50);
    let columns: Vec<u16> = (0..200).filter(|&x| (0..50).any(|y| buffer[(x, y)].symbol() == "█")).collect();
    let (first, last) = (columns[0], columns[columns.len() - 1]);
    assert!(first.abs_diff(199 - last) <= 2, "bars from column {first} to {last}");
    assert!(last - first >= 200 / 3, "bars from column {first} to {last}");
}

#[test]
fn a_detail_box_on_a_big_screen_is_as_tall_as_its_fields() {
    for (width, height) in [(200, 50), (500, 140)] {
        let text = screen(&fixture_app("single", width, height));
        let lines: Vec<&str> = text.lines().collect();
        let top = lines
            .iter()
            .position(|l| l.starts_with("╭ Visitors in the first year"))
            .unwrap_or_else(|| panic!("{text}"));
        let bottom = top + lines[top..].iter().position(|l| l.starts_with('╰')).unwrap();
        // Value, bound, note, id: four rows of fields, a spare row, the borders.
        assert_eq!(bottom - top + 1, 4 + 1 + 2, "{width}x{height}:\n{text}");
        assert!(lines[bottom + 1].trim().is_empty() || lines[bottom + 1].starts_with(' '), "{text}");
    }
}

/// The fixtures, each unlike the bundled data in its own way (tests/fixtures/README.md).
const FIXTURES: [&str; 10] =
    ["chinese", "tonnages", "single", "forty", "bounds", "vertical", "magnitudes", "sorted", "close", "upright"];

#[test]
fn every_fixture_loads_cleanly() {
    for name in FIXTURES {
        let app = fixture_app(name, 80, 24);
        assert!(common::loaded_cleanly(&app), "{name}: {:?}", app.content().error());
        assert!(fixture(name).exists());
    }
}

/// A fixture's screen, with the repository's path written `REPO` (the article pane's title
/// names its file).
fn fixture_screen(app: &coopdash::app::App) -> String {
    screen(app).replace(env!("CARGO_MANIFEST_DIR"), "REPO")
}

#[test]
fn every_fixture_dashboard_at_80x24() {
    for name in FIXTURES {
        let text = fixture_screen(&fixture_app(name, 80, 24));
        insta::assert_snapshot!(format!("fixture_{name}_80x24"), text);
    }
}

#[test]
fn every_fixture_dashboard_at_200x50() {
    for name in FIXTURES {
        let text = fixture_screen(&fixture_app(name, 200, 50));
        insta::assert_snapshot!(format!("fixture_{name}_200x50"), text);
    }
}

/// Slides of the fixtures, each found by its heading: (fixture, heading, what else it must
/// show, the snapshot's name).
const FIXTURE_SLIDES: [(&str, &str, &str, &str); 7] = [
    ("chinese", "跨境货物占比", "分母为累计货运总量", "chinese_share_gauge"),
    ("chinese", "中老铁路累计货运量", "超过5000万吨", "chinese_big_number"),
    ("tonnages", "Tonnage, 412.25 kt to 48.6 Mt", "48.6 Mt", "tonnages_chart"),
    ("bounds", "By rail, for export", "12.5 Mt", "bounds_under"),
    ("forty", "Twenty tonnages, 1 of 2", "Energy memoranda", "forty_chart"),
    ("sorted", "Every depot, 2 of 3", "Fruit", "sorted_log_chart_page_two"),
    ("vertical", "Freight", "Cross-border", "vertical_two_bars"),
];

#[test]
fn fixture_slides_found_by_their_heading() {
    for (name, heading, shows, snapshot) in FIXTURE_SLIDES {
        let mut app = fixture_app(name, 100, 30);
        present(&mut app);
        let at = go_to_slide(&mut app, heading);
        let text = fixture_screen(&app);
        assert!(text.contains(heading) && text.contains(shows), "{name}, `{heading}`:\n{text}");
        // The audience's slide: no number unless asked (`--slide-numbers`), no hints.
        assert!(!text.contains(&format!("{}/", at + 1)) && !text.contains("Esc"), "{name}: small print\n{text}");
        insta::assert_snapshot!(format!("fixture_slide_{snapshot}"), text);
    }
}

#[test]
fn every_fixture_slide_renders_inside_the_screen() {
    for name in FIXTURES {
        let mut app = fixture_app(name, 80, 24);
        present(&mut app);
        let slides = every_slide(&mut app);
        assert!(!slides.is_empty(), "{name}");
        for (index, slide) in slides.iter().enumerate() {
            assert_eq!(slide.lines().count(), 24, "{name} slide {}", index + 1);
            assert!(slide.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80), "{name}:\n{slide}");
        }
    }
}

#[test]
fn w_opens_the_list_of_warnings_over_the_dashboard() {
    let mut app = fixture_app("contradicted", 100, 30);
    assert!(screen(&app).contains("1 warning: w lists them"), "the status line says how to read it");
    press(&mut app, KeyCode::Char('w'));
    let text = screen(&app);
    assert!(text.contains("`bri_agreements` is 27 countries but its quote says 25"), "{text}");
    assert!(text.contains("article.md:3:60") && text.contains("^^"), "the place and the caret:\n{text}");
    insta::assert_snapshot!(text);
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&app).contains("its quote says 25"), "Esc closes it");
    press(&mut app, KeyCode::Char('?'));
    assert!(screen(&app).contains("warnings and errors of the files"), "the help lists the key");
}

#[test]
fn the_list_of_errors_scrolls_as_the_help_does() {
    let mut app = fixture_app("broken", 80, 24);
    press(&mut app, KeyCode::Char('w'));
    let top = screen(&app);
    assert!(top.contains("unknown key `titel`") && top.contains("↓ more"), "{top}");
    assert!(!top.contains("`shipz`"), "{top}");
    press(&mut app, KeyCode::Char('G'));
    let bottom = screen(&app);
    assert!(bottom.contains("no metric has the id `shipz`") && bottom.contains("did you mean `ships`?"), "{bottom}");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(screen(&app), top);
    press(&mut app, KeyCode::Char('w'));
    assert!(!screen(&app).contains("╭ 6 errors"), "w closes it");
}
