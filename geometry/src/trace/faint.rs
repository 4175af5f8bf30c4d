//! Stretches of a thinned line hardly darker than the paper around them:
//! the noise of a deep shadow that the threshold lets through, which
//! bridges lines, carries them on or branches off them. Cut out of the
//! chains where the grey levels are known (`contrast`), before `strokes`
//! prunes its spurs.

use std::collections::HashMap;

use super::chain_net::Chain;

/// What tells a stretch of thinned line too faint to be the pen's ink.
pub struct Faint<'a> {
    /// How far below the paper around it a pixel of the grid is (by
    /// index), as a share of the paper's brightness (`contrast`).
    pub depth: &'a dyn Fn(usize) -> Option<f64>,
    /// The depth under which a line is faint.
    pub below: f64,
    /// The mean depth under which a short branch off a line is noise
    /// (`prune`).
    pub spur_below: f64,
}

/// The mean depth of `pixels` where it is known, `None` where it is not.
pub(super) fn mean_depth(pixels: &[usize], faint: &Faint<'_>) -> Option<f64> {
    let (sum, count) = pixels
        .iter()
        .filter_map(|&i| (faint.depth)(i))
        .fold((0.0, 0_u32), |(sum, count), d| (sum + d, count + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// Pixels either side over which a thinned line's depth is averaged:
/// one pixel's grey level is noise, a few pixels' are the line's.
pub(super) const FAINT_REACH: usize = 2;
/// Fewest faint pixels in a row that are cut out of a line between two
/// nodes (a faint stretch at a free end goes whatever its length, and
/// [`FAINT_REACH`] pixels more).
const MIN_FAINT_RUN: usize = 3;

/// Cuts the faint stretches out of the chains: where the thinned line
/// lies on pixels hardly darker than the paper around them, on average
/// over a few pixels (the noise of a deep shadow at strong JPEG
/// compression, which a paper level read a little too bright turns into
/// trails of "ink" bridging lines, carrying them on or branching off
/// them). The pieces left end freely where a stretch was cut (new nodes
/// in `node_of`); what is left of a bridge between two lines is a pair of
/// stubs, which `prune` removes as spurs.
pub(super) fn cut_faint(
    chains: &mut Vec<Chain>,
    node_of: &mut HashMap<usize, usize>,
    faint: &Faint<'_>,
) {
    let mut uses: HashMap<usize, usize> = HashMap::new();
    for chain in chains.iter() {
        for node in chain.ends.iter().flatten() {
            *uses.entry(*node).or_default() += 1;
        }
    }
    let free = |node: usize| uses.get(&node) == Some(&1);
    let mut next_node = node_of.values().max().map_or(0, |m| m + 1);
    let mut new_node = |pixel: usize| {
        node_of.insert(pixel, next_node);
        next_node += 1;
        next_node - 1
    };
    let mut out = Vec::with_capacity(chains.len());
    for mut chain in std::mem::take(chains) {
        let free_ends = chain.ends.map_or([false; 2], |[a, b]| [free(a), free(b)]);
        let mut cut = faint_stretches(&chain.pixels, faint, free_ends);
        if !cut.contains(&true) {
            out.push(chain);
            continue;
        }
        // A loop opens where a faint stretch starts.
        let ends = match chain.ends {
            Some([a, b]) => [Some(a), Some(b)],
            None => {
                let first = cut.iter().position(|&c| c).unwrap_or(0);
                chain.pixels.rotate_left(first);
                cut.rotate_left(first);
                [None, None]
            }
        };
        let n = chain.pixels.len();
        let mut k = 0;
        while k < n {
            let start = k;
            while k < n && !cut[k] {
                k += 1;
            }
            if k - start >= 2 {
                let pixels = chain.pixels[start..k].to_vec();
                let first = ends[0]
                    .filter(|_| start == 0)
                    .unwrap_or_else(|| new_node(pixels[0]));
                let last = ends[1]
                    .filter(|_| k == n)
                    .unwrap_or_else(|| new_node(pixels[pixels.len() - 1]));
                out.push(Chain {
                    pixels,
                    ends: Some([first, last]),
                });
            }
            while k < n && cut[k] {
                k += 1;
            }
        }
    }
    *chains = out;
}

/// Which of a chain's `pixels` lie in a faint stretch that goes: a run
/// of pixels whose depth, averaged over [`FAINT_REACH`] pixels either
/// side, is under `faint.below`, [`MIN_FAINT_RUN`] pixels long or at one
/// of the chain's ends that are free (`free_ends`).
fn faint_stretches(pixels: &[usize], faint: &Faint<'_>, free_ends: [bool; 2]) -> Vec<bool> {
    let n = pixels.len();
    let depth: Vec<Option<f64>> = pixels.iter().map(|&i| (faint.depth)(i)).collect();
    let low: Vec<bool> = (0..n)
        .map(|k| {
            let (mut sum, mut count) = (0.0, 0);
            for d in depth[k.saturating_sub(FAINT_REACH)..(k + FAINT_REACH + 1).min(n)]
                .iter()
                .flatten()
            {
                sum += d;
                count += 1;
            }
            count > 0 && sum < faint.below * f64::from(count)
        })
        .collect();
    let mut cut = vec![false; n];
    let mut k = 0;
    while k < n {
        let start = k;
        while k < n && low[k] {
            k += 1;
        }
        let at_free_end = (start == 0 && free_ends[0]) || (k == n && free_ends[1]);
        if k > start && (at_free_end || k - start >= MIN_FAINT_RUN) {
            // The depth is averaged over a few pixels: at a free end the
            // last of those read as ink may still be the faint trail's
            // (a line end's hook into noise), and the end goes back by as
            // many; the end is carried on again from the grey levels.
            let (from, to) = if at_free_end && k == n {
                (start.saturating_sub(FAINT_REACH), k)
            } else if at_free_end {
                (start, (k + FAINT_REACH).min(n))
            } else {
                (start, k)
            };
            cut[from..to].fill(true);
        }
        k += 1;
    }
    cut
}
