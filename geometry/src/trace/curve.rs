//! Step 3: from polygon to smooth curve, with corners where the polygon
//! turns sharply (Selinger, section 2.3.4).
//!
//! The curve passes through the midpoint of every polygon edge. Around each
//! vertex it is either a cubic Bézier from one midpoint to the next whose
//! control points sit a fraction α of the way towards the vertex, or, when
//! the vertex is too sharp (α ≥ `alpha_max`), two straight lines through the
//! vertex: a corner. α grows with the vertex's distance from the line
//! joining its neighbours, measured against the size of a pixel, so small
//! wiggles of the pixel staircase become gentle curves.

/// One piece of a traced outline, from the previous segment's `end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// `true`: straight lines to `vertex` then to `end`; `false`: a cubic
    /// Bézier with control points `c0`, `c1` ending at `end`.
    pub corner: bool,
    /// First control point (curves only).
    pub c0: [f64; 2],
    /// Second control point (curves only).
    pub c1: [f64; 2],
    /// Where the segment ends (the midpoint of the next polygon edge, until
    /// curve optimisation merges segments).
    pub end: [f64; 2],
    /// The polygon vertex this segment goes around.
    pub vertex: [f64; 2],
    /// The segment's α, clamped to [0.55, 1] for curves.
    pub alpha: f64,
}

pub(crate) fn lerp(t: f64, a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
}

/// Cross product of `b − a` and `c − a`: twice the signed area of the triangle.
pub(crate) fn cross3(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// The smooth curve around the closed polygon `vertices`: segment `j` goes
/// around vertex `j`, from the midpoint of edge `j − 1 → j` to the midpoint
/// of edge `j → j + 1`.
pub fn smooth(vertices: &[[f64; 2]], alpha_max: f64) -> Vec<Segment> {
    let m = vertices.len();
    (0..m)
        .map(|j| {
            let prev = vertices[(j + m - 1) % m];
            let vertex = vertices[j];
            let next = vertices[(j + 1) % m];
            let end = lerp(0.5, vertex, next);
            // L1 length of prev → next: the distance measured "in pixels"
            // along the axis the chord mostly follows.
            let denom = (next[0] - prev[0]).abs() + (next[1] - prev[1]).abs();
            let alpha = if denom != 0.0 {
                let dd = (cross3(prev, vertex, next) / denom).abs();
                let a = if dd > 1.0 { 1.0 - 1.0 / dd } else { 0.0 };
                a / 0.75
            } else {
                4.0 / 3.0
            };
            if alpha >= alpha_max {
                Segment {
                    corner: true,
                    c0: vertex,
                    c1: vertex,
                    end,
                    vertex,
                    alpha,
                }
            } else {
                let alpha = alpha.clamp(0.55, 1.0);
                let t = 0.5 + 0.5 * alpha;
                Segment {
                    corner: false,
                    c0: lerp(t, prev, vertex),
                    c1: lerp(t, next, vertex),
                    end,
                    vertex,
                    alpha,
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_has_four_corners_and_a_fine_polygon_is_smooth() {
        let square = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert!(smooth(&square, 1.0).iter().all(|s| s.corner));
        let octagon: Vec<[f64; 2]> = (0..32)
            .map(|k| {
                let a = std::f64::consts::TAU * f64::from(k) / 32.0;
                [20.0 * a.cos(), 20.0 * a.sin()]
            })
            .collect();
        let segments = smooth(&octagon, 1.0);
        assert!(segments.iter().all(|s| !s.corner));
        assert_eq!(
            smooth(&octagon, 0.0).iter().filter(|s| s.corner).count(),
            32
        );
    }
}
