//! Shapes for the exporters' unit tests, one meaning each.

use geometry::{Shape, ShapeKind};

/// A filled rectangle `w` × `h` mm centred on (`x`, `y`).
pub fn centred_rect(w: f64, h: f64, x: f64, y: f64) -> Shape {
    Shape::new(ShapeKind::Rectangle {
        width: w,
        height: h,
    })
    .translated(x, y)
}
