//! The fix for holes too small to cut ([`super::Fix::EnlargeHole`]): scale
//! the hole about its own centre until it reaches the smallest clean size,
//! leaving the rest of the part as drawn.
//!
//! A hole is either a whole shape (a circle drawn on a plate) or one closed
//! subpath of a path shape (the hole of an imported or traced drawing). The
//! hole is found again by its box, so the fix stays valid data (no pointer
//! into a path) and does nothing if the drawing changed since the check.
//!
//! Current limitations: a hole that only appears where two shapes overlap
//! (no single outline draws it) has no fix; an enlarged hole may come close
//! to the edge of its part, which the rerun check then reports.

use geometry::outline::{document_path, shape_bounds};
use geometry::{Document, Shape, ShapeId, ShapeKind};
use kurbo::{Affine, BezPath, PathEl, Shape as _};

use super::BoxMm;

/// Two boxes closer than this on every side are the same hole, mm: well
/// above the flattening tolerance, well below any hole worth cutting.
const SAME_BOX_MM: f64 = 0.05;

/// Factors are rounded up to this step so the hole is not just below the
/// minimum after flattening (and reads well: ×1.52).
const FACTOR_STEP: f64 = 0.01;

/// The factor that brings a hole of `size_mm` to `min_mm`, rounded up;
/// `None` when there is nothing sensible to scale.
pub(crate) fn factor(size_mm: f64, min_mm: f64) -> Option<f64> {
    let exact = min_mm / size_mm;
    (size_mm > 0.0 && exact.is_finite() && exact > 1.0)
        .then(|| ((exact + FACTOR_STEP / 10.0) / FACTOR_STEP).ceil() * FACTOR_STEP)
}

/// Where the hole is in its shape.
enum Place {
    /// The whole shape is the hole.
    Shape,
    /// Subpath number `n` of the shape's path.
    Subpath(usize),
}

/// Where the holes of one shape can be, found once for all its holes: a
/// scribble of 200,000 segments has tens of thousands of small holes, and
/// walking its whole path again for each one was quadratic.
pub(crate) struct HolePlaces {
    /// The shape's box, when it is one closed outline (or none).
    single: Option<kurbo::Rect>,
    /// Each subpath's box and number, by the box's left edge; empty
    /// unless the shape is a path.
    subpaths: Vec<(kurbo::Rect, usize)>,
}

impl HolePlaces {
    /// The places of `shape`'s holes.
    pub(crate) fn of(shape: &Shape) -> Self {
        let whole = shape_bounds(shape);
        let parts = subpaths(&document_path(shape));
        let mut subpaths: Vec<(kurbo::Rect, usize)> =
            if matches!(shape.kind, ShapeKind::Path { .. }) {
                parts
                    .iter()
                    .enumerate()
                    .map(|(n, p)| (p.bounding_box(), n))
                    .collect()
            } else {
                Vec::new()
            };
        subpaths.sort_by(|a, b| a.0.x0.total_cmp(&b.0.x0).then(a.1.cmp(&b.1)));
        Self {
            single: whole.filter(|_| parts.len() <= 1),
            subpaths,
        }
    }

    /// `true` when [`enlarge`] can find the hole `hole` here.
    pub(crate) fn can_enlarge(&self, hole: &BoxMm) -> bool {
        self.locate(hole).is_some()
    }

    fn locate(&self, hole: &BoxMm) -> Option<Place> {
        if self.single.is_some_and(|whole| same_box(&whole, hole)) {
            return Some(Place::Shape);
        }
        // The subpaths whose left edge is near the hole's, by bisection.
        let from = self
            .subpaths
            .partition_point(|(r, _)| r.x0 < hole.min[0] - SAME_BOX_MM);
        let mut matching = self.subpaths[from..]
            .iter()
            .take_while(|(r, _)| r.x0 <= hole.min[0] + SAME_BOX_MM)
            .filter(|(r, _)| same_box(r, hole));
        let (_, n) = matching.next()?;
        // Two subpaths with the same box: we cannot tell which one is meant.
        matching.next().is_none().then_some(Place::Subpath(*n))
    }
}

fn same_box(a: &kurbo::Rect, b: &BoxMm) -> bool {
    (a.x0 - b.min[0]).abs() <= SAME_BOX_MM
        && (a.y0 - b.min[1]).abs() <= SAME_BOX_MM
        && (a.x1 - b.max[0]).abs() <= SAME_BOX_MM
        && (a.y1 - b.max[1]).abs() <= SAME_BOX_MM
}

