//! The terminal going away, and what is done about it.
//!
//! Once the terminal is gone, every write to it fails (EIO). Rust's `eprintln!` panics when its
//! write fails, ratatui's terminal prints with it when it cannot show the cursor on drop, and a
//! panic hook that prints while the first panic prints aborts the process: a hang-up used to end
//! in SIGABRT and a core dump. So the moment the terminal is known gone, [`let_go`] points
//! standard output and standard error at `/dev/null`, where every later write (ratatui's drop,
//! the panic hooks, color-eyre's report, our own messages) succeeds and goes nowhere, and points
//! standard input at a pipe that never has data, where crossterm's reader sleeps instead of
//! spinning on a dead terminal (which polls readable and reads end-of-file, for ever).

use std::sync::atomic::{AtomicBool, Ordering};

static GONE: AtomicBool = AtomicBool::new(false);

/// Whether [`let_go`] has run.
pub fn is_gone() -> bool {
    GONE.load(Ordering::SeqCst)
}

/// Whether the terminal on standard input or output has hung up, asked without waiting and
/// without taking any input away from the reader. Always false where poll(2) cannot tell
/// (macOS answers POLLNVAL for every terminal); there a failed write is the sign.
#[cfg(unix)]
pub fn hung_up() -> bool {
    !cfg!(target_os = "macos") && [libc::STDIN_FILENO, libc::STDOUT_FILENO].into_iter().any(|fd| gone_bits(fd, 0))
}

#[cfg(not(unix))]
pub fn hung_up() -> bool {
    false
}

/// Whether `fd` reports a hang-up or an error (or, where `invalid_too` is set, is not a valid
/// descriptor or, on macOS, is a terminal poll cannot watch): no event is asked for, so a
/// descriptor that is merely readable or writable does not count.
#[cfg(unix)]
fn gone_bits(fd: libc::c_int, invalid_too: libc::c_short) -> bool {
    let mut poll = libc::pollfd { fd, events: 0, revents: 0 };
    // SAFETY: one valid pollfd for the duration of the call; a zero timeout never blocks.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | invalid_too) != 0
}

/// The terminal is gone: from now on writes to standard output (and to standard error, unless
/// it is a file or pipe of its own that still works) succeed and go nowhere, and standard input
/// never has anything to read. Runs once; later calls do nothing. Never fails: if `/dev/null`
/// or a pipe cannot be had, the descriptors are left as they are.
pub fn let_go() {
    if GONE.swap(true, Ordering::SeqCst) {
        return;
    }
    #[cfg(unix)]
    // SAFETY: plain descriptor calls on descriptors this process owns; dup2 replaces a
    // descriptor atomically, so a write racing it goes either to the dead terminal (and fails,
    // as it would have) or to /dev/null.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        if null >= 0 {
            libc::dup2(null, libc::STDOUT_FILENO);
            // Standard error redirected to a log stays there; the dead terminal does not.
            if gone_bits(libc::STDERR_FILENO, libc::POLLNVAL) {
                libc::dup2(null, libc::STDERR_FILENO);
            }
            libc::close(null);
        }
        let mut pipe = [0; 2];
        if libc::pipe(pipe.as_mut_ptr()) == 0 {
            libc::dup2(pipe[0], libc::STDIN_FILENO);
            libc::close(pipe[0]);
            // The write end stays open (and unused) until the process exits, so the read end
            // never reports end-of-file.
        }
    }
}
