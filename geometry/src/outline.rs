//! Shapes as outlines: exact Bézier paths in document space, and flat
//! polylines at an explicit tolerance, and the filled [`Region`] of a shape
//! or of a whole set of shapes.

use kurbo::{BezPath, PathEl, Point, Shape as _};

use crate::region::{Contour, Region};
use crate::shape::{Fill, Shape, ShapeKind};
use crate::text;

/// Most sides/points a polygon or star may have: beyond this it is a circle
/// and a typo (say 10000 for 10) would only make the app slow.
pub const MAX_CORNERS: u32 = 1000;

/// A flat outline: straight segments between `points`, in mm.
#[derive(Clone, Debug, PartialEq)]
pub struct Polyline {
    /// The vertices, first point not repeated at the end when `closed`.
    pub points: Vec<[f64; 2]>,
    /// Whether the last point joins back to the first.
    pub closed: bool,
}

/// The outline of `kind` in its local frame. Nonsense parameters (negative
/// or non-finite sizes, fewer than 3 corners) give an empty path.
pub fn local_path(kind: &ShapeKind) -> BezPath {
    match kind {
        ShapeKind::Rectangle { width, height } => {
            if valid(&[*width, *height]) {
                kurbo::Rect::new(-width / 2.0, -height / 2.0, width / 2.0, height / 2.0)
                    .to_path(0.0)
            } else {
                BezPath::new()
            }
        }
        ShapeKind::RoundedRectangle {
            width,
            height,
            radius,
        } => {
            if valid(&[*width, *height]) && radius.is_finite() && *radius <= MAX_SIZE_MM {
                let r = radius.clamp(0.0, width.min(*height) / 2.0);
                kurbo::RoundedRect::new(-width / 2.0, -height / 2.0, width / 2.0, height / 2.0, r)
                    .to_path(arc_tolerance(r))
            } else {
                BezPath::new()
            }
        }
        ShapeKind::Ellipse { rx, ry } => {
            if valid(&[*rx, *ry]) {
                kurbo::Ellipse::new((0.0, 0.0), (*rx, *ry), 0.0).to_path(arc_tolerance(rx.max(*ry)))
            } else {
                BezPath::new()
            }
        }
        ShapeKind::RegularPolygon { sides, radius } => star_path(*sides, *radius, *radius, false),
        ShapeKind::Star {
            points,
            outer_radius,
            inner_ratio,
        } => star_path(*points, *outer_radius, outer_radius * inner_ratio, true),
        ShapeKind::Text { text, font, size } => text::text_path(text, font, *size),
        ShapeKind::Path { path } => path.clone(),
    }
}

/// How far the Bézier arcs of an ellipse or a rounded corner of radius
/// `radius` may stray from the true curve: a micrometre, or a billionth of
/// the radius on huge ones. kurbo picks its number of arcs from
/// radius / tolerance, so a fixed tolerance on a radius typed as 4e97 mm
/// asked for 10^17 arcs and ate the machine (found by the `project_load`
/// fuzz target) before the limits could refuse the shape; relative to the
/// radius, a whole ellipse never takes more than about 32 arcs.
fn arc_tolerance(radius: f64) -> f64 {
    (radius.abs() * 1e-9).max(1e-6)
}

/// Largest size a shape's parameter may have for [`local_path`] to build
/// it, mm (a thousand kilometres): far beyond
/// [`crate::limits::MAX_COORDINATE_MM`], which refuses such shapes with a
/// message, and far below where kurbo's arc arithmetic overflows.
pub const MAX_SIZE_MM: f64 = 1e9;

fn valid(sizes: &[f64]) -> bool {
    sizes
        .iter()
        .all(|s| s.is_finite() && *s > 0.0 && *s <= MAX_SIZE_MM)
}

fn star_path(corners: u32, outer: f64, inner: f64, notched: bool) -> BezPath {
    let mut path = BezPath::new();
    if !(3..=MAX_CORNERS).contains(&corners) || !valid(&[outer, inner]) {
        return path;
    }
    let steps = if notched { corners * 2 } else { corners };
    for i in 0..steps {
        let angle =
            std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * f64::from(i) / f64::from(steps);
        let r = if notched && i % 2 == 1 { inner } else { outer };
        let p = Point::new(r * angle.cos(), r * angle.sin());
        if i == 0 {
            path.move_to(p);
        } else {
            path.line_to(p);
        }
    }
    path.close_path();
    path
}

/// The shape's outline in document space (mm, Y up).
pub fn document_path(shape: &Shape) -> BezPath {
    let mut path = local_path(&shape.kind);
    path.apply_affine(shape.transform);
    path
}

