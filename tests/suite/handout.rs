//! The decks to hand out: `--export deck.html --present` and `--export deck.pdf`, read back
//! with a real HTML parser (tl) and a real PDF parser (pdf-extract, on lopdf), on the bundled
//! deck and on the Chinese fixture, whose characters come from the font fixture
//! (tests/fixtures/fonts), so no system font is needed.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The font fixture: a subset of Noto Sans Mono CJK SC with every character the fixtures use.
const FONT: &str = "tests/fixtures/fonts/NotoSansMonoCJKsc-subset.otf";

fn coopdash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coopdash")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

/// Exports `dataset` (a path, or "" for the bundled `metrics.toml`) to `name` in a fresh folder
/// with these flags; the file's path (the folder lives as long as the returned guard).
fn export(dataset: &str, name: &str, flags: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let mut args = vec!["--export", path.to_str().unwrap()];
    if !dataset.is_empty() {
        args.push(dataset);
    }
    args.extend_from_slice(flags);
    let output = coopdash(&args);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    (dir, path)
}

/// The titles of a dataset's slides, as the deck has them.
fn titles(dataset: &Path) -> Vec<String> {
    let mut app = common::file_app(dataset, 120, 36);
    common::present(&mut app);
    app.content().deck().iter().map(|slide| slide.title.clone()).collect()
}

/// White space runs as one space (a PDF's text comes back with its own line breaks).
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each `<section>` of an HTML deck.
fn sections(html: &str) -> Vec<String> {
    let dom = tl::parse(html, tl::ParserOptions::default()).unwrap();
    let parser = dom.parser();
    dom.query_selector("section")
        .unwrap()
        .map(|handle| handle.get(parser).unwrap().inner_text(parser).into_owned())
        .map(|text| text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""))
        .collect()
}

#[test]
fn the_html_deck_holds_every_slide_in_its_own_section_with_its_text() {
    let (_dir, path) = export("", "deck.html", &["--present"]);
    let html = std::fs::read_to_string(path).unwrap();
    let titles = titles(Path::new("metrics.toml"));
    let sections = sections(&html);
    assert_eq!(sections.len(), titles.len());
    assert_eq!(titles.len(), 17);
    for (text, title) in sections.iter().zip(&titles) {
        assert!(squeeze(text).contains(&squeeze(title)), "{title} in {text}");
    }
    assert!(sections[1].contains("Partnership ties") && sections[1].contains("28"), "{}", sections[1]);
    assert!(sections[4].contains("≤23.2%"), "the share in big glyphs, as text too: {}", sections[4]);
    // Self-contained: the player is inline, nothing is fetched.
    assert!(html.contains("<script>") && !html.contains("src=") && !html.contains("href="));
    for key in ["ArrowRight", "PageDown", "Home", "End", "touchstart", "location.hash", "@media print"] {
        assert!(html.contains(key), "{key}");
    }
}

#[test]
fn the_html_deck_of_the_chinese_fixture_keeps_its_text() {
    let fixture = common::fixture("chinese");
    let (_dir, path) = export(fixture.to_str().unwrap(), "deck.html", &["--present"]);
    let sections = sections(&std::fs::read_to_string(path).unwrap());
    assert_eq!(sections.len(), titles(&fixture).len());
    assert!(sections[0].contains("中国与周边国家：合作数字"), "the title slide's big title as text: {}", sections[0]);
    assert!(sections.iter().any(|s| s.contains("伙伴关系")));
}

#[test]
fn the_decks_carry_no_key_hints_and_no_timer() {
    let (_dir, path) = export("", "deck.html", &["--present"]);
    let html = std::fs::read_to_string(path).unwrap();
    for text in sections(&html) {
        assert!(!text.contains("Esc dashboard") && !text.contains("→ next") && !text.contains("00:00"), "{text}");
    }
    let (_dir, path) = export("", "deck.pdf", &["--font", FONT]);
    for page in pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(path).unwrap()).unwrap() {
        assert!(!page.contains("Esc dashboard") && !page.contains("00:00"), "{page}");
    }
}

/// The number of filled rectangles (`re` operators) on each page of a PDF.
fn rectangles(pdf: &[u8]) -> Vec<usize> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    document
        .get_pages()
        .values()
        .map(|&page| {
            let content = lopdf::content::Content::decode(&document.get_page_content(page).unwrap()).unwrap();
            content.operations.iter().filter(|op| op.operator == "re").count()
        })
        .collect()
}

