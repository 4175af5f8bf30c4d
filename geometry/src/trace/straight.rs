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

use super::pieces::each_piece;

/// Points from which one path's walks are shared between two threads: a
/// long, slightly slanted edge makes them cost as much as the rest of a
/// big drawing together.
const PARALLEL_MIN_POINTS: usize = 4096;
/// Pieces such a path's walks are cut into.
const PIECES: usize = 16;

/// A point where the step direction changes, as the walk from a start
/// point sees it: unrolled index, coordinates and the direction bit of
/// the step leaving it.
#[derive(Clone, Copy, Debug)]
struct Corner {
    at: [i64; 2],
    index: usize,
    bit: u8,
}

/// For each point `i`, the furthest unrolled index `k` such that every
/// sub-run `i'..=k` starting at or after `i` is straight (the paper's
/// `lon`, minus one). Always `i + 1 <= result[i] < i + n`.
pub fn longest_straight(points: &[[i32; 2]]) -> Vec<usize> {
    longest_straight_split(points, PARALLEL_MIN_POINTS)
}

/// [`longest_straight`], shared between two threads from `parallel_min`
/// points on.
fn longest_straight_split(points: &[[i32; 2]], parallel_min: usize) -> Vec<usize> {
    let n = points.len();
    let at = |k: usize| {
        let p = points[k % n];
        [i64::from(p[0]), i64::from(p[1])]
    };
    // Direction bit of each step k → k + 1.
    let step_bit: Vec<u8> = (0..n).map(|k| direction_bit(at(k), at(k + 1))).collect();
    // The corners of two laps, in order, and for each start point the
    // first corner after it: a walk reads consecutive corners, so it never
    // waits for one load to know the address of the next.
    let mut corners: Vec<Corner> = (1..2 * n)
        .filter(|&k| step_bit[k % n] != step_bit[(k - 1) % n])
        .map(|k| Corner {
            at: at(k),
            index: k,
            bit: step_bit[k % n],
        })
        .collect();
    // A path always turns, but stay whole if it did not: the walk stops
    // at this sentinel a lap on.
    corners.push(Corner {
        at: at(0),
        index: usize::MAX,
        bit: 0,
    });
    // lon[i] = min(pivot[i], lon[i + 1]): a walk from i need not go past
    // lon[i + 1], which keeps walks short where a straight run ends. Over
    // one lap backwards `cap` is a minimum over fewer points than lon's
    // (no wrap), hence never below it, so the walks' results `reach`
    // still have lon as their suffix minimum over two laps. Any cap at or
    // above lon[i + 1] keeps that true, no cap included: a long path is
    // cut into pieces, each walked backwards from an uncapped walk, that
    // two threads share.
    let walk = |from: usize, out: &mut [usize]| {
        let to = from + out.len();
        let mut first = corners.partition_point(|c| c.index < to);
        let mut cap = usize::MAX;
        for i in (from..to).rev() {
            while first > 0 && corners[first - 1].index > i {
                first -= 1;
            }
            let r = pivot(at(i), step_bit[i], &corners[first..], i, n, cap);
            out[i - from] = r;
            cap = r;
        }
    };
    let mut reach = vec![0; n];
    if n >= parallel_min {
        // Walks along a long straight edge cost the most and sit together:
        // small pieces handed out in turn keep both threads busy.
        let piece = n.div_ceil(PIECES);
        each_piece(
            reach.chunks_mut(piece).enumerate(),
            || (),
            |(), (k, out)| walk(k * piece, out),
        );
    } else {
        walk(0, &mut reach);
    }
    // Suffix minimum over two laps: lon[i] = min(reach[i'] for i' >= i).
    let mut lon = vec![0; n];
    let mut best = usize::MAX;
    for u in (0..2 * n).rev() {
        let i = u % n;
        let p = reach[i] + (u - i);
        best = best.min(p);
        if u < n {
            lon[i] = best;
        }
    }
    lon
}

/// The offsets from a point to the two extreme corners of its unit square
/// as seen from the walk's start (potrace's rule: the first bounds the
/// cone counter-clockwise, the second clockwise), by the signs of the
/// point's position relative to the start ([`octant`]). A table: worked
/// out per corner with comparisons, they were most of the instructions
/// of the tracer's hottest loop.
const OFFSETS: [[[i64; 2]; 2]; 9] = {
    let mut table = [[[0; 2]; 2]; 9];
    let mut sx = -1;
    while sx <= 1 {
        let mut sy = -1;
        while sy <= 1 {
            table[((sx + 1) * 3 + (sy + 1)) as usize] = [
                [
                    pick(sy >= 0 && (sy > 0 || sx < 0)),
                    pick(sx <= 0 && (sx < 0 || sy < 0)),
                ],
                [
                    pick(sy <= 0 && (sy < 0 || sx < 0)),
                    pick(sx >= 0 && (sx > 0 || sy < 0)),
                ],
            ];
            sy += 1;
        }
        sx += 1;
    }
    table
};

/// 1 or -1.
const fn pick(yes: bool) -> i64 {
    if yes { 1 } else { -1 }
}

