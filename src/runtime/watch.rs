//! Watching the dataset and the article for saves, whatever editor makes them.
//!
//! We watch the parent folder of each file (not the file: editors that save by rename would leave
//! a watch on the old inode, which then goes deaf), keep only events that name one of our files,
//! and only the kinds that can mean new content. Linux also reports opens and read-only closes;
//! reacting to them would make our own reads trigger the next reload, forever.
//!
//! A followed file may be a symbolic link, or a chain of them: every path of the chain is
//! followed the same way (its folder, filtered by its name), so an edit of the file at the end is
//! seen. Any change of a followed path may have re-pointed a link, so the next [`FileWatcher::follow`]
//! resolves the chains again (a few system calls, only after such an event: idle costs nothing).

mod links;
mod stamps;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind, RenameMode};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::app::FileChange;

/// How to watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchMode {
    /// The platform's notification API (inotify, FSEvents, ...).
    Native,
    /// Compare file times and sizes every [`POLL_INTERVAL`] (network and container filesystems).
    Poll,
}

/// How often the poll watcher looks: quick enough to feel live, rare enough to cost nothing.
pub const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// Where changes are reported: the caller's callback, called from the watcher's thread and from
/// [`FileWatcher::follow`].
type Report = Arc<Mutex<dyn Fn(FileChange, Instant) + Send>>;

/// Follows a set of files (and the links they are) through their folders and reports changes.
pub struct FileWatcher {
    watcher: Box<dyn Watcher + Send>,
    mode: WatchMode,
    /// What the notify callback shares with `follow`.
    shared: Arc<Shared>,
    report: Report,
    /// What the watcher is watching now: folders (native) or files (poll).
    watched: HashSet<PathBuf>,
    /// The files asked for in the last `follow`.
    files: Vec<PathBuf>,
    /// Each followed path whose changes are seen, with what is watched for it.
    covered: HashSet<(PathBuf, PathBuf)>,
    /// Whether `follow` has run once (changes before that were read by the first load).
    primed: bool,
    /// Whether a watch failed, so the next `follow` must try again.
    retry: bool,
    /// The files as loaded, stamped before the first `follow` (see [`FileWatcher::expect`]).
    stamps: Option<stamps::Stamps>,
}

/// The state the notify callback reads and writes.
#[derive(Default)]
struct Shared {
    /// Every path of every followed file's link chain (see [`links::chain`]).
    wanted: Mutex<HashSet<PathBuf>>,
    /// Set when a followed path changed: a link may now point elsewhere.
    stale: AtomicBool,
}

