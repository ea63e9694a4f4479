//! Where every pane goes, as a pure function of the screen size and the shape of the data.
//!
//! Used twice: by rendering, and by `App::update` (which needs the article pane's width to keep
//! the wrapped article cached, and page heights to scroll by pages).

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the screen only says how much room it needs.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this size up, charts and article sit side by side; below it one pane fills the body.
pub const SPLIT_MIN_WIDTH: u16 = 70;
pub const SPLIT_MIN_HEIGHT: u16 = 16;
/// The smallest detail box worth drawing (borders, label, value, two lines of note).
const DETAIL_BOX_MIN: u16 = 6;
const ARTICLE_MIN_WIDTH: u16 = 30;
const ARTICLE_MAX_WIDTH: u16 = 90;
/// A failed reload's banner never takes more than this many rows.
pub const BANNER_MAX: u16 = 4;

/// A pane that can take the keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Chart(usize),
    Gauges,
    Article,
}

/// What a chart needs to be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartShape {
    pub bars: usize,
    pub vertical: bool,
}

/// Everything the layout depends on besides the size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutInput {
    pub charts: Vec<ChartShape>,
    pub gauges: usize,
    /// The focused pane: the one shown when only one fits.
    pub focus: Pane,
    /// Rows of error banner wanted (0 for none); capped at [`BANNER_MAX`].
    pub banner: u16,
}

/// How the screen is used at this size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Too small for anything: show the minimum size.
    TooSmall,
    /// One pane (the focused one) fills the body.
    Single,
    /// Charts and gauges on the left, the article on the right.
    Split,
}

/// The named areas of one screen. Hidden panes have an empty rect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub screen: Screen,
    pub header: Rect,
    pub banner: Rect,
    /// Everything between header (and banner) and the detail/footer rows.
    pub body: Rect,
    /// One per chart, in dataset order.
    pub charts: Vec<Rect>,
    pub gauges: Rect,
    pub article: Rect,
    /// The selected item's details: a bordered box when [`Areas::detail_is_box`], else one line.
    pub detail: Rect,
    pub detail_is_box: bool,
    pub footer: Rect,
}

impl Areas {
    /// The rect of a pane (empty if it is not on screen).
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Chart(i) => self.charts.get(i).copied().unwrap_or_default(),
            Pane::Gauges => self.gauges,
            Pane::Article => self.article,
        }
    }
}

/// Lays out a screen of `area`. Never panics, at any size.
pub fn layout(area: Rect, input: &LayoutInput) -> Areas {
    let mut areas = Areas {
        screen: Screen::TooSmall,
        header: Rect::default(),
        banner: Rect::default(),
        body: Rect::default(),
        charts: vec![Rect::default(); input.charts.len()],
        gauges: Rect::default(),
        article: Rect::default(),
        detail: Rect::default(),
        detail_is_box: false,
        footer: Rect::default(),
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return areas;
    }
    if area.width >= SPLIT_MIN_WIDTH && area.height >= SPLIT_MIN_HEIGHT && split(area, input, &mut areas) {
        return areas;
    }
    single(area, input, &mut areas);
    areas
}

fn banner_rows(input: &LayoutInput) -> u16 {
    input.banner.min(BANNER_MAX)
}

/// One pane at a time: header, the focused pane, a detail line, the footer.
fn single(area: Rect, input: &LayoutInput, areas: &mut Areas) {
    let detail_rows = u16::from(area.height >= 10);
    let banner = banner_rows(input).min(area.height.saturating_sub(4) / 2);
    let [header, banner_area, body, detail, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner),
        Constraint::Fill(1),
        Constraint::Length(detail_rows),
        Constraint::Length(1),
    ]));
    areas.screen = Screen::Single;
    areas.header = header;
    areas.banner = banner_area;
    areas.body = body;
    areas.detail = detail;
    areas.footer = footer;
    match input.focus {
        Pane::Chart(i) if i < areas.charts.len() => areas.charts[i] = body,
        Pane::Gauges if input.gauges > 0 => areas.gauges = body,
        _ => areas.article = body,
    }
}

