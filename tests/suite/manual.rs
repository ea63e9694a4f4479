//! What the shell and `man` get: completion scripts that their shells accept (and that complete
//! `coopdash --th` to `--theme`), a man page that `man` renders without a warning.

use std::process::{Command, Stdio};

fn coopdash(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(args)
        .env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env_remove("COOPDASH_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("coopdash runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Whether `program` can be run here.
fn present(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A tool a check needs: absent on a developer's machine the check is skipped (and says so);
/// in CI (`CI=true`, set by .ci/run) it must be there.
fn needed(program: &str) -> bool {
    if present(program) {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI needs `{program}` for this test");
    println!("skipped: `{program}` is not installed");
    false
}

fn script(shell: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("coopdash.{shell}"));
    std::fs::write(&path, coopdash(&["--completions", shell])).unwrap();
    (dir, path)
}

#[test]
fn every_shell_gets_a_script_that_knows_the_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let text = coopdash(&["--completions", shell]);
        // fish spells a long flag `-l theme`: the names, without their dashes.
        for flag in ["theme", "config-schema", "completions", "snapshot"] {
            assert!(text.contains(flag), "{shell} lacks {flag}");
        }
    }
}

#[test]
fn bash_accepts_the_script_and_completes_th_to_theme() {
    if !needed("bash") {
        return;
    }
    let (_dir, path) = script("bash");
    let syntax = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(syntax.status.success(), "bash -n: {}", String::from_utf8_lossy(&syntax.stderr));
    // What Tab does: the completion function asked for `coopdash --th`.
    let complete = format!(
        "source {}; COMP_WORDS=(coopdash --th); COMP_CWORD=1; COMP_LINE='coopdash --th'; COMP_POINT=13; _coopdash coopdash --th coopdash; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let output = Command::new("bash").args(["-c", &complete]).output().unwrap();
    let offered = String::from_utf8_lossy(&output.stdout);
    assert_eq!(offered.trim(), "--theme", "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn other_shells_accept_their_scripts_where_installed() {
    for (shell, check) in [("zsh", &["-n"][..]), ("fish", &["--no-execute"][..])] {
        if !present(shell) {
            println!("skipped: `{shell}` is not installed");
            continue;
        }
        let (_dir, path) = script(shell);
        let output = Command::new(shell).args(check).arg(&path).output().unwrap();
        assert!(output.status.success(), "{shell}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn man_renders_the_page_without_warnings() {
    let page = coopdash(&["--man"]);
    assert!(page.contains("\n.TH coopdash 1"), "{}", &page[..page.len().min(200)]);
    if !needed("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coopdash.1");
    std::fs::write(&path, &page).unwrap();
    let output = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&path)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown = String::from_utf8_lossy(&output.stdout);
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(warnings.trim().is_empty(), "man warns: {warnings}");
    for section in ["SYNOPSIS", "DATASET FORMAT", "KEYS", "CONFIGURATION", "FILES", "EXIT STATUS", "EXAMPLES"] {
        assert!(shown.contains(section), "{section} missing from:\n{shown}");
    }
    assert!(shown.contains("reload the dataset and article"), "the keys come from the key table");
}
