//! Reading the command line's input file into a document, whatever it is:
//! an SVG drawing, a Fabrique project or (for `trace`) a picture. The kind
//! is recognised from the content, not trusted from the extension.

use std::path::Path;

use geometry::Document;
use geometry::import::{ColorRules, SvgImport};

use super::CliError;

/// Largest input file read, bytes (the SVG importer's own limit).
pub const MAX_INPUT_BYTES: u64 = crate::bounded_read::MAX_DRAWING_BYTES;

/// What an input file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// An SVG drawing.
    Svg,
    /// A `.fabrique` project (JSON).
    Project,
    /// A bitmap picture (PNG, JPEG, GIF, BMP, WebP, TIFF).
    Picture,
}

/// Reads `path` whole: an ordinary file of at most `max` bytes, refused
/// before reading otherwise (see [`crate::bounded_read`]).
pub fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    use crate::bounded_read::{ReadError, read_file};
    read_file(path, max).map_err(|error| match error {
        ReadError::NotAFile { .. } => CliError::NotAFile {
            path: path.to_owned(),
        },
        ReadError::TooLarge { bytes, max } => CliError::TooLarge {
            path: path.to_owned(),
            bytes,
            max,
        },
        ReadError::Io(e) => CliError::Read {
            path: path.to_owned(),
            reason: super::error::FileProblem::Io(e.kind()),
        },
    })
}

/// Recognises the kind of `bytes`, `None` when it is none of ours.
pub fn sniff(bytes: &[u8]) -> Option<InputKind> {
    const PICTURES: [&[u8]; 8] = [
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF87a",
        b"GIF89a",
        b"BM",
        b"RIFF",
        b"II*\0",
        b"MM\0*",
    ];
    if PICTURES.iter().any(|magic| bytes.starts_with(magic)) {
        return Some(InputKind::Picture);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &text[i..]);
    if start.starts_with(b"{") {
        return Some(InputKind::Project);
    }
    if start.starts_with(b"<") {
        let head = &start[..start.len().min(64 * 1024)];
        if head.windows(4).any(|w| w == b"<svg") {
            return Some(InputKind::Svg);
        }
    }
    None
}

/// Loads a drawing (SVG or project) into a document. Pictures are refused
/// with a pointer to `fabrique trace`.
pub fn load_drawing(path: &Path) -> Result<Document, CliError> {
    load_drawing_and_kind(path).map(|(document, _)| document)
}

/// [`load_drawing`], also telling whether the file was a project (whose
/// shapes carry their own heights).
pub fn load_drawing_and_kind(path: &Path) -> Result<(Document, Option<InputKind>), CliError> {
    let bytes = read_bytes(path, MAX_INPUT_BYTES)?;
    let kind = sniff(&bytes);
    let (document, _) = drawing_from_bytes(path, &bytes, kind, &ColorRules::default())?;
    Ok((document, kind))
}

/// [`load_drawing`] with the SVG's colours turned into operations after
/// `rules`; the SVG import (colours used, what was left out) comes along,
/// `None` for a project.
pub fn load_drawing_with(
    path: &Path,
    rules: &ColorRules,
) -> Result<(Document, Option<SvgImport>), CliError> {
    let bytes = read_bytes(path, MAX_INPUT_BYTES)?;
    drawing_from_bytes(path, &bytes, sniff(&bytes), rules)
}

fn drawing_from_bytes(
    path: &Path,
    bytes: &[u8],
    kind: Option<InputKind>,
    rules: &ColorRules,
) -> Result<(Document, Option<SvgImport>), CliError> {
    let (document, import) = parsed_drawing(path, bytes, kind, rules)?;
    // Before any command does heavy work on it.
    geometry::limits::check(&document).map_err(|source| CliError::Limit {
        path: path.to_owned(),
        source,
    })?;
    Ok((document, import))
}

fn parsed_drawing(
    path: &Path,
    bytes: &[u8],
    kind: Option<InputKind>,
    rules: &ColorRules,
) -> Result<(Document, Option<SvgImport>), CliError> {
    match kind {
        Some(InputKind::Svg) => svg_document(path, bytes, rules),
        Some(InputKind::Project) => crate::project::from_json(bytes)
            .map(|document| (document, None))
            .map_err(|e| match e {
                crate::project::ParseError::Limit(source) => CliError::Limit {
                    path: path.to_owned(),
                    source,
                },
                crate::project::ParseError::Newer(version) => CliError::Project {
                    path: path.to_owned(),
                    newer: Some(version),
                },
                crate::project::ParseError::Corrupt(_) => CliError::Project {
                    path: path.to_owned(),
                    newer: None,
                },
            }),
        Some(InputKind::Picture) => Err(CliError::Picture {
            path: path.to_owned(),
        }),
        // An .svg file we do not recognise: let the importer say exactly
        // what is wrong with it (empty, compressed, not UTF-8, not <svg>…).
        None if has_svg_extension(path) => svg_document(path, bytes, rules),
        None => Err(CliError::UnknownInput {
            path: path.to_owned(),
        }),
    }
}

fn has_svg_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("svgz"))
}

fn svg_document(
    path: &Path,
    bytes: &[u8],
    rules: &ColorRules,
) -> Result<(Document, Option<SvgImport>), CliError> {
    let mut import =
        geometry::import::import_svg_with(bytes, rules).map_err(|source| match source {
            // Worded whole, with what to do, like a project beyond them.
            geometry::import::ImportError::Limit(source) => CliError::Limit {
                path: path.to_owned(),
                source,
            },
            source => CliError::Import {
                path: path.to_owned(),
                source,
            },
        })?;
    let mut document = Document::new();
    document.add_all(std::mem::take(&mut import.shapes));
    Ok((document, Some(import)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_printed_on_one_line() {
        assert_eq!(
            super::super::error::one_line("bad value \"a\tb\nc\"\r"),
            "bad value \"a\\tb\\nc\"\\r"
        );
    }

    #[test]
    fn kinds_are_recognised_from_content() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<svg>"),
            Some(InputKind::Svg)
        );
        assert_eq!(
            sniff(b"<!DOCTYPE svg>\n<svg xmlns=''/>"),
            Some(InputKind::Svg)
        );
        assert_eq!(sniff(b"\n{\"format_version\":1}"), Some(InputKind::Project));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), Some(InputKind::Picture));
        assert_eq!(sniff(b"<html>"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(&[0u8, 159, 146, 150]), None);
    }
}
