//! Tracing synthetic pictures whose answer is known: area, number of
//! outlines and holes, and how well the outline covers the pixels.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

mod trace_support;

use geometry::trace::{Bitmap, TraceError, TraceOptions, trace_bitmap};
use trace_support::{Rng, area, iou, paint, rasterise_shapes, segment_count, subpaths};

fn trace(bitmap: &Bitmap, pixel_mm: f64) -> Vec<geometry::Shape> {
    trace_bitmap(bitmap, &TraceOptions::default(), [pixel_mm; 2], &|_| true).unwrap()
}

#[track_caller]
fn assert_area_close(shapes: &[geometry::Shape], expected: f64, rel: f64) {
    let got = area(shapes);
    assert!(
        ((got - expected) / expected).abs() <= rel,
        "area {got} vs {expected} ({:.3} %)",
        100.0 * (got - expected) / expected
    );
}

#[track_caller]
fn assert_faithful(bitmap: &Bitmap, shapes: &[geometry::Shape], pixel_mm: f64, min_iou: f64) {
    let back = rasterise_shapes(shapes, bitmap.width(), bitmap.height(), pixel_mm);
    let score = iou(bitmap, &back);
    assert!(score >= min_iou, "IoU {score}");
}

/// Like potrace, the tracer cuts pixel corners a little: the outline lies
/// on average about 0.25 px inside the pixel boundary. Shapes of 150 px and
/// more are within 0.5 % of their pixel area; smaller ones within this many
/// pixels times their perimeter.
const INWARD_BIAS_PX: f64 = 0.3;

#[test]
fn discs_of_many_sizes_and_scales() {
    for (radius, pixel_mm) in [(8.0, 1.0), (40.0, 0.1), (150.0, 0.25), (400.0, 2.0)] {
        let size = (2.0 * radius + 20.0) as u32;
        let c = f64::from(size) / 2.0;
        let bitmap = paint(size, size, |x, y| (x - c).hypot(y - c) < radius);
        let shapes = trace(&bitmap, pixel_mm);
        assert_eq!(shapes.len(), 1);
        assert_eq!(subpaths(&shapes[0]), 1);
        let pixels = bitmap.count() as f64;
        let rel = if radius >= 150.0 {
            0.005
        } else {
            INWARD_BIAS_PX * std::f64::consts::TAU * radius / pixels
        };
        assert_area_close(&shapes, pixels * pixel_mm * pixel_mm, rel);
        let true_area = std::f64::consts::PI * radius * radius * pixel_mm * pixel_mm;
        assert_area_close(&shapes, true_area, rel + 0.002);
        let min_iou = match radius {
            r if r < 10.0 => 0.95,
            r if r < 100.0 => 0.98,
            _ => 0.995,
        };
        assert_faithful(&bitmap, &shapes, pixel_mm, min_iou);
        // A circle is smooth: no corners, few segments.
        // (Merged curves must stay within 0.2 px, so big circles need more.)
        let max_segments = if radius <= 150.0 { 12 } else { 24 };
        assert!(
            segment_count(&shapes) <= max_segments,
            "{}",
            segment_count(&shapes)
        );
    }
}

#[test]
fn ring_is_one_outline_with_one_hole() {
    let bitmap = paint(440, 440, |x, y| {
        let r = (x - 220.0).hypot(y - 220.0);
        (100.0..200.0).contains(&r)
    });
    let shapes = trace(&bitmap, 0.5);
    assert_eq!(shapes.len(), 1);
    assert_eq!(subpaths(&shapes[0]), 2);
    let expected = std::f64::consts::PI * (200.0_f64.powi(2) - 100.0_f64.powi(2)) * 0.25;
    assert_area_close(&shapes, expected, 0.005);
    assert_area_close(&shapes, bitmap.count() as f64 * 0.25, 0.005);
    assert_faithful(&bitmap, &shapes, 0.5, 0.995);
}

