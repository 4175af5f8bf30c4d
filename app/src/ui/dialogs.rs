//! The app's dialogs: messages, "unsaved changes?", restore after a crash,
//! the built-in file dialog, the export choices, the tracer and the box
//! maker. One at a time, modal.

use std::path::PathBuf;

use super::app::FabriqueApp;
use super::file_browser::{FileBrowser, Outcome, Purpose};
use super::files;
use crate::model::autosave::Recovered;
use crate::model::session::Mode;

/// Something to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start an empty project.
    New,
    /// Choose a project to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Close,
    /// Start this tutorial (index in the catalogue) on an empty document.
    Tutorial(usize),
}

/// The open dialog.
#[derive(Debug)]
pub enum Dialog {
    /// A message (usually an error saying what to do).
    Message(String),
    /// "Save the changes first?"
    Unsaved(Pending),
    /// "Restore the work from last time?"
    Restore(Box<Recovered>),
    /// The built-in file dialog.
    Browser(FileBrowser),
    /// Export: choose the format.
    Export,
    /// Trace a picture into shapes.
    Trace(Box<super::trace_dialog::TraceDialog>),
    /// Make a finger-joint box.
    FingerBox(Box<super::box_dialog::BoxDialog>),
}

/// What to do once a dialog has closed (it needs the whole app).
type AfterDialog = Box<dyn FnOnce(&mut FabriqueApp)>;

/// Carries out `pending` (changes already saved or discarded).
pub fn run_pending(app: &mut FabriqueApp, pending: Pending) {
    match pending {
        Pending::New => {
            // A new drawing keeps the machine: it is the lab's, not the drawing's.
            let mut fresh = geometry::Document::new();
            fresh.machine_id = app.editor.document.machine_id.clone();
            app.editor.replace_document(fresh);
            app.editor.session.project_path = None;
            app.editor.saved_revision = app.editor.revision;
            app.autosave.clear(app.editor.revision);
            app.canvas.fit_requested = true;
        }
        Pending::Open => files::pick(app, Purpose::OpenProject),
        Pending::OpenPath(path) => files::open_path(app, &path),
        Pending::Tutorial(index) => super::tutorial::start(app, index),
        Pending::Close => {
            app.close_confirmed = true;
            app.autosave.clear(app.editor.revision);
            // The context is not at hand here; the next frame closes.
            app.dialog = None;
        }
    }
}

