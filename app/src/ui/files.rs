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

use super::app::FabriqueApp;
use super::dialogs::{Dialog, Pending};
use super::file_browser::{FileBrowser, Purpose};
use super::file_names;
use super::i18n::{Arg, I18n};
use crate::bounded_read;
use crate::project::{self, ProjectError};

/// A system dialog that "returns nothing" faster than this was never shown:
/// rfd gives `None` at once when there is no portal and no zenity, and no
/// person can see and cancel a dialog this fast.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

fn start_dir(app: &FabriqueApp) -> PathBuf {
    app.editor
        .session
        .project_path
        .as_ref()
        .and_then(|p| p.parent().map(Path::to_owned))
        .or_else(super::folders::home)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The name suggested for a file written in `dir`: from the work (see
/// [`file_names`]), numbered when `dir` has it already.
fn default_name(app: &FabriqueApp, purpose: &Purpose, dir: &Path) -> String {
    let extension = match purpose {
        Purpose::SaveProject(_) => project::EXTENSION,
        Purpose::Export(format) => format.extension(),
        Purpose::OpenProject | Purpose::Import => return String::new(),
    };
    let tutorial = app
        .tutorials
        .active
        .as_ref()
        .and_then(|active| super::tutorial::catalogue().get(active.tutorial))
        .map(|t| t.id.as_str());
    let stem = file_names::work_stem(
        app.editor.session.project_name().as_deref(),
        tutorial,
        &app.editor.document,
        &app.i18n.tr("file-default-stem"),
        std::time::SystemTime::now(),
    );
    file_names::suggested_name(dir, &stem, extension)
}

/// Asks for a file for `purpose`: the system's dialog, else the built-in one.
pub fn pick(app: &mut FabriqueApp, purpose: Purpose) {
    let dir = start_dir(app);
    if let Some(kiosk) = &app.kiosk {
        // Kiosk: only the built-in dialog, only in the allowed folders;
        // a file is written only into the export folder.
        let write_dir = kiosk
            .export_folder()
            .map(Path::to_owned)
            .unwrap_or_default();
        let name = default_name(app, &purpose, &write_dir);
        match kiosk.browser_for(purpose, name, &app.i18n) {
            Ok(browser) => app.dialog = Some(Dialog::Browser(browser)),
            Err(text) => app.show_error(text),
        }
        return;
    }
    let name = default_name(app, &purpose, &dir);
    if app.options.native_dialogs {
        let title = app.i18n.tr(purpose.title_key());
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
            Some(path) => return finish(app, purpose, path),
            None if started.elapsed() >= NO_DIALOG_WITHIN => return,
            // No system dialog exists here: use ours, and keep using it.
            None => app.options.native_dialogs = false,
        }
    }
    app.dialog = Some(Dialog::Browser(FileBrowser::new(purpose, dir, name)));
}

/// Acts on a chosen file.
pub fn finish(app: &mut FabriqueApp, purpose: Purpose, path: PathBuf) {
    if let Some(kiosk) = &app.kiosk
        && let Err(text) = kiosk.check_chosen(&purpose, &path, &app.i18n)
    {
        return app.show_error(text);
    }
    match purpose {
        Purpose::OpenProject => open_path(app, &path),
        Purpose::SaveProject(then) => save_to(app, &project::with_extension(&path), then),
        Purpose::Import => import_path(app, &path),
        Purpose::Export(format) => {
            export_to(app, &project::with_own_extension(&path, format.extension()))
        }
    }
}

/// Opens a project (on a worker thread), or imports an SVG, from its path.
pub fn open_path(app: &mut FabriqueApp, path: &Path) {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension == "svg" || super::trace_dialog::is_bitmap(path) {
        return import_path(app, path);
    }
    super::jobs::start_open(app, path.to_owned());
}

/// Applies a project read on a worker thread (see [`open_path`]);
/// `revision` is the editor's when the open started.
pub fn finish_open(
    app: &mut FabriqueApp,
    path: &Path,
    revision: u64,
    result: Result<geometry::Document, ProjectError>,
) {
    match result {
        // The user changed the drawing while the file was read: ask again
        // rather than throw those changes away.
        Ok(_) if app.editor.revision != revision => {
            app.guard_unsaved(Pending::OpenPath(path.to_owned()));
        }
        Ok(document) => {
            app.editor.replace_document(document);
            app.editor.session.project_path = Some(path.to_owned());
            app.editor.saved_revision = app.editor.revision;
            app.autosave.clear(app.editor.revision);
            app.canvas.fit_requested = true;
            let text = app
                .i18n
                .tr_args("info-opened", &[("file", Arg::Text(display_name(path)))]);
            app.show_info(text);
        }
        // The document and the autosave stay as they are.
        Err(error) => app.show_error(project_error_message(&app.i18n, &error)),
    }
}

/// Save (asks for a name the first time, or always with `ask`).
pub fn save(app: &mut FabriqueApp, ask: bool) {
    match known_save_path(app) {
        Some(path) if !ask => save_to(app, &path, None),
        _ => pick(app, Purpose::SaveProject(None)),
    }
}

/// Saves, then carries on with `pending` (from the unsaved-changes question).
pub fn save_then(app: &mut FabriqueApp, pending: Pending) {
    match known_save_path(app) {
        Some(path) => save_to(app, &path, Some(pending)),
        None => pick(app, Purpose::SaveProject(Some(pending))),
    }
}

/// Where Save writes without asking: the project's own file; in kiosk
/// mode a file of the same name in the export folder, since a project
/// opened from an import folder (the lab's model) must stay as it is for
/// the next visitor. `None`: ask for a name.
fn known_save_path(app: &FabriqueApp) -> Option<PathBuf> {
    let path = app.editor.session.project_path.clone()?;
    match &app.kiosk {
        None => Some(path),
        Some(kiosk) => Some(kiosk.export_folder()?.join(path.file_name()?)),
    }
}

/// Starts writing the project to `path` on a worker thread; `then` runs
/// once it is safely on disk.
pub fn save_to(app: &mut FabriqueApp, path: &Path, then: Option<Pending>) {
    super::jobs::start_save(app, path.to_owned(), then);
}

/// Applies a finished save of the document as it was at `revision`.
pub fn finish_save(
    app: &mut FabriqueApp,
    revision: u64,
    then: Option<Pending>,
    result: Result<PathBuf, ProjectError>,
) {
    let path = match result {
        Ok(path) => path,
        Err(error) => return app.show_error(project_error_message(&app.i18n, &error)),
    };
    let path = path.as_path();
    app.editor.session.project_path = Some(path.to_owned());
    // What is on disk is `revision`; later edits are still unsaved.
    app.editor.saved_revision = revision;
    if app.editor.revision == revision {
        app.autosave.clear(revision);
    }
    let text = app
        .i18n
        .tr_args("info-saved", &[("file", Arg::Text(display_name(path)))]);
    app.show_info(text);
    if let Some(pending) = then {
        // Edits made during the save are not in the file: ask again.
        app.guard_unsaved(pending);
    }
}

/// Asks for a drawing to import.
pub fn choose_import(app: &mut FabriqueApp) {
    pick(app, Purpose::Import);
}

/// Imports an SVG file's shapes at their real size, selected; a picture
/// opens the trace dialog. A file too large or not a file at all (a FIFO,
/// a folder) is refused here, before any thread reads it.
pub fn import_path(app: &mut FabriqueApp, path: &Path) {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_bitmap = super::trace_dialog::is_bitmap(path);
    let max = if is_bitmap {
        bounded_read::MAX_PICTURE_BYTES
    } else {
        bounded_read::MAX_DRAWING_BYTES
    };
    if let Err(error) = bounded_read::check_file(path, max) {
        return app.show_error(read_error_message(&app.i18n, path, &error));
    }
    if is_bitmap {
        let ctx = app.ctx.clone();
        app.dialog = Some(Dialog::Trace(Box::new(
            super::trace_dialog::TraceDialog::new(path.to_owned(), ctx),
        )));
        return;
    }
    if extension != "svg" {
        let text = app.i18n.tr_args(
            "error-import-kind",
            &[("file", Arg::Text(display_name(path)))],
        );
        return app.show_error(text);
    }
    super::jobs::start_import(app, path.to_owned());
}

/// Adds the shapes of an SVG read on a worker thread (see [`import_path`]).
pub fn finish_import(
    app: &mut FabriqueApp,
    path: &Path,
    result: Result<geometry::import::SvgImport, ImportFailure>,
) {
    match result {
        Ok(import) if import.shapes.is_empty() => app.show_error(app.i18n.tr("error-import-empty")),
        Ok(import) => {
            let count = import.shapes.len();
            app.handle(super::command::Command::AddShapes(import.shapes));
            app.canvas.fit_requested = true;
            let key = if import.page_size_mm.is_some() {
                "info-imported"
            } else {
                "info-imported-no-size"
            };
            let text = app
                .i18n
                .tr_args(key, &[("count", Arg::Number(count as f64))]);
            app.show_info(text);
        }
        Err(ImportFailure::Read(error)) => {
            app.show_error(read_error_message(&app.i18n, path, &error))
        }
        Err(ImportFailure::Svg(error)) => {
            let text = app.i18n.tr_args(
                "error-import",
                &[
                    ("file", Arg::Text(display_name(path))),
                    ("reason", Arg::Text(error.to_string())),
                ],
            );
            app.show_error(text);
        }
    }
}

/// Why an import produced no shapes.
#[derive(Debug)]
pub enum ImportFailure {
    /// The file was not read.
    Read(bounded_read::ReadError),
    /// The file is not an SVG we can read.
    Svg(geometry::import::ImportError),
}

/// A refused or failed read in words, with what to do.
pub fn read_error_message(i18n: &I18n, path: &Path, error: &bounded_read::ReadError) -> String {
    use bounded_read::ReadError;
    let file = ("file", Arg::Text(display_name(path)));
    match error {
        ReadError::NotAFile { .. } => i18n.tr_args("error-file-not-a-file", &[file]),
        ReadError::TooLarge { bytes, max } => i18n.tr_args(
            "error-file-too-large",
            &[
                file,
                ("size", Arg::Number(megabytes(*bytes))),
                ("max", Arg::Number(megabytes(*max))),
            ],
        ),
        ReadError::Io(source) => i18n.tr_args(
            "error-project-io",
            &[file, ("reason", Arg::Text(source.to_string()))],
        ),
    }
}

/// Whole megabytes, for messages.
fn megabytes(bytes: u64) -> f64 {
    (bytes as f64 / 1e6).round()
}

/// Opens the export dialog (formats of the current mode).
pub fn choose_export(app: &mut FabriqueApp) {
    if app.editor.document.shapes.is_empty() {
        return app.show_error(app.i18n.tr("error-export-empty"));
    }
    app.dialog = Some(Dialog::Export);
}

/// Exports to `path` on a worker thread (the format follows the extension).
pub fn export_to(app: &mut FabriqueApp, path: &Path) {
    super::jobs::start_export(app, path.to_owned());
}

/// Why an export file is not there.
#[derive(Debug)]
pub enum ExportFailure {
    /// The design could not be turned into the format.
    Export(exporters::ExportError),
    /// The file could not be written.
    Write(std::io::ErrorKind),
}

/// Says how an export on a worker thread ended.
pub fn finish_export(app: &mut FabriqueApp, result: Result<PathBuf, ExportFailure>) {
    match result {
        Ok(path) => {
            let text_path = path.display().to_string();
            app.tutorials.note_export(path);
            let text = app
                .i18n
                .tr_args("info-exported", &[("file", Arg::Text(text_path))]);
            app.show_info(text);
        }
        Err(ExportFailure::Write(kind)) => {
            let text = app.i18n.tr_args(
                "error-export-io",
                &[("reason", Arg::Text(kind.to_string()))],
            );
            app.show_error(text);
        }
        Err(ExportFailure::Export(error)) => {
            app.show_error(export_error_message(&app.i18n, &error))
        }
    }
}

/// Files dropped on the window: projects open, SVGs are imported.
pub fn handle_dropped_files(app: &mut FabriqueApp, ctx: &egui::Context) {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_owned())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    for path in dropped {
        if let Some(kiosk) = &app.kiosk
            && let Err(text) = kiosk.check_dropped(&path, &app.i18n)
        {
            app.show_error(text);
            continue;
        }
        let is_project = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(project::EXTENSION));
        if is_project {
            app.guard_unsaved(Pending::OpenPath(path));
        } else {
            import_path(app, &path);
        }
    }
}

