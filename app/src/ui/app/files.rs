//! Files in and out: open and save projects, import SVG, export for the
//! machines, files dropped on the window, and choosing a file with the
//! system's dialog or, when there is none, the built-in one.
//!
//! Reading and writing run on a worker thread ([`super::jobs`]): the
//! functions here start the work, and the `finish_*` ones apply its
//! result. Every failure becomes a translated message saying what to do;
//! nothing fails silently.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::FabriqueApp;
use crate::bounded_read;
use crate::i18n::Arg;
use crate::project::{self, ProjectError};
use crate::refusal_words::import_reason;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::file_browser::{FileBrowser, Purpose};
use crate::ui::file_messages::{
    ExportFailure, ImportFailure, display_name, export_error_message, project_error_message,
    read_error_message,
};
use crate::ui::file_names;

/// A system dialog that "returns nothing" faster than this was never shown:
/// rfd gives `None` at once when there is no portal and no zenity, and no
/// person can see and cancel a dialog this fast.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

impl FabriqueApp {
    fn start_dir(&self) -> PathBuf {
        self.editor
            .session
            .project_path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_owned))
            .or_else(crate::ui::folders::home)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// The name suggested for a file written in `dir`: from the work (see
    /// [`file_names`]), numbered when `dir` has it already.
    fn default_name(&self, purpose: &Purpose, dir: &Path) -> String {
        let extension = match purpose {
            Purpose::SaveProject(_) => project::EXTENSION,
            Purpose::Export(format) => format.extension(),
            Purpose::OpenProject | Purpose::Import => return String::new(),
        };
        let tutorial = self
            .tutorials
            .active
            .as_ref()
            .and_then(|active| crate::ui::tutorial::catalogue().get(active.tutorial))
            .map(|t| t.id.as_str())
            .or_else(|| self.quick.made.map(|kind| kind.id()));
        let stem = file_names::work_stem(
            self.editor.session.project_name().as_deref(),
            tutorial,
            &self.editor.document,
            &self.i18n.tr("file-default-stem"),
            std::time::SystemTime::now(),
        );
        file_names::suggested_name(dir, &stem, extension)
    }

    /// Asks for a file for `purpose`: the system's dialog, else the built-in one.
    pub(crate) fn pick(&mut self, purpose: Purpose) {
        let dir = self.start_dir();
        if let Some(kiosk) = &self.kiosk {
            // Kiosk: only the built-in dialog, only in the allowed folders;
            // a file is written only into the export folder.
            let write_dir = kiosk
                .export_folder()
                .map(Path::to_owned)
                .unwrap_or_default();
            let name = self.default_name(&purpose, &write_dir);
            match kiosk.browser_for(purpose, name, &self.i18n) {
                Ok(browser) => self.dialog = Some(Dialog::Browser(browser)),
                Err(text) => self.show_error(text),
            }
            return;
        }
        let name = self.default_name(&purpose, &dir);
        if self.options.native_dialogs {
            let title = self.i18n.tr(purpose.title_key());
            let extensions = purpose.extensions();
            let dialog = rfd::FileDialog::new()
                .set_title(title)
                .set_directory(&dir)
                .add_filter(extensions.join(", "), &extensions);
            let started = Instant::now();
            let chosen = if purpose.is_save() {
                dialog.set_file_name(name.clone()).save_file()
            } else {
                dialog.pick_file()
            };
            match chosen {
                Some(path) => return self.finish_pick(purpose, path),
                None if started.elapsed() >= NO_DIALOG_WITHIN => return,
                // No system dialog exists here: use ours, and keep using it.
                None => self.options.native_dialogs = false,
            }
        }
        self.dialog = Some(Dialog::Browser(FileBrowser::new(purpose, dir, name)));
    }

    /// Acts on a chosen file.
    pub(crate) fn finish_pick(&mut self, purpose: Purpose, path: PathBuf) {
        if let Some(kiosk) = &self.kiosk
            && let Err(text) = kiosk.check_chosen(&purpose, &path, &self.i18n)
        {
            return self.show_error(text);
        }
        match purpose {
            Purpose::OpenProject => self.open_path(&path),
            Purpose::SaveProject(then) => self.save_to(&project::with_extension(&path), then),
            Purpose::Import => self.import_path(&path),
            Purpose::Export(format) => {
                self.export_to(&project::with_own_extension(&path, format.extension()))
            }
        }
    }

    /// Opens a project (on a worker thread), or imports an SVG, from its path.
    pub(crate) fn open_path(&mut self, path: &Path) {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if extension == "svg" || crate::ui::trace_dialog::is_bitmap(path) {
            return self.import_path(path);
        }
        self.start_open(path.to_owned());
    }

    /// Applies a project read on a worker thread (see [`open_path`]);
    /// `revision` is the editor's when the open started.
    pub(crate) fn finish_open(
        &mut self,
        path: &Path,
        revision: u64,
        result: Result<geometry::Document, ProjectError>,
    ) {
        match result {
            // The user changed the drawing while the file was read: ask again
            // rather than throw those changes away.
            Ok(_) if self.editor.revision != revision => {
                self.guard_unsaved(Pending::OpenPath(path.to_owned()));
            }
            Ok(document) => {
                self.editor.replace_document(document);
                self.editor.session.project_path = Some(path.to_owned());
                self.editor.saved_revision = self.editor.revision;
                self.autosave.clear(self.editor.revision);
                self.canvas.fit_requested = true;
                let text = self
                    .i18n
                    .tr_args("info-opened", &[("file", Arg::Text(display_name(path)))]);
                self.show_info(text);
            }
            // The document and the autosave stay as they are.
            Err(error) => self.show_error(project_error_message(&self.i18n, &error)),
        }
    }

    /// Save (asks for a name the first time, or always with `ask`).
    pub(crate) fn save(&mut self, ask: bool) {
        match self.known_save_path() {
            Some(path) if !ask => self.save_to(&path, None),
            _ => self.pick(Purpose::SaveProject(None)),
        }
    }

    /// Saves, then carries on with `pending` (from the unsaved-changes question).
    pub(crate) fn save_then(&mut self, pending: Pending) {
        match self.known_save_path() {
            Some(path) => self.save_to(&path, Some(pending)),
            None => self.pick(Purpose::SaveProject(Some(pending))),
        }
    }

    /// Where Save writes without asking: the project's own file; in kiosk
    /// mode a file of the same name in the export folder, since a project
    /// opened from an import folder (the lab's model) must stay as it is for
    /// the next visitor. `None`: ask for a name.
    fn known_save_path(&self) -> Option<PathBuf> {
        let path = self.editor.session.project_path.clone()?;
        match &self.kiosk {
            None => Some(path),
            Some(kiosk) => Some(kiosk.export_folder()?.join(path.file_name()?)),
        }
    }

    /// Starts writing the project to `path` on a worker thread; `then` runs
    /// once it is safely on disk.
    pub(crate) fn save_to(&mut self, path: &Path, then: Option<Pending>) {
        self.start_save(path.to_owned(), then);
    }

    /// Applies a finished save of the document as it was at `revision`.
    pub(crate) fn finish_save(
        &mut self,
        revision: u64,
        then: Option<Pending>,
        result: Result<PathBuf, ProjectError>,
    ) {
        let path = match result {
            Ok(path) => path,
            Err(error) => return self.show_error(project_error_message(&self.i18n, &error)),
        };
        let path = path.as_path();
        self.editor.session.project_path = Some(path.to_owned());
        // What is on disk is `revision`; later edits are still unsaved.
        self.editor.saved_revision = revision;
        if self.editor.revision == revision {
            self.autosave.clear(revision);
        }
        let text = self
            .i18n
            .tr_args("info-saved", &[("file", Arg::Text(display_name(path)))]);
        self.show_info(text);
        if let Some(pending) = then {
            // Edits made during the save are not in the file: ask again.
            self.guard_unsaved(pending);
        }
    }

    /// Asks for a drawing to import.
    pub(crate) fn choose_import(&mut self) {
        self.pick(Purpose::Import);
    }

    /// Imports an SVG file's shapes at their real size, selected; a picture
    /// opens the trace dialog. A file too large or not a file at all (a FIFO,
    /// a folder) is refused here, before any thread reads it.
    pub(crate) fn import_path(&mut self, path: &Path) {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let is_bitmap = crate::ui::trace_dialog::is_bitmap(path);
        let max = if is_bitmap {
            bounded_read::MAX_PICTURE_BYTES
        } else {
            bounded_read::MAX_DRAWING_BYTES
        };
        if let Err(error) = bounded_read::check_file(path, max) {
            return self.show_error(read_error_message(&self.i18n, path, &error));
        }
        if is_bitmap {
            let ctx = self.ctx.clone();
            self.dialog = Some(Dialog::Trace(Box::new(
                crate::ui::trace_dialog::TraceDialog::new(path.to_owned(), ctx),
            )));
            return;
        }
        if extension != "svg" {
            let text = self.i18n.tr_args(
                "error-import-kind",
                &[("file", Arg::Text(display_name(path)))],
            );
            return self.show_error(text);
        }
        self.start_import(path.to_owned());
    }

    /// Adds the shapes of an SVG read on a worker thread (see
    /// [`import_path`]); with `ask_colors`, a file with a colour choice to
    /// make opens the colour step instead ([`crate::ui::import_colors`]).
    pub(crate) fn finish_import(
        &mut self,
        path: &Path,
        result: Result<super::jobs::ReadSvg, ImportFailure>,
        ask_colors: bool,
    ) {
        match result {
            Ok((bytes, import)) if ask_colors && crate::ui::import_colors::needs_step(&import) => {
                let lab = self.import_lab_colors();
                let step = crate::ui::import_colors::ColorStep::new(
                    path.to_owned(),
                    bytes,
                    import,
                    lab,
                    &self.color_memory,
                );
                self.dialog = Some(Dialog::ImportColors(Box::new(step)));
            }
            Ok((_, import)) if import.shapes.is_empty() => {
                // Colours there, all set to "ignore": say so, not "nothing visible".
                let key = if import.colors.is_empty() {
                    "error-import-empty"
                } else {
                    "import-colors-all-ignored"
                };
                self.show_error(self.i18n.tr(key))
            }
            Ok((_, import)) => {
                let count = import.shapes.len();
                self.handle(crate::model::command::Command::AddShapes(import.shapes));
                self.canvas.fit_requested = true;
                let key = if import.page_size_mm.is_some() {
                    "info-imported"
                } else {
                    "info-imported-no-size"
                };
                let mut text = self
                    .i18n
                    .tr_args(key, &[("count", Arg::Number(count as f64))]);
                // What was left out is said, as on the command line: a
                // picture or a clip path that silently vanished is a
                // surprise at the laser.
                if let Some(left_out) = crate::refusal_words::ignored_line(
                    &self.i18n,
                    crate::refusal_words::Place::Window,
                    &display_name(path),
                    &import.ignored,
                    &import.colors,
                ) {
                    text = format!("{text} {left_out}");
                }
                self.show_info(text);
            }
            Err(ImportFailure::Read(error)) => {
                self.show_error(read_error_message(&self.i18n, path, &error))
            }
            Err(ImportFailure::Svg(geometry::import::ImportError::Limit(error))) => {
                let file = PathBuf::from(display_name(path));
                self.show_error(crate::refusal_words::limit_text(&self.i18n, &file, &error))
            }
            Err(ImportFailure::Svg(error)) => {
                let text = self.i18n.tr_args(
                    "error-import",
                    &[
                        ("file", Arg::Text(display_name(path))),
                        ("reason", Arg::Text(import_reason(&self.i18n, &error))),
                    ],
                );
                self.show_error(text);
            }
        }
    }

    /// Opens the export dialog (formats of the current mode).
    pub(crate) fn choose_export(&mut self) {
        if self.editor.document.shapes.is_empty() {
            return self.show_error(self.i18n.tr("error-export-empty"));
        }
        self.dialog = Some(Dialog::Export);
    }

    /// Exports to `path` on a worker thread (the format follows the extension).
    pub(crate) fn export_to(&mut self, path: &Path) {
        self.start_export(path.to_owned());
    }

    /// Says how an export on a worker thread ended.
    pub(crate) fn finish_export(&mut self, result: Result<PathBuf, ExportFailure>) {
        match result {
            Ok(path) => {
                let text_path = path.display().to_string();
                self.tutorials.note_export(path);
                self.quick.point_at_export = false;
                let text = self
                    .i18n
                    .tr_args("info-exported", &[("file", Arg::Text(text_path))]);
                self.show_info(text);
            }
            Err(ExportFailure::Write(kind)) => {
                let text = self.i18n.tr_args(
                    "error-export-io",
                    &[("reason", Arg::Text(kind.to_string()))],
                );
                self.show_error(text);
            }
            Err(ExportFailure::Export(error)) => {
                self.show_error(export_error_message(&self.i18n, &error))
            }
        }
    }

    /// Files dropped on the window: projects open, SVGs are imported.
    pub(crate) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            if let Some(kiosk) = &self.kiosk
                && let Err(text) = kiosk.check_dropped(&path, &self.i18n)
            {
                self.show_error(text);
                continue;
            }
            let is_project = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(project::EXTENSION));
            if is_project {
                self.guard_unsaved(Pending::OpenPath(path));
            } else {
                self.import_path(&path);
            }
        }
    }
}
