//! A flood is cheap: any amount typed or pasted into the search prompt costs time in proportion
//! to its length, the prompt holds at most `MAX_QUERY` characters and says so when it is full,
//! and a bracketed paste arrives as one event, sanitised.

use crate::common;

use common::{apply, step};

use std::io::Write;
use std::path::Path;
use std::thread;

use coopdash::app::{Event, MAX_QUERY};
use ratatui::crossterm::event::KeyCode;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The footer: the prompt's row.
fn footer(app: &coopdash::app::App) -> String {
    common::screen(app).lines().last().unwrap_or_default().to_owned()
}

fn query(app: &coopdash::app::App) -> &str {
    app.view().search().map_or("", |s| s.query.as_str())
}

#[test]
fn a_paste_is_typed_into_the_prompt_at_once_capped_at_the_limit_which_the_prompt_states() {
    let mut app = common::builtin_app(100, 30);
    common::press(&mut app, KeyCode::Char('/'));
    assert!(!footer(&app).contains("max"), "the limit is stated only once it matters");
    apply(&mut app, Event::Paste("x".repeat(1_000_000)));
    assert_eq!(query(&app), "x".repeat(MAX_QUERY));
    let footer = footer(&app);
    assert!(footer.contains(&format!("max {MAX_QUERY} characters")), "{footer}");
    // The end of the query, where the typing is, stays in sight.
    assert!(footer.contains("…xxx") && footer.contains("x▏"), "{footer}");
    // Backspace makes room again; the statement goes with the cut.
    common::press(&mut app, KeyCode::Backspace);
    assert_eq!(query(&app).len(), MAX_QUERY - 1);
    assert!(!self::footer(&app).contains("max"));
}

#[test]
fn typing_beyond_the_limit_is_dropped_and_stated() {
    let mut app = common::builtin_app(100, 30);
    common::press(&mut app, KeyCode::Char('/'));
    for _ in 0..MAX_QUERY + 50 {
        common::press(&mut app, KeyCode::Char('q'));
    }
    assert_eq!(query(&app).chars().count(), MAX_QUERY);
    assert!(footer(&app).contains(&format!("max {MAX_QUERY} characters")));
}

#[test]
fn a_paste_is_sanitised_line_breaks_become_spaces_and_controls_are_dropped() {
    let mut app = common::builtin_app(100, 30);
    common::press(&mut app, KeyCode::Char('/'));
    apply(&mut app, Event::Paste("cross\r\n\tborder\u{1b}[31m\u{7}\u{202e}\u{200b}!".to_owned()));
    assert_eq!(query(&app), "cross   border[31m!");
    let screen = common::screen(&app);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'), "{screen}");
    // Still one line: the prompt is intact.
    assert!(footer(&app).contains("/cross   border[31m!▏"), "{}", footer(&app));
}

#[test]
fn a_pasted_phrase_finds_what_typing_it_finds() {
    let mut typed = common::builtin_app(100, 30);
    common::press(&mut typed, KeyCode::Char('/'));
    for c in "cross-border".chars() {
        common::press(&mut typed, KeyCode::Char(c));
    }
    let mut pasted = common::builtin_app(100, 30);
    common::press(&mut pasted, KeyCode::Char('/'));
    apply(&mut pasted, Event::Paste("cross-border".to_owned()));
    let (typed, pasted) = (typed.view().search().cloned().unwrap(), pasted.view().search().cloned().unwrap());
    assert!(!typed.hits.is_empty());
    assert_eq!((typed.hits, typed.current), (pasted.hits, pasted.current));
}

#[test]
fn a_query_that_matches_nothing_still_matches_nothing_as_it_grows_and_backspace_finds_again() {
    let mut app = common::builtin_app(100, 30);
    common::press(&mut app, KeyCode::Char('/'));
    apply(&mut app, Event::Paste("cross-bordex".to_owned()));
    assert!(app.view().search().unwrap().hits.is_empty());
    for c in "Zq zz".chars() {
        common::press(&mut app, KeyCode::Char(c));
    }
    assert!(app.view().search().unwrap().hits.is_empty());
    for _ in 0.."Zq zzx".len() {
        common::press(&mut app, KeyCode::Backspace);
    }
    assert_eq!(query(&app), "cross-borde");
    assert!(!app.view().search().unwrap().hits.is_empty(), "a shorter query is searched again");
}

