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
//! round end, [`CAP_SHARE`] of the half-width short of that point. The
//! paper level is a plane fitted around the end (a shadow's edge darkens
//! it across a few pixels), the line's course before the end a line or,
//! where it bends, a parabola (`course`), and the walk on to the end
//! keeps to the middle of the line's own ink (not of the whole
//! cross-section, see [`MIDDLE_MARGIN_PX`]) while the ink is dark enough
//! to say where that is, so an end that curls is followed round. An end
//! the walk carried on past its ink is then drawn back to where the
//! darkness at the end itself shows ink (`ink_end`).
//!
//! A drawing's free ends are all measured ([`measure_end`]) before any is
//! placed ([`Measured::place`]): what they show of the pen gives the
//! half-width they are set back by (`pen_width`).
//!
//! # Current limitations
//! - The half-width is the pen's as `pen_width` reads it from a
//!   drawing's ends (on the generated photos 0.56–0.86 px for a 1.5 px
//!   pen, 0.82–1.02 px for a 2 px one but for the seeded sketch at JPEG
//!   q30, where it reads 0 and is held at half the thresholded one,
//!   2026-12-05), else the thresholded line's, which blur widens (a 1.5 px
//!   line's mean width reads 2.1–2.7 px): the end then comes out short by
//!   [`CAP_SHARE`] of the excess half-width.
//! - An end whose parabola turns by more than [`MAX_SLOPE`] within reach
//!   (the end of a wavy line inside a tight crest) is walked from the
//!   tangent of its last few points. Under a dim shadow at JPEG q50 the
//!   noise there carried a 1.5 px pen's end up to 1.93 px past its ink,
//!   and at q30 a fading end in a deep shadow bent 1.40 px off; drawn
//!   back to their ink (`ink_end`) they were within 0.91 px and 0.88 px
//!   (2026-12-05), and with the walk kept to the middle of the line's own
//!   ink and narrower cross-sections ([`BLUR_REACH_PX`]) the ends of that
//!   sketch are within 0.50 px at q50 and 0.92 px at q30 (2026-12-05).
//!   Where the noise itself looks like ink beyond the end the end still
//!   follows it: the end of a wavy line in the dim corner at q50, where a
//!   JPEG block carries the ink's faint end on up, is 1.10 px off.

