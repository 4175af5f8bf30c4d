//! `fabrique trace IMAGE -o OUT.svg [--threshold auto|0-255] [--invert]
//! [--width MM] [--fit] [--lines [--score]]`: a picture traced into smooth
//! outlines (or, with `--lines`, a pen drawing into centre lines, one per
//! stroke or run of strokes carrying on through junctions), written as a
//! laser-ready file in millimetres.
//!
//! `--width` is the width of the traced shapes themselves (what the maker
//! measures on the cut piece), not of the picture around them: the shapes
//! are scaled to it after tracing. The page is the picture's frame at that
//! scale, shapes where they were in the picture, as `fabrique laser` keeps
//! a drawing's page; `--fit` crops it to the shapes.

use std::path::PathBuf;

use clap::Args;
use exporters::ExportOptions;
use geometry::trace::{
    DEFAULT_WIDTH_MM, MAX_PIXELS, MAX_SIDE_PX, Threshold, TraceError, TraceOptions, decode_image,
    trace_image, trace_lines,
};
use geometry::{Document, LaserRole};

use super::laser::{laser_format, machine_profile};
use super::{CliError, input};

/// Largest picture file read, bytes: far above any photo or scan a maker
/// brings (a 50-megapixel PNG is about 150 MB).
pub const MAX_PICTURE_BYTES: u64 = crate::bounded_read::MAX_PICTURE_BYTES;

/// Widest result accepted, mm: larger than any laser bed.
pub const MAX_WIDTH_MM: f64 = 10_000.0;

/// Narrowest result accepted, mm.
pub const MIN_WIDTH_MM: f64 = 0.1;

/// Arguments of `fabrique trace`.
#[derive(Debug, Args)]
#[command(after_help = format!(
    "Size: --width wins; otherwise the picture's own resolution (DPI) if it has one; otherwise {DEFAULT_WIDTH_MM} mm wide.\n\
     Limits: at most {MAX_SIDE_PX} pixels a side and {} megapixels; larger pictures are refused before decoding.",
    MAX_PIXELS / 1_000_000
))]
pub struct TraceArgs {
    /// The picture: PNG, JPEG, BMP, GIF, WebP or TIFF.
    pub input: PathBuf,
    /// Where to write: a .svg or .dxf file (replaced if it exists).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Where dark ends and light begins: `auto` (relative to the paper around each
    /// pixel, so uneven light and soft shadows of a phone photo vanish), or 0–255 for
    /// one value over the whole picture (darker pixels are traced).
    #[arg(long, default_value = "auto", value_parser = parse_threshold)]
    pub threshold: Threshold,
    /// Trace the light parts instead of the dark ones.
    #[arg(long)]
    pub invert: bool,
    /// Width of the traced shapes in millimetres (see below for the default).
    #[arg(long, allow_negative_numbers = true)]
    pub width: Option<f64>,
    /// Crop the page to the traced shapes (by default it is the picture's frame).
    #[arg(long)]
    pub fit: bool,
    /// Engrave the traced areas (filled) instead of cutting their outlines.
    #[arg(long, conflicts_with = "lines")]
    pub engrave: bool,
    /// Pen drawing: one line along the middle of each stroke (cut once),
    /// instead of an outline around both sides of it.
    #[arg(long)]
    pub lines: bool,
    /// With --lines: score (mark) the lines instead of cutting them.
    #[arg(long, requires = "lines")]
    pub score: bool,
    /// Machine profile giving the colours and line width (default: generic).
    #[arg(long, default_value = "generic")]
    pub machine: String,
    /// Language of the messages (default: the system's, else French).
    #[arg(long, value_enum)]
    pub lang: Option<super::check::Lang>,
}

fn parse_threshold(text: &str) -> Result<Threshold, String> {
    if text.eq_ignore_ascii_case("auto") {
        return Ok(Threshold::Auto);
    }
    text.parse::<u8>()
        .map(Threshold::Value)
        .map_err(|_| format!("{text:?} is not `auto` or a whole number from 0 to 255"))
}

