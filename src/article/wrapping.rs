//! An article wrapped for one width from its top down, only as far as someone has looked: a
//! 100,000-line article opens on its first screen without wrapping the rest first. What is
//! wrapped is exactly what [`super::wrap`] makes of those blocks, so a line's index, and every
//! row counted from the top, is the same whether the rest is wrapped yet or not.

use super::{Block, WrappedLine, wrap_blocks};

/// Lines to wrap at least, at once: an article of up to this many lines (a few hundred blocks)
/// is wrapped whole on its first look, so only large articles are ever partly wrapped.
pub const AT_ONCE: usize = 4_000;

/// The lines of blocks `0..done` of an article of `blocks` blocks, for `width` columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapping {
    width: usize,
    lines: Vec<WrappedLine>,
    /// Blocks wrapped so far, from the first.
    done: usize,
    /// Blocks in the article.
    blocks: usize,
}

impl Wrapping {
    /// Nothing wrapped yet of `blocks` for `width` columns (the first call to a `through_`
    /// method wraps at least [`AT_ONCE`] lines). A width of zero has no lines, and is complete.
    pub fn new(blocks: &[Block], width: usize) -> Self {
        let blocks = if width == 0 { 0 } else { blocks.len() };
        Self { width, lines: Vec::new(), done: 0, blocks }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// The lines wrapped so far: every line of the first blocks, in order.
    pub fn lines(&self) -> &[WrappedLine] {
        &self.lines
    }

    /// Whether every block is wrapped: only then is `lines().len()` the article's length.
    pub fn is_complete(&self) -> bool {
        self.done >= self.blocks
    }

    /// Wraps on until line `line` exists (or the article ends). `blocks` must be the blocks this
    /// was made for.
    pub fn through_line(&mut self, blocks: &[Block], line: usize) {
        let wanted = line.saturating_add(1).max(AT_ONCE);
        while self.lines.len() < wanted && !self.is_complete() {
            self.wrap_next(blocks);
        }
    }

    /// Wraps on until block `block` is wrapped whole (or the article ends).
    pub fn through_block(&mut self, blocks: &[Block], block: usize) {
        self.through_line(blocks, 0);
        while self.done <= block && !self.is_complete() {
            self.wrap_next(blocks);
        }
    }

    /// Wraps every block.
    pub fn all(&mut self, blocks: &[Block]) {
        self.through_block(blocks, usize::MAX);
    }

    /// Wraps about `lines` more lines (whole blocks, at least one); says whether that completed
    /// the article. For finishing the wrap in steps while the program is otherwise idle.
    pub fn more(&mut self, blocks: &[Block], lines: usize) -> bool {
        let wanted = self.lines.len().saturating_add(lines.max(1));
        while self.lines.len() < wanted && !self.is_complete() {
            self.wrap_next(blocks);
        }
        self.is_complete()
    }

    fn wrap_next(&mut self, blocks: &[Block]) {
        if self.done >= blocks.len() {
            // Not the blocks this was made for: stop rather than loop.
            self.blocks = self.done;
            return;
        }
        wrap_blocks(blocks, self.done..self.done + 1, self.width, &mut self.lines);
        self.done += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, wrap};

    fn long_article(paragraphs: usize) -> Article {
        let text: String = (0..paragraphs)
            .map(|i| format!("Paragraph {i} has words enough to wrap over more than one line at a narrow width.\n\n- item {i}\n- another\n\n"))
            .collect();
        Article::from_markdown(&text)
    }

    #[test]
    fn wrapping_in_steps_gives_the_lines_of_one_wrap() {
        let article = long_article(2_000);
        let whole = wrap(&article.blocks, 23);
        let mut partly = Wrapping::new(&article.blocks, 23);
        partly.through_line(&article.blocks, 10);
        assert!(!partly.is_complete(), "a large article is not wrapped whole for its first screen");
        assert!(partly.lines().len() >= AT_ONCE && partly.lines().len() < whole.len());
        assert_eq!(partly.lines(), &whole[..partly.lines().len()]);
        while !partly.more(&article.blocks, 777) {}
        assert_eq!(partly.lines(), whole.as_slice());
    }

    #[test]
    fn a_block_far_down_is_wrapped_when_asked_for_and_a_small_article_at_once() {
        let article = long_article(2_000);
        let mut wrapping = Wrapping::new(&article.blocks, 40);
        wrapping.through_block(&article.blocks, 5_000);
        assert_eq!(wrapping.lines().last().map(|l| l.block), Some(5_000));
        wrapping.all(&article.blocks);
        assert!(wrapping.is_complete());
        assert_eq!(wrapping.lines(), wrap(&article.blocks, 40).as_slice());

        let small = long_article(3);
        let mut wrapping = Wrapping::new(&small.blocks, 40);
        wrapping.through_line(&small.blocks, 0);
        assert!(wrapping.is_complete());
        assert!(Wrapping::new(&small.blocks, 0).is_complete(), "no width, no lines");
    }
}
