//! Decoding pictures for tracing: every supported format, orientation,
//! resolution, transparency, and every kind of bad file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

use std::io::Cursor;

use geometry::trace::{
    DEFAULT_WIDTH_MM, DecodedImage, MAX_PIXELS, MAX_SIDE_PX, TraceError, TraceOptions,
    decode_image, trace_image,
};
use image::{DynamicImage, ImageFormat, RgbaImage};

/// A 40 × 20 picture: black square on the left half, white elsewhere.
fn sample() -> DynamicImage {
    let mut img = RgbaImage::from_pixel(40, 20, image::Rgba([255, 255, 255, 255]));
    for y in 4..16 {
        for x in 4..16 {
            img.put_pixel(x, y, image::Rgba([0, 0, 0, 255]));
        }
    }
    DynamicImage::ImageRgba8(img)
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend(data);
    out.extend(&body);
    out.extend(crc32(&body).to_be_bytes());
    out
}

/// A PNG whose header claims `width` × `height`, with no pixel data.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png
}

#[test]
fn every_format_decodes_to_the_same_luminance() {
    let img = sample();
    for format in [
        ImageFormat::Png,
        ImageFormat::Jpeg,
        ImageFormat::Bmp,
        ImageFormat::Gif,
        ImageFormat::WebP,
        ImageFormat::Tiff,
    ] {
        let source = if format == ImageFormat::Jpeg {
            DynamicImage::ImageRgb8(img.to_rgb8())
        } else {
            img.clone()
        };
        let decoded = decode_image(&encode(&source, format)).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (40, 20), "{format:?}");
        let at = |x: u32, y: u32| decoded.luma()[(y * 40 + x) as usize];
        assert!(at(10, 10) < 40, "{format:?}: {}", at(10, 10));
        assert!(at(30, 10) > 215, "{format:?}: {}", at(30, 10));
    }
}

/// PNG rows go straight to luminance (on two threads for big pictures):
/// the same luminance and opacity as the general path gives the same
/// picture stored as TIFF, for every 8-bit colour type, small and big,
/// and 16-bit PNGs still decode (by the general path).
#[test]
fn png_rows_decode_like_the_general_path() {
    let mut seed = 12345_u32;
    let mut noise = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 16) as u8
    };
    for (w, h) in [(40, 20), (1100, 1000)] {
        let rgba = RgbaImage::from_fn(w, h, |_, _| {
            image::Rgba([noise(), noise(), noise(), noise()])
        });
        let rgba = DynamicImage::ImageRgba8(rgba);
        for source in [
            DynamicImage::ImageLuma8(rgba.to_luma8()),
            DynamicImage::ImageLumaA8(rgba.to_luma_alpha8()),
            DynamicImage::ImageRgb8(rgba.to_rgb8()),
            rgba.clone(),
        ] {
            let png = decode_image(&encode(&source, ImageFormat::Png)).unwrap();
            // TIFF has no grey + alpha: that one as RGBA (grey r = g = b).
            let reference = match source {
                DynamicImage::ImageLumaA8(_) => DynamicImage::ImageRgba8(source.to_rgba8()),
                _ => source.clone(),
            };
            let tiff = decode_image(&encode(&reference, ImageFormat::Tiff)).unwrap();
            let kind = format!("{:?} {w}x{h}", source.color());
            assert_eq!((png.width(), png.height()), (w, h), "{kind}");
            assert!(png.luma() == tiff.luma(), "{kind}: luminance differs");
            assert!(png.alpha() == tiff.alpha(), "{kind}: opacity differs");
            assert_eq!(png.alpha().is_some(), source.color().has_alpha(), "{kind}");
        }
    }
    let deep = DynamicImage::ImageLuma16(sample().to_luma16());
    let decoded = decode_image(&encode(&deep, ImageFormat::Png)).unwrap();
    assert!(decoded.luma()[10 * 40 + 10] < 40 && decoded.luma()[10 * 40 + 30] > 215);
}

#[test]
fn exif_orientation_is_applied() {
    let jpeg = encode(
        &DynamicImage::ImageRgb8(sample().to_rgb8()),
        ImageFormat::Jpeg,
    );
    // APP1 "Exif" with one IFD entry: Orientation (0x0112) = 6, rotate 90° clockwise.
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    exif.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((exif.len() + 2) as u16).to_be_bytes());
    app1.extend(exif);
    let mut rotated = jpeg[..2].to_vec();
    rotated.extend(app1);
    rotated.extend(&jpeg[2..]);
    let decoded = decode_image(&rotated).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (20, 40));
    // The black square was on the left; rotated clockwise it is at the top.
    assert!(decoded.luma()[(10 * 20 + 10) as usize] < 40);
    assert!(decoded.luma()[(30 * 20 + 10) as usize] > 215);
}

#[test]
fn png_resolution_sets_the_physical_size() {
    let png = encode(&sample(), ImageFormat::Png);
    // Insert pHYs (300 dpi = 11811 px/m) right after IHDR (8 + 25 bytes).
    let mut data = 11811_u32.to_be_bytes().to_vec();
    data.extend(11811_u32.to_be_bytes());
    data.push(1);
    let mut with_dpi = png[..33].to_vec();
    with_dpi.extend(chunk(b"pHYs", &data));
    with_dpi.extend(&png[33..]);
    let decoded = decode_image(&with_dpi).unwrap();
    let dpi = decoded.dpi().unwrap();
    assert!((dpi[0] - 300.0).abs() < 0.01);
    let [px, _] = decoded.pixel_size_mm(None);
    assert!((px * 40.0 - 40.0 * 25.4 / 300.0).abs() < 1e-3);
    // An explicit width wins; no resolution at all gives the default width.
    assert!((decoded.pixel_size_mm(Some(80.0))[0] * 40.0 - 80.0).abs() < 1e-9);
    let plain = decode_image(&png).unwrap();
    assert_eq!(plain.dpi(), None);
    assert!((plain.pixel_size_mm(None)[0] * 40.0 - DEFAULT_WIDTH_MM).abs() < 1e-9);
}

