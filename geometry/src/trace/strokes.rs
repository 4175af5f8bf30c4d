//! Thinned lines to strokes: the one-pixel lines of [`super::thin`] cut at
//! their junctions and ends into chains of pixels, stretches hardly darker
//! than the paper around them cut out where the grey levels are known
//! (`faint`: the noise of a deep shadow that the threshold lets through
//! bridges lines, carries them on or branches off them), short spurs
//! (thinning's whiskers at corners and blobs) dropped, small holes in a
//! line's ink closed across, chains that meet only each other joined
//! again, and each chain smoothed into a polyline in pixel coordinates (Y
//! down, pixel centres at half-integers).
//!
//! A junction is a pixel with three or more neighbours; neighbouring
//! junction pixels form one junction, and every chain that reaches it ends
//! at its centre, so lines that meet share an end point.

use std::collections::{BTreeSet, HashMap};

use super::chain_net::{Chain, Moved, Net, join};
pub use super::faint::Faint;
use super::faint::{cut_faint, mean_depth};
use super::thin::Grid;

/// A stroke's centre line, in pixel coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// Points along the line; a closed line does not repeat its first point.
    pub points: Vec<[f64; 2]>,
    /// Whether the line is a loop.
    pub closed: bool,
    /// Whether its first and last points are free line ends (not at a
    /// junction, not a loop).
    pub free: [bool; 2],
}

/// Neighbours of `i` on the thinned grid, 4-neighbours first; a diagonal
/// neighbour counts only when no 4-neighbour of both links them already.
fn links(grid: &Grid, i: usize) -> impl Iterator<Item = usize> + '_ {
    let n = grid.around(i);
    let on = move |k: usize| grid.cells[n[k]] == 1;
    [0, 2, 4, 6, 1, 3, 5, 7]
        .into_iter()
        .filter(move |&k| on(k) && (k % 2 == 0 || !(on(k - 1) || on((k + 1) % 8))))
        .map(move |k| n[k])
}

/// The strokes of a thinned `grid`: chains whose pixel length is below
/// `min_spur_px` and that end freely on one side are dropped as spurs,
/// lone lines shorter than `min_lone_px` as specks.
///
/// Free line ends are marked in [`Stroke::free`], so that the caller can
/// carry them on to the end of the ink (thinning wears a line end down by
/// about half the stroke's width).
pub fn strokes(
    grid: &Grid,
    min_spur_px: f64,
    min_lone_px: f64,
    faint: Option<&Faint<'_>>,
) -> Vec<Stroke> {
    let pixels: Vec<usize> = (0..grid.cells.len())
        .filter(|&i| grid.cells[i] == 1)
        .collect();
    let degree: HashMap<usize, usize> = pixels
        .iter()
        .map(|&i| (i, links(grid, i).count()))
        .collect();
    let mut node_of = nodes(grid, &pixels, &degree);
    let mut chains = walk(grid, &pixels, &degree, &node_of);
    if let Some(faint) = faint {
        cut_faint(&mut chains, &mut node_of, faint);
    }
    // Pruning a spur can leave a hole's two sides meeting only each
    // other, and closing a hole can leave a spur.
    close_bubbles(&mut chains, min_spur_px);
    prune(&mut chains, min_spur_px, min_lone_px, faint);
    chains = join(chains);
    while close_bubbles(&mut chains, min_spur_px) {
        prune(&mut chains, min_spur_px, min_lone_px, faint);
        chains = join(chains);
    }
    let centres = node_centres(grid, &node_of);
    let mut uses: HashMap<usize, usize> = HashMap::new();
    for chain in &chains {
        for node in chain.ends.iter().flatten() {
            *uses.entry(*node).or_default() += 1;
        }
    }
    chains
        .into_iter()
        .map(|chain| {
            let mut stroke = to_stroke(grid, &chain, &centres);
            if let Some([a, b]) = chain.ends {
                stroke.free = [uses.get(&a) == Some(&1), uses.get(&b) == Some(&1)];
            }
            stroke
        })
        .filter(|s| s.points.len() >= 2)
        .collect()
}

