//! Vertical faces: the strip standing on each edge of a slab's contour.

use super::pool::VertexPool;

/// Appends the walls of the closed `contour` (material on its left) from
/// `z0` to `z1`, facing outward. `bottom[i]` and `top[i]` are the points
/// inserted into edge `i` at each end (T-junctions with other faces), so
/// the strip may have more points at one end than the other.
pub(crate) fn contour_walls(
    contour: &[[f64; 2]],
    bottom: &[Vec<[f64; 2]>],
    top: &[Vec<[f64; 2]>],
    z0: f64,
    z1: f64,
    pool: &mut VertexPool,
    triangles: &mut Vec<[u32; 3]>,
) {
    let n = contour.len();
    // Each corner ends one edge and starts the next: its pool index at each
    // height is carried over instead of looked up again (the lookup would
    // find the same index; the pool is the hot spot of large extrusions).
    // The pool sees the same insertions in the same order as before.
    let mut first = [u32::MAX; 2];
    let mut start = [u32::MAX; 2];
    let (mut lower, mut upper) = (Vec::new(), Vec::new());
    let (mut lo, mut hi) = (Vec::new(), Vec::new());
    for i in 0..n {
        let a = contour[i];
        let b = contour[(i + 1) % n];
        let chain = |c: &mut Vec<[f64; 2]>, extra: &[[f64; 2]]| {
            c.clear();
            c.push(a);
            c.extend_from_slice(extra);
            c.push(b);
        };
        chain(&mut lower, &bottom[i]);
        chain(&mut upper, &top[i]);
        let end = if i + 1 == n && n > 1 {
            Some(first)
        } else {
            None
        };
        for (side, (points, ids, z)) in [(&lower, &mut lo, z0), (&upper, &mut hi, z1)]
            .into_iter()
            .enumerate()
        {
            ids.clear();
            let last = points.len() - 1;
            for (k, p) in points.iter().enumerate() {
                let id = match (k, end) {
                    (0, _) if i > 0 => start[side],
                    (k, Some(first)) if k == last => first[side],
                    _ => pool.add([p[0], p[1], z]),
                };
                ids.push(id);
            }
            if i == 0 {
                first[side] = ids[0];
            }
            start[side] = ids[last];
        }
        strip(&lower, &upper, &lo, &hi, a, b, triangles);
    }
}

/// Triangulates the planar strip between `lower` (at `z0`, pool indices
/// `lo`) and `upper` (at `z1`, indices `hi`), both running from `a` to `b`.
/// Going round the quad a0 → b0 → b1 → a1 faces outward when material is
/// left of a → b.
fn strip(
    lower: &[[f64; 2]],
    upper: &[[f64; 2]],
    lo: &[u32],
    hi: &[u32],
    a: [f64; 2],
    b: [f64; 2],
    triangles: &mut Vec<[u32; 3]>,
) {
    let d = [b[0] - a[0], b[1] - a[1]];
    let len2 = (d[0] * d[0] + d[1] * d[1]).max(f64::MIN_POSITIVE);
    let param = |p: [f64; 2]| ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2;
    let (mut i, mut j) = (0, 0);
    while i + 1 < lo.len() || j + 1 < hi.len() {
        let advance_lower = if i + 1 >= lo.len() {
            false
        } else if j + 1 >= hi.len() {
            true
        } else {
            param(lower[i + 1]) <= param(upper[j + 1])
        };
        let t = if advance_lower {
            i += 1;
            [lo[i - 1], lo[i], hi[j]]
        } else {
            j += 1;
            [lo[i], hi[j], hi[j - 1]]
        };
        if t[0] != t[1] && t[1] != t[2] && t[0] != t[2] {
            triangles.push(t);
        }
    }
}
