//! How clearly a traced line stands out of the paper: its darkness along
//! its middle above the darker of the two sides of it, a little beyond its
//! width. A pen line is a dark bump with paper either side; what JPEG
//! noise leaves in a deep shadow, or at the picture's dark edge, is a
//! block a few levels darker than the next, or a step of the light, dark
//! on one side as much as in the middle.

use super::line_ends::Grey;

/// How far either side of the line its sides are sampled, pixels beyond
/// its half-width (past the blur of a phone photo).
const SIDE_PX: f64 = 2.0;

/// The mean, over the points of the polyline `points`, of the ink at the
/// point less the ink at the inkier of its two sides, `half_width_px` +
/// [`SIDE_PX`] away across the line (ink as [`Grey::ink`] gives it).
pub(super) fn bump(points: &[[f64; 2]], grey: &Grey<'_>, half_width_px: f64) -> f64 {
    let n = points.len();
    if n < 2 {
        return 0.0;
    }
    let away = half_width_px + SIDE_PX;
    let mut sum = 0.0;
    for k in 0..n {
        let (p, q) = (points[k.saturating_sub(1)], points[(k + 1).min(n - 1)]);
        let d = [q[0] - p[0], q[1] - p[1]];
        let len = d[0].hypot(d[1]);
        if len == 0.0 {
            continue;
        }
        let across = [-d[1] / len, d[0] / len];
        let c = points[k];
        let side = |sign: f64| {
            grey.ink([
                c[0] + sign * away * across[0],
                c[1] + sign * away * across[1],
            ])
        };
        sum += grey.ink(c) - side(1.0).max(side(-1.0));
    }
    sum / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_stands_out_and_a_step_of_the_light_does_not() {
        let (w, h) = (60, 40);
        // A dark line along y = 10.5 on paper at 200, and a step from 200
        // to 180 along y = 30.
        let luma: Vec<u8> = (0..w * h)
            .map(|i| match i / w {
                10 => 40,
                y if y >= 30 => 180,
                _ => 200,
            })
            .collect();
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let line: Vec<[f64; 2]> = (10..50).map(|x| [f64::from(x) + 0.5, 10.5]).collect();
        let step: Vec<[f64; 2]> = (10..50).map(|x| [f64::from(x) + 0.5, 30.5]).collect();
        assert!(bump(&line, &grey, 1.0) > 150.0);
        assert!(bump(&step, &grey, 1.0).abs() < 1.0);
    }
}
