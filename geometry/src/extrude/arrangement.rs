//! One planar arrangement of every slab's outlines, on the boolean grid:
//! every crossing and touching point is computed once, in integers, so
//! caps and walls built from it share their vertices by construction.
//!
//! Each input edge is a boundary edge of one slab's region (material on its
//! left). Crossings are rounded to the grid by snap rounding (Greene and
//! Hobby): every edge end and every rounded crossing is a "hot pixel", and
//! each edge is routed through the centre of every hot pixel it passes
//! through, so edges that met stay met and no new crossing appears (plain
//! rounding of crossings bends an edge by half a step and can make
//! nearly parallel edges cross again and again). A check in exact integer
//! arithmetic follows; equal edges are then merged, summing their labels,
//! so the result is a plane graph whose edges carry, per slab, how the
//! winding number changes from their right to their left.
//!
//! Current limitations: hot pixels are tested a millionth of a step
//! smaller than the pixel (so an edge grazing a pixel's corner does not
//! zigzag); should that leave a crossing, the rounding repeats, up to
//! [`MAX_PASSES`] times, and is then refused with the place that did not
//! settle.

use std::collections::HashMap;

use crate::region::{GRID_MM, Region};

/// A point of the grid, in grid steps.
pub(crate) type GridPoint = [i64; 2];

/// Passes of crossing search before giving up.
pub(crate) const MAX_PASSES: usize = 12;

/// An edge of the arrangement from `points[a]` to `points[b]`.
#[derive(Clone, Debug)]
pub(crate) struct Edge {
    pub a: u32,
    pub b: u32,
    /// Per slab, the winding number on the left of a → b minus the one on
    /// its right (never zero).
    pub labels: Vec<(u32, i32)>,
}

/// The arrangement: unique grid points and the labelled edges between them.
pub(crate) struct Arrangement {
    pub points: Vec<GridPoint>,
    pub edges: Vec<Edge>,
}

/// The crossings did not settle: where, mm.
#[derive(Debug)]
pub(crate) struct Unsettled(pub [f64; 2]);

#[derive(Clone, Copy)]
struct Segment {
    a: GridPoint,
    b: GridPoint,
    slab: u32,
    sign: i32,
}

fn to_grid(p: [f64; 2]) -> GridPoint {
    p.map(|v| (v / GRID_MM).round() as i64)
}

/// The point in mm of a grid point.
pub(crate) fn to_mm(p: GridPoint) -> [f64; 2] {
    p.map(|v| v as f64 * GRID_MM)
}

/// The arrangement of the boundaries of `regions` (slab `k` is `regions[k]`).
pub(crate) fn arrange(regions: &[Region]) -> Result<Arrangement, Unsettled> {
    let mut segments = Vec::new();
    for (k, region) in regions.iter().enumerate() {
        for contour in region.contours() {
            let n = contour.len();
            for i in 0..n {
                let (a, b) = (to_grid(contour[i]), to_grid(contour[(i + 1) % n]));
                if a != b {
                    segments.push(Segment {
                        a,
                        b,
                        slab: k as u32,
                        sign: 1,
                    });
                }
            }
        }
    }
    for _ in 0..MAX_PASSES {
        let (crossings, touching) = conflicts(&segments);
        if crossings.is_empty() && !touching {
            return Ok(merge(&segments));
        }
        segments = snap_round(&segments, crossings);
    }
    let (crossings, _) = conflicts(&segments);
    Err(Unsettled(
        crossings.first().map_or([0.0; 2], |c| to_mm(c.point)),
    ))
}

fn cross(o: GridPoint, a: GridPoint, b: GridPoint) -> i128 {
    let (ax, ay) = (i128::from(a[0] - o[0]), i128::from(a[1] - o[1]));
    let (bx, by) = (i128::from(b[0] - o[0]), i128::from(b[1] - o[1]));
    ax * by - ay * bx
}

