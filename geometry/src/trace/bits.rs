//! 64 byte comparisons packed into one bitmap word, the inner loop of every
//! threshold.
//!
//! Written so that the compiler's baseline x86-64 (SSE2) code is fast
//! without `unsafe` intrinsics: the comparisons fill a 64-byte array of
//! 0/1 (plain vector compares), then each group of 8 bytes is gathered
//! into 8 bits by one multiplication. Shifting each comparison into place
//! one at a time (the obvious loop) compiles to two bytes per step and cost
//! about a quarter of a 3000 × 3000 trace.

/// Gathers 8 bytes that are each 0 or 1 into 8 bits (byte `i` → bit `i`):
/// the multiplication moves byte `i` to bit `56 + i`, and no partial sum
/// can carry into the top byte.
#[inline]
fn gather(lanes: &[u8; 8]) -> u64 {
    (u64::from_le_bytes(*lanes).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Bit `i` set where `lanes[i]` is 1 (each lane 0 or 1).
#[inline]
fn pack(lanes: &[u8; 64]) -> u64 {
    let mut bits = 0_u64;
    for (k, group) in lanes.chunks_exact(8).enumerate() {
        if let Some(group) = group.first_chunk::<8>() {
            bits |= gather(group) << (8 * k);
        }
    }
    bits
}

/// Bit `i` set where `luma[i] ^ flip < thresholds[i]`.
#[inline]
pub fn below_each(luma: &[u8; 64], thresholds: &[u8; 64], flip: u8) -> u64 {
    let mut lanes = [0_u8; 64];
    for ((lane, &l), &t) in lanes.iter_mut().zip(luma).zip(thresholds) {
        *lane = u8::from((l ^ flip) < t);
    }
    pack(&lanes)
}

/// Bit `i` set where `luma[i] < threshold`.
#[inline]
pub fn below(luma: &[u8; 64], threshold: u8) -> u64 {
    let mut lanes = [0_u8; 64];
    for (lane, &l) in lanes.iter_mut().zip(luma) {
        *lane = u8::from(l < threshold);
    }
    pack(&lanes)
}

/// [`below_each`] for a row's last, shorter run (up to 64 pixels).
pub fn below_tail(luma: &[u8], thresholds: &[u8], flip: u8) -> u64 {
    luma.iter()
        .zip(thresholds)
        .take(64)
        .enumerate()
        .fold(0, |b, (i, (&l, &t))| b | (u64::from((l ^ flip) < t) << i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_compares_match_one_by_one() {
        // Every byte value against thresholds around it, with and without
        // the flip, at every bit position.
        for flip in [0, 0xFF] {
            for shift in 0..8_u8 {
                let luma: [u8; 64] = std::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ shift);
                let thresholds: [u8; 64] =
                    std::array::from_fn(|i| (i as u8).wrapping_mul(53).wrapping_add(shift));
                let expected = below_tail(&luma, &thresholds, flip);
                assert_eq!(below_each(&luma, &thresholds, flip), expected);
                let one = thresholds[7];
                let expected_one = below_tail(&luma, &[one; 64], 0);
                assert_eq!(below(&luma, one), expected_one);
            }
        }
        assert_eq!(below(&[0; 64], 1), u64::MAX);
        assert_eq!(below(&[0; 64], 0), 0);
    }
}
