//! The hash tables of the exporters' own integer keys (grid cells, vertex
//! ids): foldhash's fast hasher in place of the standard library's
//! SipHash.
//!
//! Why: the laser clean-up looks up grid cells and vertex ids a hundred
//! thousand times for a traced picture, and SipHash (built to resist keys
//! chosen by an attacker) made that most of the laser SVG writer's time.
//! foldhash (the default hasher of `hashbrown`, already in our tree) is
//! several times quicker on such keys, mixes small neighbouring integers
//! well, and seeds each table at random, so a file cannot be built in
//! advance to make its points' cells collide and the clean-up quadratic.
//! A hand-written multiply-rotate hasher with a fixed start was tried
//! first and dropped for that reason.
//!
//! Current limitations: foldhash is not meant to resist an attacker who
//! can watch the timings of many runs; the app and the CLI hash only the
//! drawing in front of them.

use std::collections::{HashMap, HashSet};

/// A `HashMap` with foldhash's fast, randomly seeded hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with foldhash's fast, randomly seeded hasher.
pub(crate) type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher as _;

    #[test]
    fn neighbouring_cells_hash_apart() {
        // Fixed seeds, so that the test gives the same answer on every
        // run (the tables' random seeds are drawn from the same family).
        let filled: Vec<usize> = (0..64_u64)
            .map(|seed| {
                let state = foldhash::fast::FixedState::with_seed(seed);
                let mut seen = std::collections::HashSet::new();
                for x in -50_i64..50 {
                    for y in -50_i64..50 {
                        // The low 12 bits: the bucket in a table of 4096.
                        seen.insert(state.hash_one((x, y)) & 0xfff);
                    }
                }
                seen.len()
            })
            .collect();
        // Random hashes would fill 4096 × (1 − e^(−10000/4096)) ≈ 3740
        // buckets; these seeds fill 3,692–3,717 (2026-12-05). A hasher
        // that kept only the low bits of x and y would fill 100. (With the
        // tables' random seeds a run once filled fewer than 3,500: a test
        // that fails one run in many is no test, hence fixed seeds.)
        let worst = filled.iter().min().copied().unwrap_or(0);
        assert!(worst >= 3_600, "{filled:?}");
    }
}
