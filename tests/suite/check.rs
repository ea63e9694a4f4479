//! `coopdash --check` on a broken file, run as a data editor would: every problem at once, each
//! with its source line, a caret and a hint; colour on a terminal only.

use crate::common;
use crate::one_line;

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

fn check_fixture(name: &str) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(["--check", "metrics.toml"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("coopdash runs")
}

#[test]
fn a_value_that_contradicts_its_quote_is_a_warning_at_the_quote_in_the_article() {
    let output = check_fixture("contradicted");
    assert_eq!(output.status.code(), Some(0), "a warning, not an error");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(
        one_line(&text),
        "article.md:3:60: warning: `bri_agreements` is 27 countries but its quote says 25 \
         (quote at metrics.toml:12:9) (correct the value, or quote the sentence that states it)\n\
         metrics.toml: ok, 4 metrics, 2 charts, 1 gauge; 0 errors, 1 warning\n",
        "the words (nine), the bound (more than 50 million) and the unit (11.58 Mt) agree:\n{text}"
    );
    assert!(text.contains("with 25 of its neighbours"), "the article's line is shown:\n{text}");
}

#[test]
fn every_rule_of_a_history_is_reported_at_once_at_its_line_and_column() {
    let output = check_fixture("history_broken");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(
        one_line(&text),
        "metrics.toml:10:12: two points on 2021-12-31: a date appears once in a history (remove one, or correct its date)\n\
         metrics.toml:11:12: point dates must increase: 2020-12-31 comes after 2021-12-31 (put the points in date order, oldest first)\n\
         metrics.toml:11:32: value must be a finite number >= 0\n\
         metrics.toml:12:43: a metric has one unit: `cargo` is in `Mt`, this point in `kt` (write the value in the metric's unit, or leave out the point's `unit`)\n\
         metrics.toml:13:36: unknown key `sorce` (did you mean `source`?)\n\
         metrics.toml:18:9: `ships` has a history, so its `value` needs an `as_of` date (date it after the last point (2022-01-01), or leave out `value`)\n\
         metrics.toml: not loaded; 6 errors, 0 warnings\n"
    );
    assert!(
        text.contains("12 |   { date = 2022-12-31, value = 20, unit = \"kt\""),
        "the source line is shown:\n{text}"
    );
}

#[test]
fn every_fixture_but_the_broken_ones_and_the_bundled_data_check_clean() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !fixtures.join(&name).join("metrics.toml").exists()
            || ["broken", "contradicted", "history_broken"].contains(&name.as_str())
        {
            continue;
        }
        let output = check_fixture(&name);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.ends_with("; 0 errors, 0 warnings\n"), "{name}:\n{text}");
        checked += 1;
    }
    assert!(checked >= 6, "{checked} fixtures");
    let bundled = Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(["--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bundled.stdout).ends_with("; 0 errors, 0 warnings\n"));
    let builtin =
        Command::new(env!("CARGO_BIN_EXE_coopdash")).args(["--check"]).current_dir(&fixtures).output().unwrap();
    let text = String::from_utf8_lossy(&builtin.stdout);
    assert!(text.starts_with("metrics.toml (built-in): ok") && text.ends_with("0 warnings\n"), "{text}");
}
