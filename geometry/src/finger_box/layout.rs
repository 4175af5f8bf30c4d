//! Laying the panels out flat for the laser: rows of panels a few
//! millimetres apart, as compact as we can find, starting at the origin.
//!
//! Shelf packing (tallest panels first, a new row when the row is full),
//! tried with every row width a subset of the panels can make, keeping the
//! layout that best fits a landscape sheet about [`SHEET_ASPECT`] times as
//! wide as deep (then the smallest). Six panels make 64 subsets:
//! exhaustive and instant.
//!
//! Current limitations: panels are never turned a quarter turn, and the
//! layout does not know the machine's bed (the lab check says when it
//! does not fit).

use crate::approx::EPSILON_MM;

/// Width over depth of the sheet we lay out for: lab laser beds are
/// landscape, about twice as wide as deep (610 × 305, 600 × 308, 608 × 385
/// mm), and offcuts usually too. A tall column of panels would not fit.
pub(crate) const SHEET_ASPECT: f64 = 2.0;

/// Positions (lower-left corners, mm) of rectangles of `sizes` laid out
/// `gap` mm apart, the whole layout's lower-left corner at the origin.
pub(crate) fn shelf_layout(sizes: &[[f64; 2]], gap: f64) -> Vec<[f64; 2]> {
    let count = sizes.len().min(16);
    let mut best: Option<(f64, f64, Vec<[f64; 2]>)> = None;
    for subset in 1..(1u32 << count) {
        let row_width: f64 = (0..count)
            .filter(|i| subset & (1 << i) != 0)
            .map(|i| sizes[i][0] + gap)
            .sum::<f64>()
            - gap;
        let (positions, [w, h]) = shelves(sizes, row_width, gap);
        // The smallest sheet of that aspect the layout fits on, then area.
        let key = ((w / SHEET_ASPECT).max(h), w * h);
        if best
            .as_ref()
            .is_none_or(|(side, area, _)| key < (*side, *area))
        {
            best = Some((key.0, key.1, positions));
        }
    }
    best.map_or_else(|| vec![[0.0, 0.0]; sizes.len()], |(_, _, p)| p)
}

/// Next-fit shelves, tallest first, rows at most `row_width` wide (a
/// panel wider than that gets a row of its own). Returns the positions in
/// the order of `sizes` and the layout's size.
fn shelves(sizes: &[[f64; 2]], row_width: f64, gap: f64) -> (Vec<[f64; 2]>, [f64; 2]) {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&i, &j| {
        sizes[j][1]
            .total_cmp(&sizes[i][1])
            .then(sizes[j][0].total_cmp(&sizes[i][0]))
    });
    let mut positions = vec![[0.0, 0.0]; sizes.len()];
    let (mut x, mut y, mut row_height, mut width) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for i in order {
        let [w, h] = sizes[i];
        // A small allowance so that a row width built from these very sums
        // is not missed by rounding.
        if x > 0.0 && x + w > row_width + EPSILON_MM {
            y += row_height + gap;
            x = 0.0;
            row_height = 0.0;
        }
        positions[i] = [x, y];
        width = width.max(x + w);
        row_height = row_height.max(h);
        x += w + gap;
    }
    (positions, [width, y + row_height])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_do_not_overlap_and_the_layout_is_compact() {
        let sizes = [
            [86.0, 66.0],
            [86.0, 66.0],
            [86.0, 46.0],
            [86.0, 46.0],
            [66.0, 46.0],
            [66.0, 46.0],
        ];
        let positions = shelf_layout(&sizes, 5.0);
        let boxes: Vec<[f64; 4]> = positions
            .iter()
            .zip(&sizes)
            .map(|(p, s)| [p[0], p[1], p[0] + s[0], p[1] + s[1]])
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(a[0] >= 0.0 && a[1] >= 0.0);
            for b in &boxes[i + 1..] {
                let apart = a[2] + 5.0 <= b[0] + 1e-9
                    || b[2] + 5.0 <= a[0] + 1e-9
                    || a[3] + 5.0 <= b[1] + 1e-9
                    || b[3] + 5.0 <= a[1] + 1e-9;
                assert!(apart, "{a:?} {b:?}");
            }
        }
        let w = boxes.iter().map(|b| b[2]).fold(0.0, f64::max);
        let h = boxes.iter().map(|b| b[3]).fold(0.0, f64::max);
        let used: f64 = sizes.iter().map(|s| s[0] * s[1]).sum();
        assert!(w * h < 1.6 * used, "{w} × {h} for {used} mm²");
        // Landscape, to fit a laser's bed: not a tall column.
        assert!(w >= h && w <= 2.5 * h, "{w} × {h}");
    }
}