/// Shows the open dialog, if any, and acts on the answer.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut FabriqueApp) {
    let Some(dialog) = app.dialog.take() else {
        if app.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        return;
    };
    let i18n = &app.i18n;
    let modal = egui::Modal::new(egui::Id::unique("fabrique_dialog"));
    let mut keep: Option<Dialog> = None;
    let mut then: Option<AfterDialog> = None;
    match dialog {
        Dialog::Message(text) => {
            modal.show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.label(egui::RichText::new(&text).size(16.0));
                ui.add_space(8.0);
                if !ui.button(i18n.tr("button-ok")).clicked() {
                    keep = Some(Dialog::Message(text.clone()));
                }
            });
        }
        Dialog::Unsaved(pending) => {
            modal.show(ctx, |ui| {
                ui.heading(i18n.tr("unsaved-title"));
                ui.label(i18n.tr("unsaved-text"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("unsaved-save")).clicked() {
                        let pending = pending.clone();
                        then = Some(Box::new(move |app| files::save_then(app, pending)));
                    } else if ui.button(i18n.tr("unsaved-discard")).clicked() {
                        let pending = pending.clone();
                        then = Some(Box::new(move |app| {
                            app.autosave.clear(app.editor.revision);
                            run_pending(app, pending);
                        }));
                    } else if !ui.button(i18n.tr("button-cancel")).clicked() {
                        keep = Some(Dialog::Unsaved(pending.clone()));
                    }
                });
            });
        }
        Dialog::Restore(recovered) => {
            let mut answer = None;
            modal.show(ctx, |ui| {
                ui.heading(i18n.tr("restore-title"));
                ui.label(i18n.tr("restore-text"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("restore-yes")).clicked() {
                        answer = Some(true);
                    } else if ui.button(i18n.tr("restore-no")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => {
                    then = Some(Box::new(move |app| {
                        let Recovered {
                            document,
                            project_path,
                        } = *recovered;
                        app.editor.replace_document(document);
                        app.editor.session.project_path = project_path;
                        // Restored work is not saved in a project yet.
                        app.editor.saved_revision = app.editor.revision.wrapping_sub(1);
                        app.canvas.fit_requested = true;
                    }));
                }
                Some(false) => then = Some(Box::new(|app| app.autosave.set_aside())),
                None => keep = Some(Dialog::Restore(recovered)),
            }
        }
        Dialog::Browser(mut browser) => {
            let mut outcome = Outcome::Open;
            modal.show(ctx, |ui| {
                ui.set_min_width(480.0);
                ui.heading(i18n.tr(browser.purpose.title_key()));
                outcome = browser.browser_ui(ui, i18n);
            });
            match outcome {
                Outcome::Open => keep = Some(Dialog::Browser(browser)),
                Outcome::Cancelled => {}
                Outcome::Chosen(path) => {
                    let purpose = browser.purpose.clone();
                    then = Some(Box::new(move |app| files::finish(app, purpose, path)));
                }
            }
        }
        Dialog::Trace(mut trace) => {
            let mut outcome = super::trace_dialog::TraceOutcome::Open;
            modal.show(ctx, |ui| {
                outcome = trace.dialog_ui(ui, i18n);
            });
            match outcome {
                super::trace_dialog::TraceOutcome::Open => keep = Some(Dialog::Trace(trace)),
                super::trace_dialog::TraceOutcome::Closed => {}
                super::trace_dialog::TraceOutcome::Shapes(shapes) => {
                    then = Some(Box::new(move |app| {
                        app.handle(crate::model::command::Command::AddShapes(shapes));
                        app.canvas.fit_requested = true;
                    }));
                }
                super::trace_dialog::TraceOutcome::Failed(text) => {
                    then = Some(Box::new(move |app| app.show_error(text)));
                }
            }
        }
        Dialog::FingerBox(mut state) => {
            let mut outcome = super::box_dialog::BoxOutcome::Open;
            modal.show(ctx, |ui| {
                outcome = state.dialog_ui(ui, i18n);
            });
            match outcome {
                super::box_dialog::BoxOutcome::Open => keep = Some(Dialog::FingerBox(state)),
                super::box_dialog::BoxOutcome::Closed => {}
                super::box_dialog::BoxOutcome::Create(panels, params) => {
                    then = Some(Box::new(move |app| {
                        super::box_dialog::add_box(app, &panels, &params)
                    }));
                }
            }
        }
        Dialog::Export => {
            let formats: &[exporters::Format] = match app.editor.session.mode {
                Mode::Laser => &[exporters::Format::LaserSvg, exporters::Format::Dxf],
                Mode::Print3d => &[exporters::Format::Stl, exporters::Format::ThreeMf],
            };
            let mut chosen = None;
            let mut cancelled = false;
            modal.show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(i18n.tr("export-title"));
                ui.label(i18n.tr("export-text"));
                ui.add_space(6.0);
                // Each choice says in words what it is for: beginners do not hover.
                egui::Grid::new("export_formats")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for format in formats {
                            let key = files::format_key(*format);
                            if ui.button(i18n.tr(key)).clicked() {
                                chosen = Some(*format);
                            }
                            ui.label(i18n.tr(&format!("{key}-tooltip")));
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
                if ui.button(i18n.tr("button-cancel")).clicked() {
                    cancelled = true;
                }
            });
            match (chosen, cancelled) {
                (Some(format), _) => {
                    then = Some(Box::new(move |app| {
                        files::pick(app, Purpose::Export(format))
                    }))
                }
                (None, true) => {}
                (None, false) => keep = Some(Dialog::Export),
            }
        }
    }
    app.dialog = keep;
    if let Some(action) = then {
        action(app);
    }
}
