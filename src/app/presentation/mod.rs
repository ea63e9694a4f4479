//! Presentation mode: its clock (`clock.rs`: slide, blank, timer, autoplay, the animation of
//! values growing in) and the clicker's keys that drive it (`keys.rs`).

mod clock;
mod keys;

pub use clock::{ANIMATION, FRAME, Growth, PresentOptions, Presentation, TimeLeft, TimeOfDay};
