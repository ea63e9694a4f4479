//! Watching the dataset and the article for saves, whatever editor makes them.
//!
//! We watch the parent folder of each file (not the file: editors that save by rename would leave
//! a watch on the old inode, which then goes deaf), keep only events that name one of our files,
//! and only the kinds that can mean new content. Linux also reports opens and read-only closes;
//! reacting to them would make our own reads trigger the next reload, forever.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
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

/// Follows a set of files through their parent folders and reports their changes.
pub struct FileWatcher {
    watcher: Box<dyn Watcher + Send>,
    mode: WatchMode,
    /// File names we care about, shared with the notify callback.
    names: Arc<Mutex<HashSet<OsString>>>,
    /// What the watcher is watching now: folders (native) or files (poll).
    watched: HashSet<PathBuf>,
    files: Vec<PathBuf>,
}

impl FileWatcher {
    /// Starts a watcher that calls `on_change` for every relevant change of a followed file.
    pub fn start(mode: WatchMode, on_change: impl Fn(FileChange, Instant) + Send + 'static) -> notify::Result<Self> {
        let names: Arc<Mutex<HashSet<OsString>>> = Arc::default();
        let wanted = Arc::clone(&names);
        let handler = move |result: notify::Result<Event>| {
            let Ok(event) = result else { return };
            let Some(change) = classify(&event.kind) else { return };
            let names = wanted.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if event.paths.iter().any(|p| p.file_name().is_some_and(|n| names.contains(n))) {
                on_change(change, Instant::now());
            }
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
        Ok(Self { watcher, mode, names, watched: HashSet::new(), files: Vec::new() })
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

    /// Follows exactly these files from now on (cheap when they did not change). Paths that
    /// cannot be watched are skipped and retried on the next call; the first error is returned.
    pub fn follow(&mut self, files: &[PathBuf]) -> notify::Result<()> {
        if files == self.files.as_slice() {
            return Ok(());
        }
        self.files = files.to_vec();
        let names: HashSet<OsString> = files.iter().filter_map(|f| f.file_name().map(OsString::from)).collect();
        *self.names.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = names;
        // Native watchers follow folders (a watch on a file goes deaf when an editor replaces it);
        // the poll watcher re-reads paths on every pass, so it follows the files themselves.
        let targets: HashSet<PathBuf> = match self.mode {
            WatchMode::Native => files.iter().map(|f| parent_folder(f)).collect(),
            // A file that does not exist yet cannot be polled: its folder can.
            WatchMode::Poll => files.iter().map(|f| if f.exists() { f.clone() } else { parent_folder(f) }).collect(),
        };
        for gone in self.watched.difference(&targets) {
            let _ = self.watcher.unwatch(gone);
        }
        let mut first_error = None;
        let mut watched = HashSet::new();
        for target in &targets {
            if self.watched.contains(target) {
                watched.insert(target.clone());
                continue;
            }
            match self.watcher.watch(target, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    watched.insert(target.clone());
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        self.watched = watched;
        if first_error.is_some() {
            // Try again on the next call: the folder may exist by then.
            self.files.clear();
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// The folder a file lives in (`.` for a bare file name).
fn parent_folder(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What an event means for reloading: `Complete` when the content is whole (a close after
/// writing, a rename into place), `Partial` when it may still be changing (writes, creates,
/// deletes, renames away), `None` for events that cannot change the content (opens, reads,
/// read-only closes, metadata).
pub fn classify(kind: &EventKind) -> Option<FileChange> {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(FileChange::Complete),
        EventKind::Access(_) => None,
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => Some(FileChange::Complete),
        // The poll watcher reports new content as a new write time; `touch` too is worth a look.
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime | MetadataKind::Any)) => {
            Some(FileChange::Partial)
        }
        EventKind::Modify(ModifyKind::Metadata(_)) => None,
        EventKind::Modify(_) | EventKind::Create(_) | EventKind::Remove(_) => Some(FileChange::Partial),
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
    fn writes_creates_and_deletes_wait_for_quiet() {
        for kind in [
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::File),
        ] {
            assert_eq!(classify(&kind), Some(FileChange::Partial), "{kind:?}");
        }
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

    #[test]
    fn a_bare_file_name_lives_in_the_current_folder() {
        assert_eq!(parent_folder(Path::new("metrics.toml")), PathBuf::from("."));
        assert_eq!(parent_folder(Path::new("data/m.toml")), PathBuf::from("data"));
    }
}
