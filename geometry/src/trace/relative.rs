//! The threshold relative to the paper: each pixel is compared with the
//! paper level [`Paper`] estimates under it, so a gradient, vignetting or a
//! soft shadow leave the paper at 1 and the ink far below.
//!
//! The levels of ink and paper are read once for the whole picture, from
//! the picture divided by its paper (every other row and column, every
//! fourth on pictures over 4 megapixels): the paper's is the mean above
//! Otsu's split, the ink's the darkest tenth below it (the cores of the
//! strokes, which blur and edge pixels do not reach).
//! - A pixel is ink below [`EDGE`] of the way from the ink's level to the
//!   paper's: where a blurred edge crosses between them, a little towards
//!   the ink so that blurred pen lines do not swell.
//! - Around wide ink (a letter's stroke, a filled disc) the pixels are
//!   split at the halfway mark instead, where a blur leaves a straight
//!   edge (`wide_edges`): at 0.4 a blurred bold drawing came out thinner
//!   by a quarter of the blur all round (filled mode only: the centre
//!   lines keep 0.4 everywhere).
//! - Thin lines that blur has made paler than that (a 1 px line straddling
//!   two pixels, a fine pen line out of focus) are kept by their ridge: a
//!   pixel below [`RIDGE`] of the way that is darker than its two
//!   neighbours across (horizontally or vertically), clearly darker than
//!   at least one, is ink. A ridge adds one pixel across a line, never
//!   width to a filled area, whose edges slope one way only.
//!
//! # Current limitations
//! - One ink level for the whole picture: a drawing mixing black marker
//!   and faint pencil loses the pencil where it is paler than [`RIDGE`].

use std::ops::Range;
use std::sync::Mutex;

use super::bitmap::Bitmap;
use super::bits::{below_each, below_tail};
use super::decode::DecodedImage;
use super::paper::Paper;
use super::pieces::in_pieces;
use super::threshold::{OPAQUE_FROM, fill_rows, otsu};
use super::wide_edges::{HALFWAY, add_wide_edges};

/// Where a pixel turns to ink, as a fraction of the way from the ink's
/// level to the paper's (potrace's mkbitmap uses 0.45 on a high-passed
/// picture): below the halfway mark, so that blurred pen lines come out
/// close to the pen's width rather than the blur's.
pub const EDGE: f32 = 0.4;
/// How pale a thin line's ridge may be and still be ink, as a fraction of
/// the way from the ink to the paper.
pub const RIDGE: f32 = 0.75;
/// How much darker than a neighbour across a ridge must be, as a fraction
/// of the ink-to-paper contrast: well above a phone's noise and the
/// steps JPEG leaves at its 8 × 8 block edges in a shadow's gradient.
const RIDGE_DEPTH: f32 = 0.25;
/// Least contrast between ink and paper, in grey levels both of the
/// paper-relative picture and of the picture itself, for there to be any
/// ink at all: below it Otsu's split only cuts the paper's noise in two (a
/// phone's noise is 2–8 levels), and dividing by a near-black "paper"
/// would blow that noise up.
const MIN_INK_CONTRAST: f64 = 32.0;

/// Fewest rows over which one row's paper levels are used: a cell is 8 px
/// or more, so the level moves by a small fraction of a grey level
/// meanwhile.
const LEVEL_ROWS: usize = 4;
/// On big pictures the levels are used over this fraction of a cell's
/// side instead, when that is more rows: working them out (two saturating
/// conversions per pixel) cost as much as thresholding the rows.
const LEVEL_ROWS_PER_CELL: usize = 8;

/// Samples of the paper-relative picture beyond which the levels are read
/// from every fourth row and column instead of every other one.
const LEVEL_SAMPLES: usize = 1 << 20;

/// Where a picture of one tone is split: dark tones are ink.
const ONE_TONE_SPLIT: u8 = 128;

/// The levels of ink and paper in the paper-relative picture, 0–255.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Levels {
    ink: f32,
    paper: f32,
}

