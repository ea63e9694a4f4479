//! A second screen that follows a presentation: the presenter serves its place on a local
//! socket ([`serve`]), each `coopdash --follow` joins it ([`join`]) and sends its clicker's
//! actions back. The lines they exchange are in [`protocol`].
//!
//! Where the socket lives: `$XDG_RUNTIME_DIR/coopdash/`, or `coopdash-<uid>` in the temp
//! folder when that is unset; the folder is the user's own, mode 0700 (one that is someone
//! else's, or open to others, is refused), the socket 0600. Its name is a hash of the
//! dataset's canonical path (the built-in dataset is one more dataset), so a presenter and its
//! followers meet wherever each was started from. Nothing listens on the network.

pub mod join;
pub mod protocol;
pub mod serve;

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::load::DatasetSource;

/// The socket a presentation of `source` is followed through (the folder is made if need be).
pub fn socket_path(source: &DatasetSource) -> io::Result<PathBuf> {
    let folder = private_folder()?;
    Ok(folder.join(socket_name(source)))
}

/// The socket's file name: a hash of what identifies the dataset, the same for every process.
pub fn socket_name(source: &DatasetSource) -> String {
    let key = match source {
        DatasetSource::Builtin => "builtin".to_owned(),
        DatasetSource::File(path) => {
            let path = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            format!("file:{}", path.display())
        }
    };
    format!("{:016x}.sock", fnv1a(key.as_bytes()))
}

/// FNV-1a, 64 bits: stable across builds and Rust versions (std's hasher promises neither).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The folder the sockets live in, made owner-only if it is new, refused if it is not ours.
fn private_folder() -> io::Result<PathBuf> {
    let folder = match std::env::var_os("XDG_RUNTIME_DIR").filter(|dir| !dir.is_empty()) {
        Some(runtime) => PathBuf::from(runtime).join("coopdash"),
        // SAFETY: getuid cannot fail.
        None => std::env::temp_dir().join(format!("coopdash-{}", unsafe { libc::getuid() })),
    };
    match fs::DirBuilder::new().mode(0o700).create(&folder) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
        Err(error) => return Err(error),
    }
    check_private(&folder)?;
    Ok(folder)
}

/// A folder someone else owns, or that others may enter, could hold a socket that is not the
/// presenter's: refused.
fn check_private(folder: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(folder)?;
    // SAFETY: getuid cannot fail.
    let mine = meta.uid() == unsafe { libc::getuid() };
    if !meta.is_dir() || !mine || meta.permissions().mode() & 0o077 != 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is not a private folder of this user", folder.display()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_the_canonical_path_hashed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("m.toml"), "").unwrap();
        let direct = socket_name(&DatasetSource::File(dir.path().join("m.toml")));
        let roundabout = socket_name(&DatasetSource::File(dir.path().join("sub/../m.toml")));
        assert_eq!(direct, roundabout);
        assert_ne!(direct, socket_name(&DatasetSource::Builtin));
        assert_eq!(socket_name(&DatasetSource::Builtin), socket_name(&DatasetSource::Builtin));
        assert!(direct.ends_with(".sock") && direct.len() == 16 + 5);
    }

    #[test]
    fn the_folder_is_owner_only_and_an_open_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("coopdash");
        fs::DirBuilder::new().mode(0o700).create(&folder).unwrap();
        assert!(check_private(&folder).is_ok());
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(check_private(&folder).unwrap_err().kind(), io::ErrorKind::PermissionDenied);
    }
}

#[cfg(test)]
mod socket_tests;
