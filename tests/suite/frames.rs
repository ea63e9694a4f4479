//! Frames drawn through the pane cache (`ui::Frames`, as the runtime and every SSH viewer draw)
//! are cell for cell (symbol and style) the frames drawn from scratch, after every event of
//! random sessions on fixtures unlike the bundled data: keys (search, overlays, focus, sorts,
//! scrolling), resizes, reloads of a changed file, presentation mode. And the screen a terminal
//! shows after frames sent through `ui::Painter` (only the cells outside the panes in place
//! compared and sent) is the screen a whole frame drawn by ratatui's terminal makes.

mod wire;

use crate::common;

use std::path::Path;

use std::time::{Duration, Instant};

use coopdash::app::{App, Event, PresentOptions};
use coopdash::ui::{Frames, Painter};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FIXTURES: [&str; 6] = ["chinese", "forty", "tonnages", "single", "tables", "bounds"];

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode),
    Resize(u16, u16),
    /// The terminal cleared and drawn whole again, as after a suspend (`Painter::forget`).
    Repaint,
    /// The dataset saved with its `n`th value changed, and reloaded.
    Edit(usize),
    /// The clock moved on this many milliseconds, and ticked (animations, autoplay, timer).
    Tick(u64),
    /// The clicker's "show slide n".
    Slide(usize),
}

fn step() -> impl Strategy<Value = Step> {
    let keys = prop_oneof![
        Just(KeyCode::Down),
        Just(KeyCode::Up),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::PageDown),
        Just(KeyCode::PageUp),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        prop::sample::select(b"?dwsSpjkhlnNgGe/ 1a".to_vec()).prop_map(|c| KeyCode::Char(char::from(c))),
    ];
    prop_oneof![
        8 => keys.prop_map(Step::Key),
        1 => (20u16..200, 4u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0usize..6).prop_map(Step::Edit),
        1 => Just(Step::Repaint),
    ]
}

/// Steps of a presentation: the clicker's keys (blank, timer, presenter view, autoplay, a slide
/// number typed), the clock's ticks through animations, slides shown by number.
fn presenting_step() -> impl Strategy<Value = Step> {
    let keys = prop_oneof![
        Just(KeyCode::Right),
        Just(KeyCode::Left),
        Just(KeyCode::PageDown),
        Just(KeyCode::PageUp),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        prop::sample::select(b"bstaw?2 p.".to_vec()).prop_map(|c| KeyCode::Char(char::from(c))),
    ];
    prop_oneof![
        6 => keys.prop_map(Step::Key),
        3 => (0u64..400).prop_map(Step::Tick),
        2 => (0usize..8).prop_map(Step::Slide),
        1 => (20u16..200, 4u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0usize..6).prop_map(Step::Edit),
        1 => Just(Step::Repaint),
    ]
}

/// What a presentation session opens with: animations, slide numbers, autoplay, the presenter
/// view, each on or off.
fn presenting() -> impl Strategy<Value = PresentOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(animation, slide_numbers, autoplay, presenter)| PresentOptions {
            animation,
            slide_numbers,
            presenter,
            autoplay: autoplay.then_some(Duration::from_millis(900)),
            ..PresentOptions::default()
        },
    )
}

/// A session's clock: the instant every event carries, moved on by [`Step::Tick`].
struct Clock(Instant);

impl Clock {
    /// Applies `step`'s event to `app` (a resize, repaint or edit is the caller's), at the
    /// session's time.
    fn apply(&mut self, app: &mut App, step: &Step) {
        match *step {
            Step::Key(code) => common::apply(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), self.0)),
            Step::Tick(ms) => {
                self.0 += Duration::from_millis(ms);
                common::apply(app, Event::Tick(self.0));
            }
            Step::Slide(slide) => common::apply(app, Event::GoToSlide { slide, at: self.0 }),
            Step::Resize(..) | Step::Repaint | Step::Edit(_) => {}
        }
    }
}

/// The app of a session on the fixture at `path`, in a presentation if `present` says so.
fn session_app(path: &Path, present: Option<PresentOptions>, clock: &Clock) -> App {
    let mut app = common::file_app(path, 120, 40);
    if let Some(options) = present {
        common::apply(&mut app, Event::Present { options, start: true, slide: 0, at: clock.0 });
    }
    app
}

/// The fixture copied into a folder of its own (with its article), so it can be edited.
fn copied(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new("tests/fixtures").join(name);
    for entry in std::fs::read_dir(&from).expect("the fixture") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copied");
    }
    dir
}

fn scratch(app: &App) -> Buffer {
    common::render(app)
}

