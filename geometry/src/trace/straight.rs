//! Step 2a: how far a straight line can follow the path from each point.
//!
//! Following Selinger's paper (section 2.2), a run of path points is
//! *straight* when it does not use all four step directions and one line
//! passes near all of its points. We test the second condition as potrace's
//! paper does: seen from the run's first point, the direction to the last
//! point must stay inside the cone of directions through every intermediate
//! point's unit square. The cone is narrowed only at the path's corners
//! (where the step direction changes); between corners the points lie on an
//! axis-aligned run, and the last admissible point on such a run is found by
//! solving two linear inequalities instead of stepping through it.
//!
//! Indices here are *unrolled*: `k` in `i..i + n` stands for point `k % n`,
//! so that no comparison has to reason about wrapping.

/// For each point `i`, the furthest unrolled index `k` such that every
/// sub-run `i'..=k` starting at or after `i` is straight (the paper's
/// `lon`, minus one). Always `i + 1 <= result[i] < i + n`.
pub fn longest_straight(points: &[[i32; 2]]) -> Vec<usize> {
    let n = points.len();
    // Two laps of the path, so unrolled indices need no modulo.
    let laps: Vec<[i64; 2]> = points
        .iter()
        .chain(points)
        .map(|p| [i64::from(p[0]), i64::from(p[1])])
        .collect();
    let next: Vec<usize> = next_corners(points);
    let next_corner: Vec<usize> = next.iter().chain(&next).copied().collect();
    // Direction bit of each step k → k + 1 (a run from a corner keeps it).
    let step_bit: Vec<u8> = (0..2 * n)
        .map(|k| direction_bit(laps[k], laps[(k + 1) % (2 * n)]))
        .collect();
    let pivot: Vec<usize> = (0..n)
        .map(|i| pivot(&laps, &next_corner, &step_bit, i))
        .collect();
    // Suffix minimum over two laps: lon[i] = min(pivot[i'] for i' >= i).
    let mut lon = vec![0; n];
    let mut best = usize::MAX;
    for u in (0..2 * n).rev() {
        let i = u % n;
        let p = pivot[i] + (u - i);
        best = best.min(p);
        if u < n {
            lon[i] = best;
        }
    }
    lon
}

fn direction(from: [i32; 2], to: [i32; 2]) -> u8 {
    match ((to[0] - from[0]).signum(), (to[1] - from[1]).signum()) {
        (1, _) => 0,
        (_, 1) => 1,
        (-1, _) => 2,
        _ => 3,
    }
}

/// `next_corner[i]`: the offset (≥ 1) from `i` to the next point where the
/// step direction changes, i.e. the end of the axis-aligned run from `i`.
fn next_corners(points: &[[i32; 2]]) -> Vec<usize> {
    let n = points.len();
    let step = |i: usize| direction(points[i % n], points[(i + 1) % n]);
    // Start just after a place where the direction changes (one exists:
    // a closed path turns at least four times).
    let corner = (0..n).find(|&i| step(i) != step(i + n - 1)).unwrap_or(0);
    let mut next = vec![1; n];
    let mut offset = 1;
    for back in 1..=n {
        let i = (corner + n - back) % n;
        offset = if step(i) == step(i + 1) {
            offset + 1
        } else {
            1
        };
        next[i] = offset;
    }
    next
}

fn cross(a: [i64; 2], b: [i64; 2]) -> i64 {
    a[0] * b[1] - a[1] * b[0]
}

