//! Limits every input passes before any heavy work, so no file can make
//! a command run for minutes or eat the machine's memory: coordinates must
//! be finite and within [`MAX_COORDINATE_MM`] of the origin, and a drawing
//! may hold at most [`MAX_SEGMENTS`] path segments. Checked inside
//! the SVG import ([`crate::import::import_svg`]) and the loading of a
//! project (the app's `project::from_json`), so every command and the app
//! share one rule.
//!
//! Current limitations: the segment limit bounds the input, not the number
//! of crossings a self-crossing path makes; a path just under
//! [`MAX_SEGMENTS`] segments that crosses itself everywhere can still cost
//! more than the rest of the limits suggest. Measured by
//! `tests/benches/hostile_inputs.sh` (release build, 2 shared cores, 2026-12-05):
//! a filled random walk of 1,000,000 segments (5 MB of SVG) is refused by
//! `laser`, `extrude` and `check` in 0.3 s and 132 MB; the same walk cut
//! to the limit (200,000 segments, crossing itself into tens of thousands
//! of loops) goes through `extrude` in 2.9 s of CPU and 440 MB,
//! `laser` in 1.6 s and 190 MB, and `check` in 4.2–4.3 s (7.5 s of CPU
//! over two cores, 440–490 MB; 5.4–8 s while other jobs held the cores):
//! under the 5 s aimed at only on an otherwise idle machine (CPU for
//! 50,000 segments 1.5 s, 100,000 3.2 s; 10.3 s of CPU and 6.9–8.1 s
//! before each shape's area was shared between the checks, same machine,
//! same day). A shape 1e308 mm away is refused in under 10 ms.

use kurbo::PathEl;

use crate::document::Document;
use crate::outline::document_path;
use crate::shape::{Shape, ShapeKind};

/// Largest distance from the origin of any point, mm: 10 m, far beyond any
/// laser bed or printer, far below where our 30 nm boolean grid ends.
pub const MAX_COORDINATE_MM: f64 = 10_000.0;

/// Most path segments (lines and curves) in one drawing: four times the
/// 51,200-segment gears benchmark, which extrudes in a tenth of a second.
pub const MAX_SEGMENTS: usize = 200_000;

/// Why a document is refused before any work.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LimitError {
    /// A coordinate, transform, height or base is NaN or infinite.
    #[error("shape {shape_id} has a coordinate that is not a number")]
    NotFinite {
        /// The shape's id.
        shape_id: u64,
    },
    /// A point lies further from the origin than [`MAX_COORDINATE_MM`].
    #[error(
        "shape {shape_id} reaches {distance_mm:.0} mm from the origin, beyond the {max_mm:.0} mm limit"
    )]
    TooFar {
        /// The shape's id.
        shape_id: u64,
        /// How far, mm (the larger of |x| and |y|).
        distance_mm: f64,
        /// The limit, mm.
        max_mm: f64,
    },
    /// More segments than [`MAX_SEGMENTS`].
    #[error("the drawing has more than {max} path segments")]
    TooManySegments {
        /// The limit.
        max: usize,
    },
}

/// Checks `document` against the limits above; cheap (one pass over the
/// outlines, no flattening).
///
/// ```
/// use geometry::{Document, Shape, ShapeKind};
/// let mut doc = Document::new();
/// doc.add(Shape::new(ShapeKind::Rectangle { width: 20.0, height: 10.0 }).translated(1e308, 0.0));
/// assert!(geometry::limits::check(&doc).is_err());
/// ```
pub fn check(document: &Document) -> Result<(), LimitError> {
    check_shapes(&document.shapes)
}

/// The path segments (lines and curves) of `shape`'s own outline, as
/// counted against [`MAX_SEGMENTS`].
pub fn shape_segments(shape: &Shape) -> usize {
    crate::outline::local_path(&shape.kind)
        .elements()
        .iter()
        .filter(|el| !matches!(el, PathEl::MoveTo(_) | PathEl::ClosePath))
        .count()
}

/// [`check`] on shapes not yet in a document (an SVG import's).
pub fn check_shapes(shapes: &[Shape]) -> Result<(), LimitError> {
    let mut segments = 0usize;
    for shape in shapes {
        let shape_id = shape.id.0;
        let e = shape.extrusion;
        let coefficients = shape.transform.as_coeffs();
        if !coefficients
            .iter()
            .chain([&e.height, &e.base])
            .all(|v| v.is_finite())
        {
            return Err(LimitError::NotFinite { shape_id });
        }
        // The sizes before the outline: an ellipse typed as 4e97 mm must
        // be refused, not built (the outline of a shape beyond
        // outline::MAX_SIZE_MM is empty and would pass the checks below).
        let size = kind_size(&shape.kind);
        if !size.is_finite() {
            return Err(LimitError::NotFinite { shape_id });
        }
        if size > MAX_COORDINATE_MM {
            return Err(LimitError::TooFar {
                shape_id,
                distance_mm: size,
                max_mm: MAX_COORDINATE_MM,
            });
        }
        // The raw path next: a huge path must be refused before the
        // transform is applied to all of it.
        segments += shape_segments(shape);
        if segments > MAX_SEGMENTS {
            return Err(LimitError::TooManySegments { max: MAX_SEGMENTS });
        }
        let mut far = 0.0f64;
        for el in document_path(shape).elements() {
            let points: &[kurbo::Point] = match el {
                PathEl::MoveTo(p) | PathEl::LineTo(p) => std::slice::from_ref(p),
                PathEl::QuadTo(a, b) => &[*a, *b],
                PathEl::CurveTo(a, b, c) => &[*a, *b, *c],
                PathEl::ClosePath => &[],
            };
            for p in points {
                if !(p.x.is_finite() && p.y.is_finite()) {
                    return Err(LimitError::NotFinite { shape_id });
                }
                far = far.max(p.x.abs()).max(p.y.abs());
            }
        }
        if far > MAX_COORDINATE_MM {
            return Err(LimitError::TooFar {
                shape_id,
                distance_mm: far,
                max_mm: MAX_COORDINATE_MM,
            });
        }
    }
    Ok(())
}

