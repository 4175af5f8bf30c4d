//! The folder jail of the kiosk: visitors open, import, save and export only
//! inside the folders the animator allowed. A typed name with `..`, an
//! absolute path elsewhere, or a symbolic link leading out is refused with a
//! message; so is a folder that is not there (a USB stick not plugged in).
//!
//! Paths are compared after resolving links (`canonicalize`), component by
//! component, so `/media/cle-evil` is not inside `/media/cle`.
//!
//! Current limitations: the check happens when the file is chosen; a link
//! swapped in between choosing and writing (a race needing a shell on the
//! kiosk) is not caught. Writes go through a temporary file renamed into
//! place, which replaces a link rather than following it.

use std::path::{Component, Path, PathBuf};

use crate::i18n::{Arg, I18n};

/// The folders a kiosk visitor may use for one purpose.
#[derive(Clone, Debug, PartialEq)]
pub struct Jail {
    roots: Vec<PathBuf>,
}

/// Why a path was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum JailError {
    /// The name has a `..` step.
    #[error("`..` is not allowed")]
    ParentStep,
    /// The path is outside every allowed folder.
    #[error("{path} is outside the allowed folders")]
    Outside {
        /// The refused path.
        path: PathBuf,
    },
    /// A symbolic link inside leads outside.
    #[error("{path} is a link to outside the allowed folders")]
    LinkOutside {
        /// The link.
        path: PathBuf,
    },
    /// The folder does not exist (USB stick unplugged, typo in the config).
    #[error("{folder} does not exist")]
    FolderMissing {
        /// The missing folder.
        folder: PathBuf,
    },
    /// No file name (empty, or only a folder).
    #[error("no file name")]
    NoName,
}

impl Jail {
    /// A jail of `roots` (as configured; resolved at each check).
    pub fn new(roots: Vec<PathBuf>) -> Self {
        Self { roots }
    }

    /// The allowed folders, as configured.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The first allowed folder that exists, to start browsing in.
    pub fn start_dir(&self) -> Result<PathBuf, JailError> {
        self.roots
            .iter()
            .find(|r| r.is_dir())
            .cloned()
            .ok_or_else(|| JailError::FolderMissing {
                folder: self.roots.first().cloned().unwrap_or_default(),
            })
    }

    fn canonical_roots(&self) -> Vec<PathBuf> {
        self.roots
            .iter()
            .filter_map(|r| std::fs::canonicalize(r).ok())
            .collect()
    }

    /// `true` when the existing `path` (links resolved) is inside a root.
    pub fn contains(&self, path: &Path) -> bool {
        let Ok(real) = std::fs::canonicalize(path) else {
            return false;
        };
        self.canonical_roots().iter().any(|r| real.starts_with(r))
    }

    /// `true` when `dir` is one of the allowed folders (no going up from it).
    pub fn is_root(&self, dir: &Path) -> bool {
        let Ok(real) = std::fs::canonicalize(dir) else {
            return true;
        };
        self.canonical_roots().contains(&real)
    }

    /// The file that `typed` names when typed in folder `dir`: relative to
    /// `dir`, or absolute, and in both cases inside the jail. The result has
    /// its folder's links resolved.
    pub fn resolve(&self, dir: &Path, typed: &str) -> Result<PathBuf, JailError> {
        // An empty name would name `dir` itself.
        if typed.trim().is_empty() {
            return Err(JailError::NoName);
        }
        let typed_path = Path::new(typed.trim());
        if typed_path
            .components()
            .any(|c| matches!(c, Component::ParentDir))
        {
            return Err(JailError::ParentStep);
        }
        let candidate = if typed_path.is_absolute() {
            typed_path.to_owned()
        } else {
            dir.join(typed_path)
        };
        let (Some(folder), Some(name)) = (candidate.parent(), candidate.file_name()) else {
            return Err(JailError::NoName);
        };
        let Ok(real_folder) = std::fs::canonicalize(folder) else {
            // Say which folder is missing, unless it is one outside anyway.
            return Err(if self.roots.iter().any(|r| folder.starts_with(r)) {
                JailError::FolderMissing {
                    folder: folder.to_owned(),
                }
            } else {
                JailError::Outside { path: candidate }
            });
        };
        let roots = self.canonical_roots();
        if roots.is_empty() {
            return Err(JailError::FolderMissing {
                folder: self.roots.first().cloned().unwrap_or_default(),
            });
        }
        if !roots.iter().any(|r| real_folder.starts_with(r)) {
            return Err(JailError::Outside { path: candidate });
        }
        let path = real_folder.join(name);
        // The file itself may be a link (or a folder link) leading out.
        if path.symlink_metadata().is_ok() {
            let inside = std::fs::canonicalize(&path)
                .is_ok_and(|real| roots.iter().any(|r| real.starts_with(r)));
            if !inside {
                return Err(JailError::LinkOutside { path: candidate });
            }
        }
        Ok(path)
    }
}

