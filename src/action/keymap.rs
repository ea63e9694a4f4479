//! The key table in force: [`super::BINDINGS`] with the user's `[keys]` rebindings laid over it.
//! Built once at start (by `main`, from the config file) and handed to the app, which looks keys
//! up in it and shows it in the help; the app reads no file.
//!
//! Rebinding an action gives it exactly the keys named, in every context where the action has
//! keys (the dashboard, a presentation, an overlay); a key taken that way is taken off the other
//! action that had it in the same context, so the user's binding wins. Two rebound actions that
//! share a context cannot share a key. Ctrl-C always quits. In the search prompt printable
//! characters type, so a rebinding to a plain character does not apply there.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::{Action, BINDINGS, Context, Key};

/// One row of the table in force: the keys of one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
}

/// The key → action table in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
}

/// Why a set of rebindings cannot be laid over the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The action whose binding is refused (the later of two that clash).
    pub action: Action,
    pub message: String,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = BINDINGS
            .iter()
            .map(|b| Row { context: b.context, keys: b.keys.to_vec(), action: b.action, help: b.help })
            .collect();
        Self { rows }
    }
}

/// The key that always quits, whatever the config says.
const ALWAYS_QUITS: Key = Key::Ctrl('c');

impl Keymap {
    /// The default table with each `(action, keys)` rebound, in order.
    pub fn rebound(changes: &[(Action, Vec<Key>)]) -> Result<Self, Clash> {
        let mut map = Self::default();
        let mut taken: Vec<(Context, Key, Action)> = Vec::new();
        for (action, keys) in changes {
            if !is_rebindable(*action) {
                return Err(Clash { action: *action, message: "this action's keys cannot be changed".into() });
            }
            if keys.contains(&ALWAYS_QUITS) && *action != Action::Quit {
                return Err(Clash { action: *action, message: "Ctrl-C always quits".into() });
            }
            let contexts: Vec<Context> =
                map.rows.iter().filter(|row| row.action == *action).map(|row| row.context).collect();
            for context in contexts {
                let keys = keys_in(context, keys);
                if keys.is_empty() {
                    continue;
                }
                for key in &keys {
                    if let Some((_, _, other)) = taken.iter().find(|(c, k, a)| *c == context && k == key && a != action)
                    {
                        let message =
                            format!("{} is already bound to `{}`", key.name(), action_name(*other).unwrap_or("?"));
                        return Err(Clash { action: *action, message });
                    }
                    taken.push((context, *key, *action));
                }
                for row in map.rows.iter_mut().filter(|row| row.context == context) {
                    if row.action == *action {
                        row.keys.clone_from(&keys);
                        if *action == Action::Quit && !row.keys.contains(&ALWAYS_QUITS) {
                            row.keys.push(ALWAYS_QUITS);
                        }
                    } else {
                        row.keys.retain(|key| !keys.contains(key));
                    }
                }
            }
        }
        Ok(map)
    }

    /// The action a key press asks for in this context; releases are ignored. Keys named in the
    /// table come before its wildcards (any character, any digit), so a rebound key is never
    /// swallowed by them.
    pub fn action_for(&self, key: &KeyEvent, context: Context) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let rows = || self.rows.iter().filter(|row| row.context == context);
        let wildcard = |k: &Key| matches!(k, Key::AnyChar | Key::AnyDigit);
        let found = rows()
            .find(|row| row.keys.iter().any(|k| !wildcard(k) && k.matches(key)))
            .or_else(|| rows().find(|row| row.keys.iter().any(|k| wildcard(k) && k.matches(key))))?;
        Some(match (found.action, key.code) {
            // The table's `Type` stands for every character: carry the one typed.
            (Action::Type(_), KeyCode::Char(c)) => Action::Type(c),
            (Action::Digit(_), KeyCode::Char(c)) => Action::Digit(c.to_digit(10).unwrap_or(0) as u8),
            (action, _) => action,
        })
    }

    /// How the first key of `action` in `context` is spelt (what a hint line names), if it has
    /// one.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        let row = self.rows.iter().find(|row| row.context == context && row.action == action)?;
        row.keys.first().map(|key| key.name())
    }

    /// The rows of one context with at least one key, in the table's order: what the help lists.
    pub fn rows(&self, context: Context) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |row| row.context == context && !row.keys.is_empty())
    }
}

