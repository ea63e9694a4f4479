//! Frames drawn again only where they changed: a [`Frames`] belongs to whoever draws one view's
//! frames (the runtime's terminal, an SSH viewer's screen, a benchmark) and remembers, for the
//! panes whose cells depend on few inputs (the header, every chart, the gauges, and in a
//! presentation each slide by its place and how far its values have grown, a few at a time),
//! the cells each drew last and what they were drawn from. A pane whose inputs are unchanged is
//! copied from there instead of drawn again. The article's rows are kept for one frame by what
//! each is drawn from (`rows.rs`); everything else (the details, the banner, the footer, the
//! presenter's frames, notes and clock, every overlay and badge drawn over the panes, a slide's
//! small print) is drawn every frame, as before.
//!
//! Rendering stays a pure function of (content, view, area): the frame drawn through a
//! [`Frames`] is cell for cell the frame drawn from scratch (`tests/suite/frames.rs` checks
//! this after every event of random sessions). The keys are conservative: anything shared by
//! every pane (the area, the theme, the key table, the data's generation, the changes shown)
//! clears the whole cache when it differs; each pane's own key holds its rect, its selection,
//! its table sort and whether it has the focus and shows its selection.
//!
//! It also knows which panes (and article rows) of a frame are *in place*: copied from a frame
//! that showed them at the same rect in the frame just before, with nothing drawn over the panes
//! in either frame.
//! Their cells are the cells the terminal already shows, so [`super::Painter`] leaves them out
//! of the comparison with the last frame (see [`Frames::in_place`]).

mod held;
mod rows;

pub(super) use held::spans;

pub(super) use rows::RowKey;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::action::Keymap;
use crate::app::{Growth as AnimationGrowth, Mode, Overlay, ValueChange, Viewer};
use crate::table::TableSort;
use crate::theme::Theme;

/// What every cached pane depends on: when any of it differs, nothing cached is used.
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
    Header {
        rect: Rect,
    },
    Chart {
        index: usize,
        rect: Rect,
        selection: usize,
        sort: TableSort,
        focused: bool,
        selected: bool,
    },
    Gauges {
        rect: Rect,
        selection: usize,
        focused: bool,
        selected: bool,
    },
    /// Slide `index` of the deck filling `rect` (the audience's slide, the presenter's current
    /// or next one), its values grown as far as `growth` says; without its small print.
    Slide {
        rect: Rect,
        index: usize,
        growth: Growth,
    },
}

/// How far a slide's values have grown in, as far as its cells depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Growth {
    /// No animation: every value drawn as it is.
    Settled,
    /// Growing from zero, at this progress (`f64::to_bits`).
    FromZero(u64),
}

impl Growth {
    /// The growth of the slides drawn `animated` in `viewer`; `None` while values move from
    /// the old ones of a reload (a slide drawn then is not cached: its key would be the values).
    pub fn of(viewer: &Viewer, animated: bool) -> Option<Growth> {
        let p = viewer.view.presentation();
        match p.animation.as_ref().map(|animation| &animation.growth).filter(|_| animated) {
            None => Some(Growth::Settled),
            Some(AnimationGrowth::FromZero) => Some(Growth::FromZero(p.progress().to_bits())),
            Some(AnimationGrowth::FromValues(_)) => None,
        }
    }
}

/// How many slides a [`Frames`] keeps (a slide of 120x40 is 4,800 cells): the one shown, the
/// presenter's next one, and the ones just before them, so going back costs a copy.
const SLIDES_KEPT: usize = 4;

impl Key {
    fn rect(&self) -> Rect {
        match *self {
            Key::Header { rect } | Key::Chart { rect, .. } | Key::Gauges { rect, .. } | Key::Slide { rect, .. } => rect,
        }
    }
}

/// The cells of panes drawn in earlier frames of one view, with what they were drawn from.
#[derive(Default)]
pub struct Frames {
    shared: Option<Shared>,
    panes: Vec<(Key, Vec<Cell>)>,
    /// The panes placed (drawn or copied) in the last frame, if nothing was drawn over them.
    placed: Vec<Key>,
    /// The panes placed in the frame being drawn; between frames, those of the frame before
    /// the last one (if nothing was drawn over them), which the painter's spare buffer holds.
    placing: Vec<Key>,
    /// Whether the frame being drawn leaves the panes as they are (nothing over them).
    plain: bool,
    /// The rects of the last frame's panes (and article rows) that are in place.
    in_place: Vec<Rect>,
    /// The article rows among `in_place`.
    in_place_rows: Vec<Rect>,
    /// The rects of the buffer being drawn that hold cells of the frame before last
    /// (`held.rs`); empty but in [`Frames::render_over`].
    held: Vec<held::Held>,
    /// The canvas style of the frame being drawn.
    canvas: Style,
    /// The article's rows of the last frame, to copy from (each taken once).
    rows: Vec<Option<rows::Kept>>,
    /// The article's rows of the frame being drawn.
    rows_drawn: Vec<rows::Kept>,
    /// Whether the last frame's rows are what the terminal shows (nothing drawn over them).
    rows_placed: bool,
}