fn sub(a: [i64; 2], b: [i64; 2]) -> [i64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

/// Direction bit of an axis-aligned step: right, down, left, up.
fn direction_bit(from: [i64; 2], to: [i64; 2]) -> u8 {
    match ((to[0] - from[0]).signum(), (to[1] - from[1]).signum()) {
        (1, _) => 1,
        (_, 1) => 2,
        (-1, _) => 4,
        _ => 8,
    }
}

/// The furthest unrolled index `k` such that points `i..=k` are straight.
/// `at`, `next_corner` and `step_bit` hold two laps of the path's points,
/// offsets to the next corner and step directions.
fn pivot(at: &[[i64; 2]], next_corner: &[usize], step_bit: &[u8], i: usize) -> usize {
    let n = at.len() / 2;
    let origin = at[i];
    let mut seen = step_bit[i];
    // The cone of admissible directions from point i: between `lo` (no
    // direction may be clockwise of it) and `hi`. Zero vectors: unconstrained.
    let mut lo = [0_i64; 2];
    let mut hi = [0_i64; 2];
    let mut last = i; // last corner known to be fine
    let mut k = i + next_corner[i];
    loop {
        let end = if k >= i + n { i + n } else { k };
        seen |= step_bit[last];
        if seen == 15 {
            return last;
        }
        let cur = sub(at[end], origin);
        if cross(lo, cur) < 0 || cross(hi, cur) > 0 || k >= i + n {
            k = end;
            break;
        }
        if cur[0].abs() > 1 || cur[1].abs() > 1 {
            // Narrow the cone to the directions through the unit square
            // around point k: its two extreme corners as seen from i.
            let lo_corner = [
                cur[0]
                    + if cur[1] >= 0 && (cur[1] > 0 || cur[0] < 0) {
                        1
                    } else {
                        -1
                    },
                cur[1]
                    + if cur[0] <= 0 && (cur[0] < 0 || cur[1] < 0) {
                        1
                    } else {
                        -1
                    },
            ];
            if cross(lo, lo_corner) >= 0 {
                lo = lo_corner;
            }
            let hi_corner = [
                cur[0]
                    + if cur[1] <= 0 && (cur[1] < 0 || cur[0] < 0) {
                        1
                    } else {
                        -1
                    },
                cur[1]
                    + if cur[0] >= 0 && (cur[0] > 0 || cur[1] < 0) {
                        1
                    } else {
                        -1
                    },
            ];
            if cross(hi, hi_corner) <= 0 {
                hi = hi_corner;
            }
        }
        last = k;
        k += next_corner[k];
    }
    // Point `k` broke the cone (or we went all the way round): find the last
    // point j on the axis-aligned run last → k still inside it.
    let step = sub(at[k], at[last]);
    let unit = [step[0].signum(), step[1].signum()];
    let base = sub(at[last], origin);
    // Largest j with cross(lo, base + j·unit) >= 0 and cross(hi, base + j·unit) <= 0.
    let (a, b) = (cross(lo, base), cross(lo, unit));
    let (c, d) = (cross(hi, base), cross(hi, unit));
    let mut j = (k - last) as i64 - 1;
    if b < 0 {
        j = j.min(a.div_euclid(-b));
    }
    if d > 0 {
        j = j.min((-c).div_euclid(d));
    }
    let j = j.max(0) as usize;
    (last + j).min(i + n - 1).max(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rectangle(w: i32, h: i32) -> Vec<[i32; 2]> {
        let mut pts = Vec::new();
        pts.extend((0..w).map(|x| [x, 0]));
        pts.extend((0..h).map(|y| [w, y]));
        pts.extend((0..w).map(|x| [w - x, h]));
        pts.extend((0..h).map(|y| [0, h - y]));
        pts
    }

    #[test]
    fn a_rectangle_side_is_straight_but_not_two_sides_far() {
        let pts = rectangle(10, 6);
        let lon = longest_straight(&pts);
        // From the top-left corner a straight run covers the whole top side
        // and a bit of the right side, but not the far end of it.
        assert!(lon[0] >= 10 && lon[0] < 16, "{}", lon[0]);
        for (i, &l) in lon.iter().enumerate() {
            assert!(l > i && l < i + pts.len());
        }
    }

    #[test]
    fn a_diagonal_staircase_is_straight() {
        // A staircase of unit steps approximates a 45° line: straight over
        // long runs, unlike a right angle.
        let mut pts = Vec::new();
        for k in 0..20 {
            pts.push([k, k]);
            pts.push([k + 1, k]);
        }
        pts.extend((0..20).map(|k| [20 - k, 20]));
        pts.extend((0..20).map(|k| [0, 20 - k]));
        let lon = longest_straight(&pts);
        assert!(lon[0] >= 30, "{}", lon[0]);
    }
}
