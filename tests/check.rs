//! `coopdash --check` on a broken file, run as a data editor would: every problem at once, each
//! with its source line, a caret and a hint; colour on a terminal only.

mod common;
#[path = "support/one_line.rs"]
mod one_line;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::pty::PtyApp;
use one_line::one_line;

fn broken_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken")
}

fn check_broken(env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coopdash"));
    command.args(["--check", "metrics.toml"]).current_dir(broken_dir()).env_remove("NO_COLOR");
    for (name, value) in env {
        command.env(name, value);
    }
    command.stdin(Stdio::null()).output().expect("coopdash runs")
}

#[test]
fn a_top_level_typo_hides_none_of_the_other_five_errors() {
    let output = check_broken(&[]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(
        one_line(&text),
        "metrics.toml:2:1: unknown key `titel` (did you mean `title`?)\n\
         metrics.toml:7:9: invalid type: string \"12\", expected a number (numbers take no quotes: value = 12)\n\
         metrics.toml:9:9: invalid type: string \"2025-04-10\", expected a date such as 2021-12-03 (dates take no quotes: as_of = 2025-04-10)\n\
         metrics.toml:13:1: unknown key `lable` (did you mean `label`?)\n\
         metrics.toml:16:11: no metric has the id `fleet`\n\
         metrics.toml:20:21: no metric has the id `shipz` (did you mean `ships`?)\n\
         metrics.toml: not loaded; 6 errors, 0 warnings\n"
    );
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
    insta::assert_snapshot!(text);
}

#[test]
fn colour_on_a_terminal_and_none_with_no_color() {
    let binary = Path::new(env!("CARGO_BIN_EXE_coopdash"));
    let coloured = PtyApp::spawn_program(binary, &["--check", "metrics.toml"], &broken_dir(), 100, 30);
    let raw = coloured.wait_for_raw("6 errors, 0 warnings");
    assert!(raw.contains("\u{1b}["), "colour on a terminal:\n{raw}");
    let plain =
        PtyApp::spawn_with(binary, &["--check", "metrics.toml"], &broken_dir(), 100, 30, &[("NO_COLOR", Some("1"))]);
    let raw = plain.wait_for_raw("6 errors, 0 warnings");
    assert!(!raw.contains('\u{1b}'), "NO_COLOR: no escape sequences:\n{raw:?}");
}
