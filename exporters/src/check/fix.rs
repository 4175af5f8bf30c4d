//! One-click fixes: pure functions from a document to the fixed document,
//! so the app can apply one as a single undo step and the checks can be
//! rerun on the result. The fixes that reshape outlines have a file each:
//! [`super::thicken`], [`super::enlarge`], [`super::bridges`].

use geometry::{Document, ShapeKind};
use kurbo::{Affine, BezPath, PathEl};

use super::Fix;

/// `doc` with `fix` applied. A fix naming shapes that no longer exist
/// changes nothing for them.
pub fn apply_fix(doc: &Document, fix: &Fix) -> Document {
    let mut out = doc.clone();
    match fix {
        Fix::ScaleToFit { factor, heights } => scale(&mut out, *factor, *heights),
        Fix::RemoveDuplicates { shapes } => out.shapes.retain(|s| !shapes.contains(&s.id)),
        Fix::ClosePath { shape } => {
            if let Some(ShapeKind::Path { path }) = out.shape_mut(*shape).map(|s| &mut s.kind) {
                *path = closed(path);
            }
        }
        Fix::LowerToPlate { shapes, by_mm } => {
            for shape in out.shapes.iter_mut().filter(|s| shapes.contains(&s.id)) {
                shape.extrusion.base = (shape.extrusion.base - by_mm).max(0.0);
            }
        }
        Fix::Thicken {
            shapes,
            near,
            min_mm,
            z_mm,
        } => super::thicken::thicken(&mut out, shapes, near, *min_mm, *z_mm),
        Fix::EnlargeHole {
            shape,
            hole,
            factor,
        } => super::enlarge::enlarge(&mut out, *shape, hole, *factor),
        Fix::AddBridges { bridges } => super::bridges::add_bridges(&mut out, bridges),
        Fix::MoveOnBed { dx, dy } => {
            for shape in &mut out.shapes {
                *shape = geometry::transform::translated(shape, kurbo::Vec2::new(*dx, *dy));
            }
        }
    }
    out
}

/// Scales every shape about the lower-left corner of the whole design, so
/// the design stays where it was on the bed.
fn scale(doc: &mut Document, factor: f64, heights: bool) {
    if !(factor.is_finite() && factor > 0.0) {
        return;
    }
    let corner = doc
        .shapes
        .iter()
        .filter_map(geometry::outline::shape_bounds)
        .map(|b| (b.x0, b.y0))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1)))
        .unwrap_or((0.0, 0.0));
    let about = Affine::translate(corner)
        * Affine::scale(factor)
        * Affine::translate((-corner.0, -corner.1));
    for shape in &mut doc.shapes {
        shape.transform = about * shape.transform;
        if heights {
            shape.extrusion.height *= factor;
            shape.extrusion.base *= factor;
        }
    }
}

/// `path` with every open subpath closed.
fn closed(path: &BezPath) -> BezPath {
    let mut out = BezPath::new();
    let mut open = false;
    for el in path.elements() {
        match el {
            PathEl::MoveTo(_) => {
                if open {
                    out.close_path();
                }
                open = true;
            }
            PathEl::ClosePath => open = false,
            _ => {}
        }
        out.push(*el);
    }
    if open {
        out.close_path();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn scaling_keeps_the_lower_left_corner() {
        let d = doc(vec![
            rect(10.0, 10.0, 5.0, 7.0),
            rect(10.0, 10.0, 25.0, 7.0),
        ]);
        let scaled = apply_fix(
            &d,
            &Fix::ScaleToFit {
                factor: 0.5,
                heights: true,
            },
        );
        let b = geometry::outline::shape_bounds(&scaled.shapes[1]).unwrap();
        assert!(
            (b.x0 - 15.0).abs() < 1e-9 && (b.y0 - 7.0).abs() < 1e-9,
            "{b:?}"
        );
        assert!((scaled.shapes[0].extrusion.height - 1.5).abs() < 1e-9);
    }

    #[test]
    fn closing_closes_every_open_subpath_only() {
        let mut path = BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((1.0, 0.0));
        path.move_to((5.0, 0.0));
        path.line_to((6.0, 0.0));
        path.line_to((6.0, 1.0));
        path.close_path();
        let closes = closed(&path)
            .elements()
            .iter()
            .filter(|e| **e == PathEl::ClosePath)
            .count();
        assert_eq!(closes, 2);
    }
}
