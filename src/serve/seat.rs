//! One viewer in the hub: its [`View`] over the shared content, its [`Screen`], whether it
//! follows the presenter, and the bounded queue of frames to its SSH channel.
//!
//! A viewer's keys move only its own view. A few keys are the server's, not the dashboard's:
//! `f` stops or resumes following the presenter, `c` switches light and dark; `r` (reload)
//! and Ctrl-Z (suspend) do nothing here (the files and the process are not the viewer's).
//! While it follows a presentation, the viewer's other keys wait: the presenter moves it.
//! [`AUDIENCE`] says all that to the viewer's help.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use super::screen::Screen;
use crate::action::{Action, Context, Key, action_for};
use crate::app::{Content, Effects, End, Event, Follow, Level, Mode, Notice, View, Viewer};
use crate::help::{Audience, OwnKey};
use crate::runtime::follow::protocol::Told;
use crate::theme::{Theme, ThemeName};

/// The viewer's own keys, read here before its view sees them (but typed into a search).
const FOLLOW: char = 'f';
const THEME: char = 'c';

/// A viewer's view as its help and hints show it: the server's own keys first; no reload and
/// no suspend (ignored here); no mouse (a viewer's bytes are read for keys only).
pub const AUDIENCE: Audience = Audience {
    own: Some((
        "Over SSH",
        &[
            OwnKey { keys: &[Key::Char(FOLLOW)], help: "stop following the presenter to browse, or follow again" },
            OwnKey { keys: &[Key::Char(THEME)], help: "light or dark theme" },
        ],
    )),
    without: &[Action::Reload, Action::Suspend],
    mouse: false,
    notes: &[
        "While you follow a presentation, the presenter moves your slides: f lets you browse on your own, f again takes you back to the presenter's slide. q leaves; the others watch on.",
    ],
};

/// How the hub ends a viewer's connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    /// Its terminal given back as it was (`q`, the server stopping).
    Goodbye,
    /// At once, nothing more written: it stopped reading (the stall timeout).
    Cut,
}

/// Where a viewer's frames go: its SSH channel's writer task.
pub struct Outlet {
    pub frames: mpsc::Sender<Vec<u8>>,
    /// Ends the writer task (and the connection) without waiting behind queued frames.
    pub close: oneshot::Sender<Close>,
    /// Set when a frame was dropped; the writer task tells the hub when it has caught up.
    pub behind: Arc<AtomicBool>,
}

/// What a viewer's key did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Draw again (or not).
    Stay { redraw: bool },
    /// The viewer pressed `q`: its connection ends.
    Leave,
}

pub struct Seat {
    pub view: View,
    screen: Screen,
    /// Follows the presenter's slides (the default); `f` toggles it.
    pub following: bool,
    theme: ThemeName,
    no_color: bool,
    outlet: Option<Outlet>,
    /// Since when frames are being dropped for this viewer (it stopped reading).
    pub behind_since: Option<Instant>,
    /// The screen changed and is not drawn yet.
    pub dirty: bool,
}

impl Seat {
    pub fn new(content: &Content, theme: ThemeName, size: (u16, u16), outlet: Outlet, now: Instant) -> Self {
        let no_color = Theme::no_color_requested();
        let (columns, rows) = size;
        let area = ratatui::layout::Rect::new(0, 0, columns, rows);
        let mut view = View::new(content, Theme::named(theme, no_color), area, now).for_audience(AUDIENCE);
        let _ = view.update(content, Event::Resize(columns, rows));
        // The server's own keys, said on arrival too (the help lists them first).
        let text = "f follow the presenter or not · c light or dark · ? keys · q leave".to_owned();
        let _ = view.update(content, Event::Notice(Notice { text, level: Level::Info }));
        let seat = Self {
            view,
            screen: Screen::new(columns, rows),
            following: true,
            theme,
            no_color,
            outlet: Some(outlet),
            behind_since: None,
            dirty: true,
        };
        seat.send_raw(Screen::opening());
        seat
    }

    /// A new terminal size (already capped).
    pub fn resize(&mut self, content: &Content, columns: u16, rows: u16) {
        self.screen.resize(columns, rows);
        let _ = self.view.update(content, Event::Resize(columns, rows));
        self.dirty = true;
    }

