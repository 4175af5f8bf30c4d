//! The tracer's stages put together: boundaries, nesting and speck removal
//! on one thread, then each boundary's polygon and curve on both cores,
//! then shapes in millimetres.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use kurbo::{BezPath, Point};

use super::bitmap::Bitmap;
use super::curve::{Segment, smooth};
use super::decompose::{RawPath, decompose};
use super::error::TraceError;
use super::hairline::{hairline_bitmap, is_hairline, thicken_hairlines};
use super::nesting::owners;
use super::opticurve::optimise;
use super::polygon::best_polygon;
use super::straight::longest_straight;
use super::sums::Sums;
use super::{Progress, TraceOptions};
use crate::region::FillRule;
use crate::shape::{Fill, Shape, ShapeKind};

/// Share of the progress bar given to finding boundaries; fitting curves
/// takes the rest.
const DECOMPOSE_SHARE: f32 = 0.3;

/// Boundaries handed to a thread at a time when there are many: big enough
/// to keep the atomic counter cold, small enough to balance and to report
/// progress often.
const CHUNK: usize = 32;

/// Boundary points above which a second thread pays for itself.
const PARALLEL_MIN_POINTS: usize = 20_000;

/// Traces `bitmap`, each pixel `pixel_mm` wide and high, into filled shapes
/// (see [`super::trace_image`]).
pub fn trace_bitmap(
    bitmap: &Bitmap,
    opts: &TraceOptions,
    pixel_mm: [f64; 2],
    progress: Progress<'_>,
) -> Result<Vec<Shape>, TraceError> {
    trace_layer(bitmap, opts, pixel_mm, progress, true)
}

