//! Chains of pixels meeting at nodes, with each node's chain ends kept up
//! to date, so that joining two chains at a node or dropping a spur
//! touches only the chains at that node.
//!
//! Why: `strokes` used to join chains one node at a time, counting every
//! chain's ends anew for each node, and to prune spurs one at a time with
//! such a join after each: cubic in the number of chains. On a photo of
//! noise (tens of thousands of chains) `fabrique trace --lines` ran for
//! over 18 minutes. The joins and the pruning go in the same order as
//! before (nodes by id; spurs shortest first, then by place in the list,
//! which changes as before when a chain leaves it), so the lines are the
//! same.

use std::collections::{BTreeSet, HashMap};

/// One chain of pixels between two nodes (ends or junctions), or a loop.
pub(super) struct Chain {
    pub pixels: Vec<usize>,
    /// Node ids at both ends (`None` for loops).
    pub ends: Option<[usize; 2]>,
}

/// Chains and, for each node, the chains with an end there (a chain with
/// both ends at one node is there twice).
pub(super) struct Net {
    pub chains: Vec<Chain>,
    at: HashMap<usize, Vec<usize>>,
    /// The nodes where exactly two chain ends meet: chains to join.
    twos: BTreeSet<usize>,
}

/// A chain that moved in the list: it was at `from`, it is at `to`.
pub(super) type Moved = Option<(usize, usize)>;

impl Net {
    pub fn new(chains: Vec<Chain>) -> Self {
        let mut at: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, chain) in chains.iter().enumerate() {
            for node in chain.ends.iter().flatten() {
                at.entry(*node).or_default().push(k);
            }
        }
        let twos = at
            .iter()
            .filter(|(_, c)| c.len() == 2)
            .map(|(&n, _)| n)
            .collect();
        Self { chains, at, twos }
    }

    /// How many chain ends meet at `node`.
    pub fn count(&self, node: usize) -> usize {
        self.at.get(&node).map_or(0, Vec::len)
    }

    /// The chains with an end at `node`.
    pub fn chains_at(&self, node: usize) -> &[usize] {
        self.at.get(&node).map_or(&[], Vec::as_slice)
    }

    fn counted(&mut self, node: usize) {
        if self.count(node) == 2 {
            self.twos.insert(node);
        } else {
            self.twos.remove(&node);
        }
    }

    fn unlink(&mut self, node: usize, chain: usize) {
        if let Some(list) = self.at.get_mut(&node)
            && let Some(p) = list.iter().position(|&c| c == chain)
        {
            list.swap_remove(p);
        }
        self.counted(node);
    }

    fn link(&mut self, node: usize, chain: usize) {
        self.at.entry(node).or_default().push(chain);
        self.counted(node);
    }

    /// Takes chain `k` out as `Vec::swap_remove` does (the last chain
    /// takes its place), with the nodes' lists following.
    pub fn remove(&mut self, k: usize) -> (Chain, Moved) {
        for node in self.chains[k].ends.into_iter().flatten() {
            self.unlink(node, k);
        }
        let last = self.chains.len() - 1;
        let chain = self.chains.swap_remove(k);
        if k == last {
            return (chain, None);
        }
        for node in self.chains[k].ends.into_iter().flatten() {
            if let Some(list) = self.at.get_mut(&node) {
                list.iter_mut().filter(|c| **c == last).for_each(|c| *c = k);
            }
        }
        (chain, Some((last, k)))
    }

    /// Joins the two chains that end at `node` (which must have exactly
    /// two ends) into the first in the list, or makes a loop of a chain
    /// whose two ends are there.
    pub fn join_at(&mut self, node: usize) -> Joined {
        let pair = self.chains_at(node).to_vec();
        let [a, b] = pair[..] else {
            return Joined::default();
        };
        if a == b {
            // One chain whose two ends meet: a loop.
            self.chains[a].ends = None;
            self.unlink(node, a);
            self.unlink(node, a);
            return Joined {
                grown: Some(a),
                ..Joined::default()
            };
        }
        let (first, second) = (a.min(b), a.max(b));
        let (Some(head_ends), Some(tail_ends)) =
            (self.chains[first].ends, self.chains[second].ends)
        else {
            return Joined::default();
        };
        // The far ends, and whether only these two chains end there.
        let far = |ends: [usize; 2]| if ends[1] == node { ends[0] } else { ends[1] };
        let (head_far, tail_far) = (far(head_ends), far(tail_ends));
        let only_these = self.count(head_far) == 2;
        self.unlink(node, first);
        let (mut tail, moved) = self.remove(second);
        let head = &mut self.chains[first];
        if head_ends[1] != node {
            head.pixels.reverse();
        }
        if tail_ends[0] != node {
            tail.pixels.reverse();
        }
        head.pixels.extend(tail.pixels.into_iter().skip(1));
        head.ends = Some([head_far, tail_far]);
        self.link(tail_far, first);
        if head_far == tail_far && only_these {
            self.chains[first].ends = None;
            self.unlink(head_far, first);
            self.unlink(head_far, first);
        }
        Joined {
            grown: Some(first),
            removed: Some(second),
            moved,
        }
    }

    /// Joins the chains at every node where exactly two meet, by node id,
    /// telling `each` what every join changed.
    pub fn join_all(&mut self, mut each: impl FnMut(&Self, Joined)) {
        while let Some(node) = self.twos.pop_first() {
            if self.count(node) == 2 {
                let joined = self.join_at(node);
                each(self, joined);
            }
        }
    }
}

