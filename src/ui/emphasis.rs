//! A title the big font cannot draw (Chinese, for one), still the most prominent thing on its
//! slide: letter-spaced where it has room (`中 国 与 周 边`), in a double-ruled box with a row and
//! two columns of air inside, centred, in the slide's accent. Where the title is too long for one
//! line it wraps by Unicode's line-breaking rules (the article's wrap), and the box and its air
//! are the first things given up on a small screen, never the title's words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::article::{Article, wrap};
use crate::text::cells::ratatui_width;

/// A title laid out for its room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emphasis {
    /// The lines, each centred.
    pub lines: Vec<String>,
    /// Drawn in a box (with `air` inside).
    pub boxed: bool,
    /// A blank row above and below the lines, and two columns either side, inside the box.
    pub air: bool,
}

impl Emphasis {
    /// Lays `title` out in `width` × `height` cells (at least its first line, however small).
    pub fn fit(title: &str, width: u16, height: u16) -> Self {
        let (width, height) = (usize::from(width), usize::from(height));
        // Box and air first, then the box alone, then neither: the largest that fits.
        for (boxed, air) in [(true, true), (true, false), (false, false)] {
            let frame = if boxed { 2 } else { 0 } + if air { 4 } else { 0 };
            let Some(room) = width.checked_sub(frame).filter(|&r| r >= 4) else { continue };
            let lines = lines_for(title, room);
            let rows = lines.len() + usize::from(boxed) * 2 + usize::from(air) * 2;
            if rows <= height {
                return Self { lines, boxed, air };
            }
        }
        Self { lines: lines_for(title, width.max(1)), boxed: false, air: false }
    }

    /// Rows it takes.
    pub fn height(&self) -> u16 {
        let rows = self.lines.len() + usize::from(self.boxed) * 2 + usize::from(self.air) * 2;
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    /// Draws it centred in `area`, bold in `style`.
    pub fn render(&self, style: Style, area: Rect, buf: &mut Buffer) {
        let text_width = self.lines.iter().map(|l| UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
        let frame = if self.boxed { 2 } else { 0 } + if self.air { 4 } else { 0 };
        let box_width = u16::try_from(text_width + frame).unwrap_or(u16::MAX).min(area.width);
        let inner = Rect {
            x: area.x + (area.width - box_width) / 2,
            width: box_width,
            height: self.height().min(area.height),
            ..area
        };
        let style = style.add_modifier(Modifier::BOLD);
        let mut text_area = inner;
        if self.boxed {
            let block = Block::bordered().border_type(BorderType::Double).border_style(style);
            text_area = block.inner(inner);
            block.render(inner, buf);
        }
        if self.air {
            text_area = Rect {
                x: text_area.x + 2,
                y: text_area.y + 1,
                width: text_area.width.saturating_sub(4),
                height: text_area.height.saturating_sub(2),
            };
        }
        let lines: Vec<Line> = self.lines.iter().map(|l| Line::from(l.as_str())).collect();
        Paragraph::new(lines).style(style).alignment(Alignment::Center).render(text_area, buf);
    }
}

/// The title's lines in `room` columns: letter-spaced on one line if it fits so (the wider the
/// screen, the wider the spacing, up to three columns, the line filling at most half the room
/// when spaced more than one), else as it is on one line, else wrapped where Unicode allows.
fn lines_for(title: &str, room: usize) -> Vec<String> {
    for gap in [3, 2, 1] {
        let spaced = letter_spaced(title, gap);
        let limit = if gap > 1 { room / 2 } else { room };
        if UnicodeWidthStr::width(spaced.as_str()) <= limit {
            return vec![spaced];
        }
    }
    if UnicodeWidthStr::width(title) <= room {
        return vec![title.to_owned()];
    }
    let article = Article::from_plain_text(title);
    let lines: Vec<String> = wrap(&article.blocks, room).iter().map(|l| l.text(&article.blocks, room)).collect();
    if lines.is_empty() { vec![String::new()] } else { lines }
}

/// `gap` spaces between every two wide (East Asian) graphemes: `中国与周边` → `中 国 与 周 边`.
/// Latin words and numbers are left as they are.
fn letter_spaced(title: &str, gap: usize) -> String {
    let mut out = String::with_capacity(title.len() * 2);
    let mut wide_before = false;
    for grapheme in title.graphemes(true) {
        let wide = ratatui_width(grapheme) == 2;
        if wide && wide_before {
            out.extend(std::iter::repeat_n(' ', gap));
        }
        out.push_str(grapheme);
        wide_before = wide;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_title_is_spaced_and_boxed_where_there_is_room() {
        let fit = Emphasis::fit("中国与周边国家：合作数字", 80, 10);
        assert_eq!(fit.lines, ["中 国 与 周 边 国 家 ： 合 作 数 字"]);
        assert!(fit.boxed && fit.air);
        assert_eq!(fit.height(), 5);
        assert_eq!(letter_spaced("2025年4月的CGTN报道", 1), "2025年4月 的CGTN报 道");
        let wide = Emphasis::fit("中国与周边", 200, 10);
        assert_eq!(wide.lines, ["中   国   与   周   边"], "a wide screen spaces it wider");
    }

    #[test]
    fn on_a_small_screen_the_air_and_the_box_go_before_the_words() {
        let title = "中国与周边国家：合作数字";
        assert_eq!(
            Emphasis::fit(title, 80, 3),
            Emphasis { lines: vec![letter_spaced(title, 1)], boxed: true, air: false }
        );
        assert!(!Emphasis::fit(title, 80, 1).boxed);
        // Too narrow for one line: wrapped where Chinese allows, `：` kept off a line's start.
        let narrow = Emphasis::fit(title, 20, 10);
        assert!(narrow.lines.len() >= 2, "{narrow:?}");
        assert!(narrow.lines.iter().all(|l| !l.starts_with('：') && UnicodeWidthStr::width(l.as_str()) <= 14));
        assert_eq!(narrow.lines.concat(), title);
    }

    #[test]
    fn drawing_never_leaves_its_area() {
        for (width, height) in [(1, 1), (3, 2), (10, 4), (30, 8)] {
            let area = Rect::new(0, 0, width, height);
            let mut buf = Buffer::empty(area);
            Emphasis::fit("中国与周边国家：合作数字", width, height).render(Style::default(), area, &mut buf);
        }
    }
}
