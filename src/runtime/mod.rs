//! The terminal and the event loop. Everything that touches the real terminal, threads, signals
//! and the file system watcher lives here; the app it drives knows none of it.
//!
//! One channel carries key, resize, signal and file-change events. The loop blocks on it (no
//! tick: an idle dashboard uses no CPU and writes nothing), waking early only for a deadline the
//! app asked for (a debounced reload, the end of a highlight).

mod driver;
pub mod follow;
mod gone;
pub mod in_place;
mod input;
mod listen;
pub mod loader;
pub mod resume;
pub mod wall_clock;
mod watch;

pub use driver::{Driver, Message, Urgent};
pub use watch::{FileWatcher, POLL_INTERVAL, WatchMode, classify};

use std::io::{self, Write};

use color_eyre::eyre::{Result, WrapErr};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use crate::app::{App, End, Event, Level, Notice};

/// How the program follows its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `None` when watching is off (`--no-watch`).
    pub watch: Option<WatchMode>,
    /// Capture the mouse (wheel and clicks); off with `--no-mouse`, for the terminal's own
    /// text selection.
    pub mouse: bool,
    /// Where to remember the slide a presentation ends on (`--resume` starts there next time):
    /// the state file, and the dataset's key in it. `None` keeps nothing.
    pub remember: Option<(std::path::PathBuf, String)>,
    /// Show the cursor on the focused item (`--screen-reader`, see [`crate::ui::cursor_position`]);
    /// otherwise it stays hidden.
    pub screen_reader: bool,
}

/// This program's part in a presentation given on two screens.
#[derive(Debug)]
pub enum Role {
    /// Serves the place of its presentation of this dataset once the slides start.
    Presenter(crate::load::DatasetSource),
    /// Follows the presentation served at this socket (of the dataset named so).
    Follower { socket: std::path::PathBuf, name: String },
}

/// Runs the app in the terminal until it quits, and returns the exit status: 0 for a quit, 128 +
/// the signal's number when a signal ended it (the shell convention). The terminal is restored
/// on every way out: quit, error, panic (ratatui's hook), and SIGTERM/SIGINT/SIGHUP/SIGQUIT.
/// When the terminal itself went away, nothing is written to it any more (see [`gone`]) and the
/// status is 129, as for SIGHUP.
///
/// `app` makes the app once the terminal is set up (it may wait for a load begun earlier).
pub fn run(app: impl FnOnce() -> App, options: Options, role: Role) -> Result<u8> {
    let mut terminal = ratatui::try_init().wrap_err("cannot set up the terminal")?;
    restore_more_on_panic(options.mouse);
    let result = match set_input_modes(true, options.mouse) {
        Ok(()) => event_loop(&mut terminal, app(), &options, role),
        Err(error) if terminal_gone(&error) => {
            gone::let_go();
            Ok(TERMINAL_GONE)
        }
        Err(error) => Err(error.into()),
    };
    // (A status of 129 alone says nothing: a `kill -HUP` leaves the terminal there to restore.)
    if gone::is_gone() || gone::hung_up() {
        gone::let_go();
    } else if let Err(error) = set_input_modes(false, options.mouse).and_then(|()| give_back(&mut terminal)) {
        // Best effort: the terminal may have gone in the meantime; then nothing is left to
        // restore, nor anyone to tell.
        if terminal_gone(&error) {
            gone::let_go();
        }
    }
    result
}

/// The exit status when the terminal went away (as for a hang-up signal).
const TERMINAL_GONE: u8 = 128 + 1;

/// Whether an error means the terminal is gone: writes to a hung-up terminal fail with EIO, and
/// opening `/dev/tty` once the controlling terminal is gone (crossterm does, to enter raw mode
/// when standard input is no terminal any more) fails with ENXIO.
fn terminal_gone(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof)
        || matches!(error.raw_os_error(), Some(libc::EIO | libc::ENXIO))
}

/// Gives the terminal back as it was: cooked mode, the main screen, and a visible cursor.
/// The cursor is shown through the terminal, which then knows it is shown: ratatui's drop
/// would otherwise show it again, and `eprintln!` its failure, a panic on a dead terminal.
fn give_back(terminal: &mut DefaultTerminal) -> io::Result<()> {
    ratatui::try_restore()?;
    terminal.show_cursor()
}

