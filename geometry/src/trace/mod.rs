//! Bitmap tracing: photos, drawings and logos to smooth filled outlines, as
//! potrace does, written for Fabrique.
//!
//! # Why our own tracer
//! potrace (Selinger, "Potrace: a polygon-based tracing algorithm", 2003)
//! is the reference for quality, but it is GPL and cannot be linked into
//! Fabrique. vtracer was measured at 15× slower than potrace with more
//! wrong pixels. This module implements the algorithm of the paper from its
//! description, reorganised around our data (no code from potrace).
//!
//! # The algorithm
//! 1. [`decode_image`]: any supported file to luminance (+ opacity), upright.
//! 2. [`Threshold`]: luminance to a one-bit [`Bitmap`], optional inversion,
//!    transparent pixels are background. `Auto` (the default) compares each
//!    pixel with the paper's brightness around it (`paper`: a coarse grid of
//!    bright percentiles grown from the brightest cells, so that a light
//!    gradient, vignetting or a soft shadow vanish) at a level set between
//!    the ink's and the paper's (`relative`), keeping thin pale lines by
//!    their ridge; `Otsu` and `Value` split the whole picture at one value.
//! 3. `decompose`: every boundary between foreground and background as a
//!    closed path on the pixel lattice; outer boundaries and holes come out
//!    with opposite orientations, and each hole is attached to the outer
//!    boundary around it (`nesting`). Specks whose area is at most
//!    [`TraceOptions::turd_size`] pixels are dropped. Outlines one pixel
//!    thin everywhere (a fine pen line) are traced apart, thickened to two
//!    pixels (`hairline`), rather than as zero-area slivers.
//! 4. `straight` + `polygon`: the polygon with fewest edges whose edges
//!    follow straight runs of the path, then least deviation; `adjust`
//!    moves its vertices within half a pixel to the best-fit lines.
//! 5. `curve`: cubic Béziers through the edges' midpoints, or corners where
//!    the polygon turns sharper than [`TraceOptions::alpha_max`].
//! 6. `opticurve`: runs of curves merged into single Béziers where the result
//!    stays within [`TraceOptions::opt_tolerance`] pixels.
//! 7. Shapes in millimetres, Y up, origin at the picture's bottom-left
//!    corner: one [`Shape`] per outer boundary with its holes, filled
//!    non-zero (holes run the other way round).
//!
//! Steps 4–6 run on both cores, one boundary at a time.
//!
//! # For the editor
//! [`trace_preview`] traces a downscaled copy fast enough for a live
//! threshold slider ([`preview_lines_bitmap`] shows a pen drawing's lines
//! shrunk unbroken); [`trace_image`] reports progress and can be cancelled
//! from another thread through its progress callback:
//!
//! ```
//! use std::sync::atomic::{AtomicBool, Ordering};
//! use geometry::trace::{DecodedImage, TraceOptions, trace_image};
//! // A 40 × 40 picture, black disc on white.
//! let luma = (0..40 * 40)
//!     .map(|i| {
//!         let (x, y) = ((i % 40) as f64 - 19.5, (i / 40) as f64 - 19.5);
//!         if x * x + y * y < 15.0 * 15.0 { 0 } else { 255 }
//!     })
//!     .collect();
//! let image = DecodedImage::from_luma(40, 40, luma).unwrap();
//! let opts = TraceOptions { width_mm: Some(40.0), ..TraceOptions::default() };
//! let stop = AtomicBool::new(false); // set from the UI thread to cancel
//! let shapes = trace_image(&image, &opts, &|_fraction| !stop.load(Ordering::Relaxed)).unwrap();
//! assert_eq!(shapes.len(), 1);
//! ```
//!
//! # Quality and speed (measured 2026-11-25, 2 shared cores)
//! - Same drawing traced by Debian's potrace 1.16 and by us, rasterised back
//!   at the source resolution (`geometry/tests/trace_vs_potrace.rs`): IoU
//!   0.98957 vs potrace 0.98967 at 800 × 600 (a drawing with hairlines and
//!   small lettering), 0.99667 vs 0.99668 at 2000 × 1500, 0.99856 vs 0.99856
//!   at 4000 × 3000; curve segments 153/153, 203/203, 251/252. The polygon
//!   stage alone (`potrace -a 0 -n`) gives identical segment counts.
//! - `tests/benches/trace_vs_potrace.sh` (3000 × 3000 drawing, same run): potrace on
//!   the PBM 56 ms, our PNG → SVG 81 ms (1.44×) on a loaded machine.
//! - Same bench, 2026-12-04 (load average ~9): the paper-relative `Auto`
//!   194 ms against 151 ms for one global threshold (`--threshold otsu` of
//!   the `trace_file` example; user time 64 vs 45 ms) and potrace's 101 ms.
//! - 2026-12-04, after packing the threshold's compares 8 bytes per
//!   multiply (`bits`), walking the straightness scan over a compact corner
//!   list capped at the next point's reach, and sparser paper statistics on
//!   big pictures (same SVG): one hyperfine run at load average ~8.5,
//!   potrace 76 ms (user 33 ms), ours 104 ms (user 38 ms, both cores),
//!   before 160 ms (user 62 ms): 1.36× potrace's wall time, was 2.10×.
//!   CPU time (`perf stat`, task-clock, both our threads summed): ours
//!   43.9 ms, before 67.5 ms, potrace 35.7 ms. 30 % of ours is still the
//!   straightness scan (`straight`), which is quadratic along long straight
//!   edges, as potrace's own.
//! - 2026-12-05, after sharing a long path's straightness walks between
//!   both threads (`straight`) and decoding PNG rows straight into
//!   luminance while a second thread maps the buffer's pages (`decode`),
//!   same SVG. The 2 cores were shared with another busy job, so figures
//!   moved by up to ±50 % between runs. In quiet moments, three hyperfine
//!   runs of potrace / main before this round / ours: 24.9 / 23.5 /
//!   22.4 ms, 25.4 / 40.1 / 24.7 ms, 24.5 / 24.9 / 22.9 ms (ours 0.90–0.97×
//!   potrace's time). At load average 2–4.6, potrace / ours: 30.9 /
//!   31.2 ms, 42.0 / 46.0 ms, 36.9 / 43.1 ms (1.01–1.17×); main before
//!   this round, at load 3.2: 23.5 / 29.2 ms (1.24×). CPU time stays
//!   above potrace's (user 24 ms against 21.5, system 6.5–7.7 against
//!   2.5–3.3): we are faster only when the second core is free. Our
//!   stages when it was: decoding 5.8 → 3.5 ms, fitting 14.8 → about
//!   10 ms. Two thirds of the drawing's fitting time is the straightness
//!   scan of its two long, slightly slanted lines; potrace takes 15.5 ms
//!   of CPU time on a picture of those two lines alone.
//! - 2026-12-05, the real CLI (then `USE_CLI=1`, now the bench's default:
//!   `fabrique trace` PNG → laser SVG, start-up and the atomic, fsynced
//!   write included) against
//!   potrace, load average 2.4–5 on the 2 cores: hyperfine potrace 35.8
//!   / 39.6 ms mean (min 24.2 / 25.7), the CLI 47.8 / 53.1 ms (min 36.1 /
//!   36.0); two rounds of 60 interleaved runs of each, potrace / CLI: min
//!   27.2 / 32.1 ms (1.18×) and 26.2 / 35.7 ms (1.36×), median 38.2 /
//!   48.5 ms (1.27×) and 40.0 / 48.3 ms (1.21×). Beyond the library
//!   trace the CLI spends 1.6–4 ms starting its 33 MB binary (`fabrique
//!   --version`, min–mean), 2.8 ms in the laser clean-up
//!   (`exporters::cut_paths`: segments welded and deduplicated, 1.9 ms,
//!   then 1.5 ms with a quicker grid hash; contours nested, 0.5 ms) and
//!   0.7–5 ms in the file's fsync (strace); parsing the translations on
//!   every run (0.5 ms) is gone.
//! - 2026-12-05, the same CLI on a quiet machine (load average 0.9, no
//!   other job; `hyperfine -N -w 5 -r 40` on the bench's drawing): potrace
//!   24.9 ± 0.4 ms, `fabrique trace` (default `auto` threshold) 27.1 ±
//!   1.6 ms (**1.09×**), `fabrique trace --threshold 128` (one global
//!   threshold, as potrace's) 23.5 ± 1.8 ms (0.94×), `fabrique --version`
//!   1.4 ms. `perf record` over 20 CLI runs: the straightness scan
//!   (`straight::pivot`) 35 % of samples, nothing else over 5 %.
//! - 2026-12-05, later (same SVG bytes): the laser clean-up 2.5 → 1.5 ms
//!   (in process), the paper estimate and the levels on both cores
//!   (`halves`), the straightness walk's offsets from a table (the trace
//!   on one core 15.4 → 14.1 ms), the picture freed on another thread.
//!   Five runs of the bench on the quiet machine: `fabrique trace`
//!   0.98–1.11× potrace's mean time (minima 0.88–0.97×), `--threshold
//!   128` 0.86–0.88×, pinned to one core 1.35–1.42×: our work is still
//!   1.4× potrace's, so parity needs the second core free. Three runs
//!   of 150 rounds alternating potrace, the CLI before (`15db356`) and
//!   after: before 1.05–1.07× potrace's median, after 0.98–1.00×.
//! - 2026-12-05, third round: the picture's luminance is mapped in huge
//!   pages (`plane`: 3,790 → 1,740 page faults, same SVG; in 60
//!   interleaved rounds with the other jobs paused, potrace 25.0 ms, the
//!   CLI before 24.4 ms, after 21.5 ms: 0.97 → 0.86× potrace's median),
//!   then the edges of wide ink split at the halfway mark (`wide_edges`,
//!   +0.5 ms). The bench script, other jobs paused, three runs: 0.99–1.03×
//!   potrace's mean, 0.95–0.98× its median, 0.82–0.90× its minimum; on
//!   one core 1.22–1.24×. 300 interleaved rounds: 0.92× its median, 0.94×
//!   its mean. Our time has a tail (a thread of ours now and then starts
//!   a millisecond or more late on this virtual machine), potrace's not.
//! - 2026-12-05, fourth round (same SVG bytes): work shared between the
//!   threads in sixteen pieces taken in turn (`pieces`; with halves, a
//!   helper thread starting late made the caller wait), and the paper
//!   levels of each pixel rounded by adding 2²³ instead of a saturating
//!   `as u8` per value, which the compiler did not vectorise (the
//!   threshold pass's `perf` samples −30 %). The bench script, other jobs
//!   paused, three runs: 1.00, 0.91 and 0.89× potrace's mean, 0.97, 0.91
//!   and 0.88× its median; on one core 1.19–1.24×. Tried and measured
//!   without gain (not kept): two straightness walks side by side,
//!   branch-free narrowing of the cone, the corner where the four
//!   directions are reached found once per path.
//! - `cargo bench --bench trace`: 12-megapixel photo preview
//!   ([`trace_preview`] with [`PREVIEW_PIXELS`]) 17 ms median; 7.9 ms on
//!   2026-12-05, with the lines mode's ([`preview_lines_bitmap`]) 6.4 ms.
//!
//! # Current limitations
//! - The paper-relative threshold takes a shadow with a sharp edge for ink,
//!   and wide areas of pale ink (a light grey marker) for paper (see
//!   `paper`).
//! - Only potrace's default turn policy ("minority") is offered.
//! - GIF and TIFF: the first frame/page only. DPI is read from PNG, JPEG
//!   (JFIF) and BMP headers only; EXIF resolution is ignored on purpose.
//! - A boundary too small to form a polygon (a one-pixel speck when
//!   `turd_size` is 0) is dropped, as potrace reduces it to a zero-area
//!   sliver. So are the one-pixel-thin parts of a line that is thicker
//!   elsewhere (a 1 px line straddling two rows in places): of a clean
//!   scan's 1 px lines, 96.6 % of the pixels are kept (90.0 % before the
//!   `hairline` step), see `tests/trace_lines.rs`.
//! - The straightness scan takes time proportional to a straight edge's
//!   length times its number of steps, as potrace's does: a long, slightly
//!   slanted edge costs the most (12.8 ms CPU for one 2 px line across a
//!   3000 px picture). Both threads share it, which only helps when the
//!   second core is free: on a busy machine we are not reliably faster
//!   than potrace on the bench drawing (1.01–1.17× its time, 2026-12-05,
//!   against 0.90–0.97× in quiet moments), and the whole CLI, start-up and
//!   laser SVG writer included, took 1.18–1.36× (min) and 1.21–1.27×
//!   (median) its time at load 2.4–5, and 1.09× on a quiet machine with
//!   the default paper-relative threshold (0.94× with a global one).
//! - A picture of noise or of a texture (a phone photo of a rough
//!   surface) is refused as [`TraceError::TooDetailed`] once its outlines
//!   pass the drawing's segment limit: 1.1 s for 12 megapixels of noise
//!   in the filled mode. The lines mode has no such early bound (thinning
//!   drops most specks): the same picture takes 22 s and 790 MB before it
//!   is refused (it ran for over 18 minutes before the chains were joined
//!   through `chain_net`).
//! - As potrace, outlines cut pixel corners slightly: they lie on average
//!   about a quarter pixel inside the pixel boundary, so a shape's area is
//!   short by about 0.25 px × its perimeter (0.5 % for a 150 px disc).

