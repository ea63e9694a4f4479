//! Signals, sessions and launch conditions: every way out restores the terminal, a terminal that
//! goes away ends the program, and odd launches get a clear answer.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::PtyApp;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_coopdash"))
}

fn kill(pid: u32, signal: &str) {
    assert!(Command::new("kill").args([&format!("-{signal}"), &pid.to_string()]).status().unwrap().success());
}

/// Waits at most `limit` for the exit; returns the exit code and how long it took.
fn exit_within(app: &mut PtyApp, limit: Duration) -> (u32, Duration) {
    let started = Instant::now();
    let code = app.wait_exit();
    let took = started.elapsed();
    assert!(took <= limit, "took {took:?}");
    (code, took)
}

#[test]
fn every_termination_signal_restores_the_terminal_within_a_second() {
    for (signal, number) in [("TERM", 15), ("INT", 2), ("QUIT", 3), ("HUP", 1)] {
        let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
        app.wait_for("Partnership ties");
        assert!(!app.cooked(), "raw mode while running");
        kill(app.pid(), signal);
        let (code, _) = exit_within(&mut app, Duration::from_secs(1));
        assert_eq!(code, 128 + number, "SIG{signal}");
        assert!(app.terminal_restored(), "SIG{signal}: screen or cursor left as they were");
        assert!(app.input_modes_off(), "SIG{signal}: mouse or paste mode left on");
        assert!(app.cooked(), "SIG{signal}: the terminal is left in raw mode");
    }
}

#[test]
fn quitting_leaves_cooked_mode_and_no_mouse_reporting() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("q");
    let (code, _) = exit_within(&mut app, Duration::from_secs(2));
    assert_eq!(code, 0);
    assert!(app.terminal_restored() && app.input_modes_off() && app.cooked());
}

#[test]
fn a_terminal_that_goes_away_ends_the_program_within_two_seconds() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    let ended = app.hang_up_status(Duration::from_secs(2));
    let (_, status) = ended.expect("still running two seconds after its terminal closed");
    // As for SIGHUP (README), and never an abort (tests/suite/hangup.rs has the rest).
    assert_eq!((status.exit_code(), status.signal()), (129, None));
}

