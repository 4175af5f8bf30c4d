//! Pen drawings as single lines: each stroke traced along its middle, so
//! that a laser cuts or scores it once instead of going round both of its
//! edges.
//!
//! The thresholded drawing is thinned to one-pixel lines (`thin`), cut at
//! junctions and ends into strokes with their spurs removed, small
//! holes in their ink closed across and the stretches hardly darker than
//! the paper around them cut out (`strokes`, as deep as `contrast` reads
//! them: the noise of a deep shadow that bridges lines or carries them
//! on),
//! smoothed, moved across to the middle of their ink in the grey levels
//! (`centre`), their corners sharpened (`sharpen`), free ends carried to
//! the end of the ink (`line_ends`, followed round where they curve,
//! `course`, set back by the pen's half-width, `pen_width`), junctions moved to where their lines meet (`junctions`),
//! lone lines that hardly stand out of the paper dropped (`contrast`),
//! simplified within [`SIMPLIFY_PX`], joined through their junctions
//! into as few paths as a laser cuts without lifting (`chain`: the two
//! lines that carry on each other at each junction) and returned as
//! outline-only shapes (open or closed polylines) in millimetres. The stroke width is
//! measured as the drawing's ink area divided by the length of its centre
//! lines.
//!
//! # Current limitations
//! - Strokes are polylines (no Bézier fitting); simplified within
//!   [`SIMPLIFY_PX`], they are smooth at laser scale.
//! - Free line ends are placed from the grey levels where the picture has
//!   them (`line_ends`: where the darkness summed across the line falls to
//!   half), else carried on to half the line's width short of the end of
//!   its thresholded ink. The pen's half-width the end is set back by is
//!   read from the drawing's ends (`pen_width`) where it has eight or
//!   more, else taken from the thresholded line, which blur widens (a
//!   1.5 px pen's ends then come out up to 0.7 px short on average).
//!   An end carried on past its ink (a line that curls within a tight
//!   crest, a fading end in a deep shadow) is drawn back to where the
//!   darkness at the end itself still shows ink (`ink_end`).
//!   On the generated phone photos of `tests/trace_lines.rs` every
//!   drawn line is found within 1 px, and every traced line lies within
//!   1 px of a drawn one, under all five conditions with both pens, for
//!   the part sketch and the test's seeded sketch layouts (0.92 px at
//!   worst, 2026-12-05). Eight other sketch layouts (seeds 100–103 with the
//!   1.5 px pen, 200–203 with the 2 px pen) are within 1 px both ways up
//!   to the shadow band at q75 (0.84 px at worst); under the dim corner
//!   at q50 they are up to 1.10 px off (a line end a JPEG block carries
//!   on), and under blur and q30 up to 1.24 px (a line end that curls
//!   where a JPEG block's edge cuts its ink short; 2026-12-05). Sixteen
//!   more layouts (104–119 with the 1.5 px pen, 204–219 with the 2 px
//!   pen) are within 1 px at q50 but at q30 up to 1.90 px off: mostly
//!   the curling end of a wavy line in the deepest shadow carried on
//!   1.3–1.9 px past its ink, where a JPEG block darkens the paper beyond
//!   it, and the bottom of a tight trough left on its pixel staircase
//!   (1.37 px, a 2 px pen), which thinning turns into a corner that is
//!   neither smoothed nor sharpened.
//! - Lines are joined through a junction two by two, those that carry on
//!   each other first (`chain`): at a T the stem stays a path of its
//!   own, and a laser lifts to cut it.
//! - Filled areas wider than a stroke become their own centre lines (the
//!   medial axis), which is rarely what a maker wants: use the filled mode.

use kurbo::{BezPath, Point};

use super::bitmap::Bitmap;
use super::centre::centre_on_ink;
use super::chain::{Line, Path, chain};
use super::contrast::{InkDepth, bump};
use super::error::TraceError;
use super::junctions::place_junctions;
use super::line_ends::{EndReading, Grey, Measured, measure_end};
use super::pen_width::pen_half_width;
use super::sharpen::sharpen;
use super::strokes::{CORNER_REACH, Faint, Stroke, strokes};
use super::thin::{Grid, thin};
use crate::shape::{Fill, Shape, ShapeKind};

