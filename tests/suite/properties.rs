//! Property tests: any dataset, any article, any size, any keys: no panic, no control character
//! on screen, scroll positions in range.

use crate::common;

use std::path::Path;

use common::apply;
use common::text_app as app_for;
use coopdash::app::{App, Event};
use coopdash::article::Article;
use coopdash::dataset::{self, Origin};
use coopdash::text::is_unsafe_char;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// `cases` per property, unless `PROPTEST_CASES` asks for another number (a deeper run by hand:
/// `PROPTEST_CASES=20000 cargo test --release --test suite properties::`).
fn config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() { defaults } else { ProptestConfig { cases, ..defaults } }
}

/// Text that is hard to display: controls, escapes, bidi, zero-width, CJK, emoji, combining.
fn nasty_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ]{0,12}",
            Just("\u{1b}[2J\u{1b}]0;x\u{7}".to_owned()),
            Just("\u{9b}31m\u{202e}\u{2066}\u{200b}\u{feff}\u{7f}\t\r\n".to_owned()),
            Just("中国老挝铁路".to_owned()),
            Just("👩🏽‍🚀 e\u{301}\u{301}\u{301}".to_owned()),
            Just("*em* **strong** `code` [l](http://x)\n\n# H\n- item\n> q\n".to_owned()),
            any::<String>(),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// A TOML string literal for any text.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[derive(Debug, Clone)]
struct MetricSpec {
    label: String,
    value: f64,
    unit: String,
    part_of: Option<usize>,
    quote: Option<String>,
}

fn metric() -> impl Strategy<Value = MetricSpec> {
    (
        nasty_text(),
        // Values as people write them (at most 15 significant digits, which coopdash shows
        // exactly), and some it must refuse.
        prop_oneof![
            20 => (0u64..100_000).prop_map(|n| n as f64 / 100.0),
            10 => (0u64..100_000_000_000_000).prop_map(|n| n as f64 / 100.0),
            2 => Just(0.0),
            // The largest value shown exactly, and two that are refused.
            1 => Just(9_007_199_254_740_992.0),
            1 => prop_oneof![Just(f64::MAX), Just(-1.0)]
        ],
        prop_oneof![
            60 => Just(String::new()),
            6 => prop::sample::select(vec!["countries", "t", "kt", "Mt", "ports"]).prop_map(str::to_owned),
            1 => nasty_text(),
        ],
        prop_oneof![6 => Just(None), 1 => (0usize..8).prop_map(Some)],
        // Quotes: hostile text, or words the generated articles often contain.
        prop::option::of(prop_oneof![nasty_text(), Just("strong".to_owned()), Just("中国".to_owned())]),
    )
        .prop_map(|(label, value, unit, part_of, quote)| MetricSpec { label, value, unit, part_of, quote })
}

/// A dataset text: mostly valid (so the dashboard itself is exercised), sometimes not (so is the
/// error screen). Charts and gauges point at existing ids most of the time.
fn dataset_text() -> impl Strategy<Value = String> {
    (
        nasty_text(),
        prop::collection::vec(metric(), 1..8),
        prop::collection::vec((nasty_text(), prop::collection::vec(0usize..9, 0..6), any::<bool>()), 0..3),
        prop::collection::vec((0usize..9, prop_oneof![5 => (0usize..9).prop_map(Some), 1 => Just(None)]), 0..3),
    )
        .prop_map(|(title, metrics, charts, gauges)| {
            let mut out = format!("title = {}\n", toml_string(&format!("T{title}")));
            let n = metrics.len();
            for (i, m) in metrics.iter().enumerate() {
                out +=
                    &format!("[[metric]]\nid = \"m{i}\"\nlabel = {}\nvalue = {:?}\n", toml_string(&m.label), m.value);
                if !m.unit.is_empty() {
                    out += &format!("unit = {}\n", toml_string(&m.unit));
                }
                if let Some(quote) = &m.quote {
                    out += &format!("quote = {}\n", toml_string(quote));
                }
                if let Some(p) = m.part_of {
                    out += &format!("part_of = \"m{}\"\n", p % n);
                }
            }
            for (title, mut members, vertical) in charts {
                members.iter_mut().for_each(|i| *i %= n);
                let mut seen = std::collections::HashSet::new();
                members.retain(|i| seen.insert(*i));
                let ids: Vec<String> = members.iter().map(|i| format!("\"m{i}\"")).collect();
                let direction = if vertical { "vertical" } else { "horizontal" };
                out += &format!(
                    "[[chart]]\ntitle = {}\nmetrics = [{}]\ndirection = \"{direction}\"\n",
                    toml_string(&title),
                    ids.join(", ")
                );
            }
            for (metric, of) in gauges {
                let (mut part, whole) = (metric % n, of.map(|o| o % n));
                let mut whole = whole;
                // Usually a real share: the smaller figure over the larger.
                if let Some(w) = whole.filter(|&w| metrics[part].value > metrics[w].value) {
                    (part, whole) = (w, Some(part));
                }
                out += &format!("[[gauge]]\nmetric = \"m{part}\"\n");
                if let Some(of) = whole {
                    out += &format!("of = \"m{of}\"\n");
                }
            }
            out
        })
}

