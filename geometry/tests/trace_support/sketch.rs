//! A second pen drawing for the centre-line tests, unlike the part sketch
//! of `photo::pen_drawing`: a spiral and wavy lines (curves with lines
//! close to each other), an X and a T junction, letter-like strokes
//! (corners and junctions at other angles), short hatching strokes, small
//! loops, close parallel lines, a triangle and a zigzag. Where each piece
//! sits and how it turns comes from a seed, so the tracer is not tuned to
//! one fixture.

use super::Rng;

type Line = Vec<(f64, f64)>;

/// A uniform value in `lo..hi`.
fn between(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.below(1 << 20) as f64 / f64::from(1 << 20)
}

/// `points` turned by `angle` about `centre`.
fn turned(points: &[(f64, f64)], centre: (f64, f64), angle: f64) -> Line {
    let (s, c) = angle.sin_cos();
    points
        .iter()
        .map(|&(x, y)| {
            let (u, v) = (x - centre.0, y - centre.1);
            (centre.0 + u * c - v * s, centre.1 + u * s + v * c)
        })
        .collect()
}

/// A circle of radius `r` about (`cx`, `cy`), closed (first point repeated).
fn circle(cx: f64, cy: f64, r: f64) -> Line {
    let n = ((std::f64::consts::TAU * r / 3.0).ceil() as u32).max(12);
    (0..=n)
        .map(|k| {
            let a = std::f64::consts::TAU * f64::from(k) / f64::from(n);
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}

/// The sketch for `seed`, as centre lines in an 800 × 600 picture (pixel
/// coordinates, Y down; closed lines repeat their first point), every
/// line at least 30 px inside the picture.
pub fn sketch_drawing(seed: u64) -> Vec<Line> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let rng = &mut rng;
    let tau = std::f64::consts::TAU;
    let mut lines: Vec<Line> = Vec::new();
    let jitter = |rng: &mut Rng, x: f64, y: f64| {
        (x + between(rng, -10.0, 10.0), y + between(rng, -10.0, 10.0))
    };

    // A spiral: 4 turns, 12 px apart, both ends free.
    let (cx, cy) = jitter(rng, 130.0, 140.0);
    let start = between(rng, 0.0, tau);
    let turns = 4.0;
    let n = 600;
    lines.push(
        (0..=n)
            .map(|k| {
                let t = f64::from(k) / f64::from(n);
                let a = start + t * turns * tau;
                let r = 18.0 + 12.0 * turns * t;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect(),
    );

    // Two wavy lines, one slow and one quick.
    for (y, amplitude, wavelength) in [(70.0, 10.0, 60.0), (550.0, 6.0, 32.0)] {
        let (x0, y0) = jitter(rng, 260.0, y);
        let phase = between(rng, 0.0, tau);
        lines.push(
            (0..=280)
                .map(|k| {
                    let x = f64::from(k);
                    (
                        x0 + x,
                        y0 + amplitude * (phase + tau * x / wavelength).sin(),
                    )
                })
                .collect(),
        );
    }

    // An X: two lines crossing at 60–90°.
    let (cx, cy) = jitter(rng, 380.0, 175.0);
    let a = between(rng, 0.0, tau);
    let b = a + between(rng, 60.0, 90.0).to_radians();
    for angle in [a, b] {
        let (s, c) = angle.sin_cos();
        lines.push(vec![
            (cx - 55.0 * c, cy - 55.0 * s),
            (cx + 55.0 * c, cy + 55.0 * s),
        ]);
    }

    // A triangle with 60° corners.
    let (cx, cy) = jitter(rng, 640.0, 140.0);
    let a = between(rng, 0.0, tau);
    let mut triangle: Line = (0..3)
        .map(|k| {
            let t = a + tau * f64::from(k) / 3.0;
            (cx + 65.0 * t.cos(), cy + 65.0 * t.sin())
        })
        .collect();
    triangle.push(triangle[0]);
    lines.push(triangle);

    // Letter-like strokes, 70 px high: E, K, A, H.
    let (x0, y0) = jitter(rng, 50.0, 255.0);
    let letters: [Vec<Line>; 4] = [
        vec![
            vec![(40.0, 0.0), (0.0, 0.0), (0.0, 70.0), (40.0, 70.0)],
            vec![(0.0, 35.0), (32.0, 35.0)],
        ],
        vec![
            vec![(0.0, 0.0), (0.0, 70.0)],
            vec![(40.0, 0.0), (0.0, 38.0), (42.0, 70.0)],
        ],
        vec![
            vec![(0.0, 70.0), (24.0, 0.0), (48.0, 70.0)],
            vec![(9.0, 44.0), (39.0, 44.0)],
        ],
        vec![
            vec![(0.0, 0.0), (0.0, 70.0)],
            vec![(40.0, 0.0), (40.0, 70.0)],
            vec![(0.0, 36.0), (40.0, 36.0)],
        ],
    ];
    for (k, letter) in letters.iter().enumerate() {
        let dx = x0 + 75.0 * k as f64;
        for stroke in letter {
            lines.push(stroke.iter().map(|&(x, y)| (dx + x, y0 + y)).collect());
        }
    }

    // Four close parallel lines, 8 px apart, at an angle up to 30°.
    let (cx, cy) = jitter(rng, 500.0, 290.0);
    let a = between(rng, -30.0, 30.0).to_radians();
    for k in 0..4 {
        let v = 8.0 * (f64::from(k) - 1.5);
        lines.push(turned(
            &[(cx - 70.0, cy + v), (cx + 70.0, cy + v)],
            (cx, cy),
            a,
        ));
    }

    // Small loops, 7–11 px in radius.
    for (x, y) in [(655.0, 270.0), (700.0, 310.0), (745.0, 265.0)] {
        let (x, y) = jitter(rng, x, y);
        lines.push(circle(x, y, between(rng, 7.0, 11.0)));
    }

    // Short hatching strokes, 15–22 px long, 10–12 px apart.
    let (x0, y0) = jitter(rng, 60.0, 440.0);
    let a = between(rng, 10.0, 35.0).to_radians();
    for k in 0..8 {
        let length = between(rng, 15.0, 22.0);
        let (x, y) = (x0 + 12.0 * f64::from(k), y0);
        lines.push(turned(&[(x, y), (x, y + length)], (x, y), -a));
    }

    // A T junction, turned.
    let (cx, cy) = jitter(rng, 330.0, 450.0);
    let a = between(rng, -0.5, 0.5);
    lines.push(turned(&[(cx - 50.0, cy), (cx + 50.0, cy)], (cx, cy), a));
    lines.push(turned(&[(cx, cy), (cx, cy + 60.0)], (cx, cy), a));

    // A zigzag of right angles.
    let (x0, y0) = jitter(rng, 450.0, 470.0);
    lines.push(
        (0..=6)
            .map(|k| {
                (
                    x0 + 40.0 * f64::from(k),
                    y0 + if k % 2 == 0 { 0.0 } else { 40.0 },
                )
            })
            .collect(),
    );
    lines
}
