//! Step 4: fewer, longer curves (Selinger, section 2.4).
//!
//! A run of smooth segments that all bend the same way, turn by less than
//! 179° in all and contain no corner may be replaced by one cubic Bézier.
//! Its end tangents are those of the run's first and last polygon edges;
//! how far its control points reach is chosen so that it encloses the same
//! area as the run. The candidate is accepted only if it stays within
//! `tolerance` pixels of every polygon edge it replaces and of every
//! original segment's apex. Among all ways of merging, dynamic programming
//! picks the one with fewest segments, then least squared deviation.

use super::curve::{Segment, cross3, lerp};

/// cos(179°): runs that turn further than this are never merged.
const COS_179: f64 = -0.999_847_695_156_391_3;

fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}
fn dot(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}
fn cross(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] - a[1] * b[0]
}
fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn sign(v: f64) -> i8 {
    if v > 0.0 {
        1
    } else if v < 0.0 {
        -1
    } else {
        0
    }
}

fn bezier(t: f64, p: &[[f64; 2]; 4]) -> [f64; 2] {
    let s = 1.0 - t;
    let w = [s * s * s, 3.0 * s * s * t, 3.0 * s * t * t, t * t * t];
    [
        w[0] * p[0][0] + w[1] * p[1][0] + w[2] * p[2][0] + w[3] * p[3][0],
        w[0] * p[0][1] + w[1] * p[1][1] + w[2] * p[2][1] + w[3] * p[3][1],
    ]
}

/// The parameter in [0, 1] where the curve's tangent is parallel to `q0 → q1`.
fn tangent_at(p: &[[f64; 2]; 4], q0: [f64; 2], q1: [f64; 2]) -> Option<f64> {
    let d = sub(q1, q0);
    let a0 = cross(sub(p[1], p[0]), d);
    let a1 = cross(sub(p[2], p[1]), d);
    let a2 = cross(sub(p[3], p[2]), d);
    // a0 (1−t)² + 2 a1 t(1−t) + a2 t² = 0
    let a = a0 - 2.0 * a1 + a2;
    let b = 2.0 * (a1 - a0);
    let c = a0;
    let in_range = |t: f64| (0.0..=1.0).contains(&t).then_some(t);
    // A degenerate quadratic means the curve and the edge are parallel over
    // a stretch or never: either way no single touching point, so no merge.
    if a == 0.0 {
        return None;
    }
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return None;
    }
    let s = disc.sqrt();
    in_range((-b + s) / (2.0 * a)).or_else(|| in_range((-b - s) / (2.0 * a)))
}

struct Merge {
    c0: [f64; 2],
    c1: [f64; 2],
    penalty: f64,
}

struct Context<'a> {
    segments: &'a [Segment],
    /// +1 / −1: the way a smooth segment bends; 0 for corners.
    bend: Vec<i8>,
    /// Cumulative signed area of the curve, fanned from vertex 0.
    area: Vec<f64>,
    tolerance: f64,
}

/// Replaces runs of `segments` by single curves where the result stays
/// within `tolerance` pixels.
pub fn optimise(segments: &[Segment], tolerance: f64) -> Vec<Segment> {
    let m = segments.len();
    if m < 3 {
        return segments.to_vec();
    }
    let vertex = |k: usize| segments[k % m].vertex;
    let bend: Vec<i8> = (0..m)
        .map(|k| {
            if segments[k].corner {
                0
            } else {
                sign(cross3(vertex(k + m - 1), vertex(k), vertex(k + 1)))
            }
        })
        .collect();
    let mut area = vec![0.0; m + 1];
    let origin = vertex(0);
    let mut total = 0.0;
    for i in 0..m {
        let next = &segments[(i + 1) % m];
        if !next.corner {
            let start = segments[i].end;
            // A Bézier with parameter α encloses 0.3 α (4 − α) of its
            // control triangle.
            total +=
                0.3 * next.alpha * (4.0 - next.alpha) * cross3(start, next.vertex, next.end) / 2.0;
            total += cross3(origin, start, next.end) / 2.0;
        }
        area[i + 1] = total;
    }
    let ctx = Context {
        segments,
        bend,
        area,
        tolerance,
    };

    // best[j]: (segments, penalty, previous break, merge) for the curve up
    // to segment boundary j.
    let mut count = vec![0_usize; m + 1];
    let mut cost = vec![0.0; m + 1];
    let mut from = vec![0_usize; m + 1];
    let mut merged: Vec<Option<Merge>> = (0..=m).map(|_| None).collect();
    for j in 1..=m {
        from[j] = j - 1;
        count[j] = count[j - 1] + 1;
        cost[j] = cost[j - 1];
        for i in (0..j.saturating_sub(1)).rev() {
            let Some(candidate) = ctx.try_merge(i, j % m) else {
                break;
            };
            let better = count[i] + 1 < count[j]
                || (count[i] + 1 == count[j] && cost[i] + candidate.penalty < cost[j]);
            if better {
                from[j] = i;
                count[j] = count[i] + 1;
                cost[j] = cost[i] + candidate.penalty;
                merged[j] = Some(candidate);
            }
        }
    }
    let mut out = Vec::with_capacity(count[m]);
    let mut j = m;
    while j > 0 {
        let i = from[j];
        let original = segments[j % m];
        match (&merged[j], i + 1 == j) {
            (Some(merge), false) => out.push(Segment {
                corner: false,
                c0: merge.c0,
                c1: merge.c1,
                ..original
            }),
            _ => out.push(original),
        }
        j = i;
    }
    out.reverse();
    out
}

