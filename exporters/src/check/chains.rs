//! Cut lines as the laser will follow them: every cut shape's lines, with
//! open pieces whose ends meet chained end to end, so an outline drawn as
//! several path pieces (Boxes.py draws each edge of a panel on its own, CAD
//! exports write one line per segment) is judged as the closed contour it
//! is.
//!
//! Ends meet when they are within [`super::open_paths::JOIN_MM`]; they are
//! found through a grid of cells of that size, so chaining is linear in the
//! number of pieces (never all pairs). A chain whose two loose ends are
//! closer than the kerf is closed too: the beam's width bridges the gap.
//!
//! Current limitations: where three or more ends meet at one point (a T
//! junction), the chain takes the first piece found and leaves the others
//! to their own chains.

use std::collections::HashMap;

use geometry::outline::Polyline;
use geometry::{Document, LaserRole};

use super::prepared::Prepared;

/// A cut line and the shapes (indices in the document) it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct CutLine {
    /// Indices of the shapes whose pieces make it, in chain order.
    pub shapes: Vec<usize>,
    /// The line; `closed` when its pieces close a loop.
    pub line: Polyline,
}

/// The cut lines of `doc` (filled cut shapes' contours, cut outlines),
/// open pieces chained within `join_mm`, chains closed within `close_mm`.
pub fn cut_lines(doc: &Document, tolerance_mm: f64, join_mm: f64, close_mm: f64) -> Vec<CutLine> {
    prepared_cut_lines(&Prepared::new(doc, tolerance_mm), join_mm, close_mm)
}

/// [`cut_lines`] of a drawing already read.
pub(crate) fn prepared_cut_lines(prepared: &Prepared, join_mm: f64, close_mm: f64) -> Vec<CutLine> {
    let mut closed = Vec::new();
    let mut open = Vec::new();
    for (index, shape, read) in prepared.iter() {
        if shape.role != LaserRole::Cut {
            continue;
        }
        for line in read.lines.iter().filter(|l| l.points.len() >= 2) {
            let cut = CutLine {
                shapes: vec![index],
                line: line.clone(),
            };
            if cut.line.closed {
                closed.push(cut);
            } else {
                open.push(cut);
            }
        }
    }
    closed.extend(chain(open, join_mm, close_mm));
    closed
}

/// Grid cell of a point, cells `size` mm wide.
fn cell(p: [f64; 2], size: f64) -> (i64, i64) {
    // Saturating float-to-int casts: far-away points share the edge cells,
    // which only costs a few more distance tests.
    ((p[0] / size).floor() as i64, (p[1] / size).floor() as i64)
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Chains `pieces` (open lines) end to end where their ends are within
/// `join_mm`; a chain is closed when its ends are within `close_mm`.
pub fn chain(pieces: Vec<CutLine>, join_mm: f64, close_mm: f64) -> Vec<CutLine> {
    let size = join_mm.max(1e-6);
    // Ends of every piece: (piece, is_start) by cell.
    let mut grid: HashMap<(i64, i64), Vec<(usize, bool)>> = HashMap::new();
    let end_of = |piece: &CutLine, start: bool| {
        let pts = &piece.line.points;
        if start { pts.first() } else { pts.last() }.copied()
    };
    for (i, piece) in pieces.iter().enumerate() {
        for start in [true, false] {
            if let Some(p) = end_of(piece, start) {
                grid.entry(cell(p, size)).or_default().push((i, start));
            }
        }
    }
    let mut used = vec![false; pieces.len()];
    // The unused piece with an end within `join_mm` of `p`, and which end.
    let find = |p: [f64; 2], used: &[bool]| -> Option<(usize, bool)> {
        let (cx, cy) = cell(p, size);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let key = (cx.saturating_add(dx), cy.saturating_add(dy));
                let Some(ends) = grid.get(&key) else { continue };
                for &(j, start) in ends {
                    if used.get(j).copied().unwrap_or(true) {
                        continue;
                    }
                    let q = pieces.get(j).and_then(|piece| end_of(piece, start));
                    if q.is_some_and(|q| distance(p, q) <= join_mm) {
                        return Some((j, start));
                    }
                }
            }
        }
        None
    };
    let mut out = Vec::new();
    for i in 0..pieces.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let mut current = pieces[i].clone();
        // Grow at the end, then (reversed) at the other end.
        for _ in 0..2 {
            while let Some(&last) = current.line.points.last() {
                if current.line.points.len() > 2
                    && current
                        .line
                        .points
                        .first()
                        .is_some_and(|&f| distance(f, last) <= join_mm)
                {
                    break; // Already a loop: do not run past its start.
                }
                let Some((j, start)) = find(last, &used) else {
                    break;
                };
                used[j] = true;
                let mut points = pieces[j].line.points.clone();
                if !start {
                    points.reverse();
                }
                current.line.points.extend(points.into_iter().skip(1));
                current.shapes.push(pieces[j].shapes[0]);
            }
            current.line.points.reverse();
            current.shapes.reverse();
        }
        close_if_ends_meet(&mut current.line, join_mm, close_mm);
        out.push(current);
    }
    out
}

