//! Picture files to luminance and alpha, upright, with their declared
//! resolution, refusing oversized pictures before anything big is allocated.
//!
//! Most PNGs (8-bit samples, not interlaced, no EXIF) are decoded row by
//! row straight into luminance, with a second thread mapping the buffer's
//! memory ahead of the decoder (`decode_png`), in huge pages where the
//! system has them (`plane`); everything else goes through `image`'s
//! decoded picture, converted afterwards.

use std::io::Cursor;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};

use super::dpi::sniff_dpi;
use super::error::TraceError;
use super::plane::Plane;

/// Longest side accepted, pixels: beyond any phone or scanner a maker uses.
pub const MAX_SIDE_PX: u32 = 30_000;
/// Most pixels accepted: a 108-megapixel phone photo passes; decoding it
/// needs about 0.5 GB, which an old kiosk laptop still has.
pub const MAX_PIXELS: u64 = 120_000_000;
/// Most memory the decoder may allocate, bytes (a 16-bit RGBA picture of
/// [`MAX_PIXELS`] is refused, an 8-bit one is not).
pub const MAX_DECODER_BYTES: u64 = 1 << 30;
/// Width given to a picture that declares no resolution, mm: a coaster or
/// a small sign, which fits every laser bed and printer.
pub const DEFAULT_WIDTH_MM: f64 = 100.0;

/// A decoded picture: one luminance byte per pixel (0 black, 255 white),
/// rows top to bottom, optional opacity, and the resolution it declares.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedImage {
    width: u32,
    height: u32,
    luma: Plane,
    alpha: Option<Plane>,
    dpi: Option<[f64; 2]>,
}

impl DecodedImage {
    /// A picture from raw luminance rows (`width * height` bytes).
    pub fn from_luma(width: u32, height: u32, luma: Vec<u8>) -> Result<Self, TraceError> {
        Self::from_plane(width, height, Plane::from(luma))
    }

    /// [`Self::from_luma`] from a plane already made.
    fn from_plane(width: u32, height: u32, luma: Plane) -> Result<Self, TraceError> {
        check_size(u64::from(width), u64::from(height))?;
        if luma.len() as u64 != u64::from(width) * u64::from(height) {
            return Err(TraceError::Corrupt {
                reason: format!("{} bytes for {width}×{height} pixels", luma.len()),
            });
        }
        Ok(Self {
            width,
            height,
            luma,
            alpha: None,
            dpi: None,
        })
    }

    /// The same picture with an opacity byte per pixel (0 = transparent).
    pub fn with_alpha(self, alpha: Vec<u8>) -> Result<Self, TraceError> {
        self.with_alpha_plane(Plane::from(alpha))
    }

    /// [`Self::with_alpha`] from a plane already made.
    fn with_alpha_plane(mut self, alpha: Plane) -> Result<Self, TraceError> {
        if alpha.len() != self.luma.len() {
            return Err(TraceError::Corrupt {
                reason: format!("{} alpha bytes for {} pixels", alpha.len(), self.luma.len()),
            });
        }
        self.alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
        Ok(self)
    }

