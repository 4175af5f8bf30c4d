//! Planar clean-up of laser lines: weld nearly equal points, split
//! collinear overlapping segments at each other's ends, drop segments that
//! are drawn twice (in either direction), and chain what is left back into
//! polylines.
//!
//! Why: a laser burns every segment it is given. Two rectangles sharing an
//! edge, a shape duplicated in place or a traced outline on top of a drawn
//! one would burn the same line twice, which chars wood and melts acrylic.
//!
//! The chaining follows the original outlines wherever they are intact, so
//! an untouched contour comes back whole, closed and in its own direction;
//! only where a segment was removed does a contour become an open path.
//!
//! Current limitations: segments that cross without overlapping are left
//! alone (they burn once each anyway); welding is greedy, so a chain of
//! points each closer than the weld distance to the next may merge into
//! one point (only possible for features far below a machine's precision).

use geometry::outline::Polyline;

use crate::fast_hash::{FastMap, FastSet};

use crate::point_grid::PointGrid;

/// One straight segment between welded vertices.
#[derive(Clone, Copy, Debug)]
struct Segment {
    a: u32,
    b: u32,
    /// Which input group (role) it came from.
    group: usize,
    /// Which input polyline it came from (global index), to follow it when chaining.
    source: usize,
}

/// Points closer than the weld distance become one vertex.
///
/// The cells are 2.5 weld distances wide, so a point's neighbours within
/// the weld distance lie in the 2 × 2 cells on the side of the half cell it
/// sits in (a tenth of a cell to spare against rounding): four lookups a
/// point instead of nine. Each cell keeps only its newest point; the
/// others are chained behind it (`next`), so no cell allocates.
struct Welder {
    distance: f64,
    size: f64,
    /// The newest point of each cell.
    head: FastMap<(i64, i64), u32>,
    /// For each point, the one added before it to its cell (`u32::MAX`: none).
    next: Vec<u32>,
    points: Vec<[f64; 2]>,
}

/// Cell width in weld distances (see [`Welder`]).
const WELD_CELL: f64 = 2.5;

impl Welder {
    fn new(distance: f64) -> Self {
        Self {
            distance,
            size: distance * WELD_CELL,
            head: FastMap::default(),
            next: Vec::new(),
            points: Vec::new(),
        }
    }

    fn weld(&mut self, p: [f64; 2]) -> u32 {
        // `as` saturates: absurd coordinates land in the edge cells, where
        // every point is measured, still correct.
        let (fx, fy) = (p[0] / self.size, p[1] / self.size);
        let (cx, cy) = (fx.floor() as i64, fy.floor() as i64);
        let side = |f: f64, c: i64| {
            if f - f.floor() < 0.5 {
                c.saturating_sub(1)
            } else {
                c.saturating_add(1)
            }
        };
        let (nx, ny) = (side(fx, cx), side(fy, cy));
        let limit = self.distance * self.distance;
        for key in [(cx, cy), (nx, cy), (cx, ny), (nx, ny)] {
            let mut at = self.head.get(&key).copied().unwrap_or(u32::MAX);
            while at != u32::MAX {
                if distance_squared(self.points[at as usize], p) <= limit {
                    return at;
                }
                at = self.next[at as usize];
            }
        }
        let index = self.points.len() as u32;
        self.points.push(p);
        let before = self.head.insert((cx, cy), index);
        self.next.push(before.unwrap_or(u32::MAX));
        index
    }
}

fn distance_squared(p: [f64; 2], q: [f64; 2]) -> f64 {
    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
    dx * dx + dy * dy
}

