//! Fabrique's file writers: what leaves the app for the lab's machines.
//!
//! - [`laser_svg`]: SVG in millimetres, the operation in the colour
//!   (cut / score / engrave after a [`LaserProfile`]).
//! - [`dxf`]: DXF R12 with one layer per operation, for laser software
//!   that prefers it.
//! - [`stl`] and [`threemf`]: the extruded solids for the slicer (3MF
//!   carries its units and one object per part, and is preferred).
//! - [`mod@save`]: picks the format from the file name ([`Format::from_path`])
//!   and writes the file whole or not at all ([`save()`]).
//!
//! Every writer takes an `impl Write`, so tests (and the app's previews)
//! write into a `Vec<u8>`. Lengths are millimetres throughout. Laser paths
//! are cleaned once in [`cut_paths`] (no line burnt twice, inner contours
//! first) and shared by the SVG and DXF writers.
//!
//! ```
//! use exporters::{ExportOptions, Format, export};
//! use geometry::{Document, Shape, ShapeKind};
//!
//! let mut doc = Document::new();
//! doc.add(Shape::new(ShapeKind::Ellipse { rx: 15.0, ry: 15.0 }));
//! let mut svg = Vec::new();
//! export(&doc, &ExportOptions::default(), Format::LaserSvg, &mut svg)?;
//! assert!(String::from_utf8_lossy(&svg).contains(r#"width="30mm""#));
//! # Ok::<(), exporters::ExportError>(())
//! ```
//!
//! - [`machines`]: the lab's laser cutters and 3D printers, shipped as
//!   JSON profiles and extendable by the lab.
//! - [`check`]: is a design lab-ready for a machine? Typed findings, and
//!   one-click fixes where possible.
//! - [`prepared`]: a drawing read once for the laser (flattened lines,
//!   filled areas), which the check and the laser writers both take
//!   ([`check::check_sharing`], [`export_prepared`]) so one reading serves both.
//!
//! Current limitations: no kerf compensation.

pub mod atomic_write;
pub mod check;
mod containment;
pub mod cut_paths;
pub mod dxf;
pub mod error;
mod fast_hash;
pub mod laser_svg;
pub mod machines;
mod meshes;
mod nesting;
mod point_grid;
pub mod prepared;
pub mod profile;
pub mod save;
mod segments;
pub mod stl;
#[cfg(test)]
mod test_shapes;
pub mod threemf;

pub use cut_paths::LaserPaths;
pub use dxf::write_dxf;
pub use error::{ExportError, MeshProblem};
pub use laser_svg::write_laser_svg;
pub use machines::{Machine, PrinterProfile};
pub use prepared::{PreparedDrawing, PreparedShape};
pub use profile::{LaserProfile, ProfileError};
pub use save::{ExportOptions, Format, export, export_prepared, save, write_solid};
pub use stl::write_stl;
pub use threemf::write_3mf;

/// Rejects a flattening tolerance that is not a positive, finite length
/// (rather than silently using another one).
pub(crate) fn check_tolerance(tolerance_mm: f64) -> Result<(), ExportError> {
    if tolerance_mm.is_finite() && tolerance_mm > 0.0 {
        Ok(())
    } else {
        Err(ExportError::InvalidTolerance {
            value: tolerance_mm,
        })
    }
}
