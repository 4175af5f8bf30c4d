//! Placing shapes: bounds, moving, resizing to exact sizes, rotating.
//!
//! Sizes typed in the properties panel are the shape's bounding box in the
//! document (what a ruler on the machine's bed would measure). Unrotated
//! rectangles and ellipses are resized through their own parameters, so a
//! rounded corner stays round; anything else is scaled.

use crate::approx::EPSILON_MM;
use crate::outline::shape_bounds;
use crate::{Shape, ShapeKind};
use kurbo::{Affine, Rect, Vec2};

/// Bounds of several shapes together in document space, `None` if none has an outline.
pub fn shapes_bounds<'a>(shapes: impl IntoIterator<Item = &'a Shape>) -> Option<Rect> {
    shapes
        .into_iter()
        .filter_map(shape_bounds)
        .reduce(|a, b| a.union(b))
}

/// The shape moved by `delta` mm.
pub fn translated(shape: &Shape, delta: Vec2) -> Shape {
    let mut moved = shape.clone();
    moved.transform = Affine::translate(delta) * shape.transform;
    moved
}

/// Rotation of the shape's frame, degrees counter-clockwise, in (-180, 180].
pub fn rotation_deg(shape: &Shape) -> f64 {
    let [a, b, ..] = shape.transform.as_coeffs();
    b.atan2(a).to_degrees()
}

fn is_axis_aligned(transform: Affine) -> bool {
    let [a, b, c, d, ..] = transform.as_coeffs();
    b.abs() < 1e-12 && c.abs() < 1e-12 && a > 0.0 && d > 0.0
}

/// The shape rotated to `angle_deg` about the centre of its bounds.
pub fn with_rotation(shape: &Shape, angle_deg: f64) -> Shape {
    let Some(bounds) = shape_bounds(shape) else {
        return shape.clone();
    };
    let delta = (angle_deg - rotation_deg(shape)).to_radians();
    let mut rotated = shape.clone();
    rotated.transform = Affine::rotate_about(delta, bounds.center()) * shape.transform;
    rotated
}

/// The shape mapped so that the rectangle `from` lands on `to` (both in
/// document space): used for handles and typed sizes, one shape or many.
pub fn mapped(shape: &Shape, from: Rect, to: Rect) -> Shape {
    let sx = if from.width() > EPSILON_MM {
        to.width() / from.width()
    } else {
        1.0
    };
    let sy = if from.height() > EPSILON_MM {
        to.height() / from.height()
    } else {
        1.0
    };
    let map = Affine::translate((to.x0, to.y0))
        * Affine::scale_non_uniform(sx, sy)
        * Affine::translate((-from.x0, -from.y0));
    let mut out = shape.clone();
    if is_axis_aligned(shape.transform) && resize_parameters(&mut out.kind, sx, sy) {
        // The parameters took the scale: only move the centre.
        let centre = shape.transform * kurbo::Point::ORIGIN;
        let new_centre = map * centre;
        let [a, _, _, d, ..] = shape.transform.as_coeffs();
        out.transform = Affine::new([a, 0.0, 0.0, d, new_centre.x, new_centre.y]);
    } else {
        out.transform = map * shape.transform;
    }
    out
}

/// Scales the primitive's own sizes by (sx, sy) in document axes; `false`
/// when the kind cannot take a non-uniform scale in its parameters.
fn resize_parameters(kind: &mut ShapeKind, sx: f64, sy: f64) -> bool {
    match kind {
        ShapeKind::Rectangle { width, height } => {
            *width *= sx;
            *height *= sy;
            true
        }
        ShapeKind::RoundedRectangle { width, height, .. } => {
            *width *= sx;
            *height *= sy;
            true
        }
        ShapeKind::Ellipse { rx, ry } => {
            *rx *= sx;
            *ry *= sy;
            true
        }
        _ => false,
    }
}

/// Why a typed number was refused: shown under the field, translated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    /// Not a number at all ("abc", "NaN", "inf").
    NotANumber,
    /// Zero or negative where a size is needed.
    NotPositive,
    /// Larger than anything a fablab machine makes.
    TooLarge,
}

impl NumberProblem {
    /// Translation key of the message.
    pub fn key(self) -> &'static str {
        match self {
            NumberProblem::NotANumber => "error-not-a-number",
            NumberProblem::NotPositive => "error-not-positive",
            NumberProblem::TooLarge => "error-too-large",
        }
    }
}

/// Largest length accepted, mm: a few times the biggest laser bed, so a
/// slip of the finger (40000 for 40) is caught instead of drawn.
pub const MAX_LENGTH_MM: f64 = 5000.0;

/// Parses a typed number; accepts a comma as decimal separator (French habit).
pub fn parse_number(text: &str) -> Result<f64, NumberProblem> {
    let cleaned = text.trim().replace(',', ".");
    let cleaned = cleaned.trim_end_matches("mm").trim_end_matches('°').trim();
    match cleaned.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(NumberProblem::NotANumber),
    }
}

/// A typed length that must be positive and reasonable.
pub fn parse_size(text: &str) -> Result<f64, NumberProblem> {
    let value = parse_number(text)?;
    if value <= 0.0 {
        Err(NumberProblem::NotPositive)
    } else if value > MAX_LENGTH_MM {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

/// A typed position: any sign, but reasonable.
pub fn parse_position(text: &str) -> Result<f64, NumberProblem> {
    let value = parse_number(text)?;
    if value.abs() > MAX_LENGTH_MM {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_checked() {
        assert_eq!(parse_size("40"), Ok(40.0));
        assert_eq!(parse_size(" 12,5 mm"), Ok(12.5));
        assert_eq!(parse_size("NaN"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_size("inf"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_size("-3"), Err(NumberProblem::NotPositive));
        assert_eq!(parse_size("1e9"), Err(NumberProblem::TooLarge));
        assert_eq!(parse_position("-3"), Ok(-3.0));
    }

    #[test]
    fn mapping_a_rectangle_changes_its_parameters() {
        let shape = Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 10.0,
        })
        .translated(5.0, 5.0);
        let from = shape_bounds(&shape).unwrap();
        let to = Rect::new(0.0, 0.0, 40.0, 20.0);
        let out = mapped(&shape, from, to);
        assert_eq!(
            out.kind,
            ShapeKind::Rectangle {
                width: 40.0,
                height: 20.0
            }
        );
        let b = shape_bounds(&out).unwrap();
        assert!((b.x0).abs() < 1e-9 && (b.x1 - 40.0).abs() < 1e-9);
        assert!((b.y1 - 20.0).abs() < 1e-9);
    }

    #[test]
    fn rotation_round_trips() {
        let shape = Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 4.0,
        });
        let rotated = with_rotation(&shape, 30.0);
        assert!((rotation_deg(&rotated) - 30.0).abs() < 1e-9);
    }
}
