//! Are walls thick enough to print?
//!
//! Why it matters to a maker: a printer draws each wall as lines of melted
//! plastic as wide as its nozzle (0.4 mm). A wall thinner than two lines
//! (0.8 mm) is printed as one wobbly line or dropped by the slicer: the
//! thin rim around a keychain's hole breaks, thin letters come out with
//! gaps or not at all.
//!
//! How: the design is cut into horizontal slices between every height
//! where a shape starts or stops; each slice's cross-section (solids minus
//! holes) is shrunk by half the minimum wall then grown back
//! ([`geometry::Region::offset`]); whatever does not come back is thinner
//! than two nozzle widths. Sharp corners that only lose their tip are not
//! reported.
//!
//! The one-click fix, [`Fix::Thicken`], adds plastic around the thin wall
//! at that height (see [`super::thicken`]).
//!
//! Current limitations: floors and roofs thinner than a layer are not
//! checked.

use geometry::outline::shape_region;
use geometry::{Document, Region, Shape};

use super::narrow::thin_pieces;
use super::{BoxMm, Finding, FindingKind, Fix, Severity, shapes_touching};
use crate::machines::PrinterProfile;

/// Slices thinner than this are rounding between two equal heights, mm.
const MIN_SLICE_MM: f64 = 1e-6;

/// `true` when the shape stands in 3D: filled, with a usable height.
pub(crate) fn extruded(shape: &Shape) -> bool {
    let e = shape.extrusion;
    shape.is_filled() && e.height > 0.0 && e.height.is_finite() && e.base.is_finite()
}

/// `true` when `shape` stands across the slice that starts at height `z`.
pub(crate) fn stands_at(shape: &Shape, z: f64) -> bool {
    let e = shape.extrusion;
    e.base <= z + MIN_SLICE_MM && z + MIN_SLICE_MM < e.base + e.height
}

/// Finds walls thinner than the printer's minimum, slice by slice.
pub fn check(doc: &Document, profile: &PrinterProfile, tolerance_mm: f64) -> Vec<Finding> {
    let min_wall = profile.min_wall_mm();
    let shapes: Vec<(&Shape, Region)> = doc
        .shapes
        .iter()
        .filter(|s| extruded(s))
        .map(|s| (s, shape_region(s, tolerance_mm)))
        .collect();
    let mut levels: Vec<f64> = shapes
        .iter()
        .flat_map(|(s, _)| [s.extrusion.base, s.extrusion.base + s.extrusion.height])
        .collect();
    levels.sort_by(f64::total_cmp);
    levels.dedup_by(|a, b| (*a - *b).abs() < MIN_SLICE_MM);
    let mut found: Vec<BoxMm> = Vec::new();
    let mut findings = Vec::new();
    for slice in levels.windows(2) {
        let (z0, z1) = (slice[0], slice[1]);
        let middle = (z0 + z1) / 2.0;
        let standing = |hole: bool| {
            shapes
                .iter()
                .filter(move |(s, _)| {
                    let e = s.extrusion;
                    e.hole == hole && e.base <= middle && middle < e.base + e.height
                })
                .map(|(_, r)| r)
        };
        let section =
            Region::union_all(standing(false)).difference(&Region::union_all(standing(true)));
        for piece in thin_pieces(&section, min_wall, tolerance_mm) {
            // A thin wall through several slices is one problem.
            if found.iter().any(|f| same_box(f, &piece, min_wall)) {
                continue;
            }
            found.push(piece);
            let ids = shapes_touching(doc, &piece, extruded);
            findings.push(
                Finding::new(
                    FindingKind::WallTooThin {
                        min_wall_mm: min_wall,
                        z_mm: z0,
                    },
                    Severity::Blocking,
                )
                .on(ids.clone(), Some(piece))
                .with_fix(Fix::Thicken {
                    shapes: ids,
                    near: piece,
                    min_mm: min_wall,
                    z_mm: Some(z0),
                }),
            );
        }
    }
    findings
}

fn same_box(a: &BoxMm, b: &BoxMm, within: f64) -> bool {
    (0..2).all(|k| (a.min[k] - b.min[k]).abs() <= within && (a.max[k] - b.max[k]).abs() <= within)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    /// A keychain plate with a hole `rim` mm from its edge.
    fn keychain(rim: f64) -> Document {
        let mut hole = circle(6.0, 3.0 + rim, 10.0);
        hole.extrusion.hole = true;
        doc(vec![rect(50.0, 20.0, 0.0, 0.0), hole])
    }

    #[test]
    fn a_rim_thinner_than_two_nozzles_is_blocking() {
        let p = PrinterProfile::generic();
        assert!(check(&keychain(2.0), &p, 0.01).is_empty());
        let found = check(&keychain(0.5), &p, 0.01);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        assert_eq!(
            found[0].kind,
            FindingKind::WallTooThin {
                min_wall_mm: 0.8,
                z_mm: 0.0
            }
        );
        assert!(found[0].bounds.unwrap().max[0] < 5.0, "{found:?}");
    }

    #[test]
    fn thin_raised_letters_on_a_plate_are_found_at_their_height() {
        let p = PrinterProfile::generic();
        let mut bar = rect(20.0, 0.5, 10.0, 8.0);
        bar.extrusion.base = 3.0;
        bar.extrusion.height = 1.0;
        let found = check(&doc(vec![rect(40.0, 20.0, 0.0, 0.0), bar]), &p, 0.01);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].kind, FindingKind::WallTooThin { z_mm, .. } if z_mm == 3.0));
        assert!(found[0].shapes.contains(&geometry::ShapeId(2)));
    }
}
