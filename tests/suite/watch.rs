//! Live reload through the real file watcher and the real event loop (without a terminal), for
//! every way editors save. Waits are generous deadlines, never sleeps that assume speed.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use coopdash::app::{App, Event, FileChange};
use coopdash::runtime::{Driver, FileWatcher, Message, WatchMode};

const TIMEOUT: Duration = Duration::from_secs(10);

fn dataset(value: &str) -> String {
    format!(
        "title = \"Ports\"\n[[metric]]\nid = \"boxes\"\nlabel = \"Boxes\"\nvalue = {value}\n[[metric]]\nid = \"ships\"\nvalue = 4\n"
    )
}

/// The app, its event loop and a watcher on a dataset in a temporary folder.
struct Harness {
    driver: Driver,
    watcher: FileWatcher,
    path: PathBuf,
    _dir: tempfile::TempDir,
    /// Every value of `boxes` the app has held, in order (deduplicated).
    seen: Vec<Option<f64>>,
    errors_shown: usize,
}

impl Harness {
    fn new(mode: WatchMode) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.toml");
        std::fs::write(&path, dataset("1")).unwrap();
        Self::at(mode, dir, path)
    }

    /// A harness following `path` in a folder the caller has set up.
    fn at(mode: WatchMode, dir: tempfile::TempDir, path: PathBuf) -> Self {
        Self::started(mode, dir, path, |_| {})
    }

    /// A harness started as the runtime starts: the files loaded and stamped, then `meanwhile`
    /// (the first frame's time), then the watches set.
    fn started(mode: WatchMode, dir: tempfile::TempDir, path: PathBuf, meanwhile: impl FnOnce(&Path)) -> Self {
        let app = common::file_app(&path, 100, 30);
        let mut driver = Driver::new(app);
        let sender = driver.sender();
        let mut watcher = FileWatcher::start(mode, move |change, at| {
            let _ = sender.send(Message::File(change, at));
        })
        .unwrap();
        let _ = driver.update(Event::Watching { quiet: watcher.quiet_period() });
        watcher.expect(&driver.app().content().watch_paths());
        meanwhile(&path);
        watcher.follow(&driver.app().content().watch_paths()).unwrap();
        let mut harness = Self { driver, watcher, path, _dir: dir, seen: Vec::new(), errors_shown: 0 };
        harness.observe();
        harness
    }

    fn value(app: &App) -> Option<f64> {
        let dataset = &app.content().data()?.dataset;
        dataset.metrics.iter().find(|m| m.id == "boxes").map(|m| m.value)
    }

    fn observe(&mut self) {
        let value = Self::value(self.driver.app());
        if self.seen.last() != Some(&value) {
            self.seen.push(value);
        }
        if self.driver.app().content().error().is_some() {
            self.errors_shown += 1;
        }
    }

    /// Runs the loop until `done` holds for the app. Each step waits as the runtime's does, for
    /// a message or the app's next deadline (only the timeout caps it): whatever the watcher
    /// needs must come from its own events, not from being asked again and again.
    fn run_until(&mut self, what: &str, done: impl Fn(&App) -> bool) {
        let start = Instant::now();
        while !done(self.driver.app()) {
            let left = TIMEOUT.saturating_sub(start.elapsed());
            assert!(!left.is_zero(), "timed out waiting for {what}; seen {:?}", self.seen);
            self.step(left);
        }
    }

    /// One step of the loop, then what the runtime does after each: follow the app's files.
    fn step(&mut self, max_wait: Duration) {
        let _ = self.driver.step(Some(max_wait));
        self.watcher.follow(&self.driver.app().content().watch_paths()).unwrap();
        self.observe();
    }

    /// Runs the loop for a while, to catch anything that would happen late.
    fn run_for(&mut self, duration: Duration) {
        let start = Instant::now();
        while start.elapsed() < duration {
            self.step(Duration::from_millis(10));
        }
    }

    fn wait_for_value(&mut self, value: f64) {
        self.run_until(&format!("boxes = {value}"), |app| {
            Self::value(app) == Some(value) && app.content().error().is_none()
        });
    }

    fn rename_into_place(&self, text: &str, n: usize) {
        let temp = self.path.with_file_name(format!(".metrics.toml.tmp{n}"));
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &self.path).unwrap();
    }
}

