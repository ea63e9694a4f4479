//! An article wrapped for one width from its top down, only as far as someone has looked: a
//! 100,000-line article opens on its first screen without wrapping the rest first. What is
//! wrapped is exactly what [`super::wrap`] makes of those blocks, so a line's index, and every
//! row counted from the top, is the same whether the rest is wrapped yet or not.
//!
//! Views of one article at one width share what is wrapped: the article remembers, per width,
//! the furthest wrap any view made ([`WrapMemo`]), and a view that needs more lines first takes
//! those. So a second view (a follower, an SSH viewer) of a width already wrapped costs a
//! pointer, not a wrap. The lines are copied only when two views hold the same wrap and one of
//! them goes on further.

use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::{Article, WrappedLine, wrap_blocks};

/// Lines to wrap at least, at once: an article of up to this many lines (a few hundred blocks)
/// is wrapped whole on its first look, so only large articles are ever partly wrapped.
pub const AT_ONCE: usize = 4_000;

/// Widths an article remembers wraps for: a resize storm leaves no more than this many.
const REMEMBERED_WIDTHS: usize = 8;

/// The lines of blocks `0..done`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Wrapped {
    lines: Vec<WrappedLine>,
    done: usize,
}

/// The lines of the first blocks of an article of `blocks` blocks, for `width` columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapping {
    width: usize,
    wrapped: Arc<Wrapped>,
    /// Blocks in the article.
    blocks: usize,
}

/// The furthest wrap of one article per width, as views made them. It holds them weakly: a wrap
/// no view shows any more is freed, and the next view of that width wraps again.
#[derive(Default)]
pub struct WrapMemo(Mutex<Vec<(usize, Weak<Wrapped>)>>);

impl WrapMemo {
    pub const fn new() -> Self {
        Self(Mutex::new(Vec::new()))
    }

    /// The furthest wrap for `width` some view still holds.
    fn furthest(&self, width: usize) -> Option<Arc<Wrapped>> {
        let widths = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        widths.iter().find(|(w, _)| *w == width).and_then(|(_, wrap)| wrap.upgrade())
    }

    /// Remembers `wrapped` for `width` if it goes further than what is remembered.
    fn offer(&self, width: usize, wrapped: &Arc<Wrapped>) {
        let mut widths = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        widths.retain(|(_, wrap)| wrap.strong_count() > 0);
        match widths.iter_mut().find(|(w, _)| *w == width) {
            Some((_, wrap)) if wrap.upgrade().is_some_and(|known| known.done >= wrapped.done) => {}
            Some((_, wrap)) => *wrap = Arc::downgrade(wrapped),
            None => {
                if widths.len() >= REMEMBERED_WIDTHS {
                    widths.remove(0);
                }
                widths.push((width, Arc::downgrade(wrapped)));
            }
        }
    }
}

impl std::fmt::Debug for WrapMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WrapMemo")
    }
}

