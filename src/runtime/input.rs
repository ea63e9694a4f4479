//! The input thread, and a watch for the terminal going away.
//!
//! crossterm's reader loops forever when its terminal hangs up (a read that returns end-of-file
//! is retried, not reported), burning a core and never returning. So a second thread waits in
//! the kernel for the hang-up itself: `poll` on standard input asking for no event at all still
//! reports a hang-up or an error, and takes no input away from crossterm. When it comes, the
//! loop is told (ahead of any keys still queued), the terminal is let go (see [`super::gone`]:
//! the stuck reader then sleeps), and the program exits.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event;

use super::{Message, TERMINAL_GONE, Urgent, gone};

/// Starts the reader (blocking in crossterm's `read`) and the hang-up watch. `shown` is the
/// size the screen was drawn at before the reader existed: once crossterm's event source is
/// made (from then on every SIGWINCH becomes an event), the reader reports a resize if the
/// terminal's size is another by now.
pub fn spawn(sender: Sender<Message>, urgent: Urgent, shown: (u16, u16)) {
    let reader = sender.clone();
    let reader_urgent = urgent.clone();
    thread::spawn(move || {
        // A zero wait makes the event source and reads nothing.
        if event::poll(Duration::ZERO).is_ok()
            && let Ok(now) = ratatui::crossterm::terminal::size()
            && now != shown
            && reader.send(Message::Terminal(event::Event::Resize(now.0, now.1))).is_err()
        {
            return;
        }
        loop {
            let message = match event::read() {
                Ok(event) => Message::Terminal(event),
                Err(_) => {
                    reader_urgent.raise(TERMINAL_GONE);
                    Message::InputGone
                }
            };
            let gone = matches!(message, Message::InputGone);
            if reader.send(message).is_err() || gone {
                return;
            }
        }
    });
    #[cfg(unix)]
    thread::spawn(move || {
        if wait_for_hang_up() {
            // In this order: once the loop sees the flag it may exit at once, and every write
            // after that must already go to /dev/null.
            gone::let_go();
            urgent.raise(TERMINAL_GONE);
            let _ = sender.send(Message::InputGone);
        }
    });
}

/// Blocks until standard input (the terminal: coopdash refuses to start otherwise) hangs up or
/// fails, and returns true; sleeps in the kernel meanwhile (no wake-ups). Returns false at once
/// where the watch cannot work: macOS's poll(2) does not support terminals ("does not support
/// devices", says its manual) and answers POLLNVAL for them. There a hang-up is left to the
/// SIGHUP the kernel sends, which the signal thread turns into an exit.
#[cfg(unix)]
fn wait_for_hang_up() -> bool {
    loop {
        // No event asked for: only a hang-up, an error or a bad descriptor wake us.
        let mut poll = libc::pollfd { fd: libc::STDIN_FILENO, events: 0, revents: 0 };
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, -1) };
        if ready < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            // poll itself failed (no memory, say): that says nothing of the terminal, so the
            // watch stands down rather than take a live terminal for gone.
            return false;
        }
        if ready != 0 {
            return !poll_unsupported(poll.revents);
        }
    }
}

/// Whether poll's answer means "cannot watch this descriptor" rather than "it went away": only
/// on macOS, where a terminal always gets POLLNVAL. Elsewhere POLLNVAL means standard input was
/// closed, which is as gone as a terminal gets.
#[cfg(unix)]
fn poll_unsupported(revents: libc::c_short) -> bool {
    cfg!(target_os = "macos") && revents & libc::POLLNVAL != 0
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_macos_takes_pollnval_for_an_unwatchable_terminal() {
        assert_eq!(poll_unsupported(libc::POLLNVAL), cfg!(target_os = "macos"));
        assert!(!poll_unsupported(libc::POLLHUP));
        assert!(!poll_unsupported(libc::POLLERR));
    }
}
