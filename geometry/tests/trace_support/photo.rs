//! Synthetic phone photos of drawings whose truth is known: a coverage map
//! (how much of each pixel is ink) lit unevenly (a light gradient from one
//! side, vignetting, a soft shadow band), blurred, noised and saved as JPEG,
//! the way a maker brings a drawing to the lab.

use geometry::trace::Bitmap;
use image::ImageEncoder;

use super::{Rng, polylines, rasterise};

/// How the sheet is lit; every factor is the darkening at its strongest.
#[derive(Clone, Copy, Debug)]
pub struct Light {
    /// Left edge at full light, right edge this much darker.
    pub gradient: f64,
    /// Corners this much darker than the centre.
    pub vignette: f64,
    /// A soft diagonal shadow band (a hand, a phone) this much darker.
    pub shadow: f64,
}

/// What the phone does to the picture.
#[derive(Clone, Copy, Debug)]
pub struct Camera {
    /// Gaussian blur (out of focus, shake), standard deviation in pixels.
    pub blur_px: f64,
    /// Sensor noise, standard deviation in grey levels on paper in full
    /// light (shot noise: less where less light falls).
    pub noise: f64,
    /// JPEG quality, 1–100.
    pub jpeg_quality: u8,
}

/// One photographing condition, named for the test messages.
#[derive(Clone, Copy, Debug)]
pub struct Condition {
    pub name: &'static str,
    pub light: Light,
    pub camera: Camera,
}

/// From a scan-like photo to a hard one: stronger light changes, more blur
/// and noise, stronger JPEG compression.
pub const CONDITIONS: [Condition; 5] = [
    Condition {
        name: "even light, q90",
        light: Light {
            gradient: 0.0,
            vignette: 0.05,
            shadow: 0.0,
        },
        camera: Camera {
            blur_px: 0.8,
            noise: 3.0,
            jpeg_quality: 90,
        },
    },
    Condition {
        name: "side light + vignette, q85",
        light: Light {
            gradient: 0.45,
            vignette: 0.3,
            shadow: 0.0,
        },
        camera: Camera {
            blur_px: 1.0,
            noise: 4.0,
            jpeg_quality: 85,
        },
    },
    Condition {
        name: "shadow band, q75",
        light: Light {
            gradient: 0.3,
            vignette: 0.3,
            shadow: 0.45,
        },
        camera: Camera {
            blur_px: 1.2,
            noise: 5.0,
            jpeg_quality: 75,
        },
    },
    Condition {
        name: "dim corner + shadow, q50",
        light: Light {
            gradient: 0.5,
            vignette: 0.4,
            shadow: 0.5,
        },
        camera: Camera {
            blur_px: 1.5,
            noise: 6.0,
            jpeg_quality: 50,
        },
    },
    Condition {
        name: "shadow, blur 2, q30",
        light: Light {
            gradient: 0.35,
            vignette: 0.35,
            shadow: 0.55,
        },
        camera: Camera {
            blur_px: 2.0,
            noise: 6.0,
            jpeg_quality: 30,
        },
    },
];

/// Reflectance of the paper and of the ink (fraction of the light).
const PAPER: f64 = 0.92;
const INK: f64 = 0.10;

/// Light reaching pixel (`x`, `y`) of a `w` × `h` sheet, 0–1.
fn light_at(light: &Light, x: f64, y: f64, w: f64, h: f64) -> f64 {
    let gradient = 1.0 - light.gradient * x / w;
    let (u, v) = (x / w - 0.5, y / h - 0.5);
    let vignette = 1.0 - light.vignette * (u * u + v * v) / 0.5;
    // A band along a diagonal, ~20 % of the width across, soft edges of
    // ~8 % of the width (a shadow, not a silhouette).
    let d = ((x - 0.55 * w) + 0.5 * (y - 0.5 * h)) / w;
    let t = ((0.1 - d.abs()) / 0.08 + 0.5).clamp(0.0, 1.0);
    let band = t * t * (3.0 - 2.0 * t);
    gradient * vignette * (1.0 - light.shadow * band)
}