/// How far a simplified line may stray from the smoothed one, pixels.
pub const SIMPLIFY_PX: f64 = 0.25;

/// Share of the line's darkness a corner's point must have: a drawn
/// corner's has about all of it (two lines' ends meet there), the point
/// where a rounded crest's flanks meet, 2 px outside the line, a third.
const CORNER_INK: f64 = 0.45;

/// How far past a stroke width from a junction its lines are bent by
/// thinning's knot and the other lines' blurred ink, pixels.
const KNOT_MARGIN_PX: f64 = 2.5;

/// How far from a junction a line's course there is taken, for pairing
/// the lines that carry on each other (`chain`), in knots' reaches (a
/// stroke width and [`KNOT_MARGIN_PX`]): past the knot, along the stretch
/// `junctions` fitted straight.
const COURSE_WIDTHS: f64 = 2.0;

/// Share of the pen's typical depth under which a stretch of thinned
/// line, averaged over a few pixels, is not the pen's ink (`strokes`):
/// noise bridging lines, carrying them on or branching off them. Measured
/// on the generated photos of `tests/trace_lines.rs` at q30 (2026-12-05):
/// 0.3 leaves trails of noise 3–6 px long at the line ends of sketch
/// layouts 101 and 117, 0.4 cuts into a fading end of layout 101 (1.32 px
/// off, where 0.35 leaves it 1.04 px off).
const FAINT_LINE_SHARE: f64 = 0.35;
/// Share of the pen's typical depth under which a short branch off a line
/// (`strokes`), on average, is noise: on the generated photos of
/// `tests/trace_lines.rs` at q30 a branch of noise read 0.45, the drawn
/// branches 0.87 and more (2026-12-05).
const FAINT_SPUR_SHARE: f64 = 0.6;

/// Shortest spur removed, pixels.
const MIN_LINE_PX: f64 = 3.0;
/// Shortest line on its own kept, pixels (a dot of ink is not a stroke).
const MIN_LONE_PX: f64 = 10.0;

/// Centre lines of a drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct LineTrace {
    /// One outline-only shape per path of strokes joined through their
    /// junctions (`chain`; open or closed), in mm, Y up.
    pub shapes: Vec<Shape>,
    /// The drawing's mean stroke width, mm.
    pub stroke_width_mm: f64,
}

/// Traces the strokes of `bitmap` (pixels `pixel_mm` in size) to their
/// centre lines.
pub fn trace_bitmap_lines(bitmap: &Bitmap, pixel_mm: [f64; 2]) -> Result<LineTrace, TraceError> {
    trace_lines_over(bitmap, None, pixel_mm)
}

