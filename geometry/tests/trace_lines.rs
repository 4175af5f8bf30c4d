//! Pen drawings traced to single centre lines (`trace_lines`), compared
//! with the centre lines they were drawn along: generated phone photos
//! (`trace_support::photo`) and a clean scan with 1 px lines. Every truth
//! line must be found within 1 px, and every traced line must lie within
//! 1 px of a truth line (the symmetric Hausdorff distance): the part
//! sketch and the seeded sketch under all five photo conditions with both
//! pens (see [`PART_WITHIN_1_PX`], [`SKETCH_WITHIN_1_PX`]), and eight
//! other sketch layouts under the three easier conditions
//! ([`OTHER_SKETCHES_WITHIN_1_PX`]) and, within [`HARD_MISSED_PX`] and
//! [`HARD_STRAY_PX`], the dim corner at q50 and blur with q30.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

mod trace_support;

use geometry::outline::document_path;
use geometry::trace::{DecodedImage, TraceOptions, decode_image, trace_image, trace_lines};
use trace_support::photo::{CONDITIONS, line_coverage, pen_drawing, photograph, segment_distance};
use trace_support::sketch::sketch_drawing;
use trace_support::{polylines, rasterise_shapes};

const W: u32 = 800;
const H: u32 = 600;

/// How many of the photo conditions (in `CONDITIONS` order) hold a
/// drawing to 1 px both ways, with the 1.5 px pen and with the 2 px pen.
///
/// The part sketch (`pen_drawing`) is held under all five: worst 0.92 px
/// (2026-12-05; by place, worst of all: free ends 0.92 px, the free
/// curve's end with the 1.5 px pen at q30, 0.83 px before line ends kept
/// to the middle of their own ink; corners 0.28 px, junctions 0.37 px,
/// the rest 0.84 px, traced→truth 0.84 px).
/// Before the centre lines were centred on their ink, junctions placed
/// where their lines meet, spurs pruned with their stems and faint lone
/// lines dropped, only the first three held: 1.04 px at a corner, a 4 px
/// spur 3.9 px off a curve at q50 and a 20 px line along the picture's
/// dark top edge at q30.
const PART_WITHIN_1_PX: [usize; 2] = [5, 5];

/// [`PART_WITHIN_1_PX`] for the seeded sketch (`sketch_drawing`, a
/// layout of its own under each condition): all five with both pens,
/// worst 0.83 px with the 2 px pen and 0.92 px with the 1.5 px pen
/// (2026-12-05; 0.91 and 0.96 px before line ends kept to the middle of
/// their own ink). Before placed line ends were drawn back to where the
/// grey levels show ink (`ink_end`), with the 1.5 px pen the left end of
/// the quick wavy line at q50, which curls within a crest of 4 px radius,
/// was carried on 1.93 px past its ink, and at q30 a fading end in the
/// deep shadow bent 1.40 px off; and before a centre-line point whose
/// own shift to the middle of the ink was refused moved with its
/// neighbours (`centre`), a kink stood 1.13 px off a straight line at q30.
const SKETCH_WITHIN_1_PX: [usize; 2] = [5, 5];

/// How many of the photo conditions (in `CONDITIONS` order) the other
/// sketch layouts (`other_sketch_layouts_trace_to_their_centre_lines`)
/// are traced under: all five, the three held to 1 px both ways
/// ([`OTHER_SKETCHES_WITHIN_1_PX`]) and the dim corner at q50 and blur
/// with q30 held to [`HARD_MISSED_PX`] and [`HARD_STRAY_PX`]. Blur and
/// q30 were left out (up to 8.2 px off: the noise in the deep shadow
/// bridged or carried on lines, 2026-12-05) before the stretches of
/// thinned line hardly darker than their paper were cut out (`strokes`).
const OTHER_SKETCH_CONDITIONS: usize = 5;

