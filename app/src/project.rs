//! Project files (`.fabrique`): the document as JSON with its
//! `format_version`, written whole or not at all, read back with migration
//! of older versions and a clear refusal of newer or damaged files.

use std::path::{Path, PathBuf};

use geometry::{Document, FORMAT_VERSION};

/// File extension of projects.
pub const EXTENSION: &str = "fabrique";

/// Largest project file we read, bytes: a traced photo is a few MB; a
/// bigger file is not a project and would only exhaust the laptop's memory.
pub const MAX_PROJECT_BYTES: u64 = 200 * 1024 * 1024;

/// Why a project could not be read or written. Variants carry data, the app
/// turns them into translated messages.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Not a Fabrique project, or damaged.
    #[error("{path}: not a valid project ({reason})")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What was wrong, for the log.
        reason: String,
    },
    /// Written by a newer Fabrique.
    #[error("{path}: format version {found} is newer than {supported}")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u64,
        /// The newest this build reads.
        supported: u32,
    },
    /// A folder, a FIFO or a device, not a file.
    #[error("{path}: not an ordinary file")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// Beyond the limits every drawing passes before any heavy work
    /// (too many segments, absurd or non-finite coordinates).
    #[error("{path}: {source}")]
    Limit {
        /// The file.
        path: PathBuf,
        /// Which limit.
        source: geometry::limits::LimitError,
    },
    /// Larger than [`MAX_PROJECT_BYTES`].
    #[error("{path}: too large ({bytes} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
}

/// Reads a project file.
pub fn load(path: &Path) -> Result<Document, ProjectError> {
    use crate::bounded_read::{ReadError, read_file};
    let text = read_file(path, MAX_PROJECT_BYTES).map_err(|error| match error {
        ReadError::NotAFile { .. } => ProjectError::NotAFile {
            path: path.to_owned(),
        },
        ReadError::TooLarge { bytes, .. } => ProjectError::TooLarge {
            path: path.to_owned(),
            bytes,
        },
        ReadError::Io(source) => ProjectError::Io {
            path: path.to_owned(),
            source,
        },
    })?;
    from_json(&text).map_err(|error| match error {
        ParseError::Corrupt(reason) => ProjectError::Corrupt {
            path: path.to_owned(),
            reason,
        },
        ParseError::Newer(found) => ProjectError::Newer {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        },
        ParseError::Limit(source) => ProjectError::Limit {
            path: path.to_owned(),
            source,
        },
    })
}

/// Why bytes are not a project (without a path).
#[derive(Debug, PartialEq)]
pub enum ParseError {
    /// Not JSON, not a project, or damaged.
    Corrupt(String),
    /// A format version newer than this build's.
    Newer(u64),
    /// A drawing beyond [`geometry::limits`], refused before any work.
    Limit(geometry::limits::LimitError),
}

/// Parses and migrates a project from JSON bytes.
pub fn from_json(bytes: &[u8]) -> Result<Document, ParseError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ParseError::Corrupt(e.to_string()))?;
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| ParseError::Corrupt("no format_version".to_owned()))?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(ParseError::Newer(version));
    }
    migrate(&mut value, version);
    let document: Document =
        serde_json::from_value(value).map_err(|e| ParseError::Corrupt(e.to_string()))?;
    // Here, so the app and every command refuse it before heavy work.
    geometry::limits::check(&document).map_err(ParseError::Limit)?;
    Ok(document)
}

/// Brings an older project up to [`FORMAT_VERSION`], one version at a time.
/// Version 1 is the first: nothing to do yet. Each future bump adds a step
/// here and a test with a file of the old version.
fn migrate(value: &mut serde_json::Value, from: u64) {
    let mut version = from;
    while version < u64::from(FORMAT_VERSION) {
        // match version { 1 => migrate_1_to_2(value), … }
        version += 1;
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("format_version".to_owned(), FORMAT_VERSION.into());
    }
}

/// Writes a project: to a temporary file beside `path`, flushed, then
/// renamed over it, so a power cut leaves the old file or the new one, never half.
pub fn save(path: &Path, document: &Document) -> Result<(), ProjectError> {
    write_atomically(path, &to_json(document)).map_err(|source| ProjectError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `bytes` to `path` whole or not at all, replacing what was there
/// (the autosave, the user's own project after they said yes).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use exporters::atomic_write::{Access, Existing, write_file};
    write_file(path, bytes, Existing::Replace, Access::Shared, || true).map(|_| ())
}

/// The project as the bytes of its file.
pub fn to_json(document: &Document) -> Vec<u8> {
    // A document is plain data (strings, numbers, lists): serializing it
    // cannot fail; keep it total anyway.
    serde_json::to_vec_pretty(document).unwrap_or_default()
}

/// `path` ending in the project extension: added when the name has none
/// or another one (`photo.jpg` → `photo.jpg.fabrique`), so saving a project
/// can never take the name of a picture or a drawing.
pub fn with_extension(path: &Path) -> PathBuf {
    with_own_extension(path, EXTENSION)
}

/// `path` ending in `.extension` (any case): kept as it is when it does,
/// else the extension is appended (`notes.txt` → `notes.txt.svg`).
pub fn with_own_extension(path: &Path, extension: &str) -> PathBuf {
    let has_it = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(extension));
    if has_it {
        return path.to_owned();
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(extension);
    path.with_file_name(name)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Shape, ShapeKind};

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keychain.fabrique");
        let mut doc = Document::new();
        doc.add(Shape::new(ShapeKind::Text {
            text: "Léa".into(),
            font: "Andika".into(),
            size: 10.0,
        }));
        save(&path, &doc).unwrap();
        assert_eq!(load(&path).unwrap(), doc);
        // No temporary file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn damaged_and_newer_files_are_refused() {
        assert!(matches!(
            from_json(b"{not json"),
            Err(ParseError::Corrupt(_))
        ));
        assert!(matches!(
            from_json(b"{\"shapes\": []}"),
            Err(ParseError::Corrupt(_))
        ));
        assert_eq!(
            from_json(b"{\"format_version\": 99, \"shapes\": []}"),
            Err(ParseError::Newer(99))
        );
        assert!(from_json(b"{\"format_version\": 1, \"shapes\": []}").is_ok());
    }

    #[test]
    fn a_project_beyond_the_limits_is_refused_on_loading() {
        let mut document = Document::new();
        let square = geometry::Shape::new(geometry::ShapeKind::Rectangle {
            width: 10.0,
            height: 10.0,
        });
        document.add(square.clone().translated(1e308, 0.0));
        assert!(matches!(
            from_json(&to_json(&document)),
            Err(ParseError::Limit(
                geometry::limits::LimitError::TooFar { .. }
            ))
        ));
        let mut near = Document::new();
        near.add(square.translated(100.0, 0.0));
        assert!(from_json(&to_json(&near)).is_ok());
    }
}
