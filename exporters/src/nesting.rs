//! Which closed contours hold a line, for many lines at once: the answer of
//! `containment::inside` for every pair, without comparing every pair.
//!
//! Why: cut order (inner first), the summary's parts and holes and the
//! holes check all ask "how many contours is this one inside?" of every
//! contour. Asked pair by pair that is quadratic, and each question walks
//! the whole container: a filled self-crossing scribble of 200,000
//! segments (the most the limits accept) splits into tens of thousands of
//! loops inside one long outline, and `fabrique laser` took 34 s of CPU,
//! `fabrique check` over a minute.
//!
//! How: `containment::inside` decides on the middle of the line's first segment, by
//! counting the container's edges a ray from it towards +x crosses, unless
//! that middle lies on the container's boundary (within `WELD_MM`). Here
//! every container's edges are put in horizontal bands, and one pass over
//! the band of that middle counts the crossings of all the containers at
//! once, with the same arithmetic ([`crosses_right`]): a container crossed
//! an odd number of times holds the line. The few containers whose boundary
//! passes within `WELD_MM` of the middle are asked `containment::inside` itself, so
//! the answers are the same as pair by pair, to the bit. (Their grid of
//! segments is built once per container, not once per question: the many
//! pieces of one long outline all run along it.)
//!
//! Current limitations: a query still meets every edge of its band, so
//! thousands of tall contours side by side in one band (a comb of 50,000
//! thin bars) are again quadratic, at a few nanoseconds an edge.

use geometry::outline::Polyline;

use std::cell::OnceCell;

use crate::containment::{SegmentGrid, crosses_right, distance_to_segment, inside_near, midpoints};
use crate::cut_paths::WELD_MM;

/// Most band entries per edge on average: bands get taller when edges are
/// long in y, so one tall contour cannot make the index huge.
const ENTRIES_PER_EDGE: f64 = 16.0;

/// The edges of closed contours, in horizontal bands.
pub(crate) struct Nesting<'a> {
    containers: Vec<&'a Polyline>,
    /// Bottom of the first band and the height of each, mm.
    y0: f64,
    band_height: f64,
    /// Band `k`'s edges are `edges[starts[k]..starts[k + 1]]`.
    starts: Vec<usize>,
    /// (container, index of the edge's first point).
    edges: Vec<(u32, u32)>,
    /// Each container's grid of segments, built the first time a line
    /// runs along it (the pieces of a long outline all do).
    grids: Vec<OnceCell<SegmentGrid>>,
}

