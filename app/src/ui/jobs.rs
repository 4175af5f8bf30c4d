//! Slow work off the UI thread: exports and SVG imports run on a worker
//! thread while the window stays responsive; after a short delay a progress
//! dialog appears with a Cancel button. Cancelling drops the result, so no
//! file is written (an export is only written, whole, once it is done) and
//! nothing is added to the drawing.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::app::FabriqueApp;
use super::i18n::Arg;

/// Work shorter than this shows no dialog: a flash would only distract.
pub const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(200);

/// What a job produces.
#[derive(Debug)]
enum Outcome {
    /// The bytes of an export file.
    Exported(Result<Vec<u8>, exporters::ExportError>),
    /// The shapes of an SVG file.
    Imported(Result<geometry::import::SvgImport, String>),
}

/// One export or import running on a worker thread.
#[derive(Debug)]
pub struct Job {
    /// The file written (export) or read (import).
    pub path: PathBuf,
    /// When it started.
    pub started: Instant,
    receiver: Receiver<Outcome>,
}

/// Starts exporting the document to `path` on a worker thread.
pub fn start_export(app: &mut FabriqueApp, path: PathBuf, ctx: Option<&egui::Context>) {
    let format = match exporters::Format::from_path(&path) {
        Ok(format) => format,
        Err(error) => return app.show_error(super::files::export_error_message(&app.i18n, &error)),
    };
    let document = app.editor.document.clone();
    // The lab's colour code and hairline come from the chosen laser.
    let options = match super::check_panel::machine_of(&app.editor) {
        exporters::machines::Machine::Laser(profile) => exporters::ExportOptions {
            profile,
            ..exporters::ExportOptions::default()
        },
        exporters::machines::Machine::Printer(_) => exporters::ExportOptions::default(),
    };
    let (sender, receiver) = channel();
    let repaint = ctx.cloned();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let result = exporters::export(&document, &options, format, &mut bytes)
        .map(|()| bytes);
        let _ = sender.send(Outcome::Exported(result));
        if let Some(ctx) = repaint {
            ctx.request_repaint();
        }
    });
    app.job = Some(Job {
        path,
        started: Instant::now(),
        receiver,
    });
}

/// Starts reading an SVG file on a worker thread.
pub fn start_import(app: &mut FabriqueApp, path: PathBuf, ctx: Option<&egui::Context>) {
    let (sender, receiver) = channel();
    let repaint = ctx.cloned();
    let file = path.clone();
    std::thread::spawn(move || {
        let result = std::fs::read(&file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| geometry::import::import_svg(&bytes).map_err(|e| e.to_string()));
        let _ = sender.send(Outcome::Imported(result));
        if let Some(ctx) = repaint {
            ctx.request_repaint();
        }
    });
    app.job = Some(Job {
        path,
        started: Instant::now(),
        receiver,
    });
}

/// Blocks until the running job is done (tests and scripts).
pub fn wait(app: &mut FabriqueApp) {
    if let Some(job) = app.job.take()
        && let Ok(outcome) = job.receiver.recv()
    {
        finish(app, job.path, outcome);
    }
}

/// Checks the running job; writes its file when done.
pub fn poll(app: &mut FabriqueApp, ctx: &egui::Context) {
    let Some(job) = app.job.as_ref() else {
        return;
    };
    match job.receiver.try_recv() {
        Ok(outcome) => {
            if let Some(job) = app.job.take() {
                finish(app, job.path, outcome);
            }
        }
        Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(50)),
        Err(TryRecvError::Disconnected) => {
            app.job = None;
            app.show_error(app.i18n.tr_args(
                "error-export-internal",
                &[("reason", Arg::Text("worker stopped".into()))],
            ));
        }
    }
}

/// Cancels the running job: its result will be dropped, no file written.
pub fn cancel(app: &mut FabriqueApp) {
    app.job = None;
    app.show_info(app.i18n.tr("info-export-cancelled"));
}

fn finish(app: &mut FabriqueApp, path: PathBuf, outcome: Outcome) {
    let result = match outcome {
        Outcome::Imported(result) => return super::files::finish_import(app, &path, result),
        Outcome::Exported(result) => result,
    };
    match result {
        Ok(bytes) => match crate::project::write_atomically(&path, &bytes) {
            Ok(()) => {
                app.tutorials.note_export(path.clone());
                let text = app.i18n.tr_args(
                    "info-exported",
                    &[("file", Arg::Text(path.display().to_string()))],
                );
                app.show_info(text);
            }
            Err(error) => {
                let text = app.i18n.tr_args(
                    "error-export-io",
                    &[("reason", Arg::Text(error.kind().to_string()))],
                );
                app.show_error(text);
            }
        },
        Err(error) => app.show_error(super::files::export_error_message(&app.i18n, &error)),
    }
}

/// The progress dialog, once the job has taken longer than [`SHOW_PROGRESS_AFTER`].
pub fn progress_ui(ctx: &egui::Context, app: &mut FabriqueApp) {
    let Some(job) = app.job.as_ref() else {
        return;
    };
    if job.started.elapsed() < SHOW_PROGRESS_AFTER {
        return;
    }
    let mut cancelled = false;
    egui::Modal::new(egui::Id::unique("fabrique_progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(app.i18n.tr("progress-working"));
        });
        ui.add(egui::ProgressBar::new(0.0).animate(true));
        if ui.button(app.i18n.tr("button-cancel")).clicked() {
            cancelled = true;
        }
    });
    if cancelled {
        cancel(app);
    }
}
