//! Is a line inside a closed contour? The one containment rule of the
//! laser code: cut order (inner first), holes, parts and islands, asked of
//! many lines at once through the crate's `nesting` index, which uses the
//! pieces here.
//!
//! A line is inside a container when the middle of its first segment that
//! is not on the container's boundary lies inside it (even-odd); a line
//! running along the boundary (the container itself, or a piece of it) is
//! not inside.
//!
//! Why a grid: the test looks for the first midpoint off the boundary. For
//! two separate contours that is the first one, one pass over the
//! container. But a line that follows the container (the same contour met
//! again after clean-up, a shape drawn twice) has every midpoint on it, and
//! measuring each against every segment of the container cost n × m: a
//! 190,000-segment outline took minutes. From the second midpoint on, the
//! container's segments are put in a grid and each midpoint only meets the
//! segments near it.
//!
//! Current limitations: a container made of a few very long segments
//! crossing the whole drawing (a random scribble) fills every cell, and the
//! test is then as slow as before, n × m.

use crate::fast_hash::FastMap;

use geometry::outline::Polyline;

use crate::cut_paths::WELD_MM;

/// `true` when `line` lies inside the closed `container` (see the module
/// doc): the pairwise definition, which the crate's `nesting` index
/// answers for many lines at once and its tests compare against.
#[cfg(test)]
pub(crate) fn inside(line: &Polyline, container: &Polyline) -> bool {
    let mut midpoints = midpoints(line);
    let Some(first) = midpoints.next() else {
        return false;
    };
    let contour = &container.points;
    if distance_to_contour(first, contour) > WELD_MM {
        return winding_inside(first, contour);
    }
    inside_near(line, container, &SegmentGrid::new(contour))
}

/// [`inside`] when the middle of `line`'s first segment is known to lie on
/// `container`'s boundary, with the container's `grid` built beforehand
/// (once for many lines).
pub(crate) fn inside_near(line: &Polyline, container: &Polyline, grid: &SegmentGrid) -> bool {
    let contour = &container.points;
    midpoints(line)
        .skip(1)
        .find(|&m| !grid.near(m, contour))
        .is_some_and(|m| winding_inside(m, contour))
}

/// The middles of `line`'s segments, in order (the closing one last).
pub(crate) fn midpoints(line: &Polyline) -> impl Iterator<Item = [f64; 2]> + '_ {
    let n = line.points.len();
    let count = if line.closed { n } else { n.saturating_sub(1) };
    (0..count).map(move |i| {
        let (a, b) = (line.points[i], line.points[(i + 1) % n]);
        [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]
    })
}

#[cfg(test)]
fn distance_to_contour(p: [f64; 2], contour: &[[f64; 2]]) -> f64 {
    let n = contour.len();
    (0..n)
        .map(|i| distance_to_segment(p, contour[i], contour[(i + 1) % n]))
        .fold(f64::INFINITY, f64::min)
}

pub(crate) fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = [b[0] - a[0], b[1] - a[1]];
    let length_sq = d[0] * d[0] + d[1] * d[1];
    let t = if length_sq > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p[0] - a[0] - t * d[0]).hypot(p[1] - a[1] - t * d[1])
}

/// Even-odd point-in-polygon test (crossing count).
fn winding_inside(p: [f64; 2], contour: &[[f64; 2]]) -> bool {
    let n = contour.len();
    let mut inside = false;
    for i in 0..n {
        if crosses_right(p, contour[i], contour[(i + 1) % n]) {
            inside = !inside;
        }
    }
    inside
}