/// Node id of every end and junction pixel (neighbouring junction pixels
/// share one id).
fn nodes(grid: &Grid, pixels: &[usize], degree: &HashMap<usize, usize>) -> HashMap<usize, usize> {
    let mut node_of: HashMap<usize, usize> = HashMap::new();
    let mut next = 0;
    for &start in pixels {
        let d = degree.get(&start).copied().unwrap_or(0);
        if d == 2 || node_of.contains_key(&start) {
            continue;
        }
        node_of.insert(start, next);
        if d >= 3 {
            // Gather the junction's neighbouring junction pixels.
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                for n in links(grid, i) {
                    if degree.get(&n).is_some_and(|&d| d >= 3) && !node_of.contains_key(&n) {
                        node_of.insert(n, next);
                        stack.push(n);
                    }
                }
            }
        }
        next += 1;
    }
    node_of
}

/// Every chain from node to node, then the loops without any node.
fn walk(
    grid: &Grid,
    pixels: &[usize],
    degree: &HashMap<usize, usize>,
    node_of: &HashMap<usize, usize>,
) -> Vec<Chain> {
    let mut visited: HashMap<usize, bool> = HashMap::new();
    let mut chains = Vec::new();
    let mut seen_pairs: std::collections::HashSet<(usize, usize)> = Default::default();
    for &start in pixels {
        let Some(&from) = node_of.get(&start) else {
            continue;
        };
        for first in links(grid, start) {
            if node_of.get(&first) == Some(&from) {
                continue; // inside the same junction
            }
            if !seen_pairs.insert((start, first)) {
                continue;
            }
            let mut chain = vec![start, first];
            let (mut previous, mut current) = (start, first);
            while !node_of.contains_key(&current) {
                visited.insert(current, true);
                let Some(next) = links(grid, current).find(|&n| n != previous) else {
                    break;
                };
                chain.push(next);
                (previous, current) = (current, next);
                if current == start {
                    break;
                }
            }
            let Some(&to) = node_of.get(&current) else {
                continue;
            };
            seen_pairs.insert((current, previous));
            chains.push(Chain {
                pixels: chain,
                ends: Some([from, to]),
            });
        }
    }
    for &start in pixels {
        if node_of.contains_key(&start) || visited.contains_key(&start) {
            continue;
        }
        if degree.get(&start) != Some(&2) {
            continue;
        }
        let mut chain = vec![start];
        visited.insert(start, true);
        let (mut previous, mut current) = (usize::MAX, start);
        while let Some(next) =
            links(grid, current).find(|&n| n != previous && !visited.contains_key(&n))
        {
            visited.insert(next, true);
            chain.push(next);
            (previous, current) = (current, next);
        }
        chains.push(Chain {
            pixels: chain,
            ends: None,
        });
    }
    chains
}

/// Longest the side of a small hole in a line's ink bent round it is, in
/// spurs' lengths (`close_bubbles`): round a hole at a crest of a 1.5 px
/// pen's line at q30, 7 px where spurs go under 6.6 px, and its two
/// junctions were placed where the crest's flanks meet, 3.4 px off.
const BENT_SIDE_SPURS: f64 = 1.5;