/// `values` blurred by a Gaussian of `sigma` pixels (separable, edges clamped).
fn blur(values: &mut [f64], w: usize, h: usize, sigma: f64) {
    if sigma <= 0.0 {
        return;
    }
    let radius = (3.0 * sigma).ceil() as isize;
    let kernel: Vec<f64> = (-radius..=radius)
        .map(|k| (-(k * k) as f64 / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f64 = kernel.iter().sum();
    let kernel: Vec<f64> = kernel.iter().map(|k| k / total).collect();
    let mut tmp = vec![0.0; values.len()];
    let pass = |src: &[f64], dst: &mut [f64], along_x: bool| {
        for y in 0..h {
            for x in 0..w {
                let mut acc = 0.0;
                for (k, weight) in kernel.iter().enumerate() {
                    let o = k as isize - radius;
                    let (sx, sy) = if along_x {
                        ((x as isize + o).clamp(0, w as isize - 1) as usize, y)
                    } else {
                        (x, (y as isize + o).clamp(0, h as isize - 1) as usize)
                    };
                    acc += weight * src[sy * w + sx];
                }
                dst[y * w + x] = acc;
            }
        }
    };
    pass(values, &mut tmp, true);
    pass(&tmp, values, false);
}

/// A JPEG photo of a drawing given by its ink `coverage` (0–1 per pixel,
/// `w` × `h`, rows top first), under `condition`.
pub fn photograph(coverage: &[f64], w: u32, h: u32, condition: &Condition, seed: u64) -> Vec<u8> {
    let (wu, hu) = (w as usize, h as usize);
    let (wf, hf) = (f64::from(w), f64::from(h));
    let mut values: Vec<f64> = coverage
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let (x, y) = ((i % wu) as f64 + 0.5, (i / wu) as f64 + 0.5);
            255.0 * light_at(&condition.light, x, y, wf, hf) * (PAPER * (1.0 - c) + INK * c)
        })
        .collect();
    blur(&mut values, wu, hu, condition.camera.blur_px);
    let mut rng = Rng(seed | 1);
    let luma: Vec<u8> = values
        .iter()
        .map(|&v| {
            // Sum of four uniforms: close enough to Gaussian noise. Shot
            // noise: it grows as the square root of the light received, so
            // `noise` is its level on the paper in full light.
            let u: f64 = (0..4)
                .map(|_| rng.below(1 << 16) as f64 / 65536.0 - 0.5)
                .sum();
            let sigma = condition.camera.noise * (v.max(0.0) / (255.0 * PAPER)).sqrt();
            (v + sigma * u * 3.0_f64.sqrt()).round().clamp(0.0, 255.0) as u8
        })
        .collect();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, condition.camera.jpeg_quality)
        .write_image(&luma, w, h, image::ExtendedColorType::L8)
        .expect("JPEG encoding of a generated picture");
    out
}

/// Supersampling per pixel side for coverage maps.
const SUPERSAMPLE: u32 = 4;

/// Ink coverage of closed rings (pixel coordinates, Y down, non-zero rule)
/// by supersampling, and the truth bitmap (pixel centres inside).
pub fn filled_coverage(rings: &[Vec<(f64, f64)>], w: u32, h: u32) -> (Vec<f64>, Bitmap) {
    let s = f64::from(SUPERSAMPLE);
    let fine_rings: Vec<Vec<(f64, f64)>> = rings
        .iter()
        .map(|r| r.iter().map(|&(x, y)| (x * s, y * s)).collect())
        .collect();
    let fine = rasterise(&fine_rings, w * SUPERSAMPLE, h * SUPERSAMPLE);
    let mut coverage = vec![0.0; (w * h) as usize];
    for y in 0..h {
        for x in 0..w {
            let mut n = 0;
            for sy in 0..SUPERSAMPLE {
                for sx in 0..SUPERSAMPLE {
                    n += u32::from(fine.get(
                        i64::from(x * SUPERSAMPLE + sx),
                        i64::from(y * SUPERSAMPLE + sy),
                    ));
                }
            }
            coverage[(y * w + x) as usize] = f64::from(n) / (s * s);
        }
    }
    (coverage, rasterise(rings, w, h))
}

/// The bold test drawing, `w` × `h` pixels (4:3): "FAB" in bold letters,
/// a disc, a ring, a rotated square and a star, as closed rings.
pub fn bold_drawing(w: u32, h: u32) -> Vec<Vec<(f64, f64)>> {
    let s = f64::min(f64::from(w) / 800.0, f64::from(h) / 600.0);
    let mut rings: Vec<Vec<(f64, f64)>> = Vec::new();
    let circle = |cx: f64, cy: f64, r: f64, reverse: bool| -> Vec<(f64, f64)> {
        (0..360)
            .map(|k| {
                let a = std::f64::consts::TAU * f64::from(k) / 360.0;
                let a = if reverse { -a } else { a };
                (s * (cx + r * a.cos()), s * (cy + r * a.sin()))
            })
            .collect()
    };
    rings.push(circle(120.0, 450.0, 85.0, false));
    rings.push(circle(340.0, 450.0, 95.0, false));
    rings.push(circle(340.0, 450.0, 50.0, true));
    let (sin, cos) = 0.4_f64.sin_cos();
    rings.push(
        [(-70.0, -70.0), (70.0, -70.0), (70.0, 70.0), (-70.0, 70.0)]
            .iter()
            .map(|&(u, v)| {
                (
                    s * (560.0 + u * cos - v * sin),
                    s * (450.0 + u * sin + v * cos),
                )
            })
            .collect(),
    );
    rings.push(
        (0..10)
            .map(|k| {
                let a = std::f64::consts::TAU * f64::from(k) / 10.0 - std::f64::consts::FRAC_PI_2;
                let r = if k % 2 == 0 { 95.0 } else { 40.0 };
                (s * (690.0 + r * a.cos()), s * (200.0 + r * a.sin()))
            })
            .collect(),
    );
    let text = geometry::text::text_path("FAB", "Lato", 260.0);
    let place =
        kurbo::Affine::translate((40.0 * s, 300.0 * s)) * kurbo::Affine::scale_non_uniform(s, -s);
    rings.extend(polylines(&(place * text), 0.01));
    rings
}

