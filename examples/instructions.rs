//! A fixed amount of work for an instruction counter: `benches/callgrind.sh` runs this under
//! `valgrind --tool=callgrind` twice per measure, with a count of 0 and of N, and divides the
//! difference by N. Instruction counts do not depend on how busy the machine is, so the figures
//! repeat on a shared machine where timings do not.
//!
//! ```sh
//! cargo run --release --example instructions -- first-frame [DATASET]
//! cargo run --release --example instructions -- keys N [DATASET]
//! cargo run --release --example instructions -- reload N [DATASET]
//! ```
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

use coopdash::app::{App, Event};
use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
use coopdash::runtime::in_place::apply;
use coopdash::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

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
    let (count, file) = match what {
        "first-frame" => (0, args.get(1)),
        _ => (args.get(1).and_then(|n| n.parse().ok()).expect("a count"), args.get(2)),
    };
    let dataset = file.map_or(DatasetSource::Builtin, |f| DatasetSource::File(PathBuf::from(f)));
    let request = LoadRequest { dataset, article_override: None };
    let written = Counted::default();
    let mut terminal = Terminal::new(CrosstermBackend::new(written.clone())).expect("a terminal on a counter");
    terminal.resize(SIZE).expect("sized");
    let mut app = App::new(request.clone(), LoadAsk::first(&request), Theme::dark(), SIZE);
    apply(&mut app, Event::Resize(SIZE.width, SIZE.height));
    let frame = |app: &App, terminal: &mut Terminal<CrosstermBackend<Counted>>| {
        terminal.draw(|f| f.render_widget(app, f.area())).expect("drawn");
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
