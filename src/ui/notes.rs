//! Speaker's notes drawn as Markdown (emphasis, lists, paragraphs), wrapped as the article is:
//! the presenter view's notes pane and the notes under a handout's slides both draw them here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::highlight::styled_line;
use crate::article::{Article, WrappedLine, wrap};
use crate::theme::Theme;

/// Notes laid out for a width.
pub struct Notes {
    article: Article,
    lines: Vec<WrappedLine>,
    width: usize,
}

impl Notes {
    /// `markdown` (already sanitised, as every string of a dataset is) wrapped to `width` columns.
    pub fn new(markdown: &str, width: u16) -> Self {
        let article = Article::from_markdown(markdown);
        let width = usize::from(width.max(1));
        let lines = wrap(&article.blocks, width);
        Self { article, lines, width }
    }

    /// Rows the notes take.
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// Draws the first rows that fit in `area` (as wide as the notes were laid out for).
    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        for (row, line) in self.lines.iter().take(usize::from(area.height)).enumerate() {
            let styled = styled_line(theme, line, line.pieces(&self.article.blocks, self.width), &[]);
            styled.render(Rect { y: area.y + row as u16, height: 1, ..area }, buf);
        }
    }
}