#[test]
fn squares_keep_sharp_corners_and_exact_area() {
    let bitmap = paint(300, 120, |x, y| {
        (10.0..60.0).contains(&x) && (10.0..60.0).contains(&y)
            || (100.0..200.0).contains(&x) && (10.0..110.0).contains(&y)
            || (240.0..250.0).contains(&x) && (50.0..60.0).contains(&y)
    });
    let shapes = trace(&bitmap, 1.0);
    assert_eq!(shapes.len(), 3);
    assert_area_close(&shapes, 2500.0 + 10000.0 + 100.0, 0.001);
    // Four corners each: two straight lines per corner.
    assert_eq!(segment_count(&shapes), 3 * 8);
    assert_faithful(&bitmap, &shapes, 1.0, 0.999);
}

#[test]
fn rotated_square_area() {
    for angle_deg in [10.0_f64, 30.0, 45.0] {
        let (s, c) = angle_deg.to_radians().sin_cos();
        let bitmap = paint(440, 440, |x, y| {
            let (u, v) = (x - 220.0, y - 220.0);
            (u * c + v * s).abs() < 150.0 && (-u * s + v * c).abs() < 150.0
        });
        let shapes = trace(&bitmap, 1.0);
        assert_eq!(shapes.len(), 1);
        assert_area_close(&shapes, 300.0 * 300.0, 0.005);
        assert_area_close(&shapes, bitmap.count() as f64, 0.005);
        assert_faithful(&bitmap, &shapes, 1.0, 0.995);
    }
}

#[test]
fn letters_keep_their_counters() {
    // Glyph outlines from the bundled font, painted with our rasteriser.
    for (text, holes) in [("A", 1), ("B", 2), ("O", 1), ("8", 2), ("L", 0)] {
        let path = geometry::text::text_path(text, "Lato", 300.0);
        let rings: Vec<Vec<(f64, f64)>> = trace_support::polylines(&path, 0.01)
            .into_iter()
            .map(|r| r.into_iter().map(|(x, y)| (x + 200.0, 200.0 - y)).collect())
            .collect();
        let bitmap = trace_support::rasterise(&rings, 400, 400);
        let shapes = trace(&bitmap, 1.0);
        assert_eq!(shapes.len(), 1, "{text}");
        assert_eq!(subpaths(&shapes[0]), 1 + holes, "{text}");
        let perimeter_bound = INWARD_BIAS_PX * 1200.0 / bitmap.count() as f64;
        assert_area_close(&shapes, bitmap.count() as f64, perimeter_bound);
        assert_faithful(&bitmap, &shapes, 1.0, 0.97);
    }
}

#[test]
fn checkerboard_area_is_half() {
    let bitmap = paint(160, 160, |x, y| {
        ((x / 20.0) as u32 + (y / 20.0) as u32).is_multiple_of(2)
    });
    let shapes = trace(&bitmap, 1.0);
    assert_area_close(&shapes, 160.0 * 160.0 / 2.0, 0.005);
    assert_faithful(&bitmap, &shapes, 1.0, 0.99);
}

#[test]
fn one_pixel_noise_is_removed() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bitmap = paint(500, 500, |x, y| (x - 250.0).hypot(y - 250.0) < 160.0);
    let disc = bitmap.count();
    for _ in 0..400 {
        let (x, y) = (rng.below(500) as u32, rng.below(500) as u32);
        // Keep the specks away from the disc so they stay single pixels.
        if (f64::from(x) - 250.0).hypot(f64::from(y) - 250.0) > 170.0 {
            bitmap.set(x, y);
        }
    }
    let shapes = trace(&bitmap, 1.0);
    assert_eq!(shapes.len(), 1);
    assert_area_close(&shapes, disc as f64, 0.005);
    // With speck removal off, every isolated pixel pair or larger would show;
    // single pixels have no polygon and are dropped anyway.
    let opts = TraceOptions {
        turd_size: 0,
        ..TraceOptions::default()
    };
    let all = trace_bitmap(&bitmap, &opts, [1.0; 2], &|_| true).unwrap();
    assert!(!all.is_empty());
}