/// Marks `line` closed when its ends are within `close_mm`, dropping the
/// repeated last point when it is within `join_mm` of the first.
fn close_if_ends_meet(line: &mut Polyline, join_mm: f64, close_mm: f64) {
    let (Some(&first), Some(&last)) = (line.points.first(), line.points.last()) else {
        return;
    };
    if line.points.len() < 3 || distance(first, last) > close_mm.max(join_mm) {
        return;
    }
    if distance(first, last) <= join_mm {
        line.points.pop();
    }
    line.closed = line.points.len() >= 3;
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    const SQUARE: [[f64; 2]; 4] = [[0.0, 0.0], [20.0, 0.0], [20.0, 20.0], [0.0, 20.0]];

    #[test]
    fn pieces_drawn_any_way_round_chain_into_a_closed_contour() {
        // Four sides, one drawn backwards, one nudged by 5 µm.
        let sides = vec![
            line(&[SQUARE[0], SQUARE[1]], false),
            line(&[SQUARE[2], SQUARE[1]], false),
            line(&[[20.0, 20.005], SQUARE[3]], false),
            line(&[SQUARE[3], SQUARE[0]], false),
        ];
        let lines = cut_lines(&doc(sides), 0.01, 0.01, 0.01);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].line.closed);
        assert_eq!(lines[0].line.points.len(), 4, "{lines:?}");
        let mut shapes = lines[0].shapes.clone();
        shapes.sort_unstable();
        assert_eq!(shapes, [0, 1, 2, 3]);
    }

    #[test]
    fn a_gap_is_closed_only_when_narrower_than_the_kerf() {
        let open = line(
            &[
                [0.1, 0.0],
                [20.0, 0.0],
                [20.0, 20.0],
                [0.0, 20.0],
                [0.0, 0.0],
            ],
            false,
        );
        let d = doc(vec![open]);
        assert!(!cut_lines(&d, 0.01, 0.01, 0.01)[0].line.closed);
        assert!(cut_lines(&d, 0.01, 0.01, 0.2)[0].line.closed);
    }

    #[test]
    fn separate_slits_stay_separate_and_chaining_is_not_all_pairs() {
        // 2,000 slits side by side: each its own open line.
        let slits: Vec<_> = (0..2000)
            .map(|i| {
                let x = f64::from(i) * 0.5;
                line(&[[x, 0.0], [x, 10.0]], false)
            })
            .collect();
        let lines = cut_lines(&doc(slits), 0.01, 0.01, 0.01);
        assert_eq!(lines.len(), 2000);
        assert!(lines.iter().all(|l| !l.line.closed));
    }
}
