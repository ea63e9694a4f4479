//! End-to-end: the real binary in a real pseudo-terminal, driven by keys, read off the screen.

use crate::common;

use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn help_opens_and_q_quits_to_an_intact_terminal() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("China and its neighbours");
    app.wait_for("Partnership ties");
    app.send("?");
    let help = app.wait_for("next pane");
    assert!(help.contains("Keys") && help.contains("quit"), "{help}");
    app.send("\x1b"); // Esc closes the help and does not quit
    app.wait_until(|s| !s.contains("next pane"), "the help to close");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(app.terminal_restored(), "alternate screen left or cursor hidden");
}

#[test]
fn keys_move_the_selection_and_enter_shows_details() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("\t"); // to the railway chart
    app.send("j"); // second bar: cross-border cargo
    app.send("\r");
    let details = app.wait_for("Esc close");
    assert!(details.contains("11.58 Mt"), "{details}");
    assert!(details.contains("Part of"), "{details}");
    app.send("\x03"); // Ctrl-C quits too
    assert_eq!(app.wait_exit(), 0);
    assert!(app.terminal_restored());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut app = common::spawn_coopdash(&[], repo(), 80, 24);
    app.wait_for("Partnership ties");
    let status = std::process::Command::new("kill").args(["-TERM", &app.pid().to_string()]).status().unwrap();
    assert!(status.success());
    assert_eq!(app.wait_exit(), 128 + 15);
    assert!(app.terminal_restored());
}

