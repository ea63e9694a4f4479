//! A slide as a frame shows it: the audience's slide (or the blank screen) with its small print,
//! and the presenter's next one, each drawn through the frames' cache (`frames.rs`): a slide is
//! drawn once per place and growth of its values and copied after that, so going back to a
//! slide, or a frame that only moves the clock of the presenter view, costs a copy.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::frames::{Growth, Key, Reuse};
use super::slide::{draw, frame_and_body};
use crate::app::Viewer;
use crate::load::Loaded;

/// The audience's slide, filling `area`: the slide itself, and only the small print asked for
/// (`--slide-numbers`, `t`'s timer, autoplay's progress, a slide number being typed). No key
/// hints, no file paths: those are the presenter's (`?`, the presenter view).
pub fn render(app: &Viewer, loaded: &Loaded, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    let p = app.view.presentation();
    if p.blank {
        buf.set_style(area, app.view.theme().blank);
        return;
    }
    cached(app, loaded, p.slide, true, area, buf, reuse);
    let ([_, progress, bottom], _) = frame_and_body(area);
    super::slide_frame::small_print(app, progress, bottom, buf);
}

/// Slide `index` as it settles (no animation, no small print), at the size of `area`: the
/// presenter view's next slide.
pub fn thumbnail(app: &Viewer, loaded: &Loaded, index: usize, area: Rect, buf: &mut Buffer, reuse: &mut Reuse) {
    cached(app, loaded, index, false, area, buf, reuse);
}

/// Slide `index` over `area`, its values growing in if `animated`, copied from the cache when
/// it was drawn there at the same growth.
fn cached(
    app: &Viewer,
    loaded: &Loaded,
    index: usize,
    animated: bool,
    area: Rect,
    buf: &mut Buffer,
    reuse: &mut Reuse,
) {
    let paint = |buf: &mut Buffer| {
        draw(app, loaded, index, animated, area, buf);
    };
    match Growth::of(app, animated) {
        Some(growth) => reuse.pane(Key::Slide { rect: area, index, growth }, buf, paint),
        None => paint(buf),
    }
}
