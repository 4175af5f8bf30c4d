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
//! Only outline-only shapes can be open: a filled shape is cut along the
//! outline of its area, which is always closed.
//!
//! Current limitations: ends are joined only within [`JOIN_MM`]; a gap
//! narrower than the kerf is still reported although the beam may bridge it.

use geometry::outline::{Polyline, shape_polylines, shape_region};
use geometry::{Document, Fill, LaserRole};

use super::{BoxMm, Finding, FindingKind, Fix, Severity};

/// An end closer than this to a cut line is on it, mm: far below any
/// laser's precision, above the rounding of imported files.
pub const JOIN_MM: f64 = 0.01;

/// Loose ends closer than this fraction of the path's length mean a shape
/// that was meant to be closed (a gap of at most half the way round: a square missing one side).
const NEARLY_CLOSED: f64 = 0.5;

struct Line {
    shape: usize,
    line: Polyline,
}

/// Finds cut paths with loose ends.
pub fn check(doc: &Document, tolerance_mm: f64) -> Vec<Finding> {
    let lines: Vec<Line> = doc
        .shapes
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == LaserRole::Cut)
        .flat_map(|(shape, s)| {
            let lines: Vec<Polyline> = match s.fill {
                Fill::Outline => shape_polylines(s, tolerance_mm),
                Fill::Filled(_) => shape_region(s, tolerance_mm)
                    .contours()
                    .map(|c| Polyline {
                        points: c.clone(),
                        closed: true,
                    })
                    .collect(),
            };
            lines.into_iter().map(move |line| Line { shape, line })
        })
        .collect();
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
        let start_loose = !joined(start, &lines, k, 0);
        let end_loose = !joined(end, &lines, k, last);
        if !(start_loose || end_loose) {
            continue;
        }
        let gap = distance(start, end);
        let nearly_closed = start_loose && end_loose && gap <= NEARLY_CLOSED * length(points);
        let shape = &doc.shapes[open.shape];
        let finding = Finding::new(
            FindingKind::OpenCutPath { gap_mm: gap },
            if nearly_closed {
                Severity::Blocking
            } else {
                Severity::Warning
            },
        )
        .on(vec![shape.id], BoxMm::around([&start, &end]));
        findings.push(if nearly_closed {
            finding.with_fix(Fix::ClosePath { shape: shape.id })
        } else {
            finding
        });
    }
    findings
}

/// `true` when `p` lies on a line of `lines` other than segment `own` of
/// line `k` (the segment it ends).
fn joined(p: [f64; 2], lines: &[Line], k: usize, own: usize) -> bool {
    lines.iter().enumerate().any(|(j, other)| {
        let pts = &other.line.points;
        let n = pts.len();
        let count = if other.line.closed {
            n
        } else {
            n.saturating_sub(1)
        };
        (0..count).any(|i| {
            !(j == k && i == own) && distance_to_segment(p, pts[i], pts[(i + 1) % n]) <= JOIN_MM
        })
    })
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

    const SQUARE: [[f64; 2]; 4] = [[0.0, 0.0], [20.0, 0.0], [20.0, 20.0], [0.0, 20.0]];

    #[test]
    fn an_unclosed_outline_is_blocking_and_closing_fixes_it() {
        let good = doc(vec![line(&SQUARE, true)]);
        assert!(check(&good, 0.01).is_empty());
        // Same square, the last side forgotten.
        let broken = doc(vec![line(&SQUARE, false)]);
        let found = check(&broken, 0.01);
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
        assert!(check(&doc(sides), 0.01).is_empty());
    }

    #[test]
    fn a_loose_line_is_a_slit_warning_and_score_lines_are_not_cut() {
        let slit = doc(vec![line(&[[0.0, 0.0], [30.0, 0.0]], false)]);
        let found = check(&slit, 0.01);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].fix.is_none());
        // A slit ending on a part's outline is joined at that end only.
        let into_part = doc(vec![
            rect(20.0, 20.0, 0.0, 0.0),
            line(&[[10.0, 0.0], [10.0, -5.0]], false),
        ]);
        assert_eq!(check(&into_part, 0.01)[0].severity, Severity::Warning);
        let mut score = line(&SQUARE, false);
        score.role = LaserRole::Score;
        assert!(check(&doc(vec![score]), 0.01).is_empty());
    }
}
