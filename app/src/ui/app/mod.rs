//! The application: holds the editor model, the translations and the
//! per-window UI state, lays out the panels each frame and applies the
//! commands they emit at the end of the frame.
//!
//! This module is the one place the app changes: panels and dialogs get
//! `&` views of what they show (and `&mut` of their own widget state only)
//! and return [`Command`]s or [`AppCommand`]s, which [`FabriqueApp::handle`]
//! carries out ([`handle`] holds its one match). The handlers are split by
//! topic in the submodules: [`files`] (open, save, import, export),
//! [`jobs`] (work on a worker thread), [`pending`] (the dialogs' answers),
//! [`tutorials`], [`kiosk`], [`quick`], [`machine_choice`] (the machine
//! after a mode switch) and [`fresh_start`]; [`views`] are the read-only
//! views tests and scripts use.

mod command;
mod files;
mod fresh_start;
mod handle;
pub mod jobs;
mod kiosk;
mod machine_choice;
mod pending;
mod quick;
mod tutorials;
mod views;

pub use command::AppCommand;

use crate::model::machines::MachineView;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::canvas::{self, CanvasState};
use super::dialogs::{self, Dialog, Pending};
use super::file_messages;
use super::kiosk::{Kiosk, KioskOptions};
use super::panels::{properties, status, toolbar, topbar};
use super::preview::Preview3d;
use crate::i18n::{Arg, I18n, Language};
use crate::model::autosave::{self, Autosave};
use crate::model::command::{self as model_command, Command};
use crate::model::derived::Derived;
use crate::model::editor::Editor;
use crate::model::machines::{Machine, MachineList};
use crate::model::session::Mode;

/// How the app was started: tests use a temporary data folder and the
/// built-in file dialog; the real app uses the user's folder and the system's.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// Where autosaves go (none: no autosave).
    pub data_dir: Option<PathBuf>,
    /// Try the system's file dialog before the built-in one.
    pub native_dialogs: bool,
    /// The interface language.
    pub language: Language,
    /// A file to open at start.
    pub file: Option<PathBuf>,
    /// Offer the tutorials at start (not when a file is opened or work restored).
    pub start_screen: bool,
    /// Kiosk mode (`--kiosk`): see [`super::kiosk`]. Its autosave goes to
    /// `data_dir/kiosk-session`, emptied at start and at each reset.
    pub kiosk: Option<KioskOptions>,
}

impl AppOptions {
    /// Options of the real app: the system's language and folders.
    pub fn from_environment(file: Option<PathBuf>) -> Self {
        Self {
            data_dir: autosave::default_data_dir(),
            native_dialogs: std::env::var_os("FABRIQUE_BUILTIN_DIALOG").is_none(),
            language: Language::from_environment(),
            file,
            start_screen: true,
            kiosk: None,
        }
    }

    /// Options of the UI tests: a given data folder and language, the
    /// built-in file dialog, no start screen.
    pub fn testing(data_dir: &std::path::Path, language: Language) -> Self {
        Self {
            data_dir: Some(data_dir.to_owned()),
            native_dialogs: false,
            language,
            file: None,
            start_screen: false,
            kiosk: None,
        }
    }

    /// Options of the kiosk (`fabrique --kiosk`): the configuration from
    /// `config_path` or its default place, the built-in file dialog only.
    pub fn kiosk_from_environment(file: Option<PathBuf>, config_path: Option<PathBuf>) -> Self {
        let data_dir = autosave::default_data_dir();
        let config_path = config_path.unwrap_or_else(|| {
            super::kiosk::config::location_from_environment(data_dir.as_deref())
        });
        Self {
            data_dir,
            native_dialogs: false,
            language: Language::from_environment(),
            file,
            // Each visitor is offered the tutorials (again after Next person).
            start_screen: true,
            kiosk: Some(KioskOptions { config_path }),
        }
    }
}

/// Width range of the properties panel, points: room for "Largeur (mm)"
/// and its field, never so wide the canvas suffers on a 1024 px screen.
const PROPERTIES_WIDTH: std::ops::RangeInclusive<f32> = 220.0..=340.0;

