//! The pseudo-terminal harness: runs the real release binary in a pty and measures what a user
//! feels. Build the binary first, then run a measurement:
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example ptybench -- reload --runs 30
//! ```
//!
//! `reload`: save → new value on screen, for saves in place (truncate and write, as VS Code and
//! nano do) and by rename (as vim and `sed -i` do). Reports min, median and max in milliseconds.

#[path = "../tests/common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::PtyApp;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/coopdash");
    assert!(binary.exists(), "build the release binary first: cargo build --release");
    match args.first().map(String::as_str) {
        Some("reload") | None => reload(&binary, runs),
        Some(other) => panic!("unknown measurement `{other}`; try `reload`"),
    }
}

/// Summary statistics of a set of durations, in milliseconds.
fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = samples[samples.len() / 2];
    println!(
        "{name:<28} runs {:>3}  min {:>7.2} ms  median {:>7.2} ms  max {:>7.2} ms",
        samples.len(),
        ms(samples[0]),
        ms(median),
        ms(samples[samples.len() - 1])
    );
}

fn dataset(value: u32) -> String {
    format!("title = \"Harbour\"\n[[metric]]\nid = \"boxes\"\nlabel = \"Boxes\"\nvalue = {value}\nunit = \"ships\"\n")
}

fn reload(binary: &Path, runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("metrics.toml");
    std::fs::write(&path, dataset(100)).unwrap();
    let app = PtyApp::spawn_program(binary, &[], dir.path(), 120, 40);
    app.wait_for("100 ships");
    let mut in_place = Vec::new();
    let mut renamed = Vec::new();
    let mut value = 100;
    for run in 0..runs * 2 {
        value += 1;
        // Let the previous save's events settle, so each sample is one save.
        std::thread::sleep(Duration::from_millis(400));
        let started = Instant::now();
        if run % 2 == 0 {
            std::fs::write(&path, dataset(value)).unwrap();
        } else {
            save_by_rename(&path, &dataset(value));
        }
        app.wait_for(&format!("{value} ships"));
        let elapsed = started.elapsed();
        if run % 2 == 0 { in_place.push(elapsed) } else { renamed.push(elapsed) }
    }
    report("reload, save in place", in_place);
    report("reload, save by rename", renamed);
}

fn save_by_rename(path: &Path, text: &str) {
    let temp: PathBuf = path.with_file_name(".metrics.toml.swp-new");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}
