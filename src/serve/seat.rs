//! One viewer in the hub: its [`View`] over the shared content, its [`Screen`], whether it
//! follows the presenter, and the bounded queue of frames to its SSH channel.
//!
//! A viewer's keys move only its own view. A few keys are the server's, not the dashboard's:
//! `f` stops or resumes following the presenter, `c` switches light and dark; `r` (reload)
//! and Ctrl-Z (suspend) do nothing here (the files and the process are not the viewer's).
//! While it follows a presentation, the viewer's other keys wait: the presenter moves it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use super::screen::Screen;
use crate::action::{Action, Context, action_for};
use crate::app::{Content, Effects, End, Event, Follow, Level, Mode, Notice, View, Viewer};
use crate::runtime::follow::protocol::Told;
use crate::theme::{Theme, ThemeName};

/// Where a viewer's frames go: its SSH channel's writer task.
pub struct Outlet {
    pub frames: mpsc::Sender<Vec<u8>>,
    /// Ends the writer task (and the connection) without waiting behind queued frames.
    pub close: oneshot::Sender<()>,
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
        let mut view =
            View::new(content, Theme::named(theme, no_color), ratatui::layout::Rect::new(0, 0, columns, rows), now);
        let _ = view.update(content, Event::Resize(columns, rows));
        // The server's own keys are in no help: said once, on arrival.
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
                KeyCode::Char('f') => return self.toggle_following(content, place, now),
                KeyCode::Char('c') => return self.toggle_theme(content),
                _ => {}
            }
        }
        let action = action_for(&key, self.view.context());
        match action {
            Some(Action::Reload | Action::Suspend) => return Outcome::Stay { redraw: false },
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

    /// Ends the viewer's connection (its `q`, or it fell behind for too long).
    pub fn close(&mut self) {
        if let Some(outlet) = self.outlet.take() {
            let _ = outlet.close.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadAsk, LoadRequest};

    fn content() -> Content {
        let request = LoadRequest::resolve(Some("tests/fixtures/forty/metrics.toml".into()), None).0;
        let first = LoadAsk::first(&request);
        Content::new(request, first).0
    }

    fn seat(content: &Content, queue: usize) -> (Seat, mpsc::Receiver<Vec<u8>>) {
        let (frames, received) = mpsc::channel(queue);
        let (close, _closed) = oneshot::channel();
        let outlet = Outlet { frames, close, behind: Arc::default() };
        (Seat::new(content, ThemeName::Dark, (80, 24), outlet, Instant::now()), received)
    }

    fn text(bytes: &[u8]) -> String {
        let mut screen = vt100::Parser::new(24, 80, 0);
        screen.process(bytes);
        screen.screen().contents()
    }

    #[test]
    fn a_viewer_that_stops_reading_loses_frames_then_gets_a_whole_one() {
        let content = content();
        let (mut seat, mut received) = seat(&content, 2);
        let now = Instant::now();
        // The opening bytes and the first frame fill the queue.
        assert!(seat.draw(&content, now));
        assert!(seat.behind_since.is_none());
        let key = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(seat.key(&content, key, None, now), Outcome::Stay { redraw: true });
        seat.dirty = true;
        assert!(seat.draw(&content, now), "a full queue does not end the viewer");
        assert!(seat.behind_since.is_some(), "the frame was dropped");
        assert!(seat.outlet.as_ref().unwrap().behind.load(Ordering::SeqCst));
        // Nothing more is drawn while it is behind.
        assert!(seat.draw(&content, now));
        let mut all = Vec::new();
        while let Ok(frame) = received.try_recv() {
            all.extend(frame);
        }
        assert!(!text(&all).contains("next pane"), "the help was dropped, not queued");
        // It caught up: the next frame is drawn whole, the help in it.
        seat.caught_up();
        assert!(seat.draw(&content, now));
        let whole = received.try_recv().unwrap();
        let screen = text(&whole);
        // The dashboard's panes around the help: drawn again though unchanged since the last
        // frame that reached the viewer.
        assert!(screen.contains("next pane") && screen.contains("╭│") && screen.contains("╰│"), "{screen}");
    }

    #[test]
    fn a_key_while_following_the_presenter_moves_nothing_and_f_lets_go() {
        let content = content();
        let (mut seat, _received) = seat(&content, 64);
        let now = Instant::now();
        let place = Some(Told::Place { slide: 2, blank: false });
        seat.hear(&content, Told::Place { slide: 2, blank: false }, now);
        assert_eq!(seat.view.presentation().slide, 2);
        let right = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        let _ = seat.key(&content, right, place, now);
        assert_eq!(seat.view.presentation().slide, 2, "the presenter moves a follower's slides");
        let _ = seat.key(&content, KeyEvent::new(KeyCode::Char('f'), KeyModifiers::NONE), place, now);
        assert!(!seat.following);
        let _ = seat.key(&content, right, place, now);
        assert_eq!(seat.view.presentation().slide, 3, "browsing on its own");
        seat.hear(&content, Told::Place { slide: 0, blank: false }, now);
        assert_eq!(seat.view.presentation().slide, 3, "not following any more");
        let quit = seat.key(&content, KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE), place, now);
        assert_eq!(quit, Outcome::Leave);
    }
}