#[test]
fn the_pdf_deck_has_a_page_per_slide_with_its_text_and_bars_as_rectangles() {
    let (_dir, path) = export("", "deck.pdf", &["--font", FONT]);
    let pdf = std::fs::read(path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    let titles = titles(Path::new("metrics.toml"));
    assert_eq!(pages.len(), titles.len());
    for (text, title) in pages.iter().zip(&titles) {
        assert!(squeeze(text).contains(&squeeze(title)), "{title} in {text}");
    }
    assert!(squeeze(&pages[1]).contains("Partnership ties 28"), "{}", pages[1]);
    // The gauge's share is drawn in big glyphs; it is also there as (invisible) text.
    assert!(pages[4].contains("≤23.2%"), "{}", pages[4]);
    let rects = rectangles(&pdf);
    // Every page has its background; the chart slide's six bars add a rectangle each at least.
    assert!(rects.iter().all(|&n| n >= 1), "{rects:?}");
    assert!(rects[1] >= 7, "{rects:?}");
}

#[test]
fn the_pdf_deck_of_the_chinese_fixture_embeds_a_small_font_and_keeps_its_text() {
    let fixture = common::fixture("chinese");
    let (_dir, path) = export(fixture.to_str().unwrap(), "deck.pdf", &["--font", FONT]);
    let pdf = std::fs::read(path).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    assert_eq!(pages.len(), titles(&fixture).len());
    assert!(squeeze(&pages[0]).contains("中国与周边国家：合作数字"), "{}", pages[0]);
    assert!(pages.iter().any(|page| page.contains("伙伴关系")), "{pages:?}");
    assert!(pages.iter().any(|page| page.contains("跨境货物占比")), "{pages:?}");
    assert!(rectangles(&pdf).iter().any(|&n| n >= 4));
    // The font is a subset: the whole of Noto Sans CJK is about 20 MB.
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
}

#[test]
fn a_slide_named_is_the_only_page_and_one_screen_formats_stay_one_screen() {
    let (_dir, path) = export("", "slide.pdf", &["--slide", "5", "--font", FONT]);
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(pages.len(), 1);
    assert!(squeeze(&pages[0]).contains("Cargo crossing a border"), "{}", pages[0]);
    let (_dir, path) = export("", "slide.html", &["--slide", "5"]);
    assert_eq!(sections(&std::fs::read_to_string(path).unwrap()).len(), 0, "one screen, not a deck");
    let (_dir, path) = export("", "one.txt", &["--present", "--size", "80x24"]);
    assert_eq!(std::fs::read_to_string(path).unwrap().lines().count(), 24);
}

#[test]
fn a_font_path_that_does_not_exist_is_a_usage_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deck.pdf");
    let output = coopdash(&["--export", path.to_str().unwrap(), "--font", "no/such/font.otf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/font.otf"));
    assert!(!path.exists());
}

#[test]
fn a_handout_with_notes_is_still_a_page_per_slide() {
    // The notes themselves come from the slides' `notes` (see src/handout.rs: `notes_of`).
    let (_dir, path) = export("", "handout.pdf", &["--notes", "--font", FONT]);
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(pages.len(), titles(Path::new("metrics.toml")).len());
    let refused = coopdash(&["--notes", "--snapshot", "80x24"]);
    assert_eq!(refused.status.code(), Some(2), "--notes needs --export");
}

#[test]
fn a_handout_carries_each_slides_notes_under_it() {
    let dataset = "tests/fixtures/notes/metrics.toml";
    let (_dir, path) = export(dataset, "handout.pdf", &["--notes", "--font", FONT]);
    let pages = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(pages.len(), titles(Path::new(dataset)).len());
    let page = |n: usize| squeeze(&pages[n]);
    assert!(page(0).contains("Thank the pickers first"), "the title slide's notes: {}", page(0));
    assert!(page(1).contains("point at the first bar"), "the chart slide's notes: {}", page(1));
    assert!(page(2).contains("old trees on the hill"), "a gauge slide takes its gauge's note: {}", page(2));
    let (_dir, plain) = export(dataset, "deck.pdf", &["--font", FONT]);
    let plain = pdf_extract::extract_text_from_mem_by_pages(&std::fs::read(&plain).unwrap()).unwrap();
    assert!(!squeeze(&plain[0]).contains("Thank the pickers"), "notes only with --notes");
}
