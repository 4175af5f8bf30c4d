//! Corners of centre lines put back where the two sides meet.
//!
//! Thinning cuts the corner of a thick stroke (its skeleton runs
//! diagonally across the corner's square of ink), and a blurred photo
//! rounds the corner's outside before thresholding: the centre line's
//! corner comes out 1.5–2 px inside the drawn one. The sides near a
//! corner are straight enough to say where they meet: a line is fitted
//! along each side, a few pixels away from the corner (where the cut does
//! not reach), and the corner moves to their intersection when that is
//! near.

/// Points skipped next to a corner: the ones thinning's cut and the blur
/// round off.
const NEAR: usize = 4;
/// Points along each side used for its direction.
const SIDE: usize = 8;
/// Fewest points along each side fitted for the corner's position: over
/// 12 px a curve of 20 px radius bends 0.9 px off its chord, beyond
/// [`STRAIGHT_PX`]; over 8 px only 0.4 px.
const MIN_FIT_SIDE: usize = 12;
/// Most points along each side fitted for the corner's position.
const FIT_SIDE: usize = 16;
/// Turn between the two sides beyond which a point is a corner, degrees:
/// a drawn corner turns by far more, a curve of the drawing (a circle of
/// 30 px radius turns by 30° over the sides' reach) by less.
const CORNER_DEG: f64 = 50.0;
/// Turns this close to the sharpest one count as equally sharp, degrees.
const PLATEAU_DEG: f64 = 1.0;
/// Furthest a side's points may lie from the line fitted along them,
/// pixels: a drawn corner's sides are straight to within the centre
/// line's noise; the sides of a tight curve (a small circle) bend away by
/// more. (A wavy line's crest, whose flanks are nearly straight, is told
/// by the point where they meet lying off the ink.) At 0.5 px the noise
/// of JPEG q30 kept the 2 px pen's corners of other sketch layouts than
/// the test's from being sharpened (2.7 px off).
const STRAIGHT_PX: f64 = 0.75;
/// Furthest a corner moves, pixels: thinning cuts a corner by the
/// half-width over the sine of half its angle, 1–2 px at a right angle,
/// 4–5 px at 40° (the apex of an A); straight sides vouch for it.
const MAX_MOVE_PX: f64 = 6.0;
/// How far past a corner's point, away from the cut point it moves from,
/// the pen's ink must still reach, pixels: a drawn corner's point is the
/// middle of its ink, which the pen covers for its half-width (0.75 px
/// and more) beyond it; where the nearly straight flanks of a tight
/// crest meet is at or past the ink's edge (measured: the crests of
/// sketch layouts 200 and 201 and 102 at q50 and q30, moved 2.1–2.6 px
/// out of their line, had no ink half a pixel further; of 626 corners
/// sharpened on the photos of `tests/trace_lines.rs` one other, an
/// acute one, had none).
const INK_PAST_PX: f64 = 0.5;
/// Sharpest turn at which [`INK_PAST_PX`] is asked for, degrees: past the
/// apex of an acute corner the ink is a narrow wedge that blur fades
/// (a corner turning 110° of sketch layout 100 at q50 showed no ink half
/// a pixel past its apex), and a crest that tight is rare.
const BLUNT_DEG: f64 = 100.0;
/// Steps in which an acute corner's point goes towards where its sides
/// meet while it is on ink, pixels.
const APEX_STEP_PX: f64 = 0.25;
/// Sides closer to parallel than this (sine of the angle between them)
/// meet too far away to be trusted.
const MIN_SINE: f64 = 0.5;

