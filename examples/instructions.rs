//! A fixed amount of work for an instruction counter: `benches/callgrind.sh` runs this under
//! `valgrind --tool=callgrind` twice per measure, with a count of 0 and of N, and divides the
//! difference by N. Instruction counts do not depend on how busy the machine is, so the figures
//! repeat on a shared machine where timings do not.
//!
//! ```sh
//! cargo run --release --example instructions -- first-frame [DATASET]
//! cargo run --release --example instructions -- keys N [DATASET]
//! cargo run --release --example instructions -- reload N [DATASET]
//! cargo run --release --example instructions -- viewers V N [DATASET]
//! ```
//!
//! `viewers V N` is the cost of views that share one content (a follower, SSH viewers): V views
//! of a presentation, each with its own 120x40 terminal, are moved through N slide changes and
//! each draws its frame. Run with V = 1 and V = 11, the difference divided by 10 and by N is one
//! more viewer's cost of a slide change.
//!
//! Everything goes through the program's own path: the first load, a 120x40 frame drawn by
//! ratatui's terminal into a byte buffer (the bytes a real terminal would get), keys through
//! `App::update`, reloads by editing the dataset file and loading it as the runtime does.
//! Without DATASET, the bundled data.

use std::cell::Cell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

use coopdash::app::{App, Event, PresentOptions, View, Viewer};
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
use coopdash::runtime::in_place::apply;
use coopdash::theme::Theme;
use coopdash::ui::Painter;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SIZE: Rect = Rect { x: 0, y: 0, width: 120, height: 40 };

/// A terminal's input: counts the bytes and keeps none.
#[derive(Clone, Default)]
struct Counted(Rc<Cell<usize>>);

impl Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("first-frame", String::as_str);
    if what == "viewers" {
        let number = |at: usize| args.get(at).and_then(|n| n.parse().ok()).expect("viewers V N");
        return viewers(number(1), number(2), args.get(3));
    }
    let (count, file) = match what {
        "first-frame" => (0, args.get(1)),
        _ => (args.get(1).and_then(|n| n.parse().ok()).expect("a count"), args.get(2)),
    };
    let dataset = file.map_or(DatasetSource::Builtin, |f| DatasetSource::File(PathBuf::from(f)));
    let request = LoadRequest { dataset, article_override: None };
    let written = Counted::default();
    let mut terminal = fixed(written.clone());
    let mut app = App::new(request.clone(), LoadAsk::first(&request), Theme::dark(), SIZE);
    apply(&mut app, Event::Resize(SIZE.width, SIZE.height));
    // As the runtime draws: through the panes cached from the last frame, sending what changed.
    let mut painter = Painter::new();
    let mut frame = |app: &App, terminal: &mut Terminal<CrosstermBackend<Counted>>| {
        painter.draw(terminal, app.viewer(), |_, _| None).expect("drawn");
    };
    frame(&app, &mut terminal);
    let start = Instant::now();
    match what {
        "first-frame" => {}
        "keys" => {
            // Along the first chart's bars and back: each key moves the selection and its
            // highlight, the details line and the article's evidence.
            for i in 0..count {
                let code = if i % 2 == 0 { KeyCode::Down } else { KeyCode::Up };
                apply(&mut app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE), start));
                frame(&app, &mut terminal);
            }
        }
        "reload" => {
            let DatasetSource::File(path) = &request.dataset else { panic!("reload needs a DATASET file") };
            let original = std::fs::read_to_string(path).expect("readable");
            for i in 0..count {
                // One value changed, as a save in an editor would.
                let text = original.replacen("value = ", &format!("value = {}", i % 9 + 1), 1);
                std::fs::write(path, text).expect("written");
                apply(&mut app, Event::Reload);
                frame(&app, &mut terminal);
            }
            std::fs::write(path, original).expect("restored");
        }
        other => panic!("unknown measure {other}: first-frame, keys or reload"),
    }
    let _ = writeln!(std::io::stderr(), "{what} x{count}: {} bytes written", written.0.get());
}

/// A terminal of [`SIZE`] writing into `counter`. The viewport is fixed: a full-screen one asks
/// the backend its size before every frame, and crossterm, finding no terminal on a counter,
/// answers 80x24 (the frames drawn before 2 December 2026 were 80x24, not 120x40).
fn fixed(counter: Counted) -> Terminal<CrosstermBackend<Counted>> {
    let options = TerminalOptions { viewport: Viewport::Fixed(SIZE) };
    Terminal::with_options(CrosstermBackend::new(counter), options).expect("a terminal on a counter")
}

/// `views` views of one content in a presentation, moved together through `changes` slide
/// changes, each drawing into its own terminal; reports the bytes one view was sent per change.
fn viewers(views: usize, changes: usize, file: Option<&String>) {
    let dataset = file.map_or(DatasetSource::Builtin, |f| DatasetSource::File(PathBuf::from(f)));
    let request = LoadRequest { dataset, article_override: None };
    let app = App::new(request.clone(), LoadAsk::first(&request), Theme::dark(), SIZE);
    let content = app.content();
    let start = Instant::now();
    let present = Event::Present { options: PresentOptions::default(), start: true, slide: 0, at: start };
    let written = Counted::default();
    // Each view draws as an SSH viewer's screen does: through a painter of its own.
    let mut seats: Vec<(View, Terminal<CrosstermBackend<Counted>>, Painter)> = (0..views)
        .map(|_| {
            let mut view = View::new(content, Theme::dark(), SIZE, start);
            // A viewer's effects (telling followers, asking for loads) are no part of its frame.
            let _ = view.update(content, present.clone());
            (view, fixed(written.clone()), Painter::new())
        })
        .collect();
    let draw = |view: &View, terminal: &mut Terminal<CrosstermBackend<Counted>>, painter: &mut Painter| {
        painter.draw(terminal, Viewer { content, view }, |_, _| None).expect("drawn");
    };
    for (view, terminal, painter) in &mut seats {
        draw(view, terminal, painter);
    }
    let before = written.0.get();
    for change in 0..changes {
        // Forward and back between the first two slides: each change redraws the whole slide.
        let slide = (change + 1) % 2;
        for (view, terminal, painter) in &mut seats {
            let _ = view.update(content, Event::GoToSlide { slide, at: start });
            draw(view, terminal, painter);
        }
    }
    let per_change = (written.0.get() - before) / (views * changes.max(1));
    let _ = writeln!(std::io::stderr(), "viewers {views} x{changes}: {per_change} bytes a view a slide change");
}
