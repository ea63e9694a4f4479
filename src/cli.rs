//! The command line, declared with clap. Parsing only: `main` decides what to do with it.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::theme::ThemeName;

use clap::Parser;

/// A terminal dashboard of regional cooperation metrics: bar charts, gauges and the article the
/// numbers come from, driven by the keyboard.
#[derive(Debug, Parser)]
#[command(name = "coopdash", version, about, long_about = None, after_help = crate::manual::AFTER_HELP)]
pub struct Cli {
    /// The dataset to show [default: metrics.toml, or the built-in dataset if there is none]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Show this article instead of the one the dataset names (.md, or .txt for plain text)
    #[arg(long, value_name = "PATH")]
    pub article: Option<PathBuf>,

    /// Check the dataset and article, print every problem as file:line:col, and exit
    /// (status 1 if there are errors; warnings alone exit 0)
    #[arg(long, conflicts_with = "snapshot")]
    pub check: bool,

    /// Print the first screen at this size as plain text, without a terminal (e.g. 100x30)
    #[arg(long, value_name = "COLSxROWS")]
    pub snapshot: Option<Size>,

    /// Do not watch the files for changes (r still reloads)
    #[arg(long, conflicts_with = "poll")]
    pub no_watch: bool,

    /// Watch the files by checking them every 300 ms (times and contents), for file systems
    /// without change notifications (NFS, some containers)
    #[arg(long)]
    pub poll: bool,

    /// Leave the mouse to the terminal (its own text selection) instead of scrolling and
    /// clicking in coopdash
    #[arg(long)]
    pub no_mouse: bool,

    /// Colours: auto (the default: light or dark as the terminal's background is; dark for
    /// --snapshot and --export), dark, light, or contrast (black and white, bright accents)
    #[arg(long, value_name = "NAME")]
    pub theme: Option<ThemeName>,

    /// Start in presentation mode (full-screen slides)
    #[arg(long)]
    pub present: bool,

    /// Show the presenter view: the slide as the audience sees it, the next one, the notes, the
    /// clock and the time (s switches it in presentation mode); implies --present. With
    /// --snapshot or --export, draws the presenter view
    #[arg(long)]
    pub presenter: bool,

    /// How long the talk may take (20m, 1h 30m, 90s): the presenter view shows the time left,
    /// warns in the last minute and says when time is up
    #[arg(long, value_name = "TIME", value_parser = parse_duration)]
    pub duration: Option<Duration>,

    /// Show a small slide number on the audience's slides
    #[arg(long)]
    pub slide_numbers: bool,

    /// Start the presentation at the slide where the last one of this dataset ended (kept in
    /// $XDG_STATE_HOME/coopdash); implies --present
    #[arg(long, conflicts_with = "slide")]
    pub resume: bool,

    /// Be the second screen of a presentation of FILE given in another terminal (a projector):
    /// show its slides and follow them; the clicker's keys here move both screens
    #[arg(long, conflicts_with_all = ["check", "snapshot", "export", "export_all", "present", "slide", "autoplay"])]
    pub follow: bool,

    /// The slide to show (from 1) with --snapshot or --export; implies --present
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub slide: Option<u16>,

    /// In presentation mode, go to the next slide every SECONDS (any key pauses, a resumes)
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub autoplay: Option<Duration>,

    /// With --autoplay, start again after the last slide (a kiosk)
    #[arg(long = "loop", requires = "autoplay")]
    pub looping: bool,

    /// Show values at once instead of growing them into place
    #[arg(long)]
    pub no_animation: bool,

    /// Write the screen to FILE, without a terminal: .txt, .ansi (replays with cat), .html or
    /// .svg (the dashboard, or a slide with --present/--slide); with --present, .html is the
    /// whole deck; .pdf is always the deck (or the slide --slide names)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["check", "snapshot", "export_all"])]
    pub export: Option<PathBuf>,

    /// In an exported deck (.pdf, or .html with --present), put each slide's notes under it
    #[arg(long, requires = "export", conflicts_with_all = ["check", "snapshot", "export_all"])]
    pub notes: bool,

    /// A font file (.ttf, .otf, .ttc) or a folder of them that a PDF export may embed, looked
    /// in before the system's fonts; may be given more than once
    #[arg(long, value_name = "PATH")]
    pub font: Vec<PathBuf>,

    /// Write every slide to DIR as slide-01.svg, slide-02.svg, ...
    #[arg(long, value_name = "DIR", conflicts_with_all = ["check", "snapshot"])]
    pub export_all: Option<PathBuf>,

    /// The screen size for --export and --export-all
    #[arg(long, value_name = "COLSxROWS", default_value = "120x36")]
    pub size: Size,

