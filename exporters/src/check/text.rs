//! Is text large enough for the laser?
//!
//! Why it matters to a maker: engraving is a raster of dots about a tenth
//! of a millimetre apart, and the heat blurs them. Letters smaller than
//! about 2 mm (6 points) run together into a smudge, and their counters
//! (the holes of a, e, o) fill in: the name on the keychain cannot be read.
//!
//! The size is the font size (em) as placed: the text shape's size times
//! its scale.
//!
//! Current limitations: only text shapes are known to be text; text
//! imported from an SVG arrives as paths (its thin parts are caught by the
//! narrow-feature check when cut). No fix: scaling text alone would move it
//! off the design.

use geometry::{Document, ShapeKind};

use super::{BoxMm, Finding, FindingKind, Severity};

/// Smallest legible laser text, em height in mm (about 6 points).
pub const MIN_TEXT_MM: f64 = 2.0;

/// Finds text shapes smaller than [`MIN_TEXT_MM`].
pub fn check(doc: &Document) -> Vec<Finding> {
    doc.shapes
        .iter()
        .filter_map(|shape| {
            let ShapeKind::Text { text, size, .. } = &shape.kind else {
                return None;
            };
            let scale = shape.transform.determinant().abs().sqrt();
            let placed = size * scale;
            if text.trim().is_empty() || !placed.is_finite() || placed >= MIN_TEXT_MM {
                return None;
            }
            let bounds = geometry::outline::shape_bounds(shape).map(|b| BoxMm {
                min: [b.x0, b.y0],
                max: [b.x1, b.y1],
            });
            Some(
                Finding::new(
                    FindingKind::TextTooSmall {
                        size_mm: placed,
                        min_mm: MIN_TEXT_MM,
                    },
                    Severity::Warning,
                )
                .on(vec![shape.id], bounds),
            )
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use geometry::{LaserRole, Shape};

    fn text(size: f64, scale: f64) -> Shape {
        let mut shape = Shape::new(ShapeKind::Text {
            text: "Léa".into(),
            font: String::new(),
            size,
        });
        shape.role = LaserRole::Engrave;
        shape.transform = kurbo::Affine::scale(scale);
        shape
    }

    #[test]
    fn text_below_two_millimetres_is_a_warning_as_placed() {
        assert!(check(&doc(vec![text(8.0, 1.0)])).is_empty());
        let found = check(&doc(vec![text(1.5, 1.0)]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        // A large size shrunk by the transform is small too.
        assert_eq!(check(&doc(vec![text(8.0, 0.2)])).len(), 1);
        assert!(check(&doc(vec![text(1.0, 4.0)])).is_empty());
    }
}
