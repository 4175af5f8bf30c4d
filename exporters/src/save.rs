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

/// [`export`], a laser format written from a drawing already read for the
/// laser (the app reads each revision once for its check and its export):
/// at `prepared`'s tolerance, read again if `prepared` does not
/// [fit](crate::PreparedDrawing::fits) `doc`. A 3D format is exported as
/// [`export`] does (`prepared` is not used).
pub fn export_prepared(
    doc: &Document,
    prepared: &crate::PreparedDrawing,
    options: &ExportOptions,
    format: Format,
    out: impl Write,
) -> Result<(), ExportError> {
    if format.is_3d() {
        return export(doc, options, format, out);
    }
    crate::check_tolerance(prepared.tolerance_mm())?;
    options.profile.validate()?;
    let paths = crate::LaserPaths::from_prepared(doc, prepared);
    if format == Format::Dxf {
        dxf::write_paths(&paths, &options.profile, options.page_mm, out)
    } else {
        laser_svg::write_paths(&paths, &options.profile, options.page_mm, out)
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
mod tests {
    //! Tests of format choice and whole-or-nothing saving.

    use super::*;
    use geometry::{Shape, ShapeKind};
    use std::io::Cursor;

    fn square_doc(side: f64, height: f64) -> Document {
        let mut doc = Document::new();
        let mut shape = Shape::new(ShapeKind::Rectangle {
            width: side,
            height: side,
        });
        shape.extrusion.height = height;
        doc.add(shape);
        doc
    }

    /// Names of the files in `dir`.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn format_comes_from_the_extension_whatever_its_case() {
        let cases = [
            ("porte-clé.svg", Some(Format::LaserSvg)),
            ("DESSIN.SVG", Some(Format::LaserSvg)),
            ("plan.Dxf", Some(Format::Dxf)),
            ("/media/usb/piece.stl", Some(Format::Stl)),
            ("piece.3MF", Some(Format::ThreeMf)),
            ("archive.svg.gz", None),
            ("sans-extension", None),
            ("plan.pdf", None),
        ];
        for (name, expected) in cases {
            assert_eq!(Format::from_path(Path::new(name)).ok(), expected, "{name}");
        }
        let error = Format::from_path(Path::new("plan.pdf")).unwrap_err();
        assert!(matches!(&error, ExportError::UnknownExtension { ext } if ext == "pdf"));
        let message = error.to_string();
        for ext in [".svg", ".dxf", ".stl", ".3mf"] {
            assert!(message.contains(ext), "{message}");
        }
        for format in Format::ALL {
            assert_eq!(
                format.is_3d(),
                matches!(format, Format::Stl | Format::ThreeMf)
            );
        }
    }

    #[test]
    fn save_writes_each_format_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let doc = square_doc(20.0, 20.0);
        for name in ["a.svg", "a.dxf", "a.stl", "a.3mf"] {
            let path = dir.path().join(name);
            save(&path, &doc, &ExportOptions::default()).unwrap();
            let mut expected = Vec::new();
            export(
                &doc,
                &ExportOptions::default(),
                Format::from_path(&path).unwrap(),
                &mut expected,
            )
            .unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o644, "{name}");
            }
        }
        assert_eq!(listing(dir.path()), ["a.3mf", "a.dxf", "a.stl", "a.svg"]);
    }

    #[test]
    fn saved_stl_is_the_extruded_solid() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cube.stl");
        save(&path, &square_doc(20.0, 20.0), &ExportOptions::default()).unwrap();
        let mesh = stl_io::read_stl(&mut Cursor::new(std::fs::read(&path).unwrap())).unwrap();
        mesh.validate().unwrap();
        let volume: f64 = mesh
            .faces
            .iter()
            .map(|f| {
                let [a, b, c] = f.vertices.map(|i| mesh.vertices[i].0.map(f64::from));
                (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                    + a[2] * (b[0] * c[1] - b[1] * c[0]))
                    / 6.0
            })
            .sum();
        assert!((volume - 8000.0).abs() < 1e-2, "{volume}");
    }

    #[test]
    fn documents_that_cannot_be_exported_leave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let options = ExportOptions::default();
        for name in ["empty.stl", "empty.3mf"] {
            let result = save(&dir.path().join(name), &Document::new(), &options);
            assert!(
                matches!(
                    result,
                    Err(ExportError::Extrude(
                        geometry::extrude::ExtrudeError::NothingToExtrude
                    ))
                ),
                "{result:?}"
            );
        }
        let mut bad_height = square_doc(10.0, 10.0);
        bad_height.shapes[0].extrusion.height = f64::INFINITY;
        let result = save(&dir.path().join("bad.stl"), &bad_height, &options);
        assert!(matches!(result, Err(ExportError::Extrude(_))), "{result:?}");
        for name in ["empty.svg", "empty.dxf"] {
            let result = save(&dir.path().join(name), &Document::new(), &options);
            assert!(matches!(result, Err(ExportError::NothingToExport { .. })));
        }
        let result = save(&dir.path().join("x.pdf"), &square_doc(1.0, 1.0), &options);
        assert!(matches!(result, Err(ExportError::UnknownExtension { .. })));
        let missing = dir.path().join("no-such-folder").join("a.svg");
        let result = save(&missing, &square_doc(1.0, 1.0), &options);
        assert!(matches!(result, Err(ExportError::Io { path: Some(_), .. })));
        assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
    }

    #[test]
    fn bad_tolerance_is_refused_for_3d_formats_too() {
        let options = ExportOptions {
            tolerance_mm: -1.0,
            ..ExportOptions::default()
        };
        let result = export(&square_doc(5.0, 5.0), &options, Format::Stl, Vec::new());
        assert!(matches!(result, Err(ExportError::InvalidTolerance { .. })));
    }

    #[test]
    fn a_prepared_drawing_writes_the_files_export_writes() {
        use crate::PreparedDrawing;
        use geometry::LaserRole;
        let mut doc = square_doc(30.0, 3.0);
        let mut hole = Shape::new(ShapeKind::Ellipse { rx: 4.0, ry: 4.0 });
        hole.fill = geometry::Fill::Outline;
        doc.add(hole);
        let mut score = Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 5.0,
        })
        .translated(40.0, 0.0);
        score.role = LaserRole::Score;
        doc.add(score);
        let mut engraved =
            Shape::new(ShapeKind::Ellipse { rx: 3.0, ry: 2.0 }).translated(0.0, 25.0);
        engraved.role = LaserRole::Engrave;
        doc.add(engraved);
        let options = ExportOptions {
            page_mm: Some((600.0, 400.0)),
            ..ExportOptions::default()
        };
        let prepared = PreparedDrawing::new(&doc, options.tolerance_mm);
        let mut other = doc.clone();
        other.shapes.pop();
        for format in Format::ALL {
            let mut fresh = Vec::new();
            export(&doc, &options, format, &mut fresh).unwrap();
            let mut shared = Vec::new();
            export_prepared(&doc, &prepared, &options, format, &mut shared).unwrap();
            assert!(shared == fresh, "{format:?}");
            // A reading of another drawing is not used for this one.
            let (mut fresh, mut shared) = (Vec::new(), Vec::new());
            export(&other, &options, format, &mut fresh).unwrap();
            export_prepared(&other, &prepared, &options, format, &mut shared).unwrap();
            assert!(shared == fresh, "{format:?} of another drawing");
        }
        let bad = PreparedDrawing::new(&Document::new(), f64::NAN);
        let result = export_prepared(&doc, &bad, &options, Format::LaserSvg, Vec::new());
        assert!(matches!(result, Err(ExportError::InvalidTolerance { .. })));
    }
}