/// What one join changed in the list of chains.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Joined {
    /// The chain that grew, or became a loop.
    pub grown: Option<usize>,
    /// The place of the chain taken out (joined onto the first).
    pub removed: Option<usize>,
    /// The chain that took its place.
    pub moved: Moved,
}

/// Joins chains end to end at nodes where exactly two of them meet, in
/// the order of the nodes' ids (the same every run, so that where a loop
/// starts and how its points are smoothed do not change).
pub(super) fn join(chains: Vec<Chain>) -> Vec<Chain> {
    let mut net = Net::new(chains);
    net.join_all(|_, _| {});
    net.chains
}

/// The former join, and random chains to compare it with.
#[cfg(test)]
pub(super) mod testing {
    use super::*;

    /// The former join, one node at a time with all ends counted anew.
    pub fn join_by_counting(mut chains: Vec<Chain>) -> Vec<Chain> {
        use std::collections::BTreeMap;
        loop {
            let mut uses: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (k, chain) in chains.iter().enumerate() {
                for node in chain.ends.iter().flatten() {
                    uses.entry(*node).or_default().push(k);
                }
            }
            let Some((&node, pair)) = uses.iter().find(|(_, c)| c.len() == 2) else {
                return chains;
            };
            let (a, b) = (pair[0], pair[1]);
            if a == b {
                chains[a].ends = None;
                continue;
            }
            let (first, second) = (a.min(b), a.max(b));
            let mut tail = chains.swap_remove(second);
            let head = &mut chains[first];
            let (Some(mut head_ends), Some(mut tail_ends)) = (head.ends, tail.ends) else {
                return chains;
            };
            if head_ends[1] != node {
                head.pixels.reverse();
                head_ends.swap(0, 1);
            }
            if tail_ends[0] != node {
                tail.pixels.reverse();
                tail_ends.swap(0, 1);
            }
            head.pixels.extend(tail.pixels.into_iter().skip(1));
            head.ends = Some([head_ends[0], tail_ends[1]]);
            if head_ends[0] == tail_ends[1] && uses.get(&head_ends[0]).is_some_and(|c| c.len() == 2)
            {
                head.ends = None;
            }
        }
    }

    /// Random chains between a few nodes, from a seed.
    pub fn random_chains(seed: u64, count: usize, nodes: usize) -> Vec<Chain> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = |m: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % m
        };
        (0..count)
            .map(|k| {
                let length = 2 + next(12);
                let pixels = (0..length).map(|p| k * 100 + p).collect();
                let ends = (next(10) > 0).then(|| [next(nodes), next(nodes)]);
                Chain { pixels, ends }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{join_by_counting, random_chains};
    use super::*;

    #[test]
    fn joins_as_counting_every_end_anew_did() {
        for seed in 0..2000 {
            let count = 1 + (seed as usize % 40);
            let nodes = 1 + (seed as usize % 23);
            let fast = join(random_chains(seed, count, nodes));
            let slow = join_by_counting(random_chains(seed, count, nodes));
            assert_eq!(fast.len(), slow.len(), "seed {seed}");
            for (f, s) in fast.iter().zip(&slow) {
                assert_eq!((&f.pixels, f.ends), (&s.pixels, s.ends), "seed {seed}");
            }
        }
    }
}
