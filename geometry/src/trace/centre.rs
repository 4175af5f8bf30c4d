//! Centre-line points moved across their line to the middle of its ink in
//! the grey levels.
//!
//! Thinning puts a line's skeleton on a row or column of pixels: where a
//! line two pixels thick runs along the rows (the top of a curve, an arc
//! near its tangent to an axis), the skeleton keeps to one of them for
//! several pixels, half a pixel off the middle, and smoothing cannot move
//! it back. Across the line the photo's darkness is a bump, blurred but
//! symmetric about the pen's path whatever the light: its centroid is the
//! line's middle to a fraction of a pixel.
//!
//! Points near a corner or a junction stay (there the cross-section runs
//! into the other line's ink), and so do points whose centroid lies more
//! than [`MAX_SHIFT_PX`] away (another line close by), but for one such
//! point alone between moved ones, which moves with them.

use super::line_ends::Grey;

/// Steps across the line at which the darkness is sampled, pixels.
const STEP_PX: f64 = 0.5;
/// Blur reached over beyond the thresholded half-width, pixels: kept
/// small so that a parallel line a few widths away stays out.
const MARGIN_PX: f64 = 1.5;
/// Farthest a point moves, pixels: the skeleton is within a pixel of the
/// middle; a larger shift means another line's ink in the cross-section.
const MAX_SHIFT_PX: f64 = 1.0;
/// Points either side the line's direction is taken over.
const REACH: usize = 3;
/// Turn over [`REACH`] points either side beyond which a point is near a
/// corner, degrees: the crest of a wavy line (a curve of 6 px radius)
/// turns by less, and wants its middle found as much as a straight line.
const CORNER_DEG: f64 = 60.0;
/// Points either side over which the shifts are averaged: JPEG noise moves
/// one cross-section's centroid, not a run of them.
const AVERAGE: usize = 2;

