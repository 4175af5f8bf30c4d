//! Junctions put back where the lines that meet there meet.
//!
//! Thinning turns the ink where lines meet into a knot: lines meeting at
//! an angle (the arms of a K, the crossbar of an A) are pulled together
//! before they reach it, and two crossing lines thin to two junctions
//! joined by a short bridge. Each line is straight enough a little way
//! out from the knot to say where it goes: a line is fitted along each,
//! past the knot's reach, and the junction moves to the point nearest to
//! all of them; the lines run straight on to it from where their fits
//! begin. A bridge shorter than the knot's reach is dropped and its two
//! junctions become one, and so is a whisker that ends freely within the
//! knot (thinning leaves one in the tip of an acute corner).

use super::sharpen::{fit_line, off_line};
use super::strokes::Stroke;

/// Length along each line fitted for its course, pixels past the knot.
const FIT_PX: f64 = 12.0;
/// Fewest points along a line to fit it.
const MIN_FIT_POINTS: usize = 6;
/// Furthest a fitted line's points may lie from it, pixels (as for
/// corners, `sharpen`).
const STRAIGHT_PX: f64 = 0.5;
/// Furthest a junction moves, pixels: past that, the lines do not meet
/// at one point (a Y of curves, say).
const MAX_MOVE_PX: f64 = 6.0;

/// An end of a stroke: the stroke's index and whether it is its last.
type End = (usize, bool);

/// A line fitted along a stroke near its end: how many points from the
/// end it begins, a point on it and its unit direction.
type Fit = (usize, [f64; 2], [f64; 2]);

/// Moves the junctions of `strokes` to where their lines meet; `knot_px`
/// is how far from a junction thinning and the other lines' ink bend a
/// line (about a stroke width and the blur).
pub(super) fn place_junctions(strokes: &mut Vec<Stroke>, knot_px: f64) {
    // Ends at one junction share their point exactly (`strokes`).
    let key = |p: [f64; 2]| (p[0].to_bits(), p[1].to_bits());
    let mut group_of = std::collections::HashMap::new();
    for s in strokes.iter().filter(|s| !s.closed) {
        for (last, free) in [(false, s.free[0]), (true, s.free[1])] {
            if !free {
                let next = group_of.len();
                group_of.entry(key(end_point(s, last))).or_insert(next);
            }
        }
    }
    // Union of junctions joined by a bridge shorter than the knot's reach.
    let mut parent: Vec<usize> = (0..group_of.len()).collect();
    fn root(parent: &mut [usize], mut g: usize) -> usize {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    }
    // By stroke: a mask, as a list asked for each stroke was quadratic
    // (a photo of noise has tens of thousands of strokes).
    let mut bridges = vec![false; strokes.len()];
    for (k, s) in strokes.iter().enumerate() {
        if s.closed || s.free != [false, false] || length(&s.points) >= 2.0 * knot_px {
            continue;
        }
        let (a, b) = (
            group_of[&key(end_point(s, false))],
            group_of[&key(end_point(s, true))],
        );
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra] = rb;
            bridges[k] = true;
        }
    }
    let mut members: Vec<Vec<End>> = vec![Vec::new(); group_of.len()];
    for (k, s) in strokes.iter().enumerate() {
        if s.closed || bridges[k] {
            continue;
        }
        for (last, free) in [(false, s.free[0]), (true, s.free[1])] {
            if !free {
                let g = group_of[&key(end_point(s, last))];
                members[root(&mut parent, g)].push((k, last));
            }
        }
    }
    let mut whiskers = vec![false; strokes.len()];
    for ends in members.iter().filter(|m| m.len() >= 3) {
        let fits: Vec<Option<Fit>> = ends
            .iter()
            .map(|&(k, last)| fitted(&strokes[k], last, knot_px))
            .collect();
        let lines: Vec<([f64; 2], [f64; 2])> =
            fits.iter().flatten().map(|&(_, c, d)| (c, d)).collect();
        let Some(meet) = nearest_to_all(&lines) else {
            continue;
        };
        let old = end_point(&strokes[ends[0].0], ends[0].1);
        if (meet[0] - old[0]).hypot(meet[1] - old[1]) > MAX_MOVE_PX {
            continue;
        }
        for (&(k, last), fit) in ends.iter().zip(&fits) {
            // A whisker of the knot (thinning's stem into an acute
            // corner's tip): nothing of it lies past the knot.
            let stroke = &strokes[k];
            let n = stroke.points.len();
            // Its end at the old junction moves to the new one anyway.
            let rest = if last {
                &stroke.points[..n - 1]
            } else {
                &stroke.points[1..]
            };
            let whisker = fit.is_none()
                && stroke.free[usize::from(!last)]
                && rest
                    .iter()
                    .all(|p| (p[0] - meet[0]).hypot(p[1] - meet[1]) <= knot_px);
            if whisker {
                whiskers[k] = true;
                continue;
            }
            let points = &mut strokes[k].points;
            // A fitted line runs straight from where its fit begins; any
            // other keeps its points and ends at the junction.
            let keep = fit.map_or(points.len() - 1, |(from, _, _)| points.len() - from);
            if last {
                points.truncate(keep);
                points.push(meet);
            } else {
                points.drain(..points.len() - keep);
                points.insert(0, meet);
            }
        }
    }
    let mut k = 0;
    strokes.retain(|_| {
        k += 1;
        !bridges[k - 1] && !whiskers[k - 1]
    });
}

