//! The trace dialog: a picture (photo, drawing, logo) becomes filled shapes,
//! or with "Lines" a pen drawing becomes centre lines (strokes that carry
//! on through a junction joined). A live preview shows the thresholded
//! picture filled, with the traced outlines over it, following the
//! threshold (automatic, relative to the paper, or a slider), invert and
//! speckle settings (on a downscaled copy on a worker thread); "Trace" then
//! traces the full picture on a worker thread with a progress bar and
//! Cancel.
//!
//! The thresholded picture is shown shrunk to the screen's pixels with a
//! pixel dark where any pixel under it is (and, for lines, shrunk so from
//! the full picture's threshold, `preview_lines_bitmap`): a pen line
//! thinner than a shown pixel stays unbroken, where drawing the picture
//! smaller, one pixel in so many, showed it dotted.

use super::centred_message::paint_centred;
use super::work::{Poll, Work};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Color32, Stroke};
use geometry::Shape;
use geometry::outline::{Polyline, shape_polylines};
use geometry::trace::{
    DecodedImage, PREVIEW_PIXELS, Threshold, TraceError, TraceOptions, auto_threshold,
    decode_image, preview_bitmap, preview_lines_bitmap, trace_image, trace_lines, trace_preview,
};

use crate::i18n::{Arg, I18n};

/// Picture files the dialog accepts (lower case, no dot).
pub const BITMAP_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "bmp", "gif", "webp"];

/// `true` for a picture file the tracer reads.
pub fn is_bitmap(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| BITMAP_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
}

type Traced = Result<Vec<Shape>, TraceError>;

/// A preview: the thresholded picture (shrunk) and its pixel size in mm,
/// and the traced outlines over it (filled mode only).
struct Preview {
    bitmap: geometry::trace::Bitmap,
    pixel_mm: [f64; 2],
    shapes: Vec<Shape>,
}

type PreviewResult = Result<Preview, TraceError>;

/// A preview ready to draw: outlines (mm), the thresholded picture and
/// the picture's size in mm.
type Shown = (Vec<Polyline>, egui::TextureHandle, [f64; 2]);

/// What the trace makes of the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Filled shapes (outlines around the dark areas).
    Filled,
    /// One centre line per pen stroke.
    Lines,
}

struct FullTrace {
    work: Work<Traced>,
}

/// State of the dialog.
pub struct TraceDialog {
    path: PathBuf,
    decoding: Option<Work<Result<DecodedImage, TraceError>>>,
    image: Option<Arc<DecodedImage>>,
    threshold: u8,
    auto: bool,
    mode: Mode,
    invert: bool,
    speckles: u32,
    width_mm: f64,
    /// The width has not been chosen yet: the first preview sets it to the
    /// drawing's own width (its size in the picture).
    width_unset: bool,
    preview: Option<Result<Shown, TraceError>>,
    preview_of: Option<(TraceOptions, Mode)>,
    preview_job: Option<((TraceOptions, Mode), Work<PreviewResult>)>,
    full: Option<FullTrace>,
}

impl std::fmt::Debug for TraceDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TraceDialog")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What the dialog asks of the app.
pub enum TraceOutcome {
    /// Still open.
    Open,
    /// Closed without importing.
    Closed,
    /// Traced: add these shapes.
    Shapes(Vec<Shape>),
    /// Failed: show this message.
    Failed(String),
}

impl TraceDialog {
    /// Opens the dialog on a picture file; decoding starts on a worker thread.
    pub fn new(path: PathBuf, ctx: Option<egui::Context>) -> Self {
        let file = path.clone();
        Self::decoding(path, ctx, move || {
            // `files::import_path` checked the file's kind and size already;
            // this read is bounded again in case it changed since.
            crate::bounded_read::read_file(&file, crate::bounded_read::MAX_PICTURE_BYTES)
                .map_err(|_| TraceError::Empty)
                .and_then(|bytes| decode_image(&bytes))
        })
    }

    /// Opens the dialog on a picture compiled into the app (a tutorial's
    /// sample), named `name`.
    pub fn from_bytes(name: PathBuf, bytes: &'static [u8], ctx: Option<egui::Context>) -> Self {
        Self::decoding(name, ctx, move || decode_image(bytes))
    }