fn assert_screen_is_clean(app: &App) -> Result<(), TestCaseError> {
    let buffer = common::render(app);
    for cell in buffer.content() {
        prop_assert!(!cell.symbol().chars().any(is_unsafe_char), "unsafe cell {:?}", cell.symbol());
    }
    Ok(())
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop::sample::select(vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('?'),
        KeyCode::Char('j'),
        KeyCode::Char('G'),
        KeyCode::Char(' '),
        KeyCode::Char('/'),
        KeyCode::Char('n'),
        KeyCode::Char('N'),
        KeyCode::Char('m'),
        KeyCode::Char('e'),
        KeyCode::Char('中'),
        KeyCode::Backspace,
    ])
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn any_dataset_at_any_size_renders_without_panic_or_control_characters(
        dataset in dataset_text(),
        article in nasty_text(),
        width in 0u16..250,
        height in 0u16..80,
    ) {
        let app = app_for(&dataset, &article, width, height);
        assert_screen_is_clean(&app)?;
    }

    #[test]
    fn any_keys_keep_selection_and_scroll_in_range(
        dataset in dataset_text(),
        article in nasty_text(),
        keys in prop::collection::vec(key_code(), 0..40),
        (width, height) in (20u16..200, 5u16..70),
        resize in (0u16..220, 0u16..80),
        mice in prop::collection::vec((0u16..220, 0u16..80, 0u8..3), 0..12),
    ) {
        use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
        let mut app = app_for(&dataset, &article, width, height);
        for (i, code) in keys.iter().enumerate() {
            apply(&mut app, Event::Key(KeyEvent::new(*code, KeyModifiers::NONE), std::time::Instant::now()));
            if i == keys.len() / 2 {
                apply(&mut app, Event::Resize(resize.0, resize.1));
            }
            if let Some(&(column, row, kind)) = mice.get(i) {
                let kind = match kind {
                    0 => MouseEventKind::Down(MouseButton::Left),
                    1 => MouseEventKind::ScrollDown,
                    _ => MouseEventKind::ScrollUp,
                };
                apply(&mut app, Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }));
            }
        }
        prop_assert!(app.view().article_scroll() <= app.view().article_max_scroll(app.content()));
        if let Some(loaded) = &app.content().data() {
            for (index, chart) in loaded.dataset.charts.iter().enumerate() {
                prop_assert!(app.view().chart_selection(index) < chart.metrics.len().max(1));
            }
            prop_assert!(app.view().gauge_selection() < loaded.dataset.gauges.len().max(1));
        }
        assert_screen_is_clean(&app)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // Bytes that are not UTF-8 are refused with a message; any text either parses or says
        // what is wrong, in words that are safe to show.
        match coopdash::dataset::read::decode_utf8(bytes, "m.toml") {
            Ok(text) => {
                if let Err(diagnostics) = dataset::parse(&Origin { text: &text, file: "m.toml", base_dir: Path::new("") }) {
                    prop_assert!(!diagnostics.is_empty());
                    for d in diagnostics {
                        prop_assert!(!d.message.chars().any(is_unsafe_char), "{:?}", d.message);
                    }
                }
            }
            Err(diagnostic) => {
                prop_assert!(diagnostic.message.contains("UTF-8"), "{:?}", diagnostic.message);
            }
        }
    }

    #[test]
    fn wrapped_articles_fit_any_width(article in nasty_text(), width in 0usize..120) {
        let parsed = Article::from_markdown(&article);
        for line in coopdash::article::wrap(&parsed.blocks, width) {
            let pieces = line.pieces(&parsed.blocks, width);
            let text: String = pieces.iter().map(|p| p.text.as_ref()).collect();
            // The text after the decoration (list marker, quote bar or their indent).
            let decorated = usize::from(line.prefix != coopdash::article::Prefix::None);
            let body: String = pieces.iter().skip(decorated).map(|p| p.text.as_ref()).collect();
            let graphemes = unicode_segmentation::UnicodeSegmentation::graphemes(body.as_str(), true).count();
            // A line fits, unless its text is one grapheme wider than the room left (an emoji at
            // width 1, a space carrying two spacing marks beside a quote bar): a grapheme is
            // never split, so it stands alone and the pane clips it.
            prop_assert!(
                coopdash::text::width::width(&text) <= width || graphemes <= 1,
                "{text:?} at {width}"
            );
        }
    }
}

