//! Where a followed path leads: the chain of symbolic links from the path to the file that holds
//! the content, so the watcher can follow every link of it and the file at its end.

use std::path::{Path, PathBuf};

/// At most this many links are followed from one path (Linux's own limit is 40); a loop of links
/// ends as soon as it comes back to a path it has seen.
const MAX_LINKS: usize = 40;

/// The paths from `file` through every link to the last one: the real file, or the missing
/// target of a dangling link (whose folder can be watched for it to appear). Each path is its
/// folder's canonical path joined with its name, so one folder is one watch whatever path names
/// it, and the watcher's event paths (the watched folder joined with a name) compare equal.
///
/// Costs a `realpath` and a `readlink` per path of the chain: cheap enough to run after every
/// change of a followed file.
pub fn chain(file: &Path) -> Vec<PathBuf> {
    let mut chain: Vec<PathBuf> = Vec::new();
    let mut next = file.to_path_buf();
    while chain.len() <= MAX_LINKS {
        let here = canonical_folder_of(&next);
        if chain.contains(&here) {
            break;
        }
        let target = std::fs::read_link(&here).ok();
        let folder = parent_folder(&here);
        chain.push(here);
        let Some(target) = target else { break };
        // A relative target is relative to the link's folder (`join` keeps an absolute one).
        next = folder.join(target);
    }
    chain
}

/// The path with its folder made canonical (links in the folder resolved, `.` and `..` gone);
/// as given when the folder does not exist (yet) or the path names no file.
fn canonical_folder_of(path: &Path) -> PathBuf {
    let Some(name) = path.file_name() else { return path.to_path_buf() };
    let folder = parent_folder(path);
    std::fs::canonicalize(&folder).unwrap_or(folder).join(name)
}

/// Where to watch for `path`: its folder if that exists (canonical), and `None`. If it does not
/// (a dangling link into a folder not made yet), its nearest existing ancestor and the entry
/// under it whose creation is the next step towards `path`, to be followed like a file.
pub fn watch_point(path: &Path) -> (PathBuf, Option<PathBuf>) {
    let mut awaited = None;
    let mut folder = parent_folder(path);
    // Bounded: every turn takes a component off, and `.` and `/` exist.
    for _ in 0..=path.components().count() {
        if folder.is_dir() {
            break;
        }
        awaited = Some(folder.clone());
        folder = parent_folder(&folder);
    }
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    let awaited = awaited.and_then(|entry| entry.file_name().map(|name| folder.join(name)));
    (folder, awaited)
}

/// The folder a file lives in (`.` for a bare file name).
pub fn parent_folder(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_file_name_lives_in_the_current_folder() {
        assert_eq!(parent_folder(Path::new("metrics.toml")), PathBuf::from("."));
        assert_eq!(parent_folder(Path::new("data/m.toml")), PathBuf::from("data"));
    }

    #[test]
    fn a_plain_file_is_its_own_chain_under_its_canonical_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let file = dir.path().join("sub/../m.toml");
        assert_eq!(chain(&file), [real.join("m.toml")]);
        // A missing file too: its folder can still be watched for it.
        assert_eq!(chain(&dir.path().join("gone.toml")), [real.join("gone.toml")]);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_across_folders_to_the_end_even_a_dangling_one() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/real.toml"), "").unwrap();
        symlink("real.toml", dir.path().join("data/current.toml")).unwrap();
        symlink("data/current.toml", dir.path().join("m.toml")).unwrap();
        symlink(real.join("nowhere.toml"), dir.path().join("dangling.toml")).unwrap();
        assert_eq!(
            chain(&dir.path().join("m.toml")),
            [real.join("m.toml"), real.join("data/current.toml"), real.join("data/real.toml")]
        );
        assert_eq!(chain(&dir.path().join("dangling.toml")), [real.join("dangling.toml"), real.join("nowhere.toml")]);
    }

    #[test]
    fn a_path_in_a_folder_not_made_yet_is_awaited_from_the_nearest_folder_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(watch_point(&dir.path().join("m.toml")), (real.clone(), None));
        assert_eq!(watch_point(&dir.path().join("a/b/m.toml")), (real.clone(), Some(real.join("a"))));
        std::fs::create_dir(dir.path().join("a")).unwrap();
        assert_eq!(watch_point(&dir.path().join("a/b/m.toml")), (real.join("a"), Some(real.join("a/b"))));
        assert_eq!(watch_point(Path::new("m.toml")).1, None, "the current folder exists");
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_ends() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        assert_eq!(chain(&dir.path().join("a")), [real.join("a"), real.join("b")]);
        symlink("self", dir.path().join("self")).unwrap();
        assert_eq!(chain(&dir.path().join("self")), [real.join("self")]);
    }
}
