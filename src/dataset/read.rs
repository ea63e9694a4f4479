//! Reading a file the careful way: size-capped, never blocking on a FIFO, UTF-8 checked.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::diagnostic::{Diagnostic, Position};

/// The largest file coopdash reads. Anything bigger is almost certainly a mistake (or
/// `/dev/zero`), and reading it would stall the interface.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads `path` as UTF-8 text of at most [`MAX_FILE_BYTES`], with a leading BOM removed.
///
/// Refuses directories, FIFOs and devices before opening them (opening a FIFO with no writer
/// blocks), and reports invalid UTF-8 with the line and column of the first bad byte.
/// `display` is how the file is named in the error.
pub fn read_text(path: &Path, display: &str) -> Result<String, Diagnostic> {
    let fail = |message: String| Diagnostic::error(display, None, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail("is not a regular file (a FIFO or a device?)".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(too_large(meta.len())));
    }
    let file = open_without_blocking(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(too_large(bytes.len() as u64)));
    }
    decode_utf8(bytes, display)
}

/// Opens for reading. On Unix the open does not block even if the path became a FIFO since we
/// looked (for regular files the flag changes nothing).
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Turns bytes into text, locating the first invalid byte for the error.
pub fn decode_utf8(mut bytes: Vec<u8>, display: &str) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        let mut position = Position::of_offset(prefix, prefix.len());
        if prefix.is_empty() {
            position = Position { line: 1, column: 1 };
        }
        Diagnostic::error(display, Some(position), "not valid UTF-8 text")
    })
}

fn too_large(bytes: u64) -> String {
    format!("is too large ({:.1} MiB; the limit is {} MiB)", bytes as f64 / 1048576.0, MAX_FILE_BYTES / 1048576)
}

/// The OS reason without Rust's "(os error 2)" suffix.
fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode_utf8(b"a = 1\nb = \"\xff\"".to_vec(), "m.toml").unwrap_err();
        assert_eq!(err.to_string(), "m.toml:2:6: not valid UTF-8 text");
    }

    #[test]
    fn a_bom_is_dropped() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFtitle".to_vec(), "m").unwrap(), "title");
    }

    #[test]
    fn missing_files_and_directories_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_text(&dir.path().join("nope.toml"), "nope.toml").unwrap_err();
        assert_eq!(missing.to_string(), "nope.toml: cannot read: No such file or directory");
        let is_dir = read_text(dir.path(), "dir").unwrap_err();
        assert_eq!(is_dir.to_string(), "dir: is a directory, not a file");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("metrics.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let err = read_text(&fifo, "metrics.toml").unwrap_err();
        assert!(err.message.contains("not a regular file"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let err = read_text(Path::new("/dev/zero"), "zero").unwrap_err();
        assert!(err.message.contains("not a regular file"), "{err}");
    }
}