/// [`PART_WITHIN_1_PX`] for the other sketch layouts: all three
/// conditions with both pens, worst 0.82 px with the 2 px pen and 0.84 px
/// with the 1.5 px pen (2026-12-05; 0.95 px before line ends kept to the
/// middle of their own ink). Before placed line ends were drawn back to
/// their ink (`ink_end`), a line end of layout 100 under the shadow band
/// at q75 was 1.09 px off the truth with the 1.5 px pen. Under the two
/// harder conditions they are not held (measured 2026-12-05: at q50 up to
/// 1.10 px traced→truth at the end of layout 102's slow wavy line, where
/// a JPEG block carries the faint ink on, and 1.13 px, layout 101 with
/// the 1.5 px pen, before faint stretches were cut out of the thinned
/// lines; with the 2 px pen 0.81 px, the end of layout 200's wavy line
/// inside a crest, 1.04 px before line ends kept to the middle of their
/// own ink, 1.40 px before a tight crest's flanks were no longer taken
/// for a corner (`sharpen`) and 1.34 px before a hole in a small loop's
/// ink was closed across (`strokes`); at q30 up to 1.24 px truth→traced,
/// the curling end of layout 202's wavy line, cut short by a JPEG
/// block's edge, and 1.04 px traced→truth, a line end of layout 101 in
/// the deep shadow, 8.2 px, lines bridged or carried on by the noise in
/// the deep shadow, before faint stretches were cut out).
const OTHER_SKETCHES_WITHIN_1_PX: [usize; 2] = [3, 3];

/// How far from a traced line any truth line may be under the conditions
/// past those held to 1 px both ways (for the drawings of [`drawings`]
/// none: they are held under all five). The other sketch layouts at q30
/// are up to 1.24 px off, the end of layout 202's wavy line, which curls
/// where a JPEG block's edge cuts its ink short (0.93 px with the 1.5 px
/// pen), and at q50 0.85 px, layout 101 with the 1.5 px pen (measured
/// 2026-12-05; at q50 0.95 px before faint stretches were cut out of the
/// thinned lines, 1.00 px, layout 103's line end, before line ends kept
/// to the middle of their own ink). Before the seeded sketch's diagonal
/// lines were kept by the thinning, acute corners sharpened, junctions
/// placed where their lines meet and curving ends followed, 9.3 px, and
/// whole sides of a zigzag missing.
const HARD_MISSED_PX: f64 = 1.25;

/// How far from a truth line any traced line may be under those
/// conditions: the other sketch layouts at q50 are up to 1.10 px off (the
/// end of layout 102's slow wavy line; 1.13 px, layout 101 with the
/// 1.5 px pen, a bump along a line in the dim corner, before faint
/// stretches were cut out of the thinned lines; 0.81 px with the 2 px
/// pen, the end of layout 200's wavy line), at q30 up to 1.04 px (a line
/// end of layout 101 in the deep shadow; 0.86 px with the 2 px pen;
/// measured 2026-12-05). The seeded sketch was 1.13 px off with the
/// 1.5 px pen at q30, and 1.93 px at q50 before line ends were drawn back
/// to their ink.
const HARD_STRAY_PX: f64 = 1.25;

/// Share of a clean scan's 1 px line pixels the filled mode must keep.
const FILLED_THIN_RECALL: f64 = 0.96;

/// Same cap as the filled photo tests (`trace_photos.rs`).
const PEN_MAX_BLUR_PX: f64 = 1.2;

/// Points every `step` pixels along polylines.
fn sample(lines: &[Vec<(f64, f64)>], step: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for line in lines {
        for pair in line.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let n = ((b.0 - a.0).hypot(b.1 - a.1) / step).ceil().max(1.0) as usize;
            for k in 0..n {
                let t = k as f64 / n as f64;
                out.push((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
            }
        }
        out.extend(line.last().copied());
    }
    out
}

/// A largest distance and the point where it is reached.
type Worst = (f64, (f64, f64));

/// The largest distance from a point of `from` to the polylines `to`.
fn directed_hausdorff(from: &[(f64, f64)], to: &[Vec<(f64, f64)>]) -> Worst {
    let segments: Vec<((f64, f64), (f64, f64))> = to
        .iter()
        .flat_map(|l| l.windows(2).map(|p| (p[0], p[1])).collect::<Vec<_>>())
        .collect();
    // Bucket the segments on a coarse grid to keep this quick.
    const CELL: f64 = 8.0;
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
    for (k, &(a, b)) in segments.iter().enumerate() {
        let (x0, x1) = (
            (a.0.min(b.0) / CELL).floor() as i64,
            (a.0.max(b.0) / CELL).floor() as i64,
        );
        let (y0, y1) = (
            (a.1.min(b.1) / CELL).floor() as i64,
            (a.1.max(b.1) / CELL).floor() as i64,
        );
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                grid.entry((gx, gy)).or_default().push(k);
            }
        }
    }
    let mut worst = (0.0, (0.0, 0.0));
    for &p in from {
        let (gx, gy) = ((p.0 / CELL).floor() as i64, (p.1 / CELL).floor() as i64);
        let mut best = f64::INFINITY;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &k in grid.get(&(gx + dx, gy + dy)).into_iter().flatten() {
                    best = best.min(segment_distance(p, segments[k].0, segments[k].1));
                }
            }
        }
        if best > worst.0 {
            worst = (best, p);
        }
    }
    worst
}

