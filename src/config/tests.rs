use std::time::Duration;

use super::*;
use crate::action::{Action, Context, Key};
use crate::dataset::Position;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn errors(text: &str) -> Vec<(Position, String, Option<String>)> {
    let found = parse("config.toml", text).expect_err("the config has errors");
    found.into_iter().map(|d| (d.position.unwrap(), d.message, d.hint.map(String::from))).collect()
}

fn at(line: usize, column: usize) -> Position {
    Position { line, column }
}

#[test]
fn a_good_config_sets_every_option_it_names() {
    let text = r#"
theme = "light"
mouse = false
animation = false
poll = true
autoplay = 5
loop = true
slide-numbers = true
duration = "20m"

[keys]
reload = ["x", "F5"]
quit = "Q"
"#;
    let config = parse("config.toml", text).unwrap();
    assert_eq!(config.theme, Some(ThemeName::Light));
    assert_eq!((config.mouse, config.animation, config.poll), (Some(false), Some(false), Some(true)));
    assert_eq!(config.watch, None, "what the file does not say stays unset");
    assert_eq!(config.autoplay, Some(Duration::from_secs(5)));
    assert_eq!((config.looping, config.slide_numbers), (Some(true), Some(true)));
    assert_eq!(config.duration, Some(Duration::from_secs(1200)));
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(config.keys.action_for(&key('x'), Context::Dashboard), Some(Action::Reload));
    assert_eq!(config.keys.action_for(&KeyEvent::from(KeyCode::F(5)), Context::Dashboard), Some(Action::Reload));
    assert_eq!(config.keys.action_for(&key('Q'), Context::Presentation), Some(Action::Quit));
    assert_eq!(config.keys.action_for(&key('q'), Context::Dashboard), None);
}

#[test]
fn an_empty_config_is_the_defaults() {
    assert_eq!(parse("config.toml", "# nothing yet\n").unwrap(), Config::default());
}

#[test]
fn every_error_is_at_its_line_and_column_with_a_hint() {
    let text = "thme = \"light\"\nmouse = \"no\"\ntheme = \"lihgt\"\nautoplay = -1\n[keys]\nrelaod = \"x\"\nquit = \"Escpe\"\n";
    let found = errors(text);
    assert_eq!(found[0], (at(1, 1), "unknown key `thme`".into(), Some("did you mean `theme`?".into())));
    assert_eq!(found[1].0, at(2, 9));
    assert!(found[1].1.contains("expected true or false, got string"), "{:?}", found[1]);
    assert_eq!(found[2].0, at(3, 9));
    assert_eq!(found[2].2.as_deref(), Some("did you mean `light`?"));
    assert_eq!(found[3].0, at(4, 12));
    assert!(found[3].1.contains("seconds"), "{:?}", found[3]);
    assert_eq!(found[4], (at(6, 1), "unknown action `relaod`".into(), Some("did you mean `reload`?".into())));
    assert_eq!(found[5].0, at(7, 8));
    assert!(found[5].1.contains("did you mean `escape`?"), "{:?}", found[5]);
    assert_eq!(found.len(), 6);
}

#[test]
fn a_syntax_error_is_placed_too() {
    let found = errors("theme = \"light\"\nmouse = \n");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0.line, 2, "{found:?}");
}

#[test]
fn clashing_bindings_and_contradictions_are_errors() {
    let found = errors("[keys]\nreload = \"x\"\ndetails = \"x\"\n");
    assert_eq!(found[0].0, at(3, 1));
    assert!(found[0].1.contains("`reload`"), "{found:?}");
    let found = errors("watch = false\npoll = true\n");
    assert_eq!(found[0].0, at(2, 8));
    let found = errors("[keys]\nreload = []\nhelp = 3\n");
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [at(2, 10), at(3, 8)]);
    let found = errors("keys = 1\n");
    assert_eq!(found[0].0, at(1, 8));
}

#[test]
fn durations_and_seconds_take_the_flags_spellings() {
    assert_eq!(parse("c", "duration = 45\n").unwrap().duration, Some(Duration::from_secs(2700)));
    assert_eq!(parse("c", "duration = \"1h 30m\"\n").unwrap().duration, Some(Duration::from_secs(5400)));
    assert_eq!(parse("c", "autoplay = 0.5\n").unwrap().autoplay, Some(Duration::from_millis(500)));
    assert!(parse("c", "duration = \"25h\"\n").is_err());
    assert!(parse("c", "duration = true\n").is_err());
}

