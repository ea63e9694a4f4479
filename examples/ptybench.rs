//! The pseudo-terminal harness: runs the real release binaries in a pty and measures what a user
//! feels, against a floor (`examples/floor.rs`, the least a ratatui program can do) started the
//! same way. Build first, then run:
//!
//! ```sh
//! cargo build --release --examples && cargo build --release
//! cargo run --release --example ptybench -- [all|first-frame|keys|reload|idle] [--runs N]
//! ```
//!
//! - `first-frame`: spawn → the first complete frame on screen;
//! - `keys`: key → the screen changed, for `j` (one line or bar) and PgDn (a page), and for `j`
//!   key → the first bytes of its answer read, which the harness's own parsing does not delay;
//! - `reload`: save → the new value on screen, in place and by rename;
//! - `idle`: CPU time, wake-ups (context switches) and bytes written over 10 s of nothing;
//! - peak RSS (VmHWM) after the key runs, with every `keys` report.
//!
//! Each runs on the floor, on coopdash with the bundled data, and on coopdash with 10,000
//! metrics and a 100,000-line article (generated). Times are min / median / max.
//!
//! `--peer PATH` (a presenterm 0.16.1 binary, installed by hand: `cargo install --locked
//! presenterm --version 0.16.1 --root DIR`) measures it in the same run beside coopdash's
//! presentation mode, with a ratio line for each figure (see `support/peer.rs`).
//!
//! `COOPDASH_BIN=PATH` measures that binary instead of `target/release/coopdash`: to compare two
//! builds, copy one aside and run the harness on each in turn.

#[path = "support/generate.rs"]
mod generate;

#[path = "support/peer.rs"]
mod peer;

#[path = "../tests/suite/common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::PtyApp;

const COLUMNS: u16 = 120;
const ROWS: u16 = 40;

/// A program to measure, and how to start it.
struct Subject {
    name: &'static str,
    binary: PathBuf,
    args: Vec<String>,
    cwd: PathBuf,
    /// Text that is on screen once the first frame is complete.
    ready: &'static str,
    /// Keys that focus what `j` and PgDn scroll, sent once after start.
    setup: &'static str,
    /// Environment variables set for it.
    env: Vec<(&'static str, String)>,
}

/// What a subject did over 10 s of nothing.
struct Idle {
    cpu_nanoseconds: u64,
    wake_ups: u64,
    bytes: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let peer = args.iter().position(|a| a == "--peer").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let what = args.first().filter(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "all".to_owned());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // COOPDASH_BIN: another build to measure (an A/B of two commits in turn).
    let coopdash = std::env::var_os("COOPDASH_BIN").map_or_else(|| root.join("target/release/coopdash"), PathBuf::from);
    let floor = root.join("target/release/examples/floor");
    for binary in [&coopdash, &floor] {
        assert!(binary.exists(), "build first: cargo build --release && cargo build --release --examples");
    }
    let generated = tempfile::tempdir().unwrap();
    std::fs::write(generated.path().join("article.md"), generate::article(100_000, 1)).unwrap();
    std::fs::write(generated.path().join("metrics.toml"), generate::dataset(10_000, Some("article.md"))).unwrap();
    let subjects = [
        Subject {
            name: "floor",
            binary: floor,
            args: vec![],
            cwd: root.to_path_buf(),
            ready: "floor line 38",
            setup: "",
            env: vec![],
        },
        Subject {
            name: "coopdash (bundled)",
            binary: coopdash.clone(),
            args: vec!["--no-animation".into()],
            cwd: root.to_path_buf(),
            ready: "? help",
            setup: "\x1b[Z", // Shift-Tab: the article, which j and PgDn scroll
            env: vec![],
        },
        Subject {
            name: "coopdash (10k metrics, 100k lines)",
            binary: coopdash.clone(),
            args: vec!["--no-animation".into()],
            cwd: generated.path().to_path_buf(),
            ready: "? help",
            setup: "\x1b[Z",
            env: vec![],
        },
    ];
    println!("pty {COLUMNS}x{ROWS}, {runs} runs; times in ms as min / median / max");
    for subject in &subjects {
        if matches!(what.as_str(), "all" | "first-frame") {
            first_frame(subject, runs);
        }
        if matches!(what.as_str(), "all" | "keys") {
            keys(subject, runs);
        }
        if matches!(what.as_str(), "all" | "idle") {
            idle(subject);
        }
    }
    let reloads = matches!(what.as_str(), "all" | "reload").then(|| reload(&coopdash, runs));
    if let Some(presenterm) = peer {
        peer::compare(&coopdash, &presenterm, root, &what, runs, reloads);
    }
}

fn spawn(subject: &Subject) -> PtyApp {
    let args: Vec<&str> = subject.args.iter().map(String::as_str).collect();
    let env: Vec<(&str, Option<&str>)> =
        subject.env.iter().map(|(name, value)| (*name, Some(value.as_str()))).collect();
    PtyApp::spawn_with(&subject.binary, &args, &subject.cwd, COLUMNS, ROWS, &env)
}

/// Prints min / median / max of `samples` and returns the median.
fn report(subject: &str, what: &str, mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{subject:<36} {what:<26} {:>8.2} / {:>8.2} / {:>8.2}",
        ms(samples[0]),
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() - 1])
    );
    samples[samples.len() / 2]
}

