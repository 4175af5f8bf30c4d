//! The edges of wide ink areas split at the halfway mark between ink and
//! paper.
//!
//! The relative threshold (`relative`) splits a pixel at [`super::relative::EDGE`]
//! (0.4) of the way from the ink's level to the paper's, so that a blurred
//! pen line comes out close to the pen's width rather than the blur's.
//! But the straight edge of a wide area blurred by σ pixels then comes
//! out about 0.25 σ inside its true place. On generated phone photos of
//! seeded bold layouts (`tests/trace_photos.rs`) that cost up to 0.08 of
//! IoU where the ink has much edge for its area (a word in a thin font,
//! marker bars): 0.916 at blur 2 and JPEG q30, under the 0.95 asked for.
//!
//! Where the ink is wide, a symmetric blur leaves its edge at the halfway
//! mark, so there the pixels around the ink are split at
//! [`HALFWAY`] instead:
//! 1. wide ink is what survives an erosion of the thresholded bitmap by a
//!    square [`WIDE_PX`] pixels across (ink with `WIDE_PX / 2` ink pixels
//!    on every side); pen lines and thin strokes vanish there;
//! 2. its surroundings are that dilated by [`REACH_PX`] pixels each way,
//!    which covers the edge of the area it came from and a pixel or two
//!    past it;
//! 3. each pixel there that is not ink yet becomes ink when it is below
//!    the halfway mark of its paper (the threshold's pass marks these
//!    pixels, the *band*, as it goes: `relative`).
//!
//! A picture without wide ink (a pen drawing) is left exactly as it was.
//!
//! # Current limitations
//! - A stroke narrower than [`WIDE_PX`] but wider than a pen line (a thin
//!   marker, 3–4 px) keeps the 0.4 split and comes out thinner by about a
//!   quarter of the blur on each side.

use super::bitmap::Bitmap;

/// Where the edges of wide ink are split, as a fraction of the way from
/// the ink's level to the paper's.
pub const HALFWAY: f32 = 0.5;
/// Side of the square whose erosion leaves only wide ink, pixels (odd):
/// a 1–2 px pen line, thresholded 2–3 px wide under blur, vanishes.
const WIDE_PX: usize = 5;
/// How far around wide ink its edge pixels are looked for, pixels: past
/// the erosion's `WIDE_PX / 2`, two more for the edge band of a blur of
/// up to 2 px.
const REACH_PX: usize = WIDE_PX / 2 + 2;

/// Adds to `bitmap` (thresholded at the 0.4 split) the pixels of `band`
/// (word index in the bitmap and bits: pixels not ink, but below the
/// halfway mark) that lie within [`REACH_PX`] of its wide ink.
///
/// Only the words with band pixels are looked at, each from the ink
/// around it (a few thousand words on a 3000 px drawing): eroding and
/// growing the whole bitmap took 4 ms there.
pub fn add_wide_edges(bitmap: &mut Bitmap, band: &[(usize, u64)]) {
    let words = bitmap.words_per_row();
    let rows = bitmap.height() as usize;
    let ink = bitmap.words_mut();
    // Decided on the ink as thresholded, then added: what one word gains
    // must not make its neighbours' ink look wider.
    let gains: Vec<(usize, u64)> = band
        .iter()
        .map(|&(index, edge)| (index, edge & near_wide(ink, words, rows, index)))
        .collect();
    for (index, gain) in gains {
        ink[index] |= gain;
    }
}

/// Rows of ink an answer of [`near_wide`] reads around its word's row.
const SPAN: usize = 2 * (WIDE_PX / 2 + REACH_PX) + 1;

/// The pixels of word `index` of `ink` (`words` words a row, `rows` rows)
/// within [`REACH_PX`] of wide ink: ink that survives an erosion by a
/// [`WIDE_PX`] square (a window that leaves the picture is never all ink).
fn near_wide(ink: &[u64], words: usize, rows: usize, index: usize) -> u64 {
    const HALF: usize = WIDE_PX / 2;
    let (y, k) = (index / words, index % words);
    // Eroded across, for the word and its two neighbours, on every row
    // the answer depends on (rows outside the picture stay unset).
    let mut eroded = [[0_u64; 3]; SPAN];
    for (i, across) in eroded.iter_mut().enumerate() {
        let Some(u) = (y + i).checked_sub(HALF + REACH_PX).filter(|&u| u < rows) else {
            continue;
        };
        let row = &ink[u * words..(u + 1) * words];
        for (j, word) in across.iter_mut().enumerate() {
            if let Some(kk) = (k + j).checked_sub(1).filter(|&kk| kk < words) {
                *word = window::<HALF, true>(row, kk);
            }
        }
    }
    // Wide ink on the rows within reach, grown across, together.
    let mut near = 0;
    for i in HALF..SPAN - HALF {
        let mut wide = eroded[i];
        for rows_above_below in &eroded[i - HALF..=i + HALF] {
            for (w, e) in wide.iter_mut().zip(rows_above_below) {
                *w &= e;
            }
        }
        near |= window::<REACH_PX, false>(&wide, 1);
    }
    near
}

