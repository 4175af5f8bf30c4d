//! The trace dialog: a picture (photo, drawing, logo) becomes filled shapes.
//! A live preview follows the threshold, invert and speckle settings (traced
//! on a downscaled copy on a worker thread); "Trace" then traces the full
//! picture on a worker thread with a progress bar and Cancel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, Stroke};
use geometry::Shape;
use geometry::outline::{Polyline, shape_polylines};
use geometry::trace::{
    DecodedImage, PREVIEW_PIXELS, Threshold, TraceError, TraceOptions, auto_threshold,
    decode_image, trace_image, trace_preview,
};

use super::i18n::{Arg, I18n};

/// Picture files the dialog accepts (lower case, no dot).
pub const BITMAP_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "bmp", "gif", "webp"];

/// `true` for a picture file the tracer reads.
pub fn is_bitmap(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| BITMAP_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
}

type Traced = Result<Vec<Shape>, TraceError>;

struct FullTrace {
    receiver: Receiver<Traced>,
    stop: Arc<AtomicBool>,
    progress: Arc<AtomicU32>,
}

/// State of the dialog.
pub struct TraceDialog {
    path: PathBuf,
    decoding: Option<Receiver<Result<DecodedImage, TraceError>>>,
    image: Option<Arc<DecodedImage>>,
    threshold: u8,
    invert: bool,
    speckles: u32,
    width_mm: f64,
    preview: Option<Result<(Vec<Polyline>, kurbo::Rect), TraceError>>,
    preview_of: Option<TraceOptions>,
    preview_job: Option<(TraceOptions, Receiver<Traced>)>,
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
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(decode());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        Self {
            path,
            decoding: Some(receiver),
            image: None,
            threshold: 128,
            invert: false,
            speckles: 2,
            width_mm: 100.0,
            preview: None,
            preview_of: None,
            preview_job: None,
            full: None,
        }
    }

    fn options(&self) -> TraceOptions {
        TraceOptions {
            threshold: Threshold::Value(self.threshold),
            invert: self.invert,
            turd_size: self.speckles,
            width_mm: Some(self.width_mm),
            ..TraceOptions::default()
        }
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
        if let Some(receiver) = &self.decoding
            && let Ok(result) = receiver.try_recv()
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
        if let Some((options, receiver)) = &self.preview_job
            && let Ok(result) = receiver.try_recv()
        {
            self.preview_of = Some(*options);
            self.preview = Some(result.map(|shapes| {
                let lines: Vec<Polyline> = shapes
                    .iter()
                    .flat_map(|s| shape_polylines(s, 0.2))
                    .collect();
                let bounds = super::transform::shapes_bounds(&shapes).unwrap_or_default();
                (lines, bounds)
            }));
            self.preview_job = None;
        }
        // One preview at a time; the latest settings win when it ends.
        let wanted = self.options();
        if let Some(image) = &self.image
            && self.preview_job.is_none()
            && self.preview_of != Some(wanted)
        {
            let (sender, receiver) = channel();
            let image = Arc::clone(image);
            let repaint = ctx.clone();
            std::thread::spawn(move || {
                let _ = sender.send(trace_preview(&image, &wanted, PREVIEW_PIXELS));
                repaint.request_repaint();
            });
            self.preview_job = Some((wanted, receiver));
        }
    }

    fn start_full(&mut self, ctx: &egui::Context) {
        let Some(image) = self.image.clone() else {
            return;
        };
        let options = self.options();
        let (sender, receiver) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicU32::new(0));
        let (stop_worker, progress_worker, repaint) =
            (Arc::clone(&stop), Arc::clone(&progress), ctx.clone());
        std::thread::spawn(move || {
            let report = |fraction: f32| {
                progress_worker.store(fraction.to_bits(), Ordering::Relaxed);
                repaint.request_repaint();
                !stop_worker.load(Ordering::Relaxed)
            };
            let _ = sender.send(trace_image(&image, &options, &report));
            repaint.request_repaint();
        });
        self.full = Some(FullTrace {
            receiver,
            stop,
            progress,
        });
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
            if let Ok(result) = full.receiver.try_recv() {
                self.full = None;
                return match result {
                    Ok(shapes) => TraceOutcome::Shapes(shapes),
                    Err(TraceError::Cancelled) => TraceOutcome::Open,
                    Err(error) => TraceOutcome::Failed(trace_error_message(i18n, &error)),
                };
            }
            let fraction = f32::from_bits(full.progress.load(Ordering::Relaxed));
            ui.label(i18n.tr("trace-working"));
            ui.add(egui::ProgressBar::new(fraction).show_percentage());
            if ui.button(i18n.tr("button-cancel")).clicked() {
                full.stop.store(true, Ordering::Relaxed);
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
                    ui.label(i18n.tr("trace-threshold"));
                    ui.add(egui::Slider::new(&mut self.threshold, 1..=254))
                        .on_hover_text(i18n.tr("trace-threshold-tooltip"));
                    ui.checkbox(&mut self.invert, i18n.tr("trace-invert"))
                        .on_hover_text(i18n.tr("trace-invert-tooltip"));
                    ui.label(i18n.tr("trace-speckles"));
                    ui.add(egui::Slider::new(&mut self.speckles, 0..=500).logarithmic(true))
                        .on_hover_text(i18n.tr("trace-speckles-tooltip"));
                    ui.label(i18n.tr("trace-width"));
                    ui.add(egui::Slider::new(&mut self.width_mm, 10.0..=600.0).suffix(" mm"));
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
        let (response, painter) =
            ui.allocate_painter(egui::vec2(380.0, 300.0), egui::Sense::hover());
        let rect = response.rect;
        painter.rect_filled(rect, 4.0, Color32::WHITE);
        match &self.preview {
            None => {
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    i18n.tr("trace-loading"),
                    egui::FontId::proportional(15.0),
                    Color32::GRAY,
                );
            }
            Some(Err(error)) => {
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    trace_error_message(i18n, error),
                    egui::FontId::proportional(13.0),
                    Color32::DARK_RED,
                );
            }
            Some(Ok((lines, bounds))) => {
                let scale = (f64::from(rect.width() - 20.0) / bounds.width().max(1e-6))
                    .min(f64::from(rect.height() - 20.0) / bounds.height().max(1e-6));
                let to_screen = |p: &[f64; 2]| {
                    egui::pos2(
                        rect.center().x + ((p[0] - bounds.center().x) * scale) as f32,
                        rect.center().y - ((p[1] - bounds.center().y) * scale) as f32,
                    )
                };
                for line in lines {
                    let points: Vec<egui::Pos2> = line.points.iter().map(to_screen).collect();
                    painter.add(egui::Shape::closed_line(
                        points,
                        Stroke::new(1.2, Color32::BLACK),
                    ));
                }
            }
        }
    }
}

/// A tracing error in words, with what to do.
pub fn trace_error_message(i18n: &I18n, error: &TraceError) -> String {
    match error {
        TraceError::NothingToTrace { .. } => i18n.tr("error-trace-nothing"),
        TraceError::TooLarge { .. } => i18n.tr("error-trace-too-large"),
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
