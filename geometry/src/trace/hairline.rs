//! One-pixel-thin lines made two pixels thick before their outlines are
//! traced, so that they survive as thin filled shapes.
//!
//! The outline of a line one pixel thick encloses no room for a polygon:
//! its two sides are a pixel apart, the optimal polygon runs both of them
//! along the same straight edges, and the curve that comes out is a
//! zero-area sliver that potrace, and we before, drop. A fine pen line on
//! a 300 dpi scan is often one pixel thick in places: 10 % of such lines'
//! pixels were lost. Thickening them by one pixel (down for a pixel with
//! background above and below, right for one with background left and
//! right) keeps them, at most half a pixel off their centre.
//!
//! Only outlines one pixel thin everywhere are redrawn so (their area at
//! most half their perimeter: a line `w` pixels thick has about `w / 2`),
//! on a bitmap of their own: one-pixel-thin parts of larger shapes (a
//! serif, an anti-aliased edge's step) trace as before, as potrace does.
//! Within them only pixels that continue a line (two or more foreground
//! neighbours) are thickened.
//!
//! # Current limitations
//! - A thickened line is a pixel wider than drawn, and its centre moves by
//!   half a pixel down or right.
//! - A one-pixel-thin closed ring (a thin circle) has a hole, so its outer
//!   outline is not thin by area: it is traced as before, as a sliver.

use std::borrow::Cow;

use super::bitmap::Bitmap;
use super::decompose::RawPath;

/// Whether the outline `path` encloses a line one pixel thin (its area is
/// at most [`THIN_RATIO`] times its length).
pub fn is_hairline(path: &RawPath) -> bool {
    path.area > 0 && (path.area as f64) <= THIN_RATIO * path.points.len() as f64
}

/// Area over outline length at or below which an outline is a hairline:
/// 0.5 for a line one pixel thin, 1 for two pixels. A 1 px line that
/// shows as two rows in places (where it straddles them) is in between;
/// taking those too (0.8) also took thin parts of small lettering, and
/// lost to potrace on its own test drawing (IoU 0.9889 vs 0.9897).
const THIN_RATIO: f64 = 0.5;

/// A bitmap the size of `like` holding only the pixels inside the outer
/// outlines `paths[i]` for `i` in `chosen` (outlines without holes).
pub fn hairline_bitmap(paths: &[RawPath], chosen: &[usize], like: &Bitmap) -> Bitmap {
    let mut out = Bitmap::new(like.width(), like.height());
    let mut crossings: Vec<(i32, i32)> = Vec::new();
    for &i in chosen {
        let points = &paths[i].points;
        crossings.clear();
        // Each vertical step crosses one pixel row at a lattice x.
        for (k, p) in points.iter().enumerate() {
            let q = points[(k + 1) % points.len()];
            if p[0] == q[0] && p[1] != q[1] {
                crossings.push((p[1].min(q[1]), p[0]));
            }
        }
        crossings.sort_unstable();
        // Even–odd: the pixels between pairs of crossings on each row.
        for pair in crossings.chunks_exact(2) {
            let ((row, from), (_, to)) = (pair[0], pair[1]);
            for x in from..to {
                if x >= 0 && row >= 0 {
                    out.set(x as u32, row as u32);
                }
            }
        }
    }
    out
}

/// Foreground neighbours a pixel needs to count as part of a line.
const LINE_NEIGHBOURS: usize = 2;