/// Width range of the lab check's panel, points.
const CHECK_WIDTH: std::ops::RangeInclusive<f32> = 240.0..=380.0;

/// A message in the status line or a dialog, already translated.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Errors are red and stay until the next action.
    pub is_error: bool,
}

/// The whole editor window.
pub struct FabriqueApp {
    /// Document, history and session.
    pub(crate) editor: Editor,
    /// Translations.
    pub(crate) i18n: I18n,
    /// Canvas view and tool state.
    pub(crate) canvas: CanvasState,
    /// Typed values of the properties panel.
    pub(crate) properties: properties::PropertiesState,
    /// 3D preview state.
    pub(crate) preview: Preview3d,
    /// The open dialog, if any.
    pub(crate) dialog: Option<Dialog>,
    /// The last message for the user.
    pub(crate) notice: Option<Notice>,
    /// Autosave bookkeeping.
    pub(crate) autosave: Autosave,
    /// How the app was started.
    pub(crate) options: AppOptions,
    /// The export running on a worker thread, if any.
    pub(crate) job: Option<jobs::Job>,
    /// The egui context, to wake the UI from worker threads.
    pub(crate) ctx: Option<egui::Context>,
    /// The user confirmed closing (unsaved changes answered).
    pub(crate) close_confirmed: bool,
    /// The tutorials' start screen and the tutorial being followed.
    pub(crate) tutorials: super::tutorial::Tutorials,
    /// The lab check panel and its last report.
    pub(crate) check: super::check_panel::CheckPanel,
    /// Kiosk mode's state (none: the ordinary editor).
    pub(crate) kiosk: Option<Kiosk>,
    /// The lab's machines (shipped profiles and the lab's own).
    pub(crate) machines: MachineList,
    /// The machine last chosen for each mode (kept across New and restarts).
    pub(crate) chosen_machines: crate::model::chosen_machines::ChosenMachines,
    /// Interface size, reading font and contrast (a kiosk's last until
    /// "Next person").
    pub(crate) appearance: crate::model::appearance::AppearanceSettings,
    /// The solid and the laser reading of the current revision, shared by
    /// the preview, the check and the export.
    pub(crate) derived: Arc<Derived>,
    /// The quick projects: the one made, a coaster waiting for its picture.
    pub(crate) quick: super::quick::QuickState,
    /// Fonts and theme are set up (kept by [`fresh_start`]).
    pub(crate) style_applied: bool,
    /// Laser exports crop the page to the drawing (else the page is the
    /// machine's bed, every part in its place): the export dialog's box.
    pub(crate) export_crop: bool,
    /// The import colour step's choices, proposed again for the session.
    pub(crate) color_memory: crate::model::color_memory::ColorMemory,
}

impl FabriqueApp {
    /// A new editor window; offers to restore an autosave, opens `options.file`.
    pub fn new(options: AppOptions) -> Self {
        let kiosk = options
            .kiosk
            .as_ref()
            .map(|k| Kiosk::start(k, options.data_dir.as_deref()));
        Self::start(options, kiosk)
    }

