//! Flattened outlines of the document's shapes, cached by document revision
//! and zoom tolerance: drawing a frame only maps points to the screen.
//! A shape is flattened again only when it changed or the zoom moved by a
//! factor of two (the tolerance is a power of two, see `View::tolerance_mm`).

use std::collections::HashMap;

use geometry::outline::{Polyline, shape_polylines};
use geometry::{Document, Shape, ShapeId};

struct Entry {
    shape: Shape,
    tolerance_mm: f64,
    polylines: Vec<Polyline>,
}

/// Per-shape flattened outlines.
#[derive(Default)]
pub struct OutlineCache {
    revision: Option<u64>,
    tolerance_mm: f64,
    entries: HashMap<ShapeId, Entry>,
}

impl OutlineCache {
    /// Brings the cache up to date with `document` at `revision`.
    pub fn update(&mut self, document: &Document, revision: u64, tolerance_mm: f64) {
        if self.revision == Some(revision) && self.tolerance_mm == tolerance_mm {
            return;
        }
        self.revision = Some(revision);
        self.tolerance_mm = tolerance_mm;
        self.entries.retain(|id, _| document.shape(*id).is_some());
        for shape in &document.shapes {
            let fresh = self
                .entries
                .get(&shape.id)
                .is_some_and(|e| e.tolerance_mm == tolerance_mm && e.shape == *shape);
            if !fresh {
                self.entries.insert(
                    shape.id,
                    Entry {
                        shape: shape.clone(),
                        tolerance_mm,
                        polylines: shape_polylines(shape, tolerance_mm),
                    },
                );
            }
        }
    }

    /// The flattened outline of a shape (empty if unknown).
    pub fn polylines(&self, id: ShapeId) -> &[Polyline] {
        self.entries.get(&id).map_or(&[], |e| &e.polylines)
    }

    /// Segments in the cache (for the performance overlay).
    pub fn segment_count(&self) -> usize {
        self.entries
            .values()
            .flat_map(|e| &e.polylines)
            .map(|l| l.points.len())
            .sum()
    }
}
