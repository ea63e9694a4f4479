//! The article pane's scroll range, computed once: how many screen rows the article takes (its
//! wrapped lines and the rows an evidence badge adds), which of them a position shows, and how
//! far it can go. The app moves and clamps by it and the pane draws by it, so no number in the
//! one has to agree with a number in the other.

use super::BadgePlace;

/// The article's rows seen through a page of `page` rows, scrolled to `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// Screen rows the article takes: its wrapped lines, and the badge's rows.
    pub rows: usize,
    /// Rows the pane shows at once.
    pub page: usize,
    /// The first row shown, within `0..=max()`.
    pub top: usize,
    /// Whether `rows` is only the rows known so far (the article is not wrapped to its end
    /// yet): then there are at least that many, and the pane shows no proportions.
    pub partial: bool,
}

impl Scroll {
    /// `lines` wrapped lines with `badge` placed among them, seen through `page` rows from the
    /// asked `position` (clamped, so the last row sits at the bottom at most).
    pub fn new(lines: usize, badge: Option<BadgePlace>, page: usize, position: usize) -> Self {
        let rows = lines.saturating_add(badge.map_or(0, BadgePlace::extra_rows));
        let max = rows.saturating_sub(page);
        Self { rows, page, top: position.min(max), partial: false }
    }

    /// The same, with `rows` only a lower bound when `partial`.
    pub fn partial(self, partial: bool) -> Self {
        Self { partial, ..self }
    }

    /// The largest top that still fills the page.
    pub fn max(&self) -> usize {
        self.rows.saturating_sub(self.page)
    }

    /// One past the last row shown.
    pub fn bottom(&self) -> usize {
        self.top.saturating_add(self.page).min(self.rows)
    }

    /// Whether some rows are out of view (the pane then shows a scrollbar and a position).
    pub fn overflows(&self) -> bool {
        self.rows > self.page || self.partial
    }

    /// `12–35 of 120 · 29%`: the rows shown and how far down they reach; empty when all show.
    pub fn caption(&self) -> String {
        if !self.overflows() {
            return String::new();
        }
        let bottom = self.bottom();
        if self.partial {
            // Not a share of a length still unknown.
            return format!("{}–{} of {}+", self.top + 1, bottom, self.rows);
        }
        format!("{}–{} of {} · {}%", self.top + 1, bottom, self.rows, bottom * 100 / self.rows.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_badge_adds_its_rows_and_the_top_stays_in_range() {
        let badge = Some(BadgePlace { line: 3, cut: true });
        let scroll = Scroll::new(10, badge, 4, 99);
        assert_eq!((scroll.rows, scroll.max(), scroll.top, scroll.bottom()), (12, 8, 8, 12));
        assert_eq!(scroll.caption(), "9–12 of 12 · 100%");
        let scroll = Scroll::new(10, None, 4, 2);
        assert_eq!((scroll.rows, scroll.top, scroll.bottom()), (10, 2, 6));
    }

    #[test]
    fn an_article_that_fits_has_no_caption_and_no_scroll() {
        let scroll = Scroll::new(3, None, 10, 5);
        assert_eq!((scroll.top, scroll.max()), (0, 0));
        assert!(!scroll.overflows());
        assert_eq!(scroll.caption(), "");
        assert_eq!(Scroll::new(0, None, 0, 0).bottom(), 0);
    }
}