impl Context<'_> {
    fn vertex(&self, k: usize) -> [f64; 2] {
        self.segments[k % self.segments.len()].vertex
    }

    fn end(&self, k: usize) -> [f64; 2] {
        self.segments[k % self.segments.len()].end
    }

    /// One curve replacing segments `i + 1 ..= j` (cyclically), from the end
    /// of segment `i` to the end of segment `j`, if it fits.
    fn try_merge(&self, i: usize, j: usize) -> Option<Merge> {
        let m = self.segments.len();
        if i == j {
            return None;
        }
        let span = (j + m - i) % m;
        let i1 = i + 1;
        let bend = self.bend[i1 % m];
        if bend == 0 {
            return None;
        }
        let first_edge = dist(self.vertex(i), self.vertex(i1));
        for k in i1..i + span {
            let (k1, k2) = (k + 1, k + 2);
            if self.bend[k1 % m] != bend {
                return None;
            }
            let turn = cross(
                sub(self.vertex(i1), self.vertex(i)),
                sub(self.vertex(k2), self.vertex(k1)),
            );
            if sign(turn) != bend {
                return None;
            }
            let along = dot(
                sub(self.vertex(i1), self.vertex(i)),
                sub(self.vertex(k2), self.vertex(k1)),
            );
            if along < first_edge * dist(self.vertex(k1), self.vertex(k2)) * COS_179 {
                return None;
            }
        }
        let p0 = self.end(i);
        let p1 = self.vertex(i1);
        let p2 = self.vertex(j);
        let p3 = self.end(j);
        let mut area = self.area[j] - self.area[i];
        area -= cross3(self.vertex(0), self.end(i), self.end(j)) / 2.0;
        if i >= j {
            area += self.area[m];
        }
        // o: where the end tangents p0p1 and p3p2 meet; A: triangle p0 o p3.
        let a1 = cross3(p0, p1, p2);
        let a2 = cross3(p0, p1, p3);
        let a3 = cross3(p0, p2, p3);
        let a4 = a1 + a3 - a2;
        if a2 == a1 || a3 == a4 {
            return None;
        }
        let t = a3 / (a3 - a4);
        let s = a2 / (a2 - a1);
        let triangle = a2 * t / 2.0;
        if triangle == 0.0 {
            return None;
        }
        let ratio = area / triangle;
        let alpha = 2.0 - (4.0 - ratio / 0.3).sqrt();
        if !alpha.is_finite() {
            return None;
        }
        let curve = [p0, lerp(t * alpha, p0, p1), lerp(s * alpha, p3, p2), p3];
        let penalty = self.deviation(i, span, &curve)?;
        Some(Merge {
            c0: curve[1],
            c1: curve[2],
            penalty,
        })
    }

    /// Sum of squared deviations of `curve` from the run it replaces, or
    /// `None` if it strays further than the tolerance anywhere.
    fn deviation(&self, i: usize, span: usize, curve: &[[f64; 2]; 4]) -> Option<f64> {
        let mut penalty = 0.0;
        // Polygon edges strictly inside the run: the curve must touch each
        // edge's line within tolerance, between its ends.
        for k in i + 1..i + span {
            let (a, b) = (self.vertex(k), self.vertex(k + 1));
            let t = tangent_at(curve, a, b)?;
            let pt = bezier(t, curve);
            let d = dist(a, b);
            if d == 0.0 {
                return None;
            }
            let off = cross3(a, b, pt) / d;
            if off.abs() > self.tolerance {
                return None;
            }
            if dot(sub(b, a), sub(pt, a)) < 0.0 || dot(sub(a, b), sub(pt, b)) < 0.0 {
                return None;
            }
            penalty += off * off;
        }
        // Each original segment's apex: the curve may not cut inside it by
        // more than the tolerance.
        for k in i..i + span {
            let (a, b) = (self.end(k), self.end(k + 1));
            let t = tangent_at(curve, a, b)?;
            let pt = bezier(t, curve);
            let d = dist(a, b);
            if d == 0.0 {
                return None;
            }
            let mut off = cross3(a, b, pt) / d;
            let apex_alpha = self.segments[(k + 1) % self.segments.len()].alpha;
            let mut apex = cross3(a, b, self.vertex(k + 1)) / d * 0.75 * apex_alpha;
            if apex < 0.0 {
                off = -off;
                apex = -apex;
            }
            if off < apex - self.tolerance {
                return None;
            }
            if off < apex {
                penalty += (off - apex) * (off - apex);
            }
        }
        Some(penalty)
    }
}