/// Closes the small holes in a line's ink: a speck of paper inside a
/// stroke (JPEG noise in a dim corner) thins to two short chains between
/// the same two junctions, one either side of the hole, where the line
/// is one stroke. Of each such pair, the shorter under `min_px` and the
/// longer under [`BENT_SIDE_SPURS`] times it, the longer (the one bent
/// round the hole) goes; the shorter runs straighter across it, and
/// `centre` moves it to the middle of the ink. The chains left meeting
/// two at a node are joined again by `prune`. A loop from a junction back
/// to it shorter than `min_px` is such a hole beside the junction, and
/// goes.
fn close_bubbles(chains: &mut Vec<Chain>, min_px: f64) -> bool {
    let short = |c: &Chain| (c.pixels.len() as f64) < min_px;
    let bent = |c: &Chain| (c.pixels.len() as f64) < BENT_SIDE_SPURS * min_px;
    // For each pair of distinct nodes, the shortest short chain between
    // them (by length, then place): a chain's twin, if it has one.
    let mut shortest: HashMap<[usize; 2], (usize, usize)> = HashMap::new();
    for (j, b) in chains.iter().enumerate() {
        if let Some([b0, b1]) = b.ends
            && b0 != b1
            && short(b)
        {
            let key = (b.pixels.len(), j);
            let best = shortest.entry([b0.min(b1), b0.max(b1)]).or_insert(key);
            *best = (*best).min(key);
        }
    }
    let mut longer_of_pair = Vec::new();
    for (i, a) in chains.iter().enumerate() {
        let Some([a0, a1]) = a.ends else { continue };
        // A hole beside a junction thins to a loop from the junction
        // back to it, as short: it goes.
        if a0 == a1 && short(a) {
            longer_of_pair.push(i);
            continue;
        }
        if a0 == a1 || !bent(a) {
            continue;
        }
        if shortest
            .get(&[a0.min(a1), a0.max(a1)])
            .is_some_and(|&twin| twin < (a.pixels.len(), i))
        {
            longer_of_pair.push(i);
        }
    }
    let closed = !longer_of_pair.is_empty();
    // In one pass: removed one at a time, the chains after each moved.
    let mut gone = vec![false; chains.len()];
    longer_of_pair.into_iter().for_each(|k| gone[k] = true);
    let mut k = 0;
    chains.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    closed
}

/// Longest a faint spur is, in spurs' lengths (`prune`): a branch of
/// noise off a 1.5 px pen's line in a deep shadow at q30 was 7 px long
/// where spurs go under 6.6 px, and 6.5 px off the drawing.
const FAINT_SPUR_SPURS: f64 = 2.0;

/// Drops spurs and specks. A spur is a chain shorter than `min_px` from a
/// free end to a node where at least two other chains meet; the shortest
/// goes first, so of the two whiskers thinning leaves at a blunt line end
/// one stays and carries the line on to its end. With `faint`, a chain
/// so from a free end up to [`FAINT_SPUR_SPURS`] times as long is a spur
/// as well where it is on average fainter than `faint.spur_below`: noise
/// touching a line in a deep shadow. Chains are joined again
/// after each spur goes: a speck of noise beside a line thins to a stem
/// with two whiskers, and once one whisker is gone the stem and the other
/// are one spur. A speck is a lone chain
/// (both ends free, or a loop) shorter than `min_lone_px`.
fn prune(chains: &mut Vec<Chain>, min_px: f64, min_lone_px: f64, faint: Option<&Faint<'_>>) {
    let faint_spur = |c: &Chain| {
        (c.pixels.len() as f64) < FAINT_SPUR_SPURS * min_px
            && faint.is_some_and(|faint| {
                mean_depth(&c.pixels, faint).is_some_and(|depth| depth < faint.spur_below)
            })
    };
    let is_spur = |net: &Net, k: usize| {
        let c = &net.chains[k];
        ((c.pixels.len() as f64) < min_px || faint_spur(c))
            && match c.ends {
                Some([a, b]) => {
                    (net.count(a) == 1 && net.count(b) >= 3)
                        || (net.count(b) == 1 && net.count(a) >= 3)
                }
                None => false,
            }
    };
    let mut net = Net::new(std::mem::take(chains));
    // The spurs by length, then by place in the list: the first goes
    // first. `keyed[k]`: chain k's length as a spur in `spurs`.
    let mut spurs: Spurs = Spurs::default();
    for k in 0..net.chains.len() {
        spurs.keyed.push(None);
        spurs.refresh(&net, k, is_spur(&net, k));
    }
    while let Some(&(_, k)) = spurs.by_length.first() {
        let ends = net.chains[k].ends;
        spurs.forget(k);
        let (_, moved) = net.remove(k);
        spurs.follow(k, moved);
        // The chains left meeting two at a node are one line now: a
        // speck's stem and its whisker together are one spur.
        net.join_all(|net, joined| {
            if let Some(removed) = joined.removed {
                spurs.forget(removed);
                spurs.follow(removed, joined.moved);
            }
            if let Some(grown) = joined.grown {
                spurs.refresh(net, grown, is_spur(net, grown));
            }
        });
        for node in ends.into_iter().flatten() {
            for &c in net.chains_at(node) {
                spurs.refresh(&net, c, is_spur(&net, c));
            }
        }
    }
    let keep: Vec<bool> = net
        .chains
        .iter()
        .map(|chain| {
            let lone = match chain.ends {
                None => true,
                Some([a, b]) => net.count(a) == 1 && net.count(b) == 1,
            };
            !lone || chain.pixels.len() as f64 >= min_lone_px
        })
        .collect();
    *chains = net
        .chains
        .into_iter()
        .zip(keep)
        .filter_map(|(chain, keep)| keep.then_some(chain))
        .collect();
}

