//! The gauges pane: one share per row (or two rows each when there is room).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::frame::{hidden_caption, pane_block, with_caption};
use super::{focused, shows_selection};
use crate::app::Viewer;
use crate::dataset::Gauge;
use crate::geometry::gauge_slots;
use crate::layout::Pane;
use crate::load::Loaded;
use crate::text::width::{truncate, width};

/// Columns kept for the share's text (`<=23.2%`).
const VALUE_COLUMNS: u16 = 7;

pub fn render(app: &Viewer, loaded: &Loaded, area: Rect, buf: &mut Buffer) {
    let gauges = &loaded.dataset.gauges;
    if area.is_empty() || gauges.is_empty() {
        return;
    }
    let block = pane_block(app.view.theme(), "Shares", "", focused(app, Pane::Gauges), area.width);
    let inner = block.inner(area);
    let selected = app.view.gauge_selection().min(gauges.len() - 1);
    let slots = gauge_slots(gauges.len(), inner.height, selected);
    let (start, visible) = (slots.window.start, slots.window.len());
    let hidden_below = gauges.len() - slots.window.end;
    // What the marks before shares mean, for the shares that carry one.
    let legend = crate::details::legend(gauges.iter().filter_map(|g| g.bound));
    let caption = [hidden_caption(start, hidden_below), legend]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    with_caption(block, caption, app.view.theme().dim, area.width).render(area, buf);
    let show_selection = shows_selection(app, Pane::Gauges);
    // One title column for all rows, so the gauges line up: what the longest title needs, up to
    // 60% of the row.
    let longest = gauges[start..start + visible].iter().map(|g| width(&g.title)).max().unwrap_or(0);
    let three_fifths = u16::try_from(u32::from(inner.width) * 3 / 5).unwrap_or(u16::MAX);
    let title_columns = u16::try_from(longest.saturating_add(3)).unwrap_or(u16::MAX).min(three_fifths).max(4);
    // The window holds only the gauges that fit in `inner`: every slot lies inside it.
    for (offset, index) in (start..start + visible).enumerate() {
        let row = u16::try_from(offset).unwrap_or(u16::MAX).saturating_mul(slots.rows_each);
        let slot = Rect { y: inner.y.saturating_add(row), height: slots.rows_each, ..inner };
        render_gauge(app, &gauges[index], show_selection && index == selected, slot, title_columns, buf);
    }
}

/// One gauge in one row (`title ━━━━── 23%`) or two (title above, line below).
fn render_gauge(app: &Viewer, gauge: &Gauge, selected: bool, area: Rect, title_columns: u16, buf: &mut Buffer) {
    let theme = &app.view.theme();
    let title_style = if selected { theme.gauge_label_selected } else { theme.gauge_label };
    let marker = if selected { "▸ " } else { "  " };
    let value = format!("{:>width$}", gauge.display_ratio(), width = usize::from(VALUE_COLUMNS));
    let line = LineGauge::default()
        .ratio(gauge.ratio)
        .label(Span::styled(value, theme.gauge_value))
        .filled_symbol("━")
        .unfilled_symbol("─")
        .filled_style(theme.gauge_filled)
        .unfilled_style(theme.gauge_unfilled);
    if area.height >= 2 {
        // Two rows cut by hand: a constraint solve per gauge cost more than the gauge's drawing.
        let title_row = Rect { height: 1, ..area };
        let gauge_row = Rect { y: area.y.saturating_add(1), height: 1, ..area };
        let room = usize::from(title_row.width).saturating_sub(width(marker));
        Line::from(vec![Span::styled(marker, title_style), Span::styled(truncate(&gauge.title, room), title_style)])
            .render(title_row, buf);
        let gauge_row =
            Rect { x: gauge_row.x.saturating_add(2), width: gauge_row.width.saturating_sub(3), ..gauge_row };
        line.render(gauge_row, buf);
    } else {
        let title_width = title_columns.min(area.width);
        let title_area = Rect { width: title_width, ..area };
        let gauge_area = Rect { x: area.x.saturating_add(title_width), width: area.width - title_width, ..area };
        let room = usize::from(title_area.width).saturating_sub(width(marker) + 1);
        Line::from(vec![Span::styled(marker, title_style), Span::styled(truncate(&gauge.title, room), title_style)])
            .render(title_area, buf);
        let gauge_area = Rect { width: gauge_area.width.saturating_sub(1), ..gauge_area };
        line.render(gauge_area, buf);
    }
}

/// Where the selected gauge's title is drawn in the gauges pane `area` (after its `▸ `
/// marker), for the screen-reader cursor; `None` without gauges or room.
pub fn label_at(app: &Viewer, loaded: &Loaded, area: Rect) -> Option<Position> {
    let count = loaded.dataset.gauges.len();
    // The pane's frame is a plain border: its inside is the area less one cell all round.
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    if inner.is_empty() || count == 0 {
        return None;
    }
    let selected = app.view.gauge_selection().min(count - 1);
    let slots = gauge_slots(count, inner.height, selected);
    let offset = u16::try_from(selected.checked_sub(slots.window.start)?).ok()?;
    let row = inner.y.saturating_add(offset.saturating_mul(slots.rows_each));
    let marker = u16::try_from(width("▸ ")).unwrap_or(0);
    (slots.window.contains(&selected) && row < inner.bottom())
        .then(|| Position::new(inner.x.saturating_add(marker).min(inner.right() - 1), row))
}
