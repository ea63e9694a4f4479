//! The soak: coopdash under random keys, resizes and reloads in a pseudo-terminal for a long
//! time (10 minutes by default), watching for leaks. Not part of `cargo test`; run it by hand:
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example soak -- [SECONDS]
//! ```
//!
//! It passes (exit 0) when the program is still alive and answering at the end, its resident
//! memory grew by less than 5 MB between the first minute and the end, its count of open file
//! descriptors did not change, and it quits cleanly.

#[path = "support/generate.rs"]
mod generate;

#[path = "../tests/suite/common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::PtyApp;

/// Keys a user might press: never one that quits or suspends.
const KEYS: &[&str] = &[
    "j", "k", "h", "l", "\t", "\x1b[Z", "\x1b[6~", "\x1b[5~", "g", "G", "\r", "\x1b", "?", "\x1b", "/ra", "\r", "n",
    "N", "\x1b", "m", "p", "\x1b[6~", "b", "b", "a", "t", "\x1b", "r", " ",
];

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(600);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = root.join("target/release/coopdash");
    assert!(binary.exists(), "build first: cargo build --release");
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("metrics.toml");
    std::fs::write(dir.path().join("article.md"), generate::article(2_000, 3)).unwrap();
    let write_dataset = |version: u64| {
        let mut text = generate::dataset(60 + (version % 7) as usize, Some("article.md"));
        if version % 5 == 4 {
            text.push_str("\nbroken = [\n"); // every fifth save is broken
        }
        std::fs::write(&dataset, text).unwrap();
    };
    write_dataset(0);
    let mut app = PtyApp::spawn_program(&binary, &[], dir.path(), 120, 40);
    app.wait_for("? help");
    let pid = app.pid();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let started = Instant::now();
    let mut baseline: Option<(u64, usize)> = None;
    let (mut keys, mut resizes, mut saves) = (0u64, 0u64, 0u64);
    while started.elapsed() < Duration::from_secs(seconds) {
        match next() % 20 {
            0 => {
                app.resize(20 + (next() % 200) as u16, 5 + (next() % 70) as u16);
                resizes += 1;
            }
            1 => {
                saves += 1;
                write_dataset(saves);
            }
            _ => {
                app.send(KEYS[(next() % KEYS.len() as u64) as usize]);
                keys += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(5 + next() % 20));
        if baseline.is_none() && started.elapsed() > Duration::from_secs(seconds.min(60) / 2) {
            baseline = Some((rss_kib(pid), open_fds(pid)));
        }
    }
    let (rss_start, fds_start) = baseline.unwrap_or((rss_kib(pid), open_fds(pid)));
    let (rss_end, fds_end) = (rss_kib(pid), open_fds(pid));
    app.resize(100, 30);
    app.send("\x1b\x1bp\x1b"); // back to the dashboard, whatever was open
    // Still answering: the dashboard comes back (a timeout here fails the soak).
    app.wait_until(|s| s.contains("? help") || s.contains("Cannot load"), "the dashboard");
    app.send("q");
    let code = app.wait_exit();
    let growth = rss_end as i64 - rss_start as i64;
    println!("soak {seconds} s: {keys} keys, {resizes} resizes, {saves} saves");
    println!(
        "RSS {} KiB → {} KiB ({growth:+} KiB); open files {fds_start} → {fds_end}; exit {code}",
        rss_start, rss_end
    );
    let ok = code == 0 && growth < 5 * 1024 && fds_start == fds_end;
    println!("{}", if ok { "PASS" } else { "FAIL" });
    std::process::exit(if ok { 0 } else { 1 });
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with("VmRSS")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map(|d| d.count()).unwrap_or(0)
}