/// The spurs waiting to be pruned, shortest first, then by place.
#[derive(Default)]
struct Spurs {
    by_length: BTreeSet<(usize, usize)>,
    /// For each chain (by place), its length when it was put in.
    keyed: Vec<Option<usize>>,
}

impl Spurs {
    /// Puts chain `k` in or takes it out as it now is.
    fn refresh(&mut self, net: &Net, k: usize, spur: bool) {
        self.forget(k);
        if spur {
            let length = net.chains[k].pixels.len();
            self.by_length.insert((length, k));
            self.keyed[k] = Some(length);
        }
    }

    fn forget(&mut self, k: usize) {
        if let Some(length) = self.keyed[k].take() {
            self.by_length.remove(&(length, k));
        }
    }

    /// Chain `k` left the list and the last took its place (`moved`).
    fn follow(&mut self, k: usize, moved: Moved) {
        self.keyed.swap_remove(k);
        if let Some((from, to)) = moved
            && let Some(length) = self.keyed[to]
        {
            self.by_length.remove(&(length, from));
            self.by_length.insert((length, to));
        }
    }
}

/// Centre of each node in pixel coordinates.
fn node_centres(grid: &Grid, node_of: &HashMap<usize, usize>) -> HashMap<usize, [f64; 2]> {
    let mut sums: HashMap<usize, [f64; 3]> = HashMap::new();
    // Pixels in order: sums of floats in a hash map's order would differ
    // in their last bits from run to run.
    let mut pixels: Vec<(usize, usize)> = node_of.iter().map(|(&i, &n)| (i, n)).collect();
    pixels.sort_unstable();
    for (i, node) in pixels {
        let (x, y) = grid.xy(i);
        let s = sums.entry(node).or_default();
        s[0] += x as f64 + 0.5;
        s[1] += y as f64 + 0.5;
        s[2] += 1.0;
    }
    sums.into_iter()
        .map(|(node, [x, y, n])| (node, [x / n, y / n]))
        .collect()
}

/// Passes of the [1 2 1] / 4 smoothing over a stroke's points: enough to
/// turn pixel steps into a straight line, too few to round real corners.
const SMOOTHING_PASSES: usize = 4;

/// A chain as a smoothed polyline; ends at junctions move to the junction's
/// centre, free ends stay.
fn to_stroke(grid: &Grid, chain: &Chain, centres: &HashMap<usize, [f64; 2]>) -> Stroke {
    let mut points: Vec<[f64; 2]> = chain
        .pixels
        .iter()
        .map(|&i| {
            let (x, y) = grid.xy(i);
            [x as f64 + 0.5, y as f64 + 0.5]
        })
        .collect();
    let closed = chain.ends.is_none();
    if closed && points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if let Some([a, b]) = chain.ends {
        if let (Some(first), Some(&centre)) = (points.first_mut(), centres.get(&a)) {
            *first = centre;
        }
        if let (Some(last), Some(&centre)) = (points.last_mut(), centres.get(&b)) {
            *last = centre;
        }
    }
    smooth(&mut points, closed);
    Stroke {
        points,
        closed,
        free: [false; 2],
    }
}

/// Smooths pixel steps away, keeping corners: a point where the line turns
/// by more than [`CORNER_DEG`] over [`CORNER_REACH`] pixels either side
/// (the sharpest of its neighbourhood) stays put.
fn smooth(points: &mut [[f64; 2]], closed: bool) {
    let n = points.len();
    if n < 3 {
        return;
    }
    let pinned = corners(points, closed);
    for _ in 0..SMOOTHING_PASSES {
        let before = points.to_vec();
        let range = if closed { 0..n } else { 1..n - 1 };
        for k in range {
            if pinned[k] {
                continue;
            }
            let (p, q, r) = (before[(k + n - 1) % n], before[k], before[(k + 1) % n]);
            points[k] = [
                (p[0] + 2.0 * q[0] + r[0]) / 4.0,
                (p[1] + 2.0 * q[1] + r[1]) / 4.0,
            ];
        }
    }
}