impl Frames {
    /// An empty cache: the first frame draws everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws `viewer` into `buf` over `area`, exactly as `viewer.render(area, buf)` would,
    /// drawing again only the panes whose inputs changed since the last frame through `self`.
    pub fn render(&mut self, viewer: Viewer<'_>, area: Rect, buf: &mut Buffer) {
        self.held.clear();
        self.render_held(viewer, area, buf);
    }

    /// [`Frames::render`], with the cells of `self.held` left where they are in `buf`.
    fn render_held(&mut self, viewer: Viewer<'_>, area: Rect, buf: &mut Buffer) {
        // Compared in place, and copied only when it changed (the theme and the key table are
        // not small).
        let same = self.shared.as_ref().is_some_and(|shared| {
            shared.area == area
                && shared.generation == viewer.content.generation()
                && shared.changes == viewer.content.changes()
                && shared.theme == *viewer.view.theme()
                && shared.keys == *viewer.view.keys()
        });
        if !same {
            self.panes.clear();
            self.placed.clear();
            self.rows_drawn.clear();
            self.shared = Some(Shared {
                area,
                theme: viewer.view.theme().clone(),
                keys: viewer.view.keys().clone(),
                generation: viewer.content.generation(),
                changes: viewer.content.changes().to_vec(),
            });
        }
        self.start_rows();
        self.plain = draws_nothing_over_the_panes(viewer);
        self.in_place.clear();
        self.in_place_rows.clear();
        self.placing.clear();
        self.canvas = viewer.view.theme().canvas;
        super::draw(viewer, area, buf, &mut Reuse(Some(self)));
        std::mem::swap(&mut self.placed, &mut self.placing);
        if !self.plain {
            self.placed.clear();
        }
        self.rows_placed = self.plain;
        self.rows.clear();
    }

    /// The rects, in the frame [`Frames::render`] drew last, whose cells are the cells of the
    /// frame before it: panes copied from the cache that the frame before showed at the same
    /// rect from the same inputs, with nothing drawn over them in either frame. Disjoint.
    pub fn in_place(&self) -> &[Rect] {
        &self.in_place
    }

    /// Forgets which panes are in place (the frame before is not what the terminal shows: it
    /// was cleared, or a frame failed to reach it); the cached cells stay.
    pub fn forget_placement(&mut self) {
        self.placed.clear();
        self.placing.clear();
        self.in_place.clear();
        self.in_place_rows.clear();
        self.rows_placed = false;
    }
}

/// Whether nothing is drawn over the panes in `viewer`'s frame: no overlay, no follower's line,
/// and in a presentation no small print over the slide. (The article, the details, the banner
/// and the footer have rects of their own, apart from the panes; so have the presenter view's
/// frames, notes and status line.)
fn draws_nothing_over_the_panes(viewer: Viewer<'_>) -> bool {
    let over_slides = viewer.view.mode() == Mode::Presentation && super::slide_frame::shows_any(&viewer);
    viewer.view.overlay() == Overlay::None && viewer.view.following().is_none() && !over_slides
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
        frames.placing.push(key);
        if let Some(at) = frames.panes.iter().position(|(k, _)| *k == key) {
            // Held where it was: its cells are there already.
            if !frames.take_held_pane(&key) {
                let cells = &frames.panes[at].1;
                for (row, y) in (rect.y..rect.bottom()).enumerate() {
                    let start = buf.index_of(rect.x, y);
                    buf.content[start..start + width].clone_from_slice(&cells[row * width..(row + 1) * width]);
                }
                frames.cover(rect);
            }
            if frames.plain && frames.placed.contains(&key) {
                frames.in_place.push(rect);
            }
            return;
        }
        frames.clean(rect, buf);
        draw(buf);
        frames.cover(rect);
        let mut cells = Vec::with_capacity(width * usize::from(rect.height));
        for y in rect.y..rect.bottom() {
            let start = buf.index_of(rect.x, y);
            cells.extend_from_slice(&buf.content[start..start + width]);
        }
        // One entry per pane: the same pane drawn from other inputs replaces its old cells.
        frames.panes.retain(|(k, _)| !k.same_pane(&key));
        if matches!(key, Key::Slide { .. })
            && frames.panes.iter().filter(|(k, _)| matches!(k, Key::Slide { .. })).count() >= SLIDES_KEPT
            && let Some(oldest) = frames.panes.iter().position(|(k, _)| matches!(k, Key::Slide { .. }))
        {
            frames.panes.remove(oldest);
        }
        frames.panes.push((key, cells));
    }
}

impl Key {
    fn same_pane(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Header { .. }, Key::Header { .. }) | (Key::Gauges { .. }, Key::Gauges { .. }) => true,
            (Key::Chart { index: a, .. }, Key::Chart { index: b, .. }) => a == b,
            // Slides are kept by place, each at one growth (the latest drawn).
            (Key::Slide { index: a, rect: r, .. }, Key::Slide { index: b, rect: s, .. }) => a == b && r == s,
            _ => false,
        }
    }
}
