//! coopdash: a terminal dashboard of regional cooperation metrics.
//!
//! Data flows one way: files → [`load`] (dataset + article, validated) → [`app`] (a shared
//! [`app::Content`] and one [`app::View`] per viewer, the only owners of state, changed only by
//! their `update`) → [`ui`] (`impl Widget for Viewer`) → a frame. The [`runtime`] owns the
//! terminal and feeds events in; the app never sees the terminal.

pub mod action;
pub mod app;
pub mod article;
pub mod check;
pub mod cli;
pub mod config;
pub mod dataset;
pub mod deck;
pub mod details;
pub mod export;
pub mod format;
pub mod geometry;
pub mod handout;
pub mod help;
pub mod layout;
pub mod line_series;
pub mod linear;
pub mod load;
pub mod manual;
pub mod offscreen;
pub mod provenance;
pub mod runtime;
pub mod series;
#[cfg(feature = "serve")]
pub mod serve;
pub mod table;
pub mod text;
pub mod theme;
pub mod ui;