/// [`trace_bitmap_lines`], with the grey levels `bitmap` was thresholded
/// from when there are some: free line ends are then placed from them.
pub(super) fn trace_lines_over(
    bitmap: &Bitmap,
    grey: Option<&Grey<'_>>,
    pixel_mm: [f64; 2],
) -> Result<LineTrace, TraceError> {
    let ink = bitmap.count();
    if ink == 0 {
        return Err(TraceError::NothingToTrace { all_dark: false });
    }
    if ink == u64::from(bitmap.width()) * u64::from(bitmap.height()) {
        return Err(TraceError::NothingToTrace { all_dark: true });
    }
    let mut grid = Grid::from_bitmap(bitmap);
    thin(&mut grid);
    // How far below its paper each ink pixel is, and the pen's typical
    // depth along the thinned lines (`contrast`): the stretches of thinned
    // line far fainter than that are cut out (`strokes`).
    let depth = grey.map(|grey| InkDepth::new(grey, bitmap));
    let typical = depth.as_ref().and_then(|depth| depth.typical(&grid));
    let centre_px = grid.cells.iter().filter(|&&c| c == 1).count().max(1);
    let width_px = ink as f64 / centre_px as f64;
    // Thinning leaves whiskers about half a stroke long at corners and
    // bumps, and a speck of noise touching a stroke becomes a branch as
    // long as the stroke is wide and the speck's offset; a real line end
    // is longer than two stroke widths.
    let min_spur_px = (2.0 * width_px + 1.0).max(MIN_LINE_PX);
    // A lone line a few strokes long is a speck of dirt or JPEG noise in a
    // shadow, not a drawn stroke.
    let min_lone_px = (4.0 * width_px).max(MIN_LONE_PX);
    let height = f64::from(bitmap.height());
    let to_mm = |p: [f64; 2]| Point::new(p[0] * pixel_mm[0], (height - p[1]) * pixel_mm[1]);
    let depth_at = |i: usize| {
        let (x, y) = grid.xy(i);
        depth.as_ref().and_then(|depth| depth.at(x, y))
    };
    let faint = typical.map(|typical| Faint {
        depth: &depth_at,
        below: FAINT_LINE_SHARE * typical,
        spur_below: FAINT_SPUR_SHARE * typical,
    });
    let mut traced: Vec<Stroke> = strokes(&grid, min_spur_px, min_lone_px, faint.as_ref())
        .into_iter()
        .map(|mut stroke| {
            if let Some(grey) = grey {
                centre_on_ink(
                    &mut stroke.points,
                    stroke.closed,
                    stroke.free,
                    grey,
                    width_px / 2.0,
                );
            }
            sharpen(&mut stroke.points, stroke.closed, &|p, sides| match grey {
                Some(grey) => grey.as_dark_as(bitmap, p, &sides, CORNER_INK),
                None => bitmap.get(p[0].floor() as i64, p[1].floor() as i64),
            });
            stroke
        })
        .collect();
    // The free ends measured from the grey levels first (placed on copies
    // as the thresholded lines' half-width says, for the second ends of
    // short strokes), the pen's half-width read from them, then the ends
    // placed with it.
    let mut measured: Vec<Option<MeasuredEnds>> = Vec::with_capacity(traced.len());
    let pen_half = grey.and_then(|grey| {
        let mut readings = Vec::new();
        for stroke in &traced {
            measured.push(Some(carry_ends(
                &mut stroke.clone(),
                bitmap,
                Some(grey),
                width_px,
                None,
                None,
                &mut readings,
            )));
        }
        // Blur widens a line, never thins it; an estimate under half the
        // thresholded width is the JPEG's smear of the ends' fall.
        pen_half_width(&readings).map(|h| h.clamp(MIN_PEN_SHARE * width_px / 2.0, width_px / 2.0))
    });
    measured.resize_with(traced.len(), || None);
    for (stroke, known) in traced.iter_mut().zip(measured) {
        carry_ends(
            stroke,
            bitmap,
            grey,
            width_px,
            pen_half,
            known,
            &mut Vec::new(),
        );
    }
    // Thinning and the other lines' ink bend a line within about a
    // stroke width and the blur of a junction (as in `centre`).
    place_junctions(&mut traced, width_px + KNOT_MARGIN_PX);
    if let Some(grey) = grey {
        drop_faint(&mut traced, grey, width_px / 2.0);
    }
    // Simplified, then joined through their junctions (which moves no
    // point) so that a laser cuts on through them.
    let lines: Vec<Line> = traced
        .iter()
        .map(|stroke| Line {
            points: simplified(stroke),
            closed: stroke.closed,
            free: stroke.free,
        })
        .collect();
    let shapes: Vec<Shape> = chain(&lines, COURSE_WIDTHS * (width_px + KNOT_MARGIN_PX))
        .iter()
        .map(|path| {
            let mut shape = Shape::new(ShapeKind::Path {
                path: to_path(path, &to_mm),
            });
            shape.fill = Fill::Outline;
            shape
        })
        .collect();
    if shapes.is_empty() {
        return Err(TraceError::NothingToTrace { all_dark: false });
    }
    Ok(LineTrace {
        shapes,
        stroke_width_mm: width_px * (pixel_mm[0] + pixel_mm[1]) / 2.0,
    })
}

/// Share of the drawing's typical contrast (the median, over the centre
/// lines' points, of [`bump`]) below which a line on its own (not joined
/// to any other) is noise, not ink.
const FAINT_SHARE: f64 = 0.3;