/// The foreground of `image` relative to its `paper` (flipped luma when
/// `invert`). A picture of one tone (no ink on paper) is split at mid-grey
/// instead: all ink when dark, none when light.
pub fn binarize(image: &DecodedImage, paper: &Paper, invert: bool, wide_edges: bool) -> Bitmap {
    let w = image.width() as usize;
    let h = image.height() as usize;
    let flip = if invert { 0xFF } else { 0 };
    let Some(levels) = levels(image, paper, flip) else {
        return super::threshold::binarize(image, ONE_TONE_SPLIT, invert);
    };
    let contrast = levels.paper - levels.ink;
    let (edge, ridge, depth) = (
        (levels.ink + EDGE * contrast) / 255.0,
        (levels.ink + RIDGE * contrast) / 255.0,
        RIDGE_DEPTH * contrast / 255.0,
    );
    let luma = image.luma();
    let at = move |x: usize, y: usize| luma[y * w + x] ^ flip;
    // Pale enough to continue a ridge (the paper level of the pixel's row
    // is close enough for its neighbours a row away).
    let pale_level = |x: usize, y: usize, row_level: f32| f32::from(at(x, y)) < ridge * row_level;
    let level_rows = LEVEL_ROWS.max(paper.cell() as usize / LEVEL_ROWS_PER_CELL);
    let halfway = (levels.ink + HALFWAY * contrast) / 255.0;
    // The pixels between the split and the halfway mark (the band), for
    // the edges of wide ink (`wide_edges`): a few words per row, gathered
    // from each thread as (word index, bits) when it is done.
    let band: Mutex<Vec<(usize, u64)>> = Mutex::new(Vec::new());
    let mut bitmap = fill_rows(image, || {
        let mut level = vec![0.0_f32; w];
        let mut edges = vec![0_u8; w.div_ceil(64) * 64];
        let mut ridges = vec![0_u8; w.div_ceil(64) * 64];
        // Halfway marks are worked out only for the words that need them:
        // for every pixel they cost as much as a third of the pass.
        let mut halves = vec![0_u8; if wide_edges { w.div_ceil(64) * 64 } else { 0 }];
        let mut halves_of = vec![usize::MAX; if wide_edges { w.div_ceil(64) } else { 0 }];
        let mut found = Gathered {
            found: Vec::new(),
            into: &band,
        };
        let mut levels_of = usize::MAX;
        move |y: usize, row: &mut [u64]| {
            // The paper changes slowly (cells are 8 px or more): its level
            // is worked out every few rows, on the same rows whichever
            // thread takes which piece of the picture.
            let anchor = y - y % level_rows;
            if levels_of != anchor {
                levels_of = anchor;
                paper.row_levels(anchor as u32, 1.0, &mut level);
                for ((e, r), &p) in edges.iter_mut().zip(ridges.iter_mut()).zip(&level) {
                    *e = round_level(edge * p);
                    *r = round_level(ridge * p);
                }
            }
            let line = &luma[y * w..(y + 1) * w];
            let words = row.len();
            for (k, word) in row.iter_mut().enumerate().take(w.div_ceil(64)) {
                let lo = k * 64;
                let hi = (lo + 64).min(w);
                let chunk = line[lo..hi].first_chunk::<64>();
                let edge64 = edges[lo..].first_chunk::<64>();
                let ridge64 = ridges[lo..].first_chunk::<64>();
                let (ink, pale) = match (chunk, edge64, ridge64) {
                    (Some(chunk), Some(e), Some(r)) => {
                        (below_each(chunk, e, flip), below_each(chunk, r, flip))
                    }
                    _ => (
                        below_tail(&line[lo..hi], &edges[lo..hi], flip),
                        below_tail(&line[lo..hi], &ridges[lo..hi], flip),
                    ),
                };
                let mut bits = ink;
                let mut candidates = pale & !ink;
                while candidates != 0 {
                    let bit = candidates.trailing_zeros() as usize;
                    candidates &= candidates - 1;
                    let x = lo + bit;
                    let margin = (depth * level[x]).max(1.0) as u8;
                    let pale = |u: usize, v: usize| pale_level(u, v, level[x]);
                    if is_ridge(&at, (x, y), (w, h), margin, &pale) {
                        bits |= 1 << bit;
                    }
                }
                *word = bits;
                // Only words with pale pixels left can have band pixels.
                let pale_left = pale & !bits;
                if wide_edges && pale_left != 0 {
                    if halves_of[k] != levels_of {
                        halves_of[k] = levels_of;
                        for (m, &p) in halves[lo..hi].iter_mut().zip(&level[lo..hi]) {
                            *m = round_level(halfway * p);
                        }
                    }
                    let below_half = match (chunk, halves[lo..].first_chunk::<64>()) {
                        (Some(chunk), Some(m)) => below_each(chunk, m, flip),
                        _ => below_tail(&line[lo..hi], &halves[lo..hi], flip),
                    };
                    let mut edge = below_half & pale_left;
                    if let Some(alpha) = image.alpha() {
                        // Transparent pixels are never ink.
                        for bit in 0..hi - lo {
                            if alpha[y * w + lo + bit] < OPAQUE_FROM {
                                edge &= !(1 << bit);
                            }
                        }
                    }
                    if edge != 0 {
                        found.found.push((y * words + k, edge));
                    }
                }
            }
        }
    });
    if wide_edges {
        let band = band.into_inner().unwrap_or_else(|e| e.into_inner());
        add_wide_edges(&mut bitmap, &band);
    }
    bitmap
}

