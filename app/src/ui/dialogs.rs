//! The app's dialogs: messages, "unsaved changes?", restore after a crash,
//! the built-in file dialog, the export choices, the import's colour step,
//! the tracer and the box maker. One at a time, modal. A dialog keeps only its own state; its
//! answer is an [`AppCommand`] the app carries out.

use std::path::PathBuf;

use super::app::AppCommand;
use super::file_browser::{FileBrowser, Outcome, Purpose};
use crate::i18n::I18n;
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
    /// Start this quick project on an empty document.
    Quick(super::quick::QuickKind),
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
    /// A quick project's form.
    Quick(Box<super::quick::dialog::QuickDialog>),
    /// What each colour of an SVG being imported becomes.
    ImportColors(Box<super::import_colors::ColorStep>),
}

/// Shows the open dialog, if any (its own state: `open`, emptied when it
/// closes); the answer is a command for the app. `mode` chooses the
/// export formats offered, `export_crop` is the laser export's "crop to
/// the drawing" as the app holds it.
pub fn dialogs_ui(
    ctx: &egui::Context,
    open: &mut Option<Dialog>,
    i18n: &I18n,
    mode: Mode,
    export_crop: bool,
) -> Option<AppCommand> {
    let dialog = open.take()?;
    let modal = egui::Modal::new(egui::Id::unique("fabrique_dialog"));
    let mut keep: Option<Dialog> = None;
    let mut then: Option<AppCommand> = None;
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
                        then = Some(AppCommand::SaveThen(pending.clone()));
                    } else if ui.button(i18n.tr("unsaved-discard")).clicked() {
                        then = Some(AppCommand::DiscardThen(pending.clone()));
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
                Some(true) => then = Some(AppCommand::Restore(recovered)),
                Some(false) => then = Some(AppCommand::SetAsideAutosave),
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
                    then = Some(AppCommand::FileChosen(browser.purpose.clone(), path));
                }
                Outcome::Sample(file) => then = Some(AppCommand::OpenSample(file.to_owned())),
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
                    then = Some(AppCommand::AddTraced(shapes));
                }
                super::trace_dialog::TraceOutcome::Failed(text) => {
                    then = Some(AppCommand::ShowError(text));
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
                    then = Some(AppCommand::AddBox(panels, params));
                }
            }
        }
        Dialog::Quick(mut form) => {
            use super::quick::dialog::QuickOutcome;
            let mut outcome = QuickOutcome::Open;
            modal.show(ctx, |ui| {
                outcome = form.dialog_ui(ui, i18n);
            });
            match outcome {
                QuickOutcome::Open => keep = Some(Dialog::Quick(form)),
                QuickOutcome::Closed => {}
                QuickOutcome::Name(kind, params) => {
                    then = Some(AppCommand::QuickName(kind, params))
                }
                QuickOutcome::Picture(params, choice) => {
                    then = Some(AppCommand::QuickPicture(params, choice));
                }
            }
        }
        Dialog::ImportColors(mut step) => {
            let mut outcome = super::import_colors::ColorStepOutcome::Open;
            modal.show(ctx, |ui| {
                outcome = step.dialog_ui(ui, i18n);
            });
            match outcome {
                super::import_colors::ColorStepOutcome::Open => {
                    keep = Some(Dialog::ImportColors(step))
                }
                super::import_colors::ColorStepOutcome::Cancelled => {}
                super::import_colors::ColorStepOutcome::Import(choice) => {
                    then = Some(AppCommand::ImportColors(choice));
                }
            }
        }
        Dialog::Export => {
            let formats: &[exporters::Format] = match mode {
                Mode::Laser => &[exporters::Format::LaserSvg, exporters::Format::Dxf],
                Mode::Print3d => &[exporters::Format::Stl, exporters::Format::ThreeMf],
            };
            let mut chosen = None;
            let mut cancelled = false;
            let mut crop = export_crop;
            modal.show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(i18n.tr("export-title"));
                // The page first: a format button exports at once.
                if mode == Mode::Laser {
                    ui.checkbox(&mut crop, i18n.tr("export-crop"));
                    ui.add(egui::Label::new(i18n.tr("export-crop-text")).wrap());
                    ui.add_space(6.0);
                }
                ui.label(i18n.tr("export-text"));
                ui.add_space(6.0);
                // Each choice says in words what it is for: beginners do not hover.
                egui::Grid::new("export_formats")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for format in formats {
                            let key = super::file_messages::format_key(*format);
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
                (Some(format), _) => then = Some(AppCommand::ChooseFile(Purpose::Export(format))),
                (None, true) => {}
                (None, false) => {
                    keep = Some(Dialog::Export);
                    if crop != export_crop {
                        then = Some(AppCommand::SetExportCrop(crop));
                    }
                }
            }
        }
    }
    *open = keep;
    then
}