/// Drops the lines on their own that stand out of the paper far less than
/// the drawing's lines do (JPEG blocks in a deep shadow, the dark edge of
/// the picture: see `contrast`). `half_width_px` is the lines' mean
/// half-width.
fn drop_faint(traced: &mut Vec<Stroke>, grey: &Grey<'_>, half_width_px: f64) {
    let bumps: Vec<f64> = traced
        .iter()
        .map(|s| bump(&s.points, grey, half_width_px))
        .collect();
    let mut weighted: Vec<(f64, usize)> = bumps
        .iter()
        .zip(traced.iter())
        .map(|(&b, s)| (b, s.points.len()))
        .collect();
    weighted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = weighted.iter().map(|w| w.1).sum();
    let mut seen = 0;
    let Some(typical) = weighted.iter().find_map(|&(b, len)| {
        seen += len;
        (2 * seen >= total).then_some(b)
    }) else {
        return;
    };
    let mut k = 0;
    traced.retain(|stroke| {
        let faint = bumps[k] < FAINT_SHARE * typical;
        k += 1;
        let lone = stroke.closed || stroke.free == [true, true];
        !(lone && faint)
    });
}

/// A stroke's points simplified within [`SIMPLIFY_PX`] (a loop's first
/// point not repeated).
fn simplified(stroke: &Stroke) -> Vec<[f64; 2]> {
    let mut points = simplify(&stroke.points, SIMPLIFY_PX);
    if stroke.closed && points.len() > 2 && points.first() == points.last() {
        points.pop();
    }
    points
}

fn to_path(line: &Path, to_mm: &impl Fn([f64; 2]) -> Point) -> BezPath {
    let mut path = BezPath::new();
    let mut iter = line.points.iter();
    if let Some(&first) = iter.next() {
        path.move_to(to_mm(first));
        for &p in iter {
            path.line_to(to_mm(p));
        }
        if line.closed {
            path.close_path();
        }
    }
    path
}

/// Least share of the thresholded lines' half-width taken for the pen's
/// (see `pen_width`): on the generated photos the pen's reads 0.50–0.85
/// of it, and 0 where JPEG q30 smears a 2 px pen's ends' fall.
const MIN_PEN_SHARE: f64 = 0.5;
/// Widest a line is taken to be near its end, in the drawing's mean
/// widths.
const END_WIDTH_CAP: f64 = 1.25;
/// Steps, pixels, in which a line end looks ahead for the end of its ink.
const END_STEP_PX: f64 = 0.25;
/// Furthest a line end looks ahead, in stroke widths (thinning wears an
/// end by about half a width; blur and a pale end add a little).
const END_LOOK_WIDTHS: f64 = 3.0;
/// Directions a line end looks in, degrees either side of the line's
/// last few pixels: thinning's whiskers bend a line's last pixels off
/// its course.
const END_FAN_DEG: [f64; 9] = [0.0, -10.0, 10.0, -20.0, 20.0, -30.0, 30.0, -40.0, 40.0];

/// How far from `p` along `direction` the ink of `bitmap` goes on without
/// a gap, up to `limit` pixels.
fn ink_run(bitmap: &Bitmap, p: [f64; 2], direction: [f64; 2], limit: f64) -> f64 {
    let ink = |t: f64| {
        let (x, y) = (p[0] + t * direction[0], p[1] + t * direction[1]);
        bitmap.get(x.floor() as i64, y.floor() as i64)
    };
    let mut t = 0.0;
    while t + END_STEP_PX <= limit && ink(t + END_STEP_PX) {
        t += END_STEP_PX;
    }
    // `t` is the last sample on ink: the ink's edge is within a step.
    t + END_STEP_PX / 2.0
}

/// A stroke's free ends as [`carry_ends`] measured them from the grey
/// levels (`line_ends`), before the pen's half-width was known.
struct MeasuredEnds {
    /// The last end's, on the stroke as traced, where it was measured
    /// (`None` inside where the grey levels show no clean end).
    last: Option<Option<Measured>>,
    /// The first end's, on the stroke with its last end placed, with the
    /// stroke's number of points and the points the measure read (and
    /// the end's width was taken from) then: where the last end placed
    /// for the pen's half-width leaves them so (all but short strokes),
    /// the measure holds.
    first: Option<Measured>,
    first_read: (usize, Vec<[f64; 2]>),
}

