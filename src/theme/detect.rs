//! `--theme auto`: light or dark as the terminal's background is. Asked once at start, before
//! the input thread exists, with terminal-colorsaurus (OSC 11, fenced by a device-attributes
//! query, so a terminal that does not answer OSC 11 costs one round trip, not the timeout).
//!
//! A reply that comes after crossterm's reader has started would be read as keys (`r`, `g`,
//! `b`, digits: a reload, the top, a blank slide, a slide number). So when the query times out,
//! the late reply is waited for a little longer and swallowed, and whatever is still queued on
//! the terminal's input is flushed before the program reads a key.

use std::time::{Duration, Instant};

use super::ThemeName;

/// How long the terminal has to answer: a local terminal answers in a millisecond or two; over
/// SSH one round trip. Beyond this the dashboard starts dark.
pub const TIMEOUT: Duration = Duration::from_millis(250);

/// How long a late reply is waited for, to be swallowed, after the timeout.
pub const GRACE: Duration = Duration::from_millis(250);

/// The theme `auto` stands for in this terminal: light on a light background, dark on a dark
/// one, dark when it does not say (a pipe, `TERM=dumb`, tmux without passthrough, a slow link).
pub fn settle(name: ThemeName) -> ThemeName {
    if name != ThemeName::Auto {
        return name;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = TIMEOUT;
    match terminal_colorsaurus::theme_mode(options) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => ThemeName::Light,
        Ok(terminal_colorsaurus::ThemeMode::Dark) => ThemeName::Dark,
        Err(terminal_colorsaurus::Error::Timeout(_)) => {
            swallow_late_reply(GRACE);
            ThemeName::Dark
        }
        Err(_) => {
            flush_input();
            ThemeName::Dark
        }
    }
}

/// After a timeout: reads the terminal's input (raw, no echo) until the device-attributes reply
/// that ends the query's answers arrives or `grace` passes, dropping it all, then flushes what
/// is left. Keys typed in that moment are lost with it: a quarter of a second at start.
#[cfg(unix)]
fn swallow_late_reply(grace: Duration) {
    use std::io::Read;
    use std::os::fd::AsRawFd;
    let Ok(mut tty) = std::fs::OpenOptions::new().read(true).open("/dev/tty") else { return };
    let fd = tty.as_raw_fd();
    // SAFETY: termios is plain data, filled by tcgetattr before use.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: a valid descriptor and a valid termios pointer.
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return;
    }
    let mut raw = saved;
    raw.c_lflag &= !(libc::ICANON | libc::ECHO);
    raw.c_cc[libc::VMIN] = 0;
    raw.c_cc[libc::VTIME] = 0;
    // SAFETY: as above.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &raw) };
    let end = Instant::now() + grace;
    let mut seen: Vec<u8> = Vec::new();
    while let Some(left) = end.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) {
        let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        let millis = i32::try_from(left.as_millis().max(1)).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut poll, 1, millis) } <= 0 {
            break;
        }
        let mut chunk = [0u8; 256];
        match tty.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&chunk[..n]),
        }
        if ends_with_device_attributes(&seen) {
            break;
        }
    }
    // SAFETY: as above; the terminal gets its modes back, and what is queued is dropped.
    unsafe {
        libc::tcflush(fd, libc::TCIFLUSH);
        libc::tcsetattr(fd, libc::TCSANOW, &saved);
    }
}

#[cfg(not(unix))]
fn swallow_late_reply(_: Duration) {}

/// Drops whatever the terminal has queued for the program (a stray half reply).
fn flush_input() {
    #[cfg(unix)]
    if let Ok(tty) = std::fs::OpenOptions::new().read(true).open("/dev/tty") {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid descriptor.
        unsafe { libc::tcflush(tty.as_raw_fd(), libc::TCIFLUSH) };
    }
}

/// Whether `bytes` hold a primary device-attributes reply (`ESC [ ? … c`), the last answer to
/// the query.
fn ends_with_device_attributes(bytes: &[u8]) -> bool {
    let Some(start) = bytes.windows(3).rposition(|w| w == b"\x1b[?") else { return false };
    let rest = &bytes[start + 3..];
    rest.iter().position(|&b| b == b'c').is_some_and(|end| rest[..end].iter().all(|b| b.is_ascii_digit() || *b == b';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fence_reply_is_recognised() {
        assert!(ends_with_device_attributes(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c"));
        assert!(ends_with_device_attributes(b"\x1b[?1;2c"));
        assert!(!ends_with_device_attributes(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"));
        assert!(!ends_with_device_attributes(b"\x1b[?62;2"));
    }

    #[test]
    fn only_auto_is_asked() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Contrast] {
            assert_eq!(settle(name), name);
        }
    }
}
