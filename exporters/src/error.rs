//! Why an export failed: one [`ExportError`] for every writer, with data
//! rather than prose, so the app and the CLI can say what happened and what
//! to do in the user's language.
//!
//! Unusable input ([`ExportError::NothingToExport`], a bad tolerance or
//! profile, an extrusion that cannot be made) is kept apart from our own
//! bugs ([`ExportError::InvalidMesh`]: a mesh handed over by `geometry` that
//! breaks its own invariants) and from the disk ([`ExportError::Io`]).

use std::io;
use std::path::PathBuf;

use geometry::extrude::ExtrudeError;

use crate::profile::ProfileError;
use crate::save::Format;

/// Everything that can stop an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file name ends in an extension no exporter writes
    /// (`ext` is empty when the name has none).
    #[error("unknown file extension {ext:?}: use .svg, .dxf, .stl or .3mf")]
    UnknownExtension {
        /// The extension as the user typed it, without the dot.
        ext: String,
    },
    /// The document gives nothing to put in this format: no shape, or only
    /// shapes with no outline (zero size) for the laser, or no part with a
    /// volume for a 3D format.
    #[error("nothing to export as {format:?}")]
    NothingToExport {
        /// The format that was asked for.
        format: Format,
    },
    /// A solid was given to be written in a 2D (laser) format.
    #[error("a solid cannot be written as {format:?}: use .stl or .3mf")]
    NotA3dFormat {
        /// The format that was asked for.
        format: Format,
    },
    /// The flattening tolerance is not a positive, finite length.
    #[error("unusable tolerance {value} mm: it must be a positive number")]
    InvalidTolerance {
        /// The tolerance that was given, mm.
        value: f64,
    },
    /// The laser profile has a value that would make an unusable file.
    #[error("unusable laser profile: {0}")]
    InvalidProfile(#[from] ProfileError),
    /// The document could not become a solid for a 3D format.
    #[error("cannot make a solid: {0}")]
    Extrude(#[from] ExtrudeError),
    /// A mesh to write breaks its own invariants (our bug, not the user's).
    #[error("mesh of part {part} is unusable: {problem}")]
    InvalidMesh {
        /// Index of the part (mesh) in the list given to the writer.
        part: usize,
        /// What is wrong with it.
        problem: MeshProblem,
    },
    /// Reading or writing a file or stream failed.
    #[error("input/output error ({kind}){}", path.as_ref().map(|p| format!(" on {}", p.display())).unwrap_or_default())]
    Io {
        /// The file concerned, when there is one (not for in-memory writers).
        path: Option<PathBuf>,
        /// What kind of failure (not found, permission denied, disk full…).
        kind: io::ErrorKind,
    },
    /// The 3MF zip package could not be built.
    #[error("could not build the 3MF package: {0}")]
    Package(#[source] zip::result::ZipError),
}

/// What is wrong with a mesh handed to the STL or 3MF writer.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum MeshProblem {
    /// A triangle refers to a vertex that does not exist.
    #[error("triangle {triangle} uses vertex {index}, out of range")]
    IndexOutOfRange {
        /// Index of the triangle in the mesh.
        triangle: usize,
        /// The vertex index it uses.
        index: u32,
    },
    /// A vertex coordinate is not a finite number.
    #[error("vertex {vertex} is not a finite point")]
    NonFiniteVertex {
        /// Index of the vertex in the mesh.
        vertex: usize,
    },
}

impl ExportError {
    /// An I/O error on a stream or in-memory writer (no file path).
    pub(crate) fn io(error: &io::Error) -> Self {
        ExportError::Io {
            path: None,
            kind: error.kind(),
        }
    }

    /// An I/O error on the file at `path`.
    pub(crate) fn io_at(path: impl Into<PathBuf>, error: &io::Error) -> Self {
        ExportError::Io {
            path: Some(path.into()),
            kind: error.kind(),
        }
    }
}

impl From<zip::result::ZipError> for ExportError {
    fn from(error: zip::result::ZipError) -> Self {
        match error {
            zip::result::ZipError::Io(e) => ExportError::io(&e),
            other => ExportError::Package(other),
        }
    }
}