/// Guards the generator: if most generated datasets failed validation, the properties above
/// would only ever exercise the error screen.
#[test]
fn the_dataset_generator_mostly_makes_valid_datasets() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let total = 300;
    let valid = (0..total)
        .filter(|_| {
            let text = dataset_text().new_tree(&mut runner).unwrap().current();
            dataset::parse(&Origin { text: &text, file: "m", base_dir: Path::new("") }).is_ok()
        })
        .count();
    assert!(valid * 3 > total, "only {valid}/{total} generated datasets are valid");
    assert!(valid < total, "the error screen needs invalid datasets too");
}

/// Fragments of TOML, so random files get past the first byte and into the parser's corners.
fn toml_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("title = \"T\"\n".to_owned()),
            Just("[[metric]]\n".to_owned()),
            Just("[[chart]]\n".to_owned()),
            Just("[[gauge]]\n".to_owned()),
            Just("[[slide]]\n".to_owned()),
            Just("[source]\n".to_owned()),
            Just("id = \"a\"\n".to_owned()),
            Just("value = ".to_owned()),
            Just("metrics = [\"a\", ".to_owned()),
            Just("part_of = \"a\"\n".to_owned()),
            Just("date = 2025-04-10\n".to_owned()),
            Just("{ x = [".to_owned()),
            Just("]}\n".to_owned()),
            Just("\"\"\"".to_owned()),
            Just("'''".to_owned()),
            Just("\\u0000\\u001b".to_owned()),
            Just("1e400 ".to_owned()),
            Just("-inf\n".to_owned()),
            Just("\r".to_owned()),
            "[a-z_]{1,8} = [0-9]{1,25}\n",
            any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn toml_soup_never_panics_the_loader(text in toml_soup()) {
        let outcome = dataset::parse(&Origin { text: &text, file: "m.toml", base_dir: Path::new("") });
        if let Err(diagnostics) = outcome {
            prop_assert!(!diagnostics.is_empty());
            prop_assert!(diagnostics.is_sorted_by_key(|d| d.position), "in file order");
            for mut d in diagnostics {
                prop_assert!(!d.message.chars().any(is_unsafe_char), "{:?}", d.message);
                // As --check and the app show it: its source line quoted, still safe.
                d.attach_source(&text);
                let shown = coopdash::dataset::report::render(&d, coopdash::dataset::report::Paint::Plain, 80);
                prop_assert!(!shown.chars().any(|c| c != '\n' && is_unsafe_char(c)), "{:?}", shown);
            }
        }
    }

    #[test]
    fn sanitised_text_is_safe_and_sanitising_again_changes_nothing(text in any::<String>()) {
        let once = coopdash::text::sanitize(&text).into_owned();
        prop_assert!(!once.chars().any(|c| c != '\n' && is_unsafe_char(c)));
        prop_assert_eq!(coopdash::text::sanitize(&once).into_owned(), once.clone());
        let line = coopdash::text::sanitize_line(&text).into_owned();
        prop_assert!(!line.chars().any(is_unsafe_char));
    }
}