use super::bitmap::Bitmap;
use super::course::{Course, solve3};
use super::ink_end::{END_SHARE, back_to_ink, draw_back};
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
/// either side. The thresholded line already takes in the blur's inner
/// part; further out a cross-section sums more noise, the paper's
/// unevenness and, where a line curls tightly, its own other flank than
/// the line's blur, and the end's fall to half comes late and spread.
const BLUR_REACH_PX: f64 = 2.0;
/// How far past the thresholded half-width the middle of the ink the walk
/// keeps to is taken from, pixels. The middle of a whole cross-section is
/// pulled towards the walk by the darkness far out in it (the blur's
/// tails, the paper's unevenness, a tight curl's other flank), and the
/// walk then goes on straight where the line curves.
///
/// On the generated photos of `tests/trace_lines.rs` (the part sketch,
/// the seeded sketch and the eight other layouts, 2026-12-05) the free
/// ends were placed within 0.14, 0.26, 0.34 and 0.46 px of the truth's
/// (root mean square, under the two easiest conditions, the shadow band
/// at q75, the dim corner at q50 and, for the part and seeded sketches,
/// the blur at q30) with the middle of
/// the whole cross-section and [`BLUR_REACH_PX`] at 3 px; 0.12, 0.21, 0.30
/// and 0.41 px with the middle from here; 0.11, 0.20, 0.27 and 0.40 px
/// with the reach at 2 px too. The end of layout 200's wavy line inside a
/// crest (2 px pen, q50) went from 1.04 px off to 0.81 px.
const MIDDLE_MARGIN_PX: f64 = 0.5;
/// How far back along the centre line from the point the direction is
/// taken from the line's full darkness is measured, pixels (the end's own
/// blur does not reach back there).
const FULL_FROM_PX: f64 = 4.0;
/// Furthest the points the direction is taken from may lie from their
/// fitted line, pixels: the centre line's noise on a straight end.
const STRAIGHT_PX: f64 = 0.5;
/// Steepest the course may turn from its chord where the end is looked
/// for (across over along): beyond, the end curls back on itself.
const MAX_SLOPE: f64 = 1.5;
/// Share of the full darkness above which the ink is dark enough to say
/// where its middle is.
const TRACK_SHARE: f64 = 0.75;
/// Share of the middle's offset the path moves to at each step: a step's
/// cross-section is noisy, a run of them is not.
const TRACK_GAIN: f64 = 0.5;
/// Furthest the path moves across at one step, pixels.
const MAX_TRACK_PX: f64 = 0.1;
/// Steps over which the path's direction is taken.
const DIRECTION_STEPS: usize = 8;
/// Half the side of the square the paper beside a point is measured in,
/// pixels.
const PAPER_AROUND_PX: f64 = 6.0;
/// How far on the darkness must stay under half for its fall to be the
/// end of the ink, pixels.
const CONFIRM_PX: f64 = 1.0;
/// Fewest points the line's direction near its end is taken from.
const MIN_DIRECTION_POINTS: usize = 5;
/// Where the darkness at a point is read, about it, pixels: a spot
/// rather than a point, as a point's grey level is a JPEG block's noise.
const SPOT: [[f64; 2]; 5] = [[0.0, 0.0], [0.5, 0.0], [-0.5, 0.0], [0.0, 0.5], [0.0, -0.5]];
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

    /// Luma at a point, interpolated between pixel centres.
    fn luma_at(&self, p: [f64; 2]) -> f64 {
        let (x, y) = (p[0] - 0.5, p[1] - 0.5);
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let (i, j) = (x0 as i64, y0 as i64);
        (1.0 - fy) * ((1.0 - fx) * self.at(i, j) + fx * self.at(i + 1, j))
            + fy * ((1.0 - fx) * self.at(i, j + 1) + fx * self.at(i + 1, j + 1))
    }

    /// How much like ink a point is, interpolated: its darkness, or its
    /// lightness when the ink is light.
    pub(super) fn ink(&self, p: [f64; 2]) -> f64 {
        let luma = self.luma_at(p);
        if self.invert { luma } else { 255.0 - luma }
    }

    /// Darkness below the `paper` level at a point, interpolated between
    /// pixel centres.
    fn darkness(&self, p: [f64; 2], paper: &PaperPlane) -> f64 {
        let (luma, paper) = (self.luma_at(p), paper.at(p));
        if self.invert {
            luma - paper
        } else {
            paper - luma
        }
    }

    /// Whether the darkness at `p` is at least `share` of the mean
    /// darkness at the points `reference`, against the paper around `p`.
    pub(super) fn as_dark_as(
        &self,
        bitmap: &Bitmap,
        p: [f64; 2],
        reference: &[[f64; 2]],
        share: f64,
    ) -> bool {
        let Some(paper) = self.paper_around(bitmap, p, PAPER_AROUND_PX) else {
            return true;
        };
        let mean = reference
            .iter()
            .map(|&q| self.darkness(q, &paper))
            .sum::<f64>()
            / reference.len().max(1) as f64;
        self.darkness(p, &paper) >= share * mean
    }

    /// The paper's luma in a square of `half` pixels around `p`, as the
    /// plane fitted through the pixels neither ink in `bitmap` nor next to
    /// ink: at a shadow's edge the paper darkens by several levels across
    /// a few pixels, which a mean level would read as ink or take away
    /// from a line end's darkness.
    fn paper_around(&self, bitmap: &Bitmap, p: [f64; 2], half: f64) -> Option<PaperPlane> {
        let (cx, cy) = (p[0].floor() as i64, p[1].floor() as i64);
        let r = half.ceil() as i64;
        // Sums for the least squares plane in (1, dx, dy).
        let (mut m, mut t) = ([[0.0; 3]; 3], [0.0; 3]);
        for y in (cy - r).max(0)..=(cy + r).min(self.height as i64 - 1) {
            for x in (cx - r).max(0)..=(cx + r).min(self.width as i64 - 1) {
                let near_ink = (-1..=1).any(|dy| (-1..=1).any(|dx| bitmap.get(x + dx, y + dy)));
                if !near_ink {
                    let v = [1.0, (x - cx) as f64, (y - cy) as f64];
                    let luma = self.at(x, y);
                    for i in 0..3 {
                        t[i] += v[i] * luma;
                        for j in 0..3 {
                            m[i][j] += v[i] * v[j];
                        }
                    }
                }
            }
        }
        if m[0][0] < 8.0 {
            return None;
        }
        let centre = [cx as f64 + 0.5, cy as f64 + 0.5];
        // Paper on one side only gives no slope across: the mean then.
        let level = solve3(m, t).unwrap_or([t[0] / m[0][0], 0.0, 0.0]);
        Some(PaperPlane { centre, level })
    }
}

