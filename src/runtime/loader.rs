//! The thread that reads the files, for whoever owns a content (the terminal's driver, the SSH
//! server's hub): it takes the newest of the loads waiting (a burst of saves costs one read),
//! performs it and hands the outcome over.

use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::load::{LoadAsk, LoadOutcome};

/// Starts the loader. `deliver` gets each outcome, or `None` if a load panicked, and says
/// whether to go on; the thread ends when it says no or when the returned sender is dropped.
pub fn spawn_loader(deliver: impl Fn(Option<Box<LoadOutcome>>) -> bool + Send + 'static) -> Sender<LoadAsk> {
    let (asks, waiting) = mpsc::channel::<LoadAsk>();
    thread::spawn(move || {
        while let Ok(mut ask) = waiting.recv() {
            while let Ok(mut newer) = waiting.try_recv() {
                newer.merge_earlier(&ask);
                ask = newer;
            }
            let outcome = std::panic::catch_unwind(|| ask.perform()).ok().map(Box::new);
            give_back_freed_memory();
            if !deliver(outcome) {
                return;
            }
        }
    });
    asks
}

/// Returns to the system the memory a load freed: glibc keeps a thread's freed allocations in
/// its arena, so without this every large reload left its parse's scratch memory resident.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointer.
    unsafe {
        libc::malloc_trim(0);
    }
}