/// `true` when the segment `a`–`b` crosses the ray from `p` towards +x
/// (half-open in y, so a ray through a vertex counts it once).
pub(crate) fn crosses_right(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> bool {
    (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
}

/// A closed contour's segments (by their first point's index) in square
/// cells, for "is this point within [`WELD_MM`] of the contour?".
///
/// Each segment is walked in steps of half a cell and entered in the cell
/// of every step. A point within `WELD_MM` (at most a quarter cell) of the
/// segment is then within half a cell of one step, so in the 3 × 3 cells
/// around its own.
pub(crate) struct SegmentGrid {
    size: f64,
    cells: FastMap<(i64, i64), Vec<usize>>,
}

/// Most steps walked along one segment: longer segments take coarser
/// steps' cells (all the cells of the walk are still entered), so one
/// absurd segment cannot make the grid huge.
const MAX_STEPS: usize = 4096;

impl SegmentGrid {
    pub(crate) fn new(contour: &[[f64; 2]]) -> Self {
        let n = contour.len();
        let perimeter: f64 = (0..n)
            .map(|i| distance(contour[i], contour[(i + 1) % n]))
            .sum();
        // About one cell per segment along the line; never below four weld
        // distances, which the 3 × 3 lookup needs.
        let mean = if n > 0 { perimeter / n as f64 } else { 0.0 };
        let size = mean.max(4.0 * WELD_MM);
        let mut cells: FastMap<(i64, i64), Vec<usize>> = FastMap::default();
        for i in 0..n {
            let (a, b) = (contour[i], contour[(i + 1) % n]);
            let length = distance(a, b);
            if !length.is_finite() {
                continue;
            }
            let steps = ((2.0 * length / size).ceil() as usize).clamp(1, MAX_STEPS);
            let mut last = None;
            for k in 0..=steps {
                let t = k as f64 / steps as f64;
                let p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
                let c = cell(p, size);
                if last != Some(c) {
                    let list = cells.entry(c).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                    last = Some(c);
                }
            }
        }
        Self { size, cells }
    }

    /// `true` when `p` is within [`WELD_MM`] of a segment of `contour`.
    fn near(&self, p: [f64; 2], contour: &[[f64; 2]]) -> bool {
        let n = contour.len();
        let (cx, cy) = cell(p, self.size);
        (-1..=1).any(|dx| {
            (-1..=1).any(|dy| {
                let key = (cx.saturating_add(dx), cy.saturating_add(dy));
                self.cells.get(&key).is_some_and(|list| {
                    list.iter().any(|&i| {
                        distance_to_segment(p, contour[i], contour[(i + 1) % n]) <= WELD_MM
                    })
                })
            })
        })
    }
}

fn cell(p: [f64; 2], size: f64) -> (i64, i64) {
    // Saturating casts: absurd coordinates share the edge cells.
    ((p[0] / size).floor() as i64, (p[1] / size).floor() as i64)
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn closed(points: Vec<[f64; 2]>) -> Polyline {
        Polyline {
            points,
            closed: true,
        }
    }

    /// A regular polygon of `n` corners, radius `r`, centred at `c`.
    fn polygon(n: usize, r: f64, c: [f64; 2]) -> Polyline {
        closed(
            (0..n)
                .map(|i| {
                    let a = i as f64 / n as f64 * std::f64::consts::TAU;
                    [c[0] + r * a.cos(), c[1] + r * a.sin()]
                })
                .collect(),
        )
    }

    #[test]
    fn inside_outside_and_along() {
        let outer = polygon(64, 10.0, [0.0, 0.0]);
        let small = polygon(16, 1.0, [2.0, 0.0]);
        let away = polygon(16, 1.0, [30.0, 0.0]);
        assert!(inside(&small, &outer));
        assert!(!inside(&away, &outer));
        assert!(!inside(&outer, &small));
        // A contour is not inside itself, nor is a piece of it.
        assert!(!inside(&outer, &outer));
        let piece = Polyline {
            points: outer.points[3..20].to_vec(),
            closed: false,
        };
        assert!(!inside(&piece, &outer));
        // A line that starts along the outline and then goes in is inside.
        let mut entering = piece.clone();
        entering.points.push([0.0, 0.0]);
        assert!(inside(&entering, &outer));
    }

    #[test]
    fn a_huge_contour_along_itself_is_quick() {
        // 200,000 segments: n × m distance tests would take minutes even
        // optimised; the grid makes it linear.
        let outer = polygon(200_000, 100.0, [0.0, 0.0]);
        assert!(!inside(&outer, &outer));
        let mut entering = outer.clone();
        entering.closed = false;
        entering.points.push([0.0, 0.0]);
        assert!(inside(&entering, &outer));
    }
}