fn first_frame(subject: &Subject, runs: usize) {
    let samples = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let mut app = spawn(subject);
            app.wait_for(subject.ready);
            let elapsed = started.elapsed();
            app.send("q");
            app.wait_exit();
            elapsed
        })
        .collect();
    report(subject.name, "first frame", samples);
}

/// Alternates two keys (`forth` and `back`, each undoing the other) and measures each press to
/// the moment the screen is exactly the one that key leads to: the whole frame, not its first
/// bytes.
fn key_latencies(app: &mut PtyApp, forth: &str, back: &str, runs: usize) -> Vec<Duration> {
    timed_keys(app, forth, back, runs, false)
}

/// As [`key_latencies`], but each press timed to the first bytes of its answer read (and parsed)
/// by the harness, not to the whole frame: what is left of the key → frame time after this is
/// the rest of the frame's bytes, written and parsed through vt100.
fn first_bytes(app: &mut PtyApp, forth: &str, back: &str, runs: usize) -> Vec<Duration> {
    timed_keys(app, forth, back, runs, true)
}

/// Each press of the alternated keys timed to its first bytes (`to_first_bytes`) or to its
/// whole frame; either way the next press waits for the whole frame.
fn timed_keys(app: &mut PtyApp, forth: &str, back: &str, runs: usize, to_first_bytes: bool) -> Vec<Duration> {
    app.send(forth);
    let after_forth = app.settled();
    app.send(back);
    let after_back = app.settled();
    (0..runs)
        .map(|i| {
            let (key, expected) = if i % 2 == 0 { (forth, &after_forth) } else { (back, &after_back) };
            app.drain_output();
            let started = Instant::now();
            app.send(key);
            if to_first_bytes {
                app.wait_for_output("the key's first bytes");
            }
            let first = started.elapsed();
            app.wait_until(|screen| screen == expected.as_str(), "the key's frame");
            if to_first_bytes { first } else { started.elapsed() }
        })
        .collect()
}

fn keys(subject: &Subject, runs: usize) {
    let mut app = spawn(subject);
    app.wait_for(subject.ready);
    app.send(subject.setup);
    app.settled();
    report(subject.name, "key j → frame", key_latencies(&mut app, "j", "k", runs));
    report(subject.name, "key j → first bytes", first_bytes(&mut app, "j", "k", runs));
    report(subject.name, "key PgDn → frame", key_latencies(&mut app, "\x1b[6~", "\x1b[5~", runs));
    let rss = peak_rss_kib(app.pid());
    println!("{:<36} {:<26} {:>8.1} MB", subject.name, "peak RSS", rss as f64 / 1024.0);
    app.send("q");
    app.wait_exit();
}