mod adjust;
mod bitmap;
mod bits;
mod centre;
mod chain;
mod chain_net;
mod contrast;
mod course;
mod curve;
mod decode;
mod decompose;
mod dpi;
mod error;
mod faint;
mod hairline;
mod ink_end;
mod junctions;
mod line_ends;
mod lines;
mod nesting;
mod opticurve;
mod paper;
mod pen_width;
mod pieces;
mod pipeline;
mod plane;
mod polygon;
mod preview;
mod relative;
mod sharpen;
mod straight;
mod strokes;
mod sums;
mod thin;
mod threshold;
mod wide_edges;

pub use bitmap::Bitmap;
pub use decode::{
    DEFAULT_WIDTH_MM, DecodedImage, MAX_DECODER_BYTES, MAX_PIXELS, MAX_SIDE_PX, decode_image,
};
pub use dpi::{MAX_DPI, MIN_DPI};
pub use error::TraceError;
pub use lines::{LineTrace, SIMPLIFY_PX, trace_bitmap_lines};
pub use preview::{PREVIEW_PIXELS, preview_bitmap, preview_lines_bitmap, trace_preview};
pub use threshold::Threshold;

use crate::shape::Shape;

/// Progress callback: receives the fraction done (0 to 1) now and then, and
/// returns `false` to cancel. Called only on the thread that started the trace.
pub type Progress<'a> = &'a dyn Fn(f32) -> bool;

