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
    // Kept open for the child's lifetime (until `hang_up`).
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    /// Tells the reader thread to let go of its handle on the pty.
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<thread::JoinHandle<()>>,
    /// The program's `XDG_RUNTIME_DIR`, removed with it.
    _runtime: tempfile::TempDir,
}

impl PtyApp {
    /// Starts `program` with `args` in `cwd` in a terminal of `cols`×`rows`.
    pub fn spawn_program(program: &Path, args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Self {
        Self::spawn_with(program, args, cwd, cols, rows, &[])
    }

    /// Like [`PtyApp::spawn_program`], with environment changes: `(name, Some(value))` sets,
    /// `(name, None)` removes.
    pub fn spawn_with(
        program: &Path,
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, Option<&str>)],
    ) -> Self {
        Self::spawn_answering(program, args, cwd, cols, rows, env, true)
    }

    /// An interactive bash (job control on, no rc files) in `cwd` at 100x30, at its `shell$ `
    /// prompt: for what a user's shell does around coopdash (Ctrl-Z, `fg`, a closed terminal).
    pub fn interactive_shell(cwd: &Path) -> Self {
        let shell = Self::spawn_with(
            Path::new("bash"),
            &["--norc", "--noprofile", "-i"],
            cwd,
            100,
            30,
            &[("PS1", Some("shell$ "))],
        );
        shell.wait_for("shell$");
        shell
    }

    /// Like [`PtyApp::spawn_with`]; `device_attributes` says whether the terminal answers a
    /// device-attributes query (`CSI c`) as every terminal does, which ends `--theme auto`'s
    /// background query at once (no colour answer: dark). Off, the test answers for the
    /// terminal.
    pub fn spawn_answering(
        program: &Path,
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, Option<&str>)],
        device_attributes: bool,
    ) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        // Each program in a runtime folder of its own, unless the test gives one: presenters
        // of the same fixture in tests running side by side must not meet (`--follow`).
        let runtime = tempfile::tempdir().expect("a runtime folder");
        command.env("XDG_RUNTIME_DIR", runtime.path());
        for (name, value) in env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            }
        }
        let child = pty.slave.spawn_command(command).expect("coopdash starts");
        drop(pty.slave);
        // The parser needs a screen of at least one cell, whatever size the pty starts at.
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows.max(1), cols.max(1), 0)));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let sink = Arc::clone(&parser);
        let raw: Arc<Mutex<Vec<u8>>> = Arc::default();
        let log = Arc::clone(&raw);
        let (notify, output) = mpsc::channel();
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pty.master.take_writer().expect("a writer")));
        let answer = Arc::clone(&writer);
        let stop: Arc<std::sync::atomic::AtomicBool> = Arc::default();
        let stopping = Arc::clone(&stop);
        let fd = pty.master.as_raw_fd().expect("a pty file descriptor");
        let handle = thread::spawn(move || {
            let mut chunk = [0u8; 65536];
            loop {
                // Wait for output a little at a time, so `hang_up` can stop this thread.
                let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
                // SAFETY: one valid pollfd; the fd stays open until this thread is joined.
                let ready = unsafe { libc::poll(&mut poll, 1, 20) };
                if stopping.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                if ready <= 0 {
                    continue;
                }
                let Ok(n) = reader.read(&mut chunk) else { break };
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
                if device_attributes && bytes.windows(3).any(|w| w == b"\x1b[c") {
                    let _ = write!(answer.lock().unwrap(), "\x1b[?62;22c");
                }
                drop(parser);
                log.lock().unwrap().extend_from_slice(bytes);
                let _ = notify.send(n);
            }
        });
        Self {
            child,
            writer,
            parser,
            output,
            raw,
            master: Some(pty.master),
            stop,
            reader: Some(handle),
            _runtime: runtime,
        }
    }

    /// The terminal changes size, as when a window is resized: as a terminal emulator does it,
    /// the screen first, then the pty (whose size change sends the program its SIGWINCH). The
    /// screen's lock is held across both, so whatever the program draws for the new size is
    /// read onto the new screen. (The other way round, a frame for the new size could be read
    /// onto the old screen and cut there, rows lost or piled on its last row; the program,
    /// which draws only what changed from then on, would never send them again.)
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut parser = self.parser.lock().unwrap();
        parser.screen_mut().set_size(rows.max(1), cols.max(1));
        if let Some(master) = &self.master {
            master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        }
    }

    /// Whether the pty is back in cooked mode (canonical input, echo), as a shell needs it.
    pub fn cooked(&self) -> bool {
        let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) else { return false };
        // SAFETY: termios is plain data; tcgetattr fills it for a valid fd.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut termios) } != 0 {
            return false;
        }
        termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    /// The terminal goes away (a closed window, a killed tmux pane): every handle on the pty
    /// is closed. Returns the time until the program exits, if it does within `limit`.
    pub fn hang_up(&mut self, limit: Duration) -> Option<Duration> {
        self.hang_up_status(limit).map(|(took, _)| took)
    }

    /// Like [`PtyApp::hang_up`], with how the program ended (its exit code, or the signal that
    /// killed it).
    pub fn hang_up_status(&mut self, limit: Duration) -> Option<(Duration, portable_pty::ExitStatus)> {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        // portable-pty's writer types a newline and the end-of-file character as it closes: a
        // closing window types nothing, so that character is unset first.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: termios is plain data; tcgetattr fills it for a valid fd.
            let mut termios: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::tcgetattr(fd, &mut termios) } == 0 {
                termios.c_cc[libc::VEOF] = 0;
                // SAFETY: a termios that tcgetattr filled, on the same fd.
                unsafe { libc::tcsetattr(fd, libc::TCSANOW, &termios) };
            }
        }
        *self.writer.lock().unwrap() = Box::new(std::io::sink());
        let started = Instant::now();
        self.master = None;
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some((started.elapsed(), status));
            }
            thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Whether the mouse reporting and bracketed paste modes are off.
    pub fn input_modes_off(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None && !screen.bracketed_paste()
    }

    /// The screen once the program has written nothing for 150 ms (a whole frame, not its
    /// first bytes).
    pub fn settled(&self) -> String {
        self.drain_output();
        let started = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(150));
            if self.drain_output() == 0 || started.elapsed() > TIMEOUT {
                return self.screen();
            }
        }
    }

    /// How many frames the program has finished drawing: each ends a synchronized update
    /// (`CSI ? 2026 l`), so a test can wait for a whole frame instead of for quiet.
    pub fn frames(&self) -> usize {
        const END: &[u8] = b"\x1b[?2026l";
        self.raw.lock().unwrap().windows(END.len()).filter(|window| *window == END).count()
    }

    /// Waits until the program has finished drawing more than `before` frames.
    pub fn wait_for_frame_after(&self, before: usize, what: &str) {
        let started = Instant::now();
        while self.frames() <= before {
            assert!(started.elapsed() < TIMEOUT, "no frame after {what}; the screen:\n{}", self.screen());
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Everything the program has written so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Bytes the program has written since the last call (without waiting).
    pub fn drain_output(&self) -> usize {
        self.output.try_iter().sum()
    }

    /// The keyboard, for a thread that types while the test does something else (a write to a
    /// pty blocks once its buffer is full). After [`PtyApp::hang_up`] it swallows everything.
    pub fn keyboard(&self) -> Arc<Mutex<Box<dyn Write + Send>>> {
        Arc::clone(&self.writer)
    }

    /// Types bytes as a keyboard would.
    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// The screen now with its colours and styles (escape sequences that redraw it), to tell
    /// two themes apart.
    pub fn formatted(&self) -> Vec<u8> {
        self.parser.lock().unwrap().screen().contents_formatted()
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

    /// Waits until the program has written something not yet counted by a wait or by
    /// [`PtyApp::drain_output`] (a frame after a resize, say); panics after the timeout. Call
    /// `drain_output` before the action whose answer this waits for, so an answer that comes
    /// fast is not lost.
    pub fn wait_for_output(&self, what: &str) {
        if self.output.recv_timeout(TIMEOUT).is_err() {
            panic!("timed out waiting for {what}; the screen:\n{}", self.screen());
        }
    }

    /// Waits until everything the program wrote contains `text` (a report printed after the
    /// screen was restored, say); panics with what it wrote if it never does.
    pub fn wait_for_raw(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let raw = String::from_utf8_lossy(&self.raw_output()).into_owned();
            if raw.contains(text) {
                return raw;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for `{text}` in the output:\n{raw}");
            let _ = self.output.recv_timeout(Duration::from_millis(100));
        }
    }

    /// Waits until the program has put its terminal in raw mode (it has started and reads
    /// keys); panics after the timeout.
    pub fn wait_for_raw_mode(&self) {
        let start = Instant::now();
        while self.cooked() {
            assert!(start.elapsed() < TIMEOUT, "the terminal never left cooked mode");
            thread::sleep(Duration::from_millis(10));
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
