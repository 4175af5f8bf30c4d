//! [`FabriqueApp::handle`], the one place the app changes: every
//! [`AppCommand`] and every document [`Command`] the panels and dialogs
//! return at the end of a frame is carried out here, most by a handler of
//! its topic (`files`, `jobs`, `pending`, `tutorials`, `kiosk`, `quick`,
//! `machine_choice`). Kept apart from the window's layout (`mod.rs`) so
//! that what can change is read in one screen.

use std::time::Instant;

use super::{AppCommand, FabriqueApp, Notice};
use crate::model::command::{Action, Command};
use crate::model::machines::MachineView;
use crate::ui::box_dialog::BoxDialog;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::kiosk::strip::StripButton;
use crate::ui::tutorial::start_screen::StartChoice;

impl FabriqueApp {
    /// Carries out one command: the only way the app changes.
    pub fn handle(&mut self, command: impl Into<AppCommand>) {
        match command.into() {
            AppCommand::Edit(command) => self.handle_edit(command),
            AppCommand::OpenPath(path) => self.open_path(&path),
            AppCommand::SaveTo(path) => self.save_to(&path, None),
            AppCommand::WaitForJob => self.wait_for_job(),
            AppCommand::WaitForCheck => self.check.wait(),
            AppCommand::WaitForTrace => {
                if let (Some(Dialog::Trace(trace)), Some(ctx)) = (&mut self.dialog, &self.ctx) {
                    trace.wait_until_idle(ctx);
                }
            }
            AppCommand::AutosaveNow => {
                self.autosave_at(Instant::now() + crate::model::autosave::MAX_DELAY)
            }
            AppCommand::CloseStartScreen => self.tutorials.start_screen_open = false,
            AppCommand::CancelJob => self.cancel_job(),
            AppCommand::SaveThen(pending) => self.save_then(pending),
            AppCommand::DiscardThen(pending) => self.discard_then(pending),
            AppCommand::Restore(recovered) => self.restore(*recovered),
            AppCommand::SetAsideAutosave => self.autosave.set_aside(),
            AppCommand::ChooseFile(purpose) => self.choose_file(purpose),
            AppCommand::FileChosen(purpose, path) => self.file_chosen(purpose, path),
            AppCommand::AddTraced(shapes) => self.add_traced(shapes),
            AppCommand::AddBox(panels, params) => self.add_box(&panels, &params),
            AppCommand::ImportColors(choice) => {
                self.color_memory.learn(&choice.changes);
                self.start_import_chosen(*choice)
            }
            AppCommand::SetExportCrop(crop) => self.export_crop = crop,
            AppCommand::ShowError(text) => self.show_error(text),
            AppCommand::Start(StartChoice::Tutorial(index)) => {
                self.tutorials.start_screen_open = false;
                self.guard_unsaved(Pending::Tutorial(index));
            }
            AppCommand::Start(StartChoice::Close) => self.tutorials.start_screen_open = false,
            AppCommand::Start(StartChoice::Quick(kind)) => self.choose_quick(kind),
            AppCommand::OpenSample(name) => self.open_sample(&name),
            AppCommand::QuickName(kind, params) => self.make_name_project(kind, &params),
            AppCommand::QuickPicture(params, choice) => self.coaster_picture(params, choice),
            AppCommand::Coach(ask) => self.coach_answer(ask),
            AppCommand::KioskStrip(StripButton::NextPerson) => self.ask_next_person(),
            AppCommand::KioskStrip(StripButton::Animator) => self.open_animator(),
            AppCommand::Kiosk(answer) => self.kiosk_answer(answer),
        }
    }

    /// A document, selection, tool, mode or menu command.
    fn handle_edit(&mut self, command: Command) {
        match command {
            Command::Action(Action::New) => self.guard_unsaved(Pending::New),
            Command::Action(Action::Open) => self.guard_unsaved(Pending::Open),
            Command::Action(Action::Save) => self.save(false),
            Command::Action(Action::SaveAs) => self.save(true),
            Command::Action(Action::Import) => self.choose_import(),
            Command::Action(Action::Export) => self.choose_export(),
            Command::Action(Action::FitView) => self.canvas.fit_requested = true,
            Command::Action(Action::FingerBox) => {
                if self.dialog.is_none() {
                    let machine = self.editor.document.machine_id.as_deref();
                    self.dialog = Some(Dialog::FingerBox(Box::new(BoxDialog::new(
                        &self.machines,
                        machine,
                        self.i18n.decimal_separator(),
                    ))));
                }
            }
            Command::Action(Action::Check) => {
                self.check.toggle(self.ctx.as_ref());
                // The canvas changes width: keep the whole drawing in sight.
                self.canvas.fit_requested = true;
            }
            Command::SetLanguage(language) => self.i18n.set_language(language),
            Command::OpenTutorials => self.tutorials.start_screen_open = true,
            Command::Appearance(change) => self.appearance.handle(change),
            Command::ReopenCoach => {
                if let Some(active) = &mut self.tutorials.active {
                    active.coach_open = true;
                }
            }
            Command::SetMode(mode) => {
                // The canvas changes size and the bed changes machine: show it all.
                self.canvas.fit_requested = true;
                let _ = self.editor.apply(Command::SetMode(mode));
                self.use_chosen_machine(mode);
                self.keep_on_bed();
            }
            Command::SetMachine(id) => {
                if let Some(machine) = self.machines.all().find(|m| m.id() == id) {
                    self.chosen_machines.set(machine.mode(), &id);
                }
                let _ = self.editor.apply(Command::SetMachine(id));
            }
            other => {
                let changes_selection_or_doc = !matches!(
                    other,
                    Command::SetTool(_) | Command::SetMode(_) | Command::Select(_)
                );
                match self.editor.apply(other) {
                    Ok(()) => {
                        if changes_selection_or_doc
                            && self.notice.as_ref().is_some_and(|n| n.is_error)
                        {
                            self.notice = None;
                        }
                    }
                    Err(error) => {
                        self.notice = Some(Notice {
                            text: self.i18n.tr(error.key()),
                            is_error: true,
                        })
                    }
                }
            }
        }
    }
}
