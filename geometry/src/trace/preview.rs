//! A fast trace of a downscaled copy, for a live threshold slider.
//!
//! The picture is shrunk by a whole factor with a box filter (each preview
//! pixel averages a square block, transparent pixels weighted out) until it
//! has at most `max_pixels` pixels, then traced at the same physical size as
//! the full picture, so the preview lines up with the final trace.

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
