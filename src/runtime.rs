//! The terminal and the event loop. Everything that touches the real terminal, threads and
//! signals lives here; the app it drives knows none of it.
//!
//! One channel carries key, resize, and signal events. The loop blocks on it (no tick: an idle
//! dashboard uses no CPU and writes nothing), applies everything that is waiting, then draws once.

use std::io::{self, Write};
use std::sync::mpsc::{self, Sender};
use std::thread;

use color_eyre::eyre::{Result, WrapErr};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect, Event};

/// What reaches the loop.
enum Message {
    Terminal(TermEvent),
    /// The terminal's input failed (it went away): time to leave.
    InputGone,
    Signal(i32),
}

/// Runs the app in the terminal until it quits, and returns the exit status: 0 for a quit, 128 +
/// the signal's number when a signal ended it (the shell convention). The terminal is restored
/// on every way out: quit, error, panic (ratatui's hook), and SIGTERM/SIGINT/SIGHUP/SIGQUIT.
pub fn run(mut app: App) -> Result<u8> {
    let mut terminal = ratatui::try_init().wrap_err("cannot set up the terminal")?;
    let result = event_loop(&mut terminal, &mut app);
    let restored = ratatui::try_restore().wrap_err("cannot restore the terminal");
    let code = result?;
    restored?;
    Ok(code)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<u8> {
    let (sender, receiver) = mpsc::channel();
    spawn_input_reader(sender.clone());
    spawn_signal_listener(sender)?;
    let size = terminal.size()?;
    app.update(Event::Resize(size.width, size.height));
    draw(terminal, app)?;
    loop {
        let mut message = Some(receiver.recv()?);
        let mut effect = Effect::None;
        // Apply everything already waiting before drawing: a burst of keys costs one frame.
        while let Some(next) = message.take() {
            if let Message::Signal(signal) = next {
                return Ok(128u8.saturating_add(u8::try_from(signal).unwrap_or(0)));
            }
            effect = strongest(effect, handle(app, next));
            if effect == Effect::Quit {
                break;
            }
            message = receiver.try_recv().ok();
        }
        match effect {
            Effect::None => {}
            Effect::Redraw => draw(terminal, app)?,
            Effect::Quit => return Ok(0),
            Effect::Suspend => {
                suspend(terminal)?;
                let size = terminal.size()?;
                app.update(Event::Resize(size.width, size.height));
                draw(terminal, app)?;
            }
        }
    }
}

fn draw(terminal: &mut DefaultTerminal, app: &App) -> Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

/// Of two effects pending in one batch, the one that must win.
fn strongest(a: Effect, b: Effect) -> Effect {
    let rank = |e: Effect| match e {
        Effect::None => 0,
        Effect::Redraw => 1,
        Effect::Suspend => 2,
        Effect::Quit => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

fn handle(app: &mut App, message: Message) -> Effect {
    match message {
        Message::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => app.update(Event::Key(key)),
        Message::Terminal(TermEvent::Resize(width, height)) => app.update(Event::Resize(width, height)),
        // Focus, paste and mouse events change nothing on screen.
        Message::Terminal(_) => Effect::None,
        Message::InputGone => Effect::Quit,
        Message::Signal(_) => Effect::Quit,
    }
}

/// Blocks in crossterm's `read` on its own thread, so the main loop can wait on one channel.
fn spawn_input_reader(sender: Sender<Message>) {
    thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => Message::Terminal(event),
                Err(_) => Message::InputGone,
            };
            let gone = matches!(message, Message::InputGone);
            if sender.send(message).is_err() || gone {
                return;
            }
        }
    });
}

/// Turns termination signals into messages so the loop can restore the terminal and exit.
fn spawn_signal_listener(sender: Sender<Message>) -> Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT]).wrap_err("cannot install signal handlers")?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(Message::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
///
/// The full repaint uses `terminal.resize`, not `clear`: `clear` queries the cursor position,
/// which would race the input thread blocked in `read`.
fn suspend(terminal: &mut DefaultTerminal) -> Result<()> {
    ratatui::try_restore()?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here the process has been continued (or was never stopped: no job control).
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    io::stdout().flush()?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    terminal.resize(Rect::new(0, 0, width, height))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quit_outranks_everything_in_a_batch() {
        assert_eq!(strongest(Effect::Redraw, Effect::Quit), Effect::Quit);
        assert_eq!(strongest(Effect::Quit, Effect::Redraw), Effect::Quit);
        assert_eq!(strongest(Effect::None, Effect::Redraw), Effect::Redraw);
        assert_eq!(strongest(Effect::Suspend, Effect::Redraw), Effect::Suspend);
    }
}
