//! The moment between the first frame and the threads that listen (input, signals), which start
//! only once the first frame is out: a resize, a key or a signal in that moment is not lost.
//! `COOPDASH_TEST_HOLD` holds the program in that moment until the test lets it go.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::pty::PtyApp;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_coopdash"))
}

/// The program at 100x30, held after its first frame (on screen when this returns) until the
/// returned path is made.
fn held(dir: &Path) -> (PtyApp, PathBuf) {
    let go = dir.join("go");
    let hold = go.to_str().expect("a UTF-8 temporary path");
    let app = PtyApp::spawn_with(binary(), &["--no-watch"], repo(), 100, 30, &[("COOPDASH_TEST_HOLD", Some(hold))]);
    app.wait_for("? help");
    (app, go)
}

#[test]
fn a_resize_before_anything_listens_is_drawn_at_the_new_size() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, go) = held(dir.path());
    // Nothing listens for SIGWINCH yet: the window changes without an event.
    app.resize(72, 22);
    std::fs::write(&go, "").unwrap();
    let fresh = PtyApp::spawn_program(binary(), &["--no-watch"], repo(), 72, 22);
    let expected = fresh.wait_for("? help");
    app.wait_until(|screen| screen == expected, "the held screen to equal a fresh one at 72x22");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_key_typed_before_anything_listens_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, go) = held(dir.path());
    app.send("?");
    std::fs::write(&go, "").unwrap();
    app.wait_for("next pane");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_signal_before_anything_listens_still_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, go) = held(dir.path());
    let killed = Command::new("kill").args(["-TERM", &app.pid().to_string()]).status().unwrap();
    assert!(killed.success());
    std::fs::write(&go, "").unwrap();
    assert_eq!(app.wait_exit(), 128 + 15, "SIGTERM's status: the handler was in place");
    assert!(app.terminal_restored(), "screen or cursor left as they were");
    assert!(app.cooked(), "the terminal is left in raw mode");
}
