//! Tracing speed: a 3000 × 3000 drawing end to end (PNG decode, threshold,
//! trace, SVG text), and the editor's live previews of a 12-megapixel
//! photo (filled, and as lines).
//!
//! `cargo bench --bench trace`. The side-by-side comparison
//! with potrace is `tests/benches/trace_vs_potrace.sh`.

#![allow(clippy::unwrap_used)] // Fixed, generated inputs: a failure is a broken benchmark.

use std::hint::black_box;

use geometry::outline::document_path;
use geometry::trace::{
    DecodedImage, PREVIEW_PIXELS, TraceOptions, decode_image, preview_lines_bitmap, trace_image,
    trace_preview,
};
use image::ImageEncoder;

fn main() {
    divan::main();
}

/// A high-contrast drawing: discs, rings, squares and strokes.
fn drawing(size: u32) -> Vec<u8> {
    let s = f64::from(size) / 3000.0;
    let mut luma = vec![255_u8; (size * size) as usize];
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = (f64::from(x) / s, f64::from(y) / s);
            let mut ink = false;
            for k in 0..6 {
                for j in 0..6 {
                    let (cx, cy) = (250.0 + 500.0 * f64::from(k), 250.0 + 500.0 * f64::from(j));
                    let r = (fx - cx).hypot(fy - cy);
                    ink |= match (k + j) % 3 {
                        0 => r < 200.0,
                        1 => (120.0..200.0).contains(&r),
                        _ => (fx - cx).abs() < 150.0 && (fy - cy).abs() < 60.0 + 0.3 * (fx - cx),
                    };
                }
            }
            if ink {
                luma[(y * size + x) as usize] = 0;
            }
        }
    }
    luma
}

fn png_bytes(size: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    encoder
        .write_image(&drawing(size), size, size, image::ExtendedColorType::L8)
        .unwrap();
    out
}

/// A 4000 × 3000 photo-like picture: a soft gradient, sensor noise and a
/// dark drawing on it.
fn photo() -> DecodedImage {
    let (w, h) = (4000_u32, 3000_u32);
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let ink = drawing(3000);
    let luma = (0..w * h)
        .map(|i| {
            let (x, y) = (i % w, i / w);
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let base = 150.0 + 80.0 * f64::from(x) / f64::from(w) + (seed % 24) as f64;
            let drawn = (500..3500).contains(&x) && ink[(y * 3000 + x - 500) as usize] == 0;
            if drawn {
                (base * 0.3) as u8
            } else {
                base.min(255.0) as u8
            }
        })
        .collect();
    DecodedImage::from_luma(w, h, luma).unwrap()
}

fn svg_text(shapes: &[geometry::Shape]) -> String {
    let mut svg = String::new();
    for shape in shapes {
        svg.push_str(&document_path(shape).to_svg());
    }
    svg
}

#[divan::bench(sample_count = 20)]
fn end_to_end_3000(bencher: divan::Bencher) {
    let png = png_bytes(3000);
    bencher.bench(|| {
        let image = decode_image(black_box(&png)).unwrap();
        let shapes = trace_image(&image, &TraceOptions::default(), &|_| true).unwrap();
        svg_text(&shapes).len()
    });
}

#[divan::bench(sample_count = 20)]
fn decode_only_3000(bencher: divan::Bencher) {
    let png = png_bytes(3000);
    bencher.bench(|| decode_image(black_box(&png)).unwrap().width());
}

#[divan::bench(sample_count = 20)]
fn preview_12_megapixel(bencher: divan::Bencher) {
    let image = photo();
    bencher.bench(|| {
        trace_preview(black_box(&image), &TraceOptions::default(), PREVIEW_PIXELS)
            .unwrap()
            .len()
    });
}

/// The lines mode's preview of the same photo: the full picture
/// thresholded, shrunk keeping thin lines (no trace: the dialog shows the
/// picture only).
#[divan::bench(sample_count = 20)]
fn preview_lines_12_megapixel(bencher: divan::Bencher) {
    let image = photo();
    bencher.bench(|| {
        preview_lines_bitmap(black_box(&image), &TraceOptions::default(), PREVIEW_PIXELS)
            .unwrap()
            .0
            .count()
    });
}
