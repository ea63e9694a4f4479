//! The `coopdash` binary: parse the command line, pick a mode, map the outcome to an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use color_eyre::eyre::Result;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use coopdash::app::{App, Event, Level};
use coopdash::cli::Cli;
use coopdash::load::{DEFAULT_DATASET, LoadRequest, load};
use coopdash::runtime::{Options, WatchMode};
use coopdash::theme::Theme;
use coopdash::{check, export, runtime};

/// Exit status when coopdash cannot run the way it was asked (no terminal).
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    // First, so that a panic report prints after the terminal has been restored.
    if let Err(error) = color_eyre::install() {
        eprintln!("coopdash: {error}");
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("coopdash: {error:?}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    if cli.schema {
        print!("{}", coopdash::dataset::json_schema());
        return Ok(0);
    }
    let (request, fell_back) = LoadRequest::resolve(cli.file, cli.article);
    if cli.check {
        let mut stdout = std::io::stdout().lock();
        let code = check::check(&request, &mut stdout)?;
        stdout.flush()?;
        return Ok(code);
    }
    if let Some(size) = cli.snapshot {
        let area = Rect::new(0, 0, size.columns, size.rows);
        let app = new_app(request, fell_back, area);
        let mut buffer = Buffer::empty(area);
        (&app).render(area, &mut buffer);
        print!("{}", export::to_plain_text(&buffer));
        return Ok(0);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("coopdash: not a terminal; use --snapshot 100x30 to print the screen as text, or --check");
        return Ok(USAGE_ERROR);
    }
    let watch = match (cli.no_watch, cli.poll) {
        (true, _) => None,
        (false, true) => Some(WatchMode::Poll),
        (false, false) => Some(WatchMode::Native),
    };
    runtime::run(new_app(request, fell_back, Rect::default()), Options { watch, mouse: !cli.no_mouse })
}

fn new_app(request: LoadRequest, fell_back: bool, area: Rect) -> App {
    let first = load(&request);
    let mut app = App::new(request, first, Theme::from_env(), area);
    app.update(Event::Resize(area.width, area.height));
    if fell_back && app.notice.is_none() {
        app.set_notice(format!("no {DEFAULT_DATASET} here: showing the built-in dataset"), Level::Info);
    }
    app
}