    /// Applies a viewer's key; `place` is where the presenter stands, if a presentation runs.
    pub fn key(&mut self, content: &Content, key: KeyEvent, place: Option<Told>, now: Instant) -> Outcome {
        let typing = self.view.context() == Context::Search;
        let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !typing && plain {
            match key.code {
                KeyCode::Char(FOLLOW) => return self.toggle_following(content, place, now),
                KeyCode::Char(THEME) => return self.toggle_theme(content),
                _ => {}
            }
        }
        let action = action_for(&key, self.view.context());
        match action {
            Some(action) if !AUDIENCE.allows(action) => return Outcome::Stay { redraw: false },
            Some(Action::Quit) => return Outcome::Leave,
            _ => {}
        }
        let led = self.following && self.view.mode() == Mode::Presentation && matches!(place, Some(Told::Place { .. }));
        if led && !matches!(action, Some(Action::Help)) {
            let text = "the presenter moves these slides: f to browse on your own".to_owned();
            let _ = self.view.update(content, Event::Notice(Notice { text, level: Level::Info }));
            return Outcome::Stay { redraw: true };
        }
        let effects = self.view.update(content, Event::Key(key, now));
        self.outcome(effects)
    }

    fn outcome(&mut self, effects: Effects) -> Outcome {
        match effects.end {
            Some(End::Quit | End::Exit(_)) => Outcome::Leave,
            _ => Outcome::Stay { redraw: effects.redraw },
        }
    }

    fn toggle_following(&mut self, content: &Content, place: Option<Told>, now: Instant) -> Outcome {
        self.following = !self.following;
        let text = if self.following {
            "following the presenter"
        } else {
            "browsing on your own: f follows the presenter again"
        };
        let _ = self.view.update(content, Event::Notice(Notice { text: text.to_owned(), level: Level::Info }));
        if self.following
            && let Some(told) = place
        {
            self.hear(content, told, now);
        }
        Outcome::Stay { redraw: true }
    }

    fn toggle_theme(&mut self, content: &Content) -> Outcome {
        self.theme = if self.theme == ThemeName::Light { ThemeName::Dark } else { ThemeName::Light };
        let _ = self.view.update(content, Event::Theme(Box::new(Theme::named(self.theme, self.no_color))));
        Outcome::Stay { redraw: true }
    }

    /// The presenter moved (or left its slides): a following viewer goes along.
    pub fn hear(&mut self, content: &Content, told: Told, now: Instant) {
        if !self.following {
            return;
        }
        let news = match told {
            Told::Place { slide, blank } => Follow::Place { slide, blank, at: now },
            // Only over slides: a viewer on its dashboard has nothing to wait for.
            Told::Pause if self.view.mode() == Mode::Presentation => {
                Follow::Waiting { text: "the presenter is on its dashboard: f to browse".to_owned() }
            }
            Told::Pause => return,
        };
        let _ = self.view.update(content, Event::Follow(news));
        self.dirty = true;
    }

    /// Draws the view if it changed and queues the frame; a frame that finds the queue full is
    /// dropped, and the screen is drawn whole once the viewer has caught up. Returns false when
    /// the viewer's connection is gone.
    pub fn draw(&mut self, content: &Content, now: Instant) -> bool {
        if !self.dirty {
            return self.outlet.is_some();
        }
        let Some(outlet) = &self.outlet else { return false };
        if self.behind_since.is_some() {
            // Frames are being dropped: draw once the viewer has caught up, whole.
            return true;
        }
        self.dirty = false;
        let frame = self.screen.draw(Viewer { content, view: &self.view });
        match outlet.frames.try_send(frame) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                outlet.behind.store(true, Ordering::SeqCst);
                self.behind_since = Some(now);
                self.dirty = true;
                true
            }
            Err(TrySendError::Closed(_)) => {
                self.outlet = None;
                false
            }
        }
    }

    /// The writer task emptied the queue after frames were dropped: repaint whole.
    pub fn caught_up(&mut self) {
        self.behind_since = None;
        self.screen.repaint();
        self.dirty = true;
    }

    fn send_raw(&self, bytes: Vec<u8>) {
        if let Some(outlet) = &self.outlet {
            let _ = outlet.frames.try_send(bytes);
        }
    }

    /// Ends the viewer's connection with a goodbye (its `q`, the server stopping).
    pub fn close(&mut self) {
        self.end(Close::Goodbye);
    }

    /// Cuts the viewer's connection: it has been behind for the stall timeout.
    pub fn cut_off(&mut self) {
        self.end(Close::Cut);
    }

    fn end(&mut self, how: Close) {
        if let Some(outlet) = self.outlet.take() {
            let _ = outlet.close.send(how);
        }
    }
}

#[cfg(test)]
#[path = "seat_tests.rs"]
mod tests;