    /// The same picture declaring `dpi` (horizontal, vertical).
    pub fn with_dpi(mut self, dpi: Option<[f64; 2]>) -> Self {
        self.dpi = dpi.filter(|d| d.iter().all(|v| v.is_finite() && *v > 0.0));
        self
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Luminance, one byte per pixel, rows top to bottom.
    pub fn luma(&self) -> &[u8] {
        &self.luma
    }

    /// Opacity per pixel, or `None` when the picture is fully opaque.
    pub fn alpha(&self) -> Option<&[u8]> {
        self.alpha.as_deref()
    }

    /// Dots per inch declared by the file (horizontal, vertical), if any.
    pub fn dpi(&self) -> Option<[f64; 2]> {
        self.dpi
    }

    /// Size of one pixel in mm (horizontal, vertical): from `width_mm` when
    /// given (the user's choice wins), else from the declared resolution,
    /// else so that the picture is [`DEFAULT_WIDTH_MM`] wide.
    pub fn pixel_size_mm(&self, width_mm: Option<f64>) -> [f64; 2] {
        let width = f64::from(self.width.max(1));
        let aspect = self.dpi.map_or(1.0, |[x, y]| x / y);
        match (width_mm, self.dpi) {
            (Some(w), _) => [w / width, w / width * aspect],
            (None, Some([x, y])) => [25.4 / x, 25.4 / y],
            (None, None) => [DEFAULT_WIDTH_MM / width; 2],
        }
    }
}

fn check_size(width: u64, height: u64) -> Result<(), TraceError> {
    if width == 0 || height == 0 {
        return Err(TraceError::ZeroSize {
            width: width.min(u64::from(u32::MAX)) as u32,
            height: height.min(u64::from(u32::MAX)) as u32,
        });
    }
    if width > u64::from(MAX_SIDE_PX)
        || height > u64::from(MAX_SIDE_PX)
        || width * height > MAX_PIXELS
    {
        return Err(TraceError::too_large(width, height));
    }
    Ok(())
}

fn corrupt(error: ImageError) -> TraceError {
    match error {
        ImageError::Unsupported(e) => TraceError::Unsupported {
            format: e.to_string(),
        },
        other => TraceError::Corrupt {
            reason: other.to_string(),
        },
    }
}

/// Decodes a PNG, JPEG, BMP, GIF (first frame), WebP or TIFF file: turned
/// upright by its EXIF orientation, colours reduced to luminance (Rec. 709
/// weights), opacity kept apart. The size is checked against
/// [`MAX_SIDE_PX`] and [`MAX_PIXELS`] from the header, before decoding.
///
/// ```
/// use geometry::trace::{decode_image, TraceError};
/// assert_eq!(decode_image(&[]), Err(TraceError::Empty));
/// assert!(matches!(decode_image(b"hello"), Err(TraceError::Unsupported { .. })));
/// ```
pub fn decode_image(bytes: &[u8]) -> Result<DecodedImage, TraceError> {
    if bytes.is_empty() {
        return Err(TraceError::Empty);
    }
    let format = image::guess_format(bytes).map_err(|_| TraceError::Unsupported {
        format: "unknown format".to_owned(),
    })?;
    if !matches!(
        format,
        ImageFormat::Png
            | ImageFormat::Jpeg
            | ImageFormat::Bmp
            | ImageFormat::Gif
            | ImageFormat::WebP
            | ImageFormat::Tiff
    ) {
        return Err(TraceError::Unsupported {
            format: format!("{format:?}"),
        });
    }
    if let Some((width, height)) = header_size(bytes) {
        // Refuse from the header alone, even if the rest is missing.
        check_size(u64::from(width), u64::from(height))?;
    }
    if format == ImageFormat::Png
        && let Some(image) = decode_png(bytes)
    {
        return Ok(image.with_dpi(sniff_dpi(bytes)));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    // Other formats: checked once the decoder has read the header, still
    // before any pixel buffer exists.
    let (width, height) = decoder.dimensions();
    check_size(u64::from(width), u64::from(height))?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => TraceError::too_large(u64::from(width), u64::from(height)),
        other => corrupt(other),
    })?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    let (width, height) = (image.width(), image.height());
    let (luma, alpha) = luminance(image);
    DecodedImage::from_luma(width, height, luma)?
        .with_alpha_opt(alpha)
        .map(|img| img.with_dpi(sniff_dpi(bytes)))
}

/// Pixels from which a second thread prepares the luminance's memory
/// while the first decodes into it.
const PARALLEL_MIN_PIXELS: usize = 1 << 20;
/// Bytes of luminance the second thread touches at a time.
const PIECE_BYTES: usize = 1 << 16;
/// A memory page: touching one byte of each makes the system map it.
const PAGE_BYTES: usize = 4096;