/// Carries each free end of `stroke` on to half the line's width short of
/// the end of its ink in `bitmap`, where the centre of a round pen end
/// lies: thinning wears a line end down, the more so where blur has
/// tapered it. With `grey`, an end is placed from the grey levels where
/// they show a clean end (`line_ends`), for the pen's half-width
/// `pen_half` where it is known; its measure is taken from `known` (what
/// an earlier call measured on the stroke) where it still holds. Returns
/// the ends' measures, and adds what each end placed from the grey levels
/// showed of the pen to `readings`. `width_px` is the drawing's mean
/// stroke width, a bound on how far to look.
fn carry_ends(
    stroke: &mut Stroke,
    bitmap: &Bitmap,
    grey: Option<&Grey<'_>>,
    width_px: f64,
    pen_half: Option<f64>,
    known: Option<MeasuredEnds>,
    readings: &mut Vec<EndReading>,
) -> MeasuredEnds {
    let mut ends = MeasuredEnds {
        last: None,
        first: None,
        first_read: (0, Vec::new()),
    };
    let n = stroke.points.len();
    if n < 2 {
        return ends;
    }
    let (mut known_last, mut known_first) = match known {
        Some(known) => (known.last, Some((known.first, known.first_read))),
        None => (None, None),
    };
    let reach = CORNER_REACH.min(n - 1);
    // The last end first, so that placing it leaves the first's indices.
    for (free, end, inner) in [
        (stroke.free[1], n - 1, n - 1 - reach),
        (stroke.free[0], 0, reach),
    ] {
        if !free {
            continue;
        }
        let last = end != 0;
        let (p, q) = (stroke.points[end], stroke.points[inner]);
        let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
        let len = dx.hypot(dy);
        if len == 0.0 {
            continue;
        }
        let along = [dx / len, dy / len];
        // The line's own width a little before its end, across it.
        let across = [-along[1], along[0]];
        // At most a little over the drawing's: where a speck or the next
        // line touches the end's ink the run across reaches on into it.
        let half_width = ((ink_run(bitmap, q, across, 2.0 * width_px + 2.0)
            + ink_run(bitmap, q, [-across[0], -across[1]], 2.0 * width_px + 2.0))
            / 2.0)
            .min(END_WIDTH_CAP * width_px / 2.0);
        if let Some(grey) = grey {
            let measured = if last {
                match known_last.take() {
                    Some(measured) => measured,
                    None => measure_end(stroke, last, grey, bitmap, half_width, width_px, &mut 0),
                }
            } else {
                match known_first.take() {
                    Some((measured, (count, points)))
                        if stroke.points.len() == count
                            && stroke.points.get(..points.len()) == Some(&points[..]) =>
                    {
                        ends.first_read = (count, points);
                        measured
                    }
                    _ => {
                        let mut read = 0;
                        let measured = measure_end(
                            stroke, last, grey, bitmap, half_width, width_px, &mut read,
                        );
                        let upto = read.max(reach).min(stroke.points.len() - 1);
                        ends.first_read = (stroke.points.len(), stroke.points[..=upto].to_vec());
                        measured
                    }
                }
            };
            let placed = measured
                .as_ref()
                .is_some_and(|m| m.place(stroke, grey, pen_half));
            if let (true, Some(m)) = (placed, &measured) {
                readings.push(m.reading);
            }
            if last {
                ends.last = Some(measured);
            } else {
                ends.first = measured;
            }
            if placed {
                continue;
            }
        }
        let limit = END_LOOK_WIDTHS * width_px + 1.0;
        let (run, direction) = END_FAN_DEG
            .iter()
            .map(|deg| {
                let (s, c) = deg.to_radians().sin_cos();
                let d = [c * along[0] - s * along[1], s * along[0] + c * along[1]];
                (ink_run(bitmap, p, d, limit), d)
            })
            .fold((0.0, along), |best, candidate| {
                if candidate.0 > best.0 {
                    candidate
                } else {
                    best
                }
            });
        let by = run - half_width;
        if by > 0.0 {
            stroke.points[end] = [p[0] + direction[0] * by, p[1] + direction[1] * by];
        }
    }
    ends
}

