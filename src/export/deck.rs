//! A deck as one self-contained HTML file: every page a `<section>` holding its screen as the
//! single-screen HTML export draws it (real text, styled spans), which a small script presents
//! one at a time, fitted to the window (see `deck.js` for the keys). Without the script, or in
//! print, the sections stack, one a printed page.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::color::{hex, rgb};
use super::html::{escape, page_colors, pre_text};
use super::{Defaults, Page};

/// The colour of a screen's top-left cell: a slide's background, which also fills the window
/// around it (and any seam between rows when the browser scales it).
fn backdrop(buffer: &Buffer, defaults: Defaults) -> String {
    let area = buffer.area;
    let cell = buffer.cell((area.x, area.y));
    hex(rgb(cell.map_or(defaults.bg, |c| c.bg), defaults.bg))
}

/// The pages as an HTML deck titled `title`.
pub fn to_html_deck(title: &str, pages: &[Page], defaults: Defaults) -> String {
    let (fg, _) = page_colors(defaults);
    let bg = pages.first().map_or_else(|| page_colors(defaults).1, |page| backdrop(page.buffer, defaults));
    let mut sections = String::new();
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        let area = page.buffer.area;
        let label = escape(&format!("Slide {number} of {}: {}", pages.len(), page.title));
        let back = backdrop(page.buffer, defaults);
        let _ = writeln!(sections, "<section id=\"{number}\" aria-label=\"{label}\" style=\"background: {back}\">");
        if !page.hidden.is_empty() {
            // Words the slide shows only as big glyphs: there for a search and a screen reader.
            let _ = writeln!(sections, "<h2 class=\"sr\">{}</h2>", escape(&page.hidden.join(" · ")));
        }
        let _ = write!(
            sections,
            "<pre style=\"width: {}ch; height: {}em; background: {back}\">{}</pre>\n</section>\n",
            area.width,
            f64::from(area.height) * 1.25,
            pre_text(page.buffer, defaults)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>\n:root {{ --fg: {fg}; --bg: {bg}; }}\n{}</style>\n</head>\n<body>\n<main>\n{sections}</main>\n\
         <div id=\"blank\" hidden></div>\n<script>\n{}</script>\n</body>\n</html>\n",
        escape(title),
        include_str!("deck.css"),
        include_str!("deck.js"),
    )
}