/// The index into [`OFFSETS`] of `v`: its coordinates' signs.
fn octant(v: [i64; 2]) -> usize {
    ((v[0].signum() + 1) * 3 + (v[1].signum() + 1)) as usize
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

/// The furthest unrolled index `k` such that points `i..=k` are straight,
/// or `cap` if that is nearer. `origin` is point `i`, `bit` its step's
/// direction, `corners` the corners after `i` in order (ending with a
/// sentinel past `i + n`).
fn pivot(origin: [i64; 2], bit: u8, corners: &[Corner], i: usize, n: usize, cap: usize) -> usize {
    let mut seen = bit;
    // The cone of admissible directions from point i: between `lo` (no
    // direction may be clockwise of it) and `hi`. Zero vectors: unconstrained.
    let mut lo = [0_i64; 2];
    let mut hi = [0_i64; 2];
    // The last corner known to be fine (point i itself at first).
    let (mut last, mut last_at) = (i, origin);
    // Where the walk stopped: an index and its point.
    let (mut k, mut k_at) = (i + n, origin);
    // Past `limit` the walk ends: a lap round, or the cap.
    let limit = cap.min(i + n - 1);
    for corner in corners {
        seen |= corner.bit;
        let cur = sub(corner.at, origin);
        let (to_lo, to_hi) = (cross(lo, cur), cross(hi, cur));
        if corner.index > limit || to_lo < 0 || to_hi > 0 {
            (k, k_at) = if corner.index >= i + n {
                // All the way round: back at point i, inside the cone.
                (i + n, origin)
            } else {
                // The cone broke here, or the run from `last` to this
                // corner decides whether the cap is reached.
                (corner.index, corner.at)
            };
            break;
        }
        if cur[0].abs() > 1 || cur[1].abs() > 1 {
            // Narrow the cone to the directions through the unit square
            // around point k: its two extreme corners as seen from i,
            // `cur` plus these offsets (so that their cross products with
            // the cone's sides are the ones above plus a small term).
            let [lo_offset, hi_offset] = OFFSETS[octant(cur)];
            if to_lo + cross(lo, lo_offset) >= 0 {
                lo = [cur[0] + lo_offset[0], cur[1] + lo_offset[1]];
            }
            if to_hi + cross(hi, hi_offset) <= 0 {
                hi = [cur[0] + hi_offset[0], cur[1] + hi_offset[1]];
            }
        }
        (last, last_at) = (corner.index, corner.at);
        if seen == 15 {
            // The run from this corner on would use all four directions.
            return last;
        }
    }
    // Point `k` broke the cone (or we went all the way round): find the last
    // point j on the axis-aligned run last → k still inside it.
    let step = sub(k_at, last_at);
    let unit = [step[0].signum(), step[1].signum()];
    let base = sub(last_at, origin);
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
    (last + j).min(i + n - 1).max(i + 1).min(cap)
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
    fn the_offset_table_follows_potraces_rule() {
        for x in -3_i64..=3 {
            for y in -3_i64..=3 {
                let pick = |yes: bool| if yes { 1 } else { -1 };
                let lo = [
                    pick(y >= 0 && (y > 0 || x < 0)),
                    pick(x <= 0 && (x < 0 || y < 0)),
                ];
                let hi = [
                    pick(y <= 0 && (y < 0 || x < 0)),
                    pick(x >= 0 && (x > 0 || y < 0)),
                ];
                assert_eq!(OFFSETS[octant([x, y])], [lo, hi], "({x}, {y})");
            }
        }
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

    /// A closed digital band along a slanted line: long straight edges
    /// of uneven steps, the walks' costliest case.
    fn slanted_band(length: i32, rise: i32) -> Vec<[i32; 2]> {
        let below = |x: i32| x * rise / length;
        let mut pts = Vec::new();
        let mut y = 0;
        for x in 0..length {
            while y < below(x) {
                pts.push([x, y]);
                y += 1;
            }
            pts.push([x, y]);
        }
        let bottom = y + 2;
        pts.extend((y..bottom).map(|v| [length, v]));
        let mut back = Vec::new();
        let mut v = bottom;
        for x in (1..=length).rev() {
            while v > below(x) + 2 {
                back.push([x, v]);
                v -= 1;
            }
            back.push([x, v]);
        }
        pts.extend(back);
        pts.extend((1..=v).rev().map(|v| [0, v]));
        pts.dedup();
        pts
    }

    #[test]
    fn walks_shared_between_threads_give_the_same_result() {
        for pts in [rectangle(10, 6), rectangle(300, 7), slanted_band(3000, 211)] {
            let n = pts.len();
            for i in 0..n {
                let [x0, y0] = pts[i];
                let [x1, y1] = pts[(i + 1) % n];
                assert_eq!((x1 - x0).abs() + (y1 - y0).abs(), 1, "step {i}");
            }
            let alone = longest_straight_split(&pts, usize::MAX);
            assert_eq!(longest_straight_split(&pts, 0), alone, "{n} points");
        }
        // The band's long edges are straight for hundreds of points.
        let band = slanted_band(3000, 211);
        let lon = longest_straight(&band);
        assert!(lon.len() > PARALLEL_MIN_POINTS, "{}", lon.len());
        assert!(lon[0] > 1000, "{}", lon[0]);
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