/// A valid dataset of `metrics` metrics with long or wide labels, charts of the given sizes
/// (vertical when asked) and `gauges` gauges: built as text, cheaply, for counts far beyond any
/// screen.
fn counted_dataset(metrics: usize, charts: &[(usize, bool)], gauges: usize, wide_labels: bool) -> String {
    use std::fmt::Write;
    let mut out = String::from("title = \"Counts\"\n");
    for i in 0..metrics {
        let label = if wide_labels {
            format!("中老铁路货运量{}", "超过五千万吨".repeat(i % 7))
        } else {
            format!("M{i}")
        };
        let _ = write!(out, "[[metric]]\nid = \"m{i}\"\nlabel = \"{label}\"\nvalue = {}\n", i % 1000 + 1);
    }
    for &(bars, vertical) in charts {
        let ids: Vec<String> = (0..bars.min(metrics)).map(|i| format!("\"m{i}\"")).collect();
        let direction = if vertical { "vertical" } else { "horizontal" };
        let _ = write!(out, "[[chart]]\ntitle = \"C\"\ndirection = \"{direction}\"\nmetrics = [{}]\n", ids.join(","));
    }
    for g in 0..gauges.min(metrics / 2) {
        // The smaller value over the larger: values rise with the index within a thousand.
        let _ = write!(out, "[[gauge]]\nmetric = \"m{}\"\nof = \"m{}\"\n", 2 * g % 999, 2 * g % 999 + 1);
    }
    out
}

/// Sizes at the ends of what a terminal (and a buffer in memory) can be.
fn extreme_size() -> impl Strategy<Value = (u16, u16)> {
    prop::sample::select(vec![
        (65535, 1),
        (1, 65535),
        (65535, 7),
        (24, 6),
        (1000, 300),
        (500, 140),
        (70, 16),
        (250, 70),
    ])
}

proptest! {
    #![proptest_config(config(8))]

    /// Counts of bars and gauges in the thousands, at sizes to the `u16` limits, in debug (where
    /// an overflow panics): every pane to its last item, and every slide.
    #[test]
    fn thousands_of_bars_at_extreme_sizes_render_without_panic(
        metrics in prop::sample::select(vec![1usize, 2, 40, 2000]),
        charts in prop::collection::vec((prop::sample::select(vec![1usize, 2, 700, 2000]), any::<bool>()), 1..4),
        gauges in prop::sample::select(vec![0usize, 1, 300]),
        wide_labels in any::<bool>(),
        (width, height) in extreme_size(),
    ) {
        let text = counted_dataset(metrics, &charts, gauges, wide_labels);
        let mut app = app_for(&text, "", width, height);
        prop_assert!(app.content().data().is_some(), "{:?}", app.content().error());
        for code in [KeyCode::End, KeyCode::Tab, KeyCode::End, KeyCode::Tab, KeyCode::PageDown, KeyCode::Enter] {
            apply(&mut app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now()));
            assert_screen_is_clean(&app)?;
        }
        apply(&mut app, Event::Key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE), std::time::Instant::now()));
        for _ in 0..app.content().deck().len().min(8) {
            apply(&mut app, Event::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), std::time::Instant::now()));
            assert_screen_is_clean(&app)?;
        }
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// The layout alone is cheap: any size, any counts (up to `usize::MAX` bars), any banner.
    #[test]
    fn the_layout_of_any_counts_at_any_size_lies_inside_the_screen(
        width in prop_oneof![any::<u16>(), Just(u16::MAX), 0u16..300],
        height in prop_oneof![any::<u16>(), Just(u16::MAX), 0u16..300],
        charts in prop::collection::vec((prop_oneof![0usize..20, any::<usize>(), Just(usize::MAX)], any::<bool>()), 0..5),
        gauges in prop_oneof![0usize..10, any::<usize>()],
        banner in any::<u16>(),
        focus in 0usize..6,
    ) {
        use coopdash::layout::{ChartShape, LayoutInput, Pane, layout};
        let focus = match focus { 0 => Pane::Gauges, 1 => Pane::Article, i => Pane::Chart(i - 2) };
        let charts = charts.into_iter().map(|(bars, vertical)| ChartShape { bars, vertical, table: false }).collect();
        let input = LayoutInput { charts, gauges, focus, banner };
        let screen = Rect::new(0, 0, width, height);
        let areas = layout(screen, &input);
        for rect in areas.charts.iter().chain([&areas.gauges, &areas.article, &areas.detail, &areas.footer, &areas.header, &areas.banner]) {
            prop_assert!(rect.area() == 0 || screen.union(*rect) == screen, "{rect:?} in {screen:?}");
        }
        for (rect, shape) in areas.charts.iter().zip(&input.charts) {
            let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
            let slots = coopdash::geometry::bar_slots(shape.bars, inner, shape.vertical, shape.bars / 2);
            prop_assert!(slots.window.end <= shape.bars.max(slots.window.start));
            let room = if slots.vertical { inner.width } else { inner.height };
            prop_assert!(slots.span() <= room.max(1), "{slots:?} in {inner:?}");
        }
    }
}