/// The pen test drawing, `w` × `h` pixels (4:3): a part sketch in
/// `width_px` lines, as centre lines (open polylines; closed ones repeat
/// their first point): a plate outline, two holes, a slot, a centre line
/// with a T junction, an arc and a free curve.
pub fn pen_drawing(w: u32, h: u32) -> Vec<Vec<(f64, f64)>> {
    let s = f64::min(f64::from(w) / 800.0, f64::from(h) / 600.0);
    let scaled = |pts: &[(f64, f64)]| pts.iter().map(|&(x, y)| (s * x, s * y)).collect::<Vec<_>>();
    let arc = |cx: f64, cy: f64, r: f64, from: f64, to: f64| -> Vec<(f64, f64)> {
        let n = (((to - from).abs() * r / 3.0).ceil() as u32).max(8);
        (0..=n)
            .map(|k| {
                let a = from + (to - from) * f64::from(k) / f64::from(n);
                (s * (cx + r * a.cos()), s * (cy + r * a.sin()))
            })
            .collect()
    };
    let tau = std::f64::consts::TAU;
    let mut lines = vec![
        scaled(&[
            (80.0, 80.0),
            (560.0, 80.0),
            (560.0, 420.0),
            (80.0, 420.0),
            (80.0, 80.0),
        ]),
        arc(200.0, 250.0, 60.0, 0.0, tau),
        arc(440.0, 250.0, 35.0, 0.0, tau),
        // A T junction: a line down from the plate's top edge, another across.
        scaled(&[(320.0, 80.0), (320.0, 380.0)]),
        scaled(&[(260.0, 380.0), (380.0, 380.0)]),
        // A slot: two straight lines closed by half circles.
        {
            let mut slot = scaled(&[(620.0, 120.0), (620.0, 380.0)]);
            slot.extend(
                arc(650.0, 380.0, 30.0, std::f64::consts::PI, 0.0)
                    .into_iter()
                    .skip(1),
            );
            slot.extend(scaled(&[(680.0, 120.0)]));
            slot.extend(
                arc(650.0, 120.0, 30.0, 0.0, -std::f64::consts::PI)
                    .into_iter()
                    .skip(1),
            );
            slot
        },
        // A free curve, as a sketched dimension arrow would be.
        (0..=60)
            .map(|k| {
                let t = f64::from(k) / 60.0;
                (
                    s * (100.0 + 420.0 * t),
                    s * (500.0 + 30.0 * (t * tau).sin()),
                )
            })
            .collect(),
    ];
    lines.retain(|l| l.len() >= 2);
    lines
}

/// Distance from (`x`, `y`) to the segment `a`–`b`.
pub fn segment_distance((x, y): (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((x - a.0) * dx + (y - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (x - a.0 - t * dx).hypot(y - a.1 - t * dy)
}

/// Ink coverage of `lines` drawn `width_px` wide (supersampled), and the
/// truth bitmap (pixel centres within half the width of a line).
pub fn line_coverage(
    lines: &[Vec<(f64, f64)>],
    w: u32,
    h: u32,
    width_px: f64,
) -> (Vec<f64>, Bitmap) {
    let mut coverage = vec![0.0; (w * h) as usize];
    let mut truth = Bitmap::new(w, h);
    let half = width_px / 2.0;
    let n = SUPERSAMPLE;
    for line in lines {
        for pair in line.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let x0 = (a.0.min(b.0) - half - 1.0).floor().max(0.0) as u32;
            let x1 = ((a.0.max(b.0) + half + 1.0).ceil() as u32).min(w);
            let y0 = (a.1.min(b.1) - half - 1.0).floor().max(0.0) as u32;
            let y1 = ((a.1.max(b.1) + half + 1.0).ceil() as u32).min(h);
            for y in y0..y1 {
                for x in x0..x1 {
                    let (cx, cy) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                    if segment_distance((cx, cy), a, b) <= half {
                        truth.set(x, y);
                    }
                    let mut inside = 0;
                    for sy in 0..n {
                        for sx in 0..n {
                            let p = (
                                f64::from(x) + (f64::from(sx) + 0.5) / f64::from(n),
                                f64::from(y) + (f64::from(sy) + 0.5) / f64::from(n),
                            );
                            inside += u32::from(segment_distance(p, a, b) <= half);
                        }
                    }
                    let c = &mut coverage[(y * w + x) as usize];
                    *c = f64::max(*c, f64::from(inside) / f64::from(n * n));
                }
            }
        }
    }
    (coverage, truth)
}