    fn decoding(
        path: PathBuf,
        ctx: Option<egui::Context>,
        decode: impl FnOnce() -> Result<DecodedImage, TraceError> + Send + 'static,
    ) -> Self {
        let work = Work::spawn(ctx.as_ref(), move |_| decode());
        Self {
            path,
            decoding: Some(work),
            image: None,
            threshold: 128,
            auto: true,
            mode: Mode::Filled,
            invert: false,
            speckles: 2,
            width_mm: 100.0,
            width_unset: true,
            preview: None,
            preview_of: None,
            preview_job: None,
            full: None,
        }
    }

    fn options(&self) -> TraceOptions {
        TraceOptions {
            threshold: if self.auto {
                Threshold::Auto
            } else {
                Threshold::Value(self.threshold)
            },
            invert: self.invert,
            turd_size: self.speckles,
            width_mm: Some(self.width_mm),
            ..TraceOptions::default()
        }
    }

    /// The width the traced shapes will have, mm ("Width of the result").
    pub fn width_mm(&self) -> f64 {
        self.width_mm
    }

    /// Blocks until decoding and any trace are done (tests).
    pub fn wait_until_idle(&mut self, ctx: &egui::Context) {
        for _ in 0..2000 {
            self.poll(ctx);
            if self.decoding.is_none() && self.preview_job.is_none() && self.full.is_none() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(work) = &self.decoding
            && let Poll::Done(result) = work.poll()
        {
            self.decoding = None;
            match result {
                Ok(image) => {
                    self.threshold = auto_threshold(&image);
                    let [w, _] = image.pixel_size_mm(None);
                    self.width_mm = (w * f64::from(image.width())).clamp(10.0, 1000.0).round();
                    self.image = Some(Arc::new(image));
                }
                Err(error) => self.preview = Some(Err(error)),
            }
        }
        if let Some((wanted, work)) = &self.preview_job
            && let Poll::Done(result) = work.poll()
        {
            self.preview_of = Some(*wanted);
            // "Width of the result" starts at the drawing's own width, so
            // the shapes come out the size they have in the picture.
            if self.width_unset
                && let Ok(preview) = &result
                && let Some(b) = geometry::transform::shapes_bounds(&preview.shapes)
                && b.width() > 0.0
            {
                self.width_mm = b.width().clamp(10.0, 600.0).round();
                self.width_unset = false;
            }
            self.preview = Some(result.map(|preview| {
                let lines: Vec<Polyline> = preview
                    .shapes
                    .iter()
                    .flat_map(|s| shape_polylines(s, 0.2))
                    .collect();
                let (w, h) = (preview.bitmap.width(), preview.bitmap.height());
                let size_mm = [
                    f64::from(w) * preview.pixel_mm[0],
                    f64::from(h) * preview.pixel_mm[1],
                ];
                let shown = shown_bitmap(&preview.bitmap, size_mm, ctx.pixels_per_point());
                let (w, h) = (shown.width(), shown.height());
                let pixels: Vec<Color32> = (0..i64::from(h))
                    .flat_map(|y| (0..i64::from(w)).map(move |x| (x, y)))
                    .map(|(x, y)| {
                        if shown.get(x, y) {
                            Color32::from_gray(90)
                        } else {
                            Color32::WHITE
                        }
                    })
                    .collect();
                let image = egui::ColorImage::new([w as usize, h as usize], pixels);
                let texture =
                    ctx.load_texture("trace-preview", image, egui::TextureOptions::NEAREST);
                (lines, texture, size_mm)
            }));
            self.preview_job = None;
        }
        // One preview at a time; the latest settings win when it ends.
        let wanted = (self.options(), self.mode);
        if let Some(image) = &self.image
            && self.preview_job.is_none()
            && self.preview_of != Some(wanted)
        {
            let image = Arc::clone(image);
            let work = Work::spawn(Some(ctx), move |_| {
                let (options, mode) = wanted;
                let (bitmap, pixel_mm) = match mode {
                    Mode::Filled => preview_bitmap(&image, &options, PREVIEW_PIXELS)?,
                    Mode::Lines => preview_lines_bitmap(&image, &options, PREVIEW_PIXELS)?,
                };
                let shapes = match mode {
                    Mode::Filled => trace_preview(&image, &options, PREVIEW_PIXELS)?,
                    Mode::Lines => Vec::new(),
                };
                Ok(Preview {
                    bitmap,
                    pixel_mm,
                    shapes,
                })
            });
            self.preview_job = Some((wanted, work));
        }
    }

    fn start_full(&mut self, ctx: &egui::Context) {
        let Some(image) = self.image.clone() else {
            return;
        };
        let options = self.options();
        let mode = self.mode;
        let work = Work::spawn(Some(ctx), move |control| {
            let report = |fraction: f32| control.report(fraction);
            match mode {
                Mode::Filled => trace_image(&image, &options, &report),
                Mode::Lines => trace_lines(&image, &options).map(|traced| traced.shapes),
            }
        });
        self.full = Some(FullTrace { work });
    }

    /// Shows the dialog's contents.
    pub fn dialog_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> TraceOutcome {
        self.poll(ui.ctx());
        if self.decoding.is_some() || self.preview_job.is_some() || self.full.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        ui.heading(i18n.tr("trace-title"));
        ui.label(
            self.path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        );
        if let Some(full) = &self.full {
            if let Poll::Done(result) = full.work.poll() {
                self.full = None;
                return match result {
                    Ok(shapes) => TraceOutcome::Shapes(to_width(shapes, self.width_mm)),
                    Err(TraceError::Cancelled) => TraceOutcome::Open,
                    Err(error) => TraceOutcome::Failed(trace_error_message(i18n, &error)),
                };
            }
            let fraction = full.work.progress();
            ui.label(i18n.tr("trace-working"));
            ui.add(egui::ProgressBar::new(fraction).show_percentage());
            if ui.button(i18n.tr("button-cancel")).clicked() {
                // Back to the settings at once: the lines mode does not
                // look at the flag, and on a photo of noise it works for
                // seconds; whatever it gives then is dropped.
                full.work.cancel();
                self.full = None;
            }
            return TraceOutcome::Open;
        }
        let mut outcome = TraceOutcome::Open;
        ui.horizontal(|ui| {
            self.preview_ui(ui, i18n);
            ui.vertical(|ui| {
                ui.set_width(260.0);
                let enabled = self.image.is_some();
                ui.add_enabled_ui(enabled, |ui| {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.mode, Mode::Filled, i18n.tr("trace-mode-filled"))
                            .on_hover_text(i18n.tr("trace-mode-filled-tooltip"));
                        ui.radio_value(&mut self.mode, Mode::Lines, i18n.tr("trace-mode-lines"))
                            .on_hover_text(i18n.tr("trace-mode-lines-tooltip"));
                    });
                    ui.checkbox(&mut self.auto, i18n.tr("trace-auto"))
                        .on_hover_text(i18n.tr("trace-auto-tooltip"));
                    ui.add_enabled_ui(!self.auto, |ui| {
                        ui.label(i18n.tr("trace-threshold"));
                        ui.add(egui::Slider::new(&mut self.threshold, 1..=254))
                            .accessible_name(i18n.tr("trace-threshold"))
                            .on_hover_text(i18n.tr("trace-threshold-tooltip"));
                    });
                    ui.checkbox(&mut self.invert, i18n.tr("trace-invert"))
                        .on_hover_text(i18n.tr("trace-invert-tooltip"));
                    ui.label(i18n.tr("trace-speckles"));
                    ui.add(egui::Slider::new(&mut self.speckles, 0..=500).logarithmic(true))
                        .accessible_name(i18n.tr("trace-speckles"))
                        .on_hover_text(i18n.tr("trace-speckles-tooltip"));
                    ui.label(i18n.tr("trace-width"));
                    let width = egui::Slider::new(&mut self.width_mm, 10.0..=600.0).suffix(" mm");
                    // Named as the label above says: a screen reader reads
                    // the slider and its number box by this name.
                    if ui
                        .add(width)
                        .accessible_name(i18n.tr("trace-width"))
                        .changed()
                    {
                        self.width_unset = false;
                    }
                    ui.add_space(8.0);
                    if ui.button(i18n.tr("trace-confirm")).clicked() {
                        self.start_full(ui.ctx());
                    }
                });
                if ui.button(i18n.tr("button-cancel")).clicked() {
                    outcome = TraceOutcome::Closed;
                }
            });
        });
        outcome
    }

    fn preview_ui(&self, ui: &mut egui::Ui, i18n: &I18n) {
        let (response, painter) = ui.allocate_painter(PREVIEW_AREA, egui::Sense::hover());
        let rect = response.rect;
        painter.rect_filled(rect, 4.0, Color32::WHITE);
        match &self.preview {
            None => {
                paint_centred(
                    &painter,
                    rect,
                    i18n.tr("trace-loading"),
                    15.0,
                    Color32::GRAY,
                );
            }
            Some(Err(error)) => {
                let text = trace_error_message(i18n, error);
                paint_centred(&painter, rect, text, 13.0, Color32::DARK_RED);
            }
            Some(Ok((lines, texture, size_mm))) => {
                let scale = preview_scale(*size_mm);
                // Document space: Y up, the picture from (0, 0) to size_mm.
                let to_screen = |p: &[f64; 2]| {
                    egui::pos2(
                        rect.center().x + ((p[0] - size_mm[0] / 2.0) * scale) as f32,
                        rect.center().y - ((p[1] - size_mm[1] / 2.0) * scale) as f32,
                    )
                };
                let picture = egui::Rect::from_two_pos(
                    to_screen(&[0.0, 0.0]),
                    to_screen(&[size_mm[0], size_mm[1]]),
                );
                painter.image(
                    texture.id(),
                    picture,
                    egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                    Color32::WHITE,
                );
                for line in lines {
                    let points: Vec<egui::Pos2> = line.points.iter().map(to_screen).collect();
                    painter.add(egui::Shape::closed_line(
                        points,
                        Stroke::new(1.2, Color32::from_rgb(200, 30, 30)),
                    ));
                }
            }
        }
    }
}

