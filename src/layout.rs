//! Where every pane goes, as a pure function of the screen size and the shape of the data.
//!
//! Used twice: by rendering, and by `App::update` (which needs the article pane's width to keep
//! the wrapped article cached, and page heights to scroll by pages).

mod details;
mod overlay;
mod plan;
mod stack;

pub use details::{Keep, details_scroll, details_window};
pub use overlay::{HelpWindow, help_text_width, help_window, problem_rows};
pub use stack::{Axis, Part, stack, stack_vec};
#[cfg(test)]
mod tests;

use ratatui::layout::Rect;

use crate::geometry::{BarLimits, MAX_BAR_ROWS};
use plan::{LeftPane, ROWS_PER_LEVEL, plan, total};

/// Below this the screen only says how much room it needs.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this size up, charts and article sit side by side; below it one pane fills the body.
pub const SPLIT_MIN_WIDTH: u16 = 70;
pub const SPLIT_MIN_HEIGHT: u16 = 16;
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
    /// Bars, or a table's rows.
    pub bars: usize,
    pub vertical: bool,
    /// A table: a header and a row per metric, however tall the screen.
    pub table: bool,
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
    let [header, banner_area, body, detail, footer] = stack(
        area,
        Axis::Vertical,
        [Part::Length(1), Part::Length(banner), Part::Fill, Part::Length(detail_rows), Part::Length(1)],
    );
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

/// Charts and gauges stacked on the left, article on the right, the detail line across the
/// bottom (or a detail box under the charts when there is room). Returns false when even the
/// smallest charts do not fit, so the caller falls back to one pane at a time.
fn split(area: Rect, input: &LayoutInput, areas: &mut Areas) -> bool {
    let banner = banner_rows(input);
    let [header, banner_area, rest, footer] =
        stack(area, Axis::Vertical, [Part::Length(2), Part::Length(banner), Part::Fill, Part::Length(1)]);
    let mut items: Vec<LeftPane> = input.charts.iter().copied().map(LeftPane::Chart).collect();
    if input.gauges > 0 {
        items.push(LeftPane::Gauges(input.gauges));
    }
    // One row stays for the detail line.
    let available = usize::from(rest.height.saturating_sub(1));
    if total(&items, 0) > available && input.gauges > 0 {
        // Drop the side pane before squeezing the charts.
        items.pop();
    }
    if total(&items, 0) > available {
        return false;
    }
    let article_width = article_width(area.width);
    let left_width = area.width.saturating_sub(article_width);
    let plan = plan(&items, rest.height, max_level(area.height, left_width));
    let detail_is_box = plan.detail_box > 0;
    let detail_line = if detail_is_box { 0 } else { 1 };
    let [body, detail_row] = stack(rest, Axis::Vertical, [Part::Fill, Part::Length(detail_line)]);

    let [left, article] = stack(body, Axis::Horizontal, [Part::Fill, Part::Length(article_width)]);
    let mut parts: Vec<Part> = plan.heights.iter().map(|&h| Part::Length(h)).collect();
    if detail_is_box {
        parts.push(Part::Length(plan.detail_box));
        // What neither the panes nor the box can use stays empty under them.
        parts.push(Part::Fill);
    } else if let Some(last) = parts.last_mut() {
        // Too few rows left for a detail box: the last pane takes them, so the left column ends
        // on the same row as the article pane instead of leaving a gap under it.
        *last = Part::Fill;
    }
    let rects = stack_vec(left, Axis::Vertical, &parts);
    for (index, item) in items.iter().enumerate() {
        match item {
            LeftPane::Chart(_) => areas.charts[index] = rects[index],
            LeftPane::Gauges(_) => areas.gauges = rects[index],
        }
    }
    areas.screen = Screen::Split;
    areas.header = header;
    areas.banner = banner_area;
    areas.body = body;
    areas.article = article;
    areas.detail = if detail_is_box { rects[items.len()] } else { detail_row };
    areas.detail_is_box = detail_is_box;
    areas.footer = footer;
    true
}

/// The article pane's width: two fifths of the screen, within readable line lengths.
fn article_width(screen_width: u16) -> u16 {
    let share = u16::try_from(u32::from(screen_width) * 2 / 5).unwrap_or(u16::MAX);
    share.clamp(ARTICLE_MIN_WIDTH, ARTICLE_MAX_WIDTH)
}

/// The highest growth level the screen may use: one step of bar thickness per
/// [`ROWS_PER_LEVEL`] rows of screen, so bars keep their proportion to the screen, and no
/// thicker than the left column's bars may be ([`BarLimits::dashboard`]).
fn max_level(screen_height: u16, left_width: u16) -> u16 {
    let by_height = (screen_height / ROWS_PER_LEVEL).clamp(2, MAX_BAR_ROWS);
    let inner = Rect::new(0, 0, left_width.saturating_sub(2), 1);
    by_height.min(BarLimits::dataset(inner).rows)
}

/// The text area inside the article pane: inside the border, one column of padding on the left,
/// one column for the scrollbar on the right.
pub fn article_text_area(pane: Rect) -> Rect {
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    Rect { x: inner.x.saturating_add(1), width: inner.width.saturating_sub(2), ..inner }
}
