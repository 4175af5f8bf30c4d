//! The document: plain data holding only what the user made.
//!
//! It is saved as-is in `.fabrique` project files (JSON through serde), so it
//! carries a [`FORMAT_VERSION`] and holds no caches, meshes or UI state.
//! Everything derived from it (outlines, meshes, previews) comes from pure
//! functions elsewhere in this crate.

use serde::{Deserialize, Serialize};

use crate::shape::{Shape, ShapeId};

/// Version of the document format written by this build. Bump it when the
/// saved form changes, and teach the project loader to migrate older ones.
pub const FORMAT_VERSION: u32 = 1;

/// Everything the user made, in millimetres, Y up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Format of this document; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Id of the machine profile the design is meant for (`None`: generic).
    #[serde(default)]
    pub machine_id: Option<String>,
    /// Shapes, from back (first) to front (last).
    pub shapes: Vec<Shape>,
}

impl Default for Document {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            machine_id: None,
            shapes: Vec::new(),
        }
    }
}

impl Document {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// An id no shape of this document uses yet.
    pub fn next_id(&self) -> ShapeId {
        ShapeId(
            self.shapes
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// Adds `shape` at the front, giving it a fresh id; returns that id.
    pub fn add(&mut self, mut shape: Shape) -> ShapeId {
        let id = self.next_id();
        shape.id = id;
        self.shapes.push(shape);
        id
    }

    /// Adds `shapes` at the front in order, each with a fresh id (as many
    /// [`Document::add`]s, which look through every shape for the next id
    /// each time: quadratic for a trace of thousands of shapes); returns
    /// their ids.
    pub fn add_all(&mut self, shapes: impl IntoIterator<Item = Shape>) -> Vec<ShapeId> {
        let mut next = self.next_id().0;
        shapes
            .into_iter()
            .map(|mut shape| {
                shape.id = ShapeId(next);
                next += 1;
                self.shapes.push(shape);
                ShapeId(next - 1)
            })
            .collect()
    }

    /// The shape with this id, if any.
    pub fn shape(&self, id: ShapeId) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.id == id)
    }

    /// The shape with this id, mutably, if any.
    pub fn shape_mut(&mut self, id: ShapeId) -> Option<&mut Shape> {
        self.shapes.iter_mut().find(|s| s.id == id)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::shape::ShapeKind;

    #[test]
    fn ids_are_fresh_and_round_trip_through_json() {
        let mut doc = Document::new();
        let a = doc.add(Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 5.0,
        }));
        let b = doc.add(Shape::new(ShapeKind::Ellipse { rx: 3.0, ry: 3.0 }));
        let more = doc.add_all([a, b].map(|_| Shape::new(ShapeKind::Ellipse { rx: 1.0, ry: 1.0 })));
        let again = doc.add(Shape::new(ShapeKind::Ellipse { rx: 1.0, ry: 1.0 }));
        assert_eq!((more[0].0, more[1].0, again.0), (b.0 + 1, b.0 + 2, b.0 + 3));
        doc.shapes.truncate(2);
        assert_ne!(a, b);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
    }
}
