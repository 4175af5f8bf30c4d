//! Reading a file the user chose, bounded: only ordinary files, never more
//! than a limit, and never a wait. The app's open, import and trace and
//! every CLI command read their input through [`read_file`], so a 3 GB file
//! on a USB stick, a FIFO, a device or a folder is refused at once with a
//! reason instead of filling the memory or blocking a thread forever.
//!
//! The file is opened without blocking (a FIFO with no writer would block
//! `open` itself), then its type and size are taken from the open file, so
//! a file swapped after a first look is still judged by what is read.

use std::io::Read as _;
use std::path::Path;

/// Largest drawing (SVG) or project read, bytes (the SVG importer's own limit).
pub const MAX_DRAWING_BYTES: u64 = geometry::import::MAX_FILE_BYTES as u64;

/// Largest picture read for tracing, bytes: a 12 MP phone photo is a few MB;
/// the decoder's own pixel limits apply after.
pub const MAX_PICTURE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file was not read. Variants carry data; the app and the CLI word them.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not an ordinary file: a folder, a FIFO, a device, a socket.
    #[error("not an ordinary file ({kind:?})")]
    NotAFile {
        /// What it is instead.
        kind: SpecialKind,
    },
    /// Larger than the limit.
    #[error("{bytes} bytes, more than {max}")]
    TooLarge {
        /// Its size (at least; it may still grow).
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// The system refused (missing, no permission, unreadable medium).
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What a path that is not an ordinary file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    /// A folder.
    Folder,
    /// A FIFO, a device or a socket.
    Special,
}

/// Looks at `path` without reading it: an error when it is not an ordinary
/// file or is larger than `max`. Quick (one `stat`), for the UI thread.
pub fn check_file(path: &Path, max: u64) -> Result<(), ReadError> {
    let metadata = std::fs::metadata(path)?;
    judge(&metadata, max)
}

/// Reads `path` whole when it is an ordinary file of at most `max` bytes.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    judge(&metadata, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(max + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > max {
        return Err(ReadError::TooLarge { bytes: read, max });
    }
    Ok(bytes)
}

fn judge(metadata: &std::fs::Metadata, max: u64) -> Result<(), ReadError> {
    if metadata.is_dir() {
        return Err(ReadError::NotAFile {
            kind: SpecialKind::Folder,
        });
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile {
            kind: SpecialKind::Special,
        });
    }
    if metadata.len() > max {
        return Err(ReadError::TooLarge {
            bytes: metadata.len(),
            max,
        });
    }
    Ok(())
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK only changes how FIFOs and devices open and read; an
    // ordinary file reads the same.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svg");
        std::fs::write(&path, b"<svg/>").unwrap();
        assert_eq!(read_file(&path, 6).unwrap(), b"<svg/>");
        assert!(check_file(&path, 6).is_ok());
        assert!(matches!(
            read_file(&path, 5),
            Err(ReadError::TooLarge { bytes: 6, max: 5 })
        ));
        assert!(matches!(
            read_file(&dir.path().join("none"), 9),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn a_huge_sparse_file_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.svg");
        let file = std::fs::File::create(&path).unwrap();
        // 3 GB that take no room on disk: only the size is looked at.
        file.set_len(3 << 30).unwrap();
        assert!(matches!(
            read_file(&path, MAX_DRAWING_BYTES),
            Err(ReadError::TooLarge { .. })
        ));
        assert!(check_file(&path, MAX_PICTURE_BYTES).is_err());
    }

    #[test]
    fn folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for result in [
            read_file(dir.path(), 9),
            check_file(dir.path(), 9).map(|()| Vec::new()),
        ] {
            assert!(matches!(
                result,
                Err(ReadError::NotAFile {
                    kind: SpecialKind::Folder
                })
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.svg");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        // Nobody writes to it: a blocking open would never return.
        assert!(matches!(
            read_file(&fifo, 9),
            Err(ReadError::NotAFile {
                kind: SpecialKind::Special
            })
        ));
        assert!(check_file(&fifo, 9).is_err());
        let device = Path::new("/dev/zero");
        if device.exists() {
            assert!(read_file(device, 9).is_err());
        }
    }
}
