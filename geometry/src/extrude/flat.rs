//! Flat triangles of a cap flipped away, so no zero-area triangle is ever
//! written: by construction, not by deleting triangles afterwards (which
//! would open the mesh).
//!
//! lyon joins vertices of different contours that lie on one line (the
//! tops of the letters of "ATELIER" cut through a plate all sit at the cap
//! height) into triangles with three corners on that line, and corners a
//! hair off a line land on it once written as `f32`. Such a triangle's
//! longest edge has its third corner on it; that edge is never one of the
//! outline's (those are walls), so the triangle beyond it exists, and
//! flipping the shared edge (the classic Delaunay flip) replaces both by
//! two triangles covering the same quadrilateral, through the middle
//! corner. Vertices and outline edges are untouched, so the cap still
//! meets its walls edge for edge.
//!
//! Current limitations: a flat triangle whose longest edge is an outline
//! edge (a vertex of another contour lying on it: contours touching, which
//! the slabs separate beforehand), or whose neighbour is flat on the same
//! line, is left as it is.

use std::collections::{HashMap, HashSet};

/// Flips the flat triangles of `triangles` (indices into `points`, mm, in
/// the plane of the cap), never across an edge of `outline` (undirected,
/// as `(min, max)`). Orientation is kept.
pub(crate) fn flip_flat(
    triangles: &mut [[u32; 3]],
    points: impl Fn(u32) -> [f64; 2],
    outline: &HashSet<(u32, u32)>,
) {
    let is_flat = |t: [u32; 3]| is_flat(t, &points);
    let mut queue: Vec<usize> = (0..triangles.len())
        .filter(|&i| is_flat(triangles[i]))
        .collect();
    if queue.is_empty() {
        return;
    }
    let key = |a: u32, b: u32| (a.min(b), a.max(b));
    let mut by_edge: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (i, t) in triangles.iter().enumerate() {
        for k in 0..3 {
            by_edge
                .entry(key(t[k], t[(k + 1) % 3]))
                .or_default()
                .push(i);
        }
    }
    // Each flip removes a flat triangle or leaves it for a neighbour's
    // flip; bounded all the same.
    let mut budget = 4 * queue.len() + 16;
    while let Some(i) = queue.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        let t = triangles[i];
        if !is_flat(t) {
            continue;
        }
        // The longest edge u → v (in t's order) and the corner w on it.
        let length = |k: usize| {
            let (p, q) = (points(t[k]), points(t[(k + 1) % 3]));
            (q[0] - p[0]).hypot(q[1] - p[1])
        };
        let k = (0..3)
            .max_by(|&x, &y| length(x).total_cmp(&length(y)))
            .unwrap_or(0);
        let (u, v, w) = (t[k], t[(k + 1) % 3], t[(k + 2) % 3]);
        if outline.contains(&key(u, v)) {
            continue;
        }
        let Some(&j) = by_edge
            .get(&key(u, v))
            .and_then(|list| list.iter().find(|&&j| j != i))
        else {
            continue;
        };
        let other = triangles[j];
        // `other` runs v → u; its third corner x. The flip keeps the
        // orientation (lyon's triangles all run clockwise), so the new
        // triangles must turn the way `other` does.
        let Some(x) = other.iter().copied().find(|&p| p != u && p != v) else {
            continue;
        };
        let (first, second) = ([w, u, x], [w, x, v]);
        let sign = cross3(&points, other).signum();
        if sign == 0.0
            || cross3(&points, first) * sign <= 0.0
            || cross3(&points, second) * sign <= 0.0
        {
            // Not a convex quadrilateral the other way (w at an end of
            // u–v in f64): flipping would fold the cap.
            continue;
        }
        for (tri, index) in [(t, i), (other, j)] {
            for e in 0..3 {
                if let Some(list) = by_edge.get_mut(&key(tri[e], tri[(e + 1) % 3])) {
                    list.retain(|&n| n != index);
                }
            }
        }
        triangles[i] = first;
        triangles[j] = second;
        for (tri, index) in [(first, i), (second, j)] {
            for e in 0..3 {
                by_edge
                    .entry(key(tri[e], tri[(e + 1) % 3]))
                    .or_default()
                    .push(index);
            }
            if is_flat(tri) {
                queue.push(index);
            }
        }
    }
}

/// `true` when the triangle's corners lie on one line, in `f64` or once
/// rounded to the `f32` an STL file stores.
pub(crate) fn is_flat(t: [u32; 3], points: impl Fn(u32) -> [f64; 2]) -> bool {
    let [a, b, c] = t.map(points);
    let narrow = [a, b, c].map(|p| p.map(|v| f64::from(v as f32)));
    cross(a, b, c) == 0.0 || cross(narrow[0], narrow[1], narrow[2]) == 0.0
}

/// Twice the signed area of `a`, `b`, `c` (positive counter-clockwise).
fn cross(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// [`cross`] of a triangle's corners.
fn cross3(points: &impl Fn(u32) -> [f64; 2], t: [u32; 3]) -> f64 {
    let [a, b, c] = t.map(points);
    cross(a, b, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_triangle_is_flipped_and_the_area_kept() {
        // u = 0, v = 1 along y = 0, w = 2 on that edge, x = 3 below it.
        let points = [[0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [1.0, -1.0]];
        let at = |i: u32| points[i as usize];
        let mut triangles = vec![[0, 1, 2], [1, 0, 3]];
        flip_flat(&mut triangles, at, &HashSet::new());
        assert!(
            triangles.iter().all(|&t| cross3(&at, t) > 0.0),
            "{triangles:?}"
        );
        let area: f64 = triangles.iter().map(|&t| cross3(&at, t)).sum();
        assert_eq!(area, 2.0);
        // Clockwise (as lyon's come) works the same.
        let mut clockwise = vec![[1, 0, 2], [0, 1, 3]];
        flip_flat(&mut clockwise, at, &HashSet::new());
        assert!(
            clockwise.iter().all(|&t| cross3(&at, t) < 0.0),
            "{clockwise:?}"
        );
        // Across an outline edge, nothing moves.
        let mut kept = vec![[0, 1, 2], [1, 0, 3]];
        flip_flat(&mut kept, at, &HashSet::from([(0, 1)]));
        assert_eq!(kept, vec![[0, 1, 2], [1, 0, 3]]);
    }
}
