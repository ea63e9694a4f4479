//! The command line, run as a user would: exit codes, messages and output.

use crate::one_line;
use one_line::one_line;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn coopdash(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("coopdash runs")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_passes_on_the_bundled_dataset() {
    let output = coopdash(&["--check"], repo());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "metrics.toml: ok, 9 metrics, 3 charts, 4 gauges; 0 errors, 0 warnings\n");
}

#[test]
fn check_lists_every_error_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -1\n[[metric]]\nid = \"a\"\nvalue = 2\n",
    )
    .unwrap();
    let output = coopdash(&["--check", "bad.toml"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        one_line(&stdout(&output)),
        "bad.toml:4:9: value must be a finite number >= 0\n\
         bad.toml:6:6: duplicate id `a`\n\
         bad.toml: not loaded; 2 errors, 0 warnings\n"
    );
}

#[test]
fn check_reports_missing_quotes_as_warnings_and_still_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# A\n\nThe port moved *12 million* boxes.\n").unwrap();
    std::fs::write(
        dir.path().join("m.toml"),
        "title = \"T\"\narticle = \"a.md\"\n[[metric]]\nid = \"a\"\nvalue = 12\nunit = \"million boxes\"\nquote = \"12 million boxes\"\n\
         [[metric]]\nid = \"b\"\nvalue = 1\nquote = \"not in there\"\n",
    )
    .unwrap();
    let output = coopdash(&["--check", "m.toml"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let text = one_line(&stdout(&output));
    assert!(text.starts_with("m.toml:11:9: warning: quote of `b` not found in a.md: \"not in there\"\n"), "{text}");
    assert!(text.ends_with("0 errors, 1 warning\n"), "{text}");
}

#[test]
fn a_missing_article_is_an_error_at_the_article_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.toml"),
        "title = \"T\"\narticle = \"gone.md\"\n[[metric]]\nid = \"a\"\nvalue = 1\n",
    )
    .unwrap();
    let output = coopdash(&["--check", "m.toml"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        one_line(&stdout(&output))
            .starts_with("m.toml:2:11: article gone.md: cannot read: No such file or directory\n"),
        "{}",
        one_line(&stdout(&output))
    );
}

#[test]
fn snapshot_prints_the_screen_as_plain_text() {
    let output = coopdash(&["--snapshot", "100x30"], repo());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 30);
    assert!(text.lines().all(|l| unicode_width_of(l) <= 100));
    assert!(text.contains("China and its neighbours") && text.contains("Belt and Road agreements"));
    assert!(!text.contains('\u{1b}'), "no escape sequences in a snapshot");
}

fn unicode_width_of(line: &str) -> usize {
    // Every character the screen uses here is one column wide.
    line.chars().count()
}

#[test]
fn without_metrics_toml_the_built_in_dataset_is_shown_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let output = coopdash(&["--snapshot", "100x30"], dir.path());
    let text = stdout(&output);
    assert!(text.contains("Partnership ties"), "{text}");
    assert!(text.contains("no metrics.toml here: showing the built-in dataset"), "{text}");
}

#[test]
fn article_override_replaces_the_datasets_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "Plain notes about ports.\n\nSecond paragraph.").unwrap();
    let dataset = repo().join("metrics.toml");
    let output = coopdash(&["--snapshot", "100x30", dataset.to_str().unwrap(), "--article", "notes.txt"], dir.path());
    let text = stdout(&output);
    assert!(text.contains("Plain notes about ports."), "{text}");
    assert!(text.contains("notes.txt"), "{text}");
}

#[test]
fn without_a_terminal_it_says_so_and_exits_2() {
    let output = coopdash(&[], repo());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a terminal") && stderr.contains("--snapshot"), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing, and above all no escape bytes, on a redirected stdout");
}

#[test]
fn bad_snapshot_sizes_are_usage_errors() {
    let output = coopdash(&["--snapshot", "wide"], repo());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("COLSxROWS"));
}

#[test]
fn version_and_help_work() {
    let version = coopdash(&["--version"], repo());
    assert_eq!(stdout(&version).trim(), format!("coopdash {}", env!("CARGO_PKG_VERSION")));
    let help = stdout(&coopdash(&["--help"], repo()));
    for flag in ["--article", "--check", "--snapshot"] {
        assert!(help.contains(flag), "{help}");
    }
}