fn path_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn an_edit_in_place_reloads() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("2")).unwrap();
    h.wait_for_value(2.0);
    assert_eq!(h.errors_shown, 0);
}

#[test]
fn a_save_after_the_load_and_before_the_watches_is_seen() {
    for mode in [WatchMode::Native, WatchMode::Poll] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.toml");
        std::fs::write(&path, dataset("1")).unwrap();
        // Written long ago, so the stamp is trusted: only the save below can tell.
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(long_ago).unwrap();
        // A save of the same size, before any watch is set: no event will ever tell of it.
        let mut h = Harness::started(mode, dir, path, |path| std::fs::write(path, dataset("2")).unwrap());
        h.wait_for_value(2.0);
    }
}

#[test]
fn saves_by_rename_reload_every_time() {
    let mut h = Harness::new(WatchMode::Native);
    for (n, value) in [2.0, 3.0, 4.0].into_iter().enumerate() {
        h.rename_into_place(&dataset(&value.to_string()), n);
        h.wait_for_value(value);
    }
    assert_eq!(h.seen, [Some(1.0), Some(2.0), Some(3.0), Some(4.0)]);
    assert_eq!(h.errors_shown, 0);
}

#[test]
fn a_save_written_in_two_chunks_with_a_pause_never_shows_the_first_half() {
    let mut h = Harness::new(WatchMode::Native);
    let full = dataset("123");
    // The first chunk alone is valid TOML with the wrong value: boxes = 1.
    let cut = full.find("23\n").unwrap();
    let mut file = std::fs::File::create(&h.path).unwrap(); // truncates
    file.write_all(&full.as_bytes()[..cut]).unwrap();
    file.flush().unwrap();
    h.run_for(Duration::from_millis(150));
    file.write_all(&full.as_bytes()[cut..]).unwrap();
    drop(file);
    h.wait_for_value(123.0);
    if cfg!(target_os = "linux") {
        // inotify reports the close after the write: nothing is read before it.
        assert_eq!(h.seen, [Some(1.0), Some(123.0)], "a frame showed the half-written file");
        assert_eq!(h.errors_shown, 0);
    }
}

#[test]
fn delete_then_recreate_after_a_delay_reloads_the_new_file() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::remove_file(&h.path).unwrap();
    h.run_for(Duration::from_millis(100));
    assert_eq!(HarnessValue::of(&h), Some(1.0), "the last good data stays while the file is missing");
    thread::sleep(Duration::from_millis(50));
    std::fs::write(&h.path, dataset("9")).unwrap();
    h.wait_for_value(9.0);
    assert_eq!(h.errors_shown, 0, "the missing file's error showed although it came back");
}

#[test]
fn an_invalid_save_keeps_the_data_and_the_fix_recovers_by_itself() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("oops")).unwrap();
    h.run_until("the error banner", |app| app.content().error().is_some());
    let error = h.driver.app().content().error().unwrap().diagnostics[0].to_string();
    assert!(error.contains("metrics.toml:5:9:"), "{error}");
    assert_eq!(HarnessValue::of(&h), Some(1.0), "the last good data stays");
    std::fs::write(&h.path, dataset("5")).unwrap();
    h.wait_for_value(5.0);
    assert!(h.driver.app().content().error().is_none());
}

#[test]
fn a_burst_of_twenty_saves_ends_on_the_last_one() {
    let mut h = Harness::new(WatchMode::Native);
    for n in 0..20 {
        if n % 2 == 0 {
            std::fs::write(&h.path, dataset(&(100 + n).to_string())).unwrap();
        } else {
            h.rename_into_place(&dataset(&(100 + n).to_string()), n);
        }
        thread::sleep(Duration::from_millis(40));
    }
    h.wait_for_value(119.0);
    h.run_for(Duration::from_millis(400));
    assert_eq!(HarnessValue::of(&h), Some(119.0), "the final content wins");
    assert_eq!(path_text(&h.path), dataset("119"));
}

