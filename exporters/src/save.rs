//! Choosing the format from a file name, and writing a file whole or not
//! at all.
//!
//! [`save`] renders the whole file in memory first (so a document that
//! cannot be exported never touches the disk), writes it to a temporary
//! file beside the target, flushes it to the device and renames it over
//! the target. A crash, a full disk or a USB stick pulled out midway leaves
//! the old file (or no file), never half of a new one.

use std::io::Write;
use std::path::Path;

use geometry::Document;
use geometry::extrude::{ExtrudeOptions, extrude};

use crate::atomic_write::{Access, Existing};
use crate::error::ExportError;
use crate::profile::LaserProfile;
use crate::{dxf, laser_svg, stl, threemf};

/// The file formats Fabrique writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Laser-ready SVG in millimetres (`.svg`).
    LaserSvg,
    /// DXF R12 for laser software (`.dxf`).
    Dxf,
    /// Binary STL of the extruded parts (`.stl`).
    Stl,
    /// 3MF package of the extruded parts (`.3mf`).
    ThreeMf,
}

impl Format {
    /// Every format, in the order the app lists them.
    pub const ALL: [Format; 4] = [Format::LaserSvg, Format::Dxf, Format::Stl, Format::ThreeMf];

    /// The format for `path`'s extension, whatever its case.
    ///
    /// ```
    /// use exporters::Format;
    /// use std::path::Path;
    /// assert_eq!(Format::from_path(Path::new("porte-clé.3MF")).ok(), Some(Format::ThreeMf));
    /// assert!(Format::from_path(Path::new("plan.pdf")).is_err());
    /// ```
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(&ext))
            .ok_or(ExportError::UnknownExtension { ext })
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::LaserSvg => "svg",
            Format::Dxf => "dxf",
            Format::Stl => "stl",
            Format::ThreeMf => "3mf",
        }
    }

    /// `true` for the formats made of extruded solids (STL, 3MF).
    pub fn is_3d(self) -> bool {
        matches!(self, Format::Stl | Format::ThreeMf)
    }
}

/// How to export: the laser profile (colours, stroke) and the flattening
/// tolerance for curves.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Colours and stroke width for the laser formats.
    pub profile: LaserProfile,
    /// Largest distance between a curve and the segments that replace it, mm.
    pub tolerance_mm: f64,
    /// The laser page (width, height), mm, its lower-left corner at the
    /// document's origin: parts keep their place on it. `None` crops the
    /// page to the drawing.
    pub page_mm: Option<(f64, f64)>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            profile: LaserProfile::generic(),
            tolerance_mm: geometry::DEFAULT_TOLERANCE_MM,
            page_mm: None,
        }
    }
}

/// Writes `doc` in `format` to `out`. The 3D formats extrude the document
/// first ([`geometry::extrude::extrude`]).
pub fn export(
    doc: &Document,
    options: &ExportOptions,
    format: Format,
    out: impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::LaserSvg => laser_svg::write_laser_svg_on_page(
            doc,
            &options.profile,
            options.tolerance_mm,
            options.page_mm,
            out,
        ),
        Format::Dxf => dxf::write_dxf_on_page(
            doc,
            &options.profile,
            options.tolerance_mm,
            options.page_mm,
            out,
        ),
        Format::Stl | Format::ThreeMf => {
            crate::check_tolerance(options.tolerance_mm)?;
            let extrude_options = ExtrudeOptions {
                tolerance_mm: options.tolerance_mm,
            };
            let meshes = extrude(doc, &extrude_options)?;
            write_solid(&meshes, format, out)
        }
    }
}

/// Writes an already extruded solid in a 3D `format` (the app extrudes
/// each revision once and shares it); a 2D format is refused.
pub fn write_solid(
    meshes: &[geometry::Mesh],
    format: Format,
    out: impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::Stl => stl::write_stl(meshes, out),
        Format::ThreeMf => threemf::write_3mf(meshes, out),
        Format::LaserSvg | Format::Dxf => Err(ExportError::NotA3dFormat { format }),
    }
}

/// Exports `doc` to the file at `path`, in the format its extension names.
/// The file is written whole or not at all: on any error, nothing is
/// created and an existing file is left as it was.
pub fn save(path: &Path, doc: &Document, options: &ExportOptions) -> Result<(), ExportError> {
    let format = Format::from_path(path)?;
    let mut bytes = Vec::new();
    export(doc, options, format, &mut bytes)?;
    crate::atomic_write::write_file(path, &bytes, Existing::Replace, Access::Shared, || true)
        .map_err(|e| ExportError::io_at(path, &e))?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "save_tests.rs"]
mod tests;
