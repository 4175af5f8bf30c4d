//! A fast trace of a downscaled copy, for a live threshold slider.
//!
//! The picture is shrunk by a whole factor with a box filter (each preview
//! pixel averages a square block, transparent pixels weighted out) until it
//! has at most `max_pixels` pixels, then traced at the same physical size as
//! the full picture, so the preview lines up with the final trace.
//!
//! A pen drawing traced as lines is previewed otherwise: averaged over a
//! block, a line thinner than the block fades under the threshold where it
//! crosses the block's corner, and the preview shows it broken although
//! the full picture's is not. [`preview_lines_bitmap`] thresholds the full
//! picture, as `trace_lines` does, and shrinks the bitmap with a preview
//! pixel ink where any pixel under it is (the lines' noise shows a little
//! bolder than the import keeps it).

use super::bitmap::Bitmap;
use super::decode::DecodedImage;
use super::error::TraceError;
use super::{TraceOptions, threshold, trace_with_pixel_size};
use crate::shape::Shape;

/// A good `max_pixels` for [`trace_preview`]: about 0.25 megapixel traces a
/// 12-megapixel photo in well under 50 ms on an old two-core laptop while
/// keeping lettering readable.
pub const PREVIEW_PIXELS: usize = 250_000;

/// Traces `image` shrunk to at most `max_pixels` pixels (see
/// [`PREVIEW_PIXELS`]); shapes are in mm at the full picture's size.
/// Specks are measured in full-size pixels, as in [`super::trace_image`].
pub fn trace_preview(
    image: &DecodedImage,
    opts: &TraceOptions,
    max_pixels: usize,
) -> Result<Vec<Shape>, TraceError> {
    opts.validate()?;
    let full_mm = image.pixel_size_mm(opts.width_mm);
    let factor = shrink_factor(image, max_pixels);
    if factor == 1 {
        return trace_with_pixel_size(image, opts, full_mm, &|_| true);
    }
    let small = shrink(image, factor)?;
    let mut small_opts = *opts;
    small_opts.turd_size = opts.turd_size / (factor * factor);
    let f = f64::from(factor);
    trace_with_pixel_size(
        &small,
        &small_opts,
        [full_mm[0] * f, full_mm[1] * f],
        &|_| true,
    )
}

/// The thresholded picture a preview shows, shrunk to at most
/// `max_pixels` pixels as in [`trace_preview`], with the size of its pixels
/// in mm (x, y) at the full picture's size.
pub fn preview_bitmap(
    image: &DecodedImage,
    opts: &TraceOptions,
    max_pixels: usize,
) -> Result<(Bitmap, [f64; 2]), TraceError> {
    opts.validate()?;
    let full_mm = image.pixel_size_mm(opts.width_mm);
    let factor = shrink_factor(image, max_pixels);
    let f = f64::from(factor);
    let pixel_mm = [full_mm[0] * f, full_mm[1] * f];
    if factor == 1 {
        return Ok((
            threshold::foreground(image, opts.threshold, opts.invert),
            pixel_mm,
        ));
    }
    let small = shrink(image, factor)?;
    Ok((
        threshold::foreground(&small, opts.threshold, opts.invert),
        pixel_mm,
    ))
}

/// [`preview_bitmap`] for a pen drawing traced as lines: the full picture
/// thresholded (what `trace_lines` traces), shrunk by the same factor with
/// a preview pixel ink where any pixel under it is, so that lines thinner
/// than a preview pixel stay unbroken. `cargo bench --bench trace`: 6.4 ms
/// median for a 12-megapixel photo (the filled preview 7.9 ms on the same
/// run, 2026-12-05), most of it the full picture's threshold.
pub fn preview_lines_bitmap(
    image: &DecodedImage,
    opts: &TraceOptions,
    max_pixels: usize,
) -> Result<(Bitmap, [f64; 2]), TraceError> {
    opts.validate()?;
    let full_mm = image.pixel_size_mm(opts.width_mm);
    let factor = shrink_factor(image, max_pixels);
    let f = f64::from(factor);
    let bitmap = threshold::line_foreground(image, opts.threshold, opts.invert);
    Ok((
        bitmap.shrunk_any_by(factor),
        [full_mm[0] * f, full_mm[1] * f],
    ))
}

fn shrink_factor(image: &DecodedImage, max_pixels: usize) -> u32 {
    let pixels = image.width() as usize * image.height() as usize;
    if pixels <= max_pixels.max(1) {
        1
    } else {
        ((pixels as f64 / max_pixels.max(1) as f64).sqrt().ceil() as u32).max(2)
    }
}