/// Rows a pane wants at a growth tier: 0 = the least that is still readable, 1 = one row per bar
/// with gaps between them, 2 = bars two rows thick.
fn rows_wanted(item: Item, tier: usize) -> u16 {
    let borders = 2;
    let rows = match item {
        Item::Chart(ChartShape { vertical: true, .. }) => [5, 10, 14][tier],
        Item::Chart(ChartShape { bars, .. }) => {
            let bars = bars.max(1);
            [bars.min(3), 2 * bars - 1, 3 * bars - 1][tier]
        }
        Item::Gauges(count) => [count.min(2), count, 2 * count][tier],
    };
    u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(borders)
}

#[derive(Debug, Clone, Copy)]
enum Item {
    Chart(ChartShape),
    Gauges(usize),
}

/// Charts and gauges stacked on the left, article on the right, the detail line across the
/// bottom (or a detail box under the charts when there is room). Returns false when even the
/// smallest charts do not fit, so the caller falls back to one pane at a time.
fn split(area: Rect, input: &LayoutInput, areas: &mut Areas) -> bool {
    let banner = banner_rows(input);
    let [header, banner_area, rest, footer] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(banner),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut items: Vec<Item> = input.charts.iter().copied().map(Item::Chart).collect();
    if input.gauges > 0 {
        items.push(Item::Gauges(input.gauges));
    }
    // One row stays for the detail line.
    let available = rest.height.saturating_sub(1);
    let total = |items: &[Item], tier: usize| -> u16 { items.iter().map(|&i| rows_wanted(i, tier)).sum() };
    if total(&items, 0) > available && input.gauges > 0 {
        // Drop the side pane before squeezing the charts.
        items.pop();
    }
    if total(&items, 0) > available {
        return false;
    }
    let heights = grow(&items, rest.height);
    let spare = rest.height - heights.iter().sum::<u16>();
    let detail_is_box = spare >= DETAIL_BOX_MIN;
    let detail_line = if detail_is_box { 0 } else { 1 };
    let [body, detail_row] = rest.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_line)]));

    let article_width = (area.width * 2 / 5).clamp(ARTICLE_MIN_WIDTH, ARTICLE_MAX_WIDTH);
    let [left, article] = body.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(article_width)]));
    let mut constraints: Vec<Constraint> = heights.iter().map(|&h| Constraint::Length(h)).collect();
    if detail_is_box {
        constraints.push(Constraint::Fill(1));
    } else if let Some(last) = constraints.last_mut() {
        // Too few rows left for a detail box: the last pane takes them, so the left column ends
        // on the same row as the article pane instead of leaving a gap under it.
        *last = Constraint::Fill(1);
    }
    let rects = left.layout_vec(&Layout::vertical(constraints));
    for (index, item) in items.iter().enumerate() {
        match item {
            Item::Chart(_) => areas.charts[index] = rects[index],
            Item::Gauges(_) => areas.gauges = rects[index],
        }
    }
    areas.screen = Screen::Split;
    areas.header = header;
    areas.banner = banner_area;
    areas.body = body;
    areas.article = article;
    areas.detail = if detail_is_box { rects[rects.len() - 1] } else { detail_row };
    areas.detail_is_box = detail_is_box;
    areas.footer = footer;
    true
}