#[test]
fn flags_win_over_the_file() {
    use clap::Parser;
    let config = parse("c", "theme = \"light\"\nmouse = false\nwatch = false\nautoplay = 5\nduration = 20\n").unwrap();
    let mut cli = Cli::parse_from(["coopdash", "--theme", "contrast", "--poll", "--autoplay", "2"]);
    apply(&config, &mut cli);
    assert_eq!(cli.theme, Some(ThemeName::Contrast));
    assert!(cli.no_mouse, "the file fills in what the flags leave");
    assert!(cli.poll && !cli.no_watch, "--poll wins over watch = false");
    assert_eq!(cli.autoplay, Some(Duration::from_secs(2)));
    assert_eq!(cli.duration, Some(Duration::from_secs(1200)));
    let mut bare = Cli::parse_from(["coopdash"]);
    apply(&config, &mut bare);
    assert_eq!(bare.theme, Some(ThemeName::Light));
    assert!(bare.no_watch && !bare.poll);
    let mut follower = Cli::parse_from(["coopdash", "--follow"]);
    apply(&config, &mut follower);
    assert_eq!(follower.autoplay, None, "a follower does not autoplay on its own");
}

#[test]
fn the_place_is_the_flag_then_the_environment_then_xdg() {
    let flag = std::path::Path::new("/a/flag.toml");
    let named = |p: &str| Some(Place { path: p.into(), named: true });
    assert_eq!(locate(Some(flag), Some("/b/env.toml".into())), named("/a/flag.toml"));
    assert_eq!(locate(None, Some("/b/env.toml".into())), named("/b/env.toml"));
    let default = locate(None, Some("".into())).unwrap();
    assert!(!default.named && default.path.ends_with("coopdash/config.toml"), "{default:?}");
}

#[test]
fn a_missing_default_file_is_no_config_but_a_missing_named_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    assert_eq!(load(&Place { path: path.clone(), named: false }), Ok(Config::default()));
    let found = load(&Place { path, named: true }).unwrap_err();
    assert!(found[0].message.contains("cannot read"), "{found:?}");
}

#[test]
fn the_committed_schema_is_the_one_the_tables_make() {
    let committed = include_str!("../../assets/config.schema.json");
    assert!(
        committed == json_schema(),
        "assets/config.schema.json is stale: regenerate it with `cargo run -- --config-schema > assets/config.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(committed).unwrap();
    for opt in OPTIONS {
        assert!(schema["properties"][opt.name].is_object(), "{}", opt.name);
    }
    for (name, _) in crate::action::ACTION_NAMES {
        assert!(schema["properties"]["keys"]["properties"][name].is_object(), "{name}");
    }
}

#[test]
fn a_rebinding_changes_the_help() {
    let config = parse("c", "[keys]\nreload = \"F5\"\n").unwrap();
    let text = |keys: &Keymap| {
        crate::help::rows(keys, &crate::help::Audience::LOCAL, 70)
            .into_iter()
            .filter_map(|row| match row {
                crate::help::HelpRow::Keys { keys, text } if text.starts_with("reload") => Some(keys.trim().to_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(text(&Keymap::default()), ["r"]);
    assert_eq!(text(&config.keys), ["F5"]);
    assert_eq!(Key::Code(KeyCode::F(5)).name(), "F5");
}

#[test]
fn screen_reader_in_the_file_turns_the_cursor_on() {
    use clap::Parser;
    let on = parse("c", "screen-reader = true\n").unwrap();
    let mut cli = Cli::parse_from(["coopdash"]);
    apply(&on, &mut cli);
    assert!(cli.screen_reader);
    let off = parse("c", "screen-reader = false\n").unwrap();
    let mut flagged = Cli::parse_from(["coopdash", "--screen-reader"]);
    apply(&off, &mut flagged);
    assert!(flagged.screen_reader, "the flag wins over the file");
    assert!(parse("c", "screen-reader = \"yes\"\n").is_err());
}