/// `level` (0–255) rounded to the nearest integer, ties to even: adding
/// 2²³ leaves the rounded value in the float's low bits. Unlike `as u8`
/// (a saturating conversion, one value at a time), this the compiler
/// does on many levels at once; it was most of the threshold pass's time.
fn round_level(level: f32) -> u8 {
    const LOW_BITS_ARE_THE_INTEGER: f32 = 8_388_608.0;
    (level + LOW_BITS_ARE_THE_INTEGER).to_bits() as u8
}

/// Band words one thread found, handed over when it is done (when its
/// row closure is dropped).
struct Gathered<'a> {
    found: Vec<(usize, u64)>,
    into: &'a Mutex<Vec<(usize, u64)>>,
}

impl Drop for Gathered<'_> {
    fn drop(&mut self) {
        if let Ok(mut all) = self.into.lock() {
            all.append(&mut self.found);
        }
    }
}

/// Whether pixel (`x`, `y`) is on a pale line: darker than its two
/// neighbours across in one direction (by at least `margin` than one of
/// them), with the line going on beyond it, a pixel along the line also
/// below `pale`. The last test keeps out the noise of a dim, grainy photo,
/// whose dips are one pixel wide.
fn is_ridge(
    at: &impl Fn(usize, usize) -> u8,
    (x, y): (usize, usize),
    (w, h): (usize, usize),
    margin: u8,
    pale: &impl Fn(usize, usize) -> bool,
) -> bool {
    let v = at(x, y);
    let dip = |a: u8, b: u8| v <= a && v <= b && (a - v >= margin || b - v >= margin);
    let (inner_x, inner_y) = (x > 0 && x + 1 < w, y > 0 && y + 1 < h);
    // A vertical line: brighter left and right, a pale pixel above or below.
    let vertical = inner_x
        && inner_y
        && dip(at(x - 1, y), at(x + 1, y))
        && (x - 1..=x + 1).any(|u| pale(u, y - 1) || pale(u, y + 1));
    let horizontal = inner_x
        && inner_y
        && dip(at(x, y - 1), at(x, y + 1))
        && (y - 1..=y + 1).any(|v| pale(x - 1, v) || pale(x + 1, v));
    vertical || horizontal
}