/// Cleans up `groups` of polylines (say cut, then score) together and
/// returns, for each group, its chained polylines.
///
/// Points closer than `weld_mm` are one point. A segment drawn twice is
/// kept once, in the first group that draws it: list the group that must
/// win (cut) first. Non-finite points are ignored.
pub(crate) fn deduplicate(groups: &[Vec<Polyline>], weld_mm: f64) -> Vec<Vec<Polyline>> {
    let mut welder = Welder::new(weld_mm);
    let mut segments = Vec::new();
    let mut source = 0;
    for (group, lines) in groups.iter().enumerate() {
        for line in lines {
            let ids: Vec<u32> = line
                .points
                .iter()
                .filter(|p| p[0].is_finite() && p[1].is_finite())
                .map(|&p| welder.weld(p))
                .collect();
            let closing = line.closed.then(|| (ids.last(), ids.first()));
            let pairs = ids.windows(2).map(|w| (w[0], w[1]));
            let close = closing.and_then(|(last, first)| Some((*last?, *first?)));
            for (a, b) in pairs.chain(close) {
                if a != b {
                    segments.push(Segment {
                        a,
                        b,
                        group,
                        source,
                    });
                }
            }
            source += 1;
        }
    }
    let points = welder.points;
    let segments = split_at_vertices(&segments, &points, weld_mm);

    let mut seen = FastSet::default();
    let kept: Vec<Segment> = segments
        .into_iter()
        .filter(|s| seen.insert((s.a.min(s.b), s.a.max(s.b))))
        .collect();
    (0..groups.len())
        .map(|group| {
            let mine: Vec<Segment> = kept.iter().copied().filter(|s| s.group == group).collect();
            chain(&mine, &points)
        })
        .collect()
}

/// Splits every segment at the vertices lying on it (within `tolerance`),
/// so that collinear overlapping segments become identical pieces. The
/// vertices near each segment come from a grid ([`PointGrid`]), never from
/// all of them.
fn split_at_vertices(segments: &[Segment], points: &[[f64; 2]], tolerance: f64) -> Vec<Segment> {
    let grid = PointGrid::new(points, tolerance, usual_gap(segments, points));
    let mut out = Vec::with_capacity(segments.len());
    let mut near = Vec::new();
    let mut cuts: Vec<(f64, u32)> = Vec::new();
    for s in segments {
        let (pa, pb) = (points[s.a as usize], points[s.b as usize]);
        grid.near_segment_into(pa, pb, &mut near);
        // The segment's box widened by the tolerance: most points the grid
        // offers are outside it, and this test costs far less than
        // measuring them.
        let lo = [pa[0].min(pb[0]) - tolerance, pa[1].min(pb[1]) - tolerance];
        let hi = [pa[0].max(pb[0]) + tolerance, pa[1].max(pb[1]) + tolerance];
        cuts.clear();
        cuts.extend(
            near.iter()
                .copied()
                .filter(|&i| i != s.a && i != s.b)
                .filter_map(|i| {
                    let p = *points.get(i as usize)?;
                    let boxed = lo[0] <= p[0] && p[0] <= hi[0] && lo[1] <= p[1] && p[1] <= hi[1];
                    boxed
                        .then(|| interior_parameter(pa, pb, p, tolerance).map(|t| (t, i)))
                        .flatten()
                }),
        );
        if cuts.is_empty() {
            out.push(*s);
            continue;
        }
        cuts.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut from = s.a;
        for (_, i) in cuts.iter().copied().chain([(1.0, s.b)]) {
            if i != from {
                out.push(Segment {
                    a: from,
                    b: i,
                    ..*s
                });
                from = i;
            }
        }
    }
    out
}

/// The usual gap between neighbouring points, for [`PointGrid::new`]: the
/// median segment length, but at least half the mean, so that walking
/// every segment through cells that small stays within four steps a
/// segment on average (a few long lines among many tiny ones would
/// otherwise each walk a million cells). NaN when there are no segments.
fn usual_gap(segments: &[Segment], points: &[[f64; 2]]) -> f64 {
    let mut lengths: Vec<f64> = segments
        .iter()
        .map(|s| distance_squared(points[s.a as usize], points[s.b as usize]).sqrt())
        .filter(|l| l.is_finite())
        .collect();
    if lengths.is_empty() {
        return f64::NAN;
    }
    let mean = lengths.iter().sum::<f64>() / lengths.len() as f64;
    let middle = lengths.len() / 2;
    let median = *lengths.select_nth_unstable_by(middle, f64::total_cmp).1;
    median.max(mean / 2.0)
}

