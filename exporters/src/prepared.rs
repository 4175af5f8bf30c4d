//! A drawing read once for the laser: each shape flattened and, for a
//! filled shape, its filled area (a [`Region`], from a boolean operation:
//! the costliest step of reading a big drawing). The lab check
//! ([`crate::check::check_sharing`]) and the laser writers
//! ([`crate::export_prepared`]) both start from it, so a caller that checks
//! and exports the same drawing (the app, for each document revision)
//! reads it once and hands the same [`PreparedDrawing`] to both.
//!
//! Every value is exactly what the checks and the writers computed on
//! their own ([`shape_region`], [`shape_polylines`]), so sharing cannot
//! change a finding or a file (`exporters/tests/check_reports.rs` holds
//! whole reports; the tests below compare written files).
//!
//! A prepared drawing belongs to one document at one tolerance: it knows
//! its shapes' ids and its tolerance, and a check or writer given one that
//! does not [`fit`](PreparedDrawing::fits) its document reads the document
//! again rather than use it. An edit that keeps a shape's id is not seen
//! that way: the caller keys it by the document's revision (as the app's
//! `model::derived` does).
//!
//! Current limitations: the areas are computed for every shape (engraved
//! ones too: the bed checks need their box), on every core, before any
//! check starts, so a drawing of one huge shape has its area computed on
//! one core while the other waits: 0.5 s of the 4.3 s that `fabrique
//! check` takes on the 200,000-segment scribble of
//! `tests/benches/hostile_inputs.sh` (2 shared cores, 2026-12-05). The
//! shared lines of a filled shape copy its area's contours (the scribble's
//! run peaks at 440–490 MB instead of 370, with the narrow-strip check's two
//! openings at once). The writers' clean-up (lines drawn twice removed,
//! inner before outer) is not part of it: it is redone for each file.

use geometry::outline::{Polyline, shape_polylines, shape_region};
use geometry::{Document, Region, Shape, ShapeId};

use crate::cut_paths::Bounds;

/// One shape, read once.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedShape {
    /// Its filled area; empty for an outline shape.
    pub region: Region,
    /// What the laser follows: the contours of the filled area (closed)
    /// for a filled shape, the flattened outline otherwise.
    pub lines: Vec<Polyline>,
}

impl PreparedShape {
    fn of(shape: &Shape, tolerance_mm: f64) -> Self {
        if shape.is_filled() {
            let region = shape_region(shape, tolerance_mm);
            let lines = region
                .contours()
                .map(|c| Polyline {
                    points: c.clone(),
                    closed: true,
                })
                .collect();
            Self { region, lines }
        } else {
            Self {
                region: Region::empty(),
                lines: shape_polylines(shape, tolerance_mm),
            }
        }
    }
}

/// Every shape of one document read at one tolerance (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedDrawing {
    tolerance_mm: f64,
    /// The ids of the document's shapes, in its order: what
    /// [`PreparedDrawing::fits`] compares.
    ids: Vec<ShapeId>,
    shapes: Vec<PreparedShape>,
}

impl PreparedDrawing {
    /// Reads every shape of `doc` at `tolerance_mm` (a positive, finite
    /// length: the check and the writers refuse or replace any other),
    /// shapes shared out between the cores.
    pub fn new(doc: &Document, tolerance_mm: f64) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = doc.shapes.len().div_ceil(cores).max(1);
        let shapes = if doc.shapes.len() <= 1 || cores == 1 {
            doc.shapes
                .iter()
                .map(|s| PreparedShape::of(s, tolerance_mm))
                .collect()
        } else {
            std::thread::scope(|scope| {
                let workers: Vec<_> = doc
                    .shapes
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|s| PreparedShape::of(s, tolerance_mm))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| match w.join() {
                        Ok(shapes) => shapes,
                        // A worker only panics on our bug: pass it on.
                        Err(panic) => std::panic::resume_unwind(panic),
                    })
                    .collect()
            })
        };
        Self {
            tolerance_mm,
            ids: doc.shapes.iter().map(|s| s.id).collect(),
            shapes,
        }
    }

    /// The flattening tolerance it was read at, mm.
    pub fn tolerance_mm(&self) -> f64 {
        self.tolerance_mm
    }

    /// One per shape of its document, in the document's order.
    pub fn shapes(&self) -> &[PreparedShape] {
        &self.shapes
    }

    /// `true` when it was read from `doc`'s shapes (same ids, same order)
    /// at `tolerance_mm` (compared exactly).
    pub fn fits(&self, doc: &Document, tolerance_mm: f64) -> bool {
        self.tolerance_mm.to_bits() == tolerance_mm.to_bits()
            && self.ids.len() == doc.shapes.len()
            && self.ids.iter().zip(&doc.shapes).all(|(id, s)| *id == s.id)
    }

    /// The box of everything the laser does (as
    /// [`crate::cut_paths::laser_bounds`]), `None` when it does nothing.
    pub fn laser_bounds(&self) -> Option<Bounds> {
        let mut bounds: Option<Bounds> = None;
        for p in self
            .shapes
            .iter()
            .flat_map(|s| &s.lines)
            .flat_map(|l| &l.points)
            .filter(|p| p[0].is_finite() && p[1].is_finite())
        {
            let (lo, hi) = bounds.get_or_insert((*p, *p));
            *lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            *hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        bounds
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::check::test_support::*;
    use geometry::LaserRole;

    fn drawing() -> Document {
        let mut score = line(&[[0.0, 0.0], [20.0, 0.0]], false);
        score.role = LaserRole::Score;
        let mut engraved = rect(2.0, 2.0, 62.0, 2.0);
        engraved.role = LaserRole::Engrave;
        doc((0..9)
            .map(|i| circle(3.0, 10.0 * f64::from(i), 0.0))
            .chain([frame(1.0), score, engraved])
            .collect())
    }

    #[test]
    fn each_shape_is_read_as_the_checks_and_writers_read_it() {
        let d = drawing();
        let prepared = PreparedDrawing::new(&d, 0.01);
        assert_eq!(prepared.shapes().len(), d.shapes.len());
        for (shape, read) in d.shapes.iter().zip(prepared.shapes()) {
            assert_eq!(read.region, shape_region(shape, 0.01));
            if !shape.is_filled() {
                assert_eq!(read.lines, shape_polylines(shape, 0.01));
            }
        }
        assert_eq!(
            prepared.laser_bounds(),
            crate::cut_paths::laser_bounds(&d, 0.01)
        );
        assert_eq!(
            PreparedDrawing::new(&doc(vec![]), 0.01).laser_bounds(),
            None
        );
    }

    #[test]
    fn it_fits_only_its_own_shapes_at_its_own_tolerance() {
        let d = drawing();
        let prepared = PreparedDrawing::new(&d, 0.01);
        assert!(prepared.fits(&d, 0.01));
        assert!(!prepared.fits(&d, 0.02), "another tolerance");
        let mut fewer = d.clone();
        fewer.shapes.pop();
        assert!(!prepared.fits(&fewer, 0.01), "a shape removed");
        let mut reordered = d.clone();
        reordered.shapes.swap(0, 1);
        assert!(!prepared.fits(&reordered, 0.01), "shapes reordered");
    }
}