/// Traced centre lines in pixel coordinates (Y down), 1 px = 1 mm.
fn traced_lines(image: &DecodedImage) -> (Vec<Vec<(f64, f64)>>, f64) {
    let opts = TraceOptions {
        width_mm: Some(f64::from(image.width())),
        ..TraceOptions::default()
    };
    let traced = trace_lines(image, &opts).unwrap();
    let h = f64::from(image.height());
    let mut lines = Vec::new();
    for shape in &traced.shapes {
        let path = document_path(shape);
        let closed = path
            .elements()
            .iter()
            .any(|e| matches!(e, kurbo::PathEl::ClosePath));
        for mut line in polylines(&path, 0.01) {
            if closed && let Some(&first) = line.first() {
                line.push(first);
            }
            lines.push(line.into_iter().map(|(x, y)| (x, h - y)).collect());
        }
    }
    (lines, traced.stroke_width_mm)
}

/// Both directed Hausdorff distances between truth and traced lines.
fn distances(truth: &[Vec<(f64, f64)>], traced: &[Vec<(f64, f64)>]) -> (Worst, Worst) {
    (
        directed_hausdorff(&sample(truth, 0.25), traced),
        directed_hausdorff(&sample(traced, 0.25), truth),
    )
}

/// Where on the truth lines a distance is measured: within
/// [`FEATURE_PX`] of a free line end, a corner (a turn over 30°) or a
/// junction (a line end on another line), or along a line elsewhere.
const FEATURES: [&str; 4] = ["ends", "corners", "junctions", "elsewhere"];
const FEATURE_PX: f64 = 3.0;

/// The truth lines' points, every 0.25 px, sorted by [`FEATURES`].
fn features(truth: &[Vec<(f64, f64)>]) -> [Vec<(f64, f64)>; 4] {
    let on_other_line = |point: (f64, f64), own: usize| {
        truth.iter().enumerate().any(|(k, line)| {
            k != own
                && line
                    .windows(2)
                    .any(|p| segment_distance(point, p[0], p[1]) < 0.5)
        })
    };
    let mut marks: [Vec<(f64, f64)>; 3] = Default::default();
    for (k, line) in truth.iter().enumerate() {
        let (Some(&first), Some(&last)) = (line.first(), line.last()) else {
            continue;
        };
        let closed = first == last;
        if !closed {
            for end in [first, last] {
                marks[if on_other_line(end, k) { 2 } else { 0 }].push(end);
            }
        }
        let n = line.len();
        let inner = if closed { 0..n - 1 } else { 1..n - 1 };
        for i in inner {
            let before = line[if i == 0 { n - 2 } else { i - 1 }];
            let (at, after) = (line[i], line[i + 1]);
            let (u, v) = (
                (at.0 - before.0, at.1 - before.1),
                (after.0 - at.0, after.1 - at.1),
            );
            let turn = (u.0 * v.1 - u.1 * v.0).atan2(u.0 * v.0 + u.1 * v.1).abs();
            if turn > 30_f64.to_radians() {
                marks[1].push(at);
            }
        }
    }
    let mut out: [Vec<(f64, f64)>; 4] = Default::default();
    for p in sample(truth, 0.25) {
        let near =
            |m: &Vec<(f64, f64)>| m.iter().any(|q| (p.0 - q.0).hypot(p.1 - q.1) <= FEATURE_PX);
        let class = [2, 0, 1]
            .into_iter()
            .find(|&c| near(&marks[c]))
            .unwrap_or(3);
        out[class].push(p);
    }
    out
}

