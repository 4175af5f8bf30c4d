//! Are the cut lines closed?
//!
//! Why it matters to a maker: a piece only comes out of the sheet when its
//! cut line goes all the way round. A path whose ends do not meet (a
//! forgotten "close path", a traced outline with a gap) leaves the piece
//! hanging by a thread of material, and the maker finds out at the machine,
//! after the cut.
//!
//! An end counts as joined when it lies on another cut line (four separate
//! lines drawn as a box are closed together, and a line ending on a part's
//! outline is a slit into it). A path whose two loose ends are close
//! together compared with its length was meant to be closed: blocking,
//! with a [`Fix::ClosePath`]. A loose line that encloses nothing is a
//! warning only: it cuts a slit, which may be meant (a living hinge).
//!
//! Open pieces whose ends meet are chained first ([`super::chains`]): an
//! outline drawn as several pieces is one closed contour, and a gap
//! narrower than the kerf is bridged by the beam. Only outline-only shapes
//! can be open: a filled shape is cut along the outline of its area, which
//! is always closed.
//!
//! Ends are looked up in a grid of the cut lines' segments, never against
//! every line: a living hinge of thousands of slits is checked in linear
//! time.
//!
//! Current limitations: ends are joined only within [`JOIN_MM`] (and gaps
//! closed within the kerf).

use std::collections::HashMap;

use geometry::Document;

use super::chains::{CutLine, cut_lines};
use super::{BoxMm, Finding, FindingKind, Fix, Severity};

/// An end closer than this to a cut line is on it, mm: far below any
/// laser's precision, above the rounding of imported files.
pub const JOIN_MM: f64 = 0.01;

/// Loose ends closer than this fraction of the path's length mean a shape
/// that was meant to be closed (a gap of at most half the way round: a square missing one side).
const NEARLY_CLOSED: f64 = 0.5;

/// A segment's box spanning more grid cells than this goes in a list
/// checked for every end instead (few: long diagonal lines).
const MAX_CELLS_PER_SEGMENT: i64 = 64;

/// Finds cut paths with loose ends; gaps narrower than `kerf_mm` are bridged.
pub fn check(doc: &Document, tolerance_mm: f64, kerf_mm: f64) -> Vec<Finding> {
    check_lines(doc, &cut_lines(doc, tolerance_mm, JOIN_MM, kerf_mm))
}

/// [`check`] on cut lines already chained ([`super::chains::cut_lines`]).
pub fn check_lines(doc: &Document, lines: &[CutLine]) -> Vec<Finding> {
    let grid = SegmentGrid::new(lines);
    let mut findings = Vec::new();
    for (k, open) in lines.iter().enumerate() {
        let points = &open.line.points;
        let (Some(&start), Some(&end)) = (points.first(), points.last()) else {
            continue;
        };
        if open.line.closed || points.len() < 2 {
            continue;
        }
        let last = points.len() - 2;
        let start_loose = !grid.joined(start, lines, k, 0);
        let end_loose = !grid.joined(end, lines, k, last);
        if !(start_loose || end_loose) {
            continue;
        }
        let gap = distance(start, end);
        let nearly_closed = start_loose && end_loose && gap <= NEARLY_CLOSED * length(points);
        let ids: Vec<_> = open
            .shapes
            .iter()
            .filter_map(|&i| doc.shapes.get(i).map(|s| s.id))
            .collect();
        let finding = Finding::new(
            FindingKind::OpenCutPath { gap_mm: gap },
            if nearly_closed {
                Severity::Blocking
            } else {
                Severity::Warning
            },
        )
        .on(ids.clone(), BoxMm::around([&start, &end]));
        // Closing joins the ends of one shape: only offered for one.
        findings.push(match ids.as_slice() {
            [shape] if nearly_closed => finding.with_fix(Fix::ClosePath { shape: *shape }),
            _ => finding,
        });
    }
    findings
}

/// The segments of every cut line, by grid cell.
struct SegmentGrid {
    size: f64,
    cells: HashMap<(i64, i64), Vec<(usize, usize)>>,
    /// Segments too long for the grid, checked for every end.
    long: Vec<(usize, usize)>,
}

fn segment_count(line: &CutLine) -> usize {
    let n = line.line.points.len();
    if line.line.closed {
        n
    } else {
        n.saturating_sub(1)
    }
}

fn segment(line: &CutLine, i: usize) -> Option<([f64; 2], [f64; 2])> {
    let pts = &line.line.points;
    Some((*pts.get(i)?, *pts.get((i + 1) % pts.len())?))
}

impl SegmentGrid {
    fn new(lines: &[CutLine]) -> Self {
        let count: usize = lines.iter().map(segment_count).sum();
        let bounds = BoxMm::around(lines.iter().flat_map(|l| &l.line.points));
        // About one segment per cell on average.
        let size = bounds.map_or(1.0, |b| {
            let [w, h] = b.size();
            ((w * h) / count.max(1) as f64).sqrt().max(JOIN_MM * 4.0)
        });
        let mut grid = Self {
            size,
            cells: HashMap::new(),
            long: Vec::new(),
        };
        for (k, line) in lines.iter().enumerate() {
            for i in 0..segment_count(line) {
                let Some((a, b)) = segment(line, i) else {
                    continue;
                };
                let lo = grid.cell([a[0].min(b[0]) - JOIN_MM, a[1].min(b[1]) - JOIN_MM]);
                let hi = grid.cell([a[0].max(b[0]) + JOIN_MM, a[1].max(b[1]) + JOIN_MM]);
                let span =
                    (hi.0.saturating_sub(lo.0) + 1).saturating_mul(hi.1.saturating_sub(lo.1) + 1);
                if !(1..=MAX_CELLS_PER_SEGMENT).contains(&span) {
                    grid.long.push((k, i));
                    continue;
                }
                for x in lo.0..=hi.0 {
                    for y in lo.1..=hi.1 {
                        grid.cells.entry((x, y)).or_default().push((k, i));
                    }
                }
            }
        }
        grid
    }

