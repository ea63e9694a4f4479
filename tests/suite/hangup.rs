//! A terminal that goes away (a closed window, a killed tmux pane, a dropped SSH link) ends the
//! program cleanly: exit status 129 (128 + SIGHUP, as README promises), never an abort, no core
//! dump, and promptly however many keys are still queued.
//!
//! The bounds below are correctness checks, not benchmarks: the defect they catch took 17 s or
//! more (the queued keys were worked through one by one before the hang-up was seen), the fix
//! takes milliseconds, so a bound of two seconds tells the two apart on any machine.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

use common::pty::PtyApp;

/// How long after the hang-up the program may take to exit (see the module's comment).
const PROMPTLY: Duration = Duration::from_secs(2);

/// 100 KB of typing: what the hostile test typed into the search prompt before killing the pane.
const FLOOD: usize = 100 * 1024;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_coopdash"))
}

/// coopdash on the bundled dataset, started in `dir` with core dumps on (`core_pattern` is
/// usually a plain file name, so an abort would leave `dir/core*`), with `env` set.
///
/// As in a tmux pane, coopdash runs under a shell (the session leader), which outlives the
/// hang-up and exits with coopdash's status: 128 + the signal's number if a signal killed it
/// (134 for an abort).
fn spawn_in(dir: &Path, env: &[(&str, Option<&str>)]) -> PtyApp {
    let dataset = repo().join("metrics.toml");
    let script = "trap '' HUP; ulimit -c unlimited 2>/dev/null; \"$0\" \"$@\"; exit $?";
    let args = ["-c", script, binary().to_str().unwrap(), dataset.to_str().unwrap()];
    let app = PtyApp::spawn_with(Path::new("sh"), &args, dir, 100, 30, env);
    app.wait_for("Partnership ties");
    app
}

/// Core files left in `dir`.
fn cores(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("core")))
        .collect()
}

/// Types `bytes` bytes of letters from a thread (the pty's buffer may fill: a write from the test
/// thread could block) and returns once all were handed to the terminal.
fn type_flood(app: &PtyApp, bytes: usize) {
    let keyboard = app.keyboard();
    let typist = thread::spawn(move || {
        let chunk: Vec<u8> = (0..1024).map(|i| b'a' + (i % 26) as u8).collect();
        for _ in 0..bytes / chunk.len() {
            // One chunk per lock, so the test could take the keyboard away in between.
            let mut keyboard = keyboard.lock().unwrap();
            if keyboard.write_all(&chunk).and_then(|()| keyboard.flush()).is_err() {
                return;
            }
        }
    });
    typist.join().unwrap();
}

/// Hangs up and checks how the program ended: status 129, not a signal, within [`PROMPTLY`],
/// no core file.
fn assert_clean_hang_up(mut app: PtyApp, dir: &Path, what: &str) {
    let ended = app.hang_up_status(PROMPTLY);
    let Some((took, status)) = ended else {
        panic!("{what}: still running {PROMPTLY:?} after its terminal went away");
    };
    assert_eq!(status.signal(), None, "{what}: killed by a signal after {took:?}");
    assert_eq!(status.exit_code(), 129, "{what}: exit status");
    assert_eq!(cores(dir), Vec::<PathBuf>::new(), "{what}: a core dump was left");
}

#[test]
fn a_terminal_that_goes_away_ends_it_with_status_129_and_no_core_dump() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_in(dir.path(), &[]);
    assert_clean_hang_up(app, dir.path(), "idle");
}

#[test]
fn a_terminal_that_goes_away_with_100_kb_of_keys_queued_ends_it_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = spawn_in(dir.path(), &[]);
    app.send("/");
    app.wait_for("/▏");
    type_flood(&app, FLOOD);
    assert_clean_hang_up(app, dir.path(), "100 KB queued");
}

#[test]
fn a_hang_up_signal_with_100_kb_of_keys_queued_ends_it_promptly_and_restores_the_terminal() {
    // The terminal is still there (a `kill -HUP`): the signal must not wait behind the keys, and
    // the terminal is given back as on any other way out.
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("/");
    app.wait_for("/▏");
    type_flood(&app, FLOOD);
    let killed = Command::new("kill").args(["-HUP", &app.pid().to_string()]).status().unwrap();
    assert!(killed.success());
    let started = std::time::Instant::now();
    let code = app.wait_exit();
    assert!(started.elapsed() < PROMPTLY, "took {:?} after SIGHUP", started.elapsed());
    assert_eq!(code, 129);
    assert!(app.terminal_restored(), "screen or cursor left as they were");
    assert!(app.input_modes_off(), "mouse or paste mode left on");
    assert!(app.cooked(), "the terminal is left in raw mode");
}

#[test]
fn a_panic_after_the_terminal_went_away_does_not_abort() {
    // The panic's report has nowhere to go: it must be dropped, not turned into an abort (a
    // panic while writing it) and a core dump. The status is a panic's, 101.
    let dir = tempfile::tempdir().unwrap();
    let mut app = spawn_in(dir.path(), &[("COOPDASH_TEST_PANIC", Some("after-hang-up"))]);
    let ended = app.hang_up_status(PROMPTLY);
    let Some((took, status)) = ended else { panic!("still running after its terminal went away") };
    assert_eq!(status.signal(), None, "killed by a signal after {took:?}");
    assert_eq!(status.exit_code(), 101);
    assert_eq!(cores(dir.path()), Vec::<PathBuf>::new(), "a core dump was left");
}

#[test]
fn a_terminal_that_goes_away_while_stopped_by_ctrl_z_ends_it_with_129() {
    // The shell sends the stopped job SIGHUP and SIGCONT. coopdash, continued, must not try to
    // take the dead terminal again (that failed with ENXIO, and the program exited 1 with an
    // error report) but leave as for a hang-up.
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("status");
    let script = format!(
        "#!/bin/sh\ntrap '' HUP\nulimit -c unlimited 2>/dev/null\n'{}' '{}' --no-watch\necho $? > '{}'\n",
        binary().display(),
        repo().join("metrics.toml").display(),
        status.display()
    );
    let wrapper = dir.path().join("run.sh");
    std::fs::write(&wrapper, script).unwrap();
    // An interactive shell does job control.
    let mut shell = PtyApp::interactive_shell(dir.path());
    shell.send(&format!("sh '{}'\r", wrapper.display()));
    shell.wait_for("Partnership ties");
    shell.send("\x1a");
    // Stopped: the terminal is given back (the shell says nothing, as the wrapper it waits for
    // is not stopped; the hang-up orphans the stopped group, and the kernel continues it).
    assert!(shell.terminal_restored(), "Ctrl-Z gives the terminal back");
    let _ = shell.hang_up(PROMPTLY);
    let started = std::time::Instant::now();
    let code = loop {
        if let Some(code) = std::fs::read_to_string(&status).ok().filter(|s| s.ends_with('\n')) {
            break code;
        }
        assert!(started.elapsed() < PROMPTLY, "coopdash did not end after its terminal went away");
        thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(code.trim(), "129");
    assert_eq!(cores(dir.path()), Vec::<PathBuf>::new(), "a core dump was left");
}
