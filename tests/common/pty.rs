//! Runs the real binary in a real pseudo-terminal and reads its screen through a VT100 parser.
//! Shared by the end-to-end tests and the pty benchmark harness (`examples/ptybench.rs`).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Generous: CI machines are slow and shared, and a wait ends as soon as the screen is right.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct PtyApp {
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// One message per chunk of output the program wrote, with the bytes' count.
    output: Receiver<usize>,
    /// Every byte the program wrote, to check what reached the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    // Kept open for the child's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl PtyApp {
    /// Starts `program` with `args` in `cwd` in a terminal of `cols`×`rows`.
    pub fn spawn_program(program: &Path, args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(command).expect("coopdash starts");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let sink = Arc::clone(&parser);
        let raw: Arc<Mutex<Vec<u8>>> = Arc::default();
        let log = Arc::clone(&raw);
        let (notify, output) = mpsc::channel();
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pty.master.take_writer().expect("a writer")));
        let answer = Arc::clone(&writer);
        thread::spawn(move || {
            let mut chunk = [0u8; 65536];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                let bytes = &chunk[..n];
                let mut parser = sink.lock().unwrap();
                parser.process(bytes);
                // Answer cursor-position queries as a terminal would, so a program that asks
                // is not left waiting.
                if bytes.windows(4).any(|w| w == b"\x1b[6n") {
                    let (row, column) = parser.screen().cursor_position();
                    let _ = write!(answer.lock().unwrap(), "\x1b[{};{}R", row + 1, column + 1);
                }
                drop(parser);
                log.lock().unwrap().extend_from_slice(bytes);
                let _ = notify.send(n);
            }
        });
        Self { child, writer, parser, output, raw, _master: pty.master }
    }

    /// Everything the program has written so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Bytes the program has written since the last call (without waiting).
    pub fn drain_output(&self) -> usize {
        self.output.try_iter().sum()
    }

    /// Types bytes as a keyboard would.
    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(|screen| screen.contains(text), &format!("`{text}` on screen"))
    }

    /// Waits until `condition` holds for the screen, checking after every chunk of output.
    pub fn wait_until(&self, condition: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if condition(&screen) {
                return screen;
            }
            let left = TIMEOUT.checked_sub(start.elapsed());
            assert!(left.is_some(), "timed out waiting for {what}; the screen:\n{screen}");
            let _ = self.output.recv_timeout(left.unwrap_or_default().min(Duration::from_millis(100)));
        }
    }

    /// The row and column where `text` starts on screen, if it is there.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (_, columns) = screen.size();
        screen.rows(0, columns).enumerate().find_map(|(row, line)| {
            let at = line.find(text)?;
            Some((row as u16, line[..at].chars().count() as u16))
        })
    }

    /// Whether the cell at `row`, `column` has a background colour of its own.
    pub fn has_background(&self, row: u16, column: u16) -> bool {
        let parser = self.parser.lock().unwrap();
        parser.screen().cell(row, column).is_some_and(|cell| cell.bgcolor() != vt100::Color::Default)
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "coopdash did not exit; the screen:\n{}", self.screen());
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal gets back to normal (main screen, cursor visible) once the output
    /// in flight has been read; false if it is still not after the timeout.
    pub fn terminal_restored(&self) -> bool {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            {
                let parser = self.parser.lock().unwrap();
                let screen = parser.screen();
                if !screen.alternate_screen() && !screen.hide_cursor() {
                    return true;
                }
            }
            thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// The process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