/// Translation key of an export format's name (`KEY-tooltip` explains it).
pub fn format_key(format: exporters::Format) -> &'static str {
    match format {
        exporters::Format::LaserSvg => "format-svg",
        exporters::Format::Dxf => "format-dxf",
        exporters::Format::Stl => "format-stl",
        exporters::Format::ThreeMf => "format-3mf",
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A project error in words, with what to do.
pub fn project_error_message(i18n: &I18n, error: &ProjectError) -> String {
    match error {
        ProjectError::Io { path, source } => i18n.tr_args(
            "error-project-io",
            &[
                ("file", Arg::Text(display_name(path))),
                ("reason", Arg::Text(source.to_string())),
            ],
        ),
        ProjectError::Corrupt { path, .. } => i18n.tr_args(
            "error-project-corrupt",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::Newer { path, .. } => i18n.tr_args(
            "error-project-newer",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::Limit { path, source } => super::limit_text::message(i18n, path, source),
        ProjectError::TooLarge { path, .. } => i18n.tr_args(
            "error-project-too-large",
            &[("file", Arg::Text(display_name(path)))],
        ),
        ProjectError::NotAFile { path } => i18n.tr_args(
            "error-file-not-a-file",
            &[("file", Arg::Text(display_name(path)))],
        ),
    }
}

/// An export error in words, with what to do.
pub fn export_error_message(i18n: &I18n, error: &exporters::ExportError) -> String {
    use exporters::ExportError as E;
    use geometry::extrude::ExtrudeError;
    match error {
        E::NothingToExport { format } if format.is_3d() => i18n.tr("error-export-nothing-3d"),
        E::NothingToExport { .. } => i18n.tr("error-export-nothing-laser"),
        E::Extrude(ExtrudeError::NothingToExtrude) => i18n.tr("error-export-nothing-3d"),
        E::Extrude(ExtrudeError::InvalidHeight { .. }) => i18n.tr("error-export-height"),
        E::Extrude(ExtrudeError::NotClosed { x, y }) => i18n.tr_args(
            "error-export-not-closed",
            &[
                ("x", Arg::Text(format!("{x:.0}"))),
                ("y", Arg::Text(format!("{y:.0}"))),
            ],
        ),
        E::Io { kind, .. } => i18n.tr_args(
            "error-export-io",
            &[("reason", Arg::Text(kind.to_string()))],
        ),
        E::UnknownExtension { .. } => i18n.tr("error-export-extension"),
        other => i18n.tr_args(
            "error-export-internal",
            &[("reason", Arg::Text(other.to_string()))],
        ),
    }
}
