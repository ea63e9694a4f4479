//! Hostile data: every file a user (or an attacker) can hand coopdash gets a clear error with its
//! line and column, or a sensible screen; never a panic, an abort, a stack overflow or a hang.
//! Each case runs the real binary twice: `--check`, and a snapshot of the screen it would show.

use crate::one_line;
use one_line::one_line;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it counts as hung: far beyond any machine's time for these
/// inputs, so a busy machine never fails a test; how fast they are is the benchmarks' business.
const HUNG: Duration = Duration::from_secs(120);

/// Runs coopdash to its end; panics if it hangs (no exit within [`HUNG`]), after killing it.
fn coopdash(args: &[&str], cwd: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("the pipe is read");
            bytes
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().expect("piped")));
    let stderr = read_all(Box::new(child.stderr.take().expect("piped")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waited for") {
            break status;
        }
        if started.elapsed() > HUNG {
            let _ = child.kill();
            panic!("coopdash {args:?} hung: no exit in {HUNG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output { status, stdout: stdout.join().expect("read"), stderr: stderr.join().expect("read") }
}

fn metrics(count: usize) -> Vec<u8> {
    let mut out = String::from("title = \"Many\"\n");
    for i in 0..count {
        out += &format!("[[metric]]\nid = \"m{i}\"\nvalue = {i}\n");
    }
    out.into_bytes()
}

fn minimal(extra: &str) -> Vec<u8> {
    format!("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = 1\n{extra}").into_bytes()
}

/// A file, and the start of what `--check` must say about it (`ok` for a valid file).
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let value = |v: &str| format!("title = \"T\"\n[[metric]]\nid = \"a\"\nvalue = {v}\n").into_bytes();
    vec![
        ("empty", b"".to_vec(), "m.toml:1:1: missing key `title`"),
        ("comments only", b"# nothing\n# here\n".to_vec(), "m.toml:1:1: missing key `title`"),
        ("a BOM", [b"\xEF\xBB\xBF".to_vec(), minimal("")].concat(), "ok"),
        (
            "CRLF",
            minimal("").iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect(),
            "ok",
        ),
        ("lone CR", minimal("").iter().map(|&b| if b == b'\n' { b'\r' } else { b }).collect(), "ok"),
        ("a duplicate key", b"title = \"T\"\ntitle = \"U\"\n".to_vec(), "m.toml:2:1: duplicate key"),
        ("a duplicate table", minimal("[source]\nname = \"a\"\n[source]\nname = \"b\"\n"), "m.toml:7:2: duplicate key"),
        (
            "a wrong type",
            b"title = 5\n".to_vec(),
            "m.toml:1:1: the dataset needs at least one [[metric]]\nm.toml:1:9: invalid type",
        ),
        ("a negative number", value("-5"), "m.toml:4:9: value must be a finite number >= 0"),
        ("NaN", value("nan"), "m.toml:4:9: value must be a finite number >= 0"),
        ("+inf", value("+inf"), "m.toml:4:9: value must be a finite number >= 0"),
        ("-inf", value("-inf"), "m.toml:4:9: value must be a finite number >= 0"),
        ("1e400", value("1e400"), "m.toml:4:9: floating-point number overflowed"),
        ("beyond u64", value("18446744073709551616"), "m.toml:4:9: value is too large to show exactly"),
        // Values f64 cannot hold as written would be shown as other numbers: refused instead.
        ("u64::MAX", value("18446744073709551615"), "m.toml:4:9: value is too large to show exactly"),
        ("2^53 + 1", value("9007199254740993"), "m.toml:4:9: value is too large to show exactly"),
        ("2^53", value("9007199254740992"), "ok"),
        ("1e300 Gt", value("1e300\nunit = \"Gt\""), "m.toml:4:9: value is too large to show exactly"),
        ("1e16 t", value("1e16\nunit = \"t\""), "m.toml:4:9: value is too large to show exactly"),
        (
            "19 significant digits",
            value("0.1234567890123456789"),
            "m.toml:4:9: value has more digits than a 64-bit float holds (about 15): it would be shown as 0.12345678901234568",
        ),
        ("1e-300", value("1e-300"), "m.toml:4:9: value has 300 decimal places"),
        ("a 60-digit integer", value(&"9".repeat(60)), "m.toml:4:9: integer number overflowed"),
        ("100,000 nested arrays", [b"title = \"T\"\nx = ".to_vec(), vec![b'['; 100_000]].concat(), "m.toml:2:"),
        (
            "100,000 nested inline tables",
            [b"title = \"T\"\nx = ".to_vec(), b"{a=".repeat(100_000)].concat(),
            "m.toml:2:",
        ),
        ("100,000 equals signs", [b"title = \"T\"\n".to_vec(), vec![b'='; 100_000]].concat(), "m.toml:2:2:"),
        ("100,000 dashes", [b"title = \"T\"\n".to_vec(), vec![b'-'; 100_000]].concat(), "m.toml:2:100001:"),
        ("a 10 MB label", minimal(&format!("label = \"{}\"\n", "x".repeat(10_000_000))), "ok"),
        ("a NUL", b"title = \"T\x00\"\n".to_vec(), "m.toml:1:11:"),
        ("invalid UTF-8", b"title = \"T\xff\xfe\"\n".to_vec(), "m.toml:1:11: not valid UTF-8 text"),
        ("20,000 metrics", metrics(20_000), "ok"),
        ("70,000 metrics", metrics(70_000), "ok"),
    ]
}

/// The cases whose names `pick` accepts, each checked in its own folder.
fn check(pick: impl Fn(&str) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let chosen: Vec<_> = cases().into_iter().filter(|(name, _, _)| pick(name)).collect();
    assert!(!chosen.is_empty(), "no case picked");
    for (name, bytes, expected) in chosen {
        std::fs::write(&path, &bytes).unwrap();
        let check = coopdash(&["--check", "m.toml"], dir.path());
        let out = one_line(&String::from_utf8_lossy(&check.stdout));
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert!(check.status.code().is_some(), "{name}: killed by a signal\n{stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        if expected == "ok" {
            assert_eq!(check.status.code(), Some(0), "{name}: {out}");
        } else {
            assert_eq!(check.status.code(), Some(1), "{name}: {out}");
            assert!(out.starts_with(expected), "{name}: expected `{expected}…`, got:\n{out}");
        }
        // The screen it would show; a dataset that does not load has none: `--snapshot` then
        // prints the same errors on stderr and exits 1 (the interactive error screen is in
        // tests/suite/render.rs).
        let snapshot = coopdash(&["--snapshot", "80x24", "m.toml"], dir.path());
        let errors = one_line(&String::from_utf8_lossy(&snapshot.stderr));
        let screen = String::from_utf8_lossy(&snapshot.stdout);
        if expected == "ok" {
            assert_eq!(snapshot.status.code(), Some(0), "{name}: {errors}");
            assert_eq!(screen.lines().count(), 24, "{name}");
            assert!(screen.contains("? help"), "{name}:\n{screen}");
        } else {
            assert_eq!(snapshot.status.code(), Some(1), "{name}: {errors}");
            assert!(screen.is_empty() && errors.starts_with(expected), "{name}: {errors}");
        }
    }
}

// The large cases take a debug build a second or more each: they have tests of their own, so
// they run side by side with the rest.
const LARGE: [&str; 6] = [
    "100,000 nested arrays",
    "100,000 nested inline tables",
    "a 10 MB label",
    "20,000 metrics",
    "70,000 metrics",
    "100,000 dashes",
];

#[test]
fn hostile_files_get_a_clear_answer_and_a_sensible_screen() {
    check(|name| !LARGE.contains(&name));
}

#[test]
fn deep_nesting_gets_a_clear_answer() {
    check(|name| name.starts_with("100,000 nested"));
}

#[test]
fn a_ten_megabyte_label_and_a_long_line_get_a_sensible_screen() {
    check(|name| name == "a 10 MB label" || name == "100,000 dashes");
}

#[test]
fn twenty_thousand_metrics_get_a_sensible_screen() {
    check(|name| name == "20,000 metrics");
}

#[test]
fn seventy_thousand_metrics_get_a_sensible_screen() {
    check(|name| name == "70,000 metrics");
}

#[test]
fn every_case_is_checked_by_one_test() {
    let names: Vec<&str> = cases().iter().map(|(name, _, _)| *name).collect();
    for large in LARGE {
        assert!(names.contains(&large), "`{large}` is not a case");
    }
}

#[test]
fn a_directory_a_fifo_or_a_device_in_place_of_the_dataset_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder.toml")).unwrap();
    let out = coopdash(&["--check", "folder.toml"], dir.path());
    assert!(one_line(&String::from_utf8_lossy(&out.stdout)).starts_with("folder.toml: is a directory, not a file"));
    let status = Command::new("mkfifo").arg(dir.path().join("fifo.toml")).status().unwrap();
    assert!(status.success());
    // Opening a FIFO for reading blocks until a writer comes: coopdash must not open it (a run
    // that blocked would hang, and `coopdash` here fails it).
    let out = coopdash(&["--check", "fifo.toml"], dir.path());
    assert!(one_line(&String::from_utf8_lossy(&out.stdout)).starts_with("fifo.toml: is not a regular file"));
    let out = coopdash(&["--check", "/dev/zero"], dir.path());
    assert!(one_line(&String::from_utf8_lossy(&out.stdout)).starts_with("/dev/zero: is not a regular file"));
}
