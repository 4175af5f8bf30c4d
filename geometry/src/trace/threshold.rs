//! Luminance to foreground/background: relative to the paper's brightness
//! under each pixel (the default, for photos under uneven light), at one
//! value for the whole picture (Otsu's or the user's), optional inversion,
//! transparent pixels always background.
//!
//! Foreground is `luma < threshold` (dark ink on light paper), or
//! `luma >= threshold` with `invert`. The passes over the pixels are shared
//! between two threads for large pictures, in pieces (`pieces`).
//!
//! The relative threshold divides each pixel by the paper level `paper`
//! estimates there, so a gradient, vignetting or a soft shadow leave the
//! paper at 1 and the ink far below; the split between the two is then
//! found once for the whole picture: halfway between the ink's level and
//! the paper's on either side of Otsu's split, the level where a blurred
//! edge crosses from one to the other.

use super::bitmap::Bitmap;
use super::bits::below;
use super::decode::DecodedImage;
use super::paper::Paper;
use super::pieces::{PARALLEL_MIN_PIXELS, PIECES, each_piece, in_pieces};
use super::relative;
use std::ops::Range;

/// How the luminance is split into foreground and background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Threshold {
    /// Relative to the paper's brightness under each pixel: the default,
    /// which ignores uneven light. Falls back to Otsu's on pictures too
    /// small to estimate the paper.
    #[default]
    Auto,
    /// Otsu's method on the whole picture: the one value that best
    /// separates the two tones (the tracer's former `Auto`).
    Otsu,
    /// Pixels darker than this value (0–255) are foreground.
    Value(u8),
}

/// Opacity below which a pixel counts as transparent.
pub(super) const OPAQUE_FROM: u8 = 128;

/// The one threshold for `image`: the given value, or Otsu's for both
/// `Otsu` and `Auto` (a slider's starting position).
pub fn resolve(image: &DecodedImage, threshold: Threshold) -> u8 {
    match threshold {
        Threshold::Value(v) => v,
        Threshold::Auto | Threshold::Otsu => otsu(&histogram(image)),
    }
}

/// The foreground bitmap of `image` under `threshold`, for filled shapes:
/// with `auto`, the edges of wide ink are split at the halfway mark
/// (`wide_edges`).
pub fn foreground(image: &DecodedImage, threshold: Threshold, invert: bool) -> Bitmap {
    foreground_for(image, threshold, invert, true)
}

/// [`foreground`] for centre lines: the 0.4 split everywhere, as their
/// figures were measured with. In the deep shadow of a strongly
/// compressed photo the halfway mark grows the noise's wide specks into
/// stray lines (6.3 px off the drawing on one generated sketch).
pub fn line_foreground(image: &DecodedImage, threshold: Threshold, invert: bool) -> Bitmap {
    foreground_for(image, threshold, invert, false)
}

fn foreground_for(
    image: &DecodedImage,
    threshold: Threshold,
    invert: bool,
    wide_edges: bool,
) -> Bitmap {
    if threshold == Threshold::Auto
        && let Some(paper) = Paper::estimate(image, invert)
    {
        return relative::binarize(image, &paper, invert, wide_edges);
    }
    binarize(image, resolve(image, threshold), invert)
}

fn histogram(image: &DecodedImage) -> [u64; 256] {
    let (luma, alpha) = (image.luma(), image.alpha());
    let count = |pixels: Range<usize>| {
        let mut h = [0_u64; 256];
        let luma = &luma[pixels.clone()];
        match alpha {
            None => luma.iter().for_each(|&l| h[usize::from(l)] += 1),
            Some(alpha) => luma
                .iter()
                .zip(&alpha[pixels])
                .filter(|(_, a)| **a >= OPAQUE_FROM)
                .for_each(|(&l, _)| h[usize::from(l)] += 1),
        }
        h
    };
    let mut total = [0_u64; 256];
    for part in in_pieces(luma.len(), luma.len(), count) {
        total.iter_mut().zip(part).for_each(|(t, c)| *t += c);
    }
    total
}

