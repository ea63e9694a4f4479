use super::*;
use ratatui::crossterm::event::KeyEventState;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn dashboard_keys_map_to_their_actions() {
    let d = Context::Dashboard;
    assert_eq!(action_for(&press(KeyCode::Tab), d), Some(Action::NextPane));
    assert_eq!(action_for(&press(KeyCode::BackTab), d), Some(Action::PrevPane));
    for code in [KeyCode::Down, KeyCode::Right, KeyCode::Char('j'), KeyCode::Char('l')] {
        assert_eq!(action_for(&press(code), d), Some(Action::Next), "{code:?}");
    }
    for code in [KeyCode::Up, KeyCode::Left, KeyCode::Char('k'), KeyCode::Char('h')] {
        assert_eq!(action_for(&press(code), d), Some(Action::Prev), "{code:?}");
    }
    assert_eq!(action_for(&press(KeyCode::Char(' ')), d), Some(Action::PageDown));
    assert_eq!(action_for(&press(KeyCode::Char('g')), d), Some(Action::First));
    assert_eq!(action_for(&press(KeyCode::Char('G')), d), Some(Action::Last));
    assert_eq!(action_for(&press(KeyCode::Enter), d), Some(Action::Details));
    assert_eq!(action_for(&press(KeyCode::Char('?')), d), Some(Action::Help));
    assert_eq!(action_for(&press(KeyCode::Char('q')), d), Some(Action::Quit));
}

#[test]
fn shifted_letters_arrive_with_shift_and_still_match() {
    let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(&big_g, Context::Dashboard), Some(Action::Last));
}

#[test]
fn ctrl_c_quits_and_ctrl_z_suspends_everywhere() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    for context in [Context::Dashboard, Context::Help, Context::Details] {
        assert_eq!(action_for(&ctrl_c, context), Some(Action::Quit));
        assert_eq!(action_for(&ctrl_z, context), Some(Action::Suspend));
    }
    assert_eq!(action_for(&ctrl_c, Context::Search), Some(Action::Quit));
    // A plain `c` or `z` does nothing.
    assert_eq!(action_for(&press(KeyCode::Char('c')), Context::Dashboard), None);
}

#[test]
fn esc_closes_and_never_quits() {
    for context in [Context::Dashboard, Context::Help, Context::Details, Context::Search] {
        assert_eq!(action_for(&press(KeyCode::Esc), context), Some(Action::Close));
    }
}

#[test]
fn the_search_prompt_takes_text_and_its_own_keys() {
    let s = Context::Search;
    assert_eq!(action_for(&press(KeyCode::Char('q')), s), Some(Action::Type('q')), "q types, it does not quit");
    assert_eq!(action_for(&press(KeyCode::Char('中')), s), Some(Action::Type('中')));
    assert_eq!(action_for(&press(KeyCode::Backspace), s), Some(Action::DeleteChar));
    assert_eq!(action_for(&press(KeyCode::Enter), s), Some(Action::Confirm));
    assert_eq!(action_for(&press(KeyCode::Esc), s), Some(Action::Close));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl_c, s), Some(Action::Quit));
    assert_eq!(action_for(&press(KeyCode::Char('/')), Context::Dashboard), Some(Action::Search));
    assert_eq!(action_for(&press(KeyCode::Char('N')), Context::Dashboard), Some(Action::SearchPrev));
}

#[test]
fn presentation_keys_work_with_a_clicker() {
    let p = Context::Presentation;
    for code in [
        KeyCode::Right,
        KeyCode::Down,
        KeyCode::PageDown,
        KeyCode::Char(' '),
        KeyCode::Char('l'),
        KeyCode::Char('j'),
        KeyCode::Char('n'),
    ] {
        assert_eq!(action_for(&press(code), p), Some(Action::SlideNext), "{code:?}");
    }
    for code in
        [KeyCode::Left, KeyCode::Up, KeyCode::PageUp, KeyCode::Backspace, KeyCode::Char('h'), KeyCode::Char('k')]
    {
        assert_eq!(action_for(&press(code), p), Some(Action::SlidePrev), "{code:?}");
    }
    assert_eq!(action_for(&press(KeyCode::Home), p), Some(Action::SlideFirst));
    assert_eq!(action_for(&press(KeyCode::Char('G')), p), Some(Action::SlideLast));
    assert_eq!(action_for(&press(KeyCode::Char('7')), p), Some(Action::Digit(7)));
    assert_eq!(action_for(&press(KeyCode::Enter), p), Some(Action::SlideEnter));
    assert_eq!(action_for(&press(KeyCode::Char('b')), p), Some(Action::Blank));
    assert_eq!(action_for(&press(KeyCode::Char('.')), p), Some(Action::Blank));
    assert_eq!(action_for(&press(KeyCode::F(5)), p), Some(Action::Restart));
    assert_eq!(action_for(&press(KeyCode::Char('a')), p), Some(Action::Autoplay));
    assert_eq!(action_for(&press(KeyCode::Char('t')), p), Some(Action::Timer));
    assert_eq!(action_for(&press(KeyCode::Esc), p), Some(Action::Present), "Esc leaves, never quits");
    assert_eq!(action_for(&press(KeyCode::Char('q')), p), Some(Action::Quit));
    assert_eq!(action_for(&press(KeyCode::Char('p')), Context::Dashboard), Some(Action::Present));
}

#[test]
fn key_releases_are_ignored() {
    let release = KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    };
    assert_eq!(action_for(&release, Context::Dashboard), None);
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.context == b.context {
                for key in a.keys {
                    assert!(!b.keys.contains(key), "{:?} bound twice in {:?}", key, a.context);
                }
            }
        }
    }
}

/// The names spelt without `fmt` are crossterm's own.
#[test]
fn key_names_are_crossterms_where_spelt_by_hand() {
    for code in [KeyCode::Tab, KeyCode::Enter, KeyCode::Home, KeyCode::F(5), KeyCode::Delete] {
        assert_eq!(Key::Code(code).name(), code.to_string(), "{code:?}");
    }
}
