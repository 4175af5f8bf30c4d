//! Are holes large enough to cut cleanly?
//!
//! Why it matters to a maker: a laser cuts a small hole by turning on the
//! spot, and the heat has nowhere to go. In wood or acrylic a hole smaller
//! than about half the sheet's thickness chars, melts shut or does not go
//! through at all: the screw or the keyring does not fit. The limit scales
//! with the material, so the check takes the sheet thickness (the machine
//! profile's, or the one given in [`super::CheckOptions`]).
//!
//! A hole is a closed cut line inside another one an odd number of times
//! (the hole of a ring, a circle drawn inside a plate; a part inside that
//! hole is not a hole). Its size is 4 × area / perimeter: the diameter of a
//! round hole, the side of a square one, about twice the width of a slot.
//!
//! The one-click fix, [`Fix::EnlargeHole`], scales the hole about its centre
//! to the smallest clean size (see [`super::enlarge`]); the maker may
//! prefer another size, so the message also says the minimum.
//!
//! Current limitations: score lines are not holes. (Contours are no
//! longer compared pairwise: see the crate's `nesting` index and
//! [`super::summary`].)

use geometry::outline::Polyline;
use geometry::region::signed_area;
use geometry::{Document, LaserRole, ShapeId};

use super::enlarge::{HolePlaces, factor};
use super::prepared::Prepared;
use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::cut_paths::{contains_bounds, polyline_bounds};
use crate::nesting::Nesting;

/// Smallest clean hole as a fraction of the sheet's thickness.
pub const MIN_HOLE_PER_THICKNESS: f64 = 0.5;

struct Contour<'a> {
    shape: ShapeId,
    line: &'a Polyline,
    bounds: ([f64; 2], [f64; 2]),
}

/// Finds holes smaller than half of `thickness_mm`.
pub fn check(doc: &Document, thickness_mm: f64, tolerance_mm: f64) -> Vec<Finding> {
    prepared_check(&Prepared::new(doc, tolerance_mm), thickness_mm)
}

/// [`check`] on a drawing already read.
pub(crate) fn prepared_check(prepared: &Prepared, thickness_mm: f64) -> Vec<Finding> {
    let doc = prepared.doc;
    let min_mm = MIN_HOLE_PER_THICKNESS * thickness_mm;
    let contours: Vec<Contour> = prepared
        .iter()
        .filter(|(_, s, _)| s.role == LaserRole::Cut)
        .flat_map(|(_, s, read)| {
            read.lines
                .iter()
                .filter(|l| l.closed && l.points.len() >= 3)
                .filter_map(move |line| {
                    polyline_bounds(line).map(|bounds| Contour {
                        shape: s.id,
                        line,
                        bounds,
                    })
                })
        })
        .collect();
    // A contour drawn several times over (1,000 stacked circles) is one
    // outline here; the duplicates check reports the copies. Comparing two
    // identical contours costs points² (no midpoint of one lies off the
    // other), so copies are set aside first, by their exact points.
    let mut first_of = std::collections::HashMap::new();
    let distinct: Vec<bool> = contours
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key: Vec<(u64, u64)> = c
                .line
                .points
                .iter()
                .map(|p| (p[0].to_bits(), p[1].to_bits()))
                .collect();
            *first_of.entry(key).or_insert(i) == i
        })
        .collect();
    let nesting = Nesting::new(contours.iter().map(|c| c.line).collect());
    let mut places = std::collections::HashMap::new();
    let mut findings = Vec::new();
    for (i, c) in contours.iter().enumerate() {
        if !distinct[i] {
            continue;
        }
        let depth = nesting
            .holders(c.line, |j| {
                j != i && distinct[j] && contains_bounds(&contours[j].bounds, &c.bounds)
            })
            .len();
        if depth.is_multiple_of(2) {
            continue;
        }
        let size = hole_size(&c.line.points);
        if size < min_mm {
            let hole = BoxMm::from_bounds(c.bounds);
            let mut finding = Finding::new(
                FindingKind::HoleTooSmall {
                    size_mm: size,
                    min_mm,
                },
                Severity::Blocking,
            )
            .on(vec![c.shape], Some(hole));
            let places = doc
                .shape(c.shape)
                .map(|s| places.entry(c.shape).or_insert_with(|| HolePlaces::of(s)));
            if let Some(factor) = factor(size, min_mm)
                && places.is_some_and(|p| p.can_enlarge(&hole))
            {
                finding = finding.with_fix(Fix::EnlargeHole {
                    shape: c.shape,
                    hole,
                    factor,
                });
            }
            findings.push(finding);
        }
    }
    findings
}

/// 4 × area / perimeter, mm: the diameter of a circle, the side of a square.
fn hole_size(points: &[[f64; 2]]) -> f64 {
    let n = points.len();
    let perimeter: f64 = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            (a[0] - b[0]).hypot(a[1] - b[1])
        })
        .sum();
    if perimeter > 0.0 {
        4.0 * signed_area(points).abs() / perimeter
    } else {
        0.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn a_hole_smaller_than_half_the_thickness_is_blocking() {
        let plate = || rect(40.0, 20.0, 0.0, 0.0);
        let good = doc(vec![plate(), circle(2.0, 10.0, 10.0)]);
        assert!(check(&good, 3.0, 0.01).is_empty());
        let small = doc(vec![plate(), circle(1.0, 10.0, 10.0)]);
        let found = check(&small, 3.0, 0.01);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        assert_eq!(found[0].shapes, vec![ShapeId(2)]);
        let FindingKind::HoleTooSmall { size_mm, min_mm } = found[0].kind else {
            panic!("{found:?}");
        };
        assert!((size_mm - 1.0).abs() < 0.03 && min_mm == 1.5, "{size_mm}");
        // The same hole is fine in thinner material.
        assert!(check(&small, 1.5, 0.01).is_empty());
    }

    #[test]
    fn small_parts_alone_or_inside_a_hole_are_not_holes() {
        let alone = doc(vec![circle(1.0, 10.0, 10.0)]);
        assert!(check(&alone, 3.0, 0.01).is_empty());
        let nested = doc(vec![
            rect(40.0, 40.0, 0.0, 0.0),
            circle(20.0, 20.0, 20.0),
            circle(1.0, 20.0, 20.0),
        ]);
        assert!(check(&nested, 3.0, 0.01).is_empty());
    }

    #[test]
    fn stacked_copies_count_once() {
        // A plate with a small hole drawn three times over: still one hole
        // (not a hole inside holes), and a thousand copies are quick.
        let mut shapes = vec![rect(40.0, 20.0, 0.0, 0.0)];
        shapes.extend((0..3).map(|_| circle(1.0, 10.0, 10.0)));
        assert_eq!(check(&doc(shapes), 3.0, 0.01).len(), 1);
        let many = doc((0..1000).map(|_| circle(10.0, 50.0, 50.0)).collect());
        assert!(check(&many, 3.0, 0.01).is_empty());
    }
}
