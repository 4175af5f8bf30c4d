//! The one file writer of Fabrique: exports, projects, the autosave and the
//! kiosk's settings all go through [`write_file`]. A file is written whole
//! or not at all (a temporary file beside it, synced, then renamed), an
//! existing file is replaced only when the caller says so, and the new
//! file's permissions are chosen, not inherited by accident.
//!
//! Keeping an existing file uses the kernel's no-replace rename (through
//! `tempfile::persist_noclobber`: `renameat2(RENAME_NOREPLACE)`, else a hard
//! link), so two visitors exporting the same name at the same moment still
//! get two files: the name is never checked first and taken later.
//!
//! Current limitations: on a file system that has neither the no-replace
//! rename nor hard links, keeping an existing file fails with an error
//! instead of writing (never replaces).

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Highest number tried after a taken name (`dessin-2.svg` … `dessin-9999.svg`).
pub const MAX_NUMBER: u32 = 9999;

/// What to do when the file already exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (the user said yes, or the file is ours: the autosave).
    Replace,
    /// Keep it: write under the first free numbered name instead.
    KeepAndNumber,
}

/// Who may read the written file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Everyone (`0644`): an export or a project others in the lab may open.
    Shared,
    /// The owner only (`0600`): settings holding the animator's PIN.
    Private,
}

/// `path` numbered `n`: `dessin.svg` → `dessin-2.svg`; `n` ≤ 1 is `path`.
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_owned();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// The first of `path`, `path-2`, `path-3`… that does not exist yet (for
/// suggesting a name; the write itself never trusts this answer).
pub fn first_free(path: &Path) -> PathBuf {
    (1..=MAX_NUMBER)
        .map(|n| numbered(path, n))
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| numbered(path, MAX_NUMBER))
}

/// Writes `bytes` to `path` whole or not at all, and returns the path
/// written: `path` itself, or with [`Existing::KeepAndNumber`] the first
/// free numbered name. `proceed` is asked just before the file is put in
/// place (a Cancel button); `Ok(None)` when it said no, and then nothing
/// is left on disk.
pub fn write_file(
    path: &Path,
    bytes: &[u8],
    existing: Existing,
    access: Access,
    proceed: impl FnOnce() -> bool,
) -> io::Result<Option<PathBuf>> {
    // Same folder, so the rename stays on one file system and is atomic.
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".fabrique-")
        .suffix(".part")
        .tempfile_in(&folder)?;
    temp.as_file_mut().write_all(bytes)?;
    temp.as_file_mut().sync_all()?;
    set_access(temp.as_file(), access);
    if !proceed() {
        return Ok(None);
    }
    match existing {
        Existing::Replace => temp.persist(path).map_err(|e| e.error)?,
        Existing::KeepAndNumber => {
            for n in 1..=MAX_NUMBER {
                let candidate = numbered(path, n);
                match temp.persist_noclobber(&candidate) {
                    Ok(_) => return Ok(Some(candidate)),
                    Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => temp = e.file,
                    Err(e) => return Err(e.error),
                }
            }
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "every numbered name is taken",
            ));
        }
    };
    Ok(Some(path.to_owned()))
}

/// The temporary file is created readable by its owner only; widen it for
/// a shared file. Failing (a FAT USB stick has no permissions) is harmless.
fn set_access(file: &std::fs::File, access: Access) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match access {
            Access::Shared => 0o644,
            Access::Private => 0o600,
        };
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, access);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        all.sort();
        all
    }

    #[test]
    fn numbered_names_keep_the_extension() {
        let p = Path::new("/cle/porte-cles-lea.stl");
        assert_eq!(numbered(p, 1), p);
        assert_eq!(numbered(p, 2), Path::new("/cle/porte-cles-lea-2.stl"));
        assert_eq!(numbered(Path::new("dessin"), 3), Path::new("dessin-3"));
    }

    #[test]
    fn keeping_never_replaces_and_numbers_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svg");
        std::fs::write(&path, b"first visitor").unwrap();
        let written = write_file(
            &path,
            b"second",
            Existing::KeepAndNumber,
            Access::Shared,
            || true,
        )
        .unwrap();
        assert_eq!(written, Some(dir.path().join("a-2.svg")));
        let third = write_file(
            &path,
            b"third",
            Existing::KeepAndNumber,
            Access::Shared,
            || true,
        )
        .unwrap();
        assert_eq!(third, Some(dir.path().join("a-3.svg")));
        assert_eq!(std::fs::read(&path).unwrap(), b"first visitor");
        assert_eq!(names(dir.path()), ["a-2.svg", "a-3.svg", "a.svg"]);
        assert_eq!(first_free(&path), dir.path().join("a-4.svg"));
    }

    #[test]
    fn replacing_replaces_and_a_cancel_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.fabrique");
        std::fs::write(&path, b"old").unwrap();
        let cancelled = write_file(&path, b"new", Existing::Replace, Access::Shared, || false);
        assert_eq!(cancelled.unwrap(), None);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["a.fabrique"], "no temporary file left");
        write_file(&path, b"new", Existing::Replace, Access::Shared, || true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn access_is_chosen() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        for (access, mode) in [(Access::Private, 0o600), (Access::Shared, 0o644)] {
            let path = dir.path().join(format!("{mode:o}"));
            write_file(&path, b"x", Existing::Replace, access, || true).unwrap();
            let got = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode);
        }
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/a.svg");
        assert!(write_file(&path, b"x", Existing::Replace, Access::Shared, || true).is_err());
    }
}
