//! Points in square cells, to find the points lying near a segment without
//! looking at every point: the clean-up of laser lines splits each segment
//! at the points lying on it ([`crate::segments`]).
//!
//! Why not a sweep along x: a drawing whose points share a few columns (a
//! zigzag hatching, a CAD export of a grid) puts thousands of points in the
//! x-range of every segment; a 190,000-segment hatching took a minute. The
//! cells follow the points' density (about one point per cell), so a short
//! segment meets a handful of points wherever it is. Points lying along
//! lines (a traced outline: thousands of points on curves, the rest of the
//! sheet empty) are far denser than their box says, so the cells are also
//! no wider than the usual gap between neighbouring points (given by the
//! caller: `segments` uses the median segment length, at least half the
//! mean, which bounds the cells walked). On the trace bench's drawing
//! (1,456 segments on the outlines of a 100 mm sheet) the cells of the
//! box's density offered 133 candidate points a segment, these offer 12.
//!
//! A segment is walked in steps of half a cell and the 3 × 3 cells around
//! each step are looked in: a point within a quarter cell of the segment
//! lies within half a cell of a step, so in one of those cells.
//!
//! Current limitations: a segment crossing the whole drawing walks every
//! cell along it; many such segments (a random scribble) cost about one
//! step per cell crossed each, still far below all pairs.

use crate::fast_hash::FastMap;

/// Points by cell.
pub(crate) struct PointGrid {
    size: f64,
    cells: FastMap<(i64, i64), Vec<u32>>,
}

/// Most steps walked along one segment, so an absurdly long segment
/// cannot take forever; beyond it the steps grow and the neighbourhood
/// looked in grows with them.
const MAX_STEPS: f64 = 1_000_000.0;

impl PointGrid {
    /// The grid of `points` for lookups within `radius` of a segment;
    /// `spacing` is the usual distance between neighbouring points (any
    /// value is correct; a good one keeps lookups short).
    pub(crate) fn new(points: &[[f64; 2]], radius: f64, spacing: f64) -> Self {
        let finite = || {
            points
                .iter()
                .filter(|p| p[0].is_finite() && p[1].is_finite())
        };
        let (lo, hi) = finite().fold(
            ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]),
            |(lo, hi), p| {
                (
                    [lo[0].min(p[0]), lo[1].min(p[1])],
                    [hi[0].max(p[0]), hi[1].max(p[1])],
                )
            },
        );
        let area = (hi[0] - lo[0]).max(0.0) * (hi[1] - lo[1]).max(0.0);
        let density_side = (area / points.len().max(1) as f64).sqrt();
        let side = match (
            density_side.is_finite(),
            spacing.is_finite() && spacing > 0.0,
        ) {
            (true, true) => density_side.min(spacing),
            (true, false) => density_side,
            (false, true) => spacing,
            (false, false) => 0.0,
        };
        let size = side.max(4.0 * radius).max(f64::MIN_POSITIVE);
        let mut cells: FastMap<(i64, i64), Vec<u32>> = FastMap::default();
        for (i, p) in points.iter().enumerate() {
            if p[0].is_finite() && p[1].is_finite() {
                cells.entry(cell(*p, size)).or_default().push(i as u32);
            }
        }
        Self { size, cells }
    }

    /// The points that may lie within the radius of `a`→`b` (a superset:
    /// measure them), each once.
    #[cfg(test)]
    pub(crate) fn near_segment(&self, a: [f64; 2], b: [f64; 2]) -> Vec<u32> {
        let mut found = Vec::new();
        self.near_segment_into(a, b, &mut found);
        found
    }

    /// [`PointGrid::near_segment`] into `found` (cleared first), so that a
    /// caller asking for every segment in turn allocates once.
    pub(crate) fn near_segment_into(&self, a: [f64; 2], b: [f64; 2], found: &mut Vec<u32>) {
        found.clear();
        let length = (b[0] - a[0]).hypot(b[1] - a[1]);
        if !length.is_finite() {
            return;
        }
        let steps = (2.0 * length / self.size).ceil().clamp(1.0, MAX_STEPS);
        // With more than MAX_STEPS steps, each step is longer than half a
        // cell: look further around each.
        let reach = ((length / steps) / self.size).ceil().max(1.0) as i64;
        let mut last = None;
        let count = steps as i64;
        for k in 0..=count {
            let t = k as f64 / steps;
            let here = cell(
                [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])],
                self.size,
            );
            if last == Some(here) {
                continue;
            }
            // The steps' cells only move forward along each axis, so the
            // steps whose neighbourhood holds a given cell come one after
            // the other: a cell the previous step already took is the
            // only kind met twice, and each point is found once.
            let seen = |key: (i64, i64)| {
                last.is_some_and(|(px, py): (i64, i64)| {
                    key.0.abs_diff(px) <= reach.unsigned_abs()
                        && key.1.abs_diff(py) <= reach.unsigned_abs()
                })
            };
            for dx in -reach..=reach {
                for dy in -reach..=reach {
                    let key = (here.0.saturating_add(dx), here.1.saturating_add(dy));
                    if seen(key) {
                        continue;
                    }
                    if let Some(points) = self.cells.get(&key) {
                        found.extend_from_slice(points);
                    }
                }
            }
            last = Some(here);
        }
    }
}

