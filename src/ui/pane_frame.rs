//! The rounded frame of a pane, drawn as ratatui's `Block` draws it (borders, then the titles)
//! but without `Block`'s first step, `set_style` of the block's style over every cell of the
//! pane: a pane's frame has no style of its own, and an empty style patched into a cell changes
//! nothing, so skipping it leaves the same cells at a fraction of the work (the inside of a pane
//! is most of it). `tests` checks the cells against `Block` for every size and title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

/// A bordered, rounded frame: a title on the left of its top border, a note on the right of
/// it, and a caption on the right of its bottom border (each optional but the title).
#[derive(Debug, Clone)]
pub struct PaneFrame<'a> {
    border: Style,
    title: Line<'a>,
    note: Option<Line<'a>>,
    caption: Option<Line<'a>>,
}

impl<'a> PaneFrame<'a> {
    /// A frame of `border` style with `title` (a left-aligned line) on its top border.
    pub fn new(border: Style, title: Line<'a>) -> Self {
        Self { border, title, note: None, caption: None }
    }

    /// The top border's right-hand note (a right-aligned line).
    pub fn note(self, note: Line<'a>) -> Self {
        Self { note: Some(note), ..self }
    }

    /// The bottom border's right-hand caption (a right-aligned line).
    pub fn caption(self, caption: Line<'a>) -> Self {
        Self { caption: Some(caption), ..self }
    }

    /// The inside of the frame over `area`, as `Block::inner` has it.
    pub fn inner(&self, area: Rect) -> Rect {
        Block::bordered().inner(area)
    }
}

impl Widget for PaneFrame<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = border::ROUNDED;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        // Block's order: the four sides whole, then the corners over their ends.
        for y in top..=bottom {
            buf[(left, y)].set_symbol(set.vertical_left).set_style(self.border);
        }
        for x in left..=right {
            buf[(x, top)].set_symbol(set.horizontal_top).set_style(self.border);
        }
        for y in top..=bottom {
            buf[(right, y)].set_symbol(set.vertical_right).set_style(self.border);
        }
        for x in left..=right {
            buf[(x, bottom)].set_symbol(set.horizontal_bottom).set_style(self.border);
        }
        for (x, y, symbol) in [
            (right, bottom, set.bottom_right),
            (right, top, set.top_right),
            (left, bottom, set.bottom_left),
            (left, top, set.top_left),
        ] {
            buf[(x, y)].set_symbol(symbol).set_style(self.border);
        }
        // The titles' row: the border's width less its two corners.
        let row = |y| Rect { x: left + 1, y, width: area.width.saturating_sub(2), height: 1 };
        let (top_row, bottom_row) = (row(top), row(bottom));
        if !top_row.is_empty() {
            let width = line_width(&self.title);
            title(self.title, width, Rect { width: width.min(top_row.width), ..top_row }, buf);
        }
        for (line, titles) in [(self.note, top_row), (self.caption, bottom_row)] {
            if let Some(line) = line.filter(|_| !titles.is_empty()) {
                let width = line_width(&line);
                let x = titles.right().saturating_sub(width).max(titles.left());
                title(line, width, Rect { x, width: width.min(titles.width), ..titles }, buf);
            }
        }
    }
}

/// Draws a title `width` columns wide into `area`, as `line.render(area, buf)` does: a title
/// that fits its area fills it whatever its alignment, so it goes through `line_cells` (a cell
/// a byte for ASCII) instead of ratatui's grapheme iterator.
fn title(line: Line, width: u16, area: Rect, buf: &mut Buffer) {
    if width <= area.width {
        super::line_cells::render(&Line { alignment: None, ..line }, area, buf);
    } else {
        line.render(area, buf);
    }
}

/// A line's width in columns, as `Block` clamps it for its arithmetic.
fn line_width(line: &Line) -> u16 {
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::layout::Alignment;
    use ratatui::text::Span;
    use ratatui::widgets::BorderType;

    use super::*;

    fn line(text: &str, alignment: Alignment) -> Line<'static> {
        Line::from(Span::styled(text.to_owned(), Style::new().yellow().bold())).alignment(alignment)
    }

    proptest! {
        /// The cells are `Block`'s, over a canvas already styled, at every size and offset
        /// (partly outside the buffer too), with titles wider than the frame.
        #[test]
        fn the_frame_draws_the_cells_block_draws(
            (x, y, width, height) in (0u16..6, 0u16..6, 0u16..30, 0u16..8),
            title in "[a-z 中]{0,30}",
            note in prop::option::of("[a-z ↑]{0,20}"),
            caption in prop::option::of("[a-z·]{0,20}"),
        ) {
            let area = Rect::new(x, y, width, height);
            let canvas = Rect::new(0, 0, 24, 10);
            let mut ours = Buffer::empty(canvas);
            ours.set_style(canvas, Style::new().on_blue());
            let mut theirs = ours.clone();
            let border = Style::new().red();
            let mut frame = PaneFrame::new(border, line(&title, Alignment::Left));
            let mut block = Block::bordered().border_type(BorderType::Rounded).border_style(border)
                .title(line(&title, Alignment::Left));
            if let Some(note) = &note {
                frame = frame.note(line(note, Alignment::Right));
                block = block.title(line(note, Alignment::Right));
            }
            if let Some(caption) = &caption {
                frame = frame.caption(line(caption, Alignment::Right));
                block = block.title_bottom(line(caption, Alignment::Right));
            }
            prop_assert_eq!(frame.inner(area), block.inner(area));
            frame.render(area, &mut ours);
            block.render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }
}