/// Where `p` lies along `a`→`b` (0..1), when it is within `tolerance` of
/// the segment and not within `tolerance` of either end.
fn interior_parameter(a: [f64; 2], b: [f64; 2], p: [f64; 2], tolerance: f64) -> Option<f64> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let length_sq = d[0] * d[0] + d[1] * d[1];
    if length_sq <= tolerance * tolerance {
        return None;
    }
    let t = ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / length_sq;
    let foot = [a[0] + t * d[0], a[1] + t * d[1]];
    let inside = t > 0.0 && t < 1.0;
    let limit = tolerance * tolerance;
    (inside
        && distance_squared(foot, p) <= limit
        && distance_squared(a, p) > limit
        && distance_squared(b, p) > limit)
        .then_some(t)
}

/// Chains segments into polylines, following each segment's own source
/// polyline where possible so that intact contours come back unchanged.
fn chain(segments: &[Segment], points: &[[f64; 2]]) -> Vec<Polyline> {
    let mut incident: FastMap<u32, Vec<usize>> = FastMap::default();
    for (k, s) in segments.iter().enumerate() {
        incident.entry(s.a).or_default().push(k);
        incident.entry(s.b).or_default().push(k);
    }
    let mut used = vec![false; segments.len()];
    let mut lines = Vec::new();
    for (k, first) in segments.iter().enumerate() {
        if used[k] {
            continue;
        }
        used[k] = true;
        let mut forward = vec![first.a, first.b];
        let closed = extend(&mut forward, k, segments, &incident, &mut used);
        let mut ids = if closed {
            forward.pop();
            forward
        } else {
            let mut backward = vec![first.b, first.a];
            extend(&mut backward, k, segments, &incident, &mut used);
            backward.reverse();
            backward.extend(forward.into_iter().skip(2));
            backward
        };
        ids.dedup();
        lines.push(Polyline {
            points: ids.iter().map(|&i| points[i as usize]).collect(),
            closed,
        });
    }
    lines
}

