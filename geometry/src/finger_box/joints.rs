//! How one edge of the box is cut into fingers, shared by the two panels
//! that meet there so that their patterns are complementary by
//! construction: both compute the same breakpoints from the same length.
//!
//! An edge of length `L` (the inner size along it) is split into an odd
//! number `n` of equal segments, about [`FINGER_WIDTH_PER_THICKNESS`] sheet
//! thicknesses wide. One panel owns the even segments (both ends), the
//! other the odd ones; an odd count keeps the pattern symmetric, so the
//! four walls are identical in pairs and the box can be assembled either
//! way round.

/// Target finger width, in sheet thicknesses: makers' usual 2–3 (narrower
/// fingers snap, wider ones let the joint rack).
pub const FINGER_WIDTH_PER_THICKNESS: f64 = 2.5;

/// Fewest segments per edge: one finger between two, the least that
/// locks a joint.
pub const MIN_SEGMENTS: usize = 3;

/// Most segments per edge: beyond this (a 2 m edge in a 0.5 mm sheet) the
/// fingers are widened instead, to keep outlines a reasonable size.
pub const MAX_SEGMENTS: usize = 401;

/// Number of segments (fingers and slots together) of an edge of `length`
/// mm in a sheet `thickness` mm thick: the odd number closest to
/// `length / (2.5 × thickness)`, within [`MIN_SEGMENTS`]..=[`MAX_SEGMENTS`].
///
/// ```
/// use geometry::finger_box::segment_count;
/// assert_eq!(segment_count(80.0, 3.0), 11); // 80 / 7.5 ≈ 10.7 → 11
/// assert_eq!(segment_count(10.0, 3.0), 3);
/// ```
pub fn segment_count(length: f64, thickness: f64) -> usize {
    let ideal = length / (FINGER_WIDTH_PER_THICKNESS * thickness);
    if !ideal.is_finite() {
        return MIN_SEGMENTS;
    }
    let odd = 2.0 * ((ideal - 1.0) / 2.0).round() + 1.0;
    // In range before the conversion, so the cast neither saturates nor
    // truncates.
    let odd = odd.clamp(MIN_SEGMENTS as f64, MAX_SEGMENTS as f64);
    odd as usize
}

/// The `n + 1` breakpoints of an edge from `start` over `length`, the last
/// exactly `start + length`. The same inputs give bit-identical values, so
/// two panels sharing an edge agree exactly.
pub(crate) fn breakpoints(start: f64, length: f64, n: usize) -> Vec<f64> {
    (0..=n)
        .map(|i| {
            if i == n {
                start + length
            } else {
                start + length * i as f64 / n as f64
            }
        })
        .collect()
}

/// `true` when segment `index` is material of the panel that owns the even
/// segments (`owns_even`) or the odd ones.
pub(crate) fn owns(index: usize, owns_even: bool) -> bool {
    index.is_multiple_of(2) == owns_even
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_counts_are_odd_at_least_three_and_about_two_and_a_half_thicknesses() {
        for (length, thickness) in [
            (80.0, 3.0),
            (10.0, 3.0),
            (300.0, 4.0),
            (1999.0, 6.0),
            (31.0, 10.0),
        ] {
            let n = segment_count(length, thickness);
            assert!(n % 2 == 1 && n >= MIN_SEGMENTS, "{length} {thickness}: {n}");
            let width = length / n as f64;
            if n > MIN_SEGMENTS {
                assert!(
                    (2.0 * thickness..=3.2 * thickness).contains(&width),
                    "{length}: {width}"
                );
            }
        }
        assert_eq!(segment_count(2000.0, 0.5), MAX_SEGMENTS);
        assert_eq!(segment_count(f64::NAN, 1.0), MIN_SEGMENTS);
    }

    #[test]
    fn breakpoints_end_exactly_at_the_end() {
        let b = breakpoints(3.0, 80.0, 11);
        assert_eq!(b.len(), 12);
        assert_eq!(b[0], 3.0);
        assert_eq!(b[11], 83.0);
        assert!(b.windows(2).all(|w| w[0] < w[1]));
    }
}