impl JailError {
    /// The refusal in words, with what to do instead.
    pub fn message(&self, i18n: &I18n, jail: &Jail) -> String {
        let folders = jail
            .roots()
            .iter()
            .map(|r| r.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let folders = ("folders", Arg::Text(folders));
        match self {
            JailError::ParentStep => i18n.tr_args("kiosk-jail-parent", &[folders]),
            JailError::Outside { .. } => i18n.tr_args("kiosk-jail-outside", &[folders]),
            JailError::LinkOutside { .. } => i18n.tr_args("kiosk-jail-link", &[folders]),
            JailError::FolderMissing { folder } => i18n.tr_args(
                "kiosk-folder-missing",
                &[("folder", Arg::Text(folder.display().to_string()))],
            ),
            JailError::NoName => i18n.tr("file-need-name"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    struct Setup {
        _dir: tempfile::TempDir,
        root: PathBuf,
        outside: PathBuf,
        jail: Jail,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("cle");
        let outside = dir.path().join("cle-voisine");
        std::fs::create_dir_all(root.join("sous-dossier")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.svg"), b"<svg/>").unwrap();
        let jail = Jail::new(vec![root.clone()]);
        Setup {
            _dir: dir,
            root,
            outside,
            jail,
        }
    }

    #[track_caller]
    fn refused(s: &Setup, typed: &str) -> JailError {
        s.jail.resolve(&s.root, typed).expect_err(typed)
    }

    #[test]
    fn names_inside_are_accepted() {
        let s = setup();
        let real_root = std::fs::canonicalize(&s.root).unwrap();
        for (typed, want) in [
            ("porte-cle.svg", real_root.join("porte-cle.svg")),
            ("./porte-cle.svg", real_root.join("porte-cle.svg")),
            ("sous-dossier/a.stl", real_root.join("sous-dossier/a.stl")),
        ] {
            assert_eq!(s.jail.resolve(&s.root, typed).unwrap(), want, "{typed}");
        }
        let absolute = s.root.join("b.svg").display().to_string();
        assert_eq!(
            s.jail.resolve(&s.root, &absolute).unwrap(),
            real_root.join("b.svg")
        );
    }

    #[test]
    fn escapes_are_refused() {
        let s = setup();
        assert_eq!(refused(&s, "../cle-voisine/x.svg"), JailError::ParentStep);
        assert_eq!(
            refused(&s, "sous-dossier/../../x.svg"),
            JailError::ParentStep
        );
        assert!(matches!(
            refused(&s, "/etc/passwd"),
            JailError::Outside { .. }
        ));
        let sibling = s.outside.join("secret.svg").display().to_string();
        assert!(matches!(refused(&s, &sibling), JailError::Outside { .. }));
        assert_eq!(refused(&s, "  "), JailError::NoName);
    }

    #[cfg(unix)]
    #[test]
    fn links_leading_out_are_refused() {
        let s = setup();
        std::os::unix::fs::symlink(s.outside.join("secret.svg"), s.root.join("lien.svg")).unwrap();
        std::os::unix::fs::symlink(&s.outside, s.root.join("dossier-lien")).unwrap();
        assert!(matches!(
            refused(&s, "lien.svg"),
            JailError::LinkOutside { .. }
        ));
        assert!(matches!(
            refused(&s, "dossier-lien/secret.svg"),
            JailError::Outside { .. }
        ));
        assert!(!s.jail.contains(&s.root.join("dossier-lien")));
        assert!(s.jail.contains(&s.root.join("sous-dossier")));
    }

    #[test]
    fn a_missing_folder_is_named() {
        let s = setup();
        let unplugged = Jail::new(vec![s.root.join("USB")]);
        assert!(matches!(
            unplugged.resolve(&s.root.join("USB"), "a.svg"),
            Err(JailError::FolderMissing { .. })
        ));
        assert!(unplugged.start_dir().is_err());
        assert!(matches!(
            refused(&s, "nulle-part/a.svg"),
            JailError::FolderMissing { .. }
        ));
    }

    #[test]
    fn the_root_is_the_top() {
        let s = setup();
        assert!(s.jail.is_root(&s.root));
        assert!(!s.jail.is_root(&s.root.join("sous-dossier")));
    }
}
