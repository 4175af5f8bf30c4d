//! Would islands of material fall out?
//!
//! Why it matters to a maker: a stencil is a sheet with letter-shaped
//! openings. The inside of an O, A, B, D, P, Q or R is material in the
//! middle of an opening: once the opening is cut, nothing holds it and it
//! falls out, and the stencil paints a blob instead of a letter. Stencil
//! makers leave thin "bridges" joining each island to the sheet.
//!
//! How: the material is the union of the filled cut shapes; an island is a
//! piece of it lying inside a hole of another piece. It is a warning: a
//! part nested in the hole of another to save material falls out too, and
//! that may be meant.
//!
//! The one-click fix, [`Fix::AddBridges`], joins the island to the sheet
//! with two thin bridges (see [`super::bridges`]).
//!
//! Current limitations: an island resting inside a hole of its own shape drawn as two
//! overlapping shapes is judged on the union.

use geometry::outline::Polyline;
use geometry::region::signed_area;
use geometry::{Document, LaserRole, Region};

use super::bridges::bridges;
use super::prepared::Prepared;
use super::{BoxMm, Finding, FindingKind, Fix, Severity, shapes_touching};
use crate::cut_paths::{contains_bounds, polyline_bounds};
use crate::nesting::Nesting;

/// Finds pieces of cut material lying in holes of other pieces; the fix
/// adds bridges `bridge_mm` wide.
pub fn check(doc: &Document, bridge_mm: f64, tolerance_mm: f64) -> Vec<Finding> {
    prepared_check(&Prepared::new(doc, tolerance_mm), bridge_mm)
}

/// [`check`] on a drawing already read.
pub(crate) fn prepared_check(prepared: &Prepared, bridge_mm: f64) -> Vec<Finding> {
    let doc = prepared.doc;
    let cut = prepared
        .iter()
        .filter(|(_, s, _)| s.role == LaserRole::Cut && s.is_filled())
        .map(|(_, _, read)| &read.region);
    let material: Region = Region::union_all(cut);
    let closed = |c: &Vec<[f64; 2]>| Polyline {
        points: c.clone(),
        closed: true,
    };
    let holes: Vec<Polyline> = material
        .polygons
        .iter()
        .flat_map(|p| p.iter().skip(1))
        .map(closed)
        .collect();
    let hole_bounds: Vec<_> = holes.iter().map(polyline_bounds).collect();
    let hole_areas: Vec<f64> = holes.iter().map(|h| signed_area(&h.points).abs()).collect();
    let nesting = Nesting::new(holes.iter().collect());
    let mut findings = Vec::new();
    for polygon in &material.polygons {
        let Some(outer) = polygon.first().map(closed) else {
            continue;
        };
        let Some(bounds) = polyline_bounds(&outer) else {
            continue;
        };
        // The innermost hole around the island: the smallest containing one.
        let around = nesting
            .holders(&outer, |h| {
                hole_bounds[h].is_some_and(|hb| contains_bounds(&hb, &bounds))
            })
            .into_iter()
            .min_by(|&a, &b| hole_areas[a].total_cmp(&hole_areas[b]));
        let Some(around) = around.map(|h| &holes[h]) else {
            continue;
        };
        let area = polygon.iter().map(|c| signed_area(c)).sum();
        let area_box = BoxMm::from_bounds(bounds);
        let shapes = shapes_touching(doc, &area_box, |s| {
            s.role == LaserRole::Cut && s.is_filled()
        });
        let mut finding = Finding::new(
            FindingKind::LooseIsland { area_mm2: area },
            Severity::Warning,
        )
        .on(shapes, Some(area_box));
        if let Some(pair) = bridges(&outer.points, &around.points, bridge_mm) {
            finding = finding.with_fix(Fix::AddBridges { bridges: pair });
        }
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use geometry::{Fill, FillRule, Shape, ShapeKind};

    /// A 60 × 40 mm stencil sheet with an O-shaped opening (ring of outer
    /// diameter 30 and inner `inner`), as one even-odd path; `inner` 0: a
    /// plain round opening, no island.
    fn stencil(inner: f64) -> Shape {
        let mut path = kurbo::BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((60.0, 0.0));
        path.line_to((60.0, 40.0));
        path.line_to((0.0, 40.0));
        path.close_path();
        use kurbo::Shape as _;
        for d in [30.0, inner] {
            if d > 0.0 {
                path.extend(kurbo::Circle::new((30.0, 20.0), d / 2.0).path_elements(0.01));
            }
        }
        let mut shape = Shape::new(ShapeKind::Path { path });
        shape.fill = Fill::Filled(FillRule::EvenOdd);
        shape
    }

    #[test]
    fn the_inside_of_an_o_falls_out_of_a_stencil() {
        assert!(check(&doc(vec![stencil(0.0)]), 1.0, 0.01).is_empty());
        let found = check(&doc(vec![stencil(14.0)]), 1.0, 0.01);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        let FindingKind::LooseIsland { area_mm2 } = found[0].kind else {
            panic!("{found:?}");
        };
        assert!(
            (area_mm2 - std::f64::consts::PI * 49.0).abs() < 0.5,
            "{area_mm2}"
        );
    }

    #[test]
    fn a_keychain_hole_holds_nothing() {
        let mut ring = stencil(0.0);
        ring.fill = Fill::Filled(FillRule::EvenOdd);
        assert!(check(&doc(vec![ring, rect(5.0, 5.0, 100.0, 0.0)]), 1.0, 0.01).is_empty());
    }
}
