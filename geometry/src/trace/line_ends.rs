//! Free line ends placed from the photo's grey levels, to a fraction of a
//! pixel.
//!
//! The thresholded end of a line is where noise and JPEG blocks happen to
//! leave its last dark pixel: under a shadow with strong JPEG it wanders
//! by ±2 px along the line. Its grey levels say more: summed across the
//! line, the ink's darkness (below the local paper level) is flat along
//! the line and falls to half at the end of the ink, whatever the light,
//! and the sum over a whole cross-section averages the noise of many
//! pixels. The end of the centre line is then the centre of the pen's
//! round end, [`CAP_SHARE`] of the half-width short of that point.
//!
//! # Current limitations
//! - The half-width is the thresholded line's, which blur widens (a 1.5 px
//!   line's mean width reads 2.1–2.7 px on the generated photos): the end
//!   then comes out short by [`CAP_SHARE`] of the excess half-width.
//! - An end that curls within a few pixels of its end, or that another
//!   line passes within a few pixels of, keeps the thresholded end.

use super::bitmap::Bitmap;
use super::sharpen::fit_line;
use super::strokes::Stroke;

/// The grey levels under a thresholded drawing.
pub(super) struct Grey<'a> {
    /// Luma, rows top to bottom.
    pub luma: &'a [u8],
    pub width: usize,
    pub height: usize,
    /// Light ink on dark paper.
    pub invert: bool,
}

/// Share of the half-width between the centre of a round pen end and the
/// point where the summed darkness falls to half: 0.87 on a sharp photo
/// (the cap's chord is one half-width there), π/4 under strong blur (the
/// cap's area spread evenly).
const CAP_SHARE: f64 = 0.82;
/// Steps along the line at which the cross-sections are summed, pixels.
const STEP_PX: f64 = 0.25;
/// Steps across the line, pixels.
const ACROSS_STEP_PX: f64 = 0.5;
/// Blur the cross-sections reach over beyond the thresholded line, pixels
/// either side (three standard deviations of a 1 px blur).
const BLUR_REACH_PX: f64 = 3.0;
/// Where the line's full darkness is measured, pixels behind the point the
/// direction is taken from (the end's own blur does not reach back there).
const FULL_FROM_PX: f64 = 4.0;
/// Points used for the line's direction near its end.
const DIRECTION_POINTS: usize = 10;

impl Grey<'_> {
    /// Luma at pixel (`x`, `y`), clamped to the picture.
    fn at(&self, x: i64, y: i64) -> f64 {
        let x = x.clamp(0, self.width as i64 - 1) as usize;
        let y = y.clamp(0, self.height as i64 - 1) as usize;
        self.luma
            .get(y * self.width + x)
            .map_or(0.0, |&v| f64::from(v))
    }

    /// Darkness below `paper` at a point, interpolated between pixel
    /// centres.
    fn darkness(&self, p: [f64; 2], paper: f64) -> f64 {
        let (x, y) = (p[0] - 0.5, p[1] - 0.5);
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let (i, j) = (x0 as i64, y0 as i64);
        let luma = (1.0 - fy) * ((1.0 - fx) * self.at(i, j) + fx * self.at(i + 1, j))
            + fy * ((1.0 - fx) * self.at(i, j + 1) + fx * self.at(i + 1, j + 1));
        if self.invert {
            luma - paper
        } else {
            paper - luma
        }
    }

    /// The mean luma of the paper in a square of `half` pixels around
    /// `p`: pixels neither ink in `bitmap` nor next to ink.
    fn paper_around(&self, bitmap: &Bitmap, p: [f64; 2], half: f64) -> Option<f64> {
        let (cx, cy) = (p[0].floor() as i64, p[1].floor() as i64);
        let r = half.ceil() as i64;
        let (mut sum, mut count) = (0.0, 0_u32);
        for y in (cy - r).max(0)..=(cy + r).min(self.height as i64 - 1) {
            for x in (cx - r).max(0)..=(cx + r).min(self.width as i64 - 1) {
                let near_ink = (-1..=1).any(|dy| (-1..=1).any(|dx| bitmap.get(x + dx, y + dy)));
                if !near_ink {
                    sum += self.at(x, y);
                    count += 1;
                }
            }
        }
        (count >= 8).then(|| sum / f64::from(count))
    }
}

