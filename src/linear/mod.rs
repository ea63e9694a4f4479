//! `coopdash --linear`: the dashboard as plain sentences, read line by line, for screen readers
//! and for terminals that cannot draw a full screen. `sentences.rs` words the data (pure),
//! `commands.rs` parses a line of input, `session.rs` is the loop that reads commands, answers
//! them and tells of reloads.

pub mod commands;
pub mod sentences;
mod session;

pub use session::run;