/// Walks on from the end of `ids`, arriving through segment `from`, until
/// no unused segment remains there; returns `true` when the walk came back
/// to the first vertex of `ids` (a closed loop).
fn extend(
    ids: &mut Vec<u32>,
    mut from: usize,
    segments: &[Segment],
    incident: &FastMap<u32, Vec<usize>>,
    used: &mut [bool],
) -> bool {
    let start = ids.first().copied();
    while let Some(&here) = ids.last() {
        if Some(here) == start && ids.len() > 2 {
            return true;
        }
        let source = segments[from].source;
        let candidates = incident.get(&here).map(Vec::as_slice).unwrap_or_default();
        let unused = || candidates.iter().copied().filter(|&c| !used[c]);
        let next = unused()
            .find(|&c| segments[c].source == source)
            .or_else(|| unused().next());
        let Some(next) = next else {
            return false;
        };
        used[next] = true;
        let s = segments[next];
        ids.push(if s.a == here { s.b } else { s.a });
        from = next;
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Polyline {
        Polyline {
            points: vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
            closed: true,
        }
    }

    /// Every segment of `lines` as an undirected pair of rounded points.
    fn segment_set(lines: &[Polyline]) -> Vec<([i64; 2], [i64; 2])> {
        let key = |p: [f64; 2]| {
            [
                (p[0] * 1000.0).round() as i64,
                (p[1] * 1000.0).round() as i64,
            ]
        };
        let mut out = Vec::new();
        for l in lines {
            let n = l.points.len();
            let count = if l.closed { n } else { n.saturating_sub(1) };
            for i in 0..count {
                let (a, b) = (key(l.points[i]), key(l.points[(i + 1) % n]));
                out.push(if a <= b { (a, b) } else { (b, a) });
            }
        }
        out.sort();
        out
    }

    #[track_caller]
    fn assert_no_duplicates(lines: &[Polyline]) {
        let all = segment_set(lines);
        let mut unique = all.clone();
        unique.dedup();
        assert_eq!(all.len(), unique.len(), "duplicate segments in {lines:?}");
    }

    #[test]
    fn intact_contours_come_back_whole_and_closed() {
        let input = vec![rect(0.0, 0.0, 10.0, 5.0), rect(20.0, 0.0, 3.0, 3.0)];
        let out = deduplicate(std::slice::from_ref(&input), 1e-3);
        assert_eq!(out[0], input);
    }

    #[test]
    fn shared_edge_of_touching_rectangles_is_kept_once() {
        // Second rectangle's shared edge is drawn in the opposite direction.
        let out = deduplicate(
            &[vec![
                rect(0.0, 0.0, 10.0, 10.0),
                rect(10.0, 0.0, 10.0, 10.0),
            ]],
            1e-3,
        );
        assert_no_duplicates(&out[0]);
        assert_eq!(segment_set(&out[0]).len(), 7);
        assert!(out[0][0].closed);
        assert_eq!(out[0].len(), 2);
        assert!(!out[0][1].closed);
    }

    #[test]
    fn collinear_partial_overlap_is_split_and_kept_once() {
        // A 10 mm square and a 4 mm square sitting on its top edge, in the middle.
        let big = rect(0.0, 0.0, 10.0, 10.0);
        let small = rect(3.0, 10.0, 4.0, 4.0);
        let out = deduplicate(&[vec![big, small]], 1e-3);
        assert_no_duplicates(&out[0]);
        // Big square: 4 sides, the top split in 3; small square: 3 sides left.
        assert_eq!(segment_set(&out[0]).len(), 6 + 3);
    }

    #[test]
    fn identical_shapes_and_near_equal_points_burn_once() {
        let a = rect(0.0, 0.0, 10.0, 10.0);
        let mut b = rect(0.0, 0.0, 10.0, 10.0);
        b.points.reverse();
        b.points[0][0] += 2e-4;
        let out = deduplicate(&[vec![a.clone(), b]], 1e-3);
        assert_eq!(out[0], vec![a]);
    }

    #[test]
    fn earlier_group_wins_a_shared_segment() {
        let cut = rect(0.0, 0.0, 10.0, 10.0);
        let score = Polyline {
            points: vec![[0.0, 10.0], [10.0, 10.0], [10.0, 20.0]],
            closed: false,
        };
        let out = deduplicate(&[vec![cut.clone()], vec![score]], 1e-3);
        assert_eq!(out[0], vec![cut]);
        assert_eq!(
            out[1],
            vec![Polyline {
                points: vec![[10.0, 10.0], [10.0, 20.0]],
                closed: false
            }]
        );
    }

    #[test]
    fn open_polyline_broken_in_the_middle_rejoins_both_halves() {
        let line = Polyline {
            points: vec![[0.0, 0.0], [5.0, 0.0], [5.0, 5.0], [0.0, 5.0]],
            closed: false,
        };
        let out = deduplicate(&[vec![line.clone()]], 1e-3);
        assert_eq!(out[0], vec![line]);
    }

    #[test]
    fn degenerate_input_gives_nothing() {
        let dot = Polyline {
            points: vec![[1.0, 1.0], [1.0, 1.0 + 1e-5], [f64::NAN, 0.0]],
            closed: true,
        };
        assert!(deduplicate(&[vec![dot]], 1e-3)[0].is_empty());
    }

    #[test]
    fn the_gap_between_points_bounds_the_cells_walked() {
        let points: Vec<[f64; 2]> = vec![[0.0, 0.0], [0.01, 0.0], [1000.0, 0.0]];
        let segment = |a, b| Segment {
            a,
            b,
            group: 0,
            source: 0,
        };
        // Mostly tiny segments: the median.
        let tiny: Vec<Segment> = (0..100).map(|_| segment(0, 1)).collect();
        assert!((usual_gap(&tiny, &points) - 0.01).abs() < 1e-12);
        // A thousand tiny segments and ten across the sheet: walking the
        // long ones in cells of the median would take a million steps
        // each; half the mean keeps the total near four steps a segment.
        let mut mixed: Vec<Segment> = (0..1000).map(|_| segment(0, 1)).collect();
        mixed.extend((0..10).map(|_| segment(0, 2)));
        let gap = usual_gap(&mixed, &points);
        let total: f64 = 1000.0 * 0.01 + 10.0 * 1000.0;
        let steps = 2.0 * total / gap;
        assert!(steps <= 4.0 * mixed.len() as f64, "{steps} steps");
        assert!(usual_gap(&[], &points).is_nan());
    }
}