fn idle(subject: &Subject) -> Idle {
    let mut app = spawn(subject);
    app.wait_for(subject.ready);
    std::thread::sleep(Duration::from_millis(500));
    app.drain_output();
    let pid = app.pid();
    let (cpu_before, switches_before) = (cpu_nanoseconds(pid), context_switches(pid));
    std::thread::sleep(Duration::from_secs(10));
    let (cpu_after, switches_after) = (cpu_nanoseconds(pid), context_switches(pid));
    let idle = Idle {
        cpu_nanoseconds: cpu_after - cpu_before,
        wake_ups: switches_after - switches_before,
        bytes: app.drain_output(),
    };
    println!(
        "{:<36} {:<26} {:>8.3} ms CPU, {} wake-ups, {} bytes",
        subject.name,
        "idle 10 s",
        idle.cpu_nanoseconds as f64 / 1e6,
        idle.wake_ups,
        idle.bytes
    );
    app.send("q");
    app.wait_exit();
    idle
}

/// Reloads of coopdash; returns the medians in place and by rename.
fn reload(binary: &Path, runs: usize) -> (Duration, Duration) {
    let dataset = |value: u32| {
        format!(
            "title = \"Harbour\"\n[[metric]]\nid = \"boxes\"\nlabel = \"Boxes\"\nvalue = {value}\nunit = \"ships\"\n"
        )
    };
    let (in_place, renamed) = reload_timings(binary, &["--no-animation"], "metrics.toml", dataset, runs);
    (report("coopdash", "reload, save in place", in_place), report("coopdash", "reload, save by rename", renamed))
}

/// Starts `binary` with `args` in a temporary folder that holds the file `name`, whose text
/// `text(100)` shows "100 ships"; then saves it `runs` times in place and `runs` times by
/// rename, each with a new number N, and times each save → "N ships" on screen.
fn reload_timings(
    binary: &Path,
    args: &[&str],
    name: &str,
    text: impl Fn(u32) -> String,
    runs: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text(100)).unwrap();
    let app = PtyApp::spawn_program(binary, args, dir.path(), COLUMNS, ROWS);
    app.wait_for("100 ships");
    let (mut in_place, mut renamed) = (Vec::new(), Vec::new());
    for run in 0..runs * 2 {
        let value = 101 + run as u32;
        // Let the previous save's events settle, so each sample is one save.
        std::thread::sleep(Duration::from_millis(400));
        let started = Instant::now();
        if run % 2 == 0 {
            std::fs::write(&path, text(value)).unwrap();
        } else {
            let temp = path.with_file_name(format!(".{name}.new"));
            std::fs::write(&temp, text(value)).unwrap();
            std::fs::rename(&temp, &path).unwrap();
        }
        app.wait_for(&format!("{value} ships"));
        if run % 2 == 0 { in_place.push(started.elapsed()) } else { renamed.push(started.elapsed()) }
    }
    (in_place, renamed)
}

/// CPU time of every thread, in nanoseconds (the scheduler's own count, far finer than the
/// clock ticks of /proc/PID/stat).
fn cpu_nanoseconds(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .filter_map(|task| {
            let schedstat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
            schedstat.split_whitespace().next()?.parse::<u64>().ok()
        })
        .sum()
}

/// Context switches of every thread: each one is a wake-up.
fn context_switches(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .flatten()
        .map(|task| {
            let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
            status
                .lines()
                .filter(|l| l.starts_with("voluntary_ctxt_switches") || l.starts_with("nonvoluntary_ctxt_switches"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum::<u64>()
        })
        .sum()
}

/// Peak resident memory (VmHWM), in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with("VmHWM")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}
