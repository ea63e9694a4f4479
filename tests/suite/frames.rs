//! Frames drawn through the pane cache (`ui::Frames`, as the runtime and every SSH viewer draw)
//! are cell for cell (symbol and style) the frames drawn from scratch, after every event of
//! random sessions on fixtures unlike the bundled data: keys (search, overlays, focus, sorts,
//! scrolling), resizes, reloads of a changed file, presentation mode.

use crate::common;

use std::path::Path;

use coopdash::app::{App, Event};
use coopdash::ui::Frames;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FIXTURES: [&str; 6] = ["chinese", "forty", "tonnages", "single", "tables", "bounds"];

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode),
    Resize(u16, u16),
    /// The dataset saved with its `n`th value changed, and reloaded.
    Edit(usize),
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
    ]
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn cached_frames_equal_frames_drawn_from_scratch(
        fixture in prop::sample::select(FIXTURES.to_vec()),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let dir = copied(fixture);
        let path = dir.path().join("metrics.toml");
        let original = std::fs::read_to_string(&path).expect("readable");
        let mut app = common::file_app(&path, 120, 40);
        let mut frames = Frames::new();
        prop_assert_eq!(cached(&app, &mut frames), scratch(&app));
        for step in steps {
            match step {
                Step::Key(code) => common::apply(&mut app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), std::time::Instant::now())),
                Step::Resize(width, height) => common::apply(&mut app, Event::Resize(width, height)),
                Step::Edit(n) => {
                    let text = original.replacen("value = ", &format!("value = {}", n + 1), n + 1);
                    std::fs::write(&path, text).expect("written");
                    common::reload(&mut app);
                }
            }
            prop_assert_eq!(cached(&app, &mut frames), scratch(&app), "after {:?}", step);
        }
    }
}