/// The size of the preview, points.
const PREVIEW_AREA: egui::Vec2 = egui::vec2(380.0, 300.0);
/// The white margin around the picture in the preview, points.
const PREVIEW_MARGIN: f32 = 10.0;

/// The scale the preview shows a picture `size_mm` large at, points per
/// mm: as large as it fits.
fn preview_scale(size_mm: [f64; 2]) -> f64 {
    let room = PREVIEW_AREA - egui::vec2(2.0, 2.0) * PREVIEW_MARGIN;
    (f64::from(room.x) / size_mm[0].max(1e-6)).min(f64::from(room.y) / size_mm[1].max(1e-6))
}

/// The preview's thresholded picture `bitmap` (`size_mm` large) as shown
/// on a screen of `pixels_per_point`: shrunk to the screen pixels it
/// covers, rounded down so that each of its pixels covers at least one
/// (drawn without smoothing, a larger picture shows one pixel in so many),
/// a pixel dark where any under it is.
fn shown_bitmap(
    bitmap: &geometry::trace::Bitmap,
    size_mm: [f64; 2],
    pixels_per_point: f32,
) -> geometry::trace::Bitmap {
    let pixels_per_mm = preview_scale(size_mm) * f64::from(pixels_per_point);
    let (w, h) = (
        (size_mm[0] * pixels_per_mm).floor() as u32,
        (size_mm[1] * pixels_per_mm).floor() as u32,
    );
    if w >= bitmap.width() && h >= bitmap.height() {
        return bitmap.clone();
    }
    bitmap.shrunk_any(w.min(bitmap.width()), h.min(bitmap.height()))
}

