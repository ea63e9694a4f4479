//! The layout solved once per size and state: every update ends by solving it for the view's
//! size and what the layout depends on ([`LayoutInput`]), and both the keys (page heights, the
//! article's width, hit-testing) and the frame read that instead of solving it again. A read
//! whose size or input differs from the solved one (within an update, or a frame drawn at
//! another size) solves afresh, so the answer is always the pure `layout::layout`'s.

use ratatui::layout::Rect;

use super::View;
use crate::app::Content;
use crate::layout::{self, Areas, ChartShape, LayoutInput};

/// A layout and what it was solved from.
pub struct Solved {
    size: Rect,
    input: LayoutInput,
    areas: Areas,
}

impl View {
    /// The layout input for the content's data and this view's focus.
    pub fn layout_input(&self, content: &Content) -> LayoutInput {
        let (charts, gauges) = match content.data() {
            Some(loaded) => (
                loaded
                    .dataset
                    .charts
                    .iter()
                    .map(|c| ChartShape {
                        bars: c.metrics.len(),
                        // A line chart grows as an upright one does: its graph wants height.
                        vertical: c.direction == crate::dataset::ChartDirection::Vertical
                            || c.kind == crate::dataset::ChartKind::Line,
                        table: c.kind == crate::dataset::ChartKind::Table,
                    })
                    .collect(),
                loaded.dataset.gauges.len(),
            ),
            None => (Vec::new(), 0),
        };
        let banner = match content.status() {
            crate::app::Status::Stale { errors, .. } => u16::try_from(errors.diagnostics.len() + 1).unwrap_or(u16::MAX),
            _ => 0,
        };
        LayoutInput { charts, gauges, focus: self.focus, banner }
    }

    /// The layout of the whole screen at this view's size.
    pub fn areas(&self, content: &Content) -> Areas {
        self.areas_at(content, self.size)
    }

    /// The layout of a screen of `size` for this view and `content`: the one solved at the end
    /// of the last update when it was solved from the same size and input.
    pub fn areas_at(&self, content: &Content, size: Rect) -> Areas {
        let input = self.layout_input(content);
        match &self.solved {
            Some(solved) if solved.size == size && solved.input == input => solved.areas.clone(),
            _ => layout::layout(size, &input),
        }
    }

    /// Solves the layout for the view's size and `content`, unless already solved from them.
    pub(in crate::app) fn solve(&mut self, content: &Content) {
        let input = self.layout_input(content);
        if self.solved.as_ref().is_some_and(|s| s.size == self.size && s.input == input) {
            return;
        }
        let areas = layout::layout(self.size, &input);
        self.solved = Some(Solved { size: self.size, input, areas });
    }
}