/// Moves the free end of `stroke` (its last point when `last`, else its
/// first) to the centre of the pen's round end found from `grey`, and
/// straightens the points between it and the stretch of line its direction
/// is taken from. `half_width` is the thresholded line's half-width there,
/// `width_px` the drawing's mean stroke width. Returns `false`, leaving
/// the stroke alone, when the grey levels do not show a clean end.
pub(super) fn place_end(
    stroke: &mut Stroke,
    last: bool,
    grey: &Grey<'_>,
    bitmap: &Bitmap,
    half_width: f64,
    width_px: f64,
) -> bool {
    let n = stroke.points.len();
    // Skip the end's own pixels, which thinning's whiskers bend.
    let skip = width_px.ceil() as usize + 1;
    if n < skip + DIRECTION_POINTS + 2 {
        return false;
    }
    let index = |k: usize| if last { n - 1 - k } else { k };
    // The line's course before its end: fitted through several points, as
    // the skeleton steps between pixel rows.
    let stretch: Vec<[f64; 2]> = (skip..=skip + DIRECTION_POINTS)
        .rev()
        .map(|k| stroke.points[index(k)])
        .collect();
    let Some((centre, ahead_point)) = fit_line(&stretch) else {
        return false;
    };
    let along = [ahead_point[0] - centre[0], ahead_point[1] - centre[1]];
    // The point at `skip` moved onto the fitted line.
    let p = stroke.points[index(skip)];
    let t = (p[0] - centre[0]) * along[0] + (p[1] - centre[1]) * along[1];
    let o = [centre[0] + t * along[0], centre[1] + t * along[1]];
    let across = [-along[1], along[0]];
    let reach = half_width + BLUR_REACH_PX;
    let ahead = 3.0 * width_px + 4.0;
    let Some(paper) = grey.paper_around(bitmap, o, ahead + reach) else {
        return false;
    };
    let section = |t: f64| {
        let centre = [o[0] + t * along[0], o[1] + t * along[1]];
        let steps = (reach / ACROSS_STEP_PX).ceil() as i32;
        (-steps..=steps)
            .map(|s| {
                let s = f64::from(s) * ACROSS_STEP_PX;
                grey.darkness(
                    [centre[0] + s * across[0], centre[1] + s * across[1]],
                    paper,
                )
            })
            .sum::<f64>()
            * ACROSS_STEP_PX
    };
    let full_steps = (FULL_FROM_PX / STEP_PX) as i32;
    let full = (-full_steps..=0)
        .map(|k| section(f64::from(k) * STEP_PX))
        .sum::<f64>()
        / f64::from(full_steps + 1);
    if full <= 0.0 {
        return false;
    }
    // The first fall to half the full darkness ahead, between two steps.
    let mut previous = (0.0, section(0.0));
    let mut half_at = None;
    let mut t = STEP_PX;
    while t <= ahead {
        let s = section(t);
        if s <= full / 2.0 {
            let (t0, s0) = previous;
            let share = if s0 > s {
                (s0 - full / 2.0) / (s0 - s)
            } else {
                0.0
            };
            half_at = Some(t0 + share.clamp(0.0, 1.0) * (t - t0));
            break;
        }
        previous = (t, s);
        t += STEP_PX;
    }
    let Some(half_at) = half_at else {
        return false;
    };
    let to = half_at - CAP_SHARE * half_width;
    if to <= 0.0 {
        return false;
    }
    let end = [o[0] + to * along[0], o[1] + to * along[1]];
    if last {
        stroke.points.truncate(n - skip - 1);
        stroke.points.extend([o, end]);
    } else {
        stroke.points.splice(..=skip, [end, o]);
    }
    true
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A picture of a round-ended pen line from (20, 30) to (60, 30),
    /// 3 px wide, dark on light paper; and its thresholded bitmap.
    fn pen_line(w: usize, h: usize) -> (Vec<u8>, Bitmap) {
        let mut luma = Vec::with_capacity(w * h);
        let mut bitmap = Bitmap::new(w as u32, h as u32);
        for y in 0..h {
            for x in 0..w {
                let mut inside = 0;
                for sy in 0..4 {
                    for sx in 0..4 {
                        let px = x as f64 + (f64::from(sx) + 0.5) / 4.0;
                        let py = y as f64 + (f64::from(sy) + 0.5) / 4.0;
                        let dx = px - px.clamp(20.0, 60.0);
                        inside += u32::from(dx.hypot(py - 30.0) <= 1.5);
                    }
                }
                let value = 230.0 - 180.0 * f64::from(inside) / 16.0;
                luma.push(value.round() as u8);
                if value < 140.0 {
                    bitmap.set(x as u32, y as u32);
                }
            }
        }
        (luma, bitmap)
    }

    #[test]
    fn a_worn_line_end_goes_back_to_the_centre_of_the_pen_end() {
        let (w, h) = (80, 60);
        let (luma, bitmap) = pen_line(w, h);
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        // The thinned line, worn 4 px short at its last end.
        let mut stroke = Stroke {
            points: (0..=35).map(|k| [20.5 + f64::from(k), 30.5]).collect(),
            closed: false,
            free: [true, true],
        };
        assert!(place_end(&mut stroke, true, &grey, &bitmap, 1.5, 3.0));
        let end = *stroke.points.last().unwrap();
        assert!((end[0] - 60.0).abs() < 0.3, "{end:?}");
        // Across the line the end stays on the thinned line's course.
        assert!((end[1] - 30.5).abs() < 1e-9, "{end:?}");
    }

    #[test]
    fn a_line_end_without_ink_beyond_it_is_left_alone() {
        let (w, h) = (80, 60);
        let luma = vec![230; w * h];
        let bitmap = Bitmap::new(w as u32, h as u32);
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let points: Vec<[f64; 2]> = (0..=35).map(|k| [20.5 + f64::from(k), 30.5]).collect();
        let mut stroke = Stroke {
            points: points.clone(),
            closed: false,
            free: [true, true],
        };
        assert!(!place_end(&mut stroke, true, &grey, &bitmap, 1.5, 3.0));
        assert_eq!(stroke.points, points);
    }
}