#[test]
fn the_poll_watcher_sees_saves_too() {
    let mut h = Harness::new(WatchMode::Poll);
    thread::sleep(Duration::from_millis(50));
    h.rename_into_place(&dataset("77"), 0);
    h.wait_for_value(77.0);
}

#[test]
fn the_poll_watcher_sees_a_file_that_did_not_exist_when_it_started() {
    let mut h = Harness::new(WatchMode::Poll);
    std::fs::remove_file(&h.path).unwrap();
    h.watcher.follow(&[]).unwrap();
    h.watcher.follow(&h.driver.app().content().watch_paths()).unwrap();
    thread::sleep(Duration::from_millis(50));
    std::fs::write(&h.path, dataset("33")).unwrap();
    h.wait_for_value(33.0);
}

#[test]
fn editor_droppings_and_other_files_do_not_reload() {
    let mut h = Harness::new(WatchMode::Native);
    let folder = h.path.parent().unwrap().to_path_buf();
    for name in ["4913", ".metrics.toml.swp", "metrics.toml~", ".#metrics.toml", "other.toml"] {
        std::fs::write(folder.join(name), "garbage = [").unwrap();
    }
    h.run_for(Duration::from_millis(400));
    assert_eq!(h.driver.app().content().generation(), 1, "no reload happened: {:?}", h.driver.app().view().notice());
    assert!(h.driver.app().next_deadline().is_none(), "and none is pending");
}

#[test]
fn reading_the_file_does_not_trigger_a_reload_loop() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("2")).unwrap();
    h.wait_for_value(2.0);
    let generation = h.driver.app().content().generation();
    h.run_for(Duration::from_millis(700));
    assert_eq!(h.driver.app().content().generation(), generation, "the reload's own read caused another reload");
}

#[test]
fn the_article_is_followed_too_and_a_renamed_article_key_is_followed_at_once() {
    let mut h = Harness::new(WatchMode::Native);
    let folder = h.path.parent().unwrap().to_path_buf();
    std::fs::write(folder.join("one.md"), "First article.").unwrap();
    std::fs::write(folder.join("two.md"), "Second article.").unwrap();
    let article_text =
        |app: &App| app.content().data().and_then(|d| d.article.as_ref()).map(|a| a.article.blocks[0].plain_text());
    std::fs::write(&h.path, format!("article = \"one.md\"\n{}", dataset("1"))).unwrap();
    h.run_until("the first article", |app| article_text(app).as_deref() == Some("First article."));
    std::fs::write(folder.join("one.md"), "First article, edited.").unwrap();
    h.run_until("the edit of the article", |app| article_text(app).as_deref() == Some("First article, edited."));
    std::fs::write(&h.path, format!("article = \"two.md\"\n{}", dataset("1"))).unwrap();
    h.run_until("the second article", |app| article_text(app).as_deref() == Some("Second article."));
    std::fs::write(folder.join("two.md"), "Second article, edited.").unwrap();
    h.run_until("the edit of the new article", |app| article_text(app).as_deref() == Some("Second article, edited."));
}

/// Reads the current value of `boxes` from a harness.
struct HarnessValue;
impl HarnessValue {
    fn of(h: &Harness) -> Option<f64> {
        Harness::value(h.driver.app())
    }
}

// Saves that move the old file out of the way first. Between the move and the new file, the
// path is missing: a reload then must hold its error back like any save in progress.

/// Renames the dataset away, lets the loop run (and draw) while the "editor" writes, then calls
/// `finish` to put the new content in place.
fn move_away_then(h: &mut Harness, away: &str, finish: impl FnOnce(&Path)) {
    std::fs::rename(&h.path, h.path.with_file_name(away)).unwrap();
    h.run_for(Duration::from_millis(60));
    finish(&h.path);
}

#[test]
fn a_jetbrains_safe_write_never_flashes_the_missing_file_banner() {
    let mut h = Harness::new(WatchMode::Native);
    for value in [2.0, 3.0, 4.0] {
        move_away_then(&mut h, "metrics.toml___jb_old___", |path| {
            let temp = path.with_file_name("metrics.toml___jb_tmp___");
            std::fs::write(&temp, dataset(&value.to_string())).unwrap();
            std::fs::rename(&temp, path).unwrap();
            std::fs::remove_file(path.with_file_name("metrics.toml___jb_old___")).unwrap();
        });
        h.wait_for_value(value);
    }
    assert_eq!(h.errors_shown, 0, "a frame showed an error banner; notice {:?}", h.driver.app().view().notice());
    assert_eq!(h.seen, [Some(1.0), Some(2.0), Some(3.0), Some(4.0)]);
}

