//! The mouse: the wheel scrolls the pane under the pointer, a click focuses a pane and selects
//! the bar or gauge under it.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Margin, Position};

use super::{Content, Effects, Overlay, View};
use crate::action::Action;
use crate::geometry::{BarLimits, bar_slots, gauge_slots, stands_upright};
use crate::layout::Pane;

/// Lines one wheel notch scrolls the article.
const WHEEL_LINES: usize = 3;

impl View {
    pub(super) fn on_mouse(&mut self, content: &Content, mouse: MouseEvent) -> Effects {
        let at = Position::new(mouse.column, mouse.row);
        if matches!(self.overlay, Overlay::Help | Overlay::Problems) {
            return match mouse.kind {
                MouseEventKind::ScrollDown => self.apply_to_help(content, Action::Next),
                MouseEventKind::ScrollUp => self.apply_to_help(content, Action::Prev),
                MouseEventKind::Down(_) => {
                    self.overlay = Overlay::None;
                    Effects::redraw()
                }
                _ => Effects::none(),
            };
        }
        let Some(pane) = self.pane_at(content, at) else { return Effects::none() };
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if pane == Pane::Article {
                    self.article_scroll = if down {
                        self.article_scroll.saturating_add(WHEEL_LINES)
                    } else {
                        self.article_scroll.saturating_sub(WHEEL_LINES)
                    };
                    self.clamp_article_scroll(content);
                } else {
                    let focus = std::mem::replace(&mut self.focus, pane);
                    self.move_in_pane(content, if down { Action::Next } else { Action::Prev });
                    self.focus = focus;
                    self.last_item_pane = if self.focus == Pane::Article { self.last_item_pane } else { pane };
                    self.follow_selection(content);
                }
                Effects::redraw()
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.overlay = Overlay::None;
                self.focus = pane;
                if pane != Pane::Article {
                    self.last_item_pane = pane;
                    self.select_at(content, pane, at);
                }
                self.refresh_article(content);
                self.follow_selection(content);
                Effects::redraw()
            }
            _ => Effects::none(),
        }
    }

    fn apply_to_help(&mut self, content: &Content, action: Action) -> Effects {
        self.scroll_help(content, action);
        Effects::redraw()
    }

    /// The pane under a screen position.
    fn pane_at(&self, content: &Content, at: Position) -> Option<Pane> {
        let areas = self.areas(content);
        self.panes(content).into_iter().find(|&p| areas.pane(p).contains(at))
    }

    /// Selects the bar or gauge drawn under `at` in `pane`.
    fn select_at(&mut self, content: &Content, pane: Pane, at: Position) {
        let Some(loaded) = content.data() else { return };
        let inner = self.areas(content).pane(pane).inner(Margin::new(1, 1));
        match pane {
            Pane::Chart(index) => {
                let Some(chart) = loaded.dataset.charts.get(index) else { return };
                // A line chart's points are not bars: a click focuses it and keeps its point.
                if chart.kind == crate::dataset::ChartKind::Line || self.click_table(content, index, inner, at) {
                    return;
                }
                let selected = self.chart_selection.get(index).copied().unwrap_or(0);
                let wanted = chart.direction == crate::dataset::ChartDirection::Vertical;
                let (count, widest) = (chart.metrics.len(), loaded.dataset.widest_bar_value(&chart.metrics));
                let vertical = stands_upright(wanted, count, inner, BarLimits::dataset(inner), widest);
                let slots = bar_slots(count, inner, vertical, selected);
                if let (Some(bar), Some(selection)) =
                    (slots.hit(inner, at.x, at.y), self.chart_selection.get_mut(index))
                {
                    *selection = bar;
                }
            }
            Pane::Gauges => {
                let count = loaded.dataset.gauges.len();
                if let Some(gauge) = gauge_slots(count, inner.height, self.gauge_selection).hit(inner, at.x, at.y) {
                    self.gauge_selection = gauge;
                }
            }
            Pane::Article => {}
        }
    }
}