/// Otsu's threshold: maximises the between-class variance. A single-tone
/// picture gets 128, so that white stays background and black foreground.
pub(super) fn otsu(histogram: &[u64; 256]) -> u8 {
    let total: u64 = histogram.iter().sum();
    if histogram.iter().filter(|&&c| c > 0).count() < 2 {
        return 128;
    }
    let sum_all: f64 = histogram
        .iter()
        .enumerate()
        .map(|(v, &c)| v as f64 * c as f64)
        .sum();
    let (mut weight_dark, mut sum_dark) = (0.0, 0.0);
    let (mut best, mut best_variance) = (128_usize, -1.0);
    for (v, &c) in histogram.iter().enumerate().take(255) {
        weight_dark += c as f64;
        sum_dark += v as f64 * c as f64;
        let weight_light = total as f64 - weight_dark;
        if weight_dark == 0.0 || weight_light == 0.0 {
            continue;
        }
        let diff = sum_dark / weight_dark - (sum_all - sum_dark) / weight_light;
        let variance = weight_dark * weight_light * diff * diff;
        if variance > best_variance {
            best_variance = variance;
            best = v + 1; // dark class is 0..=v, i.e. luma < v + 1
        }
    }
    best.min(255) as u8
}

/// The foreground bitmap of `image` at `threshold`.
pub fn binarize(image: &DecodedImage, threshold: u8, invert: bool) -> Bitmap {
    let w = image.width() as usize;
    let flip = if invert { u64::MAX } else { 0 };
    fill_rows(image, || {
        move |y: usize, row: &mut [u64]| {
            let luma = &image.luma()[y * w..(y + 1) * w];
            for (k, word) in row.iter_mut().enumerate().take(w.div_ceil(64)) {
                let lo = k * 64;
                let hi = (lo + 64).min(w);
                let bits = match luma[lo..hi].first_chunk::<64>() {
                    Some(chunk) => below(chunk, threshold),
                    None => luma[lo..hi]
                        .iter()
                        .enumerate()
                        .fold(0, |b, (bit, &l)| b | (u64::from(l < threshold) << bit)),
                };
                *word = bits ^ flip;
            }
        }
    })
}

/// A bitmap the size of `image` filled row by row by the closures `make`
/// gives (one per thread: each may keep its own scratch buffers), on two
/// threads for large pictures; bits past the width and transparent pixels
/// are cleared afterwards.
pub(super) fn fill_rows<F, M>(image: &DecodedImage, make: M) -> Bitmap
where
    M: Fn() -> F + Sync,
    F: FnMut(usize, &mut [u64]),
{
    let (width, height) = (image.width(), image.height());
    let mut bitmap = Bitmap::new(width, height);
    let words = bitmap.words_per_row();
    let w = width as usize;
    let fill = |fill_row: &mut F, rows: &mut [u64], first_row: usize| {
        for (r, row) in rows.chunks_mut(words).enumerate() {
            let y = first_row + r;
            fill_row(y, row);
            let last = w.div_ceil(64) - 1;
            if !w.is_multiple_of(64) {
                row[last] &= u64::MAX >> (64 - w % 64);
            }
            row[last + 1..].fill(0);
            if let Some(alpha) = image.alpha() {
                for (x, &a) in alpha[y * w..(y + 1) * w].iter().enumerate() {
                    if a < OPAQUE_FROM {
                        row[x / 64] &= !(1 << (x % 64));
                    }
                }
            }
        }
    };
    let all = bitmap.words_mut();
    if w * height as usize >= PARALLEL_MIN_PIXELS && height >= 2 {
        let rows = (height as usize).div_ceil(PIECES);
        each_piece(
            all.chunks_mut(rows * words).enumerate(),
            &make,
            |fill_row, (k, piece)| fill(fill_row, piece, k * rows),
        );
    } else {
        fill(&mut make(), all, 0);
    }
    bitmap
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn otsu_splits_two_tones_between_them() {
        let mut h = [0_u64; 256];
        h[20] = 500;
        h[230] = 1500;
        let t = otsu(&h);
        assert!(t > 20 && t <= 230, "{t}");
        h = [0; 256];
        h[255] = 10;
        assert_eq!(otsu(&h), 128);
    }

    #[test]
    fn transparent_pixels_are_background_even_inverted() {
        let img = DecodedImage::from_luma(3, 1, vec![0, 255, 0])
            .unwrap()
            .with_alpha(vec![255, 255, 0])
            .unwrap();
        let plain = binarize(&img, 128, false);
        assert!(plain.get(0, 0) && !plain.get(1, 0) && !plain.get(2, 0));
        let inverted = binarize(&img, 128, true);
        assert!(!inverted.get(0, 0) && inverted.get(1, 0) && !inverted.get(2, 0));
    }
}
