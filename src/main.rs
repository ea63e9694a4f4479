//! The `coopdash` binary: parse the command line, pick a mode (schema, check, snapshot, export,
//! interactive), map the outcome to an exit code.
//!
//! Messages go through [`say`], never `eprintln!`, which panics when standard error is a
//! terminal that has gone away.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use color_eyre::eyre::Result;
use ratatui::layout::Rect;

use coopdash::action::Keymap;
use coopdash::app::{App, Event, Level, Notice, PresentOptions};
use coopdash::cli::Cli;
use coopdash::dataset::report::Paint;
use coopdash::handout::Handout;
use coopdash::load::{DEFAULT_DATASET, LoadAsk, LoadRequest};
use coopdash::runtime::{Options, Role, WatchMode, resume};
use coopdash::theme::{Theme, ThemeName};
use coopdash::{check, config, export, offscreen, runtime};

/// Exit status when coopdash cannot run the way it was asked (no terminal, a bad argument).
const USAGE_ERROR: u8 = 2;

/// Exit status when the dataset did not load (as `--check` with errors).
const NOT_LOADED: u8 = 1;

/// Exit status when the reader of standard output went away (`--snapshot 100x30 | head -3`): what
/// a program killed by SIGPIPE would report, without a message.
const READER_GONE: u8 = 128 + 13;

fn main() -> ExitCode {
    // First, so that a panic report prints after the terminal has been restored.
    if let Err(error) = color_eyre::install() {
        say(&format!("coopdash: {error}"));
    }
    // `coopdash serve …` has its own command line (a dataset named `serve` is `./serve`).
    let mut args = std::env::args_os().skip(1).peekable();
    if args.peek().is_some_and(|first| first == "serve") {
        return exit_with(serve(args.skip(1)));
    }
    let mut cli = Cli::parse();
    // What the shell, man and editors read: printed before any file is.
    let printed = match (cli.config_schema, cli.completions, cli.man) {
        (true, _, _) => Some(config::json_schema()),
        (_, Some(shell), _) => Some(coopdash::manual::completions(shell)),
        (_, _, true) => Some(coopdash::manual::man_page()),
        _ => None,
    };
    if let Some(text) = printed {
        return ExitCode::from(if print_out(&text).unwrap_or(false) { 0 } else { READER_GONE });
    }
    // The dataset's schema does not depend on the config: a broken one does not stop it.
    let keys = if cli.schema { Ok(Keymap::default()) } else { read_config(&mut cli) };
    let keys = match keys {
        Ok(keys) => keys,
        Err(code) => return ExitCode::from(code),
    };
    exit_with(run(cli, &keys))
}

fn exit_with(outcome: Result<u8>) -> ExitCode {
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            say(&format!("coopdash: {error:?}"));
            ExitCode::FAILURE
        }
    }
}

/// Reads the config file (if any) and lays it under the command line; the key table it builds.
/// A broken file is reported as `--check` reports a dataset, and stops the program (status 2).
fn read_config(cli: &mut Cli) -> Result<Keymap, u8> {
    let Some(place) = config::locate(cli.config.as_deref(), std::env::var_os(config::ENV)) else {
        return Ok(Keymap::default());
    };
    match config::load(&place) {
        Ok(found) => {
            config::apply(&found, cli);
            Ok(found.keys)
        }
        Err(problems) => {
            let paint = Paint::for_stream(io::stderr().is_terminal(), Theme::no_color_requested());
            let text = coopdash::dataset::report::render_all(&problems, paint, 100);
            let _ = write!(io::stderr(), "{text}");
            say(&format!("coopdash: the config file {} has errors (see above)", place.path.display()));
            Err(USAGE_ERROR)
        }
    }
}

#[cfg(feature = "serve")]
fn serve(args: impl Iterator<Item = std::ffi::OsString>) -> Result<u8> {
    coopdash::serve::main(args)
}

/// Without the `serve` feature: say how to get it.
#[cfg(not(feature = "serve"))]
fn serve(_args: impl Iterator<Item = std::ffi::OsString>) -> Result<u8> {
    say(
        "coopdash: this coopdash was built without `serve`; build it with `cargo build --features serve` (or `cargo install coopdash --features serve`)",
    );
    Ok(USAGE_ERROR)
}

