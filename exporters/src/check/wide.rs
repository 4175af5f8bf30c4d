//! A quick proof that an area has no strip narrower than a width, so the
//! narrow-strip check can skip its costly opening ([`super::narrow`]).
//!
//! Why: the opening (shrink, then grow back) takes milliseconds per part,
//! almost all of it in growing back, where every rounded corner of the
//! shrunk part meets its neighbours; on 400 gears it was most of the
//! whole check. Most parts are plainly wide enough, and that can be seen
//! from their outline alone.
//!
//! The proof: a disk of the width fits everywhere inside the area, except
//! in the tips of its convex corners, when
//! - any two edges that do not share a corner are at least the width
//!   apart (a disk touching one edge can then only meet that edge's two
//!   neighbours), and
//! - the tips the disk cannot reach are small: for each run of convex
//!   corners joined by edges shorter than twice the width (their tips may
//!   join into one piece), the tips' area adds up to less than half the
//!   smallest piece the check reports.
//!
//! Edges closer than the width are found by a sweep over their boxes, so
//! the proof is about linear in the number of edges. When it fails the
//! opening decides, as before: the proof only ever saves time.
//!
//! Current limitations: a part with two long edges a little closer than
//! the width but never forming a strip (a deep narrow notch's sides meet
//! at the notch's end) is not proven wide and gets the full opening.

use geometry::Region;

/// `true` when `region` surely has no piece narrower than `width` of area
/// `min_piece_area` or more (see the module doc); `false` when unsure.
pub(crate) fn surely_wide(region: &Region, width: f64, min_piece_area: f64) -> bool {
    if !(width.is_finite() && width > 0.0) {
        return false;
    }
    let contours: Vec<&Vec<[f64; 2]>> = region.polygons.iter().flatten().collect();
    tips_are_small(&contours, width, min_piece_area / 2.0) && edges_apart(&contours, width)
}

/// Area of the tip a disk of radius `r` cannot reach in a convex corner
/// of interior angle `angle` (radians): between the two edges and the
/// disk touching both.
fn tip_area(angle: f64, r: f64) -> f64 {
    let half = angle / 2.0;
    if half <= 1e-9 {
        return f64::INFINITY;
    }
    r * r * (1.0 / half.tan() - (std::f64::consts::PI - angle) / 2.0)
}

/// Every run of convex corners joined by short edges has tips adding up
/// to less than `budget` (the contours have the area on their left).
fn tips_are_small(contours: &[&Vec<[f64; 2]>], width: f64, budget: f64) -> bool {
    let r = width / 2.0;
    contours.iter().all(|c| {
        let n = c.len();
        if n < 3 {
            return true;
        }
        // Tip of each corner (0 for a concave one), and whether the edge
        // leaving it is short.
        let corners: Vec<(f64, bool)> = (0..n)
            .map(|i| {
                let (prev, here, next) = (c[(i + n - 1) % n], c[i], c[(i + 1) % n]);
                let (u, v) = (sub(here, prev), sub(next, here));
                let turn = (u[0] * v[1] - u[1] * v[0]).atan2(u[0] * v[0] + u[1] * v[1]);
                let tip = if turn > 0.0 {
                    tip_area(std::f64::consts::PI - turn, r)
                } else {
                    0.0
                };
                (tip, length(v) < 2.0 * width)
            })
            .collect();
        // Sum the tips along runs of short edges, going round twice so a
        // run across the start is summed whole.
        let mut run = 0.0;
        for k in 0..2 * n {
            let (tip, short) = corners[k % n];
            run += tip;
            if run >= budget {
                return false;
            }
            if !short {
                run = 0.0;
            }
        }
        true
    })
}

/// No two edges that do not share a corner are closer than `width`.
fn edges_apart(contours: &[&Vec<[f64; 2]>], width: f64) -> bool {
    // (contour, index, box min x, box max x) of every edge, by min x.
    let mut edges: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (k, c) in contours.iter().enumerate() {
        let n = c.len();
        for i in 0..n {
            let (a, b) = (c[i], c[(i + 1) % n]);
            edges.push((k, i, a[0].min(b[0]), a[0].max(b[0])));
        }
    }
    edges.sort_by(|x, y| x.2.total_cmp(&y.2));
    let edge = |k: usize, i: usize| {
        let c = contours[k];
        (c[i], c[(i + 1) % c.len()])
    };
    let mut active: Vec<usize> = Vec::new();
    for j in 0..edges.len() {
        let (k, i, min_x, _) = edges[j];
        active.retain(|&a| edges[a].3 + width >= min_x);
        for &a in &active {
            let (ka, ia, _, _) = edges[a];
            let n = contours[k].len();
            let neighbours = ka == k && (ia == (i + 1) % n || i == (ia + 1) % n || ia == i);
            if neighbours {
                continue;
            }
            let (p, q) = edge(k, i);
            let (s, t) = edge(ka, ia);
            if segment_distance(p, q, s, t) < width {
                return false;
            }
        }
        active.push(j);
    }
    true
}

fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn length(v: [f64; 2]) -> f64 {
    v[0].hypot(v[1])
}

fn point_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = sub(b, a);
    let l2 = d[0] * d[0] + d[1] * d[1];
    let t = if l2 > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    length([p[0] - a[0] - t * d[0], p[1] - a[1] - t * d[1]])
}

/// Distance between segments `p`→`q` and `s`→`t` (0 when they cross).
fn segment_distance(p: [f64; 2], q: [f64; 2], s: [f64; 2], t: [f64; 2]) -> f64 {
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        let (u, v) = (sub(a, o), sub(b, o));
        u[0] * v[1] - u[1] * v[0]
    };
    let (d1, d2) = (cross(p, q, s), cross(p, q, t));
    let (d3, d4) = (cross(s, t, p), cross(s, t, q));
    if d1 * d2 < 0.0 && d3 * d4 < 0.0 {
        return 0.0;
    }
    point_segment(p, s, t)
        .min(point_segment(q, s, t))
        .min(point_segment(s, p, q))
        .min(point_segment(t, p, q))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(contours: Vec<Vec<[f64; 2]>>) -> Region {
        Region {
            polygons: vec![contours],
        }
    }

    fn square(side: f64) -> Vec<[f64; 2]> {
        vec![[0.0, 0.0], [side, 0.0], [side, side], [0.0, side]]
    }

    #[test]
    fn plain_parts_are_proven_wide_and_thin_or_sharp_ones_are_not() {
        let w = 0.5;
        let area = w * w;
        assert!(surely_wide(&region(vec![square(10.0)]), w, area));
        // A frame with 2 mm walls: wide; with 0.3 mm walls: not proven.
        let frame = |wall: f64| {
            let mut hole = vec![
                [wall, wall],
                [wall, 10.0 - wall],
                [10.0 - wall, 10.0 - wall],
                [10.0 - wall, wall],
            ];
            hole.rotate_left(1);
            region(vec![square(10.0), hole])
        };
        assert!(surely_wide(&frame(2.0), w, area));
        assert!(!surely_wide(&frame(0.3), w, area));
        // A 10° spike: its tip is a thin piece.
        let spike = vec![[0.0, 0.0], [20.0, 1.75], [0.0, 3.5]];
        assert!(!surely_wide(&region(vec![spike]), w, area));
        // A thin slot cut into a plate (its two long sides 0.3 mm apart).
        let slot = vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [5.15, 10.0],
            [5.15, 2.0],
            [4.85, 2.0],
            [4.85, 10.0],
            [0.0, 10.0],
        ];
        assert!(!surely_wide(&region(vec![slot]), w, area));
    }

    #[test]
    fn tips_of_a_right_angle_are_small_and_of_a_sharp_one_large() {
        let r = 1.0;
        let right = tip_area(std::f64::consts::FRAC_PI_2, r);
        assert!((right - (1.0 - std::f64::consts::FRAC_PI_4)).abs() < 1e-12);
        assert!(tip_area(0.2, r) > 8.0);
        assert!(tip_area(std::f64::consts::PI, r).abs() < 1e-12);
    }

    #[test]
    fn whatever_is_proven_wide_has_no_thin_piece() {
        // Random star-like parts, some with a hole, from wide to spiky:
        // whenever the proof says "wide", the full opening must agree.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let (w, mut proven) = (0.5, 0);
        for case in 0..150 {
            let corners = 5 + (random() * 30.0) as usize;
            let scale = 0.8 + random() * 15.0;
            let spread = random();
            let outer: Vec<[f64; 2]> = (0..corners)
                .map(|k| {
                    let a = k as f64 / corners as f64 * std::f64::consts::TAU;
                    let r = scale * (1.0 - spread * random());
                    [r * a.cos(), r * a.sin()]
                })
                .collect();
            let mut contours = vec![outer];
            if case % 3 == 0 {
                let r = scale * (0.05 + 0.4 * random());
                contours.push(
                    (0..12)
                        .rev()
                        .map(|k| {
                            let a = f64::from(k) / 12.0 * std::f64::consts::TAU;
                            [r * a.cos(), r * a.sin()]
                        })
                        .collect(),
                );
            }
            let region = Region::from_contours(&contours, geometry::FillRule::EvenOdd);
            if surely_wide(&region, w, w * w) {
                proven += 1;
                let pieces = super::super::narrow::thin_pieces(&region, w, 0.01);
                assert!(pieces.is_empty(), "case {case}: {pieces:?}");
            }
        }
        // The proof is not vacuous.
        assert!(proven > 20, "{proven}");
    }
}