/// `image` shrunk by `factor` in both directions (partial blocks at the
/// right and bottom edges average what they have).
fn shrink(image: &DecodedImage, factor: u32) -> Result<DecodedImage, TraceError> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let f = factor as usize;
    let (sw, sh) = (w.div_ceil(f), h.div_ceil(f));
    let mut luma = vec![0_u8; sw * sh];
    let mut alpha = image.alpha().map(|_| vec![0_u8; sw * sh]);
    let shrink_rows = |luma_out: &mut [u8], alpha_out: Option<&mut [u8]>, first: usize| {
        let rows = luma_out.len() / sw;
        let mut sum_l = vec![0_u32; sw];
        let mut sum_a = vec![0_u32; sw];
        let mut alpha_out = alpha_out;
        for r in 0..rows {
            sum_l.fill(0);
            sum_a.fill(0);
            let y0 = (first + r) * f;
            let y1 = (y0 + f).min(h);
            for y in y0..y1 {
                let row = &image.luma()[y * w..(y + 1) * w];
                match image.alpha() {
                    None => {
                        for (block, s) in row.chunks(f).zip(sum_l.iter_mut()) {
                            *s += block.iter().map(|&v| u32::from(v)).sum::<u32>();
                        }
                    }
                    Some(a) => {
                        let arow = &a[y * w..(y + 1) * w];
                        for (i, (&l, &op)) in row.iter().zip(arow).enumerate() {
                            sum_l[i / f] += u32::from(l) * u32::from(op);
                            sum_a[i / f] += u32::from(op);
                        }
                    }
                }
            }
            for c in 0..sw {
                let count = ((c * f + f).min(w) - c * f) * (y1 - y0);
                let out = r * sw + c;
                match alpha_out.as_deref_mut() {
                    None => luma_out[out] = (sum_l[c] / count.max(1) as u32) as u8,
                    Some(a_out) => {
                        luma_out[out] = (sum_l[c] / sum_a[c].max(1)) as u8;
                        a_out[out] = (sum_a[c] / count.max(1) as u32) as u8;
                    }
                }
            }
        }
    };
    let split = sh / 2 * sw;
    let (luma_top, luma_bottom) = luma.split_at_mut(split);
    match alpha.as_deref_mut() {
        Some(a) => {
            let (a_top, a_bottom) = a.split_at_mut(split);
            std::thread::scope(|s| {
                s.spawn(|| shrink_rows(luma_bottom, Some(a_bottom), sh / 2));
                shrink_rows(luma_top, Some(a_top), 0);
            });
        }
        None => std::thread::scope(|s| {
            s.spawn(|| shrink_rows(luma_bottom, None, sh / 2));
            shrink_rows(luma_top, None, 0);
        }),
    }
    let small = DecodedImage::from_luma(sw as u32, sh as u32, luma)?;
    match alpha {
        Some(a) => small.with_alpha(a),
        None => Ok(small),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The groups of 8-connected ink pixels of `b`, each as its pixels'
    /// bounds (left, top, right, bottom).
    fn groups(b: &Bitmap) -> Vec<[i64; 4]> {
        let (w, h) = (i64::from(b.width()), i64::from(b.height()));
        let mut seen = vec![false; (w * h) as usize];
        let mut out = Vec::new();
        for start in 0..w * h {
            if seen[start as usize] || !b.get(start % w, start / w) {
                continue;
            }
            seen[start as usize] = true;
            let mut bounds = [start % w, start / w, start % w, start / w];
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                let (x0, y0) = (i % w, i / w);
                bounds = [
                    bounds[0].min(x0),
                    bounds[1].min(y0),
                    bounds[2].max(x0),
                    bounds[3].max(y0),
                ];
                for dy in -1..=1 {
                    for dx in -1..=1 {
                        let (x, y) = (x0 + dx, y0 + dy);
                        if b.get(x, y) && !seen[(y * w + x) as usize] {
                            seen[(y * w + x) as usize] = true;
                            stack.push(y * w + x);
                        }
                    }
                }
            }
            out.push(bounds);
        }
        out
    }

    #[test]
    fn a_thin_slanted_line_stays_unbroken_in_the_lines_preview() {
        // A 3-megapixel photo-like picture (paper darkening to the right,
        // noise) with a slanted line one pixel wide, anti-aliased, and an
        // ink disc (the drawing's bold parts set the threshold).
        let (w, h) = (2000_u32, 1500_u32);
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let luma: Vec<u8> = (0..w * h)
            .map(|i| {
                let (x, y) = (f64::from(i % w) + 0.5, f64::from(i / w) + 0.5);
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let paper = 230.0 - 50.0 * x / f64::from(w) + (seed % 9) as f64 - 4.0;
                // Distance to the line from (60, 1400) to (1940, 150).
                let (dx, dy) = (1880.0, -1250.0);
                let len = f64::hypot(dx, dy);
                let t = (((x - 60.0) * dx + (y - 1400.0) * dy) / (len * len)).clamp(0.0, 1.0);
                let d = (x - 60.0 - t * dx).hypot(y - 1400.0 - t * dy);
                let disc = (x - 500.0).hypot(y - 400.0) < 100.0;
                let ink = if disc { 1.0 } else { (1.0 - d).clamp(0.0, 1.0) };
                (paper * (1.0 - 0.8 * ink)) as u8
            })
            .collect();
        let image = DecodedImage::from_luma(w, h, luma).unwrap();
        let opts = TraceOptions::default();
        // What `trace_lines` traces: the line, unbroken, and the disc.
        let full = threshold::line_foreground(&image, opts.threshold, opts.invert);
        assert_eq!(groups(&full).len(), 2);
        let (preview, pixel_mm) = preview_lines_bitmap(&image, &opts, PREVIEW_PIXELS).unwrap();
        assert_eq!((preview.width(), preview.height()), (500, 375));
        // One line from end to end in the preview too, and the disc.
        let lines = groups(&preview);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.contains(&[14, 37, 485, 350]), "{lines:?}");
        // Averaged over 4 × 4 blocks, the line falls in pieces.
        let (boxed, box_mm) = preview_bitmap(&image, &opts, PREVIEW_PIXELS).unwrap();
        assert_eq!(pixel_mm, box_mm);
        assert!(groups(&boxed).len() > 10);
    }
}