#[test]
fn a_backup_by_rename_then_a_new_file_never_flashes_an_error() {
    // vim with backupcopy=no, and emacs's first save: the old file becomes the backup, the new
    // one is written under the real name.
    let mut h = Harness::new(WatchMode::Native);
    for value in [2.0, 3.0] {
        move_away_then(&mut h, "metrics.toml~", |path| std::fs::write(path, dataset(&value.to_string())).unwrap());
        h.wait_for_value(value);
    }
    assert_eq!(h.errors_shown, 0, "a frame showed an error banner; notice {:?}", h.driver.app().view().notice());
}

#[test]
fn moving_the_file_away_and_another_into_place_never_flashes_an_error() {
    // `mv metrics.toml old.toml && mv new.toml metrics.toml`
    let mut h = Harness::new(WatchMode::Native);
    let new = h.path.with_file_name("new.toml");
    std::fs::write(&new, dataset("6")).unwrap();
    h.run_for(Duration::from_millis(50));
    move_away_then(&mut h, "old.toml", |path| std::fs::rename(&new, path).unwrap());
    h.wait_for_value(6.0);
    assert_eq!(h.errors_shown, 0, "a frame showed an error banner; notice {:?}", h.driver.app().view().notice());
}

#[test]
fn a_save_that_starts_right_after_another_never_flashes_an_error() {
    // A complete save (the close after writing) and the next save's move-away, reported
    // together: the file is missing by the time the complete save is read.
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("2")).unwrap();
    std::fs::rename(&h.path, h.path.with_file_name("metrics.toml~")).unwrap();
    // Let the watcher queue both saves' events before the loop looks (if it is slower than
    // this, the test only gets easier).
    thread::sleep(Duration::from_millis(50));
    h.run_for(Duration::from_millis(60));
    std::fs::write(&h.path, dataset("3")).unwrap();
    h.wait_for_value(3.0);
    assert_eq!(h.errors_shown, 0, "a frame showed an error banner; notice {:?}", h.driver.app().view().notice());
}

#[test]
fn a_file_moved_away_for_good_shows_its_error_after_the_hold() {
    let mut h = Harness::new(WatchMode::Native);
    let moved = Instant::now();
    std::fs::rename(&h.path, h.path.with_file_name("metrics.toml~")).unwrap();
    h.run_until("the missing-file banner", |app| app.content().error().is_some());
    assert!(moved.elapsed() >= coopdash::app::ERROR_GRACE, "shown after {:?}, before the hold ended", moved.elapsed());
    let error = h.driver.app().content().error().unwrap().diagnostics[0].to_string();
    assert!(error.contains("No such file"), "{error}");
    assert_eq!(HarnessValue::of(&h), Some(1.0), "the last good data stays");
}

