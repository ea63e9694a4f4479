//! The terminal and the event loop. Everything that touches the real terminal, threads, signals
//! and the file system watcher lives here; the app it drives knows none of it.
//!
//! One channel carries key, resize, signal and file-change events. The loop blocks on it (no
//! tick: an idle dashboard uses no CPU and writes nothing), waking early only for a deadline the
//! app asked for (a debounced reload, the end of a highlight).

mod driver;
mod input;
mod watch;

pub use driver::{Driver, Message, Step};
pub use watch::{FileWatcher, POLL_INTERVAL, WatchMode, classify};

use std::io::{self, Write};
use std::sync::mpsc::Sender;
use std::thread;

use color_eyre::eyre::{Result, WrapErr};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{App, Event, Level};

/// How the program follows its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// `None` when watching is off (`--no-watch`).
    pub watch: Option<WatchMode>,
    /// Capture the mouse (wheel and clicks); off with `--no-mouse`, for the terminal's own
    /// text selection.
    pub mouse: bool,
}

/// Runs the app in the terminal until it quits, and returns the exit status: 0 for a quit, 128 +
/// the signal's number when a signal ended it (the shell convention). The terminal is restored
/// on every way out: quit, error, panic (ratatui's hook), and SIGTERM/SIGINT/SIGHUP/SIGQUIT.
pub fn run(app: App, options: Options) -> Result<u8> {
    let mut terminal = ratatui::try_init().wrap_err("cannot set up the terminal")?;
    restore_more_on_panic(options.mouse);
    let result = match if options.mouse { capture_mouse(true) } else { Ok(()) } {
        Ok(()) => event_loop(&mut terminal, app, options),
        Err(error) => Err(error.into()),
    };
    // Best effort: when the terminal has gone away these writes fail, and there is nothing left
    // to restore (nor anyone to tell).
    if options.mouse {
        let _ = capture_mouse(false);
    }
    let _ = give_back();
    result
}

/// The exit status when the terminal went away (as for a hang-up signal).
const TERMINAL_GONE: u8 = 128 + 1;

/// Whether an error means the terminal is gone (writes to a hung-up terminal fail with EIO).
fn terminal_gone(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof)
        || error.raw_os_error() == Some(libc::EIO)
}

/// Gives the terminal back as it was: cooked mode, the main screen, and a visible cursor
/// (ratatui's restore leaves the cursor to the terminal's drop, which a suspend never reaches).
fn give_back() -> io::Result<()> {
    ratatui::try_restore()?;
    execute!(io::stdout(), cursor::Show)
}

/// Turns mouse reporting on or off. ratatui's restore does not turn it off, so every way out
/// must (a terminal left reporting the mouse prints garbage on every click).
fn capture_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), event::EnableMouseCapture)
    } else {
        execute!(io::stdout(), event::DisableMouseCapture)
    }
}

/// Chains a panic hook that does what ratatui's hook (which runs next, then color-eyre's
/// report) does not: mouse reporting off, the cursor shown.
fn restore_more_on_panic(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if mouse {
            let _ = execute!(io::stdout(), event::DisableMouseCapture);
        }
        let _ = execute!(io::stdout(), cursor::Show);
        previous(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, app: App, options: Options) -> Result<u8> {
    let mut driver = Driver::new(app);
    input::spawn(driver.sender());
    spawn_signal_listener(driver.sender())?;
    let watcher = options.watch.and_then(|mode| start_watcher(&mut driver, mode));
    match terminal_loop(terminal, &mut driver, watcher, options) {
        Ok(code) => Ok(code),
        // Not an error to report: the terminal went away (and with it whoever would read it).
        Err(error) if terminal_gone(&error) => Ok(TERMINAL_GONE),
        Err(error) => Err(error.into()),
    }
}

/// Draws and waits until the program ends. Terminal I/O errors come back as they are, so a
/// terminal that went away is told apart cheaply from a real failure.
fn terminal_loop(
    terminal: &mut DefaultTerminal,
    driver: &mut Driver,
    mut watcher: Option<FileWatcher>,
    options: Options,
) -> io::Result<u8> {
    let size = terminal.size()?;
    driver.app.update(Event::Resize(size.width, size.height));
    draw(terminal, &driver.app)?;
    // The tests' way to prove that a panic leaves the terminal intact.
    if std::env::var_os("COOPDASH_TEST_PANIC").is_some() {
        panic!("a panic asked for by COOPDASH_TEST_PANIC");
    }
    loop {
        let step = driver.step(None);
        if let Some(watcher) = &mut watcher {
            // The dataset may now name another article.
            let _ = watcher.follow(&driver.app.watch_paths());
        }
        match step {
            Step::Idle => {}
            Step::Draw => draw(terminal, &driver.app)?,
            Step::Exit(code) => return Ok(code),
            Step::Suspend => {
                if options.mouse {
                    capture_mouse(false)?;
                }
                suspend(terminal)?;
                if options.mouse {
                    capture_mouse(true)?;
                }
                // Files may have been edited while we were stopped.
                driver.app.update(Event::Reload);
                let size = terminal.size()?;
                driver.app.update(Event::Resize(size.width, size.height));
                draw(terminal, &driver.app)?;
            }
        }
    }
}

/// Starts the file watcher; if the platform refuses, says so in the status line and carries on
/// (`r` still reloads).
fn start_watcher(driver: &mut Driver, mode: WatchMode) -> Option<FileWatcher> {
    let sender = driver.sender();
    let started = FileWatcher::start(mode, move |change, at| {
        let _ = sender.send(Message::File(change, at));
    });
    match started {
        Ok(mut watcher) => {
            driver.app.set_quiet_period(watcher.quiet_period());
            driver.app.watching = true;
            if let Err(error) = watcher.follow(&driver.app.watch_paths()) {
                driver.app.set_notice(format!("cannot watch the files ({error}); press r to reload"), Level::Warning);
            }
            Some(watcher)
        }
        Err(error) => {
            driver.app.set_notice(format!("cannot watch the files ({error}); press r to reload"), Level::Warning);
            None
        }
    }
}

fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
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
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    give_back()?;
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
