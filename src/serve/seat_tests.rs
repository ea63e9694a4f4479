//! The seat's tests: frames dropped and repainted, following, a viewer's help.

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
    text_at(bytes, (80, 24))
}

fn text_at(bytes: &[u8], (columns, rows): (u16, u16)) -> String {
    let mut screen = vt100::Parser::new(rows, columns, 0);
    screen.process(bytes);
    screen.screen().contents()
}

#[test]
fn a_viewers_help_lists_its_own_keys_and_none_it_cannot_use() {
    let content = content();
    // Tall enough for the whole help in one window.
    let size = (100, 150);
    let (frames, mut received) = mpsc::channel(64);
    let (close, _closed) = oneshot::channel();
    let outlet = Outlet { frames, close, behind: Arc::default() };
    let now = Instant::now();
    let mut seat = Seat::new(&content, ThemeName::Dark, size, outlet, now);
    let key = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(seat.key(&content, key, None, now), Outcome::Stay { redraw: true });
    assert!(seat.draw(&content, now));
    let mut all = Vec::new();
    while let Ok(frame) = received.try_recv() {
        all.extend(frame);
    }
    // The help window's own columns, inside its border.
    let window = seat.view.help_window(&content).window;
    let mut parsed = vt100::Parser::new(size.1, size.0, 0);
    parsed.process(&all);
    let help: Vec<String> = parsed
        .screen()
        .rows(window.x + 1, window.width - 2)
        .skip(usize::from(window.y) + 1)
        .take(usize::from(window.height) - 2)
        .map(|row| row.trim().to_owned())
        .filter(|row| !row.is_empty())
        .collect();
    let shown = help.join("\n");
    let flat = help.join(" ");
    let row = |keys: &str| help.iter().find(|line| line.split("  ").next() == Some(keys));
    assert_eq!(help[0], "Over SSH", "the viewer's own keys come first:\n{shown}");
    assert!(row("f").is_some_and(|line| line.contains("stop following")), "f is listed:\n{shown}");
    assert!(row("c").is_some_and(|line| line.contains("light or dark")), "c is listed:\n{shown}");
    assert!(row("r").is_none() && !flat.contains("reload"), "r does nothing for a viewer:\n{shown}");
    assert!(!flat.contains("Ctrl-Z") && !flat.contains("suspend"), "nor Ctrl-Z:\n{shown}");
    assert!(!flat.contains("Mouse:"), "no mouse reaches a viewer:\n{shown}");
    // The rest of the key table is there, and the end of the help is on the screen.
    assert!(row("Tab").is_some() && row("q Ctrl-C").is_some(), "{shown}");
    assert!(flat.contains("q leaves; the others watch on."), "{shown}");
    let frame = text_at(&all, size);
    assert!(frame.contains("Esc close") && !frame.contains("↓ more"), "the whole help fits:\n{frame}");
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
