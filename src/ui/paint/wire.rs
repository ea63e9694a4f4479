//! The terminals a [`super::Painter`] draws on: backends that take a frame's bytes whole.

use std::io;

use ratatui::backend::{Backend, CrosstermBackend};

/// A backend the painter hands each frame to as bytes, in one write: the backend is still
/// ratatui's for everything else (its size, clearing, the cursor's visibility).
pub trait Wire: Backend {
    /// Writes `bytes` (a frame's escape sequences) to the terminal, and flushes.
    fn send(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;
}

impl<W: io::Write> Wire for CrosstermBackend<W> {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        io::Write::write_all(self, bytes)?;
        io::Write::flush(self)
    }
}