/// The paper's luma near a point: `level[0]` at `centre`, changing by
/// `level[1]` per pixel along x and `level[2]` along y.
struct PaperPlane {
    centre: [f64; 2],
    level: [f64; 3],
}

impl PaperPlane {
    fn at(&self, p: [f64; 2]) -> f64 {
        self.level[0]
            + self.level[1] * (p[0] - self.centre[0])
            + self.level[2] * (p[1] - self.centre[1])
    }
}

/// A free line end measured from the grey levels: the path from the
/// stroke's points on to where the line's summed darkness falls to half,
/// all that placing it needs but the pen's half-width (the ends' readings
/// give that, `pen_width`, so a drawing's ends are all measured before
/// any is placed).
pub(super) struct Measured {
    /// The stroke's last end (else its first).
    last: bool,
    /// The stroke's points off the end the walk started from.
    skip: usize,
    /// The centre line's points behind the walk's start, in order towards
    /// the end, then the walked path to the half fall.
    full_path: Vec<[f64; 2]>,
    /// How many of `full_path`'s points are the centre line's own.
    lead: usize,
    /// The paper around the end.
    paper: PaperPlane,
    /// The line's darkness at its centre line behind the end, read as
    /// [`SPOT`]s.
    spot_peak: f64,
    /// How far back from the end the end is looked for on its ink.
    ahead: f64,
    /// The thresholded line's half-width at the end.
    half_width: f64,
    /// What the end showed of the pen.
    pub reading: EndReading,
}

/// Measures the free end of `stroke` (its last point when `last`, else its
/// first) from `grey`. `half_width` is the thresholded line's half-width
/// there, `width_px` the drawing's mean stroke width. `None` when the grey
/// levels do not show a clean end. `read` is set to the highest index,
/// counted from the end, of the stroke's points the measure read (it
/// reads their number too).
pub(super) fn measure_end(
    stroke: &Stroke,
    last: bool,
    grey: &Grey<'_>,
    bitmap: &Bitmap,
    half_width: f64,
    width_px: f64,
    read: &mut usize,
) -> Option<Measured> {
    *read = 0;
    // Skip the end's own pixels, which thinning's whiskers bend; where the
    // ink has already faded there (a speck of noise carried the centre
    // line on past the end of the ink), start further back.
    let first = width_px.ceil() as usize + 1;
    for retry in 0..=PAST_INK_RETRIES {
        let skip = first + retry * PAST_INK_STEP;
        match measure_from(stroke, last, grey, bitmap, half_width, width_px, skip, read) {
            Walked::Done(measured) => return Some(measured),
            Walked::No => return None,
            Walked::PastInk => {}
        }
    }
    None
}

/// What [`measure_from`] made of an end.
enum Walked {
    Done(Measured),
    /// The grey levels do not show a clean end.
    No,
    /// The ink had faded to under half at the point the walk starts from.
    PastInk,
}

/// Points further back each retry of an end past its ink starts from.
const PAST_INK_STEP: usize = 4;
/// Retries of an end past its ink.
const PAST_INK_RETRIES: usize = 2;

