//! Data derived from the document, computed once per document revision
//! and shared: the extruded solid, which the 3D preview draws, the lab
//! check judges on a printer and the 3D export writes; and the laser's
//! reading of the drawing (each shape flattened and its filled area,
//! [`exporters::PreparedDrawing`]), which the lab check judges on a laser
//! and the laser export (SVG, DXF) writes. Without it one edit was
//! extruded up to three times on an old laptop's two cores, and a drawing
//! checked then exported was flattened twice.
//!
//! Each is keyed by the revision and the flattening tolerance, the only
//! inputs it has: the machine is not part of the key, as neither depends
//! on it (a laser's kerf and bed are applied by the check and the writer,
//! after the reading), so choosing another laser reuses the reading.
//!
//! The cache is filled by worker threads ([`crate::ui::work`]): a worker
//! asking for a revision another worker is computing waits for it instead
//! of computing it again. The UI thread never calls it.
//!
//! Current limitations: one revision is kept for each (the latest asked
//! for), so an export of an older revision while the check reads a newer
//! one reads it again; the laser writers' clean-up (lines drawn twice,
//! inner before outer) is redone for each export.

use std::sync::{Arc, Mutex, PoisonError};

use exporters::PreparedDrawing;
use geometry::extrude::{ExtrudeError, ExtrudeOptions, extrude};
use geometry::{Document, Mesh};

/// A document's solid, or why it has none.
pub type Solid = Result<Vec<Mesh>, ExtrudeError>;

/// One kind of derived data: the value of the latest revision asked for,
/// and how many values were computed.
#[derive(Debug)]
struct Slot<T> {
    entry: Mutex<Option<Entry<T>>>,
    computed: Mutex<u64>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Self {
            entry: Mutex::new(None),
            computed: Mutex::new(0),
        }
    }
}

/// The value of one document revision.
#[derive(Debug)]
struct Entry<T> {
    revision: u64,
    /// Flattening tolerance, as `f64` bits (an exact key).
    tolerance: u64,
    value: Arc<T>,
}

impl<T> Slot<T> {
    /// The value at (`revision`, `tolerance`): the cached one, or `make`'s,
    /// computed holding the slot so a second asker waits and reuses it.
    fn get(&self, revision: u64, tolerance: f64, make: impl FnOnce() -> T) -> Arc<T> {
        // A worker that panicked mid-computation leaves no entry: go on.
        let mut entry = self.entry.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cached) = entry.as_ref()
            && cached.revision == revision
            && cached.tolerance == tolerance.to_bits()
        {
            return Arc::clone(&cached.value);
        }
        let value = Arc::new(make());
        *self.computed.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        *entry = Some(Entry {
            revision,
            tolerance: tolerance.to_bits(),
            value: Arc::clone(&value),
        });
        value
    }

    fn computed(&self) -> u64 {
        *self.computed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The shared cache of derived data (see the module docs).
#[derive(Debug, Default)]
pub struct Derived {
    solid: Slot<Solid>,
    laser: Slot<PreparedDrawing>,
}

impl Derived {
    /// The solid of `document`, which is the document at `revision`, at
    /// `tolerance` mm: the cached one, or extruded now (a second worker
    /// asking for the same revision waits and reuses it).
    pub fn solid(&self, document: &Document, revision: u64, tolerance: f64) -> Arc<Solid> {
        self.solid.get(revision, tolerance, || {
            extrude(
                document,
                &ExtrudeOptions {
                    tolerance_mm: tolerance,
                },
            )
        })
    }

    /// The laser's reading of `document`, which is the document at
    /// `revision`, at `tolerance` mm: the cached one, or read now (a second
    /// worker asking for the same revision waits and reuses it).
    pub fn laser(
        &self,
        document: &Document,
        revision: u64,
        tolerance: f64,
    ) -> Arc<PreparedDrawing> {
        self.laser.get(revision, tolerance, || {
            PreparedDrawing::new(document, tolerance)
        })
    }

    /// How many extrusions were computed so far.
    pub fn extrusions(&self) -> u64 {
        self.solid.computed()
    }

    /// How many laser readings were computed so far.
    pub fn laser_readings(&self) -> u64 {
        self.laser.computed()
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
        assert_eq!(derived.laser_readings(), 0, "nothing read for a laser");
    }

    #[test]
    fn one_revision_is_read_once_for_the_laser() {
        let derived = Arc::new(Derived::default());
        let doc = Arc::new(plate());
        let tolerance = geometry::DEFAULT_TOLERANCE_MM;
        let askers: Vec<_> = (0..3)
            .map(|_| {
                let (derived, doc) = (Arc::clone(&derived), Arc::clone(&doc));
                std::thread::spawn(move || derived.laser(&doc, 7, tolerance))
            })
            .collect();
        let readings: Vec<_> = askers.into_iter().map(|a| a.join().unwrap()).collect();
        assert_eq!(derived.laser_readings(), 1, "check and export share it");
        assert!(readings.iter().all(|r| Arc::ptr_eq(r, &readings[0])));
        assert_eq!(*readings[0], PreparedDrawing::new(&doc, tolerance));
        derived.laser(&doc, 8, tolerance);
        assert_eq!(derived.laser_readings(), 2, "a new revision is read again");
        derived.laser(&doc, 8, tolerance * 2.0);
        assert_eq!(derived.laser_readings(), 3, "so is another tolerance");
        assert_eq!(derived.extrusions(), 0, "nothing extruded for a laser");
    }
}