/// The largest truth → traced distance at each of [`FEATURES`], printed.
fn by_feature(truth: &[Vec<(f64, f64)>], traced: &[Vec<(f64, f64)>]) -> String {
    let parts: Vec<String> = features(truth)
        .iter()
        .zip(FEATURES)
        .map(|(points, name)| format!("{name} {:.2}", directed_hausdorff(points, traced).0))
        .collect();
    parts.join(", ")
}

/// A truth point and the index of its place in [`FEATURES`].
type Placed = ((f64, f64), usize);

/// The largest traced → truth distance, each traced point counted at the
/// place ([`FEATURES`]) of the nearest truth point, printed.
fn stray_by_feature(truth: &[Vec<(f64, f64)>], traced: &[Vec<(f64, f64)>]) -> String {
    // The truth points bucketed on a coarse grid with their places.
    const CELL: f64 = 4.0;
    let cell = |p: (f64, f64)| ((p.0 / CELL).floor() as i64, (p.1 / CELL).floor() as i64);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<Placed>> = Default::default();
    for (class, points) in features(truth).into_iter().enumerate() {
        for q in points {
            grid.entry(cell(q)).or_default().push((q, class));
        }
    }
    let mut at_place: [Vec<(f64, f64)>; 4] = Default::default();
    for p in sample(traced, 0.25) {
        let (gx, gy) = cell(p);
        let mut nearest = (f64::INFINITY, 3);
        for dx in -2..=2 {
            for dy in -2..=2 {
                for &(q, class) in grid.get(&(gx + dx, gy + dy)).into_iter().flatten() {
                    let d = (p.0 - q.0).hypot(p.1 - q.1);
                    if d < nearest.0 {
                        nearest = (d, class);
                    }
                }
            }
        }
        at_place[nearest.1].push(p);
    }
    let parts: Vec<String> = at_place
        .iter()
        .zip(FEATURES)
        .map(|(points, name)| format!("{name} {:.2}", directed_hausdorff(points, truth).0))
        .collect();
    parts.join(", ")
}

/// A named drawing's centre lines, and how many conditions hold it to
/// 1 px with each pen.
type Drawing = (String, Vec<Vec<(f64, f64)>>, [usize; 2]);

/// The pen drawings traced, with how many conditions hold them to 1 px
/// per pen: the part sketch, and the seeded sketch
/// (`trace_support::sketch`) with a seed of its own for each photo.
fn drawings(photo: u64) -> [Drawing; 2] {
    [
        ("part".to_string(), pen_drawing(W, H), PART_WITHIN_1_PX),
        (
            format!("sketch {photo}"),
            sketch_drawing(photo),
            SKETCH_WITHIN_1_PX,
        ),
    ]
}

/// Traces `truth` drawn with a `width_px` pen and photographed under
/// condition `k` (photo seed `31 + k`), prints how far the traced lines
/// are from it, and says how it failed `within_1_px` (the conditions
/// held to 1 px both ways; past them [`HARD_MISSED_PX`] and
/// [`HARD_STRAY_PX`]).
fn check(
    name: &str,
    truth: &[Vec<(f64, f64)>],
    width_px: f64,
    k: usize,
    within_1_px: usize,
) -> Option<String> {
    let mut condition = CONDITIONS[k];
    condition.camera.blur_px = condition.camera.blur_px.min(PEN_MAX_BLUR_PX);
    let (coverage, _) = line_coverage(truth, W, H, width_px);
    let jpeg = photograph(&coverage, W, H, &condition, 31 + k as u64);
    let (lines, width_mm) = traced_lines(&decode_image(&jpeg).unwrap());
    let ((missed, at), (stray, stray_at)) = distances(truth, &lines);
    println!(
        "{name}, pen {width_px} px, {}: {} lines, width {width_mm:.2} px, truth→traced {missed:.2} px at {at:?}, traced→truth {stray:.2} px at {stray_at:?}",
        condition.name,
        lines.len()
    );
    println!("    truth→traced by place: {}", by_feature(truth, &lines));
    println!(
        "    traced→truth by place: {}",
        stray_by_feature(truth, &lines)
    );
    let (missed_bound, stray_bound) = if k < within_1_px {
        (1.0, 1.0)
    } else {
        (HARD_MISSED_PX, HARD_STRAY_PX)
    };
    (missed > missed_bound || stray > stray_bound).then(|| {
        format!(
            "{name}, {width_px} px, {}: {missed:.2} / {stray:.2} px",
            condition.name
        )
    })
}