/// The ink's and the paper's levels in `image` divided by its paper, or
/// `None` when they are too close for ink on paper.
fn levels(image: &DecodedImage, sheet: &Paper, flip: u8) -> Option<Levels> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    // Every other row and column, or every fourth on big pictures, which
    // still gives the histogram over half a million samples.
    let stride = if w * h / 4 > LEVEL_SAMPLES { 4 } else { 2 };
    // The sampled rows, in pieces shared between the cores.
    let count = |sampled_rows: Range<usize>| {
        // Four histograms filled in turn: most samples are paper and fall
        // in the same bin, and one histogram would make each count wait
        // for the previous one to be stored.
        let mut counts = [[0_u32; 256]; 4];
        let mut level = vec![0.0_f32; w];
        for y in sampled_rows.map(|k| k * stride) {
            sheet.row_levels(y as u32, 1.0, &mut level);
            let luma = &image.luma()[y * w..(y + 1) * w];
            let alpha = image.alpha().map(|a| &a[y * w..(y + 1) * w]);
            for x in (0..w).step_by(stride) {
                if alpha.is_some_and(|a| a[x] < OPAQUE_FROM) {
                    continue;
                }
                let relative = f32::from(luma[x] ^ flip) * 255.0 / level[x].max(1.0);
                // `as u8` saturates: a cheap conversion, where `as usize` is not.
                counts[(x / stride) % 4][usize::from(relative as u8)] += 1;
            }
        }
        counts
    };
    let mut histogram = [0_u64; 256];
    for part in in_pieces(h.div_ceil(stride), w * h, count).iter().flatten() {
        for (total, &c) in histogram.iter_mut().zip(part) {
            *total += u64::from(c);
        }
    }
    let split = usize::from(otsu(&histogram));
    let dark: u64 = histogram[..split].iter().sum();
    let light: u64 = histogram[split..].iter().sum();
    if dark == 0 || light == 0 {
        return None;
    }
    let mut seen = 0;
    let ink = histogram[..split]
        .iter()
        .position(|&c| {
            seen += c;
            seen * 10 >= dark
        })
        .unwrap_or(0) as f64;
    let paper = histogram[split..]
        .iter()
        .zip(split..)
        .map(|(&c, v)| c as f64 * v as f64)
        .sum::<f64>()
        / light as f64;
    let absolute = (paper - ink) / 255.0 * f64::from(sheet.mean_level());
    (paper - ink >= MIN_INK_CONTRAST && absolute >= MIN_INK_CONTRAST).then_some(Levels {
        ink: ink as f32,
        paper: paper as f32,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn picture(w: u32, h: u32, luma: impl Fn(u32, u32) -> u8) -> DecodedImage {
        let pixels = (0..h).flat_map(|y| (0..w).map(move |x| (x, y)));
        DecodedImage::from_luma(w, h, pixels.map(|(x, y)| luma(x, y)).collect()).unwrap()
    }

    fn trace(image: &DecodedImage, invert: bool) -> Bitmap {
        binarize(
            image,
            &Paper::estimate(image, invert).unwrap(),
            invert,
            true,
        )
    }

    #[test]
    fn a_gradient_with_a_disc_gives_the_disc() {
        let (w, h) = (400, 300);
        let image = picture(w, h, |x, y| {
            let light = 1.0 - 0.5 * f64::from(x) / f64::from(w);
            let inside = (f64::from(x) - 200.0).hypot(f64::from(y) - 150.0) < 80.0;
            (light * if inside { 25.0 } else { 235.0 }) as u8
        });
        let bits = trace(&image, false);
        let disc = std::f64::consts::PI * 80.0 * 80.0;
        assert!(
            (bits.count() as f64 - disc).abs() < 0.02 * disc,
            "{}",
            bits.count()
        );
    }

    #[test]
    fn a_pale_straddling_line_is_kept_one_ridge_wide() {
        // A bold bar sets the ink level; a 1 px line straddling two columns
        // shows as two half-grey columns.
        let image = picture(200, 200, |x, y| match (x, y) {
            (20..60, 20..180) => 10,
            (120 | 121, 20..180) => 130,
            _ => 240,
        });
        let bits = trace(&image, false);
        assert!((20..180).all(|y| bits.get(120, y) && bits.get(121, y)));
        assert!(!bits.get(119, 100) && !bits.get(122, 100));
    }

    #[test]
    fn blank_paper_has_no_ink_and_inversion_flips() {
        let blank = picture(200, 200, |x, y| (200 + (x * 7 + y * 13) % 9) as u8);
        assert_eq!(trace(&blank, false).count(), 0);
        let black = picture(200, 200, |x, y| ((x * 7 + y * 13) % 9) as u8);
        assert_eq!(trace(&black, false).count(), 200 * 200);
        let light_on_dark = picture(
            200,
            200,
            |x, _| if (50..70).contains(&x) { 230 } else { 20 },
        );
        assert_eq!(trace(&light_on_dark, true).count(), 20 * 200);
    }
}
