//! Fabrique's geometry core: everything the app, the CLI and the exporters
//! know about shapes, in millimetres with `f64` and Y pointing up.
//!
//! - [`document`]: the plain-data [`Document`] the user edits and saves.
//! - [`shape`]: one shape — its outline, placement, laser role and 3D height.
//! - [`region`]: filled areas as polygons with holes; booleans and offset
//!   through `i_overlay`.
//! - [`outline`]: turning shapes into Bézier paths and flat polylines at an
//!   explicit tolerance.
//! - [`text`]: text to outlines with the bundled font.
//! - [`mesh`] and [`extrude`]: closed, outward-oriented triangle meshes.
//! - [`import`]: SVG files to shapes at their exact physical size.
//! - [`finger_box`]: the flat panels of a laser-cut finger-joint box.
//!
//! Nothing here knows about egui, files on disk or the exporters.

pub mod approx;
pub mod document;
pub mod extrude;
pub mod finger_box;
pub mod import;
pub mod limits;
pub mod mesh;
pub mod ops;
pub mod outline;
pub mod region;
pub mod shape;
pub mod text;
pub mod trace;
pub mod transform;
pub mod usvg_bridge;

pub use document::{Document, FORMAT_VERSION};
pub use mesh::Mesh;
pub use region::{Contour, FillRule, Polygon, Region};
pub use shape::{Extrusion, Fill, LaserRole, Shape, ShapeId, ShapeKind};

/// Default flattening tolerance: the largest distance, in mm, between a
/// curve and the straight segments that replace it. 0.01 mm is well under a
/// laser's kerf (≥ 0.1 mm) and a printer's nozzle (0.4 mm), so nobody can
/// see or feel it, and it keeps a 30 mm circle to about 100 segments.
pub const DEFAULT_TOLERANCE_MM: f64 = 0.01;