fn cell(p: [f64; 2], size: f64) -> (i64, i64) {
    // Saturating casts: absurd coordinates share the edge cells.
    ((p[0] / size).floor() as i64, (p[1] / size).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
        let d = [b[0] - a[0], b[1] - a[1]];
        let t = (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / (d[0] * d[0] + d[1] * d[1]))
            .clamp(0.0, 1.0);
        (p[0] - a[0] - t * d[0]).hypot(p[1] - a[1] - t * d[1])
    }

    #[test]
    fn every_point_near_a_segment_is_found_once() {
        // A hatching: columns 3 mm apart, rows 0.1 mm apart, and points
        // scattered along diagonals at many angles and lengths.
        let mut points: Vec<[f64; 2]> = (0..20_000)
            .map(|i| [f64::from(i % 100) * 3.0, f64::from(i / 100) * 0.1])
            .collect();
        let radius = 0.001;
        let grid = PointGrid::new(&points, radius, f64::NAN);
        for (k, (a, b)) in [
            ([0.0, 0.05], [297.0, 0.05]),
            ([1.0, 1.0], [250.0, 17.0]),
            ([3.0, 0.0], [3.0, 19.9]),
            ([6.0005, 2.0], [6.0005, 2.0]),
        ]
        .into_iter()
        .enumerate()
        {
            // Points put right on (or within the radius of) the segment.
            for j in 0..50 {
                let t = f64::from(j) / 49.0;
                let off = if j % 2 == 0 { 0.0 } else { radius * 0.9 };
                points.push([a[0] + t * (b[0] - a[0]) + off, a[1] + t * (b[1] - a[1])]);
            }
            let grid_with = PointGrid::new(&points, radius, f64::NAN);
            let found = grid_with.near_segment(a, b);
            let mut unique = found.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "segment {k}: repeats");
            for (i, p) in points.iter().enumerate() {
                if distance_to_segment(*p, a, b) <= radius {
                    assert!(found.contains(&(i as u32)), "segment {k}: missed {p:?}");
                }
            }
            // Far fewer candidates than points.
            assert!(
                found.len() < points.len() / 4,
                "segment {k}: {}",
                found.len()
            );
        }
        assert!(grid.near_segment([0.0, 0.0], [f64::NAN, 0.0]).is_empty());
    }

    /// Points on the outlines of discs spread over a wide sheet, 0.5 mm
    /// apart: the sheet's density would make cells of several mm.
    fn discs() -> Vec<[f64; 2]> {
        let mut points = Vec::new();
        for (cx, cy, r) in [(20.0, 20.0, 15.0), (70.0, 30.0, 20.0), (40.0, 75.0, 18.0)] {
            let n = (std::f64::consts::TAU * r / 0.5).round() as usize;
            for k in 0..n {
                let a = std::f64::consts::TAU * k as f64 / n as f64;
                points.push([cx + r * a.cos(), cy + r * a.sin()]);
            }
        }
        points
    }

    #[test]
    fn points_along_lines_get_cells_of_their_spacing() {
        let points = discs();
        let n = points.len();
        let candidates = |grid: &PointGrid| {
            (0..n)
                .map(|i| grid.near_segment(points[i], points[(i + 1) % n]).len())
                .sum::<usize>() as f64
                / n as f64
        };
        let by_density = candidates(&PointGrid::new(&points, 0.001, f64::NAN));
        let by_spacing = candidates(&PointGrid::new(&points, 0.001, 0.5));
        // Each segment still meets its own two ends.
        assert!(by_spacing >= 2.0, "{by_spacing}");
        assert!(
            by_spacing * 4.0 < by_density,
            "{by_spacing} candidates a segment with the spacing, {by_density} without"
        );
    }
}
