//! A deck to hand out: the slides drawn as the audience sees them (`--export deck.html`,
//! `--export deck.pdf`), each from the same buffer the terminal would show, with the words
//! that only big glyphs show kept as text, and, for `--notes`, each slide's notes under it.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::{App, Event};
use crate::dataset::{Dataset, SlideContent};
use crate::deck::Slide;
use crate::export::{self, Defaults, Page, pdf::FontBook};

/// The pages of a deck, ready for an exporter.
pub struct Handout {
    pub title: String,
    pub pages: Vec<HandoutPage>,
}

/// One slide's page.
pub struct HandoutPage {
    pub buffer: Buffer,
    pub title: String,
    pub hidden: Vec<String>,
}

impl Handout {
    /// Every slide (or only slide `only`, from 0) of the app's deck at the app's size, each
    /// with its notes under it when `notes` is set. The app is left on the last slide drawn.
    pub fn of(app: &mut App, only: Option<usize>, notes: bool) -> Self {
        let at = app.view().presentation().now;
        let count = app.content().deck().len();
        let wanted: Vec<usize> = match only {
            Some(slide) => vec![slide.min(count.saturating_sub(1))],
            None => (0..count).collect(),
        };
        let mut pages = Vec::new();
        for slide in wanted {
            let _ = app.update(Event::GoToSlide { slide, at });
            let mut buffer = crate::offscreen::render(app);
            let Some(deck_slide) = app.content().deck().get(slide) else { continue };
            let text = export::to_plain_text(&buffer);
            let hidden = app.content().data().map_or_else(Vec::new, |loaded| {
                big_words(deck_slide, &loaded.dataset)
                    .into_iter()
                    .filter(|word| !text.contains(word.as_str()))
                    .collect()
            });
            if notes && let Some(notes) = notes_of(deck_slide) {
                buffer = with_notes(buffer, notes, app);
            }
            pages.push(HandoutPage { buffer, title: deck_slide.title.clone(), hidden });
        }
        let title = app.content().data().map_or_else(String::new, |loaded| loaded.dataset.title.clone());
        Self { title, pages }
    }

    fn pages(&self) -> Vec<Page<'_>> {
        self.pages.iter().map(|p| Page { buffer: &p.buffer, title: &p.title, hidden: &p.hidden }).collect()
    }

    /// The deck as one HTML file.
    pub fn to_html(&self, defaults: Defaults) -> String {
        export::to_html_deck(&self.title, &self.pages(), defaults)
    }

    /// The deck as a PDF, embedding fonts from `fonts` (files or folders) and the system's.
    pub fn to_pdf(&self, defaults: Defaults, fonts: &[PathBuf]) -> Result<Vec<u8>, String> {
        let book = FontBook::new(fonts, true)?;
        export::pdf::to_pdf(&self.title, &self.pages(), defaults, &book)
    }

    /// Writes the deck to `path` as its extension says (`.pdf`, else HTML).
    pub fn write(&self, path: &Path, defaults: Defaults, fonts: &[PathBuf]) -> Result<(), String> {
        let is_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        let bytes = if is_pdf { self.to_pdf(defaults, fonts)? } else { self.to_html(defaults).into_bytes() };
        std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    }
}

/// A slide's speaker notes (Markdown, sanitised).
/// The speaker's notes of a slide (its own `notes`, or its metric's or gauge's `note`).
fn notes_of(slide: &Slide) -> Option<&str> {
    slide.notes.as_deref()
}

/// What a slide shows only in big glyphs: the title slide's title, a gauge's share, a big
/// number; written as the small print writes them (`≤23.2%`, where the big font has `<=`).
fn big_words(slide: &Slide, dataset: &Dataset) -> Vec<String> {
    match &slide.content {
        SlideContent::Title => vec![slide.title.clone()],
        SlideContent::Gauge(g) => dataset.gauges.get(*g).map(|g| g.display_ratio()).into_iter().collect(),
        SlideContent::Metric(m) => dataset.metrics.get(*m).map(|m| m.short_value()).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The slide with its notes under it: a heading row and the notes wrapped to the slide's
/// width, in the slide's colours.
fn with_notes(slide: Buffer, notes: &str, app: &App) -> Buffer {
    let theme = app.view().theme();
    let width = slide.area.width;
    let margin = (width / 16).clamp(1, 12);
    let inner = width.saturating_sub(2 * margin).max(1);
    let notes = crate::ui::notes::Notes::new(notes, inner);
    let rows = u16::try_from(notes.rows()).unwrap_or(u16::MAX).min(1000);
    let top = slide.area.bottom();
    let area = Rect::new(0, top, width, rows.saturating_add(3));
    let mut below = Buffer::empty(area);
    below.set_style(area, theme.slide);
    Line::styled(" Notes", theme.slide_dim).render(Rect { y: top + 1, height: 1, ..area }, &mut below);
    notes.render(theme, Rect::new(margin, top + 2, inner, rows), &mut below);
    let mut page = slide;
    page.merge(&below);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_go_under_the_slide_wrapped_to_its_width() {
        let request = crate::load::LoadRequest { dataset: crate::load::DatasetSource::Builtin, article_override: None };
        let first = crate::load::LoadAsk::first(&request);
        let mut app = App::new(request, first, crate::theme::Theme::monochrome(), Rect::new(0, 0, 40, 10));
        let _ = app.update(Event::Resize(40, 10));
        let slide = Buffer::empty(Rect::new(0, 0, 40, 10));
        let page = with_notes(slide, "Say where the figure comes from, then pause.", &app);
        let text = export::to_plain_text(&page);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[11], " Notes");
        // 40 columns less a margin of 2 on each side: 36 for the notes.
        assert_eq!(lines[12], "  Say where the figure comes from,");
        assert_eq!(lines[13], "  then pause.");
    }
}
