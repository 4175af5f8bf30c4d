//! Step 2b: the optimal polygon through the path.
//!
//! Among all polygons whose vertices are path points and whose edges are
//! straight runs of the path ([`super::straight`]), we take one with the
//! fewest edges and, among those, the smallest penalty: the sum over edges
//! of the edge length times the RMS distance of the path points it replaces
//! (Selinger, section 2.3). The path's first point (a corner) is kept as a
//! vertex, which turns the cyclic problem into a shortest-path problem on
//! `0..=n` solved by dynamic programming, layer by layer.

use super::sums::Sums;

/// Indices (into the path's points) of the optimal polygon's vertices, in
/// order, starting with 0. `lon` comes from [`super::straight::longest_straight`].
pub fn best_polygon(points: &[[i32; 2]], lon: &[usize], sums: &Sums) -> Vec<usize> {
    let n = points.len();
    // reach[i]: the furthest vertex an edge from i may go to. An edge
    // (i, j) needs the path from i − 1 to j + 1 to be straight.
    let reach: Vec<usize> = (0..n)
        .map(|i| {
            let before = if i == 0 { lon[n - 1] - n } else { lon[i - 1] };
            before.saturating_sub(1).clamp(i + 1, n)
        })
        .collect();
    // back[j]: the first vertex from which j can be reached in one edge.
    let mut back = vec![0; n + 1];
    let mut i = 0;
    for (j, slot) in back.iter_mut().enumerate().skip(1) {
        while i < n && reach[i] < j {
            i += 1;
        }
        *slot = i;
    }
    // Fewest edges: greedy from both ends gives, for each layer, the range
    // of vertices that can be the layer's end on some shortest polygon.
    let mut forward = vec![0];
    while let Some(&last) = forward.last() {
        if last >= n {
            break;
        }
        forward.push(reach[last]);
    }
    let layers = forward.len() - 1;
    let mut backward = vec![0; layers + 1];
    backward[layers] = n;
    for layer in (1..layers).rev() {
        backward[layer] = back[backward[layer + 1]];
    }

    let mut cost = vec![f64::INFINITY; n + 1];
    let mut prev = vec![0; n + 1];
    cost[0] = 0.0;
    for layer in 1..=layers {
        for j in backward[layer]..=forward[layer].min(n) {
            for k in (back[j]..=forward[layer - 1]).rev() {
                let c = cost[k] + penalty(points, sums, k, j);
                if c < cost[j] {
                    cost[j] = c;
                    prev[j] = k;
                }
            }
        }
    }
    let mut vertices = Vec::with_capacity(layers);
    let mut j = n;
    for _ in 0..layers {
        j = prev[j];
        vertices.push(j);
    }
    vertices.reverse();
    vertices
}

/// Length of edge (i, j) times the RMS distance from the line to the path
/// points `i..=j` (`j` may be `n`, meaning point 0 again).
fn penalty(points: &[[i32; 2]], sums: &Sums, i: usize, j: usize) -> f64 {
    let n = points.len();
    let origin = sums.origin();
    let rel = |k: usize| {
        let p = points[k % n];
        [f64::from(p[0] - origin[0]), f64::from(p[1] - origin[1])]
    };
    let (a, b) = (rel(i), rel(j));
    let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    // Normal to the edge, as long as the edge.
    let normal = [-(b[1] - a[1]), b[0] - a[0]];
    let m = sums.moments(i, j);
    let d = [m.mean[0] - mid[0], m.mean[1] - mid[1]];
    // Second moments about the edge's midpoint.
    let xx = m.cov[0] + d[0] * d[0];
    let xy = m.cov[1] + d[0] * d[1];
    let yy = m.cov[2] + d[1] * d[1];
    let s =
        normal[0] * normal[0] * xx + 2.0 * normal[0] * normal[1] * xy + normal[1] * normal[1] * yy;
    s.max(0.0).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::straight::longest_straight;

    fn polygon_of(points: &[[i32; 2]]) -> Vec<usize> {
        let lon = longest_straight(points);
        best_polygon(points, &lon, &Sums::new(points))
    }

    #[test]
    fn a_rectangle_becomes_four_corners() {
        let (w, h) = (12, 7);
        let mut pts = Vec::new();
        pts.extend((0..w).map(|x| [x, 0]));
        pts.extend((0..h).map(|y| [w, y]));
        pts.extend((0..w).map(|x| [w - x, h]));
        pts.extend((0..h).map(|y| [0, h - y]));
        let vertices = polygon_of(&pts);
        assert_eq!(vertices, vec![0, 12, 19, 31]);
    }
}
