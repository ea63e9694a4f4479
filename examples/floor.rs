//! The floor to measure coopdash against: the least a ratatui program can do. It draws a
//! bordered block with a paragraph, scrolls it on `j` and PgDn, and quits on `q`; like coopdash
//! it blocks on input (no tick) and draws only after an event.
//!
//! ```sh
//! cargo run --release --example floor
//! ```

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let text: String = (1..=1000).map(|n| format!("floor line {n}: the minimal ratatui program\n")).collect();
    let mut terminal = ratatui::try_init()?;
    let mut scroll: u16 = 0;
    let result = loop {
        if let Err(error) = terminal.draw(|frame| {
            let paragraph = Paragraph::new(text.as_str()).block(Block::bordered().title(" floor ")).scroll((scroll, 0));
            frame.render_widget(paragraph, frame.area());
        }) {
            break Err(error);
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => match key.code {
                KeyCode::Char('q') => break Ok(()),
                KeyCode::Char('j') => scroll = scroll.saturating_add(1),
                KeyCode::Char('k') => scroll = scroll.saturating_sub(1),
                KeyCode::PageDown => scroll = scroll.saturating_add(20),
                KeyCode::PageUp => scroll = scroll.saturating_sub(20),
                _ => {}
            },
            Ok(_) => {}
            Err(error) => break Err(error),
        }
    };
    ratatui::try_restore()?;
    result
}
