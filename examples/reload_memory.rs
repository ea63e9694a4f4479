//! Peak memory across reloads (issue 16: at most 1.2x the peak after the first load): runs the
//! real binary in a 120x40 pseudo-terminal on a dataset, saves it ten times with one value
//! changed, waits for each reload's frame, and reports VmHWM (the peak resident set) at the
//! first frame, after the first load (its article wrapped whole, which a large article is
//! between events after the first frame) and after the last reload. Run by hand:
//!
//! ```sh
//! cargo build --release && cargo run --release --example generate -- /tmp/big 10000 100000
//! cargo run --release --example reload_memory -- /tmp/big/metrics.toml [RELOADS]
//! ```
//!
//! `COOPDASH_BIN=path` measures another build of the binary. The dataset file is restored at
//! the end.

#[path = "../tests/suite/common/pty.rs"]
mod pty;

use std::path::Path;

use pty::PtyApp;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dataset = Path::new(args.first().map_or("/tmp/big/metrics.toml", String::as_str)).to_path_buf();
    let reloads: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10);
    // COOPDASH_BIN measures another build (a quicker profile in its own target folder).
    let binary = std::env::var_os("COOPDASH_BIN")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/coopdash"), Into::into);
    let binary = std::path::absolute(binary).expect("a path");
    assert!(binary.exists(), "build first: cargo build --release");
    let original = std::fs::read_to_string(&dataset).expect("a readable dataset");
    let cwd = dataset.parent().unwrap_or(Path::new("."));
    let mut app = PtyApp::spawn_program(&binary, &[dataset.to_str().expect("a UTF-8 path")], cwd, 120, 40);
    app.wait_until(|screen| screen.contains('│') || screen.contains('┐'), "the first frame");
    let at_first_frame = peak_rss_kib(app.pid());
    println!("at the first frame:   VmHWM {:.1} MB, VmRSS {:.1} MB", mb(at_first_frame), mb(rss_kib(app.pid())));
    // The first load is over when the work after its first frame is: the rest of a large article
    // is wrapped between events, and the watches are set. Memory that takes is no reload's.
    settle(app.pid());
    let first = peak_rss_kib(app.pid());
    println!("after the first load: VmHWM {:.1} MB, VmRSS {:.1} MB", mb(first), mb(rss_kib(app.pid())));
    for i in 0..reloads {
        let before = app.frames();
        // One value changed, as a save in an editor would.
        let text = original.replacen("value = ", &format!("value = {}", i % 9 + 1), 1);
        std::fs::write(&dataset, text).expect("written");
        app.wait_for_frame_after(before, "a reload");
        app.wait_for("reloaded");
    }
    let last = peak_rss_kib(app.pid());
    println!(
        "after {reloads} reloads:   VmHWM {:.1} MB, VmRSS {:.1} MB ({:.2}x the first)",
        mb(last),
        mb(rss_kib(app.pid())),
        last as f64 / first.max(1) as f64
    );
    std::fs::write(&dataset, original).expect("restored");
    app.send("q");
    app.wait_exit();
}

/// Waits until the program has used no CPU for half a second (it has no timer: once its work
/// between events is done, it sleeps until the next event), for at most 30 s.
fn settle(pid: u32) {
    let ticks = || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // utime and stime, the 14th and 15th fields, after the command's closing parenthesis.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<u64> = after.split_whitespace().filter_map(|f| f.parse().ok()).collect();
        fields.get(10).zip(fields.get(11)).map_or(0, |(user, system)| user + system)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut last = ticks();
    let mut quiet = 0;
    while quiet < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(250));
        let now = ticks();
        quiet = if now == last { quiet + 1 } else { 0 };
        last = now;
    }
}

fn mb(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// The peak resident set so far.
fn peak_rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmHWM")
}

fn rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmRSS")
}