#[test]
fn blank_pictures_have_nothing_to_trace() {
    let empty = Bitmap::new(50, 40);
    let full = paint(50, 40, |_, _| true);
    let opts = TraceOptions::default();
    assert_eq!(
        trace_bitmap(&empty, &opts, [1.0; 2], &|_| true),
        Err(TraceError::NothingToTrace { all_dark: false })
    );
    assert_eq!(
        trace_bitmap(&full, &opts, [1.0; 2], &|_| true),
        Err(TraceError::NothingToTrace { all_dark: true })
    );
    // Only specks: nothing left once they are removed.
    let mut specks = Bitmap::new(50, 40);
    specks.set(10, 10);
    specks.set(30, 20);
    assert_eq!(
        trace_bitmap(&specks, &opts, [1.0; 2], &|_| true),
        Err(TraceError::NothingToTrace { all_dark: false })
    );
}

#[test]
fn cancelling_stops_the_trace() {
    let bitmap = paint(400, 400, |x, y| {
        ((x / 7.0) as u32 + (y / 9.0) as u32).is_multiple_of(3)
    });
    let calls = std::cell::Cell::new(0);
    let result = trace_bitmap(&bitmap, &TraceOptions::default(), [1.0; 2], &|_| {
        calls.set(calls.get() + 1);
        calls.get() < 5
    });
    assert_eq!(result, Err(TraceError::Cancelled));
    // And progress goes from 0 to 1 when not cancelled.
    let last = std::cell::Cell::new(-1.0_f32);
    let ok = trace_bitmap(&bitmap, &TraceOptions::default(), [1.0; 2], &|f| {
        assert!(f >= last.get());
        last.set(f);
        true
    });
    assert!(ok.is_ok());
    assert_eq!(last.get(), 1.0);
}

#[test]
fn preview_lines_up_with_the_full_trace() {
    use geometry::trace::{DecodedImage, trace_image, trace_preview};
    let (w, h) = (2000_u32, 1500_u32);
    let luma = (0..w * h)
        .map(|i| {
            let (x, y) = (f64::from(i % w), f64::from(i / w));
            if (x - 1000.0).hypot(y - 750.0) < 500.0 {
                20
            } else {
                230
            }
        })
        .collect();
    let image = DecodedImage::from_luma(w, h, luma).unwrap();
    let opts = TraceOptions {
        width_mm: Some(200.0),
        ..TraceOptions::default()
    };
    let full = trace_image(&image, &opts, &|_| true).unwrap();
    let preview = trace_preview(&image, &opts, 100_000).unwrap();
    assert_eq!(preview.len(), 1);
    // Same place and size, to within a preview pixel's worth.
    let expected = std::f64::consts::PI * 50.0 * 50.0;
    assert_area_close(&full, expected, 0.005);
    assert_area_close(&preview, expected, 0.02);
    use kurbo::Shape as _;
    let a = geometry::outline::document_path(&full[0]).bounding_box();
    let b = geometry::outline::document_path(&preview[0]).bounding_box();
    assert!((a.center() - b.center()).hypot() < 0.5, "{a:?} {b:?}");
}

#[test]
fn random_noise_never_panics_and_covers_its_pixels() {
    let mut rng = Rng(12345);
    for case in 0..60 {
        let (w, h) = (1 + rng.below(48) as u32, 1 + rng.below(48) as u32);
        let density = 1 + rng.below(9);
        let mut bitmap = Bitmap::new(w, h);
        for y in 0..h {
            for x in 0..w {
                if rng.below(10) < density {
                    bitmap.set(x, y);
                }
            }
        }
        for turd_size in [0, 2] {
            let opts = TraceOptions {
                turd_size,
                ..TraceOptions::default()
            };
            match trace_bitmap(&bitmap, &opts, [1.0; 2], &|_| true) {
                Ok(shapes) => {
                    let back = rasterise_shapes(&shapes, w, h, 1.0);
                    let score = iou(&bitmap, &back);
                    assert!(
                        score > 0.5 || density < 5 || w.min(h) < 8,
                        "case {case}: {w}×{h} density {density} turd {turd_size}: IoU {score}"
                    );
                }
                Err(TraceError::NothingToTrace { .. }) => {}
                Err(e) => panic!("case {case}: {e}"),
            }
        }
    }
}