fn cached(app: &App, frames: &mut Frames) -> Buffer {
    let area = app.view().size();
    let mut buffer = Buffer::empty(area);
    frames.render(app.viewer(), area, &mut buffer);
    buffer
}

/// One session's steps on `fixture`, each frame drawn through one `Frames` and from scratch:
/// the two are the same after every step.
fn cached_session(fixture: &str, present: Option<PresentOptions>, steps: &[Step]) -> Result<(), TestCaseError> {
    let dir = copied(fixture);
    let path = dir.path().join("metrics.toml");
    let original = std::fs::read_to_string(&path).expect("readable");
    let mut clock = Clock(Instant::now());
    let mut app = session_app(&path, present, &clock);
    let mut frames = Frames::new();
    prop_assert_eq!(cached(&app, &mut frames), scratch(&app));
    for step in steps {
        clock.apply(&mut app, step);
        match *step {
            Step::Resize(width, height) => common::apply(&mut app, Event::Resize(width, height)),
            Step::Edit(n) => {
                let text = original.replacen("value = ", &format!("value = {}", n + 1), n + 1);
                std::fs::write(&path, text).expect("written");
                common::reload(&mut app);
            }
            _ => {}
        }
        prop_assert_eq!(cached(&app, &mut frames), scratch(&app), "after {:?}", step);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn cached_frames_equal_frames_drawn_from_scratch(
        fixture in prop::sample::select(FIXTURES.to_vec()),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        cached_session(fixture, None, &steps)?;
    }

    #[test]
    fn cached_slides_equal_slides_drawn_from_scratch(
        fixture in prop::sample::select(FIXTURES.to_vec()),
        present in presenting(),
        steps in prop::collection::vec(presenting_step(), 1..40),
    ) {
        cached_session(fixture, Some(present), &steps)?;
    }
}

/// The screen a whole frame of `app` makes on a blank terminal, drawn by ratatui's terminal.
fn whole(app: &App) -> Vec<Vec<wire::Shown>> {
    let size = app.view().size();
    let mut screen = wire::Screen::new(size.width, size.height);
    screen.terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("drawn");
    screen.take();
    screen.rows()
}

/// The first row where two screens differ, as text with its escapes, if any.
fn first_difference(shown: &[Vec<wire::Shown>], whole: &[Vec<wire::Shown>], when: &str) -> Result<(), TestCaseError> {
    let text = |row: &[wire::Shown]| row.iter().map(|cell| cell.text.as_str()).collect::<String>();
    match shown.iter().zip(whole).position(|(a, b)| a != b) {
        None if shown.len() == whole.len() => Ok(()),
        None => Err(TestCaseError::fail(format!("{when}: {} rows against {}", shown.len(), whole.len()))),
        Some(row) => {
            let column = shown[row].iter().zip(&whole[row]).position(|(a, b)| a != b).unwrap_or_default();
            Err(TestCaseError::fail(format!(
                "{when}: row {row} differs at column {column}: {:?} against {:?}\n shown: {}\n whole: {}",
                shown[row].get(column),
                whole[row].get(column),
                text(&shown[row]),
                text(&whole[row])
            )))
        }
    }
}

/// One session's steps on `fixture`, each frame sent through one painter to one terminal and
/// through ratatui's `Terminal::draw` (which compares every cell) to another; after each, the
/// two screens are the same, and with `whole` also the screen of the whole frame drawn on a
/// blank terminal. Returns the bytes the painter sent after the first frame.
fn painted(
    fixture: &str,
    present: Option<PresentOptions>,
    steps: &[Step],
    whole_too: bool,
) -> Result<usize, TestCaseError> {
    let dir = copied(fixture);
    let path = dir.path().join("metrics.toml");
    let original = std::fs::read_to_string(&path).expect("readable");
    let mut clock = Clock(Instant::now());
    let mut app = session_app(&path, present, &clock);
    let (mut screen, mut reference) = (wire::Screen::new(120, 40), wire::Screen::new(120, 40));
    let mut painter = Painter::new();
    let draw = |app: &App, painter: &mut Painter, screen: &mut wire::Screen, reference: &mut wire::Screen| {
        painter.draw(&mut screen.terminal, app.viewer(), |_, _| None).expect("drawn");
        reference.terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("drawn");
        reference.take();
        (screen.take(), painter.shown() == &scratch(app))
    };
    draw(&app, &mut painter, &mut screen, &mut reference);
    first_difference(&screen.rows(), &whole(&app), "the first frame")?;
    let mut sent = 0;
    for step in steps {
        clock.apply(&mut app, step);
        match *step {
            Step::Key(_) | Step::Tick(_) | Step::Slide(_) => {}
            Step::Resize(width, height) => {
                screen.resize(width, height);
                reference.resize(width, height);
                common::apply(&mut app, Event::Resize(width, height));
            }
            Step::Repaint => {
                for screen in [&mut screen, &mut reference] {
                    let area = screen.terminal.get_frame().area();
                    screen.terminal.resize(area).expect("cleared");
                }
                painter.forget();
            }
            Step::Edit(n) => {
                let text = original.replacen("value = ", &format!("value = {}", n + 1), n + 1);
                std::fs::write(&path, text).expect("written");
                common::reload(&mut app);
            }
        }
        let (bytes, same_frame) = draw(&app, &mut painter, &mut screen, &mut reference);
        sent += bytes;
        prop_assert!(same_frame, "the painter's frame after {:?} is not the frame drawn from scratch", step);
        let when = format!("{fixture}, after {step:?}");
        first_difference(&screen.rows(), &reference.rows(), &format!("{when}, against ratatui's draw"))?;
        if whole_too {
            first_difference(&screen.rows(), &whole(&app), &format!("{when}, against the whole frame"))?;
        }
    }
    Ok(sent)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn painted_screens_equal_whole_frames(
        fixture in prop::sample::select(FIXTURES.to_vec()),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        painted(fixture, None, &steps, false)?;
    }

    /// Slides copied or left in place (going back to a slide, a tick that moves only the
    /// presenter's clock) show on the terminal as ratatui's draw shows them.
    #[test]
    fn painted_slides_equal_whole_frames(
        fixture in prop::sample::select(FIXTURES.to_vec()),
        present in presenting(),
        steps in prop::collection::vec(presenting_step(), 1..40),
    ) {
        painted(fixture, Some(present), &steps, false)?;
    }
}

/// Keys along a chart, a resize, a reload of a changed value and a repaint, in one sequence on
/// each fixture: the screen is the one ratatui's draw makes after each, and the whole frame's
/// (on the fixtures without wide characters, where ratatui's own diff leaves a blank's style
/// as a terminal keeps it).
#[test]
fn a_partial_flush_through_a_resize_and_a_reload_shows_the_whole_frame() {
    let steps = [
        Step::Key(KeyCode::Down),
        Step::Key(KeyCode::Down),
        Step::Key(KeyCode::Up),
        Step::Resize(100, 30),
        Step::Key(KeyCode::Down),
        Step::Edit(0),
        Step::Key(KeyCode::Up),
        Step::Key(KeyCode::Tab),
        Step::Key(KeyCode::Down),
        Step::Repaint,
        Step::Key(KeyCode::Up),
        Step::Key(KeyCode::Char('?')),
        Step::Key(KeyCode::Esc),
        Step::Key(KeyCode::Down),
        Step::Resize(200, 50),
        Step::Key(KeyCode::Down),
    ];
    for fixture in FIXTURES {
        if let Err(error) = painted(fixture, None, &steps, fixture != "chinese") {
            panic!("{fixture}: {error}");
        }
    }
}

/// With a cursor (the screen reader's, or one that stays put), the painter leaves it shown where
/// ratatui's draw puts it, after each key; hidden on a frame without one, and shown again after.
#[test]
fn the_painters_cursor_is_where_ratatuis_draw_puts_it() {
    let mut app = common::fixture_app("forty", 120, 40);
    let (mut screen, mut reference) = (wire::Screen::new(120, 40), wire::Screen::new(120, 40));
    let mut painter = Painter::new();
    // Along a chart, across the panes, down the article (its text moves under a cursor that
    // stays on its top line), the help and back.
    let keys = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::PageDown,
        KeyCode::Char('?'),
        KeyCode::Esc,
    ];
    for (i, code) in keys.into_iter().enumerate() {
        // The fourth frame has no cursor.
        let shown = i != 3;
        let area = ratatui::layout::Rect::new(0, 0, 120, 40);
        // The screen reader's cursor, and from the eighth frame one that stays while cells
        // change under it.
        let at = match i {
            3 => None,
            0..7 => coopdash::ui::cursor_position(app.viewer(), area),
            _ => Some(ratatui::layout::Position::new(3, 2)),
        };
        painter.draw(&mut screen.terminal, app.viewer(), |_, _| at).expect("drawn");
        reference
            .terminal
            .draw(|frame| {
                frame.render_widget(&app, frame.area());
                if let Some(at) = at {
                    frame.set_cursor_position(at);
                }
            })
            .expect("drawn");
        screen.take();
        reference.take();
        assert_eq!(screen.cursor(), reference.cursor(), "frame {i}");
        assert_eq!(screen.cursor().1, !shown, "frame {i}");
        common::apply(&mut app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now()));
    }
}