#[test]
fn a_paste_outside_the_prompt_is_not_taken_for_keys() {
    let mut app = common::builtin_app(100, 30);
    let before = common::screen(&app);
    // As keys, `q` would quit and `p` would open the slides.
    assert_eq!(step(&mut app, Event::Paste("pq/x".to_owned())), coopdash::app::Effects::none());
    assert!(app.view().search().is_none());
    assert_eq!(common::screen(&app), before);
}

/// Types `text` from a thread (a write to the pty blocks while its buffer is full) and returns
/// once all of it was handed to the terminal.
fn type_from_a_thread(app: &common::pty::PtyApp, text: Vec<u8>) {
    let keyboard = app.keyboard();
    thread::spawn(move || {
        for chunk in text.chunks(4096) {
            let mut keyboard = keyboard.lock().unwrap();
            keyboard.write_all(chunk).unwrap();
            keyboard.flush().unwrap();
        }
    })
    .join()
    .unwrap();
}

// The pty tests wait (up to the harness's generous timeout) for the state after the flood and
// the key that follows it: before the fix, 100 KB typed took over two minutes in a debug build,
// each key searching again for an ever longer query; now it takes well under a second.

/// Whether the search prompt's cursor shows in the screen's last two rows (where the prompt
/// is; a bar elsewhere may end in the same eighth-block character).
fn prompt_open(screen: &str) -> bool {
    screen.lines().rev().take(2).any(|line| line.contains('▏'))
}

#[test]
fn a_megabyte_pasted_into_the_prompt_then_a_key_shows_both_at_once() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("/");
    app.wait_for("/▏");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend((0..1_000_000).map(|i| if i % 1000 == 999 { b'\n' } else { b'k' }));
    paste.extend_from_slice(b"\x1b[201~");
    type_from_a_thread(&app, paste);
    // Enter keeps the query and closes the prompt.
    app.send("\r");
    let screen = app.wait_for("kkk no match");
    assert!(!prompt_open(&screen), "the prompt is still open:\n{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_hundred_kilobytes_typed_into_the_prompt_then_a_key_shows_both_at_once() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("/");
    app.wait_for("/▏");
    // What the prompt keeps ends in a mark, so the final state cannot be mistaken for one on
    // the way (the letters before it repeat).
    let kept: Vec<u8> = (0..MAX_QUERY - 4).map(|i| b'a' + (i % 26) as u8).chain(*b"MARK").collect();
    let mut typing = kept.clone();
    typing.extend((0..100 * 1024).map(|i| b'a' + (i % 26) as u8));
    type_from_a_thread(&app, typing);
    app.send("\r");
    let screen = app.wait_for("MARK no match");
    assert!(!prompt_open(&screen), "the prompt is still open:\n{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_slide_number_entry_reaches_every_slide_of_a_deck_of_ten_thousand() {
    // The entry kept four digits: slide 10,003 of a big deck could not be reached by number.
    let mut toml = "title = \"Big deck\"\n[[metric]]\nid = \"a\"\nlabel = \"A\"\nvalue = 1\n".to_owned();
    for _ in 0..10_005 {
        toml.push_str("[[slide]]\nmetric = \"a\"\n");
    }
    let data = common::TempDataset::new(&toml);
    let mut app = data.app(100, 30);
    assert_eq!(app.content().deck().len(), 10_005);
    common::press(&mut app, KeyCode::Char('p'));
    for c in "10003".chars() {
        common::press(&mut app, KeyCode::Char(c));
    }
    common::press(&mut app, KeyCode::Enter);
    assert_eq!(app.view().presentation().slide, 10_002);
    // Digits beyond the last slide's number are dropped.
    for c in "123456".chars() {
        common::press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.view().presentation().typed, "12345");
}

#[test]
fn the_help_states_the_search_prompts_limit() {
    use coopdash::action::{BINDINGS, Context, Key};
    let typing = BINDINGS.iter().find(|b| b.context == Context::Search && b.keys == [Key::AnyChar]);
    assert!(typing.is_some_and(|b| b.help.contains(&MAX_QUERY.to_string())), "the help of typing names the limit");
}
