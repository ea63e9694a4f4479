//! A config file's text → [`Config`], or every problem in it as a diagnostic at its line and
//! column (unknown keys and actions with a did-you-mean), as `--check` reports a dataset's.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Config;
use super::options::{KEYS_TABLE, Kind, OPTIONS, THEMES, option};
use crate::action::{ACTION_NAMES, Action, Key, Keymap, action_named, parse_key};
use crate::dataset::hint::closest;
use crate::dataset::{Diagnostic, LineIndex};
use crate::theme::ThemeName;

/// Every problem found, in the order of the file.
struct Problems<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex<'a>,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn at(&mut self, span: Range<usize>, message: impl AsRef<str>, hint: Option<String>) {
        let position = Some(self.lines.position(span.start));
        let mut diagnostic = Diagnostic::error(self.file, position, message).spanning(self.lines.length(span));
        if let Some(hint) = hint {
            diagnostic = diagnostic.with_hint(hint);
        }
        diagnostic.attach_source(self.text);
        self.found.push(diagnostic);
    }
}

/// Reads a config file's `text`; `file` names it in the diagnostics.
pub fn parse(file: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut problems = Problems { file, text, lines: LineIndex::new(text), found: Vec::new() };
    let tree = match DeTable::parse(text) {
        Ok(tree) => tree,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            problems.at(span, error.message(), None);
            return Err(problems.found);
        }
    };
    let mut config = Config::default();
    let mut rebound: Vec<(Action, Vec<Key>, Range<usize>)> = Vec::new();
    for (key, value) in tree.get_ref() {
        let name = key.get_ref().as_ref();
        if name == KEYS_TABLE {
            match value.get_ref() {
                DeValue::Table(table) => rebound = read_keys(&mut problems, table),
                _ => problems.at(value.span(), "`keys` is a table: [keys] and `action = \"key\"` under it", None),
            }
            continue;
        }
        let Some(opt) = option(name) else {
            let names = OPTIONS.iter().map(|o| o.name).chain([KEYS_TABLE]);
            let hint = match closest(name, names) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "a config takes: {}, and a [keys] table",
                    OPTIONS.iter().map(|o| o.name).collect::<Vec<_>>().join(", ")
                ),
            };
            problems.at(key.span(), format!("unknown key `{name}`"), Some(hint));
            continue;
        };
        if let Err((message, hint)) = set(&mut config, opt.name, opt.kind, value.get_ref()) {
            problems.at(value.span(), format!("`{name}`: {message}"), hint);
        }
    }
    if config.watch == Some(false) && config.poll == Some(true) {
        let span = tree.get_ref().iter().find(|(k, _)| k.get_ref() == "poll").map_or(0..0, |(_, v)| v.span());
        problems.at(span, "`poll = true` follows the files, which `watch = false` turns off", None);
    }
    // The tree's tables are not in the file's order: the file's order decides which of two
    // clashing bindings is reported, and the order of the report.
    rebound.sort_by_key(|(_, _, span)| span.start);
    let changes: Vec<(Action, Vec<Key>)> = rebound.iter().map(|(a, k, _)| (*a, k.clone())).collect();
    match Keymap::rebound(&changes) {
        Ok(keys) => config.keys = keys,
        Err(clash) => {
            let span = rebound.iter().find(|(a, _, _)| *a == clash.action).map_or(0..0, |(_, _, s)| s.clone());
            problems.at(span, clash.message, None);
        }
    }
    problems.found.sort_by_key(|d| d.position);
    if problems.found.is_empty() { Ok(config) } else { Err(problems.found) }
}

type Refusal = (String, Option<String>);

/// Sets option `name` of `config` from `value`, or says why the value is refused.
fn set(config: &mut Config, name: &str, kind: Kind, value: &DeValue<'_>) -> Result<(), Refusal> {
    match kind {
        Kind::Flag => {
            let flag =
                value.as_bool().ok_or_else(|| (format!("expected true or false, got {}", value.type_str()), None))?;
            let slot = match name {
                "mouse" => &mut config.mouse,
                "animation" => &mut config.animation,
                "watch" => &mut config.watch,
                "poll" => &mut config.poll,
                "loop" => &mut config.looping,
                "slide-numbers" => &mut config.slide_numbers,
                "screen-reader" => &mut config.screen_reader,
                _ => return Ok(()),
            };
            *slot = Some(flag);
        }
        Kind::Theme => {
            let word =
                value.as_str().ok_or_else(|| (format!("expected a theme's name, got {}", value.type_str()), None))?;
            let theme = word.parse::<ThemeName>().map_err(|error| {
                let hint = closest(word, THEMES.iter().copied()).map(|near| format!("did you mean `{near}`?"));
                (error, hint)
            })?;
            config.theme = Some(theme);
        }
        Kind::Seconds => {
            let text = number_text(value)
                .ok_or_else(|| (format!("expected a number of seconds, got {}", value.type_str()), None))?;
            config.autoplay = Some(crate::cli::parse_seconds(&text).map_err(|error| (error, None))?);
        }
        Kind::Duration => {
            let text = match value {
                DeValue::String(text) => text.to_string(),
                DeValue::Integer(_) => number_text(value).unwrap_or_default(),
                other => return Err((format!("expected a time such as \"20m\", got {}", other.type_str()), None)),
            };
            config.duration = Some(crate::cli::parse_duration(&text).map_err(|error| (error, None))?);
        }
    }
    Ok(())
}

/// A TOML integer or float as the text a flag would take.
fn number_text(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::Integer(integer) if integer.radix() == 10 => Some(integer.as_str().to_owned()),
        DeValue::Float(float) => Some(float.as_str().to_owned()),
        _ => None,
    }
}

/// The `[keys]` table: each action named, with its keys (one string or a list of them).
fn read_keys(problems: &mut Problems<'_>, table: &DeTable<'_>) -> Vec<(Action, Vec<Key>, Range<usize>)> {
    let mut rebound = Vec::new();
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        let Some(action) = action_named(name) else {
            let hint = closest(name, ACTION_NAMES.iter().map(|(n, _)| *n)).map_or_else(
                || "the README's Keys section lists the actions".to_owned(),
                |n| format!("did you mean `{n}`?"),
            );
            problems.at(key.span(), format!("unknown action `{name}`"), Some(hint));
            continue;
        };
        let spelt: Vec<Spanned<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(items) if !items.is_empty() => items.iter().cloned().collect(),
            DeValue::Array(_) => {
                problems.at(value.span(), format!("`{name}` needs at least one key"), None);
                continue;
            }
            _ => vec![value.clone()],
        };
        let mut keys = Vec::new();
        for item in &spelt {
            match item.get_ref().as_str().map(parse_key) {
                Some(Ok(parsed)) => keys.push(parsed),
                Some(Err(message)) => problems.at(item.span(), message, None),
                None => problems.at(
                    item.span(),
                    format!("a key is a string such as \"q\" or \"Ctrl-r\", got {}", item.get_ref().type_str()),
                    None,
                ),
            }
        }
        if keys.len() == spelt.len() {
            rebound.push((action, keys, key.span()));
        }
    }
    rebound
}
