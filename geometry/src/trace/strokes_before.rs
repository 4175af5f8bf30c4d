//! Tests only: the former spur pruning and hole closing of `strokes`,
//! one chain at a time with every chain end counted anew (cubic, but
//! plainly right), and the check that the ones through `chain_net` give
//! the same chains.

use super::super::chain_net::Chain;
use super::super::chain_net::testing::{join_by_counting, random_chains};
use super::*;

fn old_close_bubbles(chains: &mut Vec<Chain>, min_px: f64) -> bool {
    let short = |c: &Chain| (c.pixels.len() as f64) < min_px;
    let bent = |c: &Chain| (c.pixels.len() as f64) < BENT_SIDE_SPURS * min_px;
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
        let twin = chains.iter().enumerate().find(|&(j, b)| {
            j != i
                && short(b)
                && b.ends
                    .is_some_and(|[b0, b1]| [b0, b1] == [a0, a1] || [b1, b0] == [a0, a1])
                && (b.pixels.len(), j) < (a.pixels.len(), i)
        });
        if twin.is_some() {
            longer_of_pair.push(i);
        }
    }
    let closed = !longer_of_pair.is_empty();
    for k in longer_of_pair.into_iter().rev() {
        chains.remove(k);
    }
    closed
}

fn old_prune(chains: &mut Vec<Chain>, min_px: f64, min_lone_px: f64, faint: Option<&Faint<'_>>) {
    let faint_spur = |c: &Chain| {
        (c.pixels.len() as f64) < FAINT_SPUR_SPURS * min_px
            && faint.is_some_and(|faint| {
                mean_depth(&c.pixels, faint).is_some_and(|depth| depth < faint.spur_below)
            })
    };
    loop {
        let mut uses: HashMap<usize, usize> = HashMap::new();
        for chain in chains.iter() {
            for node in chain.ends.iter().flatten() {
                *uses.entry(*node).or_default() += 1;
            }
        }
        let free = |n: &usize| uses.get(n) == Some(&1);
        let spur = chains
            .iter()
            .enumerate()
            .filter(|(_, c)| (c.pixels.len() as f64) < min_px || faint_spur(c))
            .filter(|(_, c)| match c.ends {
                Some([a, b]) => {
                    (free(&a) && uses.get(&b).is_some_and(|&u| u >= 3))
                        || (free(&b) && uses.get(&a).is_some_and(|&u| u >= 3))
                }
                None => false,
            })
            .min_by_key(|(_, c)| c.pixels.len())
            .map(|(k, _)| k);
        match spur {
            Some(k) => {
                chains.swap_remove(k);
                // The chains left meeting two at a node are one line now:
                // a speck's stem and its whisker together are one spur.
                *chains = join_by_counting(std::mem::take(chains));
            }
            None => break,
        }
    }
    let mut uses: HashMap<usize, usize> = HashMap::new();
    for chain in chains.iter() {
        for node in chain.ends.iter().flatten() {
            *uses.entry(*node).or_default() += 1;
        }
    }
    chains.retain(|chain| {
        let lone = match chain.ends {
            None => true,
            Some([a, b]) => uses.get(&a) == Some(&1) && uses.get(&b) == Some(&1),
        };
        !lone || chain.pixels.len() as f64 >= min_lone_px
    });
}

fn same(new: &[Chain], old: &[Chain]) -> bool {
    new.len() == old.len()
        && new
            .iter()
            .zip(old)
            .all(|(n, o)| n.pixels == o.pixels && n.ends == o.ends)
}

#[test]
fn pruning_and_closing_holes_give_what_they_gave_one_chain_at_a_time() {
    for seed in 0..3000 {
        let count = 1 + (seed as usize % 60);
        let nodes = 1 + (seed as usize % 31);
        let (min_px, min_lone) = (2.0 + (seed % 9) as f64, (seed % 13) as f64);
        let mut new = random_chains(seed, count, nodes);
        let mut old = random_chains(seed, count, nodes);
        let (closed_new, closed_old) = (
            close_bubbles(&mut new, min_px),
            old_close_bubbles(&mut old, min_px),
        );
        assert_eq!(closed_new, closed_old, "seed {seed}");
        assert!(same(&new, &old), "closing, seed {seed}");
        prune(&mut new, min_px, min_lone, None);
        old_prune(&mut old, min_px, min_lone, None);
        assert!(same(&new, &old), "pruning, seed {seed}");
    }
}