fn end_point(s: &Stroke, last: bool) -> [f64; 2] {
    if last {
        s.points[s.points.len() - 1]
    } else {
        s.points[0]
    }
}

fn length(points: &[[f64; 2]]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
        .sum()
}

/// The line fitted along a stroke from `knot_px` to `knot_px` +
/// [`FIT_PX`] from its end (the last when `last`); `None` where the
/// stroke is too short or not straight there.
fn fitted(s: &Stroke, last: bool, knot_px: f64) -> Option<Fit> {
    let n = s.points.len();
    let at = |i: usize| s.points[if last { n - 1 - i } else { i }];
    let (mut walked, mut from, mut stretch) = (0.0, None, Vec::new());
    for i in 1..n {
        let (a, b) = (at(i - 1), at(i));
        walked += (b[0] - a[0]).hypot(b[1] - a[1]);
        if walked > knot_px + FIT_PX {
            break;
        }
        if walked >= knot_px {
            from.get_or_insert(i);
            stretch.push(b);
        }
    }
    let from = from?;
    if stretch.len() < MIN_FIT_POINTS {
        return None;
    }
    let line = fit_line(&stretch)?;
    if off_line(&stretch, line) > STRAIGHT_PX {
        return None;
    }
    let d = [line.1[0] - line.0[0], line.1[1] - line.0[1]];
    Some((from, line.0, d))
}

/// The point nearest (least squares) to the lines through `c` along the
/// unit `d`; `None` unless two of them cross clearly.
fn nearest_to_all(lines: &[([f64; 2], [f64; 2])]) -> Option<[f64; 2]> {
    let (mut a, mut b) = ([[0.0; 2]; 2], [0.0; 2]);
    for &(c, d) in lines {
        // I - d dᵀ projects across the line.
        let m = [
            [1.0 - d[0] * d[0], -d[0] * d[1]],
            [-d[0] * d[1], 1.0 - d[1] * d[1]],
        ];
        for i in 0..2 {
            for j in 0..2 {
                a[i][j] += m[i][j];
            }
            b[i] += m[i][0] * c[0] + m[i][1] * c[1];
        }
    }
    let det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    // Lines all about parallel leave the point free along them.
    if det < 0.25 {
        return None;
    }
    Some([
        (b[0] * a[1][1] - b[1] * a[0][1]) / det,
        (a[0][0] * b[1] - a[1][0] * b[0]) / det,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(points: Vec<[f64; 2]>, free: [bool; 2]) -> Stroke {
        Stroke {
            points,
            closed: false,
            free,
        }
    }

    #[test]
    fn an_acute_corner_thinned_to_a_fork_gets_its_apex_and_loses_the_stem() {
        // The sides of a 40° corner with its apex at (50, 10), thinned to
        // a fork 5 px below it, with a 2 px stem from the fork up.
        let (s, c) = 20_f64.to_radians().sin_cos();
        let fork = [50.0, 10.0 + 5.0 / c];
        let side = |sign: f64| {
            let mut points: Vec<[f64; 2]> = (8..=40)
                .rev()
                .map(|t| [50.0 + sign * s * f64::from(t), 10.0 + c * f64::from(t)])
                .collect();
            points.push(fork);
            open(points, [true, false])
        };
        let stem = open(vec![[50.0, fork[1] - 2.0], fork], [true, false]);
        let mut strokes = vec![side(-1.0), side(1.0), stem];
        place_junctions(&mut strokes, 4.5);
        assert_eq!(strokes.len(), 2, "{strokes:?}");
        for stroke in &strokes {
            let end = stroke.points[stroke.points.len() - 1];
            assert!((end[0] - 50.0).hypot(end[1] - 10.0) < 1e-6, "{end:?}");
        }
    }

    #[test]
    fn crossing_lines_thinned_to_two_junctions_meet_at_one_point() {
        // Two lines crossing at (50, 50) at 60°, as thinning leaves them:
        // each half bent in towards one of two junctions 3 px apart.
        let (s, c) = 60_f64.to_radians().sin_cos();
        let (j1, j2) = ([48.5, 50.0], [51.5, 50.0]);
        let half = |dir: [f64; 2], junction: [f64; 2]| {
            let mut points: Vec<[f64; 2]> = (4..=40)
                .rev()
                .map(|t| [50.0 + dir[0] * f64::from(t), 50.0 + dir[1] * f64::from(t)])
                .collect();
            points.push(junction);
            open(points, [true, false])
        };
        let mut strokes = vec![
            half([-1.0, 0.0], j1),
            half([-c, s], j1),
            half([1.0, 0.0], j2),
            half([c, -s], j2),
            open(vec![j1, j2], [false, false]),
        ];
        place_junctions(&mut strokes, 3.0);
        assert_eq!(strokes.len(), 4);
        for stroke in &strokes {
            let end = stroke.points[stroke.points.len() - 1];
            assert!((end[0] - 50.0).hypot(end[1] - 50.0) < 1e-6, "{end:?}");
        }
    }
}
