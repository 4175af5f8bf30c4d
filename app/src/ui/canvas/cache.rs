//! Flattened outlines of the document's shapes, their filled areas as
//! triangles and their bounds, cached by document revision and zoom
//! tolerance, all in document space: drawing a frame (panning included)
//! only maps points to the screen.
//! A shape is flattened again only when it changed or the zoom moved by a
//! factor of two (the tolerance is a power of two, see `View::tolerance_mm`).

use std::collections::HashMap;

use geometry::outline::{Polyline, shape_polylines};
use geometry::{Document, Shape, ShapeId};

use super::fill::{self, FillMesh};

struct Entry {
    shape: Shape,
    tolerance_mm: f64,
    polylines: Vec<Polyline>,
    fill: Option<FillMesh>,
    bounds: Option<kurbo::Rect>,
}

impl Entry {
    fn new(shape: &Shape, tolerance_mm: f64) -> Self {
        let polylines = shape_polylines(shape, tolerance_mm);
        let fill = fill::tessellate(shape, &polylines, tolerance_mm);
        let bounds = polylines
            .iter()
            .flat_map(|l| &l.points)
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .map(|p| kurbo::Rect::new(p[0], p[1], p[0], p[1]))
            .reduce(|a, b| a.union(b));
        Self {
            shape: shape.clone(),
            tolerance_mm,
            polylines,
            fill,
            bounds,
        }
    }
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
                self.entries
                    .insert(shape.id, Entry::new(shape, tolerance_mm));
            }
        }
    }

    /// The flattened outline of a shape (empty if unknown).
    pub fn polylines(&self, id: ShapeId) -> &[Polyline] {
        self.entries.get(&id).map_or(&[], |e| &e.polylines)
    }

    /// The filled area of a shape as triangles (none for outlines).
    pub fn fill(&self, id: ShapeId) -> Option<&FillMesh> {
        self.entries.get(&id).and_then(|e| e.fill.as_ref())
    }

    /// Bounds of a shape's flattened outline, mm (none when it has none).
    pub fn bounds(&self, id: ShapeId) -> Option<kurbo::Rect> {
        self.entries.get(&id).and_then(|e| e.bounds)
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