/// `bitmap` with its one-pixel-thin lines made two pixels thick, or
/// `bitmap` itself when it has none.
pub fn thicken_hairlines(bitmap: &Bitmap) -> Cow<'_, Bitmap> {
    let words = bitmap.words_per_row();
    let height = bitmap.height() as usize;
    let empty = vec![0_u64; words];
    let mut thick: Option<Bitmap> = None;
    for y in 0..height {
        let row = bitmap.row(y);
        let above = if y > 0 { bitmap.row(y - 1) } else { &empty };
        let below = if y + 1 < height {
            bitmap.row(y + 1)
        } else {
            &empty
        };
        for k in 0..words {
            let word = row[k];
            if word == 0 {
                continue;
            }
            // Neighbours left and right, across word boundaries.
            let from_left = (word << 1) | k.checked_sub(1).map_or(0, |j| row[j] >> 63);
            let from_right = (word >> 1) | row.get(k + 1).map_or(0, |w| w << 63);
            let across_rows = word & !above[k] & !below[k];
            let across_columns = word & !from_left & !from_right;
            let mut thin = across_rows | across_columns;
            while thin != 0 {
                let bit = thin.trailing_zeros();
                thin &= thin - 1;
                let x = (k * 64) as i64 + i64::from(bit);
                let yi = y as i64;
                if neighbours(bitmap, x, yi) < LINE_NEIGHBOURS {
                    continue;
                }
                let out = thick.get_or_insert_with(|| bitmap.clone());
                if (across_rows >> bit) & 1 == 1 {
                    out.set(x as u32, (yi + 1) as u32);
                }
                if (across_columns >> bit) & 1 == 1 {
                    out.set((x + 1) as u32, y as u32);
                }
            }
        }
    }
    match thick {
        Some(thick) => Cow::Owned(thick),
        None => Cow::Borrowed(bitmap),
    }
}

/// Foreground pixels among the eight around (`x`, `y`).
fn neighbours(bitmap: &Bitmap, x: i64, y: i64) -> usize {
    [
        (-1, -1),
        (0, -1),
        (1, -1),
        (-1, 0),
        (1, 0),
        (-1, 1),
        (0, 1),
        (1, 1),
    ]
    .iter()
    .filter(|(dx, dy)| bitmap.get(x + dx, y + dy))
    .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bitmap(art: &[&str]) -> Bitmap {
        let rows: Vec<Vec<bool>> = art
            .iter()
            .map(|r| r.chars().map(|c| c == '#').collect())
            .collect();
        Bitmap::from_rows(&rows)
    }

    #[test]
    fn thin_lines_thicken_and_specks_and_bars_do_not() {
        let thin = bitmap(&["......", ".####.", "......", "......"]);
        let thick = thicken_hairlines(&thin);
        // The line's inner pixels gain the row below; its ends (one
        // neighbour) do not.
        assert_eq!(thick.count(), 4 + 2);
        assert!(thick.get(2, 2) && thick.get(3, 2) && !thick.get(1, 2));
        let speck = bitmap(&["....", ".##.", "....", "...."]);
        assert!(matches!(thicken_hairlines(&speck), Cow::Borrowed(_)));
        let bar = bitmap(&["......", ".####.", ".####.", "......"]);
        assert!(matches!(thicken_hairlines(&bar), Cow::Borrowed(_)));
    }

    #[test]
    fn only_outlines_one_pixel_thin_are_hairlines_and_refill_exactly() {
        let art = bitmap(&[
            "..........",
            ".#####....",
            "......#...",
            ".......##.",
            "..........",
            ".####.....",
            ".####.....",
        ]);
        let paths = crate::trace::decompose::decompose(&art, &mut |_| true).unwrap_or_default();
        let thin: Vec<usize> = (0..paths.len())
            .filter(|&i| is_hairline(&paths[i]))
            .collect();
        // The staircase line is a hairline, the 4 × 2 bar is not.
        assert_eq!(thin.len(), 1);
        let refilled = hairline_bitmap(&paths, &thin, &art);
        assert_eq!(refilled.count(), 8);
        assert!(refilled.get(1, 1) && refilled.get(6, 2) && refilled.get(8, 3));
        assert!(!refilled.get(1, 5));
    }

    #[test]
    fn a_diagonal_staircase_thickens_both_ways() {
        let stairs = bitmap(&[".....", ".#...", "..#..", "...#.", "....."]);
        let thick = thicken_hairlines(&stairs);
        // The middle pixel has two diagonal neighbours: it gains the pixel
        // below and the one to the right.
        assert!(thick.get(2, 3) && thick.get(3, 2));
    }
}
