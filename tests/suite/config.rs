//! The config file, as a user meets it: found by flag, environment or XDG place, a broken one
//! stopping the program with its errors placed, flags winning over it, `[keys]` changing what
//! the keys do and what the help says.

use crate::common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{fixture, spawn_coopdash};

/// Runs coopdash with no config but the one `env` names.
fn coopdash(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coopdash"));
    command.args(args).env_remove("NO_COLOR").env_remove("COOPDASH_CONFIG").stdin(Stdio::null());
    command.env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"));
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("coopdash runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn single() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("single")).display().to_string()
}

#[test]
fn a_broken_config_stops_with_its_errors_placed_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"lihgt\"\nslide-number = true\n").unwrap();
    let output = coopdash(&[&single(), "--snapshot", "80x24", "--config", config.to_str().unwrap()], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing is drawn");
    let errors = text(&output.stderr);
    let place = config.display().to_string();
    assert!(errors.contains(&format!("{place}:1:9")) && errors.contains("did you mean `light`?"), "{errors}");
    assert!(errors.contains(&format!("{place}:2:1")) && errors.contains("did you mean `slide-numbers`?"), "{errors}");
    // Named by the environment, the same.
    let output = coopdash(&[&single(), "--snapshot", "80x24"], &[("COOPDASH_CONFIG", &config)]);
    assert_eq!(output.status.code(), Some(2));
    // A config named but missing is an error too, never a silent default.
    let missing = dir.path().join("missing.toml");
    let output = coopdash(&[&single(), "--snapshot", "80x24"], &[("COOPDASH_CONFIG", &missing)]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
}

#[test]
fn the_xdg_config_is_read_and_flags_win_over_it() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("coopdash")).unwrap();
    std::fs::write(home.path().join("coopdash/config.toml"), "theme = \"light\"\nslide-numbers = true\n").unwrap();
    let xdg = [("XDG_CONFIG_HOME", home.path())];
    let export = |extra: &[&str], env: &[(&str, &Path)]| {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("screen.ansi");
        let mut args = vec![single(), "--export".into(), file.display().to_string(), "--slide".into(), "1".into()];
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = coopdash(&args, env);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        std::fs::read_to_string(file).unwrap()
    };
    let dark = export(&[], &[]);
    let light = export(&["--theme", "light"], &[]);
    assert_ne!(dark, light);
    let from_config = export(&[], &xdg);
    assert!(from_config.contains("1/"), "slide-numbers = true shows the slide's number");
    assert_eq!(export(&["--slide-numbers", "--theme", "light"], &[]), from_config, "the file's theme is light");
    assert_eq!(
        export(&["--slide-numbers", "--theme", "dark"], &[]),
        export(&["--theme", "dark"], &xdg),
        "--theme wins"
    );
}

#[test]
fn the_config_schema_is_printed_and_survives_a_broken_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "nonsense = 1\n").unwrap();
    let output = coopdash(&["--config-schema"], &[("COOPDASH_CONFIG", &config)]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), include_str!("../../assets/config.schema.json"));
    let output = coopdash(&["--schema"], &[("COOPDASH_CONFIG", &config)]);
    assert_eq!(output.status.code(), Some(0), "the dataset's schema does not read the config");
}

#[test]
fn rebound_keys_act_and_the_help_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nhelp = \"x\"\nquit = \"Q\"\n").unwrap();
    let config = config.display().to_string();
    let dataset = single();
    let mut app = spawn_coopdash(&[&dataset, "--config", &config], dir.path(), 100, 30);
    app.wait_for_raw_mode();
    app.settled();
    app.send("q");
    app.send("?");
    let before = app.frames();
    app.send("x");
    app.wait_for_frame_after(before, "x opens the help");
    let screen = app.wait_for(" Keys ");
    let row = screen.lines().find(|line| line.contains("this help")).expect("the help lists itself");
    assert!(row.contains(" x ") && !row.contains('?'), "the help names the key in force: {row:?}");
    app.send("Q");
    assert_eq!(app.wait_exit(), 0, "Q quits; q and ? did nothing");
}

#[test]
fn the_hint_line_names_the_keys_in_force() {
    use coopdash::app::{App, Event};
    use coopdash::load::{DatasetSource, LoadAsk, LoadRequest};
    use coopdash::theme::Theme;
    use ratatui::layout::Rect;
    let config = coopdash::config::parse("c", "[keys]\nhelp = \"F1\"\nquit = \"x\"\nnext-pane = []\n");
    assert!(config.is_err(), "an action needs a key");
    let config = coopdash::config::parse("c", "[keys]\nhelp = \"F1\"\nquit = \"x\"\n").unwrap();
    let request = LoadRequest { dataset: DatasetSource::File(fixture("single")), article_override: None };
    let first = LoadAsk::first(&request);
    let mut app = App::with_keys(request, first, Theme::monochrome(), config.keys, Rect::default());
    let _ = app.update(Event::Resize(100, 30));
    let screen = common::screen(&app);
    let hints = screen.lines().last().unwrap();
    assert!(hints.starts_with(" F1 help  x quit  Tab pane  ↑↓ select"), "{hints:?}");
}

#[test]
fn the_readme_example_config_reads_cleanly() {
    let readme = include_str!("../../README.md");
    let section = readme.split("### The config file").nth(1).expect("the README has the section");
    let example = section.split("```toml\n").nth(1).and_then(|rest| rest.split("```").next()).unwrap();
    assert!(example.starts_with("#:schema ./config.schema.json\n"));
    let config = coopdash::config::parse("README", example).unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(config.theme, Some(coopdash::theme::ThemeName::Light));
}