#[test]
fn a_broken_dataset_opens_on_its_error_and_the_fix_loads_by_itself() {
    let data = common::TempDataset::new("title = \"Ports\"\n[[metric]]\nid = \"a\"\nvalue = -3\n");
    let mut app = common::spawn_coopdash(&[], data.folder(), 100, 30);
    // As `--check` prints it: the message, its place, the line and a caret.
    let screen = app.wait_for("error: value must be a finite number >= 0");
    assert!(screen.contains("--> metrics.toml:4:9") && screen.contains("value = -3"), "{screen}");
    data.write("title = \"Ports\"\n[[metric]]\nid = \"a\"\nlabel = \"Container ports\"\nvalue = 3\n");
    app.send("r");
    app.wait_for("Container ports");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn live_reload_shows_saves_keeps_the_picture_on_errors_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    let dataset = |value: &str| {
        format!(
            "title = \"Harbour\"\n[[metric]]\nid = \"boxes\"\nlabel = \"Container boxes\"\nvalue = {value}\nunit = \"kt\"\n"
        )
    };
    std::fs::write(&path, dataset("12")).unwrap();
    let mut app = common::spawn_coopdash(&[], dir.path(), 100, 30);
    app.wait_for("12 kt");
    // Save by rename, as vim and sed -i do.
    let temp = dir.path().join(".metrics.toml.new");
    std::fs::write(&temp, dataset("48")).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    let screen = app.wait_for("48 kt");
    assert!(screen.contains("reloaded"), "{screen}");
    assert!(screen.contains("12 kt → 48 kt (+36 kt)"), "the change is shown: {screen}");
    // A broken save: the banner names the place, the old value stays.
    std::fs::write(&path, dataset("48\nlabel = 3")).unwrap();
    let screen = app.wait_for("metrics.toml:6:1:");
    assert!(screen.contains("48 kt"), "the last good data stays on screen:\n{screen}");
    // The fix recovers by itself.
    std::fs::write(&path, dataset("50")).unwrap();
    let screen = app.wait_until(|s| s.contains("50 kt") && !s.contains("metrics.toml:6:1:"), "the fix");
    assert!(screen.contains("Container boxes"));
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn search_counts_matches_moves_with_n_and_esc_goes_back() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("/cross-border");
    let screen = app.wait_for("/cross-border▏");
    assert!(screen.contains("1/2"), "the count of matches (article and metrics):\n{screen}");
    app.send("\r");
    app.wait_for("n next");
    app.send("n");
    let screen = app.wait_for("2/2");
    // The second match is the metric: it is selected, its details in the detail line.
    assert!(screen.contains("▸ Cross-border cargo: 11.58 Mt"), "{screen}");
    app.send("\x1b");
    app.wait_until(|s| !s.contains("n next"), "the search to clear");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn selecting_a_metric_highlights_its_sentence_in_the_article() {
    let mut app = common::spawn_coopdash(&[], repo(), 100, 30);
    app.wait_for("Partnership ties");
    app.send("j"); // Belt and Road agreements
    let screen = app.wait_for("↳ 25 countries · Belt and Road");
    // The sentence itself is drawn on a highlighted background.
    let (row, column) =
        app.find("agreements with 25 of its").unwrap_or_else(|| panic!("the sentence is in view:\n{screen}"));
    assert!(app.has_background(row, column), "the sentence is highlighted");
    if let Some((row, column)) = app.find("It has reached shared") {
        assert!(!app.has_background(row, column), "the next sentence is not");
    }
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn an_article_full_of_escape_sequences_is_shown_as_inert_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "# Title\u{1b}]0;PWNED\u{7}\n\nClipboard \u{1b}]52;c;cHduZWQ=\u{7} alt screen \u{1b}[?1049l \
                   cursor report \u{1b}[6n bell \u{7} reversed \u{202e}txet and a C1 \u{9b}2J end.\n";
    std::fs::write(dir.path().join("evil.md"), hostile).unwrap();
    std::fs::write(
        dir.path().join("metrics.toml"),
        "title = \"Evil \\u001b[2J\"\narticle = \"evil.md\"\n[[metric]]\nid = \"a\"\nlabel = \"Label \\u001b]0;X\\u0007\"\nvalue = 1\n",
    )
    .unwrap();
    let mut app = common::spawn_coopdash(&[], dir.path(), 100, 30);
    let screen = app.wait_for("end.");
    assert!(screen.contains("Title␛]0;PWNED␇"), "escapes are shown as visible symbols:\n{screen}");
    assert!(screen.contains("Evil ␛[2J") && screen.contains("Label ␛]0;X␇"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let raw = app.raw_output();
    for sequence in [
        &b"\x1b]0;PWNED"[..],
        b"\x1b]52;",
        b"\x1b[6n",
        b"\x1b]0;X",
        b"\x1b[2J",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
    ] {
        assert!(!raw.windows(sequence.len()).any(|w| w == sequence), "{sequence:?} reached the terminal");
    }
    assert!(app.terminal_restored());
}

#[test]
fn presenting_with_a_clicker_pgdn_blank_and_back_to_the_dashboard() {
    let mut app = common::spawn_coopdash(&["--present", "--slide-numbers"], repo(), 100, 30);
    app.wait_for("1/17");
    app.send("\x1b[6~"); // PgDn
    let screen = app.wait_for("2/17");
    assert!(screen.contains("Neighbours, by kind of tie"), "{screen}");
    app.send("b");
    app.wait_until(|s| s.trim().is_empty(), "a blank screen");
    app.send("b");
    app.wait_for("Neighbours, by kind of tie");
    app.send("\x1b"); // Esc: the dashboard, not the shell
    let screen = app.wait_for("? help");
    assert!(screen.contains("Article"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn resume_starts_where_the_last_presentation_of_the_dataset_ended() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str())];
    let program = std::path::Path::new(env!("CARGO_BIN_EXE_coopdash"));
    let dataset = "tests/fixtures/notes/metrics.toml";
    let mut app = common::pty::PtyApp::spawn_with(program, &[dataset, "--presenter"], repo(), 100, 30, &env);
    app.wait_for("slide 1 of 5");
    app.send("\x1b[C\x1b[C"); // → →
    app.wait_for("slide 3 of 5");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let kept = std::fs::read_to_string(state.path().join("coopdash/resume.toml")).unwrap();
    assert!(kept.contains("slide = 2") && kept.contains("Rows picked so far"), "{kept}");
    let mut again =
        common::pty::PtyApp::spawn_with(program, &[dataset, "--resume", "--presenter"], repo(), 100, 30, &env);
    again.wait_for("slide 3 of 5");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}
