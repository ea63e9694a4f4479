//! What users feel, measured: loading, laying out the article, drawing a frame, a scroll step,
//! a reload. `cargo bench` runs them; the README reports the numbers.

#[path = "../examples/support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use coopdash::app::{App, Event};
use coopdash::article::{Article, wrap};
use coopdash::dataset::{Origin, parse};
use coopdash::load::{BUILTIN_ARTICLE, BUILTIN_DATASET, DatasetSource, LoadRequest};
use coopdash::runtime::in_place::apply;
use coopdash::theme::Theme;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const BIG_METRICS: usize = 10_000;
const BIG_LINES: usize = 100_000;

fn origin(text: &str) -> Origin<'_> {
    Origin { text, file: "metrics.toml", base_dir: Path::new("") }
}

fn load_and_validate(c: &mut Criterion) {
    let generated = generate::dataset(BIG_METRICS, None);
    let mut group = c.benchmark_group("load_and_validate");
    group.bench_function("bundled", |b| b.iter(|| parse(&origin(black_box(BUILTIN_DATASET))).unwrap()));
    group.bench_function("10k_metrics", |b| b.iter(|| parse(&origin(black_box(&generated))).unwrap()));
    group.finish();
}

fn article_layout(c: &mut Criterion) {
    let big = generate::article(BIG_LINES, 1);
    let mut group = c.benchmark_group("article_layout");
    for (name, text) in [("bundled", BUILTIN_ARTICLE), ("100k_lines", big.as_str())] {
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let article = Article::from_markdown(black_box(text));
                wrap(&article.blocks, 78)
            })
        });
    }
    group.finish();
}

/// Wrapping alone, the part that runs again on every resize: the generated Latin article and a
/// Chinese one (the chinese fixture's article, repeated to about 100,000 lines at 78 columns).
fn article_wrap(c: &mut Criterion) {
    let latin = Article::from_markdown(&generate::article(BIG_LINES, 1));
    let chinese_text = include_str!("../tests/fixtures/chinese/article.md").repeat(4_000);
    let chinese = Article::from_markdown(&chinese_text);
    let mut group = c.benchmark_group("article_wrap");
    for (name, article) in [("100k_lines", &latin), ("chinese_100k_lines", &chinese)] {
        group.bench_function(name, |b| b.iter(|| wrap(black_box(&article.blocks), 78)));
    }
    group.finish();
}

/// An app on files in a temporary folder, at a size.
fn app_on(dir: &Path, dataset: &str, article: &str, width: u16, height: u16) -> App {
    std::fs::write(dir.join("article.md"), article).unwrap();
    std::fs::write(dir.join("metrics.toml"), dataset).unwrap();
    let request = LoadRequest { dataset: DatasetSource::File(dir.join("metrics.toml")), article_override: None };
    let first = coopdash::load::LoadAsk::first(&request);
    let mut app = App::new(request, first, Theme::dark(), Rect::default());
    apply(&mut app, Event::Resize(width, height));
    app
}

fn with_article(dataset: &str) -> String {
    dataset.replace("article = \"assets/article.md\"", "article = \"article.md\"")
}

fn render_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("render_frame");
    for (width, height) in [(80, 24), (200, 60)] {
        let app = app_on(dir.path(), &with_article(BUILTIN_DATASET), BUILTIN_ARTICLE, width, height);
        let area = Rect::new(0, 0, width, height);
        let mut buffer = Buffer::empty(area);
        group.bench_function(format!("{width}x{height}"), |b| {
            b.iter(|| {
                buffer.reset();
                (&app).render(area, &mut buffer);
            })
        });
    }
    group.finish();
}

fn scroll_step(c: &mut Criterion) {
    let big = generate::article(BIG_LINES, 1);
    let mut group = c.benchmark_group("scroll_step");
    for (name, article) in [("bundled", BUILTIN_ARTICLE), ("100k_lines", big.as_str())] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(dir.path(), &with_article(BUILTIN_DATASET), article, 120, 40);
        // BackTab from the first chart focuses the article.
        apply(&mut app, Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE), std::time::Instant::now()));
        assert_eq!(app.view().focus(), coopdash::layout::Pane::Article);
        let area = Rect::new(0, 0, 120, 40);
        let mut buffer = Buffer::empty(area);
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                // Down then up, so the step never stops at an end.
                let code = if down { KeyCode::Char('j') } else { KeyCode::Char('k') };
                down = !down;
                apply(&mut app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now()));
                buffer.reset();
                (&app).render(area, &mut buffer);
            })
        });
    }
    group.finish();
}