/// How to trace. The defaults are potrace's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TraceOptions {
    /// Where to split dark from light.
    pub threshold: Threshold,
    /// Trace the light parts instead of the dark ones.
    pub invert: bool,
    /// Specks (and holes) of at most this many pixels are dropped (potrace's
    /// `turdsize`, default 2).
    pub turd_size: u32,
    /// Corner threshold: higher gives fewer corners and rounder outlines;
    /// 0 makes every vertex a corner, 4/3 none (potrace's default 1).
    pub alpha_max: f64,
    /// How far, in pixels, merged curves may stray from the unmerged ones;
    /// 0 disables merging (potrace's default 0.2).
    pub opt_tolerance: f64,
    /// Width of the result, mm; `None` uses the picture's declared
    /// resolution, or [`DEFAULT_WIDTH_MM`] when it declares none.
    pub width_mm: Option<f64>,
}

impl Default for TraceOptions {
    fn default() -> Self {
        Self {
            threshold: Threshold::Auto,
            invert: false,
            turd_size: 2,
            alpha_max: 1.0,
            opt_tolerance: 0.2,
            width_mm: None,
        }
    }
}

impl TraceOptions {
    fn validate(&self) -> Result<(), TraceError> {
        let checks = [
            ("alpha_max", self.alpha_max, self.alpha_max >= 0.0),
            (
                "opt_tolerance",
                self.opt_tolerance,
                self.opt_tolerance >= 0.0,
            ),
            (
                "width_mm",
                self.width_mm.unwrap_or(1.0),
                self.width_mm.is_none_or(|w| w > 0.0),
            ),
        ];
        for (name, value, fine) in checks {
            if !value.is_finite() || !fine {
                return Err(TraceError::InvalidOption { name, value });
            }
        }
        Ok(())
    }
}

