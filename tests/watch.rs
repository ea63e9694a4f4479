//! Live reload through the real file watcher and the real event loop (without a terminal), for
//! every way editors save. Waits are generous deadlines, never sleeps that assume speed.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use coopdash::app::App;
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
        let app = common::file_app(&path, 100, 30);
        let mut driver = Driver::new(app);
        let sender = driver.sender();
        let mut watcher = FileWatcher::start(mode, move |change, at| {
            let _ = sender.send(Message::File(change, at));
        })
        .unwrap();
        driver.app.set_quiet_period(watcher.quiet_period());
        watcher.follow(&driver.app.watch_paths()).unwrap();
        let mut harness = Self { driver, watcher, path, _dir: dir, seen: Vec::new(), errors_shown: 0 };
        harness.observe();
        harness
    }

    fn value(app: &App) -> Option<f64> {
        let dashboard = &app.data.as_ref()?.dashboard;
        dashboard.metrics.iter().find(|m| m.id == "boxes").map(|m| m.value)
    }

    fn observe(&mut self) {
        let value = Self::value(&self.driver.app);
        if self.seen.last() != Some(&value) {
            self.seen.push(value);
        }
        if self.driver.app.error.is_some() {
            self.errors_shown += 1;
        }
    }

    /// Runs the loop until `done` holds for the app.
    fn run_until(&mut self, what: &str, done: impl Fn(&App) -> bool) {
        let start = Instant::now();
        while !done(&self.driver.app) {
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}; seen {:?}", self.seen);
            self.step(Duration::from_millis(20));
        }
    }

    /// One step of the loop, then what the runtime does after each: follow the app's files.
    fn step(&mut self, max_wait: Duration) {
        self.driver.step(Some(max_wait));
        self.watcher.follow(&self.driver.app.watch_paths()).unwrap();
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
        self.run_until(&format!("boxes = {value}"), |app| Self::value(app) == Some(value) && app.error.is_none());
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
}

#[test]
fn an_invalid_save_keeps_the_data_and_the_fix_recovers_by_itself() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("oops")).unwrap();
    h.run_until("the error banner", |app| app.error.is_some());
    let error = h.driver.app.error.as_ref().unwrap().diagnostics[0].to_string();
    assert!(error.contains("metrics.toml:5:9:"), "{error}");
    assert_eq!(HarnessValue::of(&h), Some(1.0), "the last good data stays");
    std::fs::write(&h.path, dataset("5")).unwrap();
    h.wait_for_value(5.0);
    assert!(h.driver.app.error.is_none());
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
    h.watcher.follow(&h.driver.app.watch_paths()).unwrap();
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
    assert_eq!(h.driver.app.generation, 1, "no reload happened: {:?}", h.driver.app.notice);
    assert!(h.driver.app.next_deadline().is_none(), "and none is pending");
}

#[test]
fn reading_the_file_does_not_trigger_a_reload_loop() {
    let mut h = Harness::new(WatchMode::Native);
    std::fs::write(&h.path, dataset("2")).unwrap();
    h.wait_for_value(2.0);
    let generation = h.driver.app.generation;
    h.run_for(Duration::from_millis(700));
    assert_eq!(h.driver.app.generation, generation, "the reload's own read caused another reload");
}

#[test]
fn the_article_is_followed_too_and_a_renamed_article_key_is_followed_at_once() {
    let mut h = Harness::new(WatchMode::Native);
    let folder = h.path.parent().unwrap().to_path_buf();
    std::fs::write(folder.join("one.md"), "First article.").unwrap();
    std::fs::write(folder.join("two.md"), "Second article.").unwrap();
    let article_text =
        |app: &App| app.data.as_ref().and_then(|d| d.article.as_ref()).map(|a| a.article.blocks[0].plain_text());
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
        Harness::value(&h.driver.app)
    }
}
