//! A placed line end drawn back to where the grey levels still show ink.
//!
//! The end's walk (`line_ends`) stops where the darkness summed across
//! the line falls to half. Where the line curls within a few pixels (the
//! end of a wavy line inside a tight crest) the cross-sections past the
//! end still cut through the line's own curling ink, and in a deep
//! shadow with strong JPEG a fading end's sums are noisy enough that the
//! walk bends off: either way the end is carried on past its ink. The
//! darkness at the end itself tells: the centre of a pen's round end
//! keeps at least [`END_SHARE`] of the line's peak darkness (all of it
//! on a sharp photo; about two thirds, by calculation, under a Gaussian
//! blur of 1.2 px over a 1.5 px pen), while a point a pixel or more
//! beyond it, or beside the line, keeps far less.

/// Share of the line's peak darkness (at its centre line) the centre of
/// its round end keeps at the least, with a margin for noise. On the
/// generated photos of `tests/trace_lines.rs` (2026-12-05, before
/// `centre`'s lone refused points moved with their neighbours) 0.4 left
/// a curling end at q50 1.48 px past its ink and 0.5 1.05 px; 0.6 drew
/// a fading end in a deep shadow at q30 back to 1.17 px short of the
/// truth's end, 0.7 to 1.75 px.
pub(super) const END_SHARE: f64 = 0.55;
/// Steps back along the line at which the darkness is read, pixels.
const STEP_PX: f64 = 0.25;

/// How far back from the end of `points` (in order towards the end) the
/// end must be drawn for the darkness there (`dark`) to reach `share` of
/// `peak`, looking back at most `reach` pixels: `Some(0.0)` for an end on
/// its ink, `None` when no point within reach reaches it (the ink fades
/// along the whole stretch, so the darkness says nothing about the end).
pub(super) fn back_to_ink(
    points: &[[f64; 2]],
    dark: impl Fn([f64; 2]) -> f64,
    peak: f64,
    share: f64,
    reach: f64,
) -> Option<f64> {
    let level = share * peak;
    let mut walked = 0.0;
    let mut previous: Option<([f64; 2], f64)> = None;
    for pair in points.windows(2).rev() {
        let (a, b) = (pair[0], pair[1]);
        let len = (b[0] - a[0]).hypot(b[1] - a[1]);
        let steps = (len / STEP_PX).ceil().max(1.0) as usize;
        // From `b` towards `a`; `b` itself was read as the last `a`.
        let first = usize::from(previous.is_some());
        for k in first..=steps {
            let t = k as f64 / steps as f64;
            let p = [b[0] + t * (a[0] - b[0]), b[1] + t * (a[1] - b[1])];
            let d = dark(p);
            let at = walked + t * len;
            if d >= level {
                // Between the last point under the level and this one.
                return Some(
                    match previous {
                        Some((_, before)) if d > before => {
                            let step = len / steps as f64;
                            at - step * (d - level) / (d - before)
                        }
                        _ => at,
                    }
                    .max(0.0),
                );
            }
            if at > reach {
                return None;
            }
            previous = Some((p, d));
        }
        walked += len;
    }
    None
}

/// `points` (in order towards the end) with their end drawn back by
/// `back` pixels along them.
pub(super) fn draw_back(points: &mut Vec<[f64; 2]>, mut back: f64) {
    while back > 0.0 && points.len() >= 2 {
        let (a, b) = (points[points.len() - 2], points[points.len() - 1]);
        let len = (b[0] - a[0]).hypot(b[1] - a[1]);
        if len > back {
            let t = back / len;
            let end = [b[0] + t * (a[0] - b[0]), b[1] + t * (a[1] - b[1])];
            points.pop();
            points.push(end);
            return;
        }
        back -= len;
        points.pop();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_end_past_its_ink_is_drawn_back_to_where_the_ink_is_dark_enough() {
        // Ink of darkness 100 up to x = 10, fading to nothing at x = 12;
        // the line runs on to x = 14.
        let dark = |p: [f64; 2]| 100.0 * (1.0 - (p[0] - 10.0) / 2.0).clamp(0.0, 1.0);
        let mut points: Vec<[f64; 2]> = (0..=14).map(|k| [f64::from(k), 0.0]).collect();
        let back = back_to_ink(&points, dark, 100.0, 0.5, 10.0).unwrap();
        assert!((back - 3.0).abs() < 0.01, "{back}");
        draw_back(&mut points, back);
        let end = *points.last().unwrap();
        assert!((end[0] - 11.0).abs() < 0.01, "{end:?}");
        // An end on its ink stays.
        let on_ink: Vec<[f64; 2]> = (0..=9).map(|k| [f64::from(k), 0.0]).collect();
        assert_eq!(back_to_ink(&on_ink, dark, 100.0, 0.5, 10.0), Some(0.0));
        // Ink that never reaches the level says nothing.
        assert_eq!(back_to_ink(&on_ink, dark, 300.0, 0.5, 10.0), None);
    }
}