/// Prints a line on standard error; if that fails (a terminal that went away), nobody is there
/// to read it, and it is dropped.
fn say(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Prints `text` on standard output; `Ok(false)` when its reader went away.
fn print_out(text: &str) -> io::Result<bool> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(error) => Err(error),
    }
}

fn run(mut cli: Cli, keys: &Keymap) -> Result<u8> {
    if cli.schema {
        return Ok(if print_out(&coopdash::dataset::json_schema())? { 0 } else { READER_GONE });
    }
    let (request, fell_back) = LoadRequest::resolve(cli.file.clone(), cli.article.clone());
    if cli.check {
        let paint = Paint::for_stream(std::io::stdout().is_terminal(), Theme::no_color_requested());
        let mut stdout = std::io::stdout().lock();
        let code = check::check(&request, &mut stdout, paint)?;
        stdout.flush()?;
        return Ok(code);
    }
    if cli.linear {
        // Plain lines on any output, a pipe or a terminal that cannot draw.
        return Ok(coopdash::linear::run(request, watch_mode(&cli), io::BufReader::new(io::stdin()), io::stdout()));
    }
    let offscreen = cli.snapshot.is_some() || cli.export.is_some() || cli.export_all.is_some();
    if offscreen {
        return draw_offscreen(&cli, keys, request, fell_back);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        say("coopdash: not a terminal; use --snapshot 100x30 to print the screen as text, or --check");
        return Ok(USAGE_ERROR);
    }
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        // A dumb terminal cannot move the cursor: a full-screen program would print garbage.
        say("coopdash: TERM=dumb cannot show a full-screen dashboard; use --snapshot 100x30, or set TERM");
        return Ok(USAGE_ERROR);
    }
    // The first app is made on the other core meanwhile: the theme query waits for the
    // terminal's answer, and the terminal is set up before the app is needed.
    let first = std::thread::spawn(first_app(&request, keys));
    // Before the input thread exists, so the terminal's reply is never read as keys; NO_COLOR
    // wins over every theme, so nothing is asked then.
    if !Theme::no_color_requested() {
        cli.theme = Some(coopdash::theme::detect::settle(cli.theme.unwrap_or(ThemeName::Auto)));
    }
    let watch = watch_mode(&cli);
    let remember = resume::state_file().map(|file| (file, resume::dataset_key(&request.dataset)));
    let role = if cli.follow {
        match runtime::follow::socket_path(&request.dataset) {
            Ok(socket) => Role::Follower { socket, name: request.dataset.display_name() },
            Err(error) => {
                say(&format!("coopdash: --follow: {error}"));
                return Ok(USAGE_ERROR);
            }
        }
    } else {
        Role::Presenter(request.dataset.clone())
    };
    let app = || {
        // The load's panic has been reported by the hooks on its thread; a panic here (not a
        // bare unwind, which would skip them) runs them again, which restores the terminal.
        let (mut app, started, area) = first.join().unwrap_or_else(|_| panic!("the first load panicked"));
        let _ = app.update(Event::Theme(Box::new(theme_of(&cli))));
        configure(app, started, area, &cli, fell_back, !cli.no_animation)
    };
    runtime::run(app, Options { watch, mouse: !cli.no_mouse, remember, screen_reader: cli.screen_reader }, role)
}

/// How the files are followed: `--no-watch`, `--poll`, or the platform's notifications.
fn watch_mode(cli: &Cli) -> Option<WatchMode> {
    match (cli.no_watch, cli.poll) {
        (true, _) => None,
        (false, true) => Some(WatchMode::Poll),
        (false, false) => Some(WatchMode::Native),
    }
}