    /// A new editor window with the kiosk state given (a reset keeps the
    /// kiosk's configuration and PIN lock; see [`super::fresh_start`]).
    pub(crate) fn start(mut options: AppOptions, kiosk: Option<Kiosk>) -> Self {
        let mut editor = Editor::default();
        let mut language = options.language;
        let mut autosave_dir = options.data_dir.clone();
        if let Some(kiosk) = &kiosk {
            // Kiosks have no system dialog: it would browse anywhere.
            options.native_dialogs = false;
            autosave_dir = super::kiosk::fresh_session_dir(options.data_dir.as_deref());
            if let Ok(config) = &kiosk.config {
                language = config.start_language().unwrap_or(language);
                super::kiosk::start_machine(&mut editor, config);
            }
        }
        let autosave = Autosave::new(autosave_dir, editor.revision);
        // The lab's own machines live in its data folder (a kiosk's too).
        let (machines, machine_errors) = MachineList::load(options.data_dir.as_deref());
        // A kiosk's visitors start with the animator's machine, not the last one's.
        let chosen_machines = if kiosk.is_some() {
            Default::default()
        } else {
            crate::model::chosen_machines::ChosenMachines::load(options.data_dir.as_deref())
        };
        if let Some(id) = chosen_machines.get(editor.session.mode) {
            editor.document.machine_id = Some(id.to_owned());
        }
        let appearance = crate::model::appearance::AppearanceSettings::load(
            kiosk
                .is_none()
                .then_some(options.data_dir.as_deref())
                .flatten(),
        );
        let derived = Arc::new(Derived::default());
        let mut app = Self {
            appearance,
            editor,
            i18n: I18n::new(language),
            canvas: CanvasState::default(),
            properties: Default::default(),
            preview: Preview3d::sharing(Arc::clone(&derived)),
            dialog: None,
            notice: None,
            autosave,
            options,
            close_confirmed: false,
            tutorials: Default::default(),
            quick: Default::default(),
            check: super::check_panel::CheckPanel::sharing(Arc::clone(&derived)),
            kiosk,
            machines,
            chosen_machines,
            job: None,
            ctx: None,
            style_applied: false,
            export_crop: false,
            color_memory: Default::default(),
            derived,
        };
        match app.autosave.recover() {
            Some(Ok(recovered)) => app.dialog = Some(Dialog::Restore(Box::new(recovered))),
            Some(Err(error)) => {
                app.show_error(file_messages::project_error_message(&app.i18n, &error))
            }
            None => {}
        }
        // A lab's broken machine file is said, not hidden, and never fatal.
        for error in machine_errors {
            let text = app.i18n.tr_args(
                "error-machine-file",
                &[("reason", Arg::Text(error.to_string()))],
            );
            app.notice = Some(Notice {
                text,
                is_error: true,
            });
        }
        if let Some(file) = app.options.file.clone() {
            app.open_path(&file);
        }
        app.tutorials.start_screen_open =
            app.options.start_screen && app.options.file.is_none() && app.dialog.is_none();
        app
    }

    /// Shows an error in words (a dialog, so it cannot be missed).
    pub fn show_error(&mut self, text: String) {
        self.notice = Some(Notice {
            text: text.clone(),
            is_error: true,
        });
        if self.dialog.is_none() {
            self.dialog = Some(Dialog::Message(text));
        }
    }

