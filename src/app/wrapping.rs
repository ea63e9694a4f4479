//! How far down a view has the article wrapped: always through what it shows (its page from
//! the top row, and the highlighted sentence), the rest between events while the program is
//! otherwise idle. Row numbers count from the article's top and never depend on how much is
//! wrapped; only the total is unknown until the end is reached, and the pane says so.

use super::{Content, View};
use crate::article::{AT_ONCE, Article};

/// Rows under the page a view keeps wrapped: the evidence badge adds up to two rows above the
/// page's end, and one more line is read to place it.
const BEYOND_PAGE: usize = 3;

/// The content's article; one without blocks if it has none.
pub(super) fn article_of(content: &Content) -> &Article {
    content.data().and_then(|loaded| loaded.article.as_ref()).map_or(Article::none(), |named| &named.article)
}

impl View {
    /// Wraps the article on through every row the view shows now and the selected metric's
    /// sentence.
    pub(super) fn wrap_article_for_view(&mut self, content: &Content) {
        let article = article_of(content);
        if self.article_wrap.is_complete() {
            return;
        }
        if let Some(place) = self.evidence_metric.and_then(|m| content.data()?.evidence_place(m)) {
            self.article_wrap.through_block(article, place.sentence.block);
        }
        let page = self.article_page(content);
        self.article_wrap.through_line(article, self.article_scroll.saturating_add(page).saturating_add(BEYOND_PAGE));
    }

    /// Wraps the article on through block `block` (to find a line in it).
    pub(super) fn wrap_article_through(&mut self, content: &Content, block: usize) {
        self.article_wrap.through_block(article_of(content), block);
    }

    /// Wraps the whole article (to know where it ends).
    pub(super) fn wrap_article_whole(&mut self, content: &Content) {
        self.article_wrap.all(article_of(content));
    }

    /// One idle step of wrapping: about [`AT_ONCE`] lines more. Says whether this finished the
    /// article (its length, scrollbar and position are then known: worth a frame).
    pub(super) fn wrap_article_more(&mut self, content: &Content) -> bool {
        !self.article_wrap.is_complete() && self.article_wrap.more(article_of(content), AT_ONCE)
    }
}