/// Moves the points of a stroke (a loop when `closed`; `free` says which
/// ends are free, the others are at junctions) to the centroid of the
/// darkness across the line, `half_width_px` being the thresholded
/// line's half-width.
pub(super) fn centre_on_ink(
    points: &mut [[f64; 2]],
    closed: bool,
    free: [bool; 2],
    grey: &Grey<'_>,
    half_width_px: f64,
) {
    let n = points.len();
    if n < 2 * REACH + 1 {
        return;
    }
    let at = |k: usize, offset: isize| -> Option<usize> {
        let j = k as isize + offset;
        if closed {
            Some(j.rem_euclid(n as isize) as usize)
        } else {
            (0..n as isize).contains(&j).then_some(j as usize)
        }
    };
    // Arc length from each end, for the junction guard.
    let mut from_start = vec![0.0; n];
    for k in 1..n {
        from_start[k] = from_start[k - 1] + distance(points[k - 1], points[k]);
    }
    let total = from_start[n - 1];
    // Within a junction's reach the cross-section meets the other lines.
    let guard = 2.0 * half_width_px + MARGIN_PX + 1.0;
    let reach = half_width_px + MARGIN_PX;
    let steps = (reach / STEP_PX).ceil() as i32;
    let shifts: Vec<Option<[f64; 2]>> = (0..n)
        .map(|k| {
            if !closed
                && ((!free[0] && from_start[k] < guard)
                    || (!free[1] && total - from_start[k] < guard))
            {
                return None;
            }
            let (before, after) = (at(k, -(REACH as isize))?, at(k, REACH as isize)?);
            let (p, q, r) = (points[before], points[k], points[after]);
            let (u, v) = ([q[0] - p[0], q[1] - p[1]], [r[0] - q[0], r[1] - q[1]]);
            let (lu, lv) = (u[0].hypot(u[1]), v[0].hypot(v[1]));
            if lu < 1.0 || lv < 1.0 {
                return None; // points gathered at a corner
            }
            let turn = (u[0] * v[1] - u[1] * v[0]).atan2(u[0] * v[0] + u[1] * v[1]);
            if turn.abs().to_degrees() > CORNER_DEG {
                return None;
            }
            let d = [r[0] - p[0], r[1] - p[1]];
            let len = d[0].hypot(d[1]);
            let across = [-d[1] / len, d[0] / len];
            let samples: Vec<(f64, f64)> = (-steps..=steps)
                .map(|s| {
                    let s = f64::from(s) * STEP_PX;
                    (s, grey.ink([q[0] + s * across[0], q[1] + s * across[1]]))
                })
                .collect();
            // The paper beside the line: the lighter of its two sides'
            // outermost samples, so a little blur there does not count.
            let side = |range: &[(f64, f64)]| range.iter().map(|&(_, v)| v).sum::<f64>() / 2.0;
            let paper = side(&samples[..2]).min(side(&samples[samples.len() - 2..]));
            let (mut weight, mut moment) = (0.0, 0.0);
            for &(s, v) in &samples {
                let dark = (v - paper).max(0.0);
                weight += dark;
                moment += s * dark;
            }
            if weight <= 0.0 {
                return None;
            }
            let shift = moment / weight;
            (shift.abs() <= MAX_SHIFT_PX).then_some([shift * across[0], shift * across[1]])
        })
        .collect();
    // Averaged along the line. A point whose own shift was refused stays
    // (a junction's, a corner's, one beside another line), but for one
    // alone between two moved ones: JPEG noise threw its cross-section's
    // centroid, and left where it was it would stand out of the line as a
    // kink (1.13 px off at q30 in a deep shadow, where its neighbours moved
    // by 0.8 px).
    let moved: Vec<[f64; 2]> = (0..n)
        .map(|k| {
            let q = points[k];
            let alone = [-1, 1]
                .into_iter()
                .all(|o| at(k, o).and_then(|j| shifts[j]).is_some());
            if shifts[k].is_none() && !alone {
                return q;
            }
            let (mut sum, mut count) = ([0.0, 0.0], 0.0);
            for o in -(AVERAGE as isize)..=AVERAGE as isize {
                if let Some(s) = at(k, o).and_then(|j| shifts[j]) {
                    sum = [sum[0] + s[0], sum[1] + s[1]];
                    count += 1.0;
                }
            }
            [q[0] + sum[0] / count, q[1] + sum[1] / count]
        })
        .collect();
    points.copy_from_slice(&moved);
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A straight pen line 2 px wide along y = 30 (between two pixel
    /// rows), dark on light paper, blurred by the anti-aliasing alone.
    fn line_picture(w: usize, h: usize) -> Vec<u8> {
        let mut luma = Vec::with_capacity(w * h);
        for y in 0..h {
            for _ in 0..w {
                let mut inside = 0;
                for sy in 0..4 {
                    let py = y as f64 + (f64::from(sy) + 0.5) / 4.0;
                    inside += u32::from((py - 30.0).abs() <= 1.0);
                }
                luma.push((230.0 - 180.0 * f64::from(inside) / 4.0).round() as u8);
            }
        }
        luma
    }

    #[test]
    fn a_skeleton_on_one_of_two_rows_goes_to_the_middle_of_the_line() {
        let (w, h) = (80, 60);
        let luma = line_picture(w, h);
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        // Thinning keeps the lower of the two rows: half a pixel off.
        let mut points: Vec<[f64; 2]> = (0..=40).map(|k| [20.5 + f64::from(k), 30.5]).collect();
        centre_on_ink(&mut points, false, [true, true], &grey, 1.0);
        for p in &points[REACH..points.len() - REACH] {
            assert!((p[1] - 30.0).abs() < 0.05, "{p:?}");
        }
    }

    #[test]
    fn a_point_thrown_off_by_a_speck_moves_with_its_neighbours() {
        let (w, h) = (80, 60);
        let mut luma = line_picture(w, h);
        // A faint line, and a black speck under it in one column: that
        // point's centroid lies over a pixel off, and its shift is refused.
        for x in 0..w {
            luma[29 * w + x] = 150;
            luma[30 * w + x] = 150;
        }
        for y in 31..=33 {
            luma[y * w + 40] = 0;
        }
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let mut points: Vec<[f64; 2]> = (0..=40).map(|k| [20.5 + f64::from(k), 30.5]).collect();
        centre_on_ink(&mut points, false, [true, true], &grey, 1.0);
        // Left where it was, it would stand half a pixel off its
        // neighbours.
        let p = points[20];
        assert_eq!(p[0], 40.5);
        assert!((p[1] - 30.0).abs() < 0.15, "{p:?}");
    }
}