/// The largest size parameter of `kind`, mm, before any transform
/// (0 for a path, whose points are checked one by one).
fn kind_size(kind: &ShapeKind) -> f64 {
    let sizes: &[f64] = match kind {
        ShapeKind::Rectangle { width, height } => &[*width, *height],
        ShapeKind::RoundedRectangle {
            width,
            height,
            radius,
        } => &[*width, *height, *radius],
        ShapeKind::Ellipse { rx, ry } => &[*rx, *ry],
        ShapeKind::RegularPolygon { radius, .. } => &[*radius],
        ShapeKind::Star {
            outer_radius,
            inner_ratio,
            ..
        } => &[*outer_radius, outer_radius * inner_ratio],
        ShapeKind::Text { size, .. } => &[*size],
        ShapeKind::Path { .. } => &[],
    };
    sizes.iter().fold(0.0, |acc, s| {
        if s.is_nan() || acc.is_nan() {
            f64::NAN
        } else {
            acc.max(s.abs())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with(shape: Shape) -> Document {
        let mut doc = Document::new();
        doc.add(shape);
        doc
    }

    #[test]
    fn ordinary_drawings_pass_and_absurd_ones_are_refused() {
        let square = || {
            Shape::new(ShapeKind::Rectangle {
                width: 10.0,
                height: 10.0,
            })
        };
        assert_eq!(check(&doc_with(square().translated(500.0, -300.0))), Ok(()));
        assert!(matches!(
            check(&doc_with(square().translated(1e308, 0.0))),
            Err(LimitError::TooFar { .. } | LimitError::NotFinite { .. })
        ));
        assert!(matches!(
            check(&doc_with(square().translated(20_000.0, 0.0))),
            Err(LimitError::TooFar { .. })
        ));
        assert_eq!(
            check(&doc_with(square().translated(f64::NAN, 0.0))),
            Err(LimitError::NotFinite { shape_id: 1 })
        );
        let mut tall = square();
        tall.extrusion.height = f64::INFINITY;
        assert!(matches!(
            check(&doc_with(tall)),
            Err(LimitError::NotFinite { .. })
        ));
        let mut path = kurbo::BezPath::new();
        path.move_to((0.0, 0.0));
        for i in 0..=MAX_SEGMENTS {
            path.line_to(((i % 100) as f64, (i / 100) as f64 * 0.01));
        }
        assert_eq!(
            check(&doc_with(Shape::new(ShapeKind::Path { path }))),
            Err(LimitError::TooManySegments { max: MAX_SEGMENTS })
        );
    }

    #[test]
    fn a_huge_ellipse_is_refused_without_flattening_it() {
        // Found by the project_load fuzz target: rx = 4e97 mm made the
        // outline ask kurbo for ~10^17 arcs before the limit could answer.
        for rx in [4e97, 1e300, f64::MAX] {
            let huge = Shape::new(ShapeKind::Ellipse { rx, ry: 3.0 });
            assert!(crate::outline::local_path(&huge.kind).elements().len() < 200);
            assert!(matches!(
                check(&doc_with(huge)),
                Err(LimitError::TooFar { .. } | LimitError::NotFinite { .. })
            ));
        }
        let corner = Shape::new(ShapeKind::RoundedRectangle {
            width: 1e200,
            height: 1e200,
            radius: 1e199,
        });
        assert!(crate::outline::local_path(&corner.kind).elements().len() < 200);
        assert!(check(&doc_with(corner)).is_err());
    }

    #[test]
    fn an_svg_import_refuses_a_drawing_beyond_the_limits() {
        let far = br#"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm"
            viewBox="0 0 100 100"><path d="M0 0 L50000 0 L0 10 Z"/></svg>"#;
        assert!(matches!(
            crate::import::import_svg(far),
            Err(crate::import::ImportError::Limit(LimitError::TooFar { .. }))
        ));
        let near = br#"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm"
            viewBox="0 0 100 100"><path d="M0 0 L50 0 L0 10 Z"/></svg>"#;
        assert!(crate::import::import_svg(near).is_ok());
    }
}