/// [`measure_end`] from `skip` points off the end.
#[allow(clippy::too_many_arguments)] // `measure_end`'s, and where to start.
fn measure_from(
    stroke: &Stroke,
    last: bool,
    grey: &Grey<'_>,
    bitmap: &Bitmap,
    half_width: f64,
    width_px: f64,
    skip: usize,
    read: &mut usize,
) -> Walked {
    let n = stroke.points.len();
    // A short stroke (a hatching stroke, a tick) gives what it has.
    let direction_points = DIRECTION_POINTS.min(n.saturating_sub(skip + 2));
    if direction_points < MIN_DIRECTION_POINTS {
        return Walked::No;
    }
    *read = (*read).max(skip + direction_points);
    let index = |k: usize| if last { n - 1 - k } else { k };
    // The line's course before its end: fitted through several points, as
    // the skeleton steps between pixel rows.
    let stretch: Vec<[f64; 2]> = (skip..=skip + direction_points)
        .rev()
        .map(|k| stroke.points[index(k)])
        .collect();
    // A line that still curves there (a spiral's inner end, a wavy
    // line's) is followed round, not carried off along its chord.
    let ahead = 3.0 * width_px + 4.0;
    let Some(mut course) = Course::fit(&stretch, STRAIGHT_PX) else {
        return Walked::No;
    };
    // A parabola that turns across itself within reach (the end of a wavy
    // line inside a tight crest) is no course to follow: the tangent is,
    // taken as the line through the few points nearest the end, and the
    // walk along the ink's middle bends it round.
    let steep = |course: &Course| {
        let u0 = course.param(stroke.points[index(skip)]);
        course.slope(u0 + ahead).abs().max(course.slope(u0).abs()) > MAX_SLOPE
    };
    if steep(&course) {
        let near = &stretch[stretch.len() - MIN_DIRECTION_POINTS..];
        let Some(tangent) = Course::fit(near, f64::INFINITY) else {
            return Walked::No;
        };
        course = tangent;
    }
    // The point at `skip` moved onto the course.
    let u0 = course.param(stroke.points[index(skip)]);
    let o = course.at(u0);
    let reach = half_width + BLUR_REACH_PX;
    let Some(paper) = grey.paper_around(bitmap, o, ahead + reach) else {
        return Walked::No;
    };
    let steps_across = (reach / ACROSS_STEP_PX).ceil() as i32;
    // The darkness summed across the line at `centre` (along `across`),
    // and where across the line its middle is.
    let section = |centre: [f64; 2], across: [f64; 2]| {
        let (mut sum, mut weight, mut moment) = (0.0, 0.0, 0.0);
        for s in -steps_across..=steps_across {
            let s = f64::from(s) * ACROSS_STEP_PX;
            let dark = grey.darkness(
                [centre[0] + s * across[0], centre[1] + s * across[1]],
                &paper,
            );
            sum += dark;
            if s.abs() <= half_width + MIDDLE_MARGIN_PX {
                weight += dark.max(0.0);
                moment += s * dark.max(0.0);
            }
        }
        let middle = if weight > 0.0 { moment / weight } else { 0.0 };
        (sum * ACROSS_STEP_PX, middle)
    };
    // The line's full darkness and its peak, over the centre line's own
    // points behind `o` (the course is a tangent where the end curls).
    let behind: Vec<([f64; 2], [f64; 2])> = (skip..n - 1)
        .map(|k| (stroke.points[index(k)], stroke.points[index(k + 1)]))
        .scan(0.0, |walked, (p, q)| {
            let step = (p[0] - q[0]).hypot(p[1] - q[1]);
            let within = *walked <= FULL_FROM_PX;
            *walked += step;
            // The normal across the centre line there.
            (within && step > 0.0).then(|| (p, [(p[1] - q[1]) / step, (q[0] - p[0]) / step]))
        })
        .collect();
    // The scan read up to the point after the first it did not keep.
    *read = (*read).max((skip + behind.len() + 1).min(n - 1));
    if behind.is_empty() {
        return Walked::No;
    }
    let count = behind.len() as f64;
    let full = behind.iter().map(|&(p, a)| section(p, a).0).sum::<f64>() / count;
    if full <= 0.0 {
        return Walked::No;
    }
    let peak = behind
        .iter()
        .map(|&(p, _)| grey.darkness(p, &paper))
        .sum::<f64>()
        / count;
    // On along the line from `o`, kept to the middle of its ink while the
    // ink is dark enough to say where that is (a line that curls towards
    // its end is followed), to the first fall to half the full darkness.
    let normal = course.normal(u0);
    let mut direction = [normal[1], -normal[0]];
    let mut path = vec![o];
    let mut half_at = None;
    // A fall to half that the darkness stays under for [`CONFIRM_PX`]
    // (one JPEG block's dip under a shadow is not the end of the ink).
    let mut candidate: Option<(usize, f64, [f64; 2])> = None;
    // Where the darkness last fell under three quarters and first under a
    // quarter of the full: how far the fall is spread says the blur.
    let (mut three_quarters, mut quarter): (Option<f64>, Option<f64>) = (None, None);
    let mut walked = 0.0;
    while walked <= ahead {
        let Some(&pos) = path.last() else {
            return Walked::No;
        };
        let across = [-direction[1], direction[0]];
        let mut next = [
            pos[0] + STEP_PX * direction[0],
            pos[1] + STEP_PX * direction[1],
        ];
        let (before, _) = section(pos, across);
        if path.len() == 1 && before <= full / 2.0 {
            return Walked::PastInk;
        }
        let (sum, middle) = section(next, across);
        if sum > 0.75 * full {
            three_quarters = None;
        } else if three_quarters.is_none() {
            three_quarters = Some(walked);
        }
        if sum <= 0.25 * full && quarter.is_none() {
            quarter = Some(walked);
        }
        if sum > full / 2.0 {
            candidate = None;
        } else if candidate.is_none() {
            let share = if before > sum {
                ((before - full / 2.0) / (before - sum)).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let at = [
                pos[0] + share * STEP_PX * direction[0],
                pos[1] + share * STEP_PX * direction[1],
            ];
            candidate = Some((path.len(), walked, at));
        }
        if let Some((len, from, at)) = candidate
            && walked - from >= CONFIRM_PX
            && half_at.is_none()
        {
            half_at = Some((len, at));
        }
        // On past the half only to where the darkness falls under a
        // quarter.
        if half_at.is_some() && quarter.is_some() {
            break;
        }
        // A middle off the line's own ink is another line's edge coming
        // into the cross-section where this line's ink fades.
        if sum >= TRACK_SHARE * full && middle.abs() <= half_width {
            let shift = (TRACK_GAIN * middle).clamp(-MAX_TRACK_PX, MAX_TRACK_PX);
            next = [next[0] + shift * across[0], next[1] + shift * across[1]];
        }
        path.push(next);
        let back = path[path.len().saturating_sub(DIRECTION_STEPS + 1)];
        let d = [next[0] - back[0], next[1] - back[1]];
        let len = d[0].hypot(d[1]);
        if len > 0.0 {
            direction = [d[0] / len, d[1] / len];
        }
        walked += STEP_PX;
    }
    if let (None, Some((len, _, at))) = (half_at, candidate) {
        half_at = Some((len, at));
    }
    let Some((len, half_at)) = half_at else {
        return Walked::No;
    };
    path.truncate(len);
    path.push(half_at);
    let lead = behind.len() - 1;
    let mut full_path: Vec<[f64; 2]> = behind[1..].iter().rev().map(|&(p, _)| p).collect();
    full_path.extend(path);
    let spot = |p: [f64; 2]| spot_darkness(grey, &paper, p);
    let spot_peak = behind.iter().map(|&(p, _)| spot(p)).sum::<f64>() / count;
    Walked::Done(Measured {
        last,
        skip,
        full_path,
        lead,
        paper,
        spot_peak,
        ahead,
        half_width,
        reading: EndReading {
            spread: three_quarters.zip(quarter).map(|(a, b)| b - a),
            area_over_peak: (peak > 0.0).then(|| full / peak),
        },
    })
}

/// The darkness about `p`, read as a [`SPOT`].
fn spot_darkness(grey: &Grey<'_>, paper: &PaperPlane, p: [f64; 2]) -> f64 {
    SPOT.iter()
        .map(|d| grey.darkness([p[0] + d[0], p[1] + d[1]], paper))
        .sum::<f64>()
        / SPOT.len() as f64
}

impl Measured {
    /// The cap's share of the half-width back along the walked path, and
    /// on back along the centre line behind the walk's start where the ink
    /// ends before it (a whisker of thinning, or a speck of noise, carried
    /// the line on): the path up to the centre of the pen's round end, for
    /// the pen's half-width `pen_half` where it is known, else the
    /// thresholded line's. `None` when the path is too short.
    fn to_centre(&self, pen_half: Option<f64>) -> Option<Vec<[f64; 2]>> {
        let mut full_path = self.full_path.clone();
        let mut back = CAP_SHARE * pen_half.unwrap_or(self.half_width);
        while full_path.len() >= 2 {
            let (a, b) = (
                full_path[full_path.len() - 2],
                full_path[full_path.len() - 1],
            );
            let step = (b[0] - a[0]).hypot(b[1] - a[1]);
            if step >= back {
                let share = if step > 0.0 { back / step } else { 0.0 };
                let end = [b[0] + share * (a[0] - b[0]), b[1] + share * (a[1] - b[1])];
                full_path.pop();
                full_path.push(end);
                back = 0.0;
                break;
            }
            back -= step;
            full_path.pop();
        }
        (back <= 0.0 && full_path.len() >= 2).then_some(full_path)
    }

    /// Moves the measured end of `stroke` (the stroke it was measured on,
    /// or one whose points the measure read are the same) to the centre
    /// of the pen's round end, for the pen's half-width `pen_half` where it
    /// is known (`pen_width`), and straightens the points between it and
    /// the stretch of line its direction was taken from. `false`, leaving
    /// the stroke alone, when the walked path is too short to set the end
    /// back on.
    pub(super) fn place(
        &self,
        stroke: &mut Stroke,
        grey: &Grey<'_>,
        pen_half: Option<f64>,
    ) -> bool {
        let Some(full_path) = self.to_centre(pen_half) else {
            return false;
        };
        let (n, skip, lead) = (stroke.points.len(), self.skip, self.lead);
        let length = full_path.len();
        let end = full_path[length - 1];
        // The stroke's points from `cut` on (counted from the end) are
        // kept; the rest give way to the walked path (every pixel or so)
        // or, where the end lies behind the walk's start, to the end alone.
        let (cut, mut tail) = if length - 1 > lead {
            let mut tail: Vec<[f64; 2]> = full_path[lead..].iter().step_by(4).copied().collect();
            if tail.last() != Some(&end) {
                tail.push(end);
            }
            (skip + 1, tail)
        } else {
            (skip + lead + 2 - length, vec![end])
        };
        if self.last {
            stroke.points.truncate(n - cut);
            stroke.points.extend(tail);
        } else {
            tail.reverse();
            stroke.points.splice(..cut, tail);
        }
        // Where the end was carried on past its ink (the cross-sections of
        // a curling end cut through its own ink, a fading end's are noise),
        // the darkness at the end itself is too low: drawn back to where it
        // is not.
        let spot = |p: [f64; 2]| spot_darkness(grey, &self.paper, p);
        if !self.last {
            stroke.points.reverse();
        }
        if let Some(back) = back_to_ink(&stroke.points, spot, self.spot_peak, END_SHARE, self.ahead)
        {
            draw_back(&mut stroke.points, back);
        }
        if !self.last {
            stroke.points.reverse();
        }
        true
    }
}

/// Moves the free end of `stroke` (its last point when `last`, else its
/// first) to the centre of the pen's round end found from `grey`: measured
/// ([`measure_end`]) and placed ([`Measured::place`]) at once. Returns what
/// the end showed of the pen (`None`, leaving the stroke alone, when the
/// grey levels do not show a clean end).
#[cfg(test)]
pub(super) fn place_end(
    stroke: &mut Stroke,
    last: bool,
    grey: &Grey<'_>,
    bitmap: &Bitmap,
    half_width: f64,
    pen_half: Option<f64>,
    width_px: f64,
) -> Option<EndReading> {
    let measured = measure_end(stroke, last, grey, bitmap, half_width, width_px, &mut 0)?;
    measured
        .place(stroke, grey, pen_half)
        .then_some(measured.reading)
}

/// What a line end showed of the pen: how far its darkness took to fall
/// from three quarters to a quarter, and the line's darkness summed
/// across over its peak, both in pixels.
#[derive(Clone, Copy, Debug)]
pub(super) struct EndReading {
    pub spread: Option<f64>,
    pub area_over_peak: Option<f64>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The last end of a thinned line along y = 30.5 from x = 20.5 to
    /// `last_x`, placed over the picture `luma` (`w` × `h`) and its
    /// `bitmap`; `None` when it is left alone.
    fn place_last_end(
        luma: &[u8],
        bitmap: &Bitmap,
        (w, h): (usize, usize),
        last_x: u32,
    ) -> Option<[f64; 2]> {
        let grey = Grey {
            luma,
            width: w,
            height: h,
            invert: false,
        };
        let mut stroke = Stroke {
            points: (0..=last_x - 20)
                .map(|k| [20.5 + f64::from(k), 30.5])
                .collect(),
            closed: false,
            free: [true, true],
        };
        place_end(&mut stroke, true, &grey, bitmap, 1.5, None, 3.0)?;
        stroke.points.last().copied()
    }

    /// A picture of a round-ended pen line from (20, 30) to (60, 30),
    /// 3 px wide, dark on light paper; and its thresholded bitmap.
    fn pen_line(w: usize, h: usize) -> (Vec<u8>, Bitmap) {
        pen_line_lit(w, h, |_| 1.0)
    }

    /// [`pen_line`] under a light that falls to `light(x)` of its full
    /// strength at column `x`.
    fn pen_line_lit(w: usize, h: usize, light: impl Fn(f64) -> f64) -> (Vec<u8>, Bitmap) {
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
                luma.push((light(x as f64 + 0.5) * value).round() as u8);
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
        // The thinned line, worn 4 px short at its last end.
        let end = place_last_end(&luma, &bitmap, (w, h), 55).unwrap();
        assert!((end[0] - 60.0).abs() < 0.3, "{end:?}");
        // Across the line the end goes to the middle of the ink, from the
        // thinned line's half a pixel off.
        assert!((end[1] - 30.0).abs() < 0.1, "{end:?}");
    }

    #[test]
    fn a_line_end_at_the_edge_of_a_shadow_is_placed_as_in_full_light() {
        // The light falls from full to 60 % over the 16 px around the end
        // (the soft edge of a hand's shadow).
        let (w, h) = (80, 60);
        let (luma, bitmap) =
            pen_line_lit(w, h, |x| 1.0 - 0.4 * ((x - 52.0) / 16.0).clamp(0.0, 1.0));
        let end = place_last_end(&luma, &bitmap, (w, h), 55).unwrap();
        assert!((end[0] - 60.0).abs() < 0.3, "{end:?}");
    }

    #[test]
    fn a_centre_line_carried_on_past_its_ink_goes_back_to_the_pen_end() {
        // A speck of noise 6 px past the end of the ink, joined to it by
        // thinning: the centre line runs on to 66.5.
        let (w, h) = (80, 60);
        let (luma, bitmap) = pen_line(w, h);
        let end = place_last_end(&luma, &bitmap, (w, h), 66).unwrap();
        assert!((end[0] - 60.0).abs() < 0.3, "{end:?}");
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
        assert!(place_end(&mut stroke, true, &grey, &bitmap, 1.5, None, 3.0).is_none());
        assert_eq!(stroke.points, points);
    }

    /// A picture (`w` × `h`) of 2 px pen lines along `centre_lines` with
    /// round ends, blurred by 1.2 px, dark on light paper; and its
    /// thresholded bitmap.
    fn blurred_pen(w: usize, h: usize, centre_lines: &[Vec<[f64; 2]>]) -> (Vec<u8>, Bitmap) {
        let distance = |p: [f64; 2]| {
            centre_lines
                .iter()
                .flat_map(|line| line.windows(2))
                .map(|s| {
                    let (a, b) = (s[0], s[1]);
                    let d = [b[0] - a[0], b[1] - a[1]];
                    let t = (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1])
                        / (d[0] * d[0] + d[1] * d[1]))
                        .clamp(0.0, 1.0);
                    (p[0] - a[0] - t * d[0]).hypot(p[1] - a[1] - t * d[1])
                })
                .fold(f64::INFINITY, f64::min)
        };
        let mut value = vec![0.0; w * h];
        for y in 0..h {
            for x in 0..w {
                let mut inside = 0;
                for sy in 0..4 {
                    for sx in 0..4 {
                        let px = x as f64 + (f64::from(sx) + 0.5) / 4.0;
                        let py = y as f64 + (f64::from(sy) + 0.5) / 4.0;
                        inside += u32::from(distance([px, py]) <= 1.0);
                    }
                }
                value[y * w + x] = 230.0 - 180.0 * f64::from(inside) / 16.0;
            }
        }
        let kernel: Vec<f64> = (-4..=4)
            .map(|k: i32| (-f64::from(k * k) / (2.0 * 1.2 * 1.2)).exp())
            .collect();
        let total: f64 = kernel.iter().sum();
        for along_x in [true, false] {
            let source = value.clone();
            for y in 0..h {
                for x in 0..w {
                    value[y * w + x] = kernel
                        .iter()
                        .enumerate()
                        .map(|(k, weight)| {
                            let o = k as i64 - 4;
                            let (sx, sy) = if along_x {
                                ((x as i64 + o).clamp(0, w as i64 - 1) as usize, y)
                            } else {
                                (x, (y as i64 + o).clamp(0, h as i64 - 1) as usize)
                            };
                            weight * source[sy * w + sx]
                        })
                        .sum::<f64>()
                        / total;
                }
            }
        }
        let luma: Vec<u8> = value.iter().map(|v| v.round() as u8).collect();
        let mut bitmap = Bitmap::new(w as u32, h as u32);
        for (k, &v) in luma.iter().enumerate() {
            if v < 140 {
                bitmap.set((k % w) as u32, (k / w) as u32);
            }
        }
        (luma, bitmap)
    }

    #[test]
    fn a_line_end_beside_another_line_is_placed_as_on_its_own() {
        // A 2 px pen line ending at x = 60, and another one 5 px from it
        // running on: cross-sections reaching far out, or a middle taken
        // over them, took the walk over to the other line.
        let (w, h) = (90, 50);
        let (luma, bitmap) = blurred_pen(
            w,
            h,
            &[
                vec![[20.0, 25.0], [60.0, 25.0]],
                vec![[20.0, 30.0], [80.0, 30.0]],
            ],
        );
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let mut stroke = Stroke {
            points: (20..=58).map(|x| [f64::from(x) + 0.5, 25.5]).collect(),
            closed: false,
            free: [true, true],
        };
        place_end(&mut stroke, true, &grey, &bitmap, 1.2, Some(1.0), 2.4).unwrap();
        let end = *stroke.points.last().unwrap();
        assert!((end[0] - 60.0).abs() < 0.3, "{end:?}");
    }

    #[test]
    fn the_end_of_a_wavy_line_inside_a_crest_is_followed_round() {
        // A 2 px pen's wavy line, y = 30 + 6 sin(2π x / 32) (a crest of
        // 4.3 px radius at x = 24), from x = 40 back to its end at
        // x = 20.5, past the crest.
        let (w, h) = (60, 50);
        let wave = |x: f64| 30.0 + 6.0 * (std::f64::consts::TAU * x / 32.0).sin();
        let truth: Vec<[f64; 2]> = (0..=78)
            .map(|k| {
                let x = 20.5 + f64::from(k) * 0.25;
                [x, wave(x)]
            })
            .collect();
        let (luma, bitmap) = blurred_pen(w, h, std::slice::from_ref(&truth));
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        // The thinned line, on pixel centres, worn 2 px short of its end.
        let mut stroke = Stroke {
            points: (22..=40)
                .rev()
                .map(|x| {
                    let x = f64::from(x) + 0.5;
                    [x, wave(x).floor() + 0.5]
                })
                .collect(),
            closed: false,
            free: [true, true],
        };
        place_end(&mut stroke, true, &grey, &bitmap, 1.2, Some(1.0), 2.4).unwrap();
        let end = *stroke.points.last().unwrap();
        let off = (end[0] - truth[0][0]).hypot(end[1] - truth[0][1]);
        assert!(off < 0.5, "{end:?}: {off}");
    }
}
