//! Centre lines joined through their junctions into as few paths as they
//! make, as a plotter's or a laser's path optimiser would: a laser then
//! cuts on through a junction instead of lifting and coming back.
//!
//! At each junction the lines that meet there are paired up, those that
//! carry on each other's course most nearly first (the two straight arms
//! of an X, the bar of a T); where only two lines meet they are always
//! joined. Paired lines become one path, and a ring of lines joined at
//! each of its junctions one closed path. No point moves: the paths are
//! the lines' own points, each junction's point once.
//!
//! # Current limitations
//! - Lines are paired at each junction on their own, greedily by the
//!   turn between them: the fewest paths over the whole drawing (an Euler
//!   path) are not looked for, nor the order a laser cuts them in.

/// A centre line: its points, whether it is a loop, and whether each of
/// its ends is free. An end that is not free lies exactly (bit for bit)
/// on the point of the junction it meets the other lines at.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    /// Points along the line; a loop does not repeat its first point.
    pub points: Vec<[f64; 2]>,
    pub closed: bool,
    pub free: [bool; 2],
}

/// A path of joined lines: its points and whether it is closed (a closed
/// path does not repeat its first point).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Path {
    pub points: Vec<[f64; 2]>,
    pub closed: bool,
}

/// `lines` joined through their junctions into paths (see the module's
/// documentation). A line's course at a junction is taken towards its
/// point `reach_px` along it (past the junction's knot, where thinning and
/// the other lines' ink bend it).
pub(super) fn chain(lines: &[Line], reach_px: f64) -> Vec<Path> {
    let partner = pair_at_junctions(lines, reach_px);
    // Line `k`'s first end is `2k`, its last `2k + 1`.
    let mut done = vec![false; lines.len()];
    let mut paths = Vec::new();
    for k in 0..lines.len() {
        if done[k] {
            continue;
        }
        if lines[k].closed {
            done[k] = true;
            paths.push(Path {
                points: lines[k].points.clone(),
                closed: true,
            });
            continue;
        }
        // Back from the line's first end to where its chain of lines
        // starts: an end not paired, or the line again (a ring).
        let mut start = 2 * k;
        let ring = loop {
            let Some(before) = partner[start] else {
                break false;
            };
            // Into the line before through `before`, out at its other end.
            start = before ^ 1;
            if start / 2 == k {
                break true;
            }
        };
        if ring {
            start = 2 * k;
        }
        // On from `start` through each line and the end paired with its
        // other end.
        let mut points: Vec<[f64; 2]> = Vec::new();
        let mut entry = start;
        loop {
            let line = &lines[entry / 2];
            done[entry / 2] = true;
            // The junction's point is the line before's end already.
            let skip = usize::from(!points.is_empty());
            if entry % 2 == 0 {
                points.extend(line.points.iter().skip(skip));
            } else {
                points.extend(line.points.iter().rev().skip(skip));
            }
            match partner[entry ^ 1] {
                Some(next) if next != start => entry = next,
                _ => break,
            }
        }
        if ring && points.len() > 2 && points.first() == points.last() {
            points.pop();
        }
        paths.push(Path {
            points,
            closed: ring,
        });
    }
    paths
}

/// For each line end (`2k`, `2k + 1` for line `k`'s first and last), the
/// end it is paired with at its junction.
fn pair_at_junctions(lines: &[Line], reach_px: f64) -> Vec<Option<usize>> {
    let key = |p: [f64; 2]| (p[0].to_bits(), p[1].to_bits());
    // The ends at each junction, junctions in the order first met.
    let mut junction_of = std::collections::HashMap::new();
    let mut junctions: Vec<Vec<usize>> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let (Some(&first), Some(&last)) = (line.points.first(), line.points.last()) else {
            continue;
        };
        if line.closed {
            continue;
        }
        for (end, point) in [(2 * k, first), (2 * k + 1, last)] {
            if line.free[end % 2] {
                continue;
            }
            let j = *junction_of.entry(key(point)).or_insert_with(|| {
                junctions.push(Vec::new());
                junctions.len() - 1
            });
            junctions[j].push(end);
        }
    }
    let mut partner = vec![None; 2 * lines.len()];
    for ends in &junctions {
        let courses: Vec<[f64; 2]> = ends
            .iter()
            .map(|&end| course(&lines[end / 2].points, end % 2 == 1, reach_px))
            .collect();
        // Every pair, those that turn least (their courses most nearly
        // opposite) first.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for a in 0..ends.len() {
            for b in a + 1..ends.len() {
                let (u, v) = (courses[a], courses[b]);
                pairs.push((u[0] * v[0] + u[1] * v[1], a, b));
            }
        }
        pairs.sort_by(|x, y| x.0.total_cmp(&y.0));
        for (_, a, b) in pairs {
            let (ea, eb) = (ends[a], ends[b]);
            if partner[ea].is_none() && partner[eb].is_none() {
                partner[ea] = Some(eb);
                partner[eb] = Some(ea);
            }
        }
    }
    partner
}