/// Moves every corner of the polyline `points` (a loop when `closed`) to
/// where lines along its two sides meet, with the points next to it that
/// thinning and blur cut. `on_ink(p, sides)` says whether a point `p` is
/// as much on the drawing's ink as the points `sides` along the line: a
/// drawn corner's point is, but where the nearly straight flanks of a
/// rounded crest (a wavy line's) meet is outside the line, off the ink.
pub fn sharpen(
    points: &mut [[f64; 2]],
    closed: bool,
    on_ink: &dyn Fn([f64; 2], [[f64; 2]; 2]) -> bool,
) {
    let n = points.len();
    let span = NEAR + SIDE;
    if n < 2 * span + 1 {
        return;
    }
    let at = |k: usize, offset: isize| -> usize {
        (k as isize + offset).rem_euclid(n as isize) as usize
    };
    let sides = |points: &[[f64; 2]], k: usize| {
        (
            (
                points[at(k, -(span as isize))],
                points[at(k, -(NEAR as isize))],
            ),
            (points[at(k, NEAR as isize)], points[at(k, span as isize)]),
        )
    };
    // The turn between the sides around each point (0 where they would
    // leave an open line).
    let turn: Vec<f64> = (0..n)
        .map(|k| {
            if !closed && (k < span || k + span >= n) {
                return 0.0;
            }
            let (a, b) = sides(points, k);
            let (u, v) = (
                [a.1[0] - a.0[0], a.1[1] - a.0[1]],
                [b.1[0] - b.0[0], b.1[1] - b.0[1]],
            );
            (u[0] * v[1] - u[1] * v[0])
                .atan2(u[0] * v[0] + u[1] * v[1])
                .abs()
                .to_degrees()
        })
        .collect();
    // Where lines fitted along the two sides around point `k` meet. Each
    // side's line goes through all its points, not two of them: one noisy
    // point would tilt it by several degrees.
    // Each side reaches [`FIT_SIDE`] points where the line has them: the
    // skeleton of a line lying between two pixel columns steps from one
    // to the other, which tilts a short fit.
    let meet_around = |points: &[[f64; 2]], k: usize| {
        let room = if closed { n / 2 } else { k.min(n - 1 - k) };
        // Each side from `near` points off the corner, straight or not
        // at all: an acute corner's cut reaches further along its sides
        // (at 60° a 1.5 px line's skeleton leaves the sides 5 px out), so
        // a side that bends there is fitted again from further out.
        let fitted = |near: usize, sign: isize| {
            // Fewer points cannot tell a straight side from a tight curve.
            if room < near + MIN_FIT_SIDE {
                return None;
            }
            let reach = (near + FIT_SIDE).min(room) as isize;
            let side: Vec<[f64; 2]> = (near as isize..=reach)
                .map(|o| points[at(k, sign * o)])
                .collect();
            straight_fit(&side)
        };
        let side = |sign: isize| fitted(NEAR, sign).or_else(|| fitted(2 * NEAR, sign));
        // The side before the corner runs towards it.
        let before = side(-1).map(|(a, b)| (b, a))?;
        let meet = intersection(before, side(1)?)?;
        // Whether both sides are straight from further out as well: a
        // drawn corner's are, a rounded crest's flanks bend away.
        let long = fitted(2 * NEAR, -1).is_some() && fitted(2 * NEAR, 1).is_some();
        Some((meet, long))
    };
    // A corner at the sharpest point of each run of turning points; runs
    // closer than the sides' reach are one corner.
    let mut k = 0;
    while k < n {
        if turn[k] <= CORNER_DEG {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        while end + 1 < n && turn[end + 1] > CORNER_DEG {
            end += 1;
        }
        k = end + 1;
        // The middle of the sharpest points: straight sides give a
        // plateau of equal turns as wide as the cut.
        let sharpest = turn[start..=end].iter().copied().fold(0.0, f64::max);
        let top: Vec<usize> = (start..=end)
            .filter(|&j| turn[j] >= sharpest - PLATEAU_DEG)
            .collect();
        let middle =
            (top.first().copied().unwrap_or(start) + top.last().copied().unwrap_or(end)) / 2;
        // The plateau's middle can sit off to one side of a cut corner; the
        // point nearest the sides' meeting point is the corner's middle,
        // and its sides are fitted again from there.
        let Some((first_meet, _)) = meet_around(points, middle) else {
            continue;
        };
        let best = (1 - NEAR as isize..NEAR as isize)
            .map(|o| at(middle, o))
            .min_by(|&i, &j| {
                distance(points[i], first_meet).total_cmp(&distance(points[j], first_meet))
            })
            .unwrap_or(middle);
        if !closed && (best < span || best + span >= n) {
            continue;
        }
        let Some((meet, long_sides)) = meet_around(points, best) else {
            continue;
        };
        let sides = [
            points[at(best, -(span as isize))],
            points[at(best, span as isize)],
        ];
        if distance(meet, points[best]) > MAX_MOVE_PX {
            continue;
        }
        // An acute corner's apex is a narrow wedge of ink that blur and
        // JPEG's blocks fade: the sides' meeting point can lie just past
        // what is left of it. When the sides are straight far out (not a
        // rounded crest's flanks, which meet off its ink as well) the
        // corner then goes as far towards it as the ink does.
        let meet = if on_ink(meet, sides) {
            meet
        } else if turn[best] > BLUNT_DEG && long_sides {
            let from = points[best];
            let steps = (distance(from, meet) / APEX_STEP_PX).floor() as usize;
            let Some(last) = (1..=steps)
                .map(|s| past(meet, from, -(s as f64) * APEX_STEP_PX))
                .take_while(|&p| on_ink(p, sides))
                .last()
            else {
                continue;
            };
            last
        } else {
            continue;
        };
        if turn[best] <= BLUNT_DEG && !on_ink(past(points[best], meet, INK_PAST_PX), sides) {
            continue;
        }
        // The cut points all go to the corner: the line then runs along
        // side A to the corner and on along side B.
        for offset in 1 - NEAR as isize..NEAR as isize {
            points[at(best, offset)] = meet;
        }
    }
}

/// The largest distance of `points` from the line through `line.0` and
/// `line.1` (a unit apart).
pub(super) fn off_line(points: &[[f64; 2]], line: ([f64; 2], [f64; 2])) -> f64 {
    let (c, d) = (line.0, [line.1[0] - line.0[0], line.1[1] - line.0[1]]);
    points
        .iter()
        .map(|p| ((p[0] - c[0]) * d[1] - (p[1] - c[1]) * d[0]).abs())
        .fold(0.0, f64::max)
}

/// The distance of `p` from the line through `line.0` and `line.1` (a
/// unit apart).
fn across(p: [f64; 2], line: ([f64; 2], [f64; 2])) -> f64 {
    let (c, d) = (line.0, [line.1[0] - line.0[0], line.1[1] - line.0[1]]);
    ((p[0] - c[0]) * d[1] - (p[1] - c[1]) * d[0]).abs()
}

/// Points of a side a speck of noise may bump off its line.
const BUMPED_POINTS: usize = 2;
/// How straight the rest of a side must be without its bumped points,
/// pixels: a curve's points bend off all along it.
const STRAIGHT_REST_PX: f64 = 0.4;

/// The line fitted along a side's `points` if they are straight (within
/// [`STRAIGHT_PX`]), or all but [`BUMPED_POINTS`] of them are (within
/// [`STRAIGHT_REST_PX`]): a speck of JPEG noise beside a line bends its
/// centre line over a point or two.
fn straight_fit(points: &[[f64; 2]]) -> Option<([f64; 2], [f64; 2])> {
    let line = fit_line(points)?;
    if off_line(points, line) <= STRAIGHT_PX {
        return Some(line);
    }
    let mut ranked: Vec<[f64; 2]> = points.to_vec();
    ranked.sort_by(|&a, &b| across(a, line).total_cmp(&across(b, line)));
    ranked.truncate(points.len().saturating_sub(BUMPED_POINTS));
    let line = fit_line(&ranked)?;
    (off_line(&ranked, line) <= STRAIGHT_REST_PX).then_some(line)
}

/// The point `by` pixels past `to` on the way from `from` (`to` itself
/// when they coincide).
fn past(from: [f64; 2], to: [f64; 2], by: f64) -> [f64; 2] {
    let d = distance(from, to);
    if d == 0.0 {
        return to;
    }
    [
        to[0] + (to[0] - from[0]) * by / d,
        to[1] + (to[1] - from[1]) * by / d,
    ]
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// The least-squares line through `points`, as two points on it a unit
/// apart in the direction from the first point to the last.
pub(super) fn fit_line(points: &[[f64; 2]]) -> Option<([f64; 2], [f64; 2])> {
    let (first, last) = (points.first()?, points.last()?);
    let n = points.len() as f64;
    let c = points
        .iter()
        .fold([0.0, 0.0], |s, p| [s[0] + p[0] / n, s[1] + p[1] / n]);
    let (mut xx, mut xy, mut yy) = (0.0, 0.0, 0.0);
    for p in points {
        let (x, y) = (p[0] - c[0], p[1] - c[1]);
        (xx, xy, yy) = (xx + x * x, xy + x * y, yy + y * y);
    }
    // The principal axis of the points' spread.
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    let (mut s, mut k) = angle.sin_cos();
    if k * (last[0] - first[0]) + s * (last[1] - first[1]) < 0.0 {
        (s, k) = (-s, -k);
    }
    (xx + yy > 0.0).then_some((c, [c[0] + k, c[1] + s]))
}

/// Where the line through `a.0`, `a.1` meets the line through `b.0`,
/// `b.1`; `None` when they are too close to parallel or degenerate.
fn intersection(a: ([f64; 2], [f64; 2]), b: ([f64; 2], [f64; 2])) -> Option<[f64; 2]> {
    let da = [a.1[0] - a.0[0], a.1[1] - a.0[1]];
    let db = [b.1[0] - b.0[0], b.1[1] - b.0[1]];
    let (la, lb) = (da[0].hypot(da[1]), db[0].hypot(db[1]));
    let cross = da[0] * db[1] - da[1] * db[0];
    if la == 0.0 || lb == 0.0 || (cross / (la * lb)).abs() < MIN_SINE {
        return None;
    }
    let w = [b.0[0] - a.0[0], b.0[1] - a.0[1]];
    let t = (w[0] * db[1] - w[1] * db[0]) / cross;
    Some([a.0[0] + t * da[0], a.0[1] + t * da[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_right_angle_gets_its_corner_back() {
        // Along x to (10, 0) then down y, with the corner cut diagonally
        // by thinning: (9, 0) → (10, 1) instead of through (10, 0).
        let mut points: Vec<[f64; 2]> = (0..20).map(|x| [f64::from(x) - 10.0, 0.0]).collect();
        points.extend((1..21).map(|y| [10.0, f64::from(y)]));
        let k = 19; // the point thinning left nearest the corner
        sharpen(&mut points, false, &|_, _| true);
        assert!(
            (points[k][0] - 10.0).abs() < 1e-9 && points[k][1].abs() < 1e-9,
            "{:?}",
            points[k]
        );
    }

    #[test]
    fn an_acute_corner_cut_deep_gets_its_apex_back() {
        // Two sides at 40° meeting at the origin, the apex cut across 5 px
        // down each side (as thinning cuts an A's apex): the cut's middle
        // is 4.7 px from the apex.
        let (s, c) = 20_f64.to_radians().sin_cos();
        let side = |t: f64, sign: f64| [sign * s * t, c * t];
        let mut points: Vec<[f64; 2]> = (5..=30).rev().map(|t| side(f64::from(t), -1.0)).collect();
        points.extend((5..=30).map(|t| side(f64::from(t), 1.0)));
        sharpen(&mut points, false, &|_, _| true);
        let nearest = points
            .iter()
            .map(|p| p[0].hypot(p[1]))
            .fold(f64::INFINITY, f64::min);
        assert!(nearest < 0.1, "{nearest}");
    }

    #[test]
    fn an_acute_corner_whose_apex_has_faded_goes_as_far_as_its_ink() {
        // The 40° corner of the test above, its ink ending 1 px short of
        // the apex (a JPEG block's edge across it): the corner goes to
        // the end of the ink, not to where the sides meet past it.
        let (s, c) = 20_f64.to_radians().sin_cos();
        let side = |t: f64, sign: f64| [sign * s * t, c * t];
        let mut points: Vec<[f64; 2]> = (5..=30).rev().map(|t| side(f64::from(t), -1.0)).collect();
        points.extend((5..=30).map(|t| side(f64::from(t), 1.0)));
        sharpen(&mut points, false, &|p, _| p[1] >= 1.0);
        let nearest = points
            .iter()
            .map(|p| p[0].hypot(p[1]))
            .fold(f64::INFINITY, f64::min);
        assert!((1.0..1.3).contains(&nearest), "{nearest}");
    }

    #[test]
    fn a_speck_bumping_a_side_does_not_keep_the_corner_from_its_apex() {
        // The 40° corner of the test above, a speck of noise bumping one
        // point of a side 1 px off 14 px down it.
        let (s, c) = 20_f64.to_radians().sin_cos();
        let side = |t: f64, sign: f64| [sign * s * t, c * t];
        let mut points: Vec<[f64; 2]> = (5..=30).rev().map(|t| side(f64::from(t), -1.0)).collect();
        points.extend((5..=30).map(|t| side(f64::from(t), 1.0)));
        let bumped = points
            .iter()
            .position(|p| (p[1] - c * 14.0).abs() < 1e-9)
            .unwrap();
        points[bumped][0] -= 1.0;
        sharpen(&mut points, false, &|_, _| true);
        let nearest = points
            .iter()
            .map(|p| p[0].hypot(p[1]))
            .fold(f64::INFINITY, f64::min);
        assert!(nearest < 0.2, "{nearest}");
    }

    #[test]
    fn the_crest_of_a_tight_wave_is_not_a_corner() {
        // A sine 6 px high, 32 px long: its crests turn by more than a
        // right angle over the sides' reach, but its sides are not
        // straight, and would meet 2 px outside the crest.
        let mut points: Vec<[f64; 2]> = (0..=96)
            .map(|x| {
                let x = f64::from(x);
                [x, 6.0 * (std::f64::consts::TAU * x / 32.0).sin()]
            })
            .collect();
        let before = points.clone();
        sharpen(&mut points, false, &|_, _| true);
        assert_eq!(points, before);
    }

    #[test]
    fn a_crest_whose_flanks_meet_at_the_edge_of_its_ink_is_not_a_corner() {
        // The cut right angle of the first test, its ink ending right at
        // where the sides meet, as a tight crest's does: no ink past it.
        let mut points: Vec<[f64; 2]> = (0..20).map(|x| [f64::from(x) - 10.0, 0.0]).collect();
        points.extend((1..21).map(|y| [10.0, f64::from(y)]));
        let before = points.clone();
        sharpen(&mut points, false, &|p, _| p[0] <= 10.1 && p[1] >= -0.1);
        assert_eq!(points, before);
    }

    #[test]
    fn a_gentle_bend_is_left_alone() {
        // Sides at 20° to each other: nearly parallel, nothing moves.
        let mut points: Vec<[f64; 2]> = (0..20).map(|x| [f64::from(x), 0.0]).collect();
        let (s, c) = 20_f64.to_radians().sin_cos();
        points.extend((1..21).map(|t| [19.0 + c * f64::from(t), s * f64::from(t)]));
        let before = points.clone();
        sharpen(&mut points, false, &|_, _| true);
        assert_eq!(points, before);
    }
}