/// Heights for the items: the highest tier that fits whole (keeping a row for the detail line),
/// then one row at a time towards the next tier, first item first.
fn grow(items: &[Item], height: u16) -> Vec<u16> {
    let budget = height.saturating_sub(1);
    let tier = (0..3).rev().find(|&t| items.iter().map(|&i| rows_wanted(i, t)).sum::<u16>() <= budget).unwrap_or(0);
    let mut heights: Vec<u16> = items.iter().map(|&i| rows_wanted(i, tier)).collect();
    if tier == 2 {
        return heights;
    }
    let targets: Vec<u16> = items.iter().map(|&i| rows_wanted(i, tier + 1)).collect();
    let mut spare = budget - heights.iter().sum::<u16>();
    while spare > 0 {
        let mut grew = false;
        for (h, target) in heights.iter_mut().zip(&targets) {
            if spare > 0 && *h < *target {
                *h += 1;
                spare -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    heights
}

/// The text area inside the article pane: inside the border, one column of padding on the left,
/// one column for the scrollbar on the right.
pub fn article_text_area(pane: Rect) -> Rect {
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    Rect { x: inner.x.saturating_add(1), width: inner.width.saturating_sub(2), ..inner }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_shape(focus: Pane) -> LayoutInput {
        LayoutInput {
            charts: vec![ChartShape { bars: 6, vertical: false }, ChartShape { bars: 2, vertical: false }],
            gauges: 4,
            focus,
            banner: 0,
        }
    }

    #[test]
    fn at_80x24_everything_fits_side_by_side() {
        let areas = layout(Rect::new(0, 0, 80, 24), &bundled_shape(Pane::Chart(0)));
        assert_eq!(areas.screen, Screen::Split);
        // Six bars need six rows inside the border; two bars with a gap need three.
        assert!(areas.charts[0].height >= 8, "{:?}", areas.charts[0]);
        assert!(areas.charts[1].height >= 5, "{:?}", areas.charts[1]);
        assert!(areas.gauges.height >= 4);
        assert!(areas.article.width >= ARTICLE_MIN_WIDTH);
        assert_eq!(areas.detail.height, 1);
    }

    #[test]
    fn a_large_screen_gets_a_detail_box_and_thick_bars() {
        let areas = layout(Rect::new(0, 0, 200, 50), &bundled_shape(Pane::Chart(0)));
        assert_eq!(areas.screen, Screen::Split);
        assert!(areas.detail_is_box);
        assert_eq!(areas.charts[0].height, 3 * 6 - 1 + 2);
        assert_eq!(areas.article.width, 80);
    }

    #[test]
    fn the_left_column_ends_with_the_article_when_no_detail_box_fits() {
        let small = LayoutInput {
            charts: vec![ChartShape { bars: 2, vertical: false }, ChartShape { bars: 2, vertical: false }],
            gauges: 1,
            focus: Pane::Chart(0),
            banner: 0,
        };
        let areas = layout(Rect::new(0, 0, 80, 24), &small);
        assert_eq!(areas.screen, Screen::Split);
        assert!(!areas.detail_is_box);
        assert_eq!(areas.gauges.bottom(), areas.article.bottom(), "{areas:?}");
    }

    #[test]
    fn a_narrow_screen_shows_the_focused_pane_alone() {
        let areas = layout(Rect::new(0, 0, 60, 20), &bundled_shape(Pane::Article));
        assert_eq!(areas.screen, Screen::Single);
        assert_eq!(areas.article, areas.body);
        assert_eq!(areas.charts[0], Rect::default());
    }

    #[test]
    fn gauges_are_dropped_before_charts_are_squeezed() {
        let areas = layout(Rect::new(0, 0, 100, 16), &bundled_shape(Pane::Chart(0)));
        assert_eq!(areas.screen, Screen::Split);
        assert_eq!(areas.gauges, Rect::default());
        assert!(areas.charts[0].height >= 5);
    }

    #[test]
    fn tiny_screens_are_too_small_and_never_panic() {
        for (w, h) in [(0, 0), (1, 1), (23, 6), (24, 5), (10, 100)] {
            let areas = layout(Rect::new(0, 0, w, h), &bundled_shape(Pane::Gauges));
            assert_eq!(areas.screen, Screen::TooSmall, "{w}x{h}");
        }
    }

    #[test]
    fn every_area_lies_inside_the_screen() {
        for w in (0..=260).step_by(7) {
            for h in (0..=90).step_by(3) {
                let screen = Rect::new(0, 0, w, h);
                for focus in [Pane::Chart(0), Pane::Chart(1), Pane::Gauges, Pane::Article] {
                    let mut input = bundled_shape(focus);
                    input.banner = 3;
                    let a = layout(screen, &input);
                    for r in a.charts.iter().chain([&a.gauges, &a.article, &a.detail, &a.footer, &a.header, &a.banner])
                    {
                        assert!(
                            r.area() == 0 || screen.contains(r.as_position()) && r.right() <= w && r.bottom() <= h,
                            "{r:?} in {w}x{h}"
                        );
                    }
                }
            }
        }
    }
}
