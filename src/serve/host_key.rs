//! The server's host key: made on first use and kept, so a viewer's `known_hosts` stays valid
//! across restarts. It lives in the user's data folder (`$XDG_DATA_HOME/coopdash/`, as the
//! `etcetera` crate's XDG strategy finds it) as an OpenSSH private key, readable by its owner
//! only; a key file that others may read is refused rather than used.

use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use russh::keys::PrivateKey;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::ssh_key::{HashAlg, LineEnding};

/// The key file's name in the data folder.
pub const FILE_NAME: &str = "ssh_host_ed25519_key";

/// Where the host key is kept, if the user's data folder can be found.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("coopdash").join(FILE_NAME))
}

/// The key at `path`, made (Ed25519, from the system's random source) if there is none yet.
/// Returns the key and whether it was made now.
pub fn load_or_create(path: &Path) -> io::Result<(PrivateKey, bool)> {
    match fs::symlink_metadata(path) {
        Ok(meta) => {
            if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!("{} must be a file only its owner may read (chmod 600)", path.display()),
                ));
            }
            let text = fs::read_to_string(path)?;
            let key = PrivateKey::from_openssh(&text).map_err(|error| invalid(path, &error))?;
            Ok((key, false))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let key = generate()?;
            save(path, &key)?;
            Ok((key, true))
        }
        Err(error) => Err(error),
    }
}

/// The key's fingerprint as OpenSSH prints it (`SHA256:…`).
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// A new Ed25519 key from the system's random source.
pub(crate) fn generate() -> io::Result<PrivateKey> {
    let mut seed = [0u8; 32];
    fs::File::open("/dev/urandom")?.read_exact(&mut seed)?;
    Ok(PrivateKey::from(Ed25519Keypair::from_seed(&seed)))
}

/// Writes the key owner-only, in a folder made owner-only; never over an existing file.
fn save(path: &Path, key: &PrivateKey) -> io::Result<()> {
    if let Some(folder) = path.parent() {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().recursive(true).mode(0o700).create(folder)?;
    }
    let text = key.to_openssh(LineEnding::LF).map_err(|error| invalid(path, &error))?;
    let mut file = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

fn invalid(path: &Path, error: &dyn std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_owner_only_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("coopdash").join(FILE_NAME);
        let (first, made) = load_or_create(&path).unwrap();
        assert!(made);
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let (again, made) = load_or_create(&path).unwrap();
        assert!(!made);
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
    }

    #[test]
    fn a_key_others_may_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(load_or_create(&path).unwrap_err().kind(), io::ErrorKind::PermissionDenied);
    }
}
