//! Data derived from the document, computed once per document revision
//! and shared: the extruded solid, which the 3D preview draws, the lab
//! check judges on a printer and the 3D export writes. Without it one
//! edit was extruded up to three times on an old laptop's two cores.
//!
//! The cache is filled by worker threads ([`crate::ui::work`]): a worker
//! asking for a revision another worker is extruding waits for it instead
//! of extruding it again. The UI thread never calls it.
//!
//! Current limitations: one revision is kept (the latest asked for); the
//! laser side (flattened outlines, regions) is not cached yet.

use std::sync::{Arc, Mutex, PoisonError};

use geometry::extrude::{ExtrudeError, ExtrudeOptions, extrude};
use geometry::{Document, Mesh};

/// A document's solid, or why it has none.
pub type Solid = Result<Vec<Mesh>, ExtrudeError>;

/// The solid of one document revision.
#[derive(Debug)]
struct Entry {
    revision: u64,
    /// Flattening tolerance, as `f64` bits (an exact key).
    tolerance: u64,
    solid: Arc<Solid>,
}

/// The shared cache of derived data (see the module docs).
#[derive(Debug, Default)]
pub struct Derived {
    solid: Mutex<Option<Entry>>,
    /// How many extrusions were computed (for tests and benchmarks).
    extrusions: Mutex<u64>,
}

impl Derived {
    /// The solid of `document`, which is the document at `revision`, at
    /// `tolerance` mm: the cached one, or extruded now (holding the cache,
    /// so a second worker asking for the same revision waits and reuses it).
    pub fn solid(&self, document: &Document, revision: u64, tolerance: f64) -> Arc<Solid> {
        // A worker that panicked mid-extrusion leaves no entry: go on.
        let mut entry = self.solid.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cached) = entry.as_ref()
            && cached.revision == revision
            && cached.tolerance == tolerance.to_bits()
        {
            return Arc::clone(&cached.solid);
        }
        let solid = Arc::new(extrude(
            document,
            &ExtrudeOptions {
                tolerance_mm: tolerance,
            },
        ));
        *self
            .extrusions
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
        *entry = Some(Entry {
            revision,
            tolerance: tolerance.to_bits(),
            solid: Arc::clone(&solid),
        });
        solid
    }

    /// How many extrusions were computed so far.
    pub fn extrusions(&self) -> u64 {
        *self
            .extrusions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Extrusion, Shape, ShapeKind};

    fn plate() -> Document {
        let mut doc = Document::new();
        let mut shape = Shape::new(ShapeKind::Rectangle {
            width: 20.0,
            height: 10.0,
        });
        shape.extrusion = Extrusion {
            height: 3.0,
            base: 0.0,
            hole: false,
        };
        doc.add(shape);
        doc
    }

    #[test]
    fn one_revision_is_extruded_once_for_every_asker() {
        let derived = Arc::new(Derived::default());
        let doc = Arc::new(plate());
        let tolerance = geometry::DEFAULT_TOLERANCE_MM;
        let askers: Vec<_> = (0..3)
            .map(|_| {
                let (derived, doc) = (Arc::clone(&derived), Arc::clone(&doc));
                std::thread::spawn(move || derived.solid(&doc, 7, tolerance))
            })
            .collect();
        for asker in askers {
            assert!(asker.join().unwrap().is_ok());
        }
        assert_eq!(
            derived.extrusions(),
            1,
            "preview, check and export share it"
        );
        derived.solid(&doc, 8, tolerance);
        assert_eq!(derived.extrusions(), 2, "a new revision is extruded again");
        derived.solid(&doc, 8, tolerance * 2.0);
        assert_eq!(derived.extrusions(), 3, "so is another tolerance");
    }
}