/// The keys of a rebinding that apply in `context`: in the search prompt plain characters type.
fn keys_in(context: Context, keys: &[Key]) -> Vec<Key> {
    let mut kept: Vec<Key> = Vec::new();
    for key in keys {
        let types = context == Context::Search && matches!(key, Key::Char(_));
        if !types && !kept.contains(key) {
            kept.push(*key);
        }
    }
    kept
}

/// Whether `[keys]` may name the action: the wildcards (typing, a slide's digits) may not.
fn is_rebindable(action: Action) -> bool {
    !matches!(action, Action::Type(_) | Action::Digit(_))
}

/// The names `[keys]` gives the actions, in the key table's order of first appearance.
#[rustfmt::skip]
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("next-pane", Action::NextPane), ("previous-pane", Action::PrevPane),
    ("previous", Action::Prev), ("next", Action::Next),
    ("page-up", Action::PageUp), ("page-down", Action::PageDown),
    ("first", Action::First), ("last", Action::Last),
    ("details", Action::Details), ("sort", Action::Sort), ("sort-reverse", Action::SortReverse),
    ("search", Action::Search),
    ("search-next", Action::SearchNext), ("search-previous", Action::SearchPrev),
    ("metric-here", Action::MetricHere), ("present", Action::Present),
    ("reload", Action::Reload), ("help", Action::Help), ("problems", Action::Problems),
    ("close", Action::Close), ("suspend", Action::Suspend), ("quit", Action::Quit),
    ("slide-next", Action::SlideNext), ("slide-previous", Action::SlidePrev),
    ("slide-enter", Action::SlideEnter), ("slide-first", Action::SlideFirst),
    ("slide-last", Action::SlideLast), ("blank", Action::Blank), ("restart", Action::Restart),
    ("autoplay", Action::Autoplay), ("timer", Action::Timer),
    ("presenter-view", Action::PresenterView),
    ("confirm", Action::Confirm), ("delete-char", Action::DeleteChar),
];

/// The action `[keys]` calls `name`.
pub fn action_named(name: &str) -> Option<Action> {
    ACTION_NAMES.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// The name `[keys]` gives an action (none for the wildcards).
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTION_NAMES.iter().find(|(_, a)| *a == action).map(|(n, _)| *n)
}

/// Names of keys without a character of their own, as a config may spell them (any case).
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// A key as a config spells it: one character (`q`, `G`, `?`), a name (`Space`, `Enter`, `Esc`,
/// `Tab`, `Shift-Tab`, `Up`/`↑`, `PgUp`, `Home`, `Backspace`, `F5`, ...), or `Ctrl-` and a
/// letter; names and `Ctrl-` in any case. The help spells keys the same way ([`Key::name`]).
pub fn parse_key(text: &str) -> Result<Key, String> {
    // The arrows' glyphs are names, not characters a key types.
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| !name.is_ascii() && *name == text) {
        return Ok(Key::Code(*code));
    }
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() { Err("a control character is not a key name".into()) } else { Ok(Key::Char(c)) };
    }
    let lower = text.to_lowercase();
    if lower == "space" {
        return Ok(Key::Char(' '));
    }
    if let Some(rest) = lower.strip_prefix("ctrl-").or_else(|| lower.strip_prefix("ctrl+")) {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => Ok(Key::Ctrl(c)),
            _ => Err(format!("`{text}`: Ctrl- takes one letter (Ctrl-r)")),
        };
    }
    if let Some(number) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=12).contains(n)) {
        return Ok(Key::Code(KeyCode::F(number)));
    }
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
        return Ok(Key::Code(*code));
    }
    let near = crate::dataset::hint::closest(&lower, NAMED_KEYS.iter().map(|(name, _)| *name).chain(["space"]));
    let hint = near.map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
    Err(format!("unknown key `{text}`{hint} (a character, Space, Enter, Esc, Tab, Up, PgUp, Home, F5, Ctrl-r...)"))
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
