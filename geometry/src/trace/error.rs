//! What can go wrong when decoding or tracing a picture.
//!
//! Variants carry data, not prose: the CLI and the app turn each one into a
//! translated sentence saying what happened and what to do. The `Display`
//! texts below are the plain English fallback.

use super::decode::{MAX_PIXELS, MAX_SIDE_PX};

/// Why a picture could not be decoded or traced.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TraceError {
    /// The file holds no bytes at all.
    #[error("the picture file is empty")]
    Empty,
    /// The picture has no pixels (zero width or height).
    #[error("the picture has no pixels ({width}×{height})")]
    ZeroSize {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// Not a picture format Fabrique reads (PNG, JPEG, BMP, GIF, WebP, TIFF).
    #[error("not a picture Fabrique can read ({format}); use PNG, JPEG, BMP, GIF, WebP or TIFF")]
    Unsupported {
        /// What the file looked like, as far as we could tell.
        format: String,
    },
    /// The picture is larger than the limits, refused before decoding.
    #[error(
        "the picture is too large ({width}×{height} pixels); the limit is {max_side} pixels a side and {max_pixels} pixels in all"
    )]
    TooLarge {
        /// Width claimed by the file, pixels.
        width: u64,
        /// Height claimed by the file, pixels.
        height: u64,
        /// Longest side accepted, pixels ([`MAX_SIDE_PX`]).
        max_side: u32,
        /// Most pixels accepted ([`MAX_PIXELS`]).
        max_pixels: u64,
    },
    /// The file is truncated or damaged.
    #[error("the picture is damaged or incomplete: {reason}")]
    Corrupt {
        /// What the decoder reported.
        reason: String,
    },
    /// The thresholded picture is blank (all background, or all foreground
    /// so that only the picture's frame would be traced).
    #[error("nothing to trace: after thresholding the picture is all {}", if *.all_dark { "dark" } else { "light" })]
    NothingToTrace {
        /// `true` when every pixel was foreground, `false` when none was.
        all_dark: bool,
    },
    /// The trace would have more path segments than a drawing may hold
    /// ([`crate::limits::MAX_SEGMENTS`]): a photo of a texture, of noise
    /// or of a halftone print rather than of a drawing. Refused so that no
    /// command and no project is handed a drawing it would refuse.
    #[error(
        "the trace would have more than {max} path segments, the most a drawing may hold: the picture shows texture or noise rather than a drawing"
    )]
    TooDetailed {
        /// The limit.
        max: usize,
    },
    /// The caller cancelled the trace through the progress callback.
    #[error("tracing was cancelled")]
    Cancelled,
    /// An option is out of range (NaN, negative size...).
    #[error("invalid tracing option {name} = {value}")]
    InvalidOption {
        /// Name of the option, as in [`super::TraceOptions`].
        name: &'static str,
        /// The value given.
        value: f64,
    },
}

impl TraceError {
    /// The [`TraceError::TooLarge`] error for a picture of this size.
    pub(crate) fn too_large(width: u64, height: u64) -> Self {
        Self::TooLarge {
            width,
            height,
            max_side: MAX_SIDE_PX,
            max_pixels: MAX_PIXELS,
        }
    }
}
