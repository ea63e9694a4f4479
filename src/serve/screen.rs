//! One viewer's screen: a ratatui terminal whose backend writes crossterm's escape sequences
//! into memory, from where the hub hands each frame to that viewer's SSH channel. The size is
//! the one the viewer's client claimed (pty request, window changes), capped; the backend never
//! asks the server's own terminal anything (a server may have none).

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use ratatui::Terminal;
use ratatui::crossterm::{cursor, queue, terminal};
use ratatui::layout::{Rect, Size};
use ratatui::{TerminalOptions, Viewport};

use crate::app::Viewer;
use crate::ui::SizedBackend;

/// The bytes a frame wrote, shared between the backend and the screen that takes them.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A crossterm backend over a byte buffer, at a size it is told.
type Wire = SizedBackend<Sink>;

/// A viewer's terminal: draws a view and gives back the bytes that bring the remote screen up
/// to date (only what changed since the last frame, or everything after [`Screen::repaint`]).
pub struct Screen {
    terminal: Terminal<Wire>,
    sink: Sink,
    /// What the remote screen shows and the panes drawn last: a frame sends only what changed.
    painter: crate::ui::Painter,
}

impl Screen {
    /// A screen of `columns` × `rows` (already capped by the caller).
    pub fn new(columns: u16, rows: u16) -> Self {
        let size = Size::new(columns, rows);
        let sink = Sink::default();
        let wire = Wire::new(sink.clone(), size);
        let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, columns, rows)) };
        // A fixed viewport asks the backend nothing: this cannot fail.
        let terminal = Terminal::with_options(wire, options).unwrap_or_else(|_| unreachable!("a fixed viewport"));
        Self { terminal, sink, painter: crate::ui::Painter::new() }
    }

    /// What a new viewer's terminal is sent first: the alternate screen, no cursor, and pastes
    /// bracketed (a paste is one event, not a storm of keys).
    pub fn opening() -> Vec<u8> {
        let mut bytes = Vec::new();
        let _ = queue!(
            bytes,
            terminal::EnterAlternateScreen,
            cursor::Hide,
            ratatui::crossterm::event::EnableBracketedPaste,
            terminal::Clear(terminal::ClearType::All)
        );
        bytes
    }

    /// What a leaving viewer's terminal is sent last: everything [`Screen::opening`] turned on,
    /// off again.
    pub fn closing() -> Vec<u8> {
        let mut bytes = Vec::new();
        let _ = queue!(
            bytes,
            ratatui::crossterm::event::DisableBracketedPaste,
            cursor::Show,
            terminal::LeaveAlternateScreen
        );
        bytes
    }

    /// The size the screen draws at.
    pub fn area(&self) -> Rect {
        self.terminal.backend().area()
    }

    /// A new size: the next frame is drawn whole.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        self.terminal.backend_mut().set_size(Size::new(columns, rows));
        let _ = self.terminal.resize(Rect::new(0, 0, columns, rows));
        self.painter.forget();
    }

    /// Forgets what the remote screen shows: the next frame is drawn whole (after frames were
    /// dropped for a viewer that fell behind).
    pub fn repaint(&mut self) {
        let area = self.area();
        let _ = self.sink.take();
        let _ = self.terminal.resize(area);
        self.painter.forget();
    }

    /// Draws the view and returns the frame's bytes, in a synchronized update (the terminal
    /// shows the frame whole; the painter brackets it); none when nothing changed.
    pub fn draw(&mut self, viewer: Viewer<'_>) -> Vec<u8> {
        let drawn = self.painter.draw(&mut self.terminal, viewer, |_, _| None);
        let bytes = self.sink.take();
        if drawn.is_err() {
            return Vec::new();
        }
        bytes
    }
}
