//! `--theme auto` in a pseudo-terminal that answers the background query (OSC 10/11, fenced by
//! a device-attributes query) light, dark, late (after the timeout) or not at all: the theme
//! follows the answer, falls back to dark, and no byte of a reply reaches the app as a key.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::{fixture, pty::PtyApp, spawn_coopdash, spawn_coopdash_answering};

/// What the terminal replies with, after the query.
const LIGHT: &str = "\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";
const DARK: &str = "\x1b]10;rgb:ffff/ffff/ffff\x1b\\\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c";
/// A terminal that knows no colour query answers the fence only.
const FENCE_ONLY: &str = "\x1b[?62;22c";

fn dataset() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("single")).display().to_string()
}

/// coopdash with `args` at 80x24 in a terminal that answers no query by itself; `answer` is
/// typed by the "terminal" once the query was sent, after `delay`.
fn start(args: &[&str], answer: Option<(&str, Duration)>) -> PtyApp {
    let dataset = dataset();
    let mut all = vec![dataset.as_str()];
    all.extend_from_slice(args);
    let mut app = spawn_coopdash_answering(&all, Path::new(env!("CARGO_MANIFEST_DIR")), 80, 24, false);
    if let Some((reply, delay)) = answer {
        app.wait_for_raw("\x1b[c");
        // The point of the late case is the time itself: the answer comes after the timeout.
        std::thread::sleep(delay);
        app.send(reply);
    }
    app.wait_for_raw_mode();
    app.wait_for("One number");
    app.settled();
    app
}

/// The screen of an explicit theme, to compare with.
fn screen_of(theme: &str) -> (String, Vec<u8>) {
    let app = start(&["--theme", theme], None);
    (app.screen(), app.formatted())
}

#[test]
fn a_light_terminal_gets_the_light_theme_and_a_dark_one_the_dark() {
    let light = screen_of("light");
    let dark = screen_of("dark");
    assert_ne!(light.1, dark.1, "the two themes look different");
    let app = start(&[], Some((LIGHT, Duration::ZERO)));
    assert_eq!((app.screen(), app.formatted()), light, "auto is the default, light here");
    let app = start(&["--theme", "auto"], Some((DARK, Duration::ZERO)));
    assert_eq!((app.screen(), app.formatted()), dark);
}

#[test]
fn no_answer_or_a_late_one_is_dark_and_no_key_reaches_the_app() {
    let dark = screen_of("dark");
    let app = start(&[], Some((FENCE_ONLY, Duration::ZERO)));
    assert_eq!((app.screen(), app.formatted()), dark, "no colour answer: dark");
    // After the timeout, within the grace: the reply is swallowed, not typed into the app
    // (its `r`, `g`, `b`, `/` and digits would reload, search, and show on screen).
    let late = coopdash::theme::detect::TIMEOUT + Duration::from_millis(80);
    let mut app = start(&[], Some((LIGHT, late)));
    assert_eq!((app.screen(), app.formatted()), dark, "a late answer: dark, and nothing typed");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    // A terminal that never answers at all: dark after the timeout.
    let app = start(&[], None);
    assert_eq!((app.screen(), app.formatted()), dark);
}

#[test]
fn no_color_and_offscreen_runs_ask_nothing() {
    let mut app = spawn_coopdash(&[&dataset(), "--snapshot", "40x10"], Path::new(env!("CARGO_MANIFEST_DIR")), 80, 24);
    assert_eq!(app.wait_exit(), 0);
    assert!(!String::from_utf8_lossy(&app.raw_output()).contains("\x1b]11;?"), "--snapshot does not ask");
    let env = [("NO_COLOR", Some("1"))];
    let program = Path::new(env!("CARGO_BIN_EXE_coopdash"));
    let dataset = dataset();
    let mut app = PtyApp::spawn_with(program, &[&dataset], Path::new(env!("CARGO_MANIFEST_DIR")), 80, 24, &env);
    app.wait_for("One number");
    assert!(!String::from_utf8_lossy(&app.raw_output()).contains("\x1b]11;?"), "NO_COLOR: no query");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}