    fn cell(&self, p: [f64; 2]) -> (i64, i64) {
        // Saturating casts: absurd coordinates share the edge cells.
        (
            (p[0] / self.size).floor() as i64,
            (p[1] / self.size).floor() as i64,
        )
    }

    /// `true` when `p` lies on a segment other than segment `own` of line `k`.
    fn joined(&self, p: [f64; 2], lines: &[CutLine], k: usize, own: usize) -> bool {
        let near = self.cells.get(&self.cell(p)).into_iter().flatten();
        near.chain(&self.long).any(|&(j, i)| {
            !(j == k && i == own)
                && lines
                    .get(j)
                    .and_then(|line| segment(line, i))
                    .is_some_and(|(a, b)| distance_to_segment(p, a, b) <= JOIN_MM)
        })
    }
}

fn distance(p: [f64; 2], q: [f64; 2]) -> f64 {
    (p[0] - q[0]).hypot(p[1] - q[1])
}

fn length(points: &[[f64; 2]]) -> f64 {
    points.windows(2).map(|w| distance(w[0], w[1])).sum()
}

fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = [b[0] - a[0], b[1] - a[1]];
    let length_sq = d[0] * d[0] + d[1] * d[1];
    let t = if length_sq > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    distance(p, [a[0] + t * d[0], a[1] + t * d[1]])
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, apply_fix, check as check_all};
    use super::*;
    use geometry::LaserRole;

    const SQUARE: [[f64; 2]; 4] = [[0.0, 0.0], [20.0, 0.0], [20.0, 20.0], [0.0, 20.0]];

    #[test]
    fn an_unclosed_outline_is_blocking_and_closing_fixes_it() {
        let good = doc(vec![line(&SQUARE, true)]);
        assert!(check(&good, 0.01, 0.0).is_empty());
        // Same square, the last side forgotten.
        let broken = doc(vec![line(&SQUARE, false)]);
        let found = check(&broken, 0.01, 0.0);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        assert_eq!(found[0].kind, FindingKind::OpenCutPath { gap_mm: 20.0 });
        let fixed = apply_fix(&broken, found[0].fix.as_ref().unwrap());
        let report = check_all(&fixed, &laser(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "open_cut_path").is_empty());
    }

    #[test]
    fn four_separate_lines_closing_a_box_are_closed() {
        let sides: Vec<_> = (0..4)
            .map(|i| line(&[SQUARE[i], SQUARE[(i + 1) % 4]], false))
            .collect();
        assert!(check(&doc(sides), 0.01, 0.0).is_empty());
    }

    #[test]
    fn a_loose_line_is_a_slit_warning_and_score_lines_are_not_cut() {
        let slit = doc(vec![line(&[[0.0, 0.0], [30.0, 0.0]], false)]);
        let found = check(&slit, 0.01, 0.0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].fix.is_none());
        // A slit ending on a part's outline is joined at that end only.
        let into_part = doc(vec![
            rect(20.0, 20.0, 0.0, 0.0),
            line(&[[10.0, 0.0], [10.0, -5.0]], false),
        ]);
        assert_eq!(check(&into_part, 0.01, 0.0)[0].severity, Severity::Warning);
        let mut score = line(&SQUARE, false);
        score.role = LaserRole::Score;
        assert!(check(&doc(vec![score]), 0.01, 0.0).is_empty());
    }

    #[test]
    fn an_outline_in_many_pieces_is_closed_and_a_kerf_wide_gap_is_bridged() {
        // A panel edge drawn in 40 pieces, as box generators do.
        let pieces: Vec<_> = (0..40)
            .map(|i| {
                let corner = |k: usize| {
                    let t = (k % 40) as f64 / 10.0;
                    match k % 40 / 10 {
                        0 => [t * 20.0, 0.0],
                        1 => [20.0, (t - 1.0) * 20.0],
                        2 => [20.0 - (t - 2.0) * 20.0, 20.0],
                        _ => [0.0, 20.0 - (t - 3.0) * 20.0],
                    }
                };
                line(&[corner(i), corner(i + 1)], false)
            })
            .collect();
        assert!(check(&doc(pieces), 0.01, 0.0).is_empty());
        let gap = doc(vec![line(
            &[
                [0.1, 0.0],
                [20.0, 0.0],
                [20.0, 20.0],
                [0.0, 20.0],
                [0.0, 0.0],
            ],
            false,
        )]);
        assert_eq!(check(&gap, 0.01, 0.0).len(), 1);
        assert!(check(&gap, 0.01, 0.15).is_empty());
    }
}