    /// Print the JSON Schema of the dataset format and exit (for editors that complete TOML)
    #[arg(long, conflicts_with_all = ["check", "snapshot"])]
    pub schema: bool,

    // Issue 15, the user's machine: config file, ... (kept together for merges).
    /// Read the defaults and key bindings from this config file instead of
    /// $COOPDASH_CONFIG or ~/.config/coopdash/config.toml ($XDG_CONFIG_HOME)
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the JSON Schema of the config file and exit (for editors that complete TOML)
    #[arg(long, conflicts_with_all = ["check", "snapshot", "schema"])]
    pub config_schema: bool,

    /// Print the completion script for SHELL (bash, zsh, fish, elvish, powershell) and exit
    #[arg(long, value_name = "SHELL")]
    pub completions: Option<clap_complete::Shell>,

    /// Print the manual page (roff; read it with `man -l -`) and exit
    #[arg(long)]
    pub man: bool,

    /// Show the terminal's cursor on the focused item (the selected bar's or gauge's label, the
    /// article's top line, the slide's title, the help, the search prompt), so that screen
    /// readers and braille displays follow the focus
    #[arg(long)]
    pub screen_reader: bool,

    /// Read the dashboard as plain sentences, line by line, for screen readers and terminals
    /// that cannot draw a full screen: no redrawing, no colours, no escape sequences; then read
    /// commands from standard input (next, previous, details, search WORD, article, slide N,
    /// charts, help, quit); reloads say what changed
    #[arg(long, conflicts_with_all = ["check", "snapshot", "export", "export_all", "follow", "schema"])]
    pub linear: bool,
}

/// Seconds as a positive number (`3`, `0.5`), at most a day.
pub(crate) fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds <= 86_400.0 => Ok(Duration::from_secs_f64(seconds)),
        _ => Err(format!("expected a number of seconds such as 3 or 0.5, got `{text}`")),
    }
}

/// A talk's length in humantime's spelling (`20m`, `1h 30m`, `90s`), a bare number being
/// minutes; more than zero, at most a day.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let parsed = match trimmed.parse::<u64>() {
        Ok(minutes) => Ok(Duration::from_secs(minutes.saturating_mul(60))),
        Err(_) => humantime::parse_duration(trimmed).map_err(|e| e.to_string()),
    };
    match parsed {
        Ok(duration) if !duration.is_zero() && duration <= Duration::from_secs(86_400) => Ok(duration),
        Ok(_) => Err(format!("`{text}`: a talk lasts more than nothing and at most a day (24h)")),
        Err(error) => Err(format!("expected a time such as 20m, 1h 30m or 90s, got `{text}` ({error})")),
    }
}

/// A screen size given as `COLSxROWS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub columns: u16,
    pub rows: u16,
}

/// The largest snapshot we agree to draw: well beyond any real terminal.
const MAX_SIDE: u16 = 2000;

impl FromStr for Size {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let usage = || format!("expected COLSxROWS such as 100x30, got `{text}`");
        let (columns, rows) = text.split_once(['x', 'X', '×']).ok_or_else(usage)?;
        let parse = |s: &str| s.trim().parse::<u16>().ok().filter(|n| (1..=MAX_SIDE).contains(n));
        match (parse(columns), parse(rows)) {
            (Some(columns), Some(rows)) => Ok(Size { columns, rows }),
            _ => Err(format!("{}; each side must be 1 to {MAX_SIDE}", usage())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn sizes_parse_in_every_spelling() {
        assert_eq!("100x30".parse(), Ok(Size { columns: 100, rows: 30 }));
        assert_eq!("80×24".parse(), Ok(Size { columns: 80, rows: 24 }));
        assert_eq!("120X40".parse(), Ok(Size { columns: 120, rows: 40 }));
    }

    #[test]
    fn bad_sizes_say_what_is_expected() {
        for bad in ["", "100", "0x10", "x", "100x", "99999x10", "-1x5"] {
            assert!(bad.parse::<Size>().unwrap_err().contains("COLSxROWS"), "{bad}");
        }
    }

    #[test]
    fn autoplay_takes_positive_seconds() {
        assert_eq!(parse_seconds("3"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        for bad in ["0", "-1", "soon", "inf", "NaN", "1e9"] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_take_minutes_hours_and_seconds() {
        assert_eq!(parse_duration("20m"), Ok(Duration::from_secs(1200)));
        assert_eq!(parse_duration("20"), Ok(Duration::from_secs(1200)), "a bare number is minutes");
        assert_eq!(parse_duration("1h 30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        for bad in ["", "0", "0m", "soon", "-5m", "2days", "25h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