// Symbolic links: the dataset or the article may be a link (or a chain of links) to the file
// that is edited.

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    /// Re-points a link the way `ln -sfn` does: a new link under a temporary name, renamed over
    /// the old one (atomic: the path is never missing).
    fn repoint(link: &Path, target: &str) {
        let temp = link.with_file_name(".repoint.tmp");
        symlink(target, &temp).unwrap();
        std::fs::rename(&temp, link).unwrap();
    }

    /// A folder holding `metrics.toml -> a.toml` (boxes = 1) and `b.toml` (boxes = 2).
    fn linked(mode: WatchMode) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), dataset("1")).unwrap();
        std::fs::write(dir.path().join("b.toml"), dataset("2")).unwrap();
        let path = dir.path().join("metrics.toml");
        symlink("a.toml", &path).unwrap();
        Harness::at(mode, dir, path)
    }

    fn folder(h: &Harness) -> PathBuf {
        h.path.parent().unwrap().to_path_buf()
    }

    #[test]
    fn edits_of_a_linked_datasets_target_reload() {
        let mut h = linked(WatchMode::Native);
        let target = folder(&h).join("a.toml");
        std::fs::write(&target, dataset("5")).unwrap();
        h.wait_for_value(5.0);
        // A save by rename of the target too.
        std::fs::write(folder(&h).join(".a.toml.tmp"), dataset("6")).unwrap();
        std::fs::rename(folder(&h).join(".a.toml.tmp"), &target).unwrap();
        h.wait_for_value(6.0);
        assert_eq!(h.errors_shown, 0);
    }

    #[test]
    fn a_re_pointed_link_is_followed_to_its_new_target_and_the_old_one_is_let_go() {
        let mut h = linked(WatchMode::Native);
        repoint(&h.path, "b.toml");
        h.wait_for_value(2.0);
        std::fs::write(folder(&h).join("b.toml"), dataset("3")).unwrap();
        h.wait_for_value(3.0);
        let generation = h.driver.app().content().generation();
        std::fs::write(folder(&h).join("a.toml"), dataset("99")).unwrap();
        h.run_for(Duration::from_millis(700));
        assert_eq!(h.driver.app().content().generation(), generation, "an edit of the old target reloaded");
        assert_eq!(HarnessValue::of(&h), Some(3.0));
        assert_eq!(h.errors_shown, 0);
    }

    #[test]
    fn a_link_into_another_folder_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("real.toml");
        std::fs::write(&target, dataset("1")).unwrap();
        let path = dir.path().join("metrics.toml");
        symlink(&target, &path).unwrap();
        let mut h = Harness::at(WatchMode::Native, dir, path);
        std::fs::write(&target, dataset("4")).unwrap();
        h.wait_for_value(4.0);
        assert_eq!(h.errors_shown, 0);
    }

    #[test]
    fn a_chain_of_links_across_folders_is_followed_and_its_middle_link_re_pointed() {
        // view/metrics.toml -> ../data/current.toml -> real.toml
        let dir = tempfile::tempdir().unwrap();
        let (view, data) = (dir.path().join("view"), dir.path().join("data"));
        std::fs::create_dir_all(&view).unwrap();
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("real.toml"), dataset("1")).unwrap();
        std::fs::write(data.join("next.toml"), dataset("5")).unwrap();
        symlink("real.toml", data.join("current.toml")).unwrap();
        symlink("../data/current.toml", view.join("metrics.toml")).unwrap();
        let mut h = Harness::at(WatchMode::Native, dir, view.join("metrics.toml"));
        std::fs::write(data.join("real.toml"), dataset("2")).unwrap();
        h.wait_for_value(2.0);
        repoint(&data.join("current.toml"), "next.toml");
        h.wait_for_value(5.0);
        std::fs::write(data.join("next.toml"), dataset("6")).unwrap();
        h.wait_for_value(6.0);
        assert_eq!(h.errors_shown, 0);
    }

    #[test]
    fn a_dangling_link_keeps_the_last_data_and_picks_up_its_target_when_it_appears() {
        let mut h = linked(WatchMode::Native);
        repoint(&h.path, "later.toml");
        h.run_until("the error banner", |app| app.content().error().is_some());
        assert_eq!(HarnessValue::of(&h), Some(1.0), "the last good data stays");
        std::fs::write(folder(&h).join("later.toml"), dataset("8")).unwrap();
        h.wait_for_value(8.0);
        std::fs::write(folder(&h).join("later.toml"), dataset("9")).unwrap();
        h.wait_for_value(9.0);
    }

    #[test]
    fn a_link_dangling_from_the_start_reaches_the_dashboard_when_its_target_appears() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.toml");
        symlink("later.toml", &path).unwrap();
        let mut h = Harness::at(WatchMode::Native, dir, path);
        assert!(h.driver.app().content().error().is_some(), "starts on the error screen");
        std::fs::write(folder(&h).join("later.toml"), dataset("7")).unwrap();
        h.wait_for_value(7.0);
    }

    #[test]
    fn a_link_into_a_folder_not_made_yet_picks_up_its_target_when_it_appears() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.toml");
        symlink("later/on/real.toml", &path).unwrap();
        let mut h = Harness::at(WatchMode::Native, dir, path);
        assert!(h.driver.app().content().error().is_some(), "starts on the error screen");
        let on = folder(&h).join("later/on");
        std::fs::create_dir_all(&on).unwrap();
        std::fs::write(on.join("real.toml"), dataset("7")).unwrap();
        h.wait_for_value(7.0);
        std::fs::write(on.join("real.toml"), dataset("8")).unwrap();
        h.wait_for_value(8.0);
    }

    #[test]
    fn a_linked_article_is_followed_and_re_pointed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().to_path_buf();
        std::fs::write(folder.join("notes.md"), "First notes.").unwrap();
        std::fs::write(folder.join("other.md"), "Other notes.").unwrap();
        symlink("notes.md", folder.join("article.md")).unwrap();
        let path = folder.join("metrics.toml");
        std::fs::write(&path, format!("article = \"article.md\"\n{}", dataset("1"))).unwrap();
        let mut h = Harness::at(WatchMode::Native, dir, path);
        let article_text =
            |app: &App| app.content().data().and_then(|d| d.article.as_ref()).map(|a| a.article.blocks[0].plain_text());
        assert_eq!(article_text(h.driver.app()).as_deref(), Some("First notes."));
        std::fs::write(folder.join("notes.md"), "First notes, edited.").unwrap();
        h.run_until("the edit of the target", |app| article_text(app).as_deref() == Some("First notes, edited."));
        repoint(&folder.join("article.md"), "other.md");
        h.run_until("the new target", |app| article_text(app).as_deref() == Some("Other notes."));
        std::fs::write(folder.join("other.md"), "Other notes, edited.").unwrap();
        h.run_until("the edit of the new target", |app| article_text(app).as_deref() == Some("Other notes, edited."));
    }

    #[test]
    fn starting_to_watch_a_new_target_reports_a_change_that_may_have_been_missed() {
        // Between the reload that read the new target and the watch on it, an edit would be
        // unseen: the watcher reports a change when it starts watching, so one more reload runs.
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), dataset("1")).unwrap();
        std::fs::write(elsewhere.path().join("b.toml"), dataset("2")).unwrap();
        let path = dir.path().join("metrics.toml");
        symlink("a.toml", &path).unwrap();
        let (sender, changes) = std::sync::mpsc::channel();
        let mut watcher = FileWatcher::start(WatchMode::Native, move |change, _| {
            let _ = sender.send(change);
        })
        .unwrap();
        watcher.follow(std::slice::from_ref(&path)).unwrap();
        assert!(changes.try_recv().is_err(), "the first follow reports nothing: the first load read it all");
        repoint(&path, &elsewhere.path().join("b.toml").display().to_string());
        // The link's own events are complete saves (a rename onto it): a bare change can only
        // come from `follow`.
        assert_eq!(changes.recv_timeout(TIMEOUT).ok(), Some(FileChange::Complete), "the link's own change");
        watcher.follow(std::slice::from_ref(&path)).unwrap();
        let reported: Vec<FileChange> = changes.try_iter().collect();
        assert!(reported.contains(&FileChange::Partial), "following b.toml's folder from now on: {reported:?}");
        watcher.follow(std::slice::from_ref(&path)).unwrap();
        let reported: Vec<FileChange> = changes.try_iter().collect();
        assert!(!reported.contains(&FileChange::Partial), "and only once: {reported:?}");
    }

    #[test]
    fn the_poll_watcher_follows_links_too() {
        let mut h = linked(WatchMode::Poll);
        thread::sleep(Duration::from_millis(50));
        std::fs::write(folder(&h).join("a.toml"), dataset("5")).unwrap();
        h.wait_for_value(5.0);
        repoint(&h.path, "b.toml");
        h.wait_for_value(2.0);
        std::fs::write(folder(&h).join("b.toml"), dataset("3")).unwrap();
        h.wait_for_value(3.0);
        repoint(&h.path, "later.toml");
        h.run_until("the error banner", |app| app.content().error().is_some());
        std::fs::write(folder(&h).join("later.toml"), dataset("8")).unwrap();
        h.wait_for_value(8.0);
    }
}