/// Turns bracketed paste (a paste arrives as one event, not as keys) and, with `mouse`, mouse
/// reporting on or off. ratatui's restore turns neither off, so every way out must (a terminal
/// left reporting the mouse prints garbage on every click).
fn set_input_modes(on: bool, mouse: bool) -> io::Result<()> {
    match (on, mouse) {
        (true, true) => execute!(io::stdout(), event::EnableBracketedPaste, event::EnableMouseCapture),
        (true, false) => execute!(io::stdout(), event::EnableBracketedPaste),
        (false, true) => execute!(io::stdout(), event::DisableMouseCapture, event::DisableBracketedPaste),
        (false, false) => execute!(io::stdout(), event::DisableBracketedPaste),
    }
}

/// Chains a panic hook that does what ratatui's hook (which runs next, then color-eyre's
/// report) does not: mouse reporting and bracketed paste off, the cursor shown. If the terminal
/// is gone, it is let go first: the hooks after this one print, and a print that fails inside
/// a panic hook aborts the process.
fn restore_more_on_panic(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if gone::is_gone() || gone::hung_up() {
            gone::let_go();
        } else {
            let _ = set_input_modes(false, mouse);
            let _ = execute!(io::stdout(), cursor::Show);
        }
        previous(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, app: App, options: &Options, role: Role) -> Result<u8> {
    let mut driver = Driver::new(app);
    let listeners = listen::Listeners::install()?;
    let watcher = options.watch.and_then(|mode| start_watcher(&mut driver, mode));
    let publisher = match role {
        Role::Presenter(socket) => Some(follow::serve::Publisher::new(socket, driver.sender())),
        Role::Follower { socket, name } => {
            match follow::join::Link::start(socket, name, driver.sender()) {
                Ok(link) => driver.follow_through(link),
                Err(error) => {
                    let text = format!("cannot wait for the presenter ({error})");
                    let _ = driver.update(Event::Notice(Notice { text, level: Level::Error }));
                }
            }
            None
        }
    };
    let outcome = terminal_loop(terminal, &mut driver, listeners, watcher, publisher, options);
    remember_place(driver.app(), options);
    // The tests' way to prove that a panic after a hang-up does not abort.
    if std::env::var_os("COOPDASH_TEST_PANIC").is_some_and(|v| v == "after-hang-up") {
        panic!("a panic after the hang-up, asked for by COOPDASH_TEST_PANIC");
    }
    match outcome {
        Ok(code) => Ok(code),
        // Not an error to report: the terminal went away (and with it whoever would read it).
        Err(error) if terminal_gone(&error) => {
            gone::let_go();
            Ok(TERMINAL_GONE)
        }
        Err(error) => Err(error.into()),
    }
}

/// Draws and waits until the program ends. Terminal I/O errors come back as they are, so a
/// terminal that went away is told apart cheaply from a real failure.
fn terminal_loop(
    terminal: &mut DefaultTerminal,
    driver: &mut Driver,
    listeners: listen::Listeners,
    mut watcher: Option<FileWatcher>,
    mut publisher: Option<follow::serve::Publisher>,
    options: &Options,
) -> io::Result<u8> {
    let size = terminal.size()?;
    let _ = driver.update(Event::Resize(size.width, size.height));
    publish(&mut publisher, driver);
    // What the screen shows and the panes drawn last, so a frame sends only what changed.
    let mut painter = crate::ui::Painter::new();
    draw(terminal, &mut painter, driver.app(), options.screen_reader)?;
    listen::hold_for_test();
    listeners.start(&driver.sender(), &driver.urgent(), (size.width, size.height));
    if let Some(watcher) = &mut watcher
        && follow_first(driver, watcher)
    {
        draw(terminal, &mut painter, driver.app(), options.screen_reader)?;
    }
    // The tests' way to prove that a panic leaves the terminal intact.
    if std::env::var_os("COOPDASH_TEST_PANIC").is_some_and(|v| v != "after-hang-up") {
        panic!("a panic asked for by COOPDASH_TEST_PANIC");
    }
    loop {
        let mut effects = driver.step(None);
        // Within the frame: followers hear of a new slide as this screen draws it.
        effects.redraw |= publish(&mut publisher, driver);
        if let Some(watcher) = &mut watcher {
            // The dataset may now name another article.
            let _ = watcher.follow(&driver.app().content().watch_paths());
        }
        match effects.end {
            Some(End::Quit) => return Ok(0),
            Some(End::Exit(code)) => return Ok(code),
            Some(End::Suspend) => {
                set_input_modes(false, options.mouse)?;
                stop(terminal)?;
                // A hang-up (or a signal) while stopped: leave, without taking the terminal
                // again. The kernel's SIGCONT may wake us before the signal thread has seen
                // the SIGHUP that came with it, so the terminal itself is asked too.
                if gone::hung_up() {
                    gone::let_go();
                    return Ok(TERMINAL_GONE);
                }
                if let Some(code) = driver.urgent().code() {
                    return Ok(code);
                }
                resume(terminal)?;
                painter.forget();
                set_input_modes(true, options.mouse)?;
                // Files may have been edited while we were stopped.
                let _ = driver.update(Event::Reload);
                let size = terminal.size()?;
                let _ = driver.update(Event::Resize(size.width, size.height));
                draw(terminal, &mut painter, driver.app(), options.screen_reader)?;
            }
            None if effects.redraw => draw(terminal, &mut painter, driver.app(), options.screen_reader)?,
            None => {}
        }
    }
}

/// Writes down the slide the presentation ended on, if one was given: best effort, as the
/// program ends (nobody to tell of a failure, and the talk is over).
fn remember_place(app: &App, options: &Options) {
    let Some((file, dataset)) = &options.remember else { return };
    let presentation = app.view().presentation();
    let Some(slide) = app.content().deck().get(presentation.slide).filter(|_| presentation.begun()) else { return };
    let place = resume::Place { dataset: dataset.clone(), slide: presentation.slide, title: slide.title.clone() };
    let _ = resume::save(file, place);
}

/// Tells the followers where the presentation stands, if that changed; says whether the
/// screen has a new message (the socket could not be had).
fn publish(publisher: &mut Option<follow::serve::Publisher>, driver: &mut Driver) -> bool {
    let Some(publisher) = publisher else { return false };
    match publisher.after_step(driver.app()) {
        Some(notice) => driver.update(notice).redraw,
        None => false,
    }
}

/// Starts the file watcher; if the platform refuses, says so in the status line and carries on
/// (`r` still reloads). Its watches are set by [`follow_first`] once the first frame is out
/// (each is a round trip with notify's thread); the files are stamped now, so a save in between
/// is still seen.
fn start_watcher(driver: &mut Driver, mode: WatchMode) -> Option<FileWatcher> {
    let sender = driver.sender();
    let started = FileWatcher::start(mode, move |change, at| {
        let _ = sender.send(Message::File(change, at));
    });
    match started {
        Ok(mut watcher) => {
            let _ = driver.update(Event::Watching { quiet: watcher.quiet_period() });
            watcher.expect(&driver.app().content().watch_paths());
            Some(watcher)
        }
        Err(error) => {
            let _ = driver.update(cannot_watch(&error));
            None
        }
    }
}

/// Sets the watcher's first watches; a file that cannot be watched is said in the status line.
/// Says whether the screen must be drawn again.
fn follow_first(driver: &mut Driver, watcher: &mut FileWatcher) -> bool {
    match watcher.follow(&driver.app().content().watch_paths()) {
        Ok(()) => false,
        Err(error) => driver.update(cannot_watch(&error)).redraw,
    }
}

fn cannot_watch(error: &dyn std::fmt::Display) -> Event {
    let text = format!("cannot watch the files ({error}); press r to reload");
    Event::Notice(Notice { text, level: Level::Warning })
}

/// Draws one frame as a synchronized update (mode 2026): a terminal that knows the mode shows
/// the frame when it is whole, never half drawn; one that does not ignores it. The bracket's end
/// is also where a frame visibly ends, which the pseudo-terminal tests wait for. A frame that
/// changes nothing writes nothing, not even the bracket.
///
/// With `screen_reader`, the cursor is shown on the focused item (ratatui shows it where the
/// frame puts it, and hides it in a frame that puts it nowhere); otherwise it stays hidden.
fn draw(
    terminal: &mut DefaultTerminal,
    painter: &mut crate::ui::Painter,
    app: &App,
    screen_reader: bool,
) -> io::Result<()> {
    // One write: the frame in a synchronized update, the cursor put back (see `ui::Painter`).
    painter.draw(terminal, app.viewer(), |viewer, area| {
        screen_reader.then(|| crate::ui::cursor_position(viewer, area)).flatten()
    })
}

/// Ctrl-Z: give the terminal back and stop; returns once continued (on `fg`, or at once
/// without job control).
fn stop(terminal: &mut DefaultTerminal) -> io::Result<()> {
    give_back(terminal)?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    Ok(())
}

/// After [`stop`]: take the terminal again and repaint in full.
///
/// The full repaint uses `terminal.resize`, not `clear`: `clear` queries the cursor position,
/// which would race the input thread blocked in `read`.
fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    terminal.hide_cursor()?;
    io::stdout().flush()?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    terminal.resize(Rect::new(0, 0, width, height))?;
    Ok(())
}