fn reload(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let dataset = with_article(BUILTIN_DATASET);
    let mut app = app_on(dir.path(), &dataset, BUILTIN_ARTICLE, 120, 40);
    let path = dir.path().join("metrics.toml");
    let mut value = 25;
    c.bench_function("reload/bundled", |b| {
        b.iter(|| {
            // A real change each time, so the diff and the highlight run too.
            value = if value == 25 { 26 } else { 25 };
            std::fs::write(&path, dataset.replace("value = 25\n", &format!("value = {value}\n"))).unwrap();
            apply(&mut app, Event::Reload);
        })
    });
}

/// A reload of the large data (10,000 metrics, a 100,000-line article) after a save that
/// changed one value: the article is the same text, so it is taken as already parsed.
fn reload_large(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let dataset = generate::dataset(BIG_METRICS, Some("article.md"));
    let mut app = app_on(dir.path(), &dataset, &generate::article(BIG_LINES, 1), 120, 40);
    let path = dir.path().join("metrics.toml");
    let (first, second) = (dataset.replacen("value = ", "value = 1", 1), dataset.replacen("value = ", "value = 2", 1));
    let mut flip = false;
    c.bench_function("reload/10k_metrics_100k_lines_one_value", |b| {
        b.iter(|| {
            flip = !flip;
            std::fs::write(&path, if flip { &first } else { &second }).unwrap();
            apply(&mut app, Event::Reload);
        })
    });
}

/// A frame drawn again with nothing changed, as the runtime draws (`ui::Painter`): unchanged
/// panes are copied from the last frame, the rest drawn and compared with the last frame, which
/// finds nothing, and no byte is written.
fn unchanged_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(dir.path(), &with_article(BUILTIN_DATASET), BUILTIN_ARTICLE, 120, 40);
    let backend = ratatui::backend::CrosstermBackend::new(std::io::sink());
    // A fixed viewport: a terminal of its own size asks the backend every frame, and crossterm,
    // finding no terminal on a bench's stdout, runs `tput` to learn it.
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, 120, 40));
    let mut terminal = ratatui::Terminal::with_options(backend, ratatui::TerminalOptions { viewport }).unwrap();
    // Through the panes cached from the last frame, as the runtime draws.
    let mut painter = coopdash::ui::Painter::new();
    painter.draw(&mut terminal, app.viewer(), |_, _| None).unwrap();
    c.bench_function("render_frame/unchanged_120x40", |b| {
        b.iter(|| {
            painter.draw(&mut terminal, app.viewer(), |_, _| None).unwrap();
        })
    });
}

/// 100 KB typed into the search prompt, key by key, then one frame: the flood the hostile tests
/// send. (The text starts with letters the article holds, so the first keys do search.)
fn search_flood(c: &mut Criterion) {
    let big = generate::article(BIG_LINES, 1);
    let typed: Vec<char> =
        "the ".chars().chain((0..100 * 1024 - 4).map(|i| char::from(b'a' + (i % 26) as u8))).collect();
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), std::time::Instant::now());
    let mut group = c.benchmark_group("search_flood_100kb");
    for (name, article) in [("bundled", BUILTIN_ARTICLE), ("100k_lines", big.as_str())] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(dir.path(), &with_article(BUILTIN_DATASET), article, 120, 40);
        let area = Rect::new(0, 0, 120, 40);
        let mut buffer = Buffer::empty(area);
        group.bench_function(name, |b| {
            b.iter(|| {
                apply(&mut app, key('/'));
                for &c in &typed {
                    apply(&mut app, key(c));
                }
                buffer.reset();
                (&app).render(area, &mut buffer);
                apply(&mut app, Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), std::time::Instant::now()));
            })
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
}

criterion_group! {
    name = benches;
    config = config();
    targets = load_and_validate, article_layout, article_wrap, render_frame, unchanged_frame, scroll_step, reload,
        reload_large, search_flood
}
criterion_main!(benches);
