//! Bold filled drawings for the photo tests, unlike the fixed "FAB"
//! drawing of `photo::bold_drawing`: a word in one of the bundled fonts,
//! discs, rings, stars, rotated squares, thick bars and one wide filled
//! block (ink wider than the paper estimate's cells), each placed, sized
//! and turned from a seed, so that the tracer is not tuned to one fixture.

use super::{Rng, polylines};

type Ring = Vec<(f64, f64)>;

/// A uniform value in `lo..hi`.
fn between(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.below(1 << 20) as f64 / f64::from(1 << 20)
}

/// A regular star (or polygon when `inner == outer`) of `points` tips.
fn star(centre: (f64, f64), outer: f64, inner: f64, points: u32, turn: f64) -> Ring {
    (0..2 * points)
        .map(|k| {
            let a = turn + std::f64::consts::PI * f64::from(k) / f64::from(points);
            let r = if k % 2 == 0 { outer } else { inner };
            (centre.0 + r * a.cos(), centre.1 + r * a.sin())
        })
        .collect()
}

/// A circle, counter-clockwise or (`hole`) clockwise.
fn circle(centre: (f64, f64), r: f64, hole: bool) -> Ring {
    let n = 360;
    (0..n)
        .map(|k| {
            let a = std::f64::consts::TAU * f64::from(k) / f64::from(n);
            let a = if hole { -a } else { a };
            (centre.0 + r * a.cos(), centre.1 + r * a.sin())
        })
        .collect()
}

/// A rectangle `w` × `h` about `centre`, turned by `turn`.
fn block(centre: (f64, f64), w: f64, h: f64, turn: f64) -> Ring {
    let (s, c) = turn.sin_cos();
    [(-w, -h), (w, -h), (w, h), (-w, h)]
        .iter()
        .map(|&(u, v)| {
            let (u, v) = (u / 2.0, v / 2.0);
            (centre.0 + u * c - v * s, centre.1 + u * s + v * c)
        })
        .collect()
}

/// The drawing for `seed` as closed rings (non-zero rule) in an 800 × 600
/// picture, pixel coordinates, Y down, everything at least 20 px inside.
pub fn bold_layout(seed: u64) -> Vec<Ring> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let rng = &mut rng;
    let mut rings = Vec::new();
    // A word across the top, in one of the bundled fonts.
    let words = ["Fablab", "Atelier", "2026", "Mairie", "Zoé", "Kiosque"];
    let fonts = ["Lato Bold", "Lato", "Andika"];
    let word = words[rng.below(words.len() as u64) as usize];
    let font = fonts[rng.below(fonts.len() as u64) as usize];
    let size = between(rng, 110.0, 150.0);
    // Flipped to Y down, then its left and bottom edges moved to a place
    // of its own (the word's path is centred on its origin).
    let text =
        kurbo::Affine::scale_non_uniform(1.0, -1.0) * geometry::text::text_path(word, font, size);
    let bounds = kurbo::Shape::bounding_box(&text);
    let place = kurbo::Affine::translate((
        between(rng, 30.0, 90.0) - bounds.x0,
        between(rng, 150.0, 190.0) - bounds.y1,
    ));
    rings.extend(polylines(&(place * text), 0.01));
    // Six pieces below it, one per place of a 3 × 2 grid, jittered.
    for k in 0..6 {
        let centre = (
            140.0 + 260.0 * f64::from(k % 3) + between(rng, -20.0, 20.0),
            310.0 + 170.0 * f64::from(k / 3) + between(rng, -15.0, 15.0),
        );
        let turn = between(rng, 0.0, std::f64::consts::TAU);
        match rng.below(6) {
            0 => rings.push(circle(centre, between(rng, 40.0, 70.0), false)),
            1 => {
                let r = between(rng, 50.0, 70.0);
                rings.push(circle(centre, r, false));
                rings.push(circle(centre, r * between(rng, 0.4, 0.7), true));
            }
            2 => {
                let points = 4 + rng.below(5) as u32;
                let outer = between(rng, 50.0, 70.0);
                rings.push(star(
                    centre,
                    outer,
                    outer * between(rng, 0.35, 0.6),
                    points,
                    turn,
                ));
            }
            3 => {
                let side = between(rng, 60.0, 100.0);
                rings.push(block(centre, side, side, turn));
            }
            4 => {
                // A thick bar: a marker stroke 8–16 px wide.
                let width = between(rng, 8.0, 16.0);
                rings.push(block(centre, between(rng, 120.0, 200.0), width, turn));
            }
            _ => {
                // A wide filled block: more ink than paper in its cells.
                rings.push(block(
                    centre,
                    between(rng, 180.0, 220.0),
                    between(rng, 110.0, 140.0),
                    0.0,
                ));
            }
        }
    }
    rings
}