/// The unit direction from a line's end (its last point when `last`)
/// towards its point `reach_px` along it, or as far along as it goes;
/// zero for a line of no length.
fn course(points: &[[f64; 2]], last: bool, reach_px: f64) -> [f64; 2] {
    let along: Vec<[f64; 2]> = if last {
        points.iter().rev().copied().collect()
    } else {
        points.to_vec()
    };
    let Some(&end) = along.first() else {
        return [0.0, 0.0];
    };
    let mut to = end;
    let mut walked = 0.0;
    for pair in along.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let step = (b[0] - a[0]).hypot(b[1] - a[1]);
        if walked + step >= reach_px && step > 0.0 {
            let t = (reach_px - walked) / step;
            to = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
            break;
        }
        walked += step;
        to = b;
    }
    let (dx, dy) = (to[0] - end[0], to[1] - end[1]);
    let len = dx.hypot(dy);
    if len > 0.0 {
        [dx / len, dy / len]
    } else {
        [0.0, 0.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An open line from the junction at `from` (not free) out to a free
    /// end at `to`, through `via`.
    fn arm(from: [f64; 2], via: &[[f64; 2]], to: [f64; 2]) -> Line {
        let mut points = vec![from];
        points.extend_from_slice(via);
        points.push(to);
        Line {
            points,
            closed: false,
            free: [false, true],
        }
    }

    /// Whether a path runs through both `a` and `b`.
    fn through(path: &Path, a: [f64; 2], b: [f64; 2]) -> bool {
        path.points.contains(&a) && path.points.contains(&b)
    }

    #[test]
    fn an_x_becomes_its_two_straight_lines() {
        let o = [50.0, 50.0];
        // Arms in an order that does not pair them by chance.
        let lines = vec![
            arm(o, &[], [90.0, 50.0]),
            arm(o, &[], [50.0, 90.0]),
            arm(o, &[], [10.0, 50.0]),
            arm(o, &[], [50.0, 10.0]),
        ];
        let paths = chain(&lines, 5.0);
        assert_eq!(paths.len(), 2, "{paths:?}");
        assert!(paths.iter().any(|p| through(p, [10.0, 50.0], [90.0, 50.0])));
        assert!(paths.iter().any(|p| through(p, [50.0, 10.0], [50.0, 90.0])));
        for path in &paths {
            assert!(!path.closed);
            // The junction's point once, between the two arms.
            assert_eq!(path.points, {
                let mut p = path.points.clone();
                p.dedup();
                p
            });
            assert_eq!(path.points.len(), 3);
            assert_eq!(path.points[1], o);
        }
    }

    #[test]
    fn a_t_becomes_its_bar_and_its_stem() {
        let o = [50.0, 20.0];
        let lines = vec![
            arm(o, &[[50.0, 40.0]], [50.0, 80.0]),
            arm(o, &[[30.0, 20.0]], [10.0, 20.0]),
            arm(o, &[[70.0, 20.0]], [90.0, 20.0]),
        ];
        let paths = chain(&lines, 5.0);
        assert_eq!(paths.len(), 2, "{paths:?}");
        let bar = paths
            .iter()
            .find(|p| through(p, [10.0, 20.0], [90.0, 20.0]))
            .unwrap();
        assert_eq!(bar.points.len(), 5);
        assert!(paths.iter().any(|p| p.points == lines[0].points));
    }

    #[test]
    fn a_y_joins_the_two_lines_that_turn_least() {
        let o = [50.0, 50.0];
        let at = |deg: f64| {
            let (s, c) = deg.to_radians().sin_cos();
            [o[0] + 30.0 * c, o[1] + 30.0 * s]
        };
        // 0° and 150° turn by 30° into each other, 150° and 220° by 110°,
        // 220° and 0° by 40°.
        let lines = vec![
            arm(o, &[], at(220.0)),
            arm(o, &[], at(0.0)),
            arm(o, &[], at(150.0)),
        ];
        let paths = chain(&lines, 5.0);
        assert_eq!(paths.len(), 2, "{paths:?}");
        assert!(paths.iter().any(|p| through(p, at(0.0), at(150.0))));
    }

    #[test]
    fn lines_meeting_two_by_two_in_a_ring_become_one_closed_path() {
        // A triangle of three lines, each corner a junction of two, the
        // lines running either way.
        let (a, b, c) = ([0.0, 0.0], [40.0, 0.0], [20.0, 30.0]);
        let side = |from: [f64; 2], to: [f64; 2]| Line {
            points: vec![from, [(from[0] + to[0]) / 2.0, (from[1] + to[1]) / 2.0], to],
            closed: false,
            free: [false, false],
        };
        let lines = vec![side(a, b), side(c, b), side(c, a)];
        let paths = chain(&lines, 5.0);
        assert_eq!(paths.len(), 1, "{paths:?}");
        assert!(paths[0].closed);
        // Every point once: three corners and three midpoints.
        assert_eq!(paths[0].points.len(), 6, "{paths:?}");
        for line in &lines {
            for p in &line.points {
                assert!(paths[0].points.contains(p));
            }
        }
    }

    #[test]
    fn a_loop_on_a_stem_and_lone_lines_are_kept_whole() {
        // A loop leaving and coming back to the junction at the top of a
        // stem (a "P" drawn in one go), a closed ring and a free line.
        let o = [20.0, 20.0];
        let lines = vec![
            Line {
                points: vec![o, [20.0, 0.0], [40.0, 10.0], o],
                closed: false,
                free: [false, false],
            },
            arm(o, &[], [20.0, 60.0]),
            Line {
                points: vec![[80.0, 80.0], [90.0, 80.0], [85.0, 90.0]],
                closed: true,
                free: [false, false],
            },
            Line {
                points: vec![[0.0, 90.0], [30.0, 90.0]],
                closed: false,
                free: [true, true],
            },
        ];
        let paths = chain(&lines, 5.0);
        // The stem carries on straight up into the loop, round it and back
        // to the junction.
        assert_eq!(paths.len(), 3, "{paths:?}");
        assert!(paths.iter().all(|p| p.points.len() >= 2));
        let joined = paths
            .iter()
            .find(|p| p.points.contains(&[40.0, 10.0]))
            .unwrap();
        assert_eq!(joined.points.len(), 5);
        assert!(!joined.closed);
        assert!(
            paths
                .iter()
                .any(|p| p.closed && p.points == lines[2].points)
        );
        assert!(paths.iter().any(|p| p.points == lines[3].points));
    }
}
