//! `coopdash --linear`, driven as a screen reader's user drives it: the real binary, commands
//! piped into its standard input, its answers read line by line from its standard output.
//! Nothing waits a fixed time: each step waits for the line it expects, with a timeout.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::{TempDataset, fixture};

/// How long a line may take to come (a reload included) before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `coopdash --linear`, its input and the lines it has printed.
struct Linear {
    child: Child,
    input: Option<ChildStdin>,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Linear {
    fn start(dataset: &std::path::Path) -> Self {
        let mut child = linear(dataset, &[]);
        let output = child.stdout.take().unwrap();
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(output).lines() {
                let Ok(line) = line else { return };
                if sender.send(line).is_err() {
                    return;
                }
            }
        });
        let input = child.stdin.take();
        Self { child, input, lines, seen: Vec::new() }
    }

    fn send(&mut self, command: &str) {
        let input = self.input.as_mut().expect("the input is open");
        writeln!(input, "{command}").and_then(|()| input.flush()).expect("the command is written");
    }

    /// Waits for a line that `wanted` accepts; every line read on the way is kept.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        let until = Instant::now() + PATIENCE;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("no line {what} within {PATIENCE:?}; printed:\n{}", self.seen.join("\n")),
            }
        }
    }

    /// Closes the input (the end of a piped script) and waits for the exit status.
    fn finish(mut self) -> i32 {
        drop(self.input.take());
        let until = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited for") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < until, "coopdash did not end at the end of its input");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `coopdash --linear` on `dataset` with `extra` flags, its stdin and stdout piped, with no
/// config of the user's.
fn linear(dataset: &std::path::Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_coopdash"))
        .arg("--linear")
        .args(extra)
        .arg(dataset)
        .env("XDG_CONFIG_HOME", dataset.parent().unwrap().join("no-config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("coopdash starts")
}

/// Runs a whole script through a pipe and returns the exit status and every byte printed.
fn script(dataset: &std::path::Path, commands: &str) -> (i32, Vec<u8>) {
    let mut child = linear(dataset, &["--no-watch"]);
    child.stdin.take().unwrap().write_all(commands.as_bytes()).expect("the script is written");
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).expect("the output is read");
    let status = child.wait().expect("coopdash ends");
    (status.code().unwrap_or(-1), out)
}

#[test]
fn a_piped_session_reads_the_dashboard_and_answers_each_command() {
    let (status, out) = script(&fixture("chinese"), "help\nnext\ndetails\nnxt\nslide 2\nquit\nnext\n");
    let out = String::from_utf8(out).expect("UTF-8");
    assert_eq!(status, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    for wanted in [
        // The overview: a sentence per value, bounds in words, CJK labels and units whole.
        "共建“一带一路”合作文件: 25 countries. Source: “25个周边国家”.",
        "睦邻友好合作条约: 9 个国家. Source: “9个国家签署”.",
        "中老铁路累计货运量: over 50 Mt, 3 Dec 2021 – 31 Dec 2024. Source: “超过5000万吨”.",
        "跨境货物占比: at most 23.2%, 11.58 Mt of over 50 Mt.",
        // help
        "search WORD: the values and article paragraphs that hold WORD (s WORD, or /WORD).",
        // next, from the first value
        "共建“一带一路”合作文件: 25 countries. Source: “25个周边国家”. (2 of 7, chart 1)",
        // details
        "Details of 共建“一带一路”合作文件:",
        "Quote: “25个周边国家”",
        // an unknown word
        "Unknown command “nxt”: did you mean next? Type help for the commands.",
        "Slide 2 of 12: Countries.",
        "Goodbye.",
    ] {
        assert!(lines.contains(&wanted), "no line {wanted:?} in:\n{out}");
    }
    assert_eq!(lines.last(), Some(&"Goodbye."), "nothing is read after quit");
}

#[test]
fn the_end_of_the_input_ends_the_session_with_status_zero() {
    let (status, out) = script(&fixture("single"), "next\n");
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn no_escape_byte_goes_out_even_when_the_data_is_full_of_them() {
    let commands = "read\nnext\nnext\nnext\ndetails\nprevious\ndetails\nsearch red\n/port\narticle 10\ncharts\nslide 1\nslide 2\nslide 3\nslide 4\nslide 5\n\u{1b}[A\nhelp\n";
    let (status, out) = script(&fixture("escapes"), commands);
    assert_eq!(status, 0);
    let text = String::from_utf8(out.clone()).expect("UTF-8");
    assert!(!out.contains(&0x1b), "an ESC byte went out:\n{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "a control character went out:\n{text}");
    // The escapes are shown, as on screen, not dropped: the reader hears that they are there.
    assert!(text.contains("Ports ␛[31mred␛[0m: 12 ports."), "{text}");
    assert!(text.contains("The twelve ports ␛]0;title␇ and a cursor move ␛[10;10H here."), "{text}");
    assert!(text.contains("Unknown command “␛[A”"), "typed escapes are shown too:\n{text}");
}

#[test]
fn a_reload_during_the_session_says_what_changed() {
    let dataset = |value: u32| {
        format!(
            "title = \"Ties\"\n\n[[metric]]\nid = \"bri\"\nlabel = \"Belt and Road agreements\"\nvalue = {value}\nunit = \"countries\"\nas_of = 2025-04-10\n\n[[metric]]\nid = \"cargo\"\nlabel = \"Cargo\"\nvalue = 50\nunit = \"Mt\"\nbound = \"over\"\n"
        )
    };
    let folder = TempDataset::new(&dataset(25));
    let mut session = Linear::start(&folder.path);
    session.wait_for("of the overview", |l| l == "Belt and Road agreements: 25 countries, as of 10 Apr 2025.");
    session.wait_for("ending the overview", |l| l.starts_with("Type next"));
    session.send("next");
    session.wait_for("for next", |l| l.starts_with("Cargo: over 50 Mt."));
    // The session follows the files before it prints the overview: this save is seen.
    folder.write(&dataset(26));
    let changed = session.wait_for("saying what changed", |l| l.starts_with("Changed:"));
    assert_eq!(changed, "Changed: Belt and Road agreements from 25 to 26 countries.");
    // The place stays on the same value after the reload.
    session.send("details");
    session.wait_for("of the details", |l| l == "Details of Cargo:");
    assert_eq!(session.finish(), 0);
}
