//! Helpers of the fixes that change a shape's outline: a shape rebuilt from
//! a filled region, and boxes as regions.
//!
//! A rebuilt shape becomes a path of straight segments in document space
//! (identity transform), as the editor's booleans do: the region was
//! flattened at the fix's tolerance, far below what a laser or a nozzle can
//! show.

use geometry::{Fill, FillRule, Region, Shape, ShapeKind};
use kurbo::Affine;

use super::BoxMm;

/// `shape` now has exactly the area `region`; its id, role, height and
/// group stay.
pub(crate) fn set_region(shape: &mut Shape, region: &Region) {
    shape.kind = ShapeKind::Path {
        path: region.to_path(),
    };
    shape.transform = Affine::IDENTITY;
    shape.fill = Fill::Filled(FillRule::NonZero);
}

/// The box as a filled rectangle.
pub(crate) fn box_region(b: &BoxMm) -> Region {
    Region::from_contours(
        &[vec![
            b.min,
            [b.max[0], b.min[1]],
            b.max,
            [b.min[0], b.max[1]],
        ]],
        FillRule::NonZero,
    )
}

/// The box grown by `by` mm on every side.
pub(crate) fn grown(b: &BoxMm, by: f64) -> BoxMm {
    BoxMm {
        min: [b.min[0] - by, b.min[1] - by],
        max: [b.max[0] + by, b.max[1] + by],
    }
}