#[test]
fn pen_photos_trace_to_their_centre_lines() {
    let mut failures = Vec::new();
    for width_px in [1.5, 2.0] {
        for k in 0..CONDITIONS.len() {
            let seed = 31 + k as u64 + if width_px > 1.5 { 10 } else { 0 };
            for (name, truth, within) in drawings(seed) {
                let within_1_px = within[usize::from(width_px > 1.5)];
                failures.extend(check(&name, &truth, width_px, k, within_1_px));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Seeded sketch layouts besides the test's own (`drawings`), so that
/// the figures hold for more than one layout: 100–103 with the 1.5 px
/// pen, 200–203 with the 2 px pen, each under the first
/// [`OTHER_SKETCH_CONDITIONS`] conditions (all five), held as
/// [`OTHER_SKETCHES_WITHIN_1_PX`] says.
#[test]
fn other_sketch_layouts_trace_to_their_centre_lines() {
    let mut failures = Vec::new();
    for (first, width_px) in [(100, 1.5), (200, 2.0)] {
        for seed in first..first + 4 {
            let truth = sketch_drawing(seed);
            for k in 0..OTHER_SKETCH_CONDITIONS {
                let within_1_px = OTHER_SKETCHES_WITHIN_1_PX[usize::from(width_px > 1.5)];
                failures.extend(check(
                    &format!("sketch {seed}"),
                    &truth,
                    width_px,
                    k,
                    within_1_px,
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A clean 300 dpi scan of 1 px lines, anti-aliased (a line between two
/// pixel rows shows as two half-grey rows), at many slopes and offsets:
/// found by the lines mode within 1 px, and by the filled mode in
/// [`FILLED_THIN_RECALL`] of their pixels.
#[test]
fn one_pixel_lines_of_a_clean_scan_become_centre_lines() {
    let mut truth: Vec<Vec<(f64, f64)>> = Vec::new();
    for k in 0..8 {
        let y = 60.0 + 55.0 * f64::from(k) + 0.125 * f64::from(k);
        truth.push(vec![(60.0, y), (740.0, y + 3.0 * f64::from(k))]);
    }
    let x = 30.3;
    truth.push(vec![(x, 40.0), (x, 560.0)]);
    let (coverage, truth_bits) = line_coverage(&truth, W, H, 1.0);
    // A bold bar as well, as drawings have: the ink level comes from it.
    let luma: Vec<u8> = coverage
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let (px, py) = (i as u32 % W, i as u32 / W);
            if (760..790).contains(&px) && (40..560).contains(&py) {
                0
            } else {
                (255.0 * (1.0 - c)).round() as u8
            }
        })
        .collect();
    let image = DecodedImage::from_luma(W, H, luma).unwrap();
    let opts = TraceOptions {
        width_mm: Some(f64::from(W)),
        ..TraceOptions::default()
    };
    // Filled mode: every line pixel within a pixel of the traced area.
    let filled = rasterise_shapes(&trace_image(&image, &opts, &|_| true).unwrap(), W, H, 1.0);
    let (mut found, mut all) = (0, 0);
    for y in 0..i64::from(H) {
        for x in 0..i64::from(W) {
            if truth_bits.get(x, y) {
                all += 1;
                found +=
                    u32::from((-1..=1).any(|dy| (-1..=1).any(|dx| filled.get(x + dx, y + dy))));
            }
        }
    }
    let recall = f64::from(found) / f64::from(all);
    // Outlines one pixel thin everywhere are thickened (`hairline`): 90.0 %
    // before. Lines two rows thick in places, where they straddle two
    // rows, still lose their one-row parts to zero-area slivers.
    println!(
        "clean 1 px lines, filled: {:.1} % of line pixels traced",
        100.0 * recall
    );
    assert!(recall >= FILLED_THIN_RECALL, "{recall}");
    // Lines mode: the truth lines (the bar's centre line aside) within 1 px.
    let (lines, _) = traced_lines(&image);
    let ((missed, at), _) = distances(&truth, &lines);
    println!("clean 1 px lines, centre lines: truth→traced {missed:.2} px at {at:?}");
    assert!(missed <= 1.0, "{missed} at {at:?}");
}