/// Traces `image` into filled shapes in millimetres (Y up, origin at the
/// picture's bottom-left corner), one per outer outline with its holes, as
/// `ShapeKind::Path` of lines and cubic Béziers filled non-zero.
///
/// `progress` gets the fraction done and returns `false` to cancel, which
/// gives [`TraceError::Cancelled`]. A blank result (nothing dark, or
/// everything dark) gives [`TraceError::NothingToTrace`].
pub fn trace_image(
    image: &DecodedImage,
    opts: &TraceOptions,
    progress: Progress<'_>,
) -> Result<Vec<Shape>, TraceError> {
    opts.validate()?;
    let pixel_mm = image.pixel_size_mm(opts.width_mm);
    trace_with_pixel_size(image, opts, pixel_mm, progress)
}

/// [`trace_image`] with an explicit pixel size (mm per pixel, x and y).
fn trace_with_pixel_size(
    image: &DecodedImage,
    opts: &TraceOptions,
    pixel_mm: [f64; 2],
    progress: Progress<'_>,
) -> Result<Vec<Shape>, TraceError> {
    let bitmap = threshold::foreground(image, opts.threshold, opts.invert);
    if !progress(0.0) {
        return Err(TraceError::Cancelled);
    }
    within_limits(trace_bitmap(&bitmap, opts, pixel_mm, progress)?)
}

