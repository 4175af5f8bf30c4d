//! A line's course near its end, carried on past its last centre-line
//! points: the line fitted through them, or, where they bend off it by
//! more than the centre line's noise (the inner end of a spiral, the end
//! of a wavy line), the parabola fitted through them, so that the end
//! follows the line round instead of going off along its chord.

use super::sharpen::{fit_line, off_line};

/// Points `v` across the fitted line from `u` along it, `v = q[0] + q[1] u
/// + q[2] u²`, about `centre` with the unit direction `along`.
pub(super) struct Course {
    centre: [f64; 2],
    along: [f64; 2],
    across: [f64; 2],
    q: [f64; 3],
}

impl Course {
    /// The course through `points` (in order towards the line's end):
    /// straight when no point lies farther than `straight_px` from the
    /// fitted line.
    pub(super) fn fit(points: &[[f64; 2]], straight_px: f64) -> Option<Self> {
        let (centre, ahead) = fit_line(points)?;
        let along = [ahead[0] - centre[0], ahead[1] - centre[1]];
        let mut course = Self {
            centre,
            along,
            across: [-along[1], along[0]],
            q: [0.0; 3],
        };
        let off = off_line(points, (centre, ahead));
        if off > straight_px {
            // Noise on a straight line is not bent: the parabola must fit
            // the points clearly better than the line.
            let q = course.parabola(points)?;
            let bent = Self { q, ..course };
            let off_bent = points
                .iter()
                .map(|&p| (bent.offset(p) - bent.v(bent.param(p))).abs())
                .fold(0.0, f64::max);
            if off_bent < off / 2.0 {
                course.q = q;
            }
        }
        Some(course)
    }

    /// Least squares `v = q0 + q1 u + q2 u²` through `points`.
    fn parabola(&self, points: &[[f64; 2]]) -> Option<[f64; 3]> {
        // Normal equations: sums of u^k and of v u^k.
        let (mut s, mut t) = ([0.0; 5], [0.0; 3]);
        for &p in points {
            let (u, v) = (self.param(p), self.offset(p));
            let mut power = 1.0;
            for (k, sum) in s.iter_mut().enumerate() {
                *sum += power;
                if k < 3 {
                    t[k] += v * power;
                }
                power *= u;
            }
        }
        let m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]];
        solve3(m, t)
    }

    /// How far along the course `p` is.
    pub(super) fn param(&self, p: [f64; 2]) -> f64 {
        (p[0] - self.centre[0]) * self.along[0] + (p[1] - self.centre[1]) * self.along[1]
    }

    fn offset(&self, p: [f64; 2]) -> f64 {
        (p[0] - self.centre[0]) * self.across[0] + (p[1] - self.centre[1]) * self.across[1]
    }

    /// The slope of the course at `u`, across over along.
    pub(super) fn slope(&self, u: f64) -> f64 {
        self.q[1] + 2.0 * self.q[2] * u
    }

    fn v(&self, u: f64) -> f64 {
        self.q[0] + self.q[1] * u + self.q[2] * u * u
    }

    /// The point of the course at `u`.
    pub(super) fn at(&self, u: f64) -> [f64; 2] {
        let v = self.v(u);
        [
            self.centre[0] + u * self.along[0] + v * self.across[0],
            self.centre[1] + u * self.along[1] + v * self.across[1],
        ]
    }

    /// The unit normal of the course at `u`.
    pub(super) fn normal(&self, u: f64) -> [f64; 2] {
        let slope = self.slope(u);
        let tangent = [
            self.along[0] + slope * self.across[0],
            self.along[1] + slope * self.across[1],
        ];
        let len = tangent[0].hypot(tangent[1]);
        [-tangent[1] / len, tangent[0] / len]
    }
}

/// The solution of `m x = t` (Cramer's rule), `None` when `m` is singular.
pub(super) fn solve3(m: [[f64; 3]; 3], t: [f64; 3]) -> Option<[f64; 3]> {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(m);
    if d.abs() < 1e-9 {
        return None;
    }
    let mut x = [0.0; 3];
    for (k, xk) in x.iter_mut().enumerate() {
        let mut mk = m;
        for (row, value) in mk.iter_mut().zip(t) {
            row[k] = value;
        }
        *xk = det(mk) / d;
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_on_a_circle_are_followed_round_and_a_line_stays_straight() {
        let arc: Vec<[f64; 2]> = (0..=10)
            .map(|k| {
                let a = f64::from(k) * 0.06;
                [20.0 * a.sin(), 20.0 - 20.0 * a.cos()]
            })
            .collect();
        let course = Course::fit(&arc, 0.2).unwrap();
        // 3 px on along the circle.
        let a: f64 = 0.6 + 3.0 / 20.0;
        let on_circle = [20.0 * a.sin(), 20.0 - 20.0 * a.cos()];
        let u = course.param(on_circle);
        let p = course.at(u);
        assert!(
            (p[0] - on_circle[0]).hypot(p[1] - on_circle[1]) < 0.1,
            "{p:?}"
        );
        // The chord alone would be off by more than a pixel there.
        let straight = Course::fit(&arc, 10.0).unwrap();
        let q = straight.at(straight.param(on_circle));
        assert!(
            (q[0] - on_circle[0]).hypot(q[1] - on_circle[1]) > 1.0,
            "{q:?}"
        );
    }
}