impl Shared {
    fn wanted(&self) -> MutexGuard<'_, HashSet<PathBuf>> {
        self.wanted.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl FileWatcher {
    /// Starts a watcher that calls `on_change` for every relevant change of a followed file.
    pub fn start(mode: WatchMode, on_change: impl Fn(FileChange, Instant) + Send + 'static) -> notify::Result<Self> {
        let shared: Arc<Shared> = Arc::default();
        let report: Report = Arc::new(Mutex::new(on_change));
        let (seen, to) = (Arc::clone(&shared), Arc::clone(&report));
        let handler = move |result: notify::Result<Event>| {
            let Ok(event) = result else { return };
            let Some(change) = change_of(&event, |path| seen.wanted().contains(path)) else { return };
            // Before the report, so the `follow` after the step that applies it re-resolves.
            seen.stale.store(true, Ordering::SeqCst);
            send(&to, change);
        };
        let watcher: Box<dyn Watcher + Send> = match mode {
            WatchMode::Native => Box::new(RecommendedWatcher::new(handler, notify::Config::default())?),
            // File times have whole-second resolution on some systems: compare contents too, so
            // two saves within a second are both seen. Only our own files are hashed (see
            // `follow`), so this stays cheap.
            WatchMode::Poll => Box::new(PollWatcher::new(
                handler,
                notify::Config::default().with_poll_interval(POLL_INTERVAL).with_compare_contents(true),
            )?),
        };
        Ok(Self {
            watcher,
            mode,
            shared,
            report,
            watched: HashSet::new(),
            files: Vec::new(),
            covered: HashSet::new(),
            primed: false,
            retry: false,
            stamps: None,
        })
    }

    /// How long bare changes should be quiet before a reload. Linux's inotify also reports the
    /// close after a write, which reloads at once, so there the quiet period is only a fallback
    /// for writers that never close; elsewhere it is the main path and must be short.
    pub fn quiet_period(&self) -> Duration {
        if self.mode == WatchMode::Native && cfg!(any(target_os = "linux", target_os = "android")) {
            Duration::from_millis(300)
        } else {
            crate::app::DEFAULT_QUIET
        }
    }

    /// Stamps the files as they are now, before the first [`FileWatcher::follow`] sets its
    /// watches (later, off the first frame's path): if that `follow` then finds one of them
    /// changed, or written too recently to tell, it reports a change, so a save made between
    /// this call and the watches is not missed. Call it as soon as the files are loaded.
    pub fn expect(&mut self, files: &[PathBuf]) {
        if !self.primed {
            self.stamps = Some(stamps::Stamps::take(files));
        }
    }

    /// Follows exactly these files from now on, and every link on the way to their content.
    /// Free when nothing changed since the last call; after a change of a followed path, the
    /// links are resolved again, so a re-pointed link moves the watch to its new target. When
    /// that starts watching a path not watched before (a new target, a folder that could not be
    /// watched until now), a change is reported: one may have been missed in between. A path in
    /// a folder that does not exist yet is awaited from the nearest folder that does. Paths that
    /// cannot be watched are skipped and retried on the next call; the first error is returned.
    pub fn follow(&mut self, files: &[PathBuf]) -> notify::Result<()> {
        let stale = self.shared.stale.swap(false, Ordering::SeqCst);
        if files == self.files.as_slice() && !stale && !self.retry {
            return Ok(());
        }
        self.files = files.to_vec();
        let chains: Vec<Vec<PathBuf>> = files.iter().map(|file| links::chain(file)).collect();
        let mut wanted: HashSet<PathBuf> = chains.iter().flatten().cloned().collect();
        // Native watchers follow every path of a chain, through its folder (a watch on a file
        // goes deaf when an editor replaces it). The poll watcher re-reads paths on every pass,
        // through the links: the chain's first path shows an edit at its end and a re-pointed
        // link alike, and each file is hashed once.
        let followed: Vec<PathBuf> = match self.mode {
            WatchMode::Native => wanted.iter().cloned().collect(),
            WatchMode::Poll => chains.iter().filter_map(|chain| chain.first().cloned()).collect(),
        };
        // Each followed path with what is watched for it.
        let mut spots: HashSet<(PathBuf, PathBuf)> = HashSet::new();
        for path in followed {
            let (folder, awaited) = links::watch_point(&path);
            if let Some(entry) = awaited {
                // Its folder is not made yet: the next folder on the way to it is awaited.
                wanted.insert(entry.clone());
                spots.insert((entry, folder.clone()));
            }
            // A file that does not exist yet cannot be polled: its folder can.
            let target = if self.mode == WatchMode::Poll && path.exists() { path.clone() } else { folder };
            spots.insert((path, target));
        }
        let targets: HashSet<PathBuf> = spots.iter().map(|(_, target)| target.clone()).collect();
        *self.shared.wanted() = wanted;
        for gone in self.watched.difference(&targets) {
            let _ = self.watcher.unwatch(gone);
        }
        let mut first_error = None;
        let mut watched = HashSet::new();
        for target in targets {
            if self.watched.contains(&target) {
                watched.insert(target);
                continue;
            }
            match self.watcher.watch(&target, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    watched.insert(target);
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        self.watched = watched;
        let covered: HashSet<(PathBuf, PathBuf)> =
            spots.into_iter().filter(|(_, target)| self.watched.contains(target)).collect();
        let missed = if self.primed {
            covered.difference(&self.covered).next().is_some()
        } else {
            // A save between the stamps and the watches just set.
            self.stamps.take().is_some_and(|stamps| stamps.changed(files))
        };
        self.covered = covered;
        self.primed = true;
        // Try again on the next call: the folder may be watchable by then.
        self.retry = first_error.is_some();
        if missed {
            // Bare, not complete: a new target may be mid-save as well.
            send(&self.report, FileChange::Partial);
        }
        first_error.map_or(Ok(()), Err)
    }
}

fn send(report: &Report, change: FileChange) {
    let report = report.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    report(change, Instant::now());
}

/// What an event means for our files: `None` when it names none of them. A rename names two
/// paths: onto one of ours it puts a save in place, but away from one of ours it leaves our
/// path missing for now (a safe write's first step), which must not count as a finished save.
fn change_of(event: &Event, ours: impl Fn(&Path) -> bool) -> Option<FileChange> {
    if event.kind == EventKind::Modify(ModifyKind::Name(RenameMode::Both)) {
        let (from, to) = (event.paths.first(), event.paths.get(1));
        return if to.is_some_and(|path| ours(path)) {
            Some(FileChange::Complete)
        } else if from.is_some_and(|path| ours(path)) {
            Some(FileChange::Gone)
        } else {
            None
        };
    }
    let change = classify(&event.kind)?;
    event.paths.iter().any(|path| ours(path)).then_some(change)
}

/// What an event kind means for reloading: `Complete` when the content is whole (a close after
/// writing, a rename into place), `Partial` when it may still be changing (writes, creates),
/// `Gone` when the file is removed or renamed away, `None` for events that cannot change the
/// content (opens, reads, read-only closes, metadata). A rename's two-path event is classified
/// for its destination here; [`change_of`] tells which end is ours.
pub fn classify(kind: &EventKind) -> Option<FileChange> {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(FileChange::Complete),
        EventKind::Access(_) => None,
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => Some(FileChange::Complete),
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) | EventKind::Remove(_) => Some(FileChange::Gone),
        // The poll watcher reports new content as a new write time; `touch` too is worth a look.
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime | MetadataKind::Any)) => {
            Some(FileChange::Partial)
        }
        EventKind::Modify(ModifyKind::Metadata(_)) => None,
        EventKind::Modify(_) | EventKind::Create(_) => Some(FileChange::Partial),
        EventKind::Any | EventKind::Other => Some(FileChange::Partial),
    }
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, RemoveKind};

    use super::*;

    #[test]
    fn completed_writes_and_renames_into_place_reload_at_once() {
        assert_eq!(classify(&EventKind::Access(AccessKind::Close(AccessMode::Write))), Some(FileChange::Complete));
        assert_eq!(classify(&EventKind::Modify(ModifyKind::Name(RenameMode::To))), Some(FileChange::Complete));
        assert_eq!(classify(&EventKind::Modify(ModifyKind::Name(RenameMode::Both))), Some(FileChange::Complete));
    }

    #[test]
    fn writes_and_creates_wait_for_quiet() {
        for kind in [
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Modify(ModifyKind::Name(RenameMode::Any)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Create(CreateKind::File),
        ] {
            assert_eq!(classify(&kind), Some(FileChange::Partial), "{kind:?}");
        }
    }

    #[test]
    fn deletes_and_renames_away_leave_the_file_gone() {
        for kind in [EventKind::Modify(ModifyKind::Name(RenameMode::From)), EventKind::Remove(RemoveKind::File)] {
            assert_eq!(classify(&kind), Some(FileChange::Gone), "{kind:?}");
        }
    }

    fn rename(from: &str, to: &str) -> Event {
        Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both))).add_path(from.into()).add_path(to.into())
    }

    #[test]
    fn a_rename_is_a_save_only_onto_our_file() {
        let ours = |path: &Path| path == Path::new("/d/metrics.toml");
        assert_eq!(change_of(&rename("/d/.tmp", "/d/metrics.toml"), ours), Some(FileChange::Complete));
        // JetBrains' safe write and vim's backup start by moving the old file away.
        assert_eq!(change_of(&rename("/d/metrics.toml", "/d/metrics.toml~"), ours), Some(FileChange::Gone));
        assert_eq!(change_of(&rename("/d/a", "/d/b"), ours), None);
        let write = Event::new(EventKind::Access(AccessKind::Close(AccessMode::Write)));
        assert_eq!(change_of(&write.clone().add_path("/d/metrics.toml".into()), ours), Some(FileChange::Complete));
        // Only the whole path counts: the same name in another folder is not ours.
        assert_eq!(change_of(&write.add_path("/e/metrics.toml".into()), ours), None);
    }

    #[test]
    fn our_own_reads_never_trigger_a_reload() {
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions)),
        ] {
            assert_eq!(classify(&kind), None, "{kind:?}");
        }
    }
}
