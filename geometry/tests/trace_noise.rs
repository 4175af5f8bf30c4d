//! A picture of noise (what a phone gives of a textured surface or a dark
//! corner) must come back, traced or refused, in both modes: before the
//! chains of the lines mode were joined and pruned node by node, 600 ×
//! 600 px of noise took 43 s in a release build and a 12-megapixel one
//! did not finish in 18 minutes. No time is asserted (the bench of the
//! whole command is `tests/benches/trace_vs_potrace.sh`); a return to the
//! old cubic work would make this test run for hours.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

use geometry::trace::{DecodedImage, TraceError, TraceOptions, trace_image, trace_lines};

/// Uniform noise, `w` × `h`, from a seed.
fn noise(w: u32, h: u32, seed: u64) -> DecodedImage {
    let mut state = seed;
    let luma = (0..w * h)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect();
    DecodedImage::from_luma(w, h, luma).unwrap()
}

#[test]
fn noise_is_traced_or_refused_in_both_modes() {
    let image = noise(600, 600, 7);
    let opts = TraceOptions::default();
    let lines = trace_lines(&image, &opts);
    assert!(
        matches!(&lines, Ok(_) | Err(TraceError::TooDetailed { .. })),
        "{:?}",
        lines.as_ref().map(|l| l.shapes.len())
    );
    let filled = trace_image(&image, &opts, &|_| true);
    assert!(
        matches!(&filled, Ok(_) | Err(TraceError::TooDetailed { .. })),
        "{:?}",
        filled.as_ref().map(Vec::len)
    );
}
