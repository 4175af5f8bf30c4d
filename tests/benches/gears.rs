//! The benchmark drawing: 400 gears on a 20 × 20 grid, each a filled path
//! of 28 trapezoidal teeth (112 segments) with a 16-sided bore (16
//! segments), so 128 straight segments per gear and 51,200 in all.
//!
//! The page is 500 mm × 500 mm with a viewBox in millimetres; coordinates
//! are written with three decimals. Gears do not touch (outer diameter
//! 20 mm on a 25 mm pitch), so the solid has 400 separate parts. Each gear
//! is turned by its own angle so no two are identical. Everything is
//! computed from integers and fixed constants: the file is the same byte
//! for byte on every run and machine.

use std::f64::consts::TAU;
use std::fmt::Write as _;

/// Gears per row and per column.
pub const GRID: usize = 20;
/// Distance between gear centres, mm.
pub const PITCH_MM: f64 = 25.0;
/// Teeth per gear.
pub const TEETH: usize = 28;
/// Corners of the bore.
pub const BORE_SIDES: usize = 16;
/// Straight segments in the whole drawing.
pub const SEGMENTS: usize = GRID * GRID * (4 * TEETH + BORE_SIDES);

const TIP_RADIUS_MM: f64 = 10.0;
const ROOT_RADIUS_MM: f64 = 8.6;
const BORE_RADIUS_MM: f64 = 2.5;

/// Point at `radius` and `angle` (radians) around `centre`, rounded to the
/// 0.001 mm written in the file.
fn polar(centre: [f64; 2], radius: f64, angle: f64) -> [f64; 2] {
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    [
        round(centre[0] + radius * angle.cos()),
        round(centre[1] + radius * angle.sin()),
    ]
}

/// The outline of gear `index` (counter-clockwise in SVG coordinates) and
/// its bore (clockwise), as they are written in the file.
pub fn gear_contours(index: usize) -> [Vec<[f64; 2]>; 2] {
    let (row, column) = (index / GRID, index % GRID);
    let centre = [
        PITCH_MM * (column as f64 + 0.5),
        PITCH_MM * (row as f64 + 0.5),
    ];
    let phase = TAU * (index % 17) as f64 / (17.0 * TEETH as f64);
    let tooth = TAU / TEETH as f64;
    let mut outer = Vec::with_capacity(4 * TEETH);
    for t in 0..TEETH {
        let a = phase + tooth * t as f64;
        outer.push(polar(centre, ROOT_RADIUS_MM, a));
        outer.push(polar(centre, TIP_RADIUS_MM, a + 0.15 * tooth));
        outer.push(polar(centre, TIP_RADIUS_MM, a + 0.45 * tooth));
        outer.push(polar(centre, ROOT_RADIUS_MM, a + 0.6 * tooth));
    }
    let bore = (0..BORE_SIDES)
        .rev()
        .map(|k| polar(centre, BORE_RADIUS_MM, TAU * k as f64 / BORE_SIDES as f64))
        .collect();
    [outer, bore]
}

/// Area of a closed polygon (shoelace), mm², signed.
fn signed_area(contour: &[[f64; 2]]) -> f64 {
    let n = contour.len();
    (0..n)
        .map(|i| {
            let (a, b) = (contour[i], contour[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Filled area of the whole drawing, mm² (gears minus bores), computed
/// from the rounded coordinates written in the file.
pub fn area_mm2() -> f64 {
    (0..GRID * GRID)
        .map(|i| {
            let [outer, bore] = gear_contours(i);
            signed_area(&outer).abs() - signed_area(&bore).abs()
        })
        .sum()
}

/// The SVG file, UTF-8.
pub fn svg() -> String {
    let size = GRID as f64 * PITCH_MM;
    let mut out = String::with_capacity(SEGMENTS * 20 + 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size}mm" height="{size}mm" viewBox="0 0 {size} {size}">"#
    );
    for i in 0..GRID * GRID {
        out.push_str(r#"<path fill="black" fill-rule="evenodd" d=""#);
        for contour in gear_contours(i) {
            for (k, p) in contour.iter().enumerate() {
                let command = if k == 0 { 'M' } else { 'L' };
                let _ = write!(out, "{command}{:.3} {:.3}", p[0], p[1]);
            }
            out.push('Z');
        }
        out.push_str("\"/>\n");
    }
    out.push_str("</svg>\n");
    out
}