#[test]
fn transparent_pixels_are_background() {
    // Black everywhere, but only the middle square opaque.
    let mut img = RgbaImage::from_pixel(30, 30, image::Rgba([0, 0, 0, 0]));
    for y in 10..20 {
        for x in 10..20 {
            img.put_pixel(x, y, image::Rgba([0, 0, 0, 255]));
        }
    }
    let decoded = decode_image(&encode(&DynamicImage::ImageRgba8(img), ImageFormat::Png)).unwrap();
    let opts = TraceOptions {
        width_mm: Some(30.0),
        ..TraceOptions::default()
    };
    let shapes = trace_image(&decoded, &opts, &|_| true).unwrap();
    assert_eq!(shapes.len(), 1);
    let inverted = TraceOptions {
        invert: true,
        ..opts
    };
    // Inverted, the opaque square is light... and black is all there is:
    // nothing is light and opaque.
    assert_eq!(
        trace_image(&decoded, &inverted, &|_| true),
        Err(TraceError::NothingToTrace { all_dark: false })
    );
}

#[test]
fn huge_header_is_refused_before_decoding() {
    assert_eq!(
        decode_image(&png_header(100_000, 100_000)),
        Err(TraceError::TooLarge {
            width: 100_000,
            height: 100_000,
            max_side: MAX_SIDE_PX,
            max_pixels: MAX_PIXELS,
        })
    );
    // Within the side limit but too many pixels in all.
    assert!(matches!(
        decode_image(&png_header(20_000, 20_000)),
        Err(TraceError::TooLarge { .. })
    ));
}

#[test]
fn bad_files_give_clear_errors() {
    let png = encode(&sample(), ImageFormat::Png);
    assert_eq!(decode_image(&[]), Err(TraceError::Empty));
    assert!(matches!(
        decode_image(&png[..png.len() / 2]),
        Err(TraceError::Corrupt { .. })
    ));
    let mut garbage = png[..40].to_vec();
    garbage.extend([0x55; 200]);
    assert!(matches!(
        decode_image(&garbage),
        Err(TraceError::Corrupt { .. })
    ));
    assert!(matches!(
        decode_image(&png_header(0, 10)),
        Err(TraceError::ZeroSize {
            width: 0,
            height: 10
        })
    ));
    assert!(matches!(
        decode_image(b"%PDF-1.4 not a picture"),
        Err(TraceError::Unsupported { .. })
    ));
    // An icon file is a picture format, but not one we trace.
    assert!(matches!(
        decode_image(&[0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0]),
        Err(TraceError::Unsupported { .. })
    ));
    for bytes in [&png[..8], &png[..20], &png[..33]] {
        assert!(decode_image(bytes).is_err());
    }
}

#[test]
fn blank_pictures_have_nothing_to_trace() {
    for value in [0_u8, 255] {
        let img = DecodedImage::from_luma(20, 20, vec![value; 400]).unwrap();
        let result = trace_image(&img, &TraceOptions::default(), &|_| true);
        assert_eq!(
            result,
            Err(TraceError::NothingToTrace {
                all_dark: value == 0
            })
        );
    }
}

#[test]
fn error_messages_are_one_line() {
    let errors = [
        TraceError::Empty,
        TraceError::ZeroSize {
            width: 0,
            height: 3,
        },
        TraceError::Unsupported {
            format: "Ico".into(),
        },
        TraceError::TooLarge {
            width: 100_000,
            height: 100_000,
            max_side: MAX_SIDE_PX,
            max_pixels: MAX_PIXELS,
        },
        TraceError::Corrupt {
            reason: "unexpected end of file".into(),
        },
        TraceError::NothingToTrace { all_dark: false },
        TraceError::Cancelled,
    ];
    for e in errors {
        let text = e.to_string();
        assert!(!text.contains('\n') && !text.is_empty(), "{text}");
    }
}

#[test]
fn damaged_files_of_every_format_never_panic() {
    let img = DynamicImage::ImageRgb8(sample().to_rgb8());
    for format in [
        ImageFormat::Png,
        ImageFormat::Jpeg,
        ImageFormat::Bmp,
        ImageFormat::Gif,
        ImageFormat::WebP,
        ImageFormat::Tiff,
    ] {
        let good = encode(&img, format);
        for cut in (0..good.len()).step_by(7) {
            let _ = decode_image(&good[..cut]);
        }
        let mut seed = 0x1234_5678_u32;
        for _ in 0..200 {
            let mut bad = good.clone();
            for _ in 0..4 {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let at = (seed >> 8) as usize % bad.len();
                bad[at] ^= (seed & 0xFF) as u8 | 1;
            }
            if let Ok(decoded) = decode_image(&bad) {
                let _ = trace_image(&decoded, &TraceOptions::default(), &|_| true);
            }
        }
    }
}