/// `p`, known to be on the line of `s`, lies strictly between its ends.
fn strictly_inside(s: &Segment, p: GridPoint) -> bool {
    let dot = |o: GridPoint, q: GridPoint, r: GridPoint| {
        i128::from(q[0] - o[0]) * i128::from(r[0] - o[0])
            + i128::from(q[1] - o[1]) * i128::from(r[1] - o[1])
    };
    p != s.a && p != s.b && dot(s.a, p, s.b) > 0 && dot(s.b, p, s.a) > 0
}

/// `n / d` rounded to the nearest integer (`d > 0`).
fn round_div(n: i128, d: i128) -> i128 {
    if n >= 0 {
        (2 * n + d) / (2 * d)
    } else {
        -((-2 * n + d) / (2 * d))
    }
}

/// A proper crossing of segments `i` and `j`, rounded to the grid.
struct Crossing {
    point: GridPoint,
    i: usize,
    j: usize,
}

/// The crossings of `segments`, rounded to the grid, and whether an edge's
/// end lies inside another edge.
fn conflicts(segments: &[Segment]) -> (Vec<Crossing>, bool) {
    let mut crossings = Vec::new();
    let mut touching = false;
    for (i, j) in candidate_pairs(segments) {
        let (s, t) = (&segments[i], &segments[j]);
        let d1 = cross(s.a, s.b, t.a).signum();
        let d2 = cross(s.a, s.b, t.b).signum();
        let d3 = cross(t.a, t.b, s.a).signum();
        let d4 = cross(t.a, t.b, s.b).signum();
        if d1 * d2 < 0 && d3 * d4 < 0 {
            // A proper crossing: a + (b - a) · num / den, rounded.
            let den = cross([0, 0], sub(s.b, s.a), sub(t.b, t.a));
            let num = cross([0, 0], sub(t.a, s.a), sub(t.b, t.a));
            let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
            let point = [0, 1].map(|k| {
                let offset = round_div(num * i128::from(s.b[k] - s.a[k]), den);
                s.a[k] + offset as i64
            });
            crossings.push(Crossing { point, i, j });
            continue;
        }
        touching |= [(t.a, s, d1), (t.b, s, d2), (s.a, t, d3), (s.b, t, d4)]
            .into_iter()
            .any(|(p, segment, side)| side == 0 && strictly_inside(segment, p));
    }
    (crossings, touching)
}

/// Scale of the exact pixel test: pixels are tested as squares of half-side
/// `(PIXEL_SCALE - 1) / (2 · PIXEL_SCALE)` steps, a hair under half a step.
const PIXEL_SCALE: i128 = 1 << 20;

/// `true` when segment `a`–`b` passes through the hot pixel centred on `c`.
fn through_pixel(a: GridPoint, b: GridPoint, c: GridPoint) -> bool {
    let k = 2 * PIXEL_SCALE;
    let half = PIXEL_SCALE - 1;
    let [ax, ay, bx, by, cx, cy] = [a[0], a[1], b[0], b[1], c[0], c[1]].map(|v| i128::from(v) * k);
    if ax.min(bx) > cx + half
        || ax.max(bx) < cx - half
        || ay.min(by) > cy + half
        || ay.max(by) < cy - half
    {
        return false;
    }
    let side = |x: i128, y: i128| ((bx - ax) * (y - ay) - (by - ay) * (x - ax)).signum();
    let corners = [
        side(cx - half, cy - half),
        side(cx + half, cy - half),
        side(cx + half, cy + half),
        side(cx - half, cy + half),
    ];
    !(corners.iter().all(|&s| s > 0) || corners.iter().all(|&s| s < 0))
}

