//! The config file: defaults for the command-line options people keep typing, and key
//! bindings. Found at `--config PATH`, else `$COOPDASH_CONFIG`, else
//! `$XDG_CONFIG_HOME/coopdash/config.toml` (`~/.config/coopdash/config.toml`, on macOS too: the
//! `etcetera` crate's XDG strategy). Options sit at the top level under the long flags' names
//! (`theme = "light"`, `mouse = false`); `[keys]` rebinds actions (`reload = ["r", "F5"]`).
//!
//! Read once by `main` before anything starts; a broken file is an error (exit 2), never a
//! silent default; flags given on the command line win over the file.

mod options;
mod read;
mod schema;

pub use options::{KEYS_TABLE, Kind, OPTIONS, Opt, THEMES};
pub use read::parse;
pub use schema::json_schema;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::action::Keymap;
use crate::cli::Cli;
use crate::dataset::Diagnostic;
use crate::theme::ThemeName;

/// The environment variable that names a config file.
pub const ENV: &str = "COOPDASH_CONFIG";

/// What a config file sets; `None` where it says nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    pub animation: Option<bool>,
    pub watch: Option<bool>,
    pub poll: Option<bool>,
    pub autoplay: Option<Duration>,
    pub looping: Option<bool>,
    pub slide_numbers: Option<bool>,
    pub duration: Option<Duration>,
    pub screen_reader: Option<bool>,
    /// The key table with the file's `[keys]` laid over the defaults.
    pub keys: Keymap,
}

/// Where the config file is looked for, and whether it must be there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: PathBuf,
    /// Named by `--config` or the environment: a missing file is an error. The default place
    /// may hold nothing.
    pub named: bool,
}

/// The config file to read: `--config`'s path, else the environment's (when not empty), else
/// the XDG place (`None` when no home folder is known).
pub fn locate(flag: Option<&Path>, env: Option<OsString>) -> Option<Place> {
    if let Some(path) = flag {
        return Some(Place { path: path.to_owned(), named: true });
    }
    if let Some(path) = env.filter(|p| !p.is_empty()) {
        return Some(Place { path: path.into(), named: true });
    }
    default_path().map(|path| Place { path, named: false })
}

/// `$XDG_CONFIG_HOME/coopdash/config.toml`, `~/.config/coopdash/config.toml` without the
/// variable.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("coopdash").join("config.toml"))
}

/// Reads the config at `place`: the defaults when the default place holds no file; every
/// problem as a diagnostic otherwise.
pub fn load(place: &Place) -> Result<Config, Vec<Diagnostic>> {
    if !place.named && !place.path.exists() {
        return Ok(Config::default());
    }
    let display = place.path.display().to_string();
    let text = crate::dataset::read::read_text(&place.path, &display).map_err(|d| vec![d])?;
    parse(&display, &text)
}

/// Lays `config` under the command line: whatever a flag says wins; the file fills in the rest.
pub fn apply(config: &Config, cli: &mut Cli) {
    cli.theme = cli.theme.or(config.theme);
    cli.no_mouse |= config.mouse == Some(false);
    cli.no_animation |= config.animation == Some(false);
    // --poll and --no-watch each win over the other's setting in the file.
    if !cli.poll {
        cli.no_watch |= config.watch == Some(false);
    }
    if !cli.no_watch {
        cli.poll |= config.poll == Some(true);
    }
    // A follower moves with its presenter: it does not autoplay on its own.
    if !cli.follow {
        cli.autoplay = cli.autoplay.or(config.autoplay);
    }
    cli.looping |= config.looping == Some(true);
    cli.slide_numbers |= config.slide_numbers == Some(true);
    cli.duration = cli.duration.or(config.duration);
    cli.screen_reader |= config.screen_reader == Some(true);
}

#[cfg(test)]
mod tests;