/// `shapes` if they hold no more segments than a drawing may
/// ([`crate::limits::MAX_SEGMENTS`]), which the SVG import and a
/// project's loading would refuse.
fn within_limits(shapes: Vec<Shape>) -> Result<Vec<Shape>, TraceError> {
    let mut segments = 0;
    for shape in &shapes {
        segments += crate::limits::shape_segments(shape);
        if segments > crate::limits::MAX_SEGMENTS {
            return Err(TraceError::TooDetailed {
                max: crate::limits::MAX_SEGMENTS,
            });
        }
    }
    Ok(shapes)
}

/// Traces an already thresholded `bitmap` whose pixels are `pixel_mm`
/// (x, y) in size; `opts.threshold` and `opts.invert` are not used.
pub fn trace_bitmap(
    bitmap: &Bitmap,
    opts: &TraceOptions,
    pixel_mm: [f64; 2],
    progress: Progress<'_>,
) -> Result<Vec<Shape>, TraceError> {
    pipeline::trace_bitmap(bitmap, opts, pixel_mm, progress)
}

/// The one threshold for the whole of `image` that best separates its two
/// tones (Otsu's), for a slider's starting position.
pub fn auto_threshold(image: &DecodedImage) -> u8 {
    threshold::resolve(image, Threshold::Auto)
}

/// The foreground bitmap `opts` gives for `image` (what gets traced).
pub fn threshold_image(image: &DecodedImage, opts: &TraceOptions) -> Bitmap {
    threshold::foreground(image, opts.threshold, opts.invert)
}

/// Traces the strokes of a pen drawing to their centre lines (open or
/// closed; strokes that carry on each other through a junction joined into
/// one line, so that a laser cuts on through it), as outline-only shapes in
/// millimetres, with the measured stroke width. `opts.threshold`,
/// `opts.invert` and `opts.width_mm` apply as in [`trace_image`].
pub fn trace_lines(image: &DecodedImage, opts: &TraceOptions) -> Result<LineTrace, TraceError> {
    opts.validate()?;
    let pixel_mm = image.pixel_size_mm(opts.width_mm);
    let bitmap = threshold::line_foreground(image, opts.threshold, opts.invert);
    // Transparent pixels have no paper level to measure the ink against.
    let grey = image.alpha().is_none().then(|| line_ends::Grey {
        luma: image.luma(),
        width: image.width() as usize,
        height: image.height() as usize,
        invert: opts.invert,
    });
    let traced = lines::trace_lines_over(&bitmap, grey.as_ref(), pixel_mm)?;
    Ok(LineTrace {
        shapes: within_limits(traced.shapes)?,
        ..traced
    })
}
