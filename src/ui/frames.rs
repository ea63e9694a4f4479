//! Frames drawn again only where they changed: a [`Frames`] belongs to whoever draws one view's
//! frames (the runtime's terminal, an SSH viewer's screen, a benchmark) and remembers, for the
//! panes whose cells depend on few inputs (the header, every chart, the gauges), the cells each
//! drew last and what they were drawn from. A pane whose inputs are unchanged is copied from
//! there instead of drawn again; everything else (the article, the details, the banner, the
//! footer, every overlay and badge drawn over the panes) is drawn every frame, as before.
//!
//! Rendering stays a pure function of (content, view, area): the frame drawn through a
//! [`Frames`] is cell for cell the frame drawn from scratch (`tests/suite/frames.rs` checks
//! this after every event of random sessions). The keys are conservative: anything shared by
//! every pane (the area, the theme, the key table, the data's generation, the changes shown)
//! clears the whole cache when it differs; each pane's own key holds its rect, its selection,
//! its table sort and whether it has the focus and shows its selection.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::action::Keymap;
use crate::app::{ValueChange, Viewer};
use crate::table::TableSort;
use crate::theme::Theme;

/// What every cached pane depends on: when any of it differs, nothing cached is used.
#[derive(PartialEq)]
struct Shared {
    area: Rect,
    theme: Theme,
    keys: Keymap,
    generation: u64,
    changes: Vec<ValueChange>,
}

/// What one pane's cells depend on besides [`Shared`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Header { rect: Rect },
    Chart { index: usize, rect: Rect, selection: usize, sort: TableSort, focused: bool, selected: bool },
    Gauges { rect: Rect, selection: usize, focused: bool, selected: bool },
}

impl Key {
    fn rect(&self) -> Rect {
        match *self {
            Key::Header { rect } | Key::Chart { rect, .. } | Key::Gauges { rect, .. } => rect,
        }
    }
}

/// The cells of panes drawn in earlier frames of one view, with what they were drawn from.
#[derive(Default)]
pub struct Frames {
    shared: Option<Shared>,
    panes: Vec<(Key, Vec<Cell>)>,
}

impl Frames {
    /// An empty cache: the first frame draws everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws `viewer` into `buf` over `area`, exactly as `viewer.render(area, buf)` would,
    /// drawing again only the panes whose inputs changed since the last frame through `self`.
    pub fn render(&mut self, viewer: Viewer<'_>, area: Rect, buf: &mut Buffer) {
        let shared = Shared {
            area,
            theme: viewer.view.theme().clone(),
            keys: viewer.view.keys().clone(),
            generation: viewer.content.generation(),
            changes: viewer.content.changes().to_vec(),
        };
        if self.shared.as_ref() != Some(&shared) {
            self.panes.clear();
            self.shared = Some(shared);
        }
        super::draw(viewer, area, buf, &mut Reuse(Some(self)));
    }
}

/// A frame's access to the cache, or none (a frame drawn from scratch).
pub(super) struct Reuse<'a>(pub Option<&'a mut Frames>);

impl Reuse<'_> {
    /// Draws one pane with `draw`, or copies its cells from the last frame when it was drawn
    /// from the same `key` (within the buffer: a pane partly outside is always drawn).
    pub fn pane(&mut self, key: Key, buf: &mut Buffer, draw: impl FnOnce(&mut Buffer)) {
        let rect = key.rect();
        let Some(frames) = self.0.as_deref_mut().filter(|_| buf.area.intersection(rect) == rect && !rect.is_empty())
        else {
            return draw(buf);
        };
        let width = usize::from(rect.width);
        if let Some((_, cells)) = frames.panes.iter().find(|(k, _)| *k == key) {
            for (row, y) in (rect.y..rect.bottom()).enumerate() {
                let start = buf.index_of(rect.x, y);
                buf.content[start..start + width].clone_from_slice(&cells[row * width..(row + 1) * width]);
            }
            return;
        }
        draw(buf);
        let mut cells = Vec::with_capacity(width * usize::from(rect.height));
        for y in rect.y..rect.bottom() {
            let start = buf.index_of(rect.x, y);
            cells.extend_from_slice(&buf.content[start..start + width]);
        }
        // One entry per pane: the same pane drawn from other inputs replaces its old cells.
        frames.panes.retain(|(k, _)| !k.same_pane(&key));
        frames.panes.push((key, cells));
    }
}

impl Key {
    fn same_pane(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Header { .. }, Key::Header { .. }) | (Key::Gauges { .. }, Key::Gauges { .. }) => true,
            (Key::Chart { index: a, .. }, Key::Chart { index: b, .. }) => a == b,
            _ => false,
        }
    }
}
