//! The threads that bring the loop its events from outside: the terminal's input (and the watch
//! for its hang-up, see [`super::input`]) and the termination signals. They start once the first
//! frame is out, so the first frame waits for none of them: the signal handlers are installed
//! before (a signal from then on waits in signal-hook's pipe until the thread reads it), keys
//! typed in between wait in the terminal's own queue, and a resize in between is caught by
//! the reader asking the size once it listens (see [`Listeners::start`]).

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use color_eyre::eyre::{Result, WrapErr};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{Message, Urgent, input};

/// The signal handlers, installed; the threads not yet started.
pub struct Listeners {
    signals: Signals,
}

impl Listeners {
    /// Installs the handlers of SIGTERM, SIGINT, SIGHUP and SIGQUIT: from now on such a signal
    /// is kept for the signal thread instead of ending the process with the terminal in raw mode.
    pub fn install() -> Result<Self> {
        let signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT]).wrap_err("cannot install signal handlers")?;
        Ok(Self { signals })
    }

    /// Starts the signal thread and the input threads, all sending to `sender`. `shown` is the
    /// size the first frame was drawn at: a resize before the reader listened has no event of
    /// its own, so the reader, once crossterm's event source (which turns SIGWINCH into resize
    /// events) is made, reports the size itself if it is another.
    pub fn start(self, sender: &Sender<Message>, urgent: &Urgent, shown: (u16, u16)) {
        spawn_signal_listener(self.signals, sender.clone(), urgent.clone());
        input::spawn(sender.clone(), urgent.clone(), shown);
    }
}

/// Turns termination signals into an urgent exit (ahead of any keys still queued) and a message
/// that wakes the loop, so it can restore the terminal and exit.
fn spawn_signal_listener(mut signals: Signals, sender: Sender<Message>, urgent: Urgent) {
    thread::spawn(move || {
        for signal in signals.forever() {
            // The shell's convention: 128 + the signal's number.
            urgent.raise(128u8.saturating_add(u8::try_from(signal).unwrap_or(0)));
            if sender.send(Message::Signal(signal)).is_err() {
                return;
            }
        }
    });
}

/// The tests' way into the moment between the first frame and [`Listeners::start`]: with
/// `COOPDASH_TEST_HOLD` set to a path, waits here until that path exists, so a test can resize
/// the window, type or send a signal while nothing listens yet. Unset (always, outside the
/// tests), it costs one look at the environment.
pub fn hold_for_test() {
    let Some(path) = std::env::var_os("COOPDASH_TEST_HOLD") else { return };
    let path = std::path::Path::new(&path);
    while !path.exists() {
        // Test-only, and short-lived: a poll is simpler than a watch here.
        thread::sleep(Duration::from_millis(5));
    }
}