/// A non-interlaced PNG of 8-bit samples (after palette expansion), decoded
/// row by row straight into luminance (and opacity) without the picture
/// `image` would build first. On big pictures a second thread touches the
/// fresh luminance buffer's pages ahead of the decoder when it gets a core:
/// the first write to each page makes the system map it, which otherwise
/// costs the decoding thread about as much as inflating the rows. `None` for anything else
/// (interlacing, 16-bit samples, an EXIF orientation, a decoding error),
/// which the general path decodes, or reports, instead.
fn decode_png(bytes: &[u8]) -> Option<DecodedImage> {
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: usize::try_from(MAX_DECODER_BYTES).unwrap_or(usize::MAX),
        },
    );
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().ok()?;
    let info = reader.info();
    if info.interlaced || info.exif_metadata.is_some() {
        return None;
    }
    let (width, height) = (info.width, info.height);
    check_size(u64::from(width), u64::from(height)).ok()?;
    let channels = match reader.output_color_type() {
        (png::ColorType::Grayscale, png::BitDepth::Eight) => 1,
        (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => 2,
        (png::ColorType::Rgb, png::BitDepth::Eight) => 3,
        (png::ColorType::Rgba, png::BitDepth::Eight) => 4,
        _ => return None,
    };
    let w = width as usize;
    let mut luma = Plane::zeroed(w * height as usize);
    let mut alpha = Plane::zeroed(if channels % 2 == 0 { luma.len() } else { 0 });
    let mut alpha_rows = alpha.chunks_exact_mut(w);
    let mut scratch = vec![0_u8; w * channels];
    let mut decode_rows = |rows: &mut [u8]| -> Option<()> {
        for row in rows.chunks_exact_mut(w) {
            if channels == 1 {
                reader.read_row(row).ok()??;
                continue;
            }
            reader.read_row(&mut scratch).ok()??;
            let pixels = scratch.chunks_exact(channels);
            if channels >= 3 {
                for (l, p) in row.iter_mut().zip(pixels) {
                    *l = luma_of(p[0], p[1], p[2]);
                }
            } else {
                for (l, p) in row.iter_mut().zip(pixels) {
                    *l = p[0];
                }
            }
            if let Some(opacity) = alpha_rows.next() {
                let pixels = scratch.chunks_exact(channels);
                for (a, p) in opacity.iter_mut().zip(pixels) {
                    *a = p[channels - 1];
                }
            }
        }
        Some(())
    };
    if luma.len() < PARALLEL_MIN_PIXELS {
        decode_rows(&mut luma)?;
    } else {
        // Each piece: whether it is decoded, and its rows. The decoder never
        // waits for the helper (which may not even get a core): it takes
        // each piece in turn, touched or not, and the helper skips the
        // pieces the decoder has reached.
        let piece = PIECE_BYTES.next_multiple_of(w);
        let pieces: Vec<Mutex<(bool, &mut [u8])>> = luma
            .chunks_mut(piece)
            .map(|rows| Mutex::new((false, rows)))
            .collect();
        let reached = AtomicUsize::new(0);
        std::thread::scope(|s| {
            s.spawn(|| {
                for (k, piece) in pieces.iter().enumerate() {
                    if k < reached.load(Ordering::Relaxed) {
                        continue;
                    }
                    if let Ok(mut guard) = piece.try_lock()
                        && !guard.0
                    {
                        for byte in guard.1.iter_mut().step_by(PAGE_BYTES) {
                            *byte = std::hint::black_box(0);
                        }
                    }
                }
            });
            pieces.iter().enumerate().try_for_each(|(k, piece)| {
                reached.store(k + 1, Ordering::Relaxed);
                let mut guard = piece.lock().ok()?;
                guard.0 = true;
                decode_rows(guard.1)
            })
        })?;
    }
    let image = DecodedImage::from_plane(width, height, luma).ok()?;
    if alpha.is_empty() {
        Some(image)
    } else {
        image.with_alpha_plane(alpha).ok()
    }
}

/// Width and height as declared by a PNG, BMP or GIF header (fixed places
/// at the start of the file), so that absurd sizes are refused clearly even
/// when the rest of the file is missing; `None` for other formats.
fn header_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let le32 = |at: usize| Some(i32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let le16 = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16)? == b"IHDR" {
        let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        Some((width, height))
    } else if bytes.starts_with(b"BM") && le32(14)? >= 40 {
        // Negative height means rows stored top first.
        Some((le32(18)?.unsigned_abs(), le32(22)?.unsigned_abs()))
    } else if bytes.starts_with(b"GIF8") {
        Some((u32::from(le16(6)?), u32::from(le16(8)?)))
    } else {
        None
    }
}

impl DecodedImage {
    fn with_alpha_opt(self, alpha: Option<Vec<u8>>) -> Result<Self, TraceError> {
        match alpha {
            Some(alpha) => self.with_alpha(alpha),
            None => Ok(self),
        }
    }
}

/// Rec. 709 luma of 8-bit sRGB in fixed point (weights sum to 256).
fn luma_of(r: u8, g: u8, b: u8) -> u8 {
    ((54 * u32::from(r) + 183 * u32::from(g) + 19 * u32::from(b) + 128) >> 8) as u8
}

fn luminance(image: DynamicImage) -> (Vec<u8>, Option<Vec<u8>>) {
    match image {
        DynamicImage::ImageLuma8(buffer) => (buffer.into_raw(), None),
        DynamicImage::ImageRgb8(buffer) => (
            buffer
                .as_raw()
                .chunks_exact(3)
                .map(|p| luma_of(p[0], p[1], p[2]))
                .collect(),
            None,
        ),
        DynamicImage::ImageRgba8(buffer) => {
            let raw = buffer.as_raw();
            let luma = raw
                .chunks_exact(4)
                .map(|p| luma_of(p[0], p[1], p[2]))
                .collect();
            let alpha = raw.chunks_exact(4).map(|p| p[3]).collect();
            (luma, Some(alpha))
        }
        other => {
            let la = other.to_luma_alpha8();
            let raw = la.as_raw();
            let luma = raw.chunks_exact(2).map(|p| p[0]).collect();
            let alpha = raw.chunks_exact(2).map(|p| p[1]).collect();
            (luma, Some(alpha))
        }
    }
}
