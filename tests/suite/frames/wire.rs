//! A terminal for the painter tests: crossterm's escape sequences parsed by vt100 (a terminal's
//! own rules: a narrow character written over half of a wide one clears it, and so on), at a
//! size the test sets, as the runtime's terminal is.

use std::cell::RefCell;
use std::io;
use std::rc::Rc;

use coopdash::ui::SizedBackend;
use ratatui::Terminal;
use ratatui::layout::Size;

/// Bytes written, shared between the backend and the screen that parses them.
#[derive(Clone, Default)]
pub struct Sink(Rc<RefCell<Vec<u8>>>);

impl io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A backend that writes into memory and reports the size it is told.
pub type Wire = SizedBackend<Sink>;

/// A full-screen ratatui terminal over a [`Wire`], and the screen its bytes make.
pub struct Screen {
    pub terminal: Terminal<Wire>,
    sink: Sink,
    parser: vt100::Parser,
}

impl Screen {
    pub fn new(width: u16, height: u16) -> Self {
        let sink = Sink::default();
        let wire = Wire::new(sink.clone(), Size::new(width, height));
        let terminal = Terminal::new(wire).expect("a terminal in memory");
        Self { terminal, sink, parser: vt100::Parser::new(height.max(1), width.max(1), 0) }
    }

    /// The terminal window resized: the program finds out when it next draws.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().set_size(Size::new(width, height));
        self.parser.screen_mut().set_size(height.max(1), width.max(1));
    }

    /// The bytes written since the last call, parsed; returns how many there were.
    pub fn take(&mut self) -> usize {
        let bytes = std::mem::take(&mut *self.sink.0.borrow_mut());
        self.parser.process(&bytes);
        bytes.len()
    }

    /// Where the cursor is, and whether it is hidden.
    pub fn cursor(&self) -> ((u16, u16), bool) {
        let screen = self.parser.screen();
        (screen.cursor_position(), screen.hide_cursor())
    }

    /// Every row as vt100 has it, cell by cell: what it shows (a cell never written and a space
    /// look the same), its colours and attributes. Not the cursor.
    pub fn rows(&self) -> Vec<Vec<Shown>> {
        let screen = self.parser.screen();
        let (height, width) = screen.size();
        (0..height)
            .map(|row| {
                (0..width)
                    .map(|column| {
                        let Some(cell) = screen.cell(row, column) else { return Shown::default() };
                        let text = if cell.has_contents() { cell.contents() } else { " " };
                        let shown = Shown {
                            text: text.to_owned(),
                            wide: (cell.is_wide(), cell.is_wide_continuation()),
                            colours: (cell.fgcolor(), cell.bgcolor()),
                            attributes: [cell.bold(), cell.dim(), cell.italic(), cell.underline(), cell.inverse()],
                        };
                        // A blank shows no foreground, weight or slant (a terminal keeps them
                        // on a cell a wide character left, where ratatui's diff writes nothing).
                        if text == " " && !cell.inverse() && !cell.underline() {
                            return Shown {
                                colours: (vt100::Color::Default, cell.bgcolor()),
                                attributes: [false; 5],
                                ..shown
                            };
                        }
                        shown
                    })
                    .collect()
            })
            .collect()
    }
}

/// One cell of a screen, as it looks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown {
    pub text: String,
    wide: (bool, bool),
    colours: (vt100::Color, vt100::Color),
    attributes: [bool; 5],
}