/// Douglas–Peucker simplification within `tolerance` (ends kept).
fn simplify(points: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let len = dx.hypot(dy);
        let distance = |p: [f64; 2]| {
            if len == 0.0 {
                (p[0] - pa[0]).hypot(p[1] - pa[1])
            } else {
                ((p[0] - pa[0]) * dy - (p[1] - pa[1]) * dx).abs() / len
            }
        };
        let far = (a + 1..b)
            .map(|k| (k, distance(points[k])))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((k, d)) = far
            && d > tolerance
        {
            keep[k] = true;
            stack.push((a, k));
            stack.push((k, b));
        }
    }
    points
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::outline::document_path;
    use kurbo::PathEl;

    fn paint(w: u32, h: u32, inside: impl Fn(f64, f64) -> bool) -> Bitmap {
        let mut b = Bitmap::new(w, h);
        for y in 0..h {
            for x in 0..w {
                if inside(f64::from(x) + 0.5, f64::from(y) + 0.5) {
                    b.set(x, y);
                }
            }
        }
        b
    }

    fn ends(shape: &Shape) -> (usize, bool) {
        let path = document_path(shape);
        let moves = path
            .elements()
            .iter()
            .filter(|e| matches!(e, PathEl::MoveTo(_)))
            .count();
        let closed = path
            .elements()
            .iter()
            .any(|e| matches!(e, PathEl::ClosePath));
        (moves, closed)
    }

    #[test]
    fn a_thick_ring_is_one_closed_line_of_its_width() {
        let bitmap = paint(200, 200, |x, y| {
            let r = (x - 100.0).hypot(y - 100.0);
            (57.0..63.0).contains(&r)
        });
        let traced = trace_bitmap_lines(&bitmap, [0.5, 0.5]).unwrap();
        assert_eq!(traced.shapes.len(), 1);
        assert_eq!(ends(&traced.shapes[0]), (1, true));
        assert!(
            (traced.stroke_width_mm - 3.0).abs() < 0.4,
            "{}",
            traced.stroke_width_mm
        );
    }

    #[test]
    fn a_t_junction_gives_its_bar_and_its_stem_meeting_at_one_point() {
        let bitmap = paint(200, 200, |x, y| {
            ((20.0..180.0).contains(&x) && (40.0..44.0).contains(&y))
                || ((98.0..102.0).contains(&x) && (40.0..180.0).contains(&y))
        });
        let traced = trace_bitmap_lines(&bitmap, [1.0, 1.0]).unwrap();
        // The bar's two halves joined through the junction, the stem on
        // its own: two lines.
        assert_eq!(traced.shapes.len(), 2, "{:?}", traced.shapes);
        let points: Vec<Vec<Point>> = traced
            .shapes
            .iter()
            .map(|shape| {
                assert_eq!(ends(shape), (1, false));
                document_path(shape)
                    .elements()
                    .iter()
                    .filter_map(|e| match e {
                        PathEl::MoveTo(p) | PathEl::LineTo(p) => Some(*p),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let bar = points
            .iter()
            .find(|line| line.iter().any(|p| p.x < 30.0) && line.iter().any(|p| p.x > 170.0))
            .unwrap();
        let stem = points.iter().find(|line| *line != bar).unwrap();
        // The stem's end at the junction is a point of the bar.
        let junction = [stem[0], stem[stem.len() - 1]]
            .into_iter()
            .min_by(|a, b| (a.y - 158.0).abs().total_cmp(&(b.y - 158.0).abs()))
            .unwrap();
        assert!(bar.contains(&junction), "{bar:?} {junction:?}");
    }

    #[test]
    fn douglas_peucker_keeps_corners_and_drops_straight_runs() {
        let points: Vec<[f64; 2]> = (0..=10)
            .map(|k| [f64::from(k), 0.0])
            .chain((1..=10).map(|k| [10.0, f64::from(k)]))
            .collect();
        assert_eq!(
            simplify(&points, 0.1),
            vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]
        );
    }
}