/// Snap rounding: every segment is routed through the centre of each hot
/// pixel (an end or a rounded crossing) it passes through, and the two
/// segments of a crossing always through its own: the crossing lies in
/// its pixel, but on the pixel's very border (a 45° edge through a corner
/// of the grid) the slightly smaller pixel tested would miss it, and the
/// crossing would come back on every pass.
fn snap_round(segments: &[Segment], crossings: Vec<Crossing>) -> Vec<Segment> {
    let mut forced: HashMap<usize, Vec<GridPoint>> = HashMap::new();
    for c in &crossings {
        forced.entry(c.i).or_default().push(c.point);
        forced.entry(c.j).or_default().push(c.point);
    }
    let mut hot: Vec<GridPoint> = crossings.iter().map(|c| c.point).collect();
    hot.extend(segments.iter().flat_map(|s| [s.a, s.b]));
    hot.sort_unstable();
    hot.dedup();
    let cell = cell_size(segments);
    let mut cells: HashMap<(i64, i64), Vec<GridPoint>> = HashMap::new();
    for &p in &hot {
        cells
            .entry((p[0].div_euclid(cell), p[1].div_euclid(cell)))
            .or_default()
            .push(p);
    }
    let mut out = Vec::with_capacity(segments.len() * 2);
    let mut found = Vec::new();
    for (index, s) in segments.iter().enumerate() {
        found.clear();
        if let Some(points) = forced.get(&index) {
            found.extend(points.iter().copied().filter(|&p| p != s.a && p != s.b));
        }
        for_cells(s, cell, |key| {
            if let Some(points) = cells.get(&key) {
                found.extend(
                    points
                        .iter()
                        .copied()
                        .filter(|&p| p != s.a && p != s.b && through_pixel(s.a, s.b, p)),
                );
            }
        });
        let d = sub(s.b, s.a);
        let along = |p: GridPoint| {
            i128::from(p[0] - s.a[0]) * i128::from(d[0])
                + i128::from(p[1] - s.a[1]) * i128::from(d[1])
        };
        found.sort_unstable_by_key(|&p| (along(p), p));
        found.dedup();
        let mut from = s.a;
        for &p in found.iter().chain([&s.b]) {
            if p != from {
                out.push(Segment {
                    a: from,
                    b: p,
                    ..*s
                });
                from = p;
            }
        }
    }
    out
}

fn sub(a: GridPoint, b: GridPoint) -> GridPoint {
    [a[0] - b[0], a[1] - b[1]]
}

/// Side of the cells of the uniform grid that finds neighbours, in grid
/// steps: about one segment per cell across the drawing.
fn cell_size(segments: &[Segment]) -> i64 {
    let Some(first) = segments.first() else {
        return 1;
    };
    let (mut lo, mut hi) = (first.a, first.a);
    for s in segments {
        for p in [s.a, s.b] {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
    }
    let extent = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1) as f64;
    (extent / (segments.len() as f64).sqrt()).max(16.0) as i64
}

/// Calls `visit` with the key of every cell within a grid step of `s`:
/// the cells of the boxes of pieces no longer than a cell, so a long
/// diagonal edge does not fill its whole box. A cell may come twice.
fn for_cells(s: &Segment, cell: i64, mut visit: impl FnMut((i64, i64))) {
    let (dx, dy) = (s.b[0] - s.a[0], s.b[1] - s.a[1]);
    let pieces = (dx.abs().max(dy.abs()) / cell + 1).max(1);
    let at =
        |k: i64, d: i64, o: i64| o + (i128::from(d) * i128::from(k) / i128::from(pieces)) as i64;
    for k in 0..pieces {
        let (x0, y0) = (at(k, dx, s.a[0]), at(k, dy, s.a[1]));
        let (x1, y1) = (at(k + 1, dx, s.a[0]), at(k + 1, dy, s.a[1]));
        // Two steps of margin: the integer division above, and the pixel.
        let c0 = (
            (x0.min(x1) - 2).div_euclid(cell),
            (y0.min(y1) - 2).div_euclid(cell),
        );
        let c1 = (
            (x0.max(x1) + 2).div_euclid(cell),
            (y0.max(y1) + 2).div_euclid(cell),
        );
        for cx in c0.0..=c1.0 {
            for cy in c0.1..=c1.1 {
                visit((cx, cy));
            }
        }
    }
}

