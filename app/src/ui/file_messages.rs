//! Files' failures as data and in words: why an import or export did
//! not happen (typed, carried from the worker thread to the window) and
//! the one place each is worded in the user's language, with what to do.

use std::path::Path;

use crate::bounded_read;
use crate::i18n::{Arg, I18n};
use crate::project::ProjectError;

/// Why an import produced no shapes.
#[derive(Debug)]
pub enum ImportFailure {
    /// The file was not read.
    Read(bounded_read::ReadError),
    /// The file is not an SVG we can read.
    Svg(geometry::import::ImportError),
}

/// A refused or failed read in words, with what to do.
pub fn read_error_message(i18n: &I18n, path: &Path, error: &bounded_read::ReadError) -> String {
    use bounded_read::ReadError;
    let file = ("file", Arg::Text(display_name(path)));
    match error {
        ReadError::NotAFile { .. } => i18n.tr_args("error-file-not-a-file", &[file]),
        ReadError::TooLarge { bytes, max } => i18n.tr_args(
            "error-file-too-large",
            &[
                file,
                ("size", Arg::Number(megabytes(*bytes))),
                ("max", Arg::Number(megabytes(*max))),
            ],
        ),
        ReadError::Io(source) => i18n.tr_args(
            "error-project-io",
            &[file, ("reason", Arg::Text(source.to_string()))],
        ),
    }
}

/// Whole megabytes, for messages.
fn megabytes(bytes: u64) -> f64 {
    (bytes as f64 / 1e6).round()
}

/// Why an export file is not there.
#[derive(Debug)]
pub enum ExportFailure {
    /// The design could not be turned into the format.
    Export(exporters::ExportError),
    /// The file could not be written.
    Write(std::io::ErrorKind),
}

/// Translation key of an export format's name (`KEY-tooltip` explains it).
pub fn format_key(format: exporters::Format) -> &'static str {
    match format {
        exporters::Format::LaserSvg => "format-svg",
        exporters::Format::Dxf => "format-dxf",
        exporters::Format::Stl => "format-stl",
        exporters::Format::ThreeMf => "format-3mf",
    }
}

pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A project error in words, with what to do.
pub fn project_error_message(i18n: &I18n, error: &ProjectError) -> String {
    match error {
        ProjectError::Io { path, source } => i18n.tr_args(
            "error-project-io",
            &[
                ("file", Arg::Text(display_name(path))),
                ("reason", Arg::Text(source.to_string())),
            ],
        ),
        ProjectError::Corrupt { path, .. } => i18n.tr_args(
            "error-project-corrupt",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::Newer { path, .. } => i18n.tr_args(
            "error-project-newer",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::Limit { path, source } => {
            crate::refusal_words::limit_text(i18n, Path::new(&display_name(path)), source)
        }
        ProjectError::TooLarge { path, .. } => i18n.tr_args(
            "error-project-too-large",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::NotAFile { path } => i18n.tr_args(
            "error-file-not-a-file",
            &[("file", Arg::Text(display_name(path)))],
        ),
    }
}

/// An export error in words, with what to do.
pub fn export_error_message(i18n: &I18n, error: &exporters::ExportError) -> String {
    use exporters::ExportError as E;
    use geometry::extrude::ExtrudeError;
    match error {
        E::NothingToExport { format } if format.is_3d() => i18n.tr("error-export-nothing-3d"),
        E::NothingToExport { .. } => i18n.tr("error-export-nothing-laser"),
        E::Extrude(ExtrudeError::NothingToExtrude) => i18n.tr("error-export-nothing-3d"),
        E::Extrude(ExtrudeError::InvalidHeight { .. }) => i18n.tr("error-export-height"),
        E::Extrude(ExtrudeError::NotClosed { x, y }) => i18n.tr_args(
            "error-export-not-closed",
            &[
                ("x", Arg::Text(i18n.number(*x, 1))),
                ("y", Arg::Text(i18n.number(*y, 1))),
            ],
        ),
        E::Io { kind, .. } => i18n.tr_args(
            "error-export-io",
            &[("reason", Arg::Text(kind.to_string()))],
        ),
        E::UnknownExtension { .. } => i18n.tr("error-export-extension"),
        other => i18n.tr_args(
            "error-export-internal",
            &[("reason", Arg::Text(other.to_string()))],
        ),
    }
}
