//! A seeded generator of random but realistic extrusion designs, and the
//! checks every extruded mesh must pass: what a first-time maker draws (a
//! 2–4 mm plate with 1–6 rectangles, ellipses, polygons, stars and texts on
//! it; raised, sunk, from the bed or through; touching the plate's edge or
//! each other along an edge or at a corner; rotated; on a 0.05–1 mm grid),
//! with the cases that break meshers on purpose: tangent circles, stars
//! tip to tip, "fablab" hanging over an ellipse plate's edge.
//!
//! The same seed gives the same design on every machine (our own small
//! generator, no floating-point state), so a failure prints its seed and
//! `design(seed)` replays it.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use geometry::outline::union_region;
use geometry::{Document, Extrusion, Mesh, Shape, ShapeKind};
use kurbo::Affine;

/// Flattening tolerance of the property tests, mm (the CLI's default).
pub const TOL: f64 = geometry::DEFAULT_TOLERANCE_MM;

/// SplitMix64: tiny, seedable, good enough to spread designs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Rounds to the design's grid (0: no grid).
fn on(grid: f64, v: f64) -> f64 {
    if grid > 0.0 {
        (v / grid).round() * grid
    } else {
        v
    }
}

fn placed(
    kind: ShapeKind,
    x: f64,
    y: f64,
    angle_deg: f64,
    base: f64,
    height: f64,
    hole: bool,
) -> Shape {
    let mut s = Shape::new(kind);
    s.transform = Affine::translate((x, y)) * Affine::rotate(angle_deg.to_radians());
    s.extrusion = Extrusion { height, base, hole };
    s
}

const WORDS: &[&str] = &["fablab", "Léa", "Noé", "ATELIER", "Chloé 8", "go!", "Zoë"];

/// How a feature stands on the plate.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Raised,
    Sunk,
    FromBed,
    Through,
}

/// The design of `seed`: a plate and 1–6 features.
pub fn design(seed: u64) -> Vec<Shape> {
    let mut rng = Rng::new(seed);
    let grid = rng.pick(&[0.0, 0.0, 0.05, 0.1, 0.1, 0.25, 0.5, 1.0]);
    let g = |v: f64| on(grid, v);
    let thick = g(rng.range(2.0, 4.0)).max(0.5);
    let (pw, ph) = (g(rng.range(30.0, 70.0)), g(rng.range(20.0, 40.0)));
    let ellipse_plate = rng.chance(0.3);
    let plate_kind = if ellipse_plate {
        ShapeKind::Ellipse {
            rx: pw / 2.0,
            ry: ph / 2.0,
        }
    } else if rng.chance(0.3) {
        ShapeKind::RoundedRectangle {
            width: pw,
            height: ph,
            radius: g(rng.range(1.0, 6.0)),
        }
    } else {
        ShapeKind::Rectangle {
            width: pw,
            height: ph,
        }
    };
    let mut shapes = vec![placed(plate_kind, 0.0, 0.0, 0.0, 0.0, thick, false)];
    let features = 1 + rng.below(6);
    // Where the previous feature was, to touch it along an edge or a corner.
    let mut last: Option<(f64, f64, f64, f64, f64)> = None; // x, y, w, h, angle
    for _ in 0..features {
        let mode = rng.pick(&[
            Mode::Raised,
            Mode::Raised,
            Mode::Sunk,
            Mode::FromBed,
            Mode::Through,
        ]);
        let (base, height, hole) = match mode {
            Mode::Raised => (thick, g(rng.range(0.5, 2.0)).max(0.25), false),
            Mode::Sunk => {
                let depth = g(rng.range(0.5, thick - 0.5)).clamp(0.25, thick - 0.25);
                (
                    thick - depth,
                    depth + if rng.chance(0.3) { 1.0 } else { 0.0 },
                    true,
                )
            }
            Mode::FromBed => (0.0, thick + g(rng.range(0.5, 2.0)).max(0.25), false),
            Mode::Through => {
                if rng.chance(0.5) {
                    (0.0, thick, true)
                } else {
                    (-0.5, thick + 1.0, true)
                }
            }
        };
        let angle = rng.pick(&[0.0, 0.0, 0.0, 19.5, 45.0, 90.0, -30.0]);
        let (w, h) = (
            g(rng.range(2.0, 16.0)).max(0.5),
            g(rng.range(2.0, 12.0)).max(0.5),
        );
        let mut x = g(rng.range(-pw / 2.0, pw / 2.0));
        let mut y = g(rng.range(-ph / 2.0, ph / 2.0));
        let mut a = angle;
        let kind = match rng.below(8) {
            0 | 1 => {
                // Rectangles: alone, against the plate's edge, or against
                // the previous feature along an edge or at a corner, at
                // the same rotation.
                match (rng.below(4), last) {
                    (1, _) if !ellipse_plate => {
                        a = 0.0;
                        x = pw / 2.0 - w / 2.0 + if rng.chance(0.5) { 0.0 } else { w / 2.0 };
                    }
                    (2, Some((lx, ly, lw, _lh, la))) => {
                        // Side by side, sharing part of an edge.
                        a = la;
                        let (c, s) = (la.to_radians().cos(), la.to_radians().sin());
                        let d = (lw + w) / 2.0;
                        let shift = g(rng.range(-2.0, 2.0));
                        x = lx + d * c - shift * s;
                        y = ly + d * s + shift * c;
                    }
                    (3, Some((lx, ly, lw, lh, la))) => {
                        // Corner to corner.
                        a = la;
                        let (c, s) = (la.to_radians().cos(), la.to_radians().sin());
                        let (dx, dy) = ((lw + w) / 2.0, (lh + h) / 2.0);
                        x = lx + dx * c - dy * s;
                        y = ly + dx * s + dy * c;
                    }
                    _ => {}
                }
                last = Some((x, y, w, h, a));
                ShapeKind::Rectangle {
                    width: w,
                    height: h,
                }
            }
            2 => {
                // A circle, sometimes tangent to a rectangular plate's edge
                // or to the previous feature's right side.
                let r = g(rng.range(0.5, 6.0)).max(0.25);
                if rng.chance(0.4) && !ellipse_plate {
                    a = 0.0;
                    x = g(pw / 2.0 - r);
                } else if let (true, Some((lx, ly, lw, _, 0.0))) = (rng.chance(0.4), last) {
                    a = 0.0;
                    x = lx + lw / 2.0 + r;
                    y = ly;
                }
                ShapeKind::Ellipse {
                    rx: r,
                    ry: if rng.chance(0.7) { r } else { h / 2.0 },
                }
            }
            3 => ShapeKind::RegularPolygon {
                sides: 3 + rng.below(6) as u32,
                radius: w / 2.0,
            },
            4 | 5 => {
                // Stars, sometimes two tip to tip.
                let r = w / 2.0;
                let kind = ShapeKind::Star {
                    points: 4 + rng.below(4) as u32,
                    outer_radius: r,
                    inner_ratio: 0.45,
                };
                if rng.chance(0.5) {
                    shapes.push(placed(
                        kind.clone(),
                        x,
                        y + 2.0 * r,
                        180.0,
                        base,
                        height,
                        hole,
                    ));
                    a = 0.0;
                }
                kind
            }
            _ => {
                let text = rng.pick(WORDS);
                let size = if text == "fablab" {
                    6.2
                } else {
                    g(rng.range(4.0, 12.0)).max(2.0)
                };
                if text == "fablab" && ellipse_plate {
                    // Hanging over the edge of the plate.
                    x = pw / 2.0 - 4.0;
                    y = 0.0;
                    a = 0.0;
                }
                ShapeKind::Text {
                    text: text.into(),
                    font: "Lato".into(),
                    size,
                }
            }
        };
        shapes.push(placed(kind, x, y, a, base, height, hole));
    }
    shapes
}

