//! What the drawing holds, counted for the end of the report: parts to cut
//! out, holes, slits, score lines, engraved areas — so a maker reading
//! "312 slits in part 4" also sees "4 parts, 12 holes" and recognises the
//! drawing.
//!
//! A part is a closed cut contour lying inside no other or inside a hole
//! (an odd number of others); a hole is one inside an odd number. Slits
//! are open cut lines (after chaining, [`super::chains`]).
//!
//! Containment is answered for all contours at once by the crate's
//! `nesting` index (bands of edges, one ray per contour), not pair by pair.
//!
//! Current limitations: engraved areas are counted per engraved shape. A
//! filled self-crossing scribble of 200,000 segments (the most
//! `geometry::limits` accepts, tens of thousands of loops) is counted in
//! a fifth of a second to half a second; the whole `fabrique check` of it
//! takes about 7.5 s of CPU (4.2–4.3 s on two cores, 5.4–8 s while other
//! jobs held them), most of it the narrow-strip check's offsets
//! (`tests/benches/hostile_inputs.sh`, 2026-12-05; over 100 s before the
//! index, 10.3 s of CPU before the checks shared each shape's area,
//! `check::prepared`). Score lines are still flattened again here.

use geometry::outline::Polyline;
use geometry::{Document, LaserRole};
use serde::Serialize;

use super::BoxMm;
use super::chains::CutLine;
use crate::cut_paths::{Bounds, contains_bounds, polyline_bounds};
use crate::nesting::Nesting;

/// Counts of what the laser will make, for the report's last line.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Pieces that come out of the sheet (3D printers: solid parts).
    pub parts: usize,
    /// Holes cut inside parts.
    pub holes: usize,
    /// Open cut lines (slits, hinges, or outlines left open).
    pub slits: usize,
    /// Score lines.
    pub score_lines: usize,
    /// Engraved shapes.
    pub engraved_areas: usize,
    /// The box of each part, in document order: "part 4" is the fourth.
    pub part_boxes: Vec<BoxMm>,
}

impl Summary {
    /// The number (from 1) of the first part whose box holds `area`.
    pub fn part_of(&self, area: &BoxMm) -> Option<usize> {
        let holds = |b: &BoxMm| contains_bounds(&(b.min, b.max), &(area.min, area.max));
        self.part_boxes.iter().position(holds).map(|i| i + 1)
    }
}

/// Counts the parts, holes and slits of `lines` (the chained cut lines of
/// `doc`) and its score lines and engraved areas.
pub fn laser(doc: &Document, lines: &[CutLine], tolerance_mm: f64) -> Summary {
    let closed: Vec<(&Polyline, Bounds)> = lines
        .iter()
        .filter(|l| l.line.closed && l.line.points.len() >= 3)
        .filter_map(|l| polyline_bounds(&l.line).map(|b| (&l.line, b)))
        .collect();
    let mut summary = Summary {
        slits: lines.iter().filter(|l| !l.line.closed).count(),
        ..Summary::default()
    };
    let nesting = Nesting::new(closed.iter().map(|(line, _)| *line).collect());
    for (i, (line, bounds)) in closed.iter().enumerate() {
        let depth = nesting
            .holders(line, |j| {
                let other_bounds = &closed[j].1;
                j != i && contains_bounds(other_bounds, bounds) && bounds != other_bounds
            })
            .len();
        if depth % 2 == 1 {
            summary.holes += 1;
        } else {
            summary.parts += 1;
            summary.part_boxes.push(BoxMm::from_bounds(*bounds));
        }
    }
    for shape in &doc.shapes {
        match shape.role {
            LaserRole::Score => {
                summary.score_lines +=
                    geometry::outline::shape_polylines(shape, tolerance_mm).len();
            }
            LaserRole::Engrave => summary.engraved_areas += 1,
            LaserRole::Cut => {}
        }
    }
    summary
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::chains::cut_lines;
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn parts_holes_and_slits_are_counted() {
        let mut plate = rect(40.0, 20.0, 0.0, 0.0);
        plate.fill = geometry::Fill::Outline;
        let hole = {
            let mut c = circle(4.0, 10.0, 10.0);
            c.fill = geometry::Fill::Outline;
            c
        };
        let slits: Vec<_> = (0..5)
            .map(|i| {
                line(
                    &[[20.0 + f64::from(i), 5.0], [20.0 + f64::from(i), 15.0]],
                    false,
                )
            })
            .collect();
        let mut other = rect(10.0, 10.0, 60.0, 0.0);
        other.role = LaserRole::Cut;
        let mut engraved = rect(2.0, 2.0, 62.0, 2.0);
        engraved.role = LaserRole::Engrave;
        let mut shapes = vec![plate, hole, other, engraved];
        shapes.extend(slits);
        let d = doc(shapes);
        let lines = cut_lines(&d, 0.01, 0.01, 0.01);
        let s = super::laser(&d, &lines, 0.01);
        assert_eq!((s.parts, s.holes, s.slits, s.engraved_areas), (2, 1, 5, 1));
        let first_slit = BoxMm {
            min: [20.0, 5.0],
            max: [20.0, 15.0],
        };
        assert_eq!(s.part_of(&first_slit), Some(1));
    }
}