/// Flattens `path` into polylines whose segments stay within `tolerance_mm`
/// of the curves. Each subpath becomes one polyline; consecutive duplicate
/// points are dropped.
pub fn flatten(path: &BezPath, tolerance_mm: f64) -> Vec<Polyline> {
    let tolerance = if tolerance_mm.is_finite() && tolerance_mm > 0.0 {
        tolerance_mm
    } else {
        crate::DEFAULT_TOLERANCE_MM
    };
    let mut out: Vec<Polyline> = Vec::new();
    let mut current: Option<Polyline> = None;
    let finish = |current: &mut Option<Polyline>, out: &mut Vec<Polyline>| {
        if let Some(mut line) = current.take() {
            if line.closed && line.points.len() > 1 && line.points.first() == line.points.last() {
                line.points.pop();
            }
            if !line.points.is_empty() {
                out.push(line);
            }
        }
    };
    kurbo::flatten(path.iter(), tolerance, |el| match el {
        PathEl::MoveTo(p) => {
            finish(&mut current, &mut out);
            current = Some(Polyline {
                points: vec![[p.x, p.y]],
                closed: false,
            });
        }
        PathEl::LineTo(p) => {
            let line = current.get_or_insert_with(|| Polyline {
                points: Vec::new(),
                closed: false,
            });
            if line.points.last() != Some(&[p.x, p.y]) {
                line.points.push([p.x, p.y]);
            }
        }
        PathEl::ClosePath => {
            if let Some(line) = current.as_mut() {
                line.closed = true;
                let start = line.points.first().copied();
                finish(&mut current, &mut out);
                // A path may go on drawing from the start point after a close.
                if let Some(start) = start {
                    current = Some(Polyline {
                        points: vec![start],
                        closed: false,
                    });
                }
            }
        }
        // kurbo::flatten only emits MoveTo, LineTo and ClosePath.
        PathEl::QuadTo(..) | PathEl::CurveTo(..) => {}
    });
    finish(&mut current, &mut out);
    // The re-opened single point after a close is not an outline.
    out.retain(|l| l.closed || l.points.len() > 1);
    out
}

/// The shape's outline flattened in document space.
pub fn shape_polylines(shape: &Shape, tolerance_mm: f64) -> Vec<Polyline> {
    flatten(&document_path(shape), tolerance_mm)
}

/// The filled area of one shape (empty for outline-only shapes). Open
/// subpaths of a filled shape are closed, as SVG fills them.
pub fn shape_region(shape: &Shape, tolerance_mm: f64) -> Region {
    let rule = match shape.fill {
        Fill::Filled(rule) => rule,
        Fill::Outline => return Region::empty(),
    };
    let contours: Vec<Contour> = shape_polylines(shape, tolerance_mm)
        .into_iter()
        .map(|l| l.points)
        .collect();
    Region::from_contours(&contours, rule)
}

/// The union of the filled areas of `shapes`.
pub fn union_region<'a>(shapes: impl IntoIterator<Item = &'a Shape>, tolerance_mm: f64) -> Region {
    let regions: Vec<Region> = shapes
        .into_iter()
        .map(|s| shape_region(s, tolerance_mm))
        .collect();
    Region::union_all(&regions)
}

/// Bounds of the shape's outline in document space, `None` when it has none.
pub fn shape_bounds(shape: &Shape) -> Option<kurbo::Rect> {
    let path = document_path(shape);
    if path.elements().is_empty() {
        return None;
    }
    let b = path.bounding_box();
    (b.x0.is_finite() && b.y0.is_finite() && b.x1.is_finite() && b.y1.is_finite()).then_some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[track_caller]
    fn assert_close(actual: f64, expected: f64, rel: f64) {
        assert!(
            (actual - expected).abs() <= rel * expected.abs(),
            "{actual} vs {expected}"
        );
    }

    #[test]
    fn primitive_areas_match_formulas_under_transforms() {
        let cases = [
            (
                ShapeKind::Rectangle {
                    width: 40.0,
                    height: 20.0,
                },
                800.0,
            ),
            (ShapeKind::Ellipse { rx: 15.0, ry: 5.0 }, PI * 75.0),
            (
                ShapeKind::RoundedRectangle {
                    width: 30.0,
                    height: 20.0,
                    radius: 4.0,
                },
                600.0 - (4.0 - PI) * 16.0,
            ),
            (
                ShapeKind::RegularPolygon {
                    sides: 6,
                    radius: 10.0,
                },
                1.5 * 3f64.sqrt() * 100.0,
            ),
            // Star of 5 points: 10 triangles (outer, inner, angle 36°).
            (
                ShapeKind::Star {
                    points: 5,
                    outer_radius: 10.0,
                    inner_ratio: 0.5,
                },
                10.0 * 0.5 * 10.0 * 5.0 * (PI / 5.0).sin(),
            ),
        ];
        for (kind, area) in cases {
            for (angle, scale, dx) in [(0.0, 1.0, 0.0), (0.7, 1.0, 100.0), (2.0, 3.0, -50.0)] {
                let mut shape = Shape::new(kind.clone());
                shape.transform = kurbo::Affine::translate((dx, 7.0))
                    * kurbo::Affine::rotate(angle)
                    * kurbo::Affine::scale(scale);
                let r = shape_region(&shape, 0.001);
                assert_close(r.area(), area * scale * scale, 1e-3);
            }
        }
    }

    #[test]
    fn nonsense_parameters_give_nothing() {
        for kind in [
            ShapeKind::Rectangle {
                width: -1.0,
                height: 2.0,
            },
            ShapeKind::Ellipse {
                rx: f64::NAN,
                ry: 1.0,
            },
            ShapeKind::RegularPolygon {
                sides: 2,
                radius: 1.0,
            },
            ShapeKind::Star {
                points: 1_000_000,
                outer_radius: 1.0,
                inner_ratio: 0.5,
            },
        ] {
            assert!(shape_region(&Shape::new(kind), 0.01).is_empty());
        }
    }

    #[test]
    fn outline_shapes_have_no_area_but_keep_their_lines() {
        let mut shape = Shape::new(ShapeKind::Rectangle {
            width: 4.0,
            height: 4.0,
        });
        shape.fill = Fill::Outline;
        assert!(shape_region(&shape, 0.01).is_empty());
        let lines = shape_polylines(&shape, 0.01);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].closed);
        assert_eq!(lines[0].points.len(), 4);
    }
}
