//! The integration tests, one binary: each file beside this one is a module, so the suite
//! links the library once instead of once per file, and its tests share the two test threads
//! instead of running file after file.

mod common;
mod one_line;

mod article_tables;
mod charts;
mod check;
mod cli;
mod config;
mod cursor;
mod deck;
mod details;
mod e2e;
mod flood;
mod follow;
mod frames;
mod generator;
mod graphemes;
mod handout;
mod hangup;
mod history;
mod hostile;
mod linear;
mod lines;
mod manual;
mod panes;
mod presenting;
mod properties;
mod readme;
mod render;
mod scripts;
mod session;
mod sizes;
mod startup;
mod tables;
mod theme_auto;
mod truncation;
mod views;
mod watch;
