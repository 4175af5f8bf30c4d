//! One shape of the document: what it is (its parameters, in its own local
//! millimetre frame), where it is (an affine transform to the document), what
//! the laser does with it and how tall it stands in 3D.

use kurbo::{Affine, BezPath};
use serde::{Deserialize, Serialize};

use crate::region::FillRule;

/// Stable identity of a shape inside its document (for selection, undo, tutorials).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct ShapeId(pub u64);

/// What a shape is, in its local frame (mm, Y up). Primitives are centred on
/// the origin so that rotation and scaling happen about their middle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShapeKind {
    /// Axis-aligned rectangle centred on the origin.
    Rectangle { width: f64, height: f64 },
    /// Rectangle with circular corners of `radius` (clamped to half the smaller side).
    RoundedRectangle {
        width: f64,
        height: f64,
        radius: f64,
    },
    /// Ellipse centred on the origin; a circle when `rx == ry`.
    Ellipse { rx: f64, ry: f64 },
    /// Regular polygon with `sides` corners on a circle of `radius`, one corner straight up.
    RegularPolygon { sides: u32, radius: f64 },
    /// Star with `points` tips on a circle of `outer_radius`; the notches lie
    /// on a circle of `outer_radius * inner_ratio`.
    Star {
        points: u32,
        outer_radius: f64,
        inner_ratio: f64,
    },
    /// A line of text set in a bundled font; `size` is the font size (em) in mm.
    /// The local origin is the middle of the text's box.
    Text {
        text: String,
        font: String,
        size: f64,
    },
    /// Any outline made of lines and Bézier curves (imported, traced, drawn
    /// with the pen, or the result of a boolean operation).
    Path { path: BezPath },
}

/// Whether the inside of a shape is material (filled) or only its outline counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    /// The area enclosed by the outline, by this fill rule, is the shape.
    Filled(FillRule),
    /// Only the outline is the shape: a line to cut or score. Outline-only
    /// shapes are never extruded (a drawn line has no area to stand on).
    Outline,
}

/// What the laser does with a shape; each lab maps roles to its colour code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaserRole {
    /// Cut through along the outline.
    #[default]
    Cut,
    /// Mark a line along the outline without cutting through.
    Score,
    /// Burn the filled area in (raster engraving).
    Engrave,
}

/// How a shape becomes 3D: a prism from `base` to `base + height` (mm).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extrusion {
    /// Thickness of the prism, mm. Zero or less: the shape is not extruded.
    pub height: f64,
    /// Height of the prism's bottom above the build plate, mm. Letters
    /// standing on a 3 mm plate have `base = 3`.
    pub base: f64,
    /// A hole removes material instead of adding it (Tinkercad's "hole"):
    /// a keychain's ring hole, letters sunk into a plate.
    pub hole: bool,
}

impl Default for Extrusion {
    fn default() -> Self {
        Self {
            height: DEFAULT_HEIGHT_MM,
            base: 0.0,
            hole: false,
        }
    }
}

/// Height given to new shapes: thick enough to print and hold (a keychain plate).
pub const DEFAULT_HEIGHT_MM: f64 = 3.0;

/// One shape of the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// Identity within the document.
    pub id: ShapeId,
    /// The shape's own geometry, in its local frame.
    #[serde(flatten)]
    pub kind: ShapeKind,
    /// Local frame → document (mm, Y up).
    pub transform: Affine,
    /// Filled area or outline only.
    pub fill: Fill,
    /// What the laser does with it.
    pub role: LaserRole,
    /// How it stands in 3D.
    pub extrusion: Extrusion,
    /// The group this shape belongs to, if any: clicking one member selects
    /// them all. Absent from files written before groups existed.
    #[serde(default)]
    pub group: Option<u64>,
}

impl Shape {
    /// A filled (non-zero) shape at the origin, cut by the laser, 3 mm tall.
    pub fn new(kind: ShapeKind) -> Self {
        Self {
            id: ShapeId::default(),
            kind,
            transform: Affine::IDENTITY,
            fill: Fill::Filled(FillRule::NonZero),
            role: LaserRole::default(),
            extrusion: Extrusion::default(),
            group: None,
        }
    }

    /// The same shape moved by (`dx`, `dy`) mm.
    pub fn translated(mut self, dx: f64, dy: f64) -> Self {
        self.transform = Affine::translate((dx, dy)) * self.transform;
        self
    }

    /// `true` when the shape has an area that can be filled or extruded.
    pub fn is_filled(&self) -> bool {
        matches!(self.fill, Fill::Filled(_))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_written_before_groups_existed_still_loads() {
        let mut json = serde_json::to_value(Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 5.0,
        }))
        .unwrap();
        let object = json.as_object_mut().unwrap();
        assert!(object.remove("group").is_some());
        let shape: Shape = serde_json::from_value(json).unwrap();
        assert_eq!(shape.group, None);
        assert_eq!(
            shape.kind,
            ShapeKind::Rectangle {
                width: 10.0,
                height: 5.0
            }
        );
    }

    #[test]
    fn a_group_survives_a_round_trip() {
        let mut shape = Shape::new(ShapeKind::Ellipse { rx: 1.0, ry: 2.0 });
        shape.group = Some(7);
        let json = serde_json::to_string(&shape).unwrap();
        let back: Shape = serde_json::from_str(&json).unwrap();
        assert_eq!(back.group, Some(7));
    }
}