/// `--snapshot`, `--export`, `--export-all`: draw without a terminal, animations settled. A
/// dataset that does not load is an error (its diagnostics on standard error, status 1, as
/// `--check`), not a picture of the error screen.
fn draw_offscreen(cli: &Cli, keys: &Keymap, request: LoadRequest, fell_back: bool) -> Result<u8> {
    let size = cli.snapshot.unwrap_or(cli.size);
    let area = offscreen::area(size.columns, size.rows);
    let first = LoadAsk::first(&request);
    let started = first.at;
    let app = App::with_keys(request, first, theme_of(cli), keys.clone(), area);
    let mut app = configure(app, started, area, cli, fell_back, false);
    if let Some(report) = offscreen::not_loaded(&app) {
        say(&report);
        return Ok(NOT_LOADED);
    }
    if let Some(slide) = cli.slide {
        let index = usize::from(slide) - 1;
        if index >= app.content().deck().len() {
            say(&format!("coopdash: --slide {slide}: the deck has {} slides", app.content().deck().len()));
            return Ok(USAGE_ERROR);
        }
    }
    let outcome = if cli.snapshot.is_some() {
        if !print_out(&export::to_plain_text(&offscreen::render(&app)))? {
            return Ok(READER_GONE);
        }
        Ok(())
    } else if let Some(dir) = &cli.export_all {
        offscreen::export_slides(&mut app, dir)
            .map(|files| say(&format!("wrote {} slides to {}", files.len(), dir.display())))
    } else if let Some(path) = cli.export.as_ref().filter(|p| offscreen::is_deck(p, cli.present, cli.slide)) {
        let only = cli.slide.map(|slide| usize::from(slide) - 1);
        Handout::of(&mut app, only, cli.notes).write(path, offscreen::defaults(&app), &cli.font)
    } else if let Some(path) = &cli.export {
        offscreen::export_to(&app, path)
    } else {
        Ok(())
    };
    match outcome {
        Ok(()) => Ok(0),
        Err(message) => {
            say(&format!("coopdash: {message}"));
            Ok(USAGE_ERROR)
        }
    }
}

/// The first app as made: the app, the instant its load was read, the size it was made at.
type Made = (App, Instant, Rect);

/// Makes the first app of `request`: its load, and the article wrapped for the terminal's size
/// now (raw mode changes no size; a resize after is the runtime's to see). The theme is settled
/// meanwhile and given after.
fn first_app(request: &LoadRequest, keys: &Keymap) -> impl FnOnce() -> Made + Send + 'static {
    let (request, keys) = (request.clone(), keys.clone());
    move || {
        let area = ratatui::crossterm::terminal::size().map_or(Rect::default(), |(w, h)| Rect::new(0, 0, w, h));
        let first = LoadAsk::first(&request);
        let started = first.at;
        (App::with_keys(request, first, Theme::dark(), keys, area), started, area)
    }
}

/// The theme the command line asks for (settled before, when it said `auto`).
fn theme_of(cli: &Cli) -> Theme {
    Theme::named(cli.theme.unwrap_or_default(), Theme::no_color_requested())
}

/// `app`, made on the first load (read at `started`) at `area`, with the command line's
/// options applied: the presentation and its slide, and the notices of the start.
fn configure(mut app: App, started: Instant, area: Rect, cli: &Cli, fell_back: bool, animation: bool) -> App {
    let _ = app.update(Event::Resize(area.width, area.height));
    if fell_back && app.view().notice().is_none() {
        let text = format!("no {DEFAULT_DATASET} here: showing the built-in dataset");
        let _ = app.update(Event::Notice(Notice { text, level: Level::Info }));
    }
    let options = PresentOptions {
        autoplay: cli.autoplay,
        looping: cli.looping,
        animation,
        presenter: cli.presenter,
        duration: cli.duration,
        slide_numbers: cli.slide_numbers,
    };
    let pdf = cli.export.as_ref().is_some_and(|path| offscreen::is_deck(path, false, None));
    let start = cli.present
        || cli.follow
        || cli.presenter
        || cli.resume
        || cli.slide.is_some()
        || cli.export_all.is_some()
        || pdf;
    let slide = match cli.slide {
        Some(slide) => usize::from(slide).saturating_sub(1),
        None if cli.resume => resumed_slide(&app),
        None => 0,
    };
    let _ = app.update(Event::Present { options, start, slide, at: started });
    // The presenter view shows the time of day; the app reads no clock.
    let _ = app.update(runtime::wall_clock::now());
    app
}

/// `--resume`: the slide where the last presentation of this dataset ended (the first if none
/// is remembered).
fn resumed_slide(app: &App) -> usize {
    let Some(file) = resume::state_file() else { return 0 };
    let key = resume::dataset_key(&app.content().load_ask(false, false).request.dataset);
    resume::load(&file, &key).map_or(0, |place| resume::slide_in(&place, app.content().deck()))
}