/// A tracing error in words, with what to do.
pub fn trace_error_message(i18n: &I18n, error: &TraceError) -> String {
    match error {
        TraceError::NothingToTrace { .. } => i18n.tr("error-trace-nothing"),
        TraceError::TooLarge { .. } => i18n.tr("error-trace-too-large"),
        TraceError::TooDetailed { .. } => i18n.tr("error-trace-too-detailed"),
        TraceError::Unsupported { .. }
        | TraceError::Corrupt { .. }
        | TraceError::Empty
        | TraceError::ZeroSize { .. } => i18n.tr("error-trace-unreadable"),
        other => i18n.tr_args(
            "error-export-internal",
            &[("reason", Arg::Text(other.to_string()))],
        ),
    }
}

/// `shapes` scaled so that together they are `width` mm wide: the width
/// asked for is the drawing's, not the picture's with its white margins
/// (as `fabrique trace --width`).
fn to_width(shapes: Vec<Shape>, width: f64) -> Vec<Shape> {
    let Some(bounds) = geometry::transform::shapes_bounds(&shapes) else {
        return shapes;
    };
    if !(bounds.width() > 0.0 && bounds.width().is_finite() && width > 0.0) {
        return shapes;
    }
    let scale = kurbo::Affine::scale(width / bounds.width());
    shapes
        .into_iter()
        .map(|mut shape| {
            shape.transform = scale * shape.transform;
            shape
        })
        .collect()
}
