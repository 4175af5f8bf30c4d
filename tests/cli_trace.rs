//! End to end: `fabrique trace` on pictures written here (BMP by hand, a
//! PNG header forged to claim 100000 × 100000 pixels): a good picture gives
//! a laser SVG at the asked width; every bad one gives one line on stderr,
//! exit status 1 and no file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

mod support;

use std::path::Path;

use support::run;

/// A 24-bit BMP of `w` × `h` pixels, grey level `luma(x, y)` (rows top first).
fn bmp(w: u32, h: u32, luma: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let row = (w * 3).div_ceil(4) * 4;
    let size = 54 + row * h;
    let mut out = b"BM".to_vec();
    for v in [size, 0, 54, 40, w, h] {
        out.extend(v.to_le_bytes());
    }
    out.extend(1_u16.to_le_bytes());
    out.extend(24_u16.to_le_bytes());
    for v in [0, row * h, 2835, 2835, 0, 0] {
        out.extend(v.to_le_bytes());
    }
    for y in (0..h).rev() {
        let mut line: Vec<u8> = (0..w).flat_map(|x| [luma(x, y); 3]).collect();
        line.resize(row as usize, 0);
        out.extend(line);
    }
    out
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

fn huge_png_header() -> Vec<u8> {
    let mut body = b"IHDR".to_vec();
    body.extend(100_000_u32.to_be_bytes());
    body.extend(100_000_u32.to_be_bytes());
    body.extend([8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13_u32.to_be_bytes());
    png.extend(&body);
    png.extend(crc32(&body).to_be_bytes());
    png
}

fn disc(x: u32, y: u32) -> u8 {
    let (dx, dy) = (f64::from(x) - 150.0, f64::from(y) - 100.0);
    if dx.hypot(dy) < 80.0 { 10 } else { 245 }
}

#[test]
fn a_picture_becomes_a_laser_svg_at_the_asked_width() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("disc.bmp");
    std::fs::write(&input, bmp(300, 200, disc)).unwrap();
    let output = dir.path().join("disc.svg");
    let result = run(&[
        "trace",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--width",
        "60",
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let svg = std::fs::read_to_string(&output).unwrap();
    assert!(svg.contains("<svg") && svg.contains("mm\""), "{svg}");
    // --width is the width of the traced shapes: the disc is 60 mm across.
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
    let bounds = tree.root().abs_bounding_box();
    let mm_per_px = 25.4 / 96.0;
    let width_mm = f64::from(bounds.width()) * mm_per_px;
    assert!((width_mm - 60.0).abs() < 0.05, "{width_mm}");
    // The page is the picture's frame at that scale (the disc is about
    // 160 px of 300): about 112 mm, the disc in its middle.
    let page_mm = f64::from(tree.size().width()) * mm_per_px;
    assert!((page_mm - 60.0 * 300.0 / 160.0).abs() < 2.0, "{page_mm}");
    let left_mm = f64::from(bounds.x()) * mm_per_px;
    assert!((left_mm - (page_mm - 60.0) / 2.0).abs() < 1.0, "{left_mm}");
}

#[track_caller]
fn assert_refused(dir: &Path, name: &str, bytes: &[u8], expect: &str) {
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.join("out.svg");
    let result = run(&[
        "trace",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
    assert!(
        stderr.contains(expect),
        "{name}: {stderr:?} lacks {expect:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!output.exists(), "{name}: output left behind");
    std::fs::remove_file(&input).unwrap();
    assert_eq!(
        std::fs::read_dir(dir).unwrap().count(),
        0,
        "{name}: files left"
    );
}

#[test]
fn bad_pictures_are_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let good = bmp(300, 200, disc);
    assert_refused(dir.path(), "empty.png", b"", "empty");
    assert_refused(dir.path(), "cut.bmp", &good[..good.len() / 3], "damaged");
    assert_refused(dir.path(), "huge.png", &huge_png_header(), "too large");
    assert_refused(dir.path(), "zero.bmp", &bmp(0, 0, disc), "no pixels");
    assert_refused(
        dir.path(),
        "white.bmp",
        &bmp(50, 50, |_, _| 255),
        "nothing to trace",
    );
    assert_refused(
        dir.path(),
        "black.bmp",
        &bmp(50, 50, |_, _| 0),
        "nothing to trace",
    );
    // Over 200,000 separate specks, as a photo of noise or of a texture
    // gives: more outlines than a drawing may hold segments.
    assert_refused(
        dir.path(),
        "specks.bmp",
        &bmp(
            1400,
            1400,
            |x, y| if x % 3 < 2 && y % 3 < 2 { 0 } else { 255 },
        ),
        "texture or noise",
    );
    let mut icon = vec![0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0];
    icon.extend([0; 64]);
    assert_refused(dir.path(), "icon.png", &icon, "not");
}

/// A pen ring 4 px wide (radius 60 px) and a straight stroke across.
fn pen_ring(x: u32, y: u32) -> u8 {
    let (dx, dy) = (f64::from(x) - 150.0, f64::from(y) - 100.0);
    let ring = (dx.hypot(dy) - 60.0).abs() < 2.0;
    let stroke = (240..280).contains(&x) && (20..24).contains(&y);
    if ring || stroke { 20 } else { 240 }
}

#[test]
fn lines_trace_each_pen_stroke_once_as_cut_or_score() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ring.bmp");
    std::fs::write(&input, bmp(300, 200, pen_ring)).unwrap();
    let trace = |extra: &[&str]| {
        let output = dir.path().join("out.svg");
        let mut args = vec![
            "trace",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ];
        args.extend(extra);
        let result = run(&args);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let svg = std::fs::read_to_string(&output).unwrap();
        std::fs::remove_file(&output).unwrap();
        svg
    };
    // Outlines: both sides of the ring and of the stroke, three loops.
    let outlines = trace(&[]);
    let closings = |svg: &str| svg.matches(['Z', 'z']).count();
    assert_eq!(closings(&outlines), 3, "{outlines}");
    // Lines: the ring once (closed) and the stroke once (open).
    let lines = trace(&["--lines"]);
    assert_eq!(closings(&lines), 1, "{lines}");
    assert_eq!(lines.matches("<path").count(), 2, "{lines}");
    assert!(lines.contains("stroke=\"#FF0000\""), "{lines}");
    let scored = trace(&["--lines", "--score"]);
    assert!(scored.contains("stroke=\"#0000FF\""), "{scored}");
    assert!(!scored.contains("stroke=\"#FF0000\""), "{scored}");
    // --score alone makes no sense: refused by the argument parser.
    let output = dir.path().join("bad.svg");
    let refused = run(&[
        "trace",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--score",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!output.exists());
}
