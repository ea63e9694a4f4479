//! `--follow`: a second screen that follows a presentation of the same dataset. The view takes
//! the presenter's place; two real programs in two pseudo-terminals move together.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::pty::PtyApp;
use coopdash::app::{Event, Follow, Mode};
use coopdash::runtime::in_place::apply;

/// How the audience's slide number ends (`/6`): the forty fixture's deck length.
fn deck() -> String {
    format!("/{}", common::fixture_app("forty", 80, 24).content().deck().len())
}

fn fixture() -> PathBuf {
    common::fixture("forty")
}

// ---- The view ----

#[test]
fn a_follower_goes_where_the_presenter_is_and_says_when_it_waits() {
    let mut app = common::fixture_app("forty", 80, 24);
    let waiting = "the presenter has gone; waiting for the next presentation of forty";
    apply(&mut app, Event::Follow(Follow::Waiting { text: waiting.to_owned() }));
    assert!(common::screen(&app).contains(waiting), "{}", common::screen(&app));
    apply(&mut app, Event::Follow(Follow::Place { slide: 3, blank: false, at: Instant::now() }));
    assert_eq!(app.view().mode(), Mode::Presentation, "a place opens the slides");
    assert_eq!(app.view().presentation().slide, 3);
    let screen = common::screen(&app);
    assert!(!screen.contains("waiting"), "{screen}");
    apply(&mut app, Event::Follow(Follow::Place { slide: 99, blank: true, at: Instant::now() }));
    let last = app.content().deck().len() - 1;
    assert_eq!(app.view().presentation().slide, last, "a place past this deck's end is its last slide");
    assert!(app.view().presentation().blank);
    assert!(app.view().presentation().autoplay.is_none(), "a follower has no autoplay of its own");
}

// ---- Two programs ----

/// A private runtime folder per test, so tests never meet each other's presenters.
struct Room {
    dir: tempfile::TempDir,
    dataset: PathBuf,
}

impl Room {
    fn new() -> Self {
        Self::on(fixture())
    }

    /// A room where the presentation is of `dataset`.
    fn on(dataset: PathBuf) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
        Self { dir, dataset }
    }

    fn spawn(&self, args: &[&str]) -> PtyApp {
        let runtime = self.dir.path().to_str().unwrap();
        let binary = Path::new(env!("CARGO_BIN_EXE_coopdash"));
        let dataset = &self.dataset;
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--no-animation", "--slide-numbers", dataset.to_str().unwrap()]);
        PtyApp::spawn_with(
            binary,
            &all,
            Path::new(env!("CARGO_MANIFEST_DIR")),
            80,
            24,
            &[("XDG_RUNTIME_DIR", Some(runtime))],
        )
    }

    fn presenter(&self) -> PtyApp {
        self.spawn(&["--present"])
    }

    fn follower(&self) -> PtyApp {
        self.spawn(&["--follow"])
    }

    /// The socket the presenter listens on.
    fn socket(&self) -> PathBuf {
        let folder = self.dir.path().join("coopdash");
        let mut sockets = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path());
        sockets.next().expect("a socket")
    }
}

/// Waits until the screen stands on slide `n` (from 1) and shows no waiting message.
fn on_slide(app: &PtyApp, n: usize) {
    let number = format!("{n}{}", deck());
    app.wait_until(
        |s| s.lines().any(|line| line.trim_end().ends_with(&number)) && !s.contains("waiting"),
        &format!("slide {n}"),
    );
}

/// Waits until the screen is blank (no slide number anywhere).
fn blank(app: &PtyApp) {
    let deck = deck();
    app.wait_until(|s| !s.contains(&deck), "a blank screen");
}

const RIGHT: &str = "\x1b[C";

#[test]
fn a_key_in_either_screen_moves_both_and_a_late_follower_lands_on_the_current_slide() {
    let room = Room::new();
    let mut presenter = room.presenter();
    on_slide(&presenter, 1);
    let mut follower = room.follower();
    on_slide(&follower, 1);
    presenter.send(RIGHT);
    on_slide(&presenter, 2);
    on_slide(&follower, 2);
    follower.send(RIGHT);
    on_slide(&follower, 3);
    on_slide(&presenter, 3);
    // A slide number typed on the follower, then Enter.
    follower.send("5\r");
    on_slide(&presenter, 5);
    on_slide(&follower, 5);
    let mut late = room.follower();
    on_slide(&late, 5);
    // Blank from one follower blanks every screen; the presenter's key brings them back.
    late.send("b");
    blank(&presenter);
    blank(&follower);
    blank(&late);
    presenter.send("b");
    on_slide(&follower, 5);
    on_slide(&late, 5);
    // Quitting a follower leaves the others following.
    late.send("q");
    assert_eq!(late.wait_exit(), 0);
    presenter.send("\x1b[D");
    on_slide(&follower, 4);
    on_slide(&presenter, 4);
}

#[test]
fn a_follower_outlives_its_presenter_and_picks_up_the_next_one() {
    let room = Room::new();
    // The follower comes first, and waits.
    let follower = room.follower();
    follower.wait_for("waiting for a presentation of");
    let mut presenter = room.presenter();
    on_slide(&follower, 1);
    presenter.send(RIGHT);
    on_slide(&follower, 2);
    presenter.send("q");
    assert_eq!(presenter.wait_exit(), 0);
    follower.wait_for("the presenter has gone");
    let again = room.presenter();
    on_slide(&again, 1);
    on_slide(&follower, 1);
}

#[test]
fn garbage_and_a_silent_reader_on_the_socket_do_not_stall_the_presenter() {
    use std::io::Write;
    let room = Room::new();
    let mut presenter = room.presenter();
    on_slide(&presenter, 1);
    let follower = room.follower();
    on_slide(&follower, 1);
    let socket = room.socket();
    let mut junk = std::os::unix::net::UnixStream::connect(&socket).unwrap();
    junk.write_all(b"coopdash-follow 1\n\xff\xfe\x1b[2J\nlast\n").unwrap();
    // The presenter hangs up on a line this long: the write may fail half-way.
    let _ = junk.write_all(&vec![b'z'; 200_000]);
    // Connected, never reads a byte.
    let _silent = std::os::unix::net::UnixStream::connect(&socket).unwrap();
    // `last` went through: the junk's one good line was heard.
    let last = common::fixture_app("forty", 80, 24).content().deck().len();
    on_slide(&presenter, last);
    for _ in 0..30 {
        presenter.send(RIGHT);
        presenter.send("\x1b[D");
    }
    presenter.send("\x1b[H");
    on_slide(&presenter, 1);
    on_slide(&follower, 1);
    presenter.send(RIGHT);
    on_slide(&follower, 2);
}

#[test]
fn a_save_reaches_both_screens_on_the_same_slide() {
    let original = std::fs::read_to_string(fixture()).unwrap();
    let data = common::TempDataset::new(&original);
    let room = Room::on(data.path.clone());
    let mut presenter = room.presenter();
    on_slide(&presenter, 1);
    let follower = room.follower();
    on_slide(&follower, 1);
    presenter.send(RIGHT);
    on_slide(&follower, 2);
    let label = "Cross-border cooperation agreements signed with neighbouring partners (1)";
    assert!(original.contains(label));
    data.write(&original.replace(label, "Renamed on save (1)"));
    let number = format!("2{}", deck());
    for screen in [&presenter, &follower] {
        screen.wait_until(|s| s.contains("Renamed on save") && s.contains(&number), "the new label on slide 2");
    }
}
