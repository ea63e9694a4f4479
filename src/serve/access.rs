//! Who may connect: the decision for each SSH authentication method, from what the command
//! line chose. Pure: the session asks, this answers.
//!
//! - Loopback (the default) and `--public`: anyone, with the `none` method or any key.
//! - `--authorized-keys FILE` (OpenSSH's format): only those keys.
//! - `--password-file FILE` (its first line): only that password.
//!
//! Given both, either one lets a viewer in. Keyboard-interactive is never offered.

use std::fs;
use std::io;
use std::net::SocketAddr;
use std::path::Path;

use russh::keys::ssh_key::{AuthorizedKeys, PublicKey};

/// The choice of who may connect.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// Anyone may connect (loopback, or `--public`).
    pub open: bool,
    /// The keys `--authorized-keys` lets in.
    pub keys: Vec<PublicKey>,
    /// The password `--password-file` holds.
    pub password: Option<String>,
}

/// Why a listening address cannot be served as asked.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(
        "{0} is not a loopback address: say who may connect with --authorized-keys FILE or --password-file FILE, or --public for anyone who can reach the port"
    )]
    Unchosen(SocketAddr),
    #[error("{path}: {error}")]
    File { path: String, error: String },
}

impl Access {
    /// The access for `listen`, from the files given (read here, at start).
    pub fn choose(
        listen: SocketAddr,
        authorized_keys: Option<&Path>,
        password_file: Option<&Path>,
        public: bool,
    ) -> Result<Self, AccessError> {
        let keys = match authorized_keys {
            Some(path) => read_keys(path)?,
            None => Vec::new(),
        };
        let password = password_file.map(read_password).transpose()?;
        let chosen = authorized_keys.is_some() || password.is_some();
        if !chosen && !public && !listen.ip().is_loopback() {
            return Err(AccessError::Unchosen(listen));
        }
        Ok(Self { open: public || !chosen, keys, password })
    }

    /// The `none` method: only where anyone may connect.
    pub fn allows_none(&self) -> bool {
        self.open
    }

    /// A public key (its ownership checked by russh before this is asked).
    pub fn allows_key(&self, key: &PublicKey) -> bool {
        self.open || self.keys.iter().any(|allowed| allowed.key_data() == key.key_data())
    }

    /// A password: only the one of `--password-file`, compared in time that does not depend
    /// on where the two first differ.
    pub fn allows_password(&self, given: &str) -> bool {
        let Some(expected) = &self.password else { return false };
        let (a, b) = (expected.as_bytes(), given.as_bytes());
        let differ = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
        differ == 0 && a.len() == b.len()
    }
}

fn file_error(path: &Path, error: impl std::fmt::Display) -> AccessError {
    AccessError::File { path: path.display().to_string(), error: error.to_string() }
}

fn read_keys(path: &Path) -> Result<Vec<PublicKey>, AccessError> {
    let text = fs::read_to_string(path).map_err(|error| file_error(path, error))?;
    let keys: Vec<PublicKey> = AuthorizedKeys::new(&text)
        .map(|entry| entry.map(|entry| entry.public_key().clone()))
        .collect::<Result<_, _>>()
        .map_err(|error| file_error(path, error))?;
    if keys.is_empty() {
        return Err(file_error(path, "no key in the file: nobody could connect"));
    }
    Ok(keys)
}

fn read_password(path: &Path) -> Result<String, AccessError> {
    let text = fs::read_to_string(path).map_err(|error: io::Error| file_error(path, error))?;
    let password = text.lines().next().unwrap_or_default().to_owned();
    if password.is_empty() {
        return Err(file_error(path, "the first line is empty: no password to check"));
    }
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_open_and_another_address_needs_a_choice() {
        let loopback: SocketAddr = "127.0.0.1:2222".parse().unwrap();
        let anywhere: SocketAddr = "0.0.0.0:2222".parse().unwrap();
        assert!(Access::choose(loopback, None, None, false).unwrap().allows_none());
        assert!(matches!(Access::choose(anywhere, None, None, false), Err(AccessError::Unchosen(_))));
        assert!(Access::choose(anywhere, None, None, true).unwrap().allows_none());
    }

    #[test]
    fn a_password_file_lets_in_its_password_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("password");
        fs::write(&file, "hunter2\nignored\n").unwrap();
        let anywhere: SocketAddr = "[::]:2222".parse().unwrap();
        let access = Access::choose(anywhere, None, Some(&file), false).unwrap();
        assert!(!access.allows_none());
        assert!(access.allows_password("hunter2"));
        assert!(!access.allows_password("hunter"));
        assert!(!access.allows_password("hunter22"));
        fs::write(&file, "\n").unwrap();
        assert!(Access::choose(anywhere, None, Some(&file), false).is_err());
    }

    #[test]
    fn an_authorized_keys_file_lets_in_its_keys_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("authorized_keys");
        let listed = crate::serve::host_key::generate().unwrap();
        let line = listed.public_key().to_openssh().unwrap();
        fs::write(&file, format!("# viewers\n{line} viewer@example\n")).unwrap();
        let access = Access::choose("10.0.0.1:22".parse().unwrap(), Some(&file), None, false).unwrap();
        assert!(access.allows_key(listed.public_key()));
        assert!(!access.allows_none());
        let other = crate::serve::host_key::generate().unwrap();
        assert!(!access.allows_key(other.public_key()));
        fs::write(&file, "# nobody\n").unwrap();
        assert!(Access::choose("10.0.0.1:22".parse().unwrap(), Some(&file), None, false).is_err());
    }
}
