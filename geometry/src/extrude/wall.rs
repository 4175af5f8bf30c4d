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
    for i in 0..n {
        let a = contour[i];
        let b = contour[(i + 1) % n];
        let chain = |extra: &[[f64; 2]]| {
            let mut c = Vec::with_capacity(extra.len() + 2);
            c.push(a);
            c.extend_from_slice(extra);
            c.push(b);
            c
        };
        let lower = chain(&bottom[i]);
        let upper = chain(&top[i]);
        strip(&lower, &upper, a, b, z0, z1, pool, triangles);
    }
}

/// Triangulates the planar strip between `lower` (at `z0`) and `upper`
/// (at `z1`), both running from `a` to `b`. Going round the quad
/// a0 → b0 → b1 → a1 faces outward when material is left of a → b.
#[allow(clippy::too_many_arguments)]
fn strip(
    lower: &[[f64; 2]],
    upper: &[[f64; 2]],
    a: [f64; 2],
    b: [f64; 2],
    z0: f64,
    z1: f64,
    pool: &mut VertexPool,
    triangles: &mut Vec<[u32; 3]>,
) {
    let d = [b[0] - a[0], b[1] - a[1]];
    let len2 = (d[0] * d[0] + d[1] * d[1]).max(f64::MIN_POSITIVE);
    let param = |p: [f64; 2]| ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2;
    let lo: Vec<u32> = lower.iter().map(|p| pool.add([p[0], p[1], z0])).collect();
    let hi: Vec<u32> = upper.iter().map(|p| pool.add([p[0], p[1], z1])).collect();
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