/// The volume the design promises: per band between consecutive heights,
/// the area of the solids covering it minus the holes covering it.
pub fn expected_volume(shapes: &[Shape]) -> f64 {
    let mut levels: Vec<f64> = shapes
        .iter()
        .flat_map(|s| [s.extrusion.base, s.extrusion.base + s.extrusion.height])
        .collect();
    levels.sort_by(f64::total_cmp);
    levels.dedup();
    let mut want = 0.0;
    for w in levels.windows(2) {
        let mid = (w[0] + w[1]) / 2.0;
        let covering = |hole: bool| {
            shapes.iter().filter(move |s| {
                s.extrusion.hole == hole
                    && s.extrusion.height > 0.0
                    && s.extrusion.base < mid
                    && mid < s.extrusion.base + s.extrusion.height
            })
        };
        want += union_region(covering(false), TOL)
            .difference(&union_region(covering(true), TOL))
            .area()
            * (w[1] - w[0]);
    }
    want
}

/// A document holding `shapes`.
pub fn document(shapes: &[Shape]) -> Document {
    let mut doc = Document::new();
    for s in shapes {
        doc.add(s.clone());
    }
    doc
}

/// What is wrong with the extrusion of one design, or `None` when clean.
pub fn fault(meshes: &[Mesh], want: f64) -> Option<String> {
    let mut volume = 0.0;
    for (i, m) in meshes.iter().enumerate() {
        let d = m.defects();
        if !d.is_clean() {
            return Some(format!("part {i}: {d:?}"));
        }
        let zero = m.zero_area_triangles();
        if zero > 0 {
            return Some(format!("part {i}: {zero} zero-area triangles"));
        }
        let v = m.signed_volume();
        if v <= 0.0 {
            return Some(format!("part {i}: inside out ({v})"));
        }
        volume += v;
    }
    if (volume - want).abs() > 1e-3 * want {
        return Some(format!("volume {volume} != {want}"));
    }
    None
}
