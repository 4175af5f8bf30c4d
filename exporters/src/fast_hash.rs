//! A quick hasher for the exporters' own integer keys (grid cells, vertex
//! ids), in place of the standard library's SipHash.
//!
//! Why: the laser clean-up looks up grid cells and vertex ids a hundred
//! thousand times for a traced picture, and SipHash (built to resist
//! keys chosen by an attacker) made that most of the laser SVG writer's
//! time. These keys are small integers from our own arithmetic; a
//! multiply-and-rotate hash (as rustc's `FxHash`) spreads them well.
//!
//! Current limitations: not resistant to chosen keys. A file built so that
//! many points fall in cells whose hashes collide would make the clean-up
//! slower (quadratic in the colliding points), never wrong.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Multiply-and-rotate hashing of integer words.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher(u64);

/// An odd constant with well-mixed bits (rustc-hash's).
const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The product's best-mixed bits are its high ones; hash tables
        // pick buckets with the low ones.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_cells_hash_apart() {
        let mut seen = std::collections::HashSet::new();
        for x in -50_i64..50 {
            for y in -50_i64..50 {
                let mut h = FastHasher::default();
                h.write_i64(x);
                h.write_i64(y);
                // The low 12 bits: the bucket in a table of 4096.
                seen.insert(h.finish() & 0xfff);
            }
        }
        // Random hashes would fill 4096 × (1 − e^(−10000/4096)) ≈ 3740
        // buckets; this one fills 3844.
        assert!(seen.len() >= 3_740, "{}", seen.len());
    }
}
