use super::*;
use ratatui::crossterm::event::KeyModifiers;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn the_default_keymap_answers_as_the_table_does() {
    let map = Keymap::default();
    for binding in BINDINGS {
        for key in binding.keys {
            let event = match key {
                Key::Char(c) => press(KeyCode::Char(*c)),
                Key::Code(code) => press(*code),
                Key::Ctrl(c) => ctrl(*c),
                Key::AnyChar => press(KeyCode::Char('x')),
                Key::AnyDigit => press(KeyCode::Char('7')),
            };
            assert_eq!(map.action_for(&event, binding.context), super::super::action_for(&event, binding.context));
        }
    }
}

#[test]
fn a_rebound_action_answers_to_its_new_keys_only_and_takes_them_from_others() {
    // `x` reloads; `r` no longer does. `j` moves down in the dashboard; bound to reload it
    // leaves `next` with its other keys.
    let map = Keymap::rebound(&[(Action::Reload, vec![Key::Char('x'), Key::Char('j')])]).unwrap();
    let d = Context::Dashboard;
    assert_eq!(map.action_for(&press(KeyCode::Char('x')), d), Some(Action::Reload));
    assert_eq!(map.action_for(&press(KeyCode::Char('j')), d), Some(Action::Reload));
    assert_eq!(map.action_for(&press(KeyCode::Char('r')), d), None);
    assert_eq!(map.action_for(&press(KeyCode::Down), d), Some(Action::Next));
    // In the details window (where reload has no keys) `j` still moves.
    assert_eq!(map.action_for(&press(KeyCode::Char('j')), Context::Details), Some(Action::Next));
}

#[test]
fn a_rebinding_applies_in_every_context_of_the_action() {
    let map = Keymap::rebound(&[(Action::Help, vec![Key::Code(KeyCode::F(1))])]).unwrap();
    for context in [Context::Dashboard, Context::Presentation] {
        assert_eq!(map.action_for(&press(KeyCode::F(1)), context), Some(Action::Help), "{context:?}");
        assert_eq!(map.action_for(&press(KeyCode::Char('?')), context), None, "{context:?}");
    }
}

#[test]
fn ctrl_c_always_quits_and_the_search_prompt_still_types() {
    let map = Keymap::rebound(&[(Action::Quit, vec![Key::Char('x')])]).unwrap();
    assert_eq!(map.action_for(&ctrl('c'), Context::Dashboard), Some(Action::Quit));
    assert_eq!(map.action_for(&press(KeyCode::Char('x')), Context::Dashboard), Some(Action::Quit));
    assert_eq!(map.action_for(&press(KeyCode::Char('x')), Context::Search), Some(Action::Type('x')));
    assert_eq!(map.action_for(&ctrl('c'), Context::Search), Some(Action::Quit));
    assert!(Keymap::rebound(&[(Action::Reload, vec![Key::Ctrl('c')])]).is_err());
}

#[test]
fn a_rebound_digit_beats_the_slide_number() {
    let map = Keymap::rebound(&[(Action::Blank, vec![Key::Char('0')])]).unwrap();
    let p = Context::Presentation;
    assert_eq!(map.action_for(&press(KeyCode::Char('0')), p), Some(Action::Blank));
    assert_eq!(map.action_for(&press(KeyCode::Char('1')), p), Some(Action::Digit(1)));
}

#[test]
fn two_rebound_actions_cannot_share_a_key_in_a_context() {
    let clash = Keymap::rebound(&[(Action::Reload, vec![Key::Char('x')]), (Action::Details, vec![Key::Char('x')])]);
    let clash = clash.unwrap_err();
    assert_eq!(clash.action, Action::Details);
    assert!(clash.message.contains("`reload`"), "{}", clash.message);
    // Different contexts: no clash (blank lives only in a presentation, details only outside).
    assert!(Keymap::rebound(&[(Action::Details, vec![Key::Char('x')]), (Action::Blank, vec![Key::Char('x')])]).is_ok());
}

#[test]
fn keys_are_spelt_as_the_help_spells_them() {
    for binding in BINDINGS {
        for key in binding.keys.iter().filter(|k| !matches!(k, Key::AnyChar | Key::AnyDigit)) {
            assert_eq!(parse_key(&key.name()), Ok(*key), "{}", key.name());
        }
    }
    assert_eq!(parse_key("ctrl-R"), Ok(Key::Ctrl('r')));
    assert_eq!(parse_key("PageDown"), Ok(Key::Code(KeyCode::PageDown)));
    assert_eq!(parse_key("space"), Ok(Key::Char(' ')));
    assert!(parse_key("Ctrl-").is_err());
    assert!(parse_key("\u{1b}").is_err());
    assert!(parse_key("F13").is_err());
    assert!(parse_key("Escpe").unwrap_err().contains("did you mean `escape`?"));
}

#[test]
fn every_rebindable_action_has_one_name() {
    for binding in BINDINGS {
        match binding.action {
            Action::Type(_) | Action::Digit(_) => assert_eq!(action_name(binding.action), None),
            action => {
                let name = action_name(action).unwrap_or_else(|| panic!("{action:?} has no name"));
                assert_eq!(action_named(name), Some(action));
            }
        }
    }
    let mut names: Vec<&str> = ACTION_NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ACTION_NAMES.len());
}