/// Turn angle beyond which a point is a corner, degrees.
const CORNER_DEG: f64 = 50.0;
/// Pixels either side over which the turn is measured.
pub(super) const CORNER_REACH: usize = 3;

fn corners(points: &[[f64; 2]], closed: bool) -> Vec<bool> {
    let n = points.len();
    // The turn at point `k` over `reach` points either side; `None` where
    // an open line has not that many.
    let turn = |k: usize, reach: usize| -> Option<f64> {
        let (a, b) = if closed {
            ((k + n - reach % n) % n, (k + reach) % n)
        } else if k >= reach && k + reach < n {
            (k - reach, k + reach)
        } else {
            return None;
        };
        let (p, q, r) = (points[a], points[k], points[b]);
        let (u, v) = ([q[0] - p[0], q[1] - p[1]], [r[0] - q[0], r[1] - q[1]]);
        let cross = u[0] * v[1] - u[1] * v[0];
        let dot = u[0] * v[0] + u[1] * v[1];
        Some(cross.atan2(dot).abs().to_degrees())
    };
    let turns: Vec<f64> = (0..n)
        .map(|k| turn(k, CORNER_REACH).unwrap_or(0.0))
        .collect();
    (0..n)
        .map(|k| {
            let sharpest = (1..=CORNER_REACH).all(|d| {
                let (before, after) = if closed {
                    ((k + n - d % n) % n, (k + d) % n)
                } else {
                    (k.saturating_sub(d), (k + d).min(n - 1))
                };
                turns[k] >= turns[before] && turns[k] >= turns[after]
            });
            // A kink of the thinned line (a staircase where JPEG's blocks
            // shift the ink) turns as sharply over a few pixels, but not
            // over twice as many.
            let wide = turn(k, 2 * CORNER_REACH).is_none_or(|t| t > CORNER_DEG);
            turns[k] > CORNER_DEG && sharpest && wide
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::faint::FAINT_REACH;
    use super::*;

    #[test]
    fn a_speck_on_a_stem_beside_a_line_is_one_spur() {
        // A thinned line with a speck of noise joined to it: a stem of
        // three pixels forking into two whiskers.
        let g = Grid::from_art(&[
            "................................",
            "..............#.#...............",
            "...............#................",
            "...............#................",
            "...............#................",
            ".##############################.",
            "................................",
        ]);
        let found = strokes(&g, 6.0, 10.0, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].points.iter().all(|p| p[1] == 5.5), "{found:?}");
    }

    #[test]
    fn a_hole_left_by_a_pruned_spur_is_closed_across() {
        // A hole in a line's ink, its lower side forked by a speck of
        // noise: only once the speck's spur is pruned are the hole's two
        // sides two chains between the same two junctions.
        let g = Grid::from_art(&[
            "................................",
            ".##############################.",
            ".............#...#..............",
            "..............#.#...............",
            "...............#................",
            "...............#................",
            "...............#................",
            "................................",
        ]);
        let found = strokes(&g, 8.0, 10.0, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].points.iter().all(|p| p[1] == 1.5), "{found:?}");
    }

    /// Depths for [`Faint`]: 0.4 (the pen's ink) but on the pixels of
    /// `faint` (x, y), 0.05.
    fn depths(g: &Grid, faint: impl Fn(usize, usize) -> bool) -> impl Fn(usize) -> Option<f64> {
        let stride = g.stride;
        move |i| {
            let (x, y) = (i % stride - 1, i / stride - 1);
            Some(if faint(x, y) { 0.05 } else { 0.4 })
        }
    }

    #[test]
    fn a_faint_bridge_between_two_lines_is_cut() {
        // Two lines joined by a trail of noise hardly darker than the
        // paper: two lines, not an H.
        let g = Grid::from_art(&[
            "................................",
            ".##############################.",
            "...............#................",
            "...............#................",
            "...............#................",
            "...............#................",
            "...............#................",
            "...............#................",
            ".##############################.",
            "................................",
        ]);
        let depth = depths(&g, |_, y| (2..=7).contains(&y));
        let faint = Faint {
            depth: &depth,
            below: 0.15,
            spur_below: 0.0,
        };
        let found = strokes(&g, 6.0, 10.0, Some(&faint));
        assert_eq!(found.len(), 2, "{found:?}");
        for stroke in &found {
            assert!(stroke.free == [true, true], "{stroke:?}");
            let y = stroke.points[0][1];
            assert!(stroke.points.iter().all(|p| p[1] == y), "{stroke:?}");
        }
    }

    #[test]
    fn a_faint_branch_longer_than_a_spur_is_pruned_and_a_dark_one_kept() {
        // A line with two branches of 7 pixels, longer than a spur: the
        // left one faint (noise touching the line), the right one as dark
        // as the line (a drawn stroke).
        let g = Grid::from_art(&[
            "................................",
            ".......#...............#........",
            ".......#...............#........",
            ".......#...............#........",
            ".......#...............#........",
            ".......#...............#........",
            ".......#...............#........",
            ".......#...............#........",
            ".##############################.",
            "................................",
        ]);
        let depth = depths(&g, |x, y| x == 7 && y < 8);
        let faint = Faint {
            depth: &depth,
            below: 0.01,
            spur_below: 0.2,
        };
        let found = strokes(&g, 6.0, 10.0, Some(&faint));
        let branch_pixels = |x: f64| {
            found
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| p[0] == x && p[1] < 7.0)
                .count()
        };
        assert_eq!(branch_pixels(7.5), 0, "{found:?}");
        assert!(branch_pixels(23.5) > 0, "{found:?}");
    }

    #[test]
    fn a_small_loop_from_a_junction_back_to_it_is_a_hole_and_goes() {
        // A line whose end runs into a ring of four pixels (a speck of
        // paper inside its ink): one line, no loop.
        let g = Grid::from_art(&[
            "....................",
            "........#...........",
            ".......#.#..........",
            "........#...........",
            "........#...........",
            ".########...........",
            "....................",
        ]);
        let found = strokes(&g, 6.0, 4.0, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(!found[0].closed, "{found:?}");
        assert!(found[0].points.iter().all(|p| p[1] >= 3.0), "{found:?}");
    }

    #[test]
    fn a_line_carried_on_along_faint_noise_ends_short_of_it() {
        let g = Grid::from_art(&[
            "................................",
            ".##############################.",
            "................................",
        ]);
        // The ink ends at x = 20; the thinned line goes on through noise.
        let depth = depths(&g, |x, _| x > 20);
        let faint = Faint {
            depth: &depth,
            below: 0.15,
            spur_below: 0.0,
        };
        let found = strokes(&g, 6.0, 10.0, Some(&faint));
        assert_eq!(found.len(), 1, "{found:?}");
        let xs: Vec<f64> = found[0].points.iter().map(|p| p[0]).collect();
        let far = xs.iter().copied().fold(0.0, f64::max);
        // Its last pixel kept is the ink's, or the next (the depth is
        // averaged over a few pixels), less the FAINT_REACH pixels that
        // may still be the trail's: the end is carried on from the grey
        // levels later (`lines`).
        let reach = FAINT_REACH as f64;
        assert!((20.5 - reach..=21.5 - reach).contains(&far), "{xs:?}");
    }

    #[test]
    fn a_hole_in_a_line_is_closed_across_not_round() {
        // A thinned line with a speck of paper in its ink: two short
        // chains between the same two junctions, one straight along the
        // line, one bent round the hole.
        let g = Grid::from_art(&[
            "................................",
            "................................",
            "................................",
            ".##############################.",
            ".............#...#..............",
            "..............###...............",
            "................................",
        ]);
        let found = strokes(&g, 8.0, 10.0, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].points.iter().all(|p| p[1] == 3.5), "{found:?}");
    }
}

/// The former joining, pruning and hole closing, one chain at a time with
/// all ends counted anew, compared with the ones above.
#[cfg(test)]
#[path = "strokes_before.rs"]
mod before;