#[test]
fn ctrl_z_without_job_control_does_not_freeze() {
    // A pty child is the leader of its own session: no shell does job control for it, so the
    // stop request is dropped. coopdash must come back, not hang.
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("\x1a");
    app.send("?");
    app.wait_for("next pane");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn started_at_zero_by_zero_it_draws_once_resized() {
    let mut app = PtyApp::spawn_program(binary(), &[], repo(), 0, 0);
    // Running (raw mode on) with nothing to draw on; then it gets room.
    app.wait_for_raw_mode();
    app.resize(80, 24);
    app.wait_for("Partnership ties");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn after_a_storm_of_resizes_the_screen_equals_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    // The reload changes a label, not a value: a changed value stays highlighted for seconds
    // (app::CHANGE_HIGHLIGHT), which a fresh start would not show.
    let dataset = |label: &str| format!("title = \"Storm\"\n[[metric]]\nid = \"a\"\nlabel = \"{label}\"\nvalue = 7\n");
    std::fs::write(&path, dataset("Alpha")).unwrap();
    let mut app = PtyApp::spawn_program(binary(), &["--no-watch"], dir.path(), 100, 30);
    app.wait_for("Alpha");
    for step in 0..120u16 {
        app.resize(20 + (step * 37) % 180, 5 + (step * 13) % 60);
        if step == 60 {
            std::fs::write(&path, dataset("Omega")).unwrap();
            app.send("r");
        }
        // A window edge dragged: sizes 10 ms apart, faster than a loaded machine keeps up
        // with (then sizes pile up and the program folds them). The pause spaces the events
        // the test is about; nothing waits on it, and the end below waits for a condition.
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    app.resize(90, 28);
    let fresh = PtyApp::spawn_program(binary(), &["--no-watch"], dir.path(), 90, 28);
    // A whole frame: the footer is its last row.
    let expected = fresh.wait_until(|s| s.contains("Omega") && s.contains("? help"), "a whole fresh frame");
    // Everything but the status line, which says what the reload did.
    let without_status = |screen: &str| screen.lines().take(27).map(str::to_owned).collect::<Vec<_>>();
    // The storm's screen becomes the fresh one (it may still be drawing the last sizes).
    app.wait_until(
        |storm| without_status(storm) == without_status(&expected),
        "the storm's screen to equal a fresh one",
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn keys_typed_while_the_window_is_resized_are_never_held_back() {
    // Each letter arrives in the same instant as a resize. crossterm's default (mio) reader
    // returned the resize and forgot the key until the next one came: the search prompt would
    // then lag a letter behind and the final screen would miss it.
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("/");
    app.wait_for("/▏");
    let mut typed = String::new();
    for (step, letter) in "cross-border".chars().enumerate() {
        let step = step as u16;
        app.resize(70 + step * 7 % 60, 20 + step * 3 % 20);
        app.send(&letter.to_string());
        typed.push(letter);
        // A key held back until the next one comes would never show here: no next key comes.
        app.wait_for(&format!("/{typed}▏"));
    }
    app.resize(100, 30);
    let screen = app.wait_for("/cross-border▏");
    assert!(screen.contains("1/2"), "{screen}");
    app.send("\x1b");
    app.wait_until(|s| !s.contains("/cross-border"), "the search to close");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

/// Runs a shell line in a pty and returns the screen once it printed `DONE`.
fn shell(line: &str, env: &[(&str, Option<&str>)]) -> String {
    let script = format!("{line}; echo \"EXIT=$?\"; echo DONE; sleep 5");
    let app = PtyApp::spawn_with(Path::new("sh"), &["-c", &script], repo(), 100, 30, env);
    app.wait_for("DONE")
}

#[test]
fn redirected_output_gets_an_error_and_no_escape_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let screen = shell(&format!("{} > {}", binary().display(), out.display()), &[]);
    assert!(
        screen.contains("not a terminal") && screen.contains("--snapshot") && screen.contains("EXIT=2"),
        "{screen}"
    );
    assert!(std::fs::read(&out).unwrap().is_empty(), "nothing written to the redirected output");
}

#[test]
fn input_that_is_not_a_terminal_gets_an_error() {
    let screen = shell(&format!("{} < /dev/null", binary().display()), &[]);
    assert!(screen.contains("not a terminal") && screen.contains("EXIT=2"), "{screen}");
}

#[test]
fn a_dumb_terminal_gets_an_error_and_an_unset_term_works() {
    let screen = shell(&binary().display().to_string(), &[("TERM", Some("dumb"))]);
    assert!(screen.contains("TERM=dumb") && screen.contains("EXIT=2"), "{screen}");
    let mut app = PtyApp::spawn_with(binary(), &[], repo(), 100, 30, &[("TERM", None)]);
    app.wait_for("Partnership ties");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn without_a_controlling_terminal_it_still_runs_and_quits() {
    let mut app = PtyApp::spawn_program(Path::new("setsid"), &["-w", binary().to_str().unwrap()], repo(), 100, 30);
    let screen = app.wait_until(|s| s.contains("Partnership ties") || s.contains("coopdash:"), "a screen or an error");
    if screen.contains("Partnership ties") {
        app.send("q");
    }
    let code = app.wait_exit();
    assert!(code == 0 || screen.contains("coopdash:"), "{screen}");
    assert!(app.terminal_restored());
}

#[test]
fn a_terminal_that_goes_away_without_a_hangup_signal_still_ends_it() {
    // Without a controlling terminal no SIGHUP comes: only reads that fail.
    let mut app = PtyApp::spawn_program(Path::new("setsid"), &["-w", binary().to_str().unwrap()], repo(), 100, 30);
    app.wait_for("Partnership ties");
    let pid = app.pid();
    let took = app.hang_up(Duration::from_secs(2));
    assert!(took.is_some(), "still running two seconds after its terminal closed (pid {pid})");
}

#[test]
fn ctrl_z_stops_with_the_terminal_restored_and_fg_redraws_with_fresh_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    let dataset = |label: &str| format!("title = \"Jobs\"\n[[metric]]\nid = \"a\"\nlabel = \"{label}\"\nvalue = 4\n");
    std::fs::write(&path, dataset("Before the stop")).unwrap();
    // An interactive shell does job control.
    let mut shell = PtyApp::interactive_shell(dir.path());
    shell.send(&format!("{} --no-watch\r", binary().display()));
    shell.wait_for("Before the stop");
    shell.send("\x1a");
    let screen = shell.wait_for("Stopped");
    assert!(screen.contains("shell$"), "{screen}");
    assert!(shell.terminal_restored(), "stopped with the terminal restored");
    std::fs::write(&path, dataset("Edited while stopped")).unwrap();
    shell.send("fg\r");
    shell.wait_for("Edited while stopped");
    shell.send("q");
    // The third prompt: after the command line and `fg`, the one coopdash's exit gives back.
    shell.wait_until(|s| s.matches("shell$").count() >= 3, "the prompt after coopdash");
    shell.send("exit\r");
    shell.wait_exit();
}

#[test]
fn a_panic_restores_the_terminal_before_its_report() {
    let mut app = PtyApp::spawn_with(binary(), &[], repo(), 100, 30, &[("COOPDASH_TEST_PANIC", Some("1"))]);
    let code = app.wait_exit();
    assert_ne!(code, 0);
    assert!(app.terminal_restored() && app.input_modes_off() && app.cooked());
    // The report comes after the main screen is back, so it stays readable.
    let raw = app.wait_for_raw("a panic asked for by COOPDASH_TEST_PANIC");
    let left_alternate_screen = raw.rfind("\x1b[?1049l").expect("the alternate screen was left");
    let report = raw.find("a panic asked for by COOPDASH_TEST_PANIC").expect("the report is printed");
    assert!(report > left_alternate_screen, "the report was printed on the alternate screen");
}