#[test]
fn a_slide_prints_as_text_and_every_slide_exports_as_svg() {
    let output = coopdash(&["--snapshot", "80x24", "--slide", "5"], repo());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("Cargo crossing a border") && !text.contains("5/17"), "{text}");
    let numbered = stdout(&coopdash(&["--snapshot", "80x24", "--slide", "5", "--slide-numbers"], repo()));
    assert!(numbered.contains("5/17"), "{numbered}");
    let dir = tempfile::tempdir().unwrap();
    let output = coopdash(&["--export-all", dir.path().to_str().unwrap(), "--size", "100x30"], repo());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names.len(), 17);
    assert_eq!((names[0].as_str(), names[16].as_str()), ("slide-01.svg", "slide-17.svg"));
    let svg = std::fs::read_to_string(dir.path().join("slide-17.svg")).unwrap();
    assert!(roxmltree::Document::parse(&svg).is_ok() && svg.contains("Sources"));
    // Exported slides are the audience's: no key hints, no frozen timer.
    for name in &names {
        let svg = std::fs::read_to_string(dir.path().join(name)).unwrap();
        for hint in ["next", "blank", "Esc", "dashboard", "00:00"] {
            assert!(!svg.contains(hint), "{name} carries `{hint}`");
        }
    }
}

#[test]
fn the_presenter_view_draws_without_a_terminal() {
    let args = ["tests/fixtures/notes/metrics.toml", "--presenter", "--duration", "20m", "--slide", "2"];
    let text = stdout(&coopdash(&[&args[..], &["--snapshot", "120x40"]].concat(), repo()));
    for part in ["Slide 2 of 5", "Next", "Notes", "Apples are most", "20:00 left"] {
        assert!(text.contains(part), "`{part}` missing\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presenter.svg");
    let output = coopdash(&[&args[..], &["--export", path.to_str().unwrap()]].concat(), repo());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read_to_string(&path).unwrap().contains("Notes"));
    let bad = coopdash(&["--presenter", "--duration", "soon", "--snapshot", "80x24"], repo());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("20m"));
}

#[test]
fn export_writes_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "a.ansi", "a.html", "a.svg"] {
        let path = dir.path().join(name);
        let output = coopdash(&["--export", path.to_str().unwrap(), "--size", "90x28"], repo());
        assert_eq!(output.status.code(), Some(0), "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Partnership ties"), "{name}");
    }
    let text = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert_eq!(text.lines().count(), 28);
    let bad = coopdash(&["--export", dir.path().join("a.png").to_str().unwrap()], repo());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use .txt, .ansi, .html, .svg or .pdf"));
    let out_of_range = coopdash(&["--snapshot", "80x24", "--slide", "99"], repo());
    assert_eq!(out_of_range.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out_of_range.stderr).contains("the deck has 17 slides"));
}

#[test]
fn themes_change_the_colours_of_exports() {
    let dir = tempfile::tempdir().unwrap();
    let export = |theme: &str| {
        let path = dir.path().join(format!("{theme}.html"));
        let output = coopdash(&["--export", path.to_str().unwrap(), "--theme", theme], repo());
        assert_eq!(output.status.code(), Some(0));
        std::fs::read_to_string(path).unwrap()
    };
    assert!(export("light").contains("background: #fafafa"));
    assert!(export("contrast").contains("background: #000000"));
    assert!(export("dark").contains("background: #1c1c1c"));
    let bad = coopdash(&["--theme", "neon", "--check"], repo());
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn snapshot_and_export_of_a_dataset_that_does_not_load_print_its_errors_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = -1\n").unwrap();
    let svg = dir.path().join("out.svg");
    let slides = dir.path().join("slides");
    let runs: [&[&str]; 5] = [
        &["--snapshot", "80x24", "bad.toml"],
        &["--snapshot", "80x24", "missing.toml"],
        &["--export", svg.to_str().unwrap(), "missing.toml"],
        &["--export", svg.to_str().unwrap(), "bad.toml"],
        &["--export-all", slides.to_str().unwrap(), "bad.toml"],
    ];
    for args in runs {
        let output = coopdash(args, dir.path());
        let stderr = one_line(&String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}: no error screen printed as if it were the data");
        let file = args.last().unwrap();
        // The errors as --check lists them, with their line and column, then a summary.
        let first = if *file == "bad.toml" {
            "bad.toml:4:9: value must be a finite number >= 0\n".to_owned()
        } else {
            format!("{file}: cannot read")
        };
        assert!(stderr.starts_with(&first), "{args:?}: {stderr}");
        assert!(stderr.ends_with(&format!("coopdash: {file} did not load; 1 error\n")), "{args:?}: {stderr}");
    }
    assert!(!svg.exists() && !slides.exists(), "nothing is exported from a dataset that did not load");
}

#[test]
fn a_snapshot_whose_reader_goes_away_ends_quietly() {
    // `coopdash --snapshot 100x30 | head -1`: a write to a closed pipe is no panic.
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(["--snapshot", "300x300"])
        .current_dir(repo())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(141), "{stderr}");
}

#[test]
#[cfg(not(feature = "serve"))]
fn serve_without_the_feature_says_how_to_get_it() {
    let output = coopdash(&["serve"], repo());
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("cargo build --features serve"), "{said}");
}
