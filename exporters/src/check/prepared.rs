//! What the laser checks read of a drawing, computed once per run and
//! shared: each shape flattened and, for a filled shape, its filled area
//! (a [`Region`], from a boolean operation: the costliest step of reading a
//! big drawing). Before, each check computed the areas again, six times
//! over for a run of `fabrique check`.
//!
//! Every value is exactly what the checks computed on their own
//! ([`shape_region`], [`shape_polylines`]), so sharing cannot change a
//! finding (`exporters/tests/check_reports.rs` holds whole reports).
//!
//! Current limitations: the areas are computed for every shape (engraved
//! ones too: the bed checks need their box), on every core, before any
//! check starts, so a drawing of one huge shape has its area computed on
//! one core while the other waits: 0.5 s of the 4.3 s that `fabrique
//! check` takes on the 200,000-segment scribble of
//! `tests/benches/hostile_inputs.sh` (2 shared cores, 2026-12-05). The
//! shared lines of a filled shape copy its area's contours (the scribble's
//! run peaks at 440–490 MB instead of 370, with the narrow-strip check's two
//! openings at once).

use geometry::outline::{Polyline, shape_polylines, shape_region};
use geometry::{Document, Region, Shape};

use crate::cut_paths::Bounds;

/// One shape, read once.
pub(crate) struct PreparedShape {
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

/// A drawing read once for a run of the checks.
pub(crate) struct Prepared<'a> {
    /// The drawing.
    pub doc: &'a Document,
    /// The flattening tolerance, mm.
    pub tolerance_mm: f64,
    /// One per shape of `doc`, in its order.
    pub shapes: Vec<PreparedShape>,
}

impl<'a> Prepared<'a> {
    /// Reads every shape of `doc` at `tolerance_mm`, shapes shared out
    /// between the cores.
    pub fn new(doc: &'a Document, tolerance_mm: f64) -> Self {
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
            doc,
            tolerance_mm,
            shapes,
        }
    }

    /// The shapes with what was read of them, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &'a Shape, &PreparedShape)> {
        self.doc
            .shapes
            .iter()
            .zip(&self.shapes)
            .enumerate()
            .map(|(i, (s, p))| (i, s, p))
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
    use super::super::test_support::*;
    use super::*;
    use geometry::LaserRole;

    #[test]
    fn each_shape_is_read_as_the_checks_read_it() {
        let mut score = line(&[[0.0, 0.0], [20.0, 0.0]], false);
        score.role = LaserRole::Score;
        let mut engraved = rect(2.0, 2.0, 62.0, 2.0);
        engraved.role = LaserRole::Engrave;
        let shapes: Vec<Shape> = (0..9)
            .map(|i| circle(3.0, 10.0 * f64::from(i), 0.0))
            .chain([frame(1.0), score, engraved])
            .collect();
        let d = doc(shapes);
        let prepared = Prepared::new(&d, 0.01);
        assert_eq!(prepared.shapes.len(), d.shapes.len());
        for (i, shape, read) in prepared.iter() {
            assert_eq!(shape.id, d.shapes[i].id);
            assert_eq!(read.region, shape_region(shape, 0.01));
            if !shape.is_filled() {
                assert_eq!(read.lines, shape_polylines(shape, 0.01));
            }
        }
        assert_eq!(
            prepared.laser_bounds(),
            crate::cut_paths::laser_bounds(&d, 0.01)
        );
        assert_eq!(Prepared::new(&doc(vec![]), 0.01).laser_bounds(), None);
    }
}
