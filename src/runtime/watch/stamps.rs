//! What the followed files looked like before the watcher set its watches, so a save made in
//! between is not missed.
//!
//! The runtime sets the watches after the first frame is on screen (each watch is a round trip
//! with notify's thread, time the first frame would otherwise wait for). A save between the
//! stamps and the watches is seen by comparing the stamps taken before with the files after.
//! File times come from a coarse clock (a few milliseconds), so a save of the same size within
//! that time leaves the same stamp: a file written shortly before the stamps counts as changed
//! too (its reload, when nothing changed, is silent).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How recent a write must be for its stamp not to be trusted: well over the file times' coarse
/// clock (and the two seconds of FAT's).
const UNSURE: Duration = Duration::from_secs(3);

/// One file's identity and content stamp: device, inode, size, and the times of its last write
/// and last status change (a file replaced by a rename has another inode; a write in place moves
/// the times, to the nanosecond on the file systems that keep them). `None` when it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    #[cfg(unix)]
    place: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    changed: (i64, i64),
}

fn stamp(path: &Path) -> Option<Stamp> {
    // Through the links: the content at the end of the chain is what was loaded.
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    Some(Stamp {
        #[cfg(unix)]
        place: (meta.dev(), meta.ino()),
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        changed: (meta.ctime(), meta.ctime_nsec()),
    })
}

/// The stamps of a set of files, taken at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamps {
    files: Vec<(PathBuf, Option<Stamp>)>,
    taken: SystemTime,
}

impl Stamps {
    /// Stamps `files` now (a missing file's stamp says it is missing).
    pub fn take(files: &[PathBuf]) -> Self {
        let taken = SystemTime::now();
        Self { files: files.iter().map(|file| (file.clone(), stamp(file))).collect(), taken }
    }

    /// Whether any of `files` may differ now from when these stamps were taken: its stamp
    /// changed, or it was written too shortly before them to tell (a file not stamped then
    /// counts as changed: nothing says what was loaded).
    pub fn changed(&self, files: &[PathBuf]) -> bool {
        files.iter().any(|file| match self.files.iter().find(|(stamped, _)| stamped == file) {
            Some((_, before)) => *before != stamp(file) || before.as_ref().is_some_and(|b| self.unsure(b)),
            None => true,
        })
    }

    fn unsure(&self, stamp: &Stamp) -> bool {
        stamp.modified.is_none_or(|modified| self.taken.duration_since(modified).map_or(true, |age| age < UNSURE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_a_replacement_and_a_removal_are_changes_and_a_read_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("metrics.toml");
        let written_long_ago = |path: &Path| {
            let old = SystemTime::now() - Duration::from_secs(3600);
            std::fs::File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
        };
        std::fs::write(&file, "a = 1\n").unwrap();
        let files = vec![file.clone()];
        assert!(Stamps::take(&files).changed(&files), "written just now: too recent to tell");
        written_long_ago(&file);
        let stamps = Stamps::take(&files);
        let _ = std::fs::read(&file).unwrap();
        assert!(!stamps.changed(&files));
        // Same size, written again: the times move.
        std::fs::write(&file, "a = 2\n").unwrap();
        assert!(stamps.changed(&files));
        let stamps = Stamps::take(&files);
        let other = dir.path().join(".tmp");
        std::fs::write(&other, "a = 2\n").unwrap();
        written_long_ago(&other);
        std::fs::rename(&other, &file).unwrap();
        assert!(stamps.changed(&files), "another file, of the same size and time");
        let stamps = Stamps::take(&files);
        std::fs::remove_file(&file).unwrap();
        assert!(stamps.changed(&files));
        let stamps = Stamps::take(&files);
        assert!(!stamps.changed(&files), "missing then, missing now");
        assert!(stamps.changed(&[dir.path().join("article.md")]), "a file not stamped");
    }
}