/// [`trace_bitmap`]; with `hairlines`, outlines one pixel thin everywhere
/// are traced apart, thickened (`hairline`), instead of as slivers.
fn trace_layer(
    bitmap: &Bitmap,
    opts: &TraceOptions,
    pixel_mm: [f64; 2],
    progress: Progress<'_>,
    hairlines: bool,
) -> Result<Vec<Shape>, TraceError> {
    opts.validate()?;
    let foreground = bitmap.count();
    if foreground == 0 {
        return Err(TraceError::NothingToTrace { all_dark: false });
    }
    if foreground == u64::from(bitmap.width()) * u64::from(bitmap.height()) {
        return Err(TraceError::NothingToTrace { all_dark: true });
    }
    let paths =
        decompose(bitmap, &mut |f| progress(f * DECOMPOSE_SHARE)).ok_or(TraceError::Cancelled)?;
    let owner = owners(&paths, bitmap.height());
    let turd = i64::from(opts.turd_size);
    let (thin, kept): (Vec<usize>, Vec<usize>) = (0..paths.len())
        .filter(|&i| paths[i].area.abs() > turd && owner[i].is_some())
        .partition(|&i| hairlines && is_hairline(&paths[i]));
    if kept.is_empty() && thin.is_empty() {
        return Err(TraceError::NothingToTrace { all_dark: false });
    }
    // Each outline becomes at least one segment (a closed boundary turns
    // at least four times, so its polygon has three vertices or more):
    // past the limit a picture of noise is refused here, before seconds
    // of fitting, not after.
    if kept.len() + thin.len() > crate::limits::MAX_SEGMENTS {
        return Err(TraceError::TooDetailed {
            max: crate::limits::MAX_SEGMENTS,
        });
    }
    let curves = fit_all(&paths, &kept, opts, progress)?;
    let to_mm = |p: [f64; 2]| {
        Point::new(
            p[0] * pixel_mm[0],
            (f64::from(bitmap.height()) - p[1]) * pixel_mm[1],
        )
    };
    // One shape per outer boundary, its holes appended in scan order.
    let mut shape_of = vec![usize::MAX; paths.len()];
    let mut outlines: Vec<BezPath> = Vec::new();
    for (&index, segments) in kept.iter().zip(&curves) {
        let Some(outer) = owner[index] else { continue };
        if segments.is_empty() {
            continue;
        }
        if outer == index {
            shape_of[index] = outlines.len();
            outlines.push(BezPath::new());
        }
        if let Some(path) = outlines.get_mut(shape_of[outer]) {
            append(path, segments, &to_mm);
        }
    }
    let mut shapes: Vec<Shape> = outlines
        .into_iter()
        .filter(|p| !p.elements().is_empty())
        .map(|path| {
            let mut shape = Shape::new(ShapeKind::Path { path });
            shape.fill = Fill::Filled(FillRule::NonZero);
            shape
        })
        .collect();
    if !thin.is_empty() {
        let lines = hairline_bitmap(&paths, &thin, bitmap);
        let thick = thicken_hairlines(&lines);
        match trace_layer(&thick, opts, pixel_mm, progress, false) {
            Ok(more) => shapes.extend(more),
            Err(TraceError::NothingToTrace { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    progress(1.0);
    if shapes.is_empty() {
        // Only boundaries too small to have a polygon (single pixels).
        return Err(TraceError::NothingToTrace { all_dark: false });
    }
    Ok(shapes)
}

/// Appends one closed outline to `path` (outer boundaries run
/// counter-clockwise, holes clockwise).
fn append(path: &mut BezPath, segments: &[Segment], to_mm: &impl Fn([f64; 2]) -> Point) {
    let Some(last) = segments.last() else { return };
    path.move_to(to_mm(last.end));
    for s in segments {
        if s.corner {
            path.line_to(to_mm(s.vertex));
            path.line_to(to_mm(s.end));
        } else {
            path.curve_to(to_mm(s.c0), to_mm(s.c1), to_mm(s.end));
        }
    }
    path.close_path();
}

/// The smooth curve of one boundary, in pixel coordinates (screen, Y down);
/// empty when the boundary is too small to have a polygon.
pub fn fit(path: &RawPath, opts: &TraceOptions) -> Vec<Segment> {
    // As potrace, holes are fitted walking around the hole the other way
    // (the hole on the left) from its top-left corner, and the polygon is
    // turned back afterwards: the polygon optimisation is not symmetric,
    // and this keeps our outlines as close to potrace's as we can.
    let points: Vec<[i32; 2]> = if path.is_hole() {
        let n = path.points.len();
        (0..n).map(|k| path.points[(n + 1 - k) % n]).collect()
    } else {
        path.points.clone()
    };
    let sums = Sums::new(&points);
    let lon = longest_straight(&points);
    let vertices = best_polygon(&points, &lon, &sums);
    if vertices.len() < 3 {
        return Vec::new();
    }
    let mut adjusted = super::adjust::adjust_vertices(&points, &vertices, &sums);
    if path.is_hole() {
        adjusted.reverse();
    }
    let segments = smooth(&adjusted, opts.alpha_max);
    if opts.opt_tolerance > 0.0 {
        optimise(&segments, opts.opt_tolerance)
    } else {
        segments
    }
}

/// Fits every kept boundary, on two threads when it is worth it; the
/// calling thread reports progress and handles cancellation.
fn fit_all(
    paths: &[RawPath],
    kept: &[usize],
    opts: &TraceOptions,
    progress: Progress<'_>,
) -> Result<Vec<Vec<Segment>>, TraceError> {
    // Longest boundaries first, so that the two threads finish together
    // even when one boundary dominates; small batches keep the counter cold.
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_unstable_by_key(|&slot| std::cmp::Reverse(paths[kept[slot]].points.len()));
    let chunk = if kept.len() < 256 { 1 } else { CHUNK };
    let next = AtomicUsize::new(0);
    let cancelled = AtomicBool::new(false);
    let results: Mutex<Vec<(usize, Vec<Segment>)>> = Mutex::new(Vec::with_capacity(kept.len()));
    let work = |report: &dyn Fn(usize) -> bool| {
        let mut mine = Vec::new();
        loop {
            let first = next.fetch_add(chunk, Ordering::Relaxed);
            if first >= kept.len() || cancelled.load(Ordering::Relaxed) {
                break;
            }
            for &slot in &order[first..(first + chunk).min(kept.len())] {
                mine.push((slot, fit(&paths[kept[slot]], opts)));
            }
            if !report(first) {
                cancelled.store(true, Ordering::Relaxed);
                break;
            }
        }
        if let Ok(mut all) = results.lock() {
            all.append(&mut mine);
        }
    };
    let total_points: usize = kept.iter().map(|&i| paths[i].points.len()).sum();
    let report = |done: usize| {
        let share = done as f32 / kept.len() as f32;
        progress(DECOMPOSE_SHARE + (1.0 - DECOMPOSE_SHARE) * share * 0.99)
    };
    if total_points >= PARALLEL_MIN_POINTS {
        std::thread::scope(|s| {
            s.spawn(|| work(&|_| true));
            work(&report);
        });
    } else {
        work(&report);
    }
    if cancelled.load(Ordering::Relaxed) {
        return Err(TraceError::Cancelled);
    }
    let mut all = results.into_inner().unwrap_or_else(|e| e.into_inner());
    all.sort_unstable_by_key(|&(slot, _)| slot);
    if all.len() != kept.len() {
        // A worker thread panicked: our bug, but never the user's problem.
        debug_assert!(false, "lost {} boundaries", kept.len() - all.len());
        return Err(TraceError::Cancelled);
    }
    Ok(all.into_iter().map(|(_, segments)| segments).collect())
}