/// Pairs of segments near each other (sharing a cell).
fn candidate_pairs(segments: &[Segment]) -> Vec<(usize, usize)> {
    let cell = cell_size(segments);
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (index, s) in segments.iter().enumerate() {
        for_cells(s, cell, |key| {
            // Segments are entered in order, so a cell this one already
            // holds has it last.
            let list = cells.entry(key).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        });
    }
    let mut pairs = Vec::new();
    for list in cells.values() {
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Equal edges become one, their labels summed per slab; edges whose labels
/// cancel out are dropped.
fn merge(segments: &[Segment]) -> Arrangement {
    let mut by_ends: HashMap<(GridPoint, GridPoint), Vec<(u32, i32)>> = HashMap::new();
    for s in segments {
        let (key, sign) = if s.a < s.b {
            ((s.a, s.b), s.sign)
        } else {
            ((s.b, s.a), -s.sign)
        };
        let labels = by_ends.entry(key).or_default();
        match labels.iter_mut().find(|(slab, _)| *slab == s.slab) {
            Some(label) => label.1 += sign,
            None => labels.push((s.slab, sign)),
        }
    }
    let mut keys: Vec<_> = by_ends.into_iter().collect();
    // Deterministic output, whatever the hash order.
    keys.sort_unstable_by_key(|(k, _)| *k);
    let mut index: HashMap<GridPoint, u32> = HashMap::new();
    let mut points = Vec::new();
    let mut edges = Vec::new();
    for ((a, b), mut labels) in keys {
        labels.retain(|&(_, s)| s != 0);
        if labels.is_empty() {
            continue;
        }
        labels.sort_unstable();
        let mut id = |p: GridPoint| {
            *index.entry(p).or_insert_with(|| {
                points.push(p);
                (points.len() - 1) as u32
            })
        };
        let (a, b) = (id(a), id(b));
        edges.push(Edge { a, b, labels });
    }
    Arrangement { points, edges }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::region::FillRule;

    fn square(x: f64, y: f64, side: f64) -> Region {
        Region::from_contours(
            &[vec![
                [x, y],
                [x + side, y],
                [x + side, y + side],
                [x, y + side],
            ]],
            FillRule::NonZero,
        )
    }

    #[test]
    fn crossing_squares_are_split_at_their_crossings() {
        let arrangement = arrange(&[square(0.0, 0.0, 2.0), square(1.0, 1.0, 2.0)]).unwrap();
        // 4 + 4 corners and 2 crossings; each square's 4 edges, two of
        // them split in two.
        assert_eq!(arrangement.points.len(), 10);
        assert_eq!(arrangement.edges.len(), 12);
    }

    #[test]
    fn a_crossing_on_a_pixel_corner_settles() {
        // (1, 0)–(0, 1) crosses (0, 0)–(2, 2) at (0.5, 0.5) grid steps: on
        // the corner of the pixel it rounds to, so only forced routing
        // sends the first edge through it (it used to cross again on
        // every pass and be refused).
        let at = |points: &[[f64; 2]]| {
            Region::from_contours(
                &[points.iter().map(|p| p.map(|v| v * GRID_MM)).collect()],
                FillRule::NonZero,
            )
        };
        let a = at(&[[0.0, 0.0], [2.0, 2.0], [-2.0, 2.0]]);
        let b = at(&[[1.0, 0.0], [0.0, 1.0], [-3.0, -3.0]]);
        let arrangement = arrange(&[a, b]).unwrap();
        assert!(arrangement.points.contains(&[1, 1]));
    }

    #[test]
    fn shared_edges_are_merged_with_both_labels() {
        // The same square in two slabs: 4 edges, each labelled twice.
        let arrangement = arrange(&[square(0.0, 0.0, 2.0), square(0.0, 0.0, 2.0)]).unwrap();
        assert_eq!(arrangement.edges.len(), 4);
        assert!(arrangement.edges.iter().all(|e| e.labels.len() == 2));
        // Side by side in one slab... two slabs: the shared edge x = 2 is
        // split where the smaller square ends.
        let arrangement = arrange(&[square(0.0, 0.0, 2.0), square(2.0, 0.0, 1.0)]).unwrap();
        assert_eq!(arrangement.points.len(), 7);
        assert_eq!(arrangement.edges.len(), 8);
    }
}