/// A copy of an article starts with no wraps of its own.
impl Clone for WrapMemo {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// What is wrapped is not part of what an article is.
impl PartialEq for WrapMemo {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Wrapping {
    /// What other views have wrapped of `article` for `width` columns, or nothing yet (the first
    /// call to a `through_` method wraps at least [`AT_ONCE`] lines). A width of zero has no
    /// lines, and is complete.
    pub fn new(article: &Article, width: usize) -> Self {
        let blocks = if width == 0 { 0 } else { article.blocks.len() };
        let mut wrapping = Self { width, wrapped: Arc::default(), blocks };
        wrapping.take_furthest(article);
        wrapping
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// The lines wrapped so far: every line of the first blocks, in order.
    pub fn lines(&self) -> &[WrappedLine] {
        &self.wrapped.lines
    }

    /// Whether every block is wrapped: only then is `lines().len()` the article's length.
    pub fn is_complete(&self) -> bool {
        self.wrapped.done >= self.blocks
    }

    /// Wraps on until line `line` exists (or the article ends). `article` must be the article
    /// this was made for.
    pub fn through_line(&mut self, article: &Article, line: usize) {
        let wanted = line.saturating_add(1).max(AT_ONCE);
        self.wrap_until(article, |wrapped| wrapped.lines.len() >= wanted);
    }

    /// Wraps on until block `block` is wrapped whole (or the article ends).
    pub fn through_block(&mut self, article: &Article, block: usize) {
        self.through_line(article, 0);
        self.wrap_until(article, |wrapped| wrapped.done > block);
    }

    /// Wraps every block.
    pub fn all(&mut self, article: &Article) {
        self.through_block(article, usize::MAX);
    }

    /// Wraps about `lines` more lines (whole blocks, at least one); says whether that completed
    /// the article. For finishing the wrap in steps while the program is otherwise idle.
    pub fn more(&mut self, article: &Article, lines: usize) -> bool {
        let wanted = self.wrapped.lines.len().saturating_add(lines.max(1));
        self.wrap_until(article, |wrapped| wrapped.lines.len() >= wanted);
        self.is_complete()
    }

    /// Wraps block after block until `enough` holds or the article ends, starting from the
    /// furthest wrap any view made, and leaves the result for the others.
    fn wrap_until(&mut self, article: &Article, enough: impl Fn(&Wrapped) -> bool) {
        if enough(&self.wrapped) || self.is_complete() {
            return;
        }
        self.take_furthest(article);
        if enough(&self.wrapped) || self.is_complete() {
            return;
        }
        // Copies the lines only if another view holds this same wrap.
        let wrapped = Arc::make_mut(&mut self.wrapped);
        while !enough(wrapped) && wrapped.done < self.blocks {
            if wrapped.done >= article.blocks.len() {
                // Not the article this was made for: stop rather than loop.
                self.blocks = wrapped.done;
                break;
            }
            wrap_blocks(&article.blocks, wrapped.done..wrapped.done + 1, self.width, &mut wrapped.lines);
            wrapped.done += 1;
        }
        article.wraps.offer(self.width, &self.wrapped);
    }

    /// Takes the article's furthest wrap for this width if it goes further than this one.
    fn take_furthest(&mut self, article: &Article) {
        if let Some(furthest) = article.wraps.furthest(self.width)
            && furthest.done > self.wrapped.done
        {
            self.wrapped = furthest;
        }
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
        let mut partly = Wrapping::new(&article, 23);
        partly.through_line(&article, 10);
        assert!(!partly.is_complete(), "a large article is not wrapped whole for its first screen");
        assert!(partly.lines().len() >= AT_ONCE && partly.lines().len() < whole.len());
        assert_eq!(partly.lines(), &whole[..partly.lines().len()]);
        while !partly.more(&article, 777) {}
        assert_eq!(partly.lines(), whole.as_slice());
    }

    #[test]
    fn a_block_far_down_is_wrapped_when_asked_for_and_a_small_article_at_once() {
        let article = long_article(2_000);
        let mut wrapping = Wrapping::new(&article, 40);
        wrapping.through_block(&article, 5_000);
        assert_eq!(wrapping.lines().last().map(|l| l.block), Some(5_000));
        wrapping.all(&article);
        assert!(wrapping.is_complete());
        assert_eq!(wrapping.lines(), wrap(&article.blocks, 40).as_slice());

        let small = long_article(3);
        let mut wrapping = Wrapping::new(&small, 40);
        wrapping.through_line(&small, 0);
        assert!(wrapping.is_complete());
        assert!(Wrapping::new(&small, 0).is_complete(), "no width, no lines");
    }

    #[test]
    fn a_second_view_of_a_width_takes_the_first_ones_lines_without_wrapping() {
        let article = long_article(2_000);
        let whole = wrap(&article.blocks, 31);
        let mut first = Wrapping::new(&article, 31);
        first.through_line(&article, 10);
        let second = Wrapping::new(&article, 31);
        assert_eq!(second.lines().as_ptr(), first.lines().as_ptr(), "the same lines, not a copy");
        assert!(Wrapping::new(&article, 32).lines().is_empty(), "another width is wrapped apart");

        // The second goes on while the first still holds the shared lines: its own copy grows,
        // and the first is as it was.
        let mut second = second;
        let held = first.lines().len();
        second.through_line(&article, held + 100);
        assert_eq!(first.lines().len(), held);
        assert_eq!(second.lines(), &whole[..second.lines().len()]);
        // The first takes the second's further wrap when it needs more.
        first.through_line(&article, held + 50);
        assert_eq!(first.lines().as_ptr(), second.lines().as_ptr());
        while !first.more(&article, 5_000) {}
        assert_eq!(first.lines(), whole.as_slice());
        assert!(Wrapping::new(&article, 31).is_complete(), "a new view of a width wrapped whole");
    }

    #[test]
    fn a_wrap_no_view_holds_is_not_kept() {
        let article = long_article(100);
        let mut only = Wrapping::new(&article, 40);
        only.all(&article);
        drop(only);
        assert!(Wrapping::new(&article, 40).lines().is_empty());
    }
}
