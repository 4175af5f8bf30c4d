//! T-junction removal at one height: where a wall's edge and a cap's edge
//! meet the same line, every vertex lying on an edge is inserted into it, so
//! the pieces of the surface share whole edges (a slicer needs each edge to
//! belong to exactly two triangles).

use std::collections::HashMap;

use crate::region::GRID_MM;

/// How far from a segment a point may lie and still be on it, mm: points
/// on the boolean grid sit up to half a grid step off the true line, in
/// both coordinates.
const ON_SEGMENT_MM: f64 = 4.0 * GRID_MM;

/// All the points of one height, hashed on a grid for "which points lie on
/// this segment" queries.
pub(crate) struct LevelPoints {
    cell: f64,
    grid: HashMap<(i64, i64), Vec<[f64; 2]>>,
}

impl LevelPoints {
    /// Indexes `points`; `extent` is the size of the drawing, to pick the
    /// grid size.
    pub fn new(points: impl IntoIterator<Item = [f64; 2]>, count: usize, extent: f64) -> Self {
        let cell = (extent / (count.max(1) as f64).sqrt()).max(0.01);
        let mut grid: HashMap<(i64, i64), Vec<[f64; 2]>> = HashMap::new();
        for p in points {
            grid.entry(key(p, cell)).or_default().push(p);
        }
        Self { cell, grid }
    }

    /// Points lying strictly inside segment `a`–`b` (within
    /// [`ON_SEGMENT_MM`] of it, not at its ends), sorted from `a` to `b`.
    pub fn on_segment(&self, a: [f64; 2], b: [f64; 2]) -> Vec<[f64; 2]> {
        let d = [b[0] - a[0], b[1] - a[1]];
        let len2 = d[0] * d[0] + d[1] * d[1];
        if len2 <= ON_SEGMENT_MM * ON_SEGMENT_MM {
            return Vec::new();
        }
        let len = len2.sqrt();
        let (lo, hi) = (
            key(
                [
                    a[0].min(b[0]) - ON_SEGMENT_MM,
                    a[1].min(b[1]) - ON_SEGMENT_MM,
                ],
                self.cell,
            ),
            key(
                [
                    a[0].max(b[0]) + ON_SEGMENT_MM,
                    a[1].max(b[1]) + ON_SEGMENT_MM,
                ],
                self.cell,
            ),
        );
        let mut found: Vec<(f64, [f64; 2])> = Vec::new();
        // Long edges crossing many cells are rare (flattened curves are
        // short); walk the cells of the bounding box.
        for cx in lo.0..=hi.0 {
            for cy in lo.1..=hi.1 {
                let Some(points) = self.grid.get(&(cx, cy)) else {
                    continue;
                };
                for &p in points {
                    let v = [p[0] - a[0], p[1] - a[1]];
                    let t = (v[0] * d[0] + v[1] * d[1]) / len2;
                    let along = t * len;
                    if along <= ON_SEGMENT_MM || along >= len - ON_SEGMENT_MM {
                        continue;
                    }
                    let dist = (v[0] * d[1] - v[1] * d[0]).abs() / len;
                    if dist <= ON_SEGMENT_MM {
                        found.push((t, p));
                    }
                }
            }
        }
        found.sort_by(|x, y| x.0.total_cmp(&y.0));
        found.dedup_by(|x, y| (x.0 - y.0).abs() * len <= ON_SEGMENT_MM);
        found.into_iter().map(|(_, p)| p).collect()
    }

    fn is_empty(&self) -> bool {
        self.grid.is_empty()
    }
}

fn key(p: [f64; 2], cell: f64) -> (i64, i64) {
    ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64)
}

/// The closed `contour` with every point of `level` that lies on one of its
/// edges inserted. Returns, per original edge `i` (from point `i` to
/// `i + 1`), the inserted points in order.
pub(crate) fn refine(contour: &[[f64; 2]], level: Option<&LevelPoints>) -> Vec<Vec<[f64; 2]>> {
    let n = contour.len();
    match level {
        Some(level) if !level.is_empty() => (0..n)
            .map(|i| level.on_segment(contour[i], contour[(i + 1) % n]))
            .collect(),
        _ => vec![Vec::new(); n],
    }
}

/// `contour` with the insertions of [`refine`] spliced in.
pub(crate) fn spliced(contour: &[[f64; 2]], inserted: &[Vec<[f64; 2]>]) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(contour.len() + inserted.iter().map(Vec::len).sum::<usize>());
    for (p, extra) in contour.iter().zip(inserted) {
        out.push(*p);
        out.extend_from_slice(extra);
    }
    out
}
