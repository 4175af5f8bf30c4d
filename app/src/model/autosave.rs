//! Autosave: after a few seconds without changes (and at least every ten
//! seconds while the user keeps working), the document is written to the
//! user's data folder. After a crash or power cut the next start offers to
//! restore it. A project that fails to open never touches this file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use geometry::Document;

use crate::project;

/// Quiet time before writing: long enough not to write during a drag,
/// short enough that little is lost.
pub const IDLE: Duration = Duration::from_secs(3);

/// Longest time changes stay unwritten while the user keeps working.
pub const MAX_DELAY: Duration = Duration::from_secs(10);

const FILE_NAME: &str = "autosave.fabrique";
const PATH_FILE_NAME: &str = "autosave-path.txt";
const PREVIOUS_FILE_NAME: &str = "autosave-previous.fabrique";

/// The user's data folder, where the autosave goes: `$FABRIQUE_DATA_DIR`
/// (tests, kiosks), else the system's place (see [`crate::ui::folders`]).
pub fn default_data_dir() -> Option<PathBuf> {
    crate::ui::folders::Folders::from_environment().data
}

/// What the autosave knows about the document's changes.
#[derive(Debug)]
pub struct Autosave {
    dir: Option<PathBuf>,
    seen_revision: u64,
    written_revision: u64,
    first_unsaved_change: Option<Instant>,
    last_change: Option<Instant>,
}

/// An autosave found at start-up.
#[derive(Debug)]
pub struct Recovered {
    /// The document as it was autosaved.
    pub document: Document,
    /// The project file it belonged to, if it had been saved before.
    pub project_path: Option<PathBuf>,
}

impl Autosave {
    /// Autosave into `dir` (none: autosave is off, e.g. no home folder).
    pub fn new(dir: Option<PathBuf>, revision: u64) -> Self {
        Self {
            dir,
            seen_revision: revision,
            written_revision: revision,
            first_unsaved_change: None,
            last_change: None,
        }
    }

    fn file(&self, name: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(name))
    }

    /// Called every frame; writes when the document has been quiet for
    /// [`IDLE`] or unwritten for [`MAX_DELAY`]. Returns an error to show
    /// once when writing failed.
    pub fn tick(
        &mut self,
        document: &Document,
        revision: u64,
        dirty: bool,
        project_path: Option<&Path>,
        now: Instant,
    ) -> Option<std::io::Error> {
        if revision != self.seen_revision {
            self.seen_revision = revision;
            self.last_change = Some(now);
            self.first_unsaved_change.get_or_insert(now);
        }
        if !dirty || revision == self.written_revision {
            return None;
        }
        let quiet = self.last_change.is_none_or(|t| now - t >= IDLE);
        let overdue = self
            .first_unsaved_change
            .is_some_and(|t| now - t >= MAX_DELAY);
        if !(quiet || overdue) {
            return None;
        }
        self.written_revision = revision;
        self.first_unsaved_change = None;
        self.write(document, project_path).err()
    }

    /// Time until the next write is due, to wake the UI for it.
    pub fn next_due(&self, now: Instant) -> Option<Duration> {
        if self.seen_revision == self.written_revision {
            return None;
        }
        let idle_due = self
            .last_change
            .map(|t| (t + IDLE).saturating_duration_since(now));
        let max_due = self
            .first_unsaved_change
            .map(|t| (t + MAX_DELAY).saturating_duration_since(now));
        match (idle_due, max_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn write(&self, document: &Document, project_path: Option<&Path>) -> std::io::Result<()> {
        let (Some(dir), Some(file), Some(path_file)) = (
            self.dir.as_ref(),
            self.file(FILE_NAME),
            self.file(PATH_FILE_NAME),
        ) else {
            return Ok(());
        };
        std::fs::create_dir_all(dir)?;
        let json = serde_json::to_vec(document).map_err(std::io::Error::other)?;
        project::write_atomically(&file, &json)?;
        let path_text = project_path
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        project::write_atomically(&path_file, path_text.as_bytes())
    }

    /// Forgets the autosave: the work is safely saved or knowingly discarded.
    pub fn clear(&mut self, revision: u64) {
        self.seen_revision = revision;
        self.written_revision = revision;
        self.first_unsaved_change = None;
        for name in [FILE_NAME, PATH_FILE_NAME] {
            if let Some(file) = self.file(name) {
                let _ = std::fs::remove_file(file);
            }
        }
    }

    /// The autosave left by a previous session, if any. A damaged autosave
    /// is kept aside (never deleted) and reported as an error.
    pub fn recover(&self) -> Option<Result<Recovered, project::ProjectError>> {
        let file = self.file(FILE_NAME)?;
        if !file.exists() {
            return None;
        }
        let project_path = self
            .file(PATH_FILE_NAME)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        let result = project::load(&file).map(|document| Recovered {
            document,
            project_path,
        });
        if result.is_err() {
            self.set_aside();
        }
        Some(result)
    }

    /// Moves the autosave out of the way (the user declined it, or it is
    /// damaged) without destroying it: one previous copy is kept.
    pub fn set_aside(&self) {
        if let (Some(file), Some(previous)) = (self.file(FILE_NAME), self.file(PREVIOUS_FILE_NAME))
        {
            let _ = std::fs::rename(file, previous);
        }
        if let Some(path_file) = self.file(PATH_FILE_NAME) {
            let _ = std::fs::remove_file(path_file);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn writes_after_idle_and_recovers() {
        let dir = tempfile::tempdir().unwrap();
        let mut autosave = Autosave::new(Some(dir.path().to_owned()), 0);
        let mut doc = Document::new();
        doc.add(geometry::Shape::new(geometry::ShapeKind::Ellipse {
            rx: 2.0,
            ry: 2.0,
        }));
        let t0 = Instant::now();
        assert!(autosave.tick(&doc, 1, true, None, t0).is_none());
        assert!(autosave.recover().is_none(), "too early");
        assert!(autosave.tick(&doc, 1, true, None, t0 + IDLE).is_none());
        let recovered = autosave.recover().unwrap().unwrap();
        assert_eq!(recovered.document, doc);
        autosave.clear(1);
        assert!(autosave.recover().is_none());
    }

    #[test]
    fn a_damaged_autosave_is_set_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), b"garbage").unwrap();
        let autosave = Autosave::new(Some(dir.path().to_owned()), 0);
        assert!(autosave.recover().unwrap().is_err());
        assert!(dir.path().join(PREVIOUS_FILE_NAME).exists());
    }
}