/// The closed subpaths of `path`, each as its own path.
fn subpaths(path: &BezPath) -> Vec<BezPath> {
    let mut out: Vec<BezPath> = Vec::new();
    for el in path.elements() {
        if let PathEl::MoveTo(_) = el {
            out.push(BezPath::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(*el);
        }
    }
    out
}

/// Scales the hole of `shape` whose box is `hole` by `factor` about the
/// box's centre.
pub(crate) fn enlarge(doc: &mut Document, shape: ShapeId, hole: &BoxMm, factor: f64) {
    if !(factor.is_finite() && factor > 0.0) {
        return;
    }
    let Some(shape) = doc.shape_mut(shape) else {
        return;
    };
    let centre = (
        (hole.min[0] + hole.max[0]) / 2.0,
        (hole.min[1] + hole.max[1]) / 2.0,
    );
    let about = Affine::translate(centre)
        * Affine::scale(factor)
        * Affine::translate((-centre.0, -centre.1));
    match HolePlaces::of(shape).locate(hole) {
        Some(Place::Shape) => shape.transform = about * shape.transform,
        Some(Place::Subpath(n)) => {
            // The path is stored in the shape's own frame: scale there.
            if shape.transform.determinant().abs() < f64::EPSILON {
                return;
            }
            let local = shape.transform.inverse() * about * shape.transform;
            if let ShapeKind::Path { path } = &mut shape.kind {
                let mut out = BezPath::new();
                for (i, mut part) in subpaths(path).into_iter().enumerate() {
                    if i == n {
                        part.apply_affine(local);
                    }
                    out.extend(part);
                }
                *path = out;
            }
        }
        None => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{FindingKind, Fix};
    use super::*;
    use geometry::{Fill, FillRule};

    fn hole_area(d: &Document) -> f64 {
        let plate = 40.0 * 20.0;
        plate - geometry::outline::union_region(&d.shapes, 0.01).area()
    }

    #[test]
    fn factors_round_up_to_the_minimum() {
        assert_eq!(factor(1.0, 1.5), Some(1.5 + FACTOR_STEP));
        assert!(factor(0.99, 1.5).unwrap() * 0.99 >= 1.5);
        assert_eq!(factor(2.0, 1.5), None);
        assert_eq!(factor(0.0, 1.5), None);
        assert_eq!(factor(f64::NAN, 1.5), None);
    }

    #[test]
    fn a_small_circle_on_a_plate_grows_about_its_centre() {
        let d = doc(vec![rect(40.0, 20.0, 0.0, 0.0), circle(1.0, 10.0, 10.0)]);
        let (fix, fixed) = fix_first(&d, &laser(), "hole_too_small");
        assert!(matches!(fix, Fix::EnlargeHole { .. }), "{fix:?}");
        assert_eq!(fixed.shapes[0], d.shapes[0]);
        let b = shape_bounds(&fixed.shapes[1]).unwrap();
        assert!((b.center().x - 10.0).abs() < 1e-9 && (b.center().y - 10.0).abs() < 1e-9);
        assert!(b.width() >= 1.5 && b.width() < 1.6, "{b:?}");
    }

    #[test]
    fn a_hole_inside_a_path_grows_and_nothing_else_moves() {
        for angle in [0.0, 0.6] {
            let mut path = BezPath::new();
            path.move_to((0.0, 0.0));
            path.line_to((40.0, 0.0));
            path.line_to((40.0, 20.0));
            path.line_to((0.0, 20.0));
            path.close_path();
            path.extend(kurbo::Circle::new((10.0, 10.0), 0.5).path_elements(0.01));
            path.extend(kurbo::Circle::new((30.0, 10.0), 2.0).path_elements(0.01));
            let mut plate = Shape::new(ShapeKind::Path { path });
            plate.fill = Fill::Filled(FillRule::EvenOdd);
            // Rotated about the plate's middle: the hole is found in any frame.
            plate.transform = Affine::rotate_about(angle, (20.0, 10.0));
            let d = doc(vec![plate]);
            let findings = super::super::holes::check(&d, 3.0, 0.01);
            assert_eq!(findings.len(), 1, "{findings:?}");
            let (_, fixed) = fix_first(&d, &laser(), "hole_too_small");
            // Property: the hole area grew from π·0.25² to about π·0.76²; the
            // other hole and the plate did not change.
            let grew = hole_area(&d) - hole_area(&fixed);
            let expected = std::f64::consts::PI * (0.7575f64.powi(2) - 0.25);
            assert!((grew.abs() - expected).abs() < 0.05, "{grew} vs {expected}");
            assert!(matches!(findings[0].kind, FindingKind::HoleTooSmall { .. }));
        }
    }
}
