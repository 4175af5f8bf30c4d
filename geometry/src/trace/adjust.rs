//! Step 2c: moving the polygon's vertices off the pixel lattice.
//!
//! Each polygon edge gets the least-squares line through the path points
//! it replaces. Each vertex then moves to the point closest (in summed
//! squared distance) to the lines of its two edges, but no further than
//! half a pixel from where it was, so the outline never strays from the
//! pixels (Selinger, section 2.3.3).

use super::sums::Sums;

/// 3 × 3 symmetric quadratic form on homogeneous points `(x, y, 1)`.
type Quad = [[f64; 3]; 3];

/// The polygon's vertices in pixel coordinates (screen, Y down), given the
/// path and the vertex indices from [`super::polygon::best_polygon`].
pub fn adjust_vertices(points: &[[i32; 2]], vertices: &[usize], sums: &Sums) -> Vec<[f64; 2]> {
    let n = points.len();
    let m = vertices.len();
    let origin = sums.origin();
    // Quadratic form of each edge's fitted line.
    let quads: Vec<Quad> = (0..m)
        .map(|e| {
            let i = vertices[e];
            let mut j = vertices[(e + 1) % m];
            if j <= i {
                j += n;
            }
            line_quad(sums, i, j)
        })
        .collect();
    (0..m)
        .map(|v| {
            let p = points[vertices[v]];
            let s = [f64::from(p[0] - origin[0]), f64::from(p[1] - origin[1])];
            let q = add(&quads[(v + m - 1) % m], &quads[v]);
            let w = constrained_minimum(q, s);
            [w[0] + f64::from(origin[0]), w[1] + f64::from(origin[1])]
        })
        .collect()
}

fn add(a: &Quad, b: &Quad) -> Quad {
    std::array::from_fn(|r| std::array::from_fn(|c| a[r][c] + b[r][c]))
}

/// The squared distance to the best-fit line of points `i..=j` (unrolled),
/// as a quadratic form.
fn line_quad(sums: &Sums, i: usize, j: usize) -> Quad {
    let m = sums.moments(i, j);
    let [a, b, c] = m.cov;
    // Direction of the line: eigenvector of the largest eigenvalue.
    let lambda = (a + c + ((a - c) * (a - c) + 4.0 * b * b).sqrt()) / 2.0;
    let (a, c) = (a - lambda, c - lambda);
    let dir = if a.abs() >= c.abs() { [-b, a] } else { [-c, b] };
    let len = dir[0].hypot(dir[1]);
    if len == 0.0 {
        return [[0.0; 3]; 3];
    }
    // Unit normal (nx, ny) and offset so that nx·x + ny·y + d is the distance.
    let (nx, ny) = (dir[1] / len, -dir[0] / len);
    let d = -(nx * m.mean[0] + ny * m.mean[1]);
    let v = [nx, ny, d];
    std::array::from_fn(|r| std::array::from_fn(|c| v[r] * v[c]))
}

fn value(q: &Quad, p: [f64; 2]) -> f64 {
    let v = [p[0], p[1], 1.0];
    let mut sum = 0.0;
    for r in 0..3 {
        for c in 0..3 {
            sum += v[r] * q[r][c] * v[c];
        }
    }
    sum
}

/// Where `q` is smallest within the square of half-side ½ around `s`.
fn constrained_minimum(mut q: Quad, s: [f64; 2]) -> [f64; 2] {
    let det = q[0][0] * q[1][1] - q[0][1] * q[1][0];
    if det.abs() < 1e-9 {
        // Parallel lines: any point along them fits; add a weak pull
        // towards the original vertex to pick one.
        let w = 1e-3;
        q[0][0] += w;
        q[1][1] += w;
        q[0][2] -= w * s[0];
        q[2][0] -= w * s[0];
        q[1][2] -= w * s[1];
        q[2][1] -= w * s[1];
    }
    let det = q[0][0] * q[1][1] - q[0][1] * q[1][0];
    if det != 0.0 {
        let x = (-q[0][2] * q[1][1] + q[1][2] * q[0][1]) / det;
        let y = (q[0][2] * q[1][0] - q[1][2] * q[0][0]) / det;
        if (x - s[0]).abs() <= 0.5 && (y - s[1]).abs() <= 0.5 {
            return [x, y];
        }
    }
    // The minimum is on the square's boundary: try each side and corner.
    let mut best = s;
    let mut best_value = value(&q, s);
    let mut consider = |p: [f64; 2]| {
        let v = value(&q, p);
        if v < best_value {
            best_value = v;
            best = p;
        }
    };
    for dx in [-0.5, 0.5] {
        let x = s[0] + dx;
        if q[1][1] != 0.0 {
            let y = -(q[1][0] * x + q[1][2]) / q[1][1];
            if (y - s[1]).abs() <= 0.5 {
                consider([x, y]);
            }
        }
        for dy in [-0.5, 0.5] {
            consider([x, s[1] + dy]);
        }
    }
    for dy in [-0.5, 0.5] {
        let y = s[1] + dy;
        if q[0][0] != 0.0 {
            let x = -(q[0][1] * y + q[0][2]) / q[0][0];
            if (x - s[0]).abs() <= 0.5 {
                consider([x, y]);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_crossing_lines_meet_at_their_intersection() {
        // Lines x = 0.2 and y = -0.3, as quadratic forms.
        let vertical: Quad = [[1.0, 0.0, -0.2], [0.0, 0.0, 0.0], [-0.2, 0.0, 0.04]];
        let horizontal: Quad = [[0.0, 0.0, 0.0], [0.0, 1.0, 0.3], [0.0, 0.3, 0.09]];
        let p = constrained_minimum(add(&vertical, &horizontal), [0.0, 0.0]);
        assert!(
            (p[0] - 0.2).abs() < 1e-9 && (p[1] + 0.3).abs() < 1e-9,
            "{p:?}"
        );
        // Too far away: clamped to the square around the vertex.
        let p = constrained_minimum(add(&vertical, &horizontal), [2.0, 0.0]);
        assert!(
            (p[0] - 1.5).abs() < 1e-9 && (p[1] + 0.3).abs() < 1e-9,
            "{p:?}"
        );
    }
}
