//! Shared helpers for the tracing tests: synthetic pictures with known
//! answers, and a scanline rasteriser to compare traced outlines with the
//! pixels they came from.

#![allow(dead_code)]

pub mod bold;
pub mod photo;
pub mod sketch;

use geometry::Shape;
use geometry::outline::document_path;
use geometry::trace::Bitmap;
use kurbo::{BezPath, PathEl};

/// A bitmap where `inside(x, y)` (pixel centre coordinates) is foreground.
pub fn paint(width: u32, height: u32, inside: impl Fn(f64, f64) -> bool) -> Bitmap {
    let mut b = Bitmap::new(width, height);
    for y in 0..height {
        for x in 0..width {
            if inside(f64::from(x) + 0.5, f64::from(y) + 0.5) {
                b.set(x, y);
            }
        }
    }
    b
}

/// Closed polylines of `path` (flattened at `tolerance`), as point lists.
pub fn polylines(path: &BezPath, tolerance: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    kurbo::flatten(path, tolerance, |el| match el {
        PathEl::MoveTo(p) => out.push(vec![(p.x, p.y)]),
        PathEl::LineTo(p) => {
            if let Some(last) = out.last_mut() {
                last.push((p.x, p.y));
            }
        }
        _ => {}
    });
    out
}

/// Rasterises closed polylines (pixel coordinates, Y down) with the
/// non-zero rule, sampling pixel centres.
pub fn rasterise(rings: &[Vec<(f64, f64)>], width: u32, height: u32) -> Bitmap {
    let mut b = Bitmap::new(width, height);
    // Crossings of each edge with the pixel-centre lines of the rows it spans.
    let mut rows: Vec<Vec<(f64, i32)>> = vec![Vec::new(); height as usize];
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (x0, y0) = ring[i];
            let (x1, y1) = ring[(i + 1) % n];
            let (lo, hi) = (y0.min(y1), y0.max(y1));
            let first = (lo - 0.5).ceil().max(0.0) as usize;
            let last = ((hi - 0.5).ceil().max(0.0) as usize).min(height as usize);
            for (y, row) in rows.iter_mut().enumerate().take(last).skip(first) {
                let cy = y as f64 + 0.5;
                if (y0 <= cy) != (y1 <= cy) {
                    let t = (cy - y0) / (y1 - y0);
                    row.push((x0 + t * (x1 - x0), if y1 > y0 { 1 } else { -1 }));
                }
            }
        }
    }
    for (y, crossings) in rows.iter_mut().enumerate() {
        crossings.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut winding = 0;
        for pair in crossings.windows(2) {
            winding += pair[0].1;
            if winding != 0 {
                let from = (pair[0].0 - 0.5).ceil().max(0.0) as u32;
                let to = (pair[1].0 - 0.5).ceil().min(f64::from(width)) as u32;
                for x in from..to {
                    b.set(x, y as u32);
                }
            }
        }
    }
    b
}

/// Traced shapes (mm, Y up) back to pixels of a `width` × `height` picture
/// whose pixels are `pixel_mm` in size.
pub fn rasterise_shapes(shapes: &[Shape], width: u32, height: u32, pixel_mm: f64) -> Bitmap {
    let mut rings = Vec::new();
    for shape in shapes {
        for ring in polylines(&document_path(shape), pixel_mm * 0.02) {
            rings.push(
                ring.into_iter()
                    .map(|(x, y)| (x / pixel_mm, f64::from(height) - y / pixel_mm))
                    .collect(),
            );
        }
    }
    rasterise(&rings, width, height)
}

/// Intersection over union of two same-size bitmaps.
pub fn iou(a: &Bitmap, b: &Bitmap) -> f64 {
    let (mut both, mut either) = (0_u64, 0_u64);
    for y in 0..i64::from(a.height()) {
        for x in 0..i64::from(a.width()) {
            let (p, q) = (a.get(x, y), b.get(x, y));
            both += u64::from(p && q);
            either += u64::from(p || q);
        }
    }
    if either == 0 {
        1.0
    } else {
        both as f64 / either as f64
    }
}

/// Number of drawn segments (lines and curves) in the shapes.
pub fn segment_count(shapes: &[Shape]) -> usize {
    shapes
        .iter()
        .map(|s| {
            document_path(s)
                .elements()
                .iter()
                .filter(|e| {
                    matches!(
                        e,
                        PathEl::LineTo(_) | PathEl::CurveTo(..) | PathEl::QuadTo(..)
                    )
                })
                .count()
        })
        .sum()
}

/// Number of closed sub-paths in each shape (1 + its holes).
pub fn subpaths(shape: &Shape) -> usize {
    document_path(shape)
        .elements()
        .iter()
        .filter(|e| matches!(e, PathEl::MoveTo(_)))
        .count()
}

/// Filled area of shapes in mm² (non-zero: holes run the other way).
pub fn area(shapes: &[Shape]) -> f64 {
    use kurbo::Shape as _;
    shapes.iter().map(|s| document_path(s).area()).sum()
}

/// A tiny deterministic random generator (xorshift), so tests need no crate.
pub struct Rng(pub u64);

impl Rng {
    /// Next value in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}
