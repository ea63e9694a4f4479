//! Everything that turns a string from a file into something safe and readable on screen.
//!
//! Strings from the dataset and the article are untrusted: TOML strings may legally hold ESC,
//! and an article may hold anything. [`sanitize`] is the one gate every such string passes before
//! it reaches a widget, and leaves in it only graphemes that ratatui and the terminal measure
//! alike ([`cells`], with the code points terminals dispute in `disputed.rs`); [`number`] formats
//! values the same way everywhere.

pub mod cells;
mod disputed;
pub mod number;
mod sanitize;
pub mod width;

pub use sanitize::{expand_tabs, is_unsafe_char, sanitize, sanitize_line};

#[cfg(test)]
mod tests;