    /// Shows a short confirmation in the status line.
    pub fn show_info(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: false,
        });
    }

    /// `true` while a modal dialog is up (a file dialog, a question, the
    /// trace dialog, a kiosk dialog, the start screen): only it takes keys.
    pub fn modal_open(&self) -> bool {
        self.dialog.is_some()
            || self.kiosk.as_ref().is_some_and(Kiosk::is_busy)
            || self.tutorials.start_screen_open
            || self.appearance.panel_open
    }

    /// The machine the document uses in the current mode, with its name
    /// in the user's language.
    pub fn machine(&self) -> Machine {
        let mut machine = self.machines.machine_for(
            self.editor.document.machine_id.as_deref(),
            self.editor.session.mode,
        );
        let name = machine.display_name(&self.i18n);
        machine = machine.with_name(name);
        machine
    }

    /// Runs `pending` now, or first asks about unsaved changes.
    pub fn guard_unsaved(&mut self, pending: Pending) {
        if self.editor.is_dirty() && !self.editor.document.shapes.is_empty() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.run_pending(pending);
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        if self.style_applied {
            return;
        }
        self.style_applied = true;
        // A light "paper" theme: engraved (black) shapes must show, and
        // beginners expect a drawing sheet, not a code editor.
        ctx.set_theme(egui::Theme::Light);
        // The zoom keys are ours (`appearance`), so the size is remembered.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.all_styles_mut(|style| {
            // Larger text and targets for beginners on 1366×768 screens.
            for (text_style, font) in style.text_styles.iter_mut() {
                font.size = match text_style {
                    egui::TextStyle::Heading => 20.0,
                    egui::TextStyle::Small => 11.0,
                    _ => 15.0,
                };
            }
            style.spacing.interact_size.y = 26.0;
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.item_spacing = egui::vec2(6.0, 6.0);
        });
    }

    /// One frame: panels, canvas, dialogs, then commands and autosave.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        self.apply_style(&ctx);
        super::appearance::apply(&ctx, self.appearance.current);
        super::tutorial::targets::begin_frame(&ctx);
        self.poll_job(&ctx);
        let mut commands: Vec<Command> = Vec::new();
        commands.extend(super::appearance::pressed_zoom_keys(
            &ctx,
            self.appearance.current,
        ));
        // Requests beyond the document's (dialogs, tutorials, kiosk).
        let mut requests: Vec<AppCommand> = Vec::new();
        // A modal dialog owns the keyboard: no shortcut, tool key or Tab
        // reaches the window behind it (disabled widgets take no focus).
        let modal = self.modal_open();
        if !modal {
            commands.extend(
                model_command::pressed_shortcuts(&ctx)
                    .into_iter()
                    .map(Command::Action),
            );
        }
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);

        if self.kiosk.is_some() {
            egui::Panel::top("kiosk_bar").show(ui, |ui| {
                let pressed = ui
                    .add_enabled_ui(!modal, |ui| super::kiosk::strip::strip_ui(ui, self))
                    .inner;
                requests.extend(pressed.map(AppCommand::KioskStrip));
            });
        }
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_enabled_ui(!modal, |ui| topbar::top_bar_ui(ui, self, &mut commands));
        });
        egui::Panel::bottom("status_line").show(ui, |ui| status::status_ui(ui, self));
        // Every tool in sight without scrolling: two columns when one
        // does not fit the window's height.
        let tool_layout = toolbar::ToolbarLayout::for_height(ui.available_height());
        egui::Panel::left("tool_bar")
            .resizable(false)
            .exact_size(tool_layout.width())
            .show(ui, |ui| {
                if modal {
                    ui.disable();
                }
                toolbar::toolbar_ui(ui, self, tool_layout, &mut commands);
            });
        // Side panels keep a width range (also when egui's memory brings
        // back a width from an earlier run) and wrap every message, so one
        // long error never squeezes the canvas.
        egui::Panel::right("properties")
            .resizable(true)
            .default_size(280.0)
            .size_range(PROPERTIES_WIDTH)
            .show(ui, |ui| {
                if modal {
                    ui.disable();
                }
                // A 768 px screen cannot show every operation of a
                // selection (align, distribute): a solid scroll bar always
                // in sight tells a beginner there is more below (egui's
                // floating bar is invisible until hovered).
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                egui::ScrollArea::vertical()
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                    .show(ui, |ui| {
                        properties::properties_ui(
                            ui,
                            &self.editor,
                            &self.i18n,
                            &mut self.properties,
                            &mut commands,
                        );
                    });
            });
        if self.check.open {
            egui::Panel::right("check_panel")
                .resizable(true)
                .default_size(300.0)
                .size_range(CHECK_WIDTH)
                .show(ui, |ui| {
                    if modal {
                        ui.disable();
                    }
                    super::check_panel::check_panel_ui(
                        ui,
                        &mut self.check,
                        &self.editor,
                        &self.machines,
                        &self.i18n,
                        &mut commands,
                    );
                });
        }
        if self.editor.session.mode == Mode::Print3d {
            // The 3D preview shares what is left with the canvas, never
            // more than half of it.
            let room = ui.available_width();
            let width = (room * 0.45).max(200.0);
            egui::Panel::right("preview3d")
                .resizable(true)
                .default_size(width)
                .size_range(200.0_f32.min(room * 0.5)..=room * 0.5)
                .show(ui, |ui| {
                    let printer = self
                        .machines
                        .machine_for(self.editor.document.machine_id.as_deref(), Mode::Print3d);
                    self.preview
                        .preview_ui(ui, &self.editor, &printer, &self.i18n)
                });
        }
        let machine = self.machine();
        // Under the canvas only: the tools and the properties keep their
        // whole height (a first-timer should never have to scroll to them).
        if super::tutorial::coach::is_shown(self) {
            let ask = egui::Panel::bottom("coach")
                .show(ui, |ui| super::tutorial::coach::coach_ui(ui, self))
                .inner;
            requests.extend(ask.map(AppCommand::Coach));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let text = self.i18n.tr("text-default");
            let enabled = !modal;
            self.canvas.elsewhere_moving =
                self.editor.session.mode == Mode::Print3d && self.preview.is_moving();
            ui.add_enabled_ui(enabled, |ui| {
                commands.extend(canvas::canvas_ui(
                    ui,
                    &self.editor,
                    &machine,
                    &mut self.canvas,
                    &text,
                ));
            });
        });
        if self.dialog.is_none() && self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let mode = self.editor.session.mode;
        requests.extend(dialogs::dialogs_ui(
            &ctx,
            &mut self.dialog,
            &self.i18n,
            mode,
            self.export_crop,
        ));
        if let Some(kiosk) = self.kiosk.as_mut() {
            let answer = super::kiosk::panels::panels_ui(&ctx, kiosk, &self.i18n);
            requests.extend(answer.map(AppCommand::Kiosk));
        }
        if jobs::progress_ui(&ctx, self.job.as_ref(), &self.i18n) {
            requests.push(AppCommand::CancelJob);
        }
        let choice = super::tutorial::start_screen::start_screen_ui(&ctx, self);
        requests.extend(choice.map(AppCommand::Start));
        commands.extend(super::appearance::panel::appearance_ui(
            &ctx,
            &self.appearance,
            &self.i18n,
        ));
        super::tutorial::coach::paint_target(&ctx, self);
        super::quick::paint_export_hint(&ctx, &self.quick);

        for command in commands {
            self.handle(command);
        }
        for request in requests {
            self.handle(request);
        }
        self.forget_stale_coaster();
        self.advance_tutorial();
        self.tick_autosave(&ctx);
    }

    fn tick_autosave(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        self.autosave_at(now);
        if let Some(due) = self.autosave.next_due(now) {
            ctx.request_repaint_after(due);
        }
    }

    /// Autosaves if it is due at `now`; a failure is said, never fatal.
    fn autosave_at(&mut self, now: Instant) {
        let error = self.autosave.tick(
            &self.editor.document,
            self.editor.revision,
            self.editor.is_dirty(),
            self.editor.session.project_path.as_deref(),
            now,
        );
        if let Some(error) = error {
            let text = self.i18n.tr_args(
                "error-autosave",
                &[("reason", crate::i18n::Arg::Text(error.to_string()))],
            );
            self.show_info(text);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.kiosk.is_some() && !self.close_confirmed {
            return self.kiosk_close_requested(ctx);
        }
        if self.close_confirmed || !self.editor.is_dirty() || self.editor.document.shapes.is_empty()
        {
            if !self.editor.is_dirty() {
                self.autosave.clear(self.editor.revision);
            }
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        self.dialog = Some(Dialog::Unsaved(Pending::Close));
    }
}

/// The parts the frame-time benchmark (`examples/editor_bench.rs`) moves
/// between frames as a hand would (the view, the 3D camera) and loads its
/// drawing into. The one way around [`FabriqueApp::handle`]; nothing else
/// uses it.
#[doc(hidden)]
pub struct BenchParts<'a> {
    /// The document and its session.
    pub editor: &'a mut Editor,
    /// The canvas view.
    pub canvas: &'a mut CanvasState,
    /// The 3D preview.
    pub preview: &'a mut Preview3d,
    /// Set to close without the unsaved-changes question.
    pub close_confirmed: &'a mut bool,
}

impl FabriqueApp {
    /// See [`BenchParts`]: for the frame-time benchmark only.
    #[doc(hidden)]
    pub fn bench_parts(&mut self) -> BenchParts<'_> {
        BenchParts {
            editor: &mut self.editor,
            canvas: &mut self.canvas,
            preview: &mut self.preview,
            close_confirmed: &mut self.close_confirmed,
        }
    }
}

impl eframe::App for FabriqueApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    /// A kiosk keeps nothing between runs, not even egui's widget memory
    /// (which holds typed text).
    fn persist_egui_memory(&self) -> bool {
        self.kiosk.is_none()
    }
}
