//! Several views over one content: each has its own size and place; a reload swaps the data
//! under all of them and each keeps its own place.

use crate::common;

use std::time::Instant;

use common::TempDataset;
use coopdash::app::{Content, Event, Item, News, View, Viewer};
use coopdash::layout::Pane;
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
use coopdash::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Six metrics in two charts (counts and tonnages), and an article long enough to scroll that
/// quotes every one of them.
fn dataset(first_value: u32) -> String {
    let mut text = String::from("title = \"Two views\"\narticle = \"article.md\"\n");
    for (id, value, unit) in [
        ("a", first_value, "countries"),
        ("b", 20, "countries"),
        ("c", 30, "countries"),
        ("d", 4, "Mt"),
        ("e", 5, "Mt"),
        ("f", 6, "Mt"),
    ] {
        text += &format!(
            "[[metric]]\nid = \"{id}\"\nlabel = \"Metric {id}\"\nvalue = {value}\nunit = \"{unit}\"\nquote = \"quote of {id}\"\n"
        );
    }
    text
}

fn article() -> String {
    let mut text = String::new();
    for paragraph in 0..60 {
        let id = ["a", "b", "c", "d", "e", "f"].get(paragraph / 10).copied().unwrap_or("a");
        text += &format!("Paragraph {paragraph} says something long enough to wrap on a narrow screen.");
        if paragraph % 10 == 5 {
            text += &format!(" Here is the quote of {id}.");
        }
        text += "\n\n";
    }
    text
}

struct Shared {
    content: Content,
    views: Vec<View>,
}

impl Shared {
    fn on(file: &TempDataset, sizes: &[(u16, u16)]) -> Self {
        let request = LoadRequest { dataset: DatasetSource::File(file.path.clone()), article_override: None };
        let first = LoadAsk::first(&request);
        let at = first.at;
        let (content, news) = Content::new(request, first);
        let views = sizes
            .iter()
            .map(|&(width, height)| {
                let mut view = View::new(&content, Theme::monochrome(), Rect::new(0, 0, width, height), at);
                let _ = view.hear(&content, &News { replaced: None, notice: news.notice.clone(), redraw: true });
                view
            })
            .collect();
        Self { content, views }
    }

    fn key(&mut self, view: usize, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now());
        let effects = self.views[view].update(&self.content, event);
        assert!(effects.load.is_none(), "a movement key asks for no load");
    }

    /// A reload by hand, performed at once; every view hears what it found.
    fn reload(&mut self) {
        let (effects, news) = self.content.update(Event::Reload);
        assert!(news.replaced.is_none(), "nothing is read before the runtime performs the load");
        let outcome = effects.load.expect("a reload asks for a load").perform();
        let (_, news) = self.content.update(Event::Loaded(Box::new(outcome)));
        assert!(news.replaced.is_some(), "the changed file replaced the data");
        for view in &mut self.views {
            assert!(view.hear(&self.content, &news).redraw);
        }
    }

    fn selected_id(&self, view: usize) -> String {
        let data = self.content.data().expect("data");
        match self.views[view].selected_item(&self.content) {
            Some(Item::Metric(metric)) => data.dataset.metrics[metric].id.clone(),
            other => panic!("view {view} selects {other:?}"),
        }
    }

    fn screen(&self, view: usize) -> String {
        let size = self.views[view].size();
        let mut buffer = Buffer::empty(size);
        Viewer { content: &self.content, view: &self.views[view] }.render(size, &mut buffer);
        coopdash::export::to_plain_text(&buffer)
    }
}

#[test]
fn two_views_of_one_content_move_on_their_own_and_keep_their_place_across_a_reload() {
    let file = TempDataset::new(&dataset(10));
    file.file("article.md", &article());
    let mut shared = Shared::on(&file, &[(80, 24), (200, 50)]);
    assert_eq!(shared.views[0].size(), Rect::new(0, 0, 80, 24));
    assert_eq!(shared.views[1].size(), Rect::new(0, 0, 200, 50));
    assert_ne!(
        shared.views[0].article_width(),
        shared.views[1].article_width(),
        "each view wraps the article for its own width"
    );

    // The small view moves to the third count; the big one stays on the first.
    shared.key(0, KeyCode::Down);
    shared.key(0, KeyCode::Down);
    assert_eq!(shared.selected_id(0), "c");
    assert_eq!(shared.selected_id(1), "a", "the other view did not move");

    // The big view goes to the tonnages and scrolls its article; the small one does not.
    shared.key(1, KeyCode::Tab);
    assert_eq!(shared.views[1].focus(), Pane::Chart(1));
    shared.key(1, KeyCode::Char('G'));
    assert_eq!(shared.selected_id(1), "f");
    assert_eq!(shared.views[0].focus(), Pane::Chart(0));
    let (scroll_small, scroll_big) = (shared.views[0].article_scroll(), shared.views[1].article_scroll());
    assert_ne!(scroll_small, scroll_big, "each article follows its own view's selection");
    let top_small = shared.views[0].article_lines()[shared.views[0].line_at_row(&shared.content, scroll_small)].clone();
    let top_big = shared.views[1].article_lines()[shared.views[1].line_at_row(&shared.content, scroll_big)].clone();

    // Each screen shows its own selection.
    assert!(shared.screen(0).contains("Metric c"), "{}", shared.screen(0));
    assert!(shared.screen(1).contains("Metric f"), "{}", shared.screen(1));

    // A save changes a value: both views get the new data and stay where they were.
    file.write(&dataset(11));
    let generation = shared.content.generation();
    shared.reload();
    assert_eq!(shared.content.generation(), generation + 1);
    assert_eq!(shared.content.data().unwrap().dataset.metrics[0].value, 11.0);
    assert_eq!((shared.selected_id(0), shared.selected_id(1)), ("c".to_owned(), "f".to_owned()));
    assert_eq!((shared.views[0].focus(), shared.views[1].focus()), (Pane::Chart(0), Pane::Chart(1)));
    for (view, top) in [(0, top_small), (1, top_big)] {
        let v = &shared.views[view];
        let now = &v.article_lines()[v.line_at_row(&shared.content, v.article_scroll())];
        assert_eq!((now.block, now.offset), (top.block, top.offset), "view {view} keeps its article's place");
    }
    let notice = |view: usize| shared.views[view].notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice(0).contains("Metric a 10 → 11"), "{}", notice(0));
    assert_eq!(notice(0), notice(1), "both views say what the reload changed");
}

#[test]
fn a_presentation_in_one_view_leaves_the_other_on_the_dashboard() {
    let file = TempDataset::new(&dataset(10));
    file.file("article.md", &article());
    let mut shared = Shared::on(&file, &[(120, 40), (120, 40)]);
    shared.key(0, KeyCode::Char('p'));
    shared.key(0, KeyCode::Right);
    assert_eq!(shared.views[0].mode(), coopdash::app::Mode::Presentation);
    assert_eq!(shared.views[0].presentation().slide, 1);
    assert_eq!(shared.views[1].mode(), coopdash::app::Mode::Dashboard);
    assert_eq!(shared.views[1].presentation().slide, 0);
    assert_ne!(shared.screen(0), shared.screen(1));
}
