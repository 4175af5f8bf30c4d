//! Does every part stand on the build plate?
//!
//! Why it matters to a maker: a printer lays plastic from the plate up. A
//! part whose lowest point is above the plate (letters raised to sit on a
//! plate but moved off it, a base set by mistake) is printed in mid-air:
//! the first layer falls as spaghetti and the print fails. Slicers may
//! drop it to the plate silently, changing the design the maker checked.
//!
//! How: the design is extruded; each separate part whose lowest point is
//! above the plate is reported, with a [`Fix::LowerToPlate`] that lowers
//! its shapes by that height.
//!
//! Current limitations: a part resting on another part is one part
//! (nothing floats); overhangs within a part are not judged.

use geometry::{Document, Mesh};

use super::{BoxMm, Finding, FindingKind, Fix, Severity};

/// Lowest points closer to the plate than this are on it, mm (far below a
/// layer height).
pub const ON_PLATE_MM: f64 = 1e-3;

/// Finds parts of `parts` (the extruded `doc`) that start above the plate.
pub fn check(doc: &Document, parts: &[Mesh], tolerance_mm: f64) -> Vec<Finding> {
    parts
        .iter()
        .filter_map(Mesh::bounds)
        .filter(|(lo, _)| lo[2] > ON_PLATE_MM)
        .map(|(lo, hi)| {
            let area = BoxMm {
                min: [lo[0], lo[1]],
                max: [hi[0], hi[1]],
            };
            // The shapes standing within this part's box and heights.
            let margin = tolerance_mm.max(ON_PLATE_MM);
            let shapes = super::shapes_touching(doc, &area, |s| {
                let e = s.extrusion;
                s.is_filled()
                    && e.height > 0.0
                    && e.base >= lo[2] - margin
                    && e.base + e.height <= hi[2] + margin
            });
            Finding::new(
                FindingKind::FloatingPart { lowest_z_mm: lo[2] },
                Severity::Blocking,
            )
            .on(shapes.clone(), Some(area))
            .with_fix(Fix::LowerToPlate {
                shapes,
                by_mm: lo[2],
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, apply_fix, check as check_all};
    use super::*;

    #[test]
    fn a_part_above_the_plate_is_blocking_and_lowering_fixes_it() {
        // A plate with a letter-like bar standing on it: one part, on the plate.
        let plate = rect(40.0, 20.0, 0.0, 0.0);
        let mut bar = rect(20.0, 4.0, 10.0, 8.0);
        bar.extrusion.base = 3.0;
        let good = doc(vec![plate.clone(), bar.clone()]);
        let report = check_all(&good, &printer(), &CheckOptions::default());
        assert!(
            of_kind(&report.findings, "floating_part").is_empty(),
            "{report:?}"
        );

        // The bar moved off the plate: it floats 3 mm up.
        let broken = doc(vec![plate, bar.translated(60.0, 0.0)]);
        let report = check_all(&broken, &printer(), &CheckOptions::default());
        let found = of_kind(&report.findings, "floating_part");
        assert_eq!(found.len(), 1, "{report:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        assert_eq!(found[0].shapes, vec![geometry::ShapeId(2)]);
        assert_eq!(
            found[0].kind,
            FindingKind::FloatingPart { lowest_z_mm: 3.0 }
        );
        let fixed = apply_fix(&broken, found[0].fix.as_ref().unwrap());
        let report = check_all(&fixed, &printer(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "floating_part").is_empty());
    }
}