/// What to do about a tracing error, for the one-line message.
pub fn hint(error: &TraceError) -> &'static str {
    match error {
        TraceError::Empty | TraceError::ZeroSize { .. } | TraceError::Corrupt { .. } => {
            "Open it in an image editor and save it again as PNG"
        }
        TraceError::Unsupported { .. } => "Save it as PNG or JPEG first",
        TraceError::TooLarge { .. } => "Scale it down in an image editor first",
        TraceError::NothingToTrace { all_dark: false } => {
            "Try a higher --threshold, or --invert for light drawings on dark"
        }
        TraceError::NothingToTrace { all_dark: true } => {
            "Try a lower --threshold, or --invert for light drawings on dark"
        }
        TraceError::TooDetailed { .. } => {
            "Photograph the drawing alone, on plain paper, or set --threshold by hand"
        }
        TraceError::Cancelled => "Run it again",
        TraceError::InvalidOption { .. } => "Check the options",
    }
}

/// Width of the shapes together, mm; `None` when they have no width.
fn shapes_width(shapes: &[geometry::Shape]) -> Option<f64> {
    let mut bounds = shapes.iter().filter_map(geometry::outline::shape_bounds);
    let first = bounds.next()?;
    let all = bounds.fold(first, |a, b| a.union(b));
    (all.width() > 0.0 && all.width().is_finite()).then(|| all.width())
}

/// Runs `fabrique trace`.
pub fn run(args: &TraceArgs) -> Result<(), CliError> {
    laser_format(&args.output, "fabrique trace")?;
    let profile = machine_profile(&args.machine)?;
    if let Some(width) = args.width
        && !(MIN_WIDTH_MM..=MAX_WIDTH_MM).contains(&width)
    {
        return Err(CliError::BadLength {
            option: "width",
            value: width,
            min: MIN_WIDTH_MM,
            max: MAX_WIDTH_MM,
        });
    }
    let bytes = input::read_bytes(&args.input, MAX_PICTURE_BYTES)?;
    let failed = |source| CliError::Trace {
        path: args.input.clone(),
        source,
    };
    let image = decode_image(&bytes).map_err(failed)?;
    let opts = TraceOptions {
        threshold: args.threshold,
        invert: args.invert,
        width_mm: args.width,
        ..TraceOptions::default()
    };
    let shapes = if args.lines {
        trace_lines(&image, &opts).map_err(failed)?.shapes
    } else {
        trace_image(&image, &opts, &|_| true).map_err(failed)?
    };
    let [pixel_w, pixel_h] = image.pixel_size_mm(args.width);
    let mut page = (
        pixel_w * f64::from(image.width()),
        pixel_h * f64::from(image.height()),
    );
    // The picture is not needed any more: handing its memory back (9 MB
    // for a 3000 px square, 0.6 ms of unmapping) overlaps the laser
    // clean-up and the write on another thread instead of following them.
    drop(bytes);
    let _ = std::thread::Builder::new()
        .name("drop picture".into())
        .spawn(move || drop(image));
    // The picture was sized to --width; the shapes inside are narrower.
    let scale = args
        .width
        .zip(shapes_width(&shapes))
        .map_or(1.0, |(wanted, got)| wanted / got);
    page = (page.0 * scale, page.1 * scale);
    let mut document = Document::new();
    document.add_all(shapes.into_iter().map(|mut shape| {
        shape.transform = kurbo::Affine::scale(scale) * shape.transform;
        if args.engrave {
            shape.role = LaserRole::Engrave;
        } else if args.score {
            shape.role = LaserRole::Score;
        }
        shape
    }));
    let options = ExportOptions {
        profile,
        page_mm: (!args.fit).then_some(page),
        ..ExportOptions::default()
    };
    exporters::save(&args.output, &document, &options)
        .map_err(|e| CliError::export(&args.output, &args.input, e))
}