impl<'a> Nesting<'a> {
    /// The index of `containers` (closed contours; others are never
    /// holders). They are numbered in the order given.
    pub(crate) fn new(containers: Vec<&'a Polyline>) -> Self {
        let spans: Vec<(u32, u32, f64, f64)> = containers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.closed && c.points.len() >= 3)
            .flat_map(|(c, line)| {
                let n = line.points.len();
                (0..n).map(move |i| {
                    let (a, b) = (line.points[i], line.points[(i + 1) % n]);
                    // Widened by the weld distance: a point that near the
                    // edge must find it in its own band.
                    let low = a[1].min(b[1]) - WELD_MM;
                    let high = a[1].max(b[1]) + WELD_MM;
                    (c as u32, i as u32, low, high)
                })
            })
            .collect();
        let y0 = spans.iter().map(|s| s.2).fold(f64::INFINITY, f64::min);
        let y1 = spans.iter().map(|s| s.3).fold(f64::NEG_INFINITY, f64::max);
        let height = y1 - y0;
        let total: f64 = spans.iter().map(|s| s.3 - s.2).sum();
        let count = spans.len() as f64;
        // About one band per edge, fewer when edges are tall, so that the
        // entries stay under ENTRIES_PER_EDGE per edge.
        let bands = if height.is_finite() && height > 0.0 && total.is_finite() && total > 0.0 {
            (count.min((ENTRIES_PER_EDGE - 1.0) * count * height / total)).max(1.0) as usize
        } else {
            1
        };
        let mut nesting = Self {
            grids: containers.iter().map(|_| OnceCell::new()).collect(),
            containers,
            y0: if y0.is_finite() { y0 } else { 0.0 },
            band_height: if bands > 1 {
                height / bands as f64
            } else {
                1.0
            },
            starts: vec![0; bands + 1],
            edges: Vec::new(),
        };
        // Counting sort into bands.
        for &(_, _, low, high) in &spans {
            let (first, last) = (nesting.band(low), nesting.band(high));
            for k in first..=last {
                nesting.starts[k + 1] += 1;
            }
        }
        for k in 0..bands {
            nesting.starts[k + 1] += nesting.starts[k];
        }
        let mut next = nesting.starts.clone();
        nesting.edges = vec![(0, 0); nesting.starts[bands]];
        for &(c, i, low, high) in &spans {
            let (first, last) = (nesting.band(low), nesting.band(high));
            for slot in &mut next[first..=last] {
                nesting.edges[*slot] = (c, i);
                *slot += 1;
            }
        }
        nesting
    }

    fn band(&self, y: f64) -> usize {
        let bands = self.starts.len() - 1;
        // Saturating cast: NaN and below-range values go to band 0.
        (((y - self.y0) / self.band_height).floor().max(0.0) as usize).min(bands - 1)
    }

    /// The containers (by number) that hold `line`, as `containment::inside` decides,
    /// among those `candidate` accepts, in increasing order.
    pub(crate) fn holders(&self, line: &Polyline, candidate: impl Fn(usize) -> bool) -> Vec<usize> {
        let Some(p) = midpoints(line).next() else {
            return Vec::new();
        };
        let k = self.band(p[1]);
        let mut crossed = Vec::new();
        let mut near = Vec::new();
        for &(c, i) in &self.edges[self.starts[k]..self.starts[k + 1]] {
            let points = &self.containers[c as usize].points;
            let (a, b) = (points[i as usize], points[(i as usize + 1) % points.len()]);
            if crosses_right(p, a, b) {
                crossed.push(c as usize);
            }
            let close = p[0] >= a[0].min(b[0]) - WELD_MM
                && p[0] <= a[0].max(b[0]) + WELD_MM
                && p[1] >= a[1].min(b[1]) - WELD_MM
                && p[1] <= a[1].max(b[1]) + WELD_MM;
            if close && distance_to_segment(p, a, b) <= WELD_MM {
                near.push(c as usize);
            }
        }
        crossed.sort_unstable();
        near.sort_unstable();
        near.dedup();
        let mut holders = Vec::new();
        let mut rest = crossed.as_slice();
        while let Some(&c) = rest.first() {
            let run = rest.iter().take_while(|&&d| d == c).count();
            if run % 2 == 1 && near.binary_search(&c).is_err() && candidate(c) {
                holders.push(c);
            }
            rest = &rest[run..];
        }
        // On a container's boundary: the pairwise test decides, as it
        // looks further along the line.
        holders.extend(near.into_iter().filter(|&c| {
            let container = self.containers[c];
            // The container itself (an untouched contour after clean-up)
            // runs along its whole boundary, never inside: no need to
            // build its grid to walk it. Asked only of candidates.
            let itself = || line.closed == container.closed && line.points == container.points;
            candidate(c)
                && !itself()
                && inside_near(
                    line,
                    container,
                    self.grids[c].get_or_init(|| SegmentGrid::new(&container.points)),
                )
        }));
        holders.sort_unstable();
        holders
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::containment::inside;

    fn contour(points: &[[f64; 2]], closed: bool) -> Polyline {
        Polyline {
            points: points.to_vec(),
            closed,
        }
    }

    /// Lines of every kind against each other: nested, apart, touching,
    /// sharing edges, the same contour twice, open lines, a scribble.
    fn lines() -> Vec<Polyline> {
        let square = |x: f64, y: f64, s: f64| {
            contour(&[[x, y], [x + s, y], [x + s, y + s], [x, y + s]], true)
        };
        let mut lines = vec![
            square(0.0, 0.0, 100.0),
            square(10.0, 10.0, 50.0),
            square(20.0, 20.0, 10.0),
            square(20.0, 20.0, 10.0),
            square(0.0, 0.0, 50.0),
            square(60.0, 10.0, 40.0),
            square(200.0, 0.0, 5.0),
            contour(&[[30.0, 70.0], [90.0, 70.0]], false),
            contour(&[[-10.0, 50.0], [50.0, 50.0]], false),
            contour(&[[5.0, 5.0]], false),
        ];
        // A closed scribble crossing everything, and a comb.
        let mut state = 7u64;
        let mut random = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        lines.push(contour(
            &(0..300)
                .map(|_| [random() * 120.0 - 10.0, random() * 120.0 - 10.0])
                .collect::<Vec<_>>(),
            true,
        ));
        for i in 0..20 {
            lines.push(square(i as f64 * 5.0 + 1.0, 80.0, 2.0));
        }
        lines
    }

    #[test]
    fn answers_as_the_pairwise_test_does() {
        for scale in [1.0, 0.01, 37.0] {
            let lines: Vec<Polyline> = lines()
                .into_iter()
                .map(|mut l| {
                    for p in &mut l.points {
                        *p = [p[0] * scale, p[1] * scale];
                    }
                    l
                })
                .collect();
            let nesting = Nesting::new(lines.iter().collect());
            let mut found = 0;
            for (i, line) in lines.iter().enumerate() {
                let expected: Vec<usize> = (0..lines.len())
                    .filter(|&j| j != i && lines[j].closed && inside(line, &lines[j]))
                    .collect();
                assert_eq!(
                    nesting.holders(line, |j| j != i),
                    expected,
                    "line {i} at scale {scale}"
                );
                found += expected.len();
            }
            assert!(found > 20, "too few holders to test anything: {found}");
        }
    }

    #[test]
    fn nothing_holds_an_empty_line_and_an_empty_index_holds_nothing() {
        let nesting = Nesting::new(Vec::new());
        let square = contour(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]], true);
        assert!(nesting.holders(&square, |_| true).is_empty());
        let nesting = Nesting::new(vec![&square]);
        assert!(nesting.holders(&contour(&[], false), |_| true).is_empty());
    }
}
