//! HTML: a self-contained page, one line of text per terminal row, colours and bold as styled
//! spans, wide characters in boxes exactly two cells wide. Read by any HTML parser, the page's
//! text is the screen's text.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::color::{hex, rgb};
use super::{Defaults, Run, rows};

pub fn to_html(buffer: &Buffer, defaults: Defaults) -> String {
    let (fg, bg) = page_colors(defaults);
    let body = pre_text(buffer, defaults);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>coopdash</title>\n<style>\n\
         body {{ margin: 0; background: {bg}; }}\n\
         pre {{ margin: 0; padding: 1em; color: {fg}; background: {bg}; font: 14px/1.25 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }}\n\
         pre span {{ display: inline-block; height: 1.25em; vertical-align: top; }}\n\
         .w {{ width: 2ch; text-align: center; }}\n\
         </style>\n</head>\n<body>\n<pre>{body}</pre>\n</body>\n</html>\n"
    )
}

/// The colours of the terminal's defaults, as `#rrggbb`: (text, background).
pub(super) fn page_colors(defaults: Defaults) -> (String, String) {
    (hex(rgb(defaults.fg, defaults.fg)), hex(rgb(defaults.bg, defaults.bg)))
}

/// The inside of a `<pre>`: one line per row, styled spans, rows' trailing blanks dropped.
pub(super) fn pre_text(buffer: &Buffer, defaults: Defaults) -> String {
    let mut body = String::new();
    for row in rows(buffer) {
        let last = row.iter().rposition(|run| !run.text.trim().is_empty() || run.bg != ratatui::style::Color::Reset);
        let kept = last.map_or(0, |i| i + 1);
        for (index, run) in row.iter().take(kept).enumerate() {
            let text = if index + 1 == kept && run.bg == ratatui::style::Color::Reset {
                run.text.trim_end()
            } else {
                &run.text
            };
            // Full blocks apart from the rest of the run (a partial block or a bar's value), so
            // they can be painted solid.
            for piece in solid_and_other(text) {
                body.push_str(&span(run, piece, defaults));
            }
        }
        body.push('\n');
    }
    body
}

/// The text cut where it goes from full blocks to other characters and back:
/// `"ab███▌"` → `["ab", "███", "▌"]`.
fn solid_and_other(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let solid = first == '█';
        let cut = rest.char_indices().find(|&(_, c)| (c == '█') != solid).map_or(rest.len(), |(i, _)| i);
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// A run as a span: its text escaped, its colours resolved (reverse video swapped).
fn span(run: &Run, text: &str, defaults: Defaults) -> String {
    let (mut fg, mut bg) = (rgb(run.fg, defaults.fg), rgb(run.bg, defaults.bg));
    if run.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    let mut style = format!("color:{}", hex(fg));
    // A run of full blocks (a bar, a big digit) also paints its background in its colour, so
    // the font's glyphs, which rarely fill their whole cell, leave no seams between them.
    let solid = !text.is_empty() && text.chars().all(|c| c == '█');
    if solid {
        style += &format!(";background:{}", hex(fg));
    } else if run.bg != ratatui::style::Color::Reset || run.modifier.contains(Modifier::REVERSED) {
        style += &format!(";background:{}", hex(bg));
    }
    if run.modifier.contains(Modifier::BOLD) {
        style += ";font-weight:bold";
    }
    if run.modifier.contains(Modifier::ITALIC) {
        style += ";font-style:italic";
    }
    if run.modifier.contains(Modifier::UNDERLINED) {
        style += ";text-decoration:underline";
    }
    let class = if run.cells == 2 && run.text.chars().count() == 1 { " class=\"w\"" } else { "" };
    format!("<span{class} style=\"{style}\">{}</span>", escape(text))
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}