/// Word `k` of `row` with each pixel over the pixels `R` (at most 63)
/// either side of it: kept when all are set (`ALL`, an erosion) or when
/// any is (a dilation). Outside the row counts as unset.
fn window<const R: usize, const ALL: bool>(row: &[u64], k: usize) -> u64 {
    let word = row[k];
    let before = if k > 0 { row[k - 1] } else { 0 };
    let after = row.get(k + 1).copied().unwrap_or(0);
    let mut acc = word;
    for s in 1..=R as u32 {
        // Bit x of `left` is pixel x - s, of `right` pixel x + s.
        let left = (word << s) | (before >> (64 - s));
        let right = (word >> s) | (after << (64 - s));
        acc = if ALL {
            acc & left & right
        } else {
            acc | left | right
        };
    }
    acc
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The bitmap of `art` ('#' set), and its words.
    fn words_of(art: &[&str]) -> (Bitmap, Vec<u64>) {
        let rows: Vec<Vec<bool>> = art
            .iter()
            .map(|r| r.chars().map(|c| c == '#').collect())
            .collect();
        let mut bitmap = Bitmap::from_rows(&rows);
        let words = bitmap.words_mut().to_vec();
        (bitmap, words)
    }

    /// [`near_wide`] for every word, worked out pixel by pixel.
    fn near_by_pixels(bitmap: &Bitmap) -> Vec<u64> {
        let (w, h) = (i64::from(bitmap.width()), i64::from(bitmap.height()));
        let (half, reach) = (WIDE_PX as i64 / 2, REACH_PX as i64);
        let wide = |x: i64, y: i64| {
            (-half..=half).all(|dy| (-half..=half).all(|dx| bitmap.get(x + dx, y + dy)))
        };
        let words = bitmap.words_per_row();
        let mut out = vec![0_u64; words * h as usize];
        for y in 0..h {
            for x in 0..w {
                let near =
                    (-reach..=reach).any(|dy| (-reach..=reach).any(|dx| wide(x + dx, y + dy)));
                if near {
                    out[y as usize * words + x as usize / 64] |= 1 << (x % 64);
                }
            }
        }
        out
    }

    #[test]
    fn only_ink_wide_both_ways_has_surroundings() {
        let (bitmap, bits) = words_of(&[
            "..........................",
            ".#######...##.............",
            ".#######...##.............",
            ".#######...##.............",
            ".#######...##.............",
            ".#######...##.............",
            "..........................",
        ]);
        let words = bitmap.words_per_row();
        // The 7 × 5 block's core (x 3–5, row 3) grown by 4 px; the 2 px
        // line (x 11–12) has none.
        for y in 0..7 {
            let near = near_wide(&bits, words, 7, y * words);
            for x in 0..26 {
                assert_eq!(near >> x & 1 == 1, x <= 9, "({x}, {y})");
            }
        }
    }

    #[test]
    fn words_agree_with_pixels_on_random_ink() {
        let (w, h) = (150_usize, 40_usize);
        let mut state = 12345_u64;
        for density in [6, 8, 9] {
            let rows: Vec<Vec<bool>> = (0..h)
                .map(|_| {
                    (0..w)
                        .map(|_| {
                            state ^= state << 13;
                            state ^= state >> 7;
                            state ^= state << 17;
                            state % 10 < density
                        })
                        .collect()
                })
                .collect();
            let mut bitmap = Bitmap::from_rows(&rows);
            let expected = near_by_pixels(&bitmap);
            let words = bitmap.words_per_row();
            let bits = bitmap.words_mut().to_vec();
            // Past the width `near_wide` may grow into the padding bits,
            // which no band pixel has: left out.
            let inside = |i: usize| match (i % words) * 64 {
                x if x + 64 <= w => u64::MAX,
                x if x < w => u64::MAX >> (64 - (w - x)),
                _ => 0,
            };
            let found: Vec<u64> = (0..bits.len())
                .map(|i| near_wide(&bits, words, h, i) & inside(i))
                .collect();
            assert_eq!(found, expected, "{density}0 % ink");
            assert!(density < 9 || found.iter().any(|&b| b != 0));
        }
    }

    #[test]
    fn windows_cross_word_boundaries() {
        let mut row = vec![0_u64; 3];
        row[1] = 1;
        let grown: Vec<u64> = (0..3).map(|k| window::<2, false>(&row, k)).collect();
        for x in 0..192 {
            let set = grown[x / 64] >> (x % 64) & 1 == 1;
            assert_eq!(set, (62..=66).contains(&x), "{x}");
        }
        let full = vec![u64::MAX; 3];
        assert_eq!(window::<2, true>(&full, 1), u64::MAX);
        assert_eq!(window::<2, true>(&full, 0), u64::MAX << 2);
    }

    #[test]
    fn band_pixels_join_wide_ink_only() {
        // A wide block (x 1–10) and a 2 px line (x 20–21), each with a
        // band pixel column beside it, and a lone band pixel far away.
        let mut art = vec![".........................................".to_string(); 12];
        for row in art.iter_mut().take(10).skip(1) {
            row.replace_range(1..11, "##########");
            row.replace_range(20..22, "##");
        }
        let art: Vec<&str> = art.iter().map(String::as_str).collect();
        let (mut bitmap, _) = words_of(&art);
        let words = bitmap.words_per_row();
        let mut band: Vec<(usize, u64)> = (1..10).map(|y| (y * words, 1 << 11 | 1 << 22)).collect();
        band.push((11 * words, 1 << 35));
        add_wide_edges(&mut bitmap, &band);
        for y in 1..10 {
            assert!(bitmap.get(11, y as i64), "the block's edge at row {y}");
            assert!(!bitmap.get(22, y as i64), "the line's side at row {y}");
        }
        assert!(!bitmap.get(35, 11));
    }
}
