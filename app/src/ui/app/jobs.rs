//! Slow work off the UI thread: opening and saving projects, exports and
//! SVG imports run on a worker thread while the window stays responsive;
//! after a short delay a progress dialog appears with a Cancel button.
//!
//! Files are written by the worker, whole or not at all (a temporary file
//! renamed into place), and only after passing a [`Gate`]: Cancel closes
//! the gate, so a cancelled save or export never replaces the file on
//! disk. A Cancel that comes after the rename has begun is too late: the
//! job then finishes normally and says so. A cancelled open or import
//! drops its result, so the drawing is untouched.
//!
//! Only one job runs at a time; asking for another meanwhile says so
//! instead of silently dropping the first.
//!
//! Current limitations: the progress bar only shows that work goes on,
//! not how much is left.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use exporters::atomic_write::{Access, Existing, write_file};
use geometry::Document;

use super::FabriqueApp;
use crate::i18n::Arg;
use crate::project::{self, ProjectError};
use crate::ui::dialogs::Pending;
use crate::ui::work::{Poll, Work};

/// Work shorter than this shows no dialog: a flash would only distract.
pub const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(200);

/// Whether a job may still put its file in place: the worker and Cancel
/// race for it, and exactly one of them wins.
#[derive(Debug, Default)]
pub struct Gate(AtomicU8);

const RUNNING: u8 = 0;
const CANCELLED: u8 = 1;
const COMMITTED: u8 = 2;

impl Gate {
    /// The worker's last step before renaming: `false` if cancelled.
    pub fn commit(&self) -> bool {
        self.0
            .compare_exchange(RUNNING, COMMITTED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// Cancel: `false` if the worker already committed (too late).
    pub fn cancel(&self) -> bool {
        self.0
            .compare_exchange(RUNNING, CANCELLED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
            || self.0.load(Ordering::Acquire) == CANCELLED
    }
}

/// What a job is for, with what its end needs to know.
#[derive(Debug)]
pub enum JobKind {
    /// Export to a laser or 3D file.
    Export,
    /// Read an SVG's shapes; `ask_colors`: show the colour step when the
    /// file has a colour choice to make (not when it answers that step).
    Import {
        /// Show the colour step if needed.
        ask_colors: bool,
    },
    /// Open a project; `revision` is the editor's when it started, to notice
    /// edits made meanwhile.
    Open {
        /// Editor revision at the start.
        revision: u64,
    },
    /// Save the project as it was at `revision`, then carry on with `then`.
    Save {
        /// The revision written.
        revision: u64,
        /// What to do once saved (from the unsaved-changes question).
        then: Option<Pending>,
    },
}

/// What a worker produces.
#[derive(Debug)]
enum Outcome {
    /// An export file written at this path (or why not).
    Exported(Result<PathBuf, crate::ui::file_messages::ExportFailure>),
    /// The shapes of an SVG file, with the bytes they were read from.
    Imported(Result<ReadSvg, crate::ui::file_messages::ImportFailure>),
    /// A project read.
    Opened(Result<Document, ProjectError>),
    /// A project written at this path.
    Saved(Result<PathBuf, ProjectError>),
    /// The gate was closed before the file was put in place.
    Cancelled,
}

/// An SVG file as read: its bytes (to read again with the colour step's
/// choices) and what the import made of them.
pub type ReadSvg = (Arc<Vec<u8>>, geometry::import::SvgImport);

/// One job running on a worker thread.
#[derive(Debug)]
pub struct Job {
    /// The file written or read.
    pub path: PathBuf,
    /// What for.
    pub kind: JobKind,
    /// When it started.
    pub started: Instant,
    gate: Arc<Gate>,
    work: Work<Outcome>,
}

impl FabriqueApp {
    /// Runs `work` on a worker thread as the app's job, unless one is running.
    fn start_job(
        &mut self,
        path: PathBuf,
        kind: JobKind,
        work: impl FnOnce(&Gate) -> Outcome + Send + 'static,
    ) {
        if self.job.is_some() {
            return self.show_info(self.i18n.tr("info-busy"));
        }
        let gate = Arc::new(Gate::default());
        let worker_gate = Arc::clone(&gate);
        // The gate, not the work's own cancel, decides: a file half renamed
        // into place must finish (see the module docs).
        let work = Work::spawn(self.ctx.as_ref(), move |_| work(&worker_gate));
        self.job = Some(Job {
            path,
            kind,
            started: Instant::now(),
            gate,
            work,
        });
    }

    /// Where a file asked for at `path` may be written, and what happens to a
    /// file already there. Every save and export passes here (the autosave
    /// writes only into its own folder): in kiosk mode only inside the export
    /// folder, and never over an existing file (a numbered name instead);
    /// elsewhere, the file was chosen (and a replacement confirmed) by the user.
    fn write_rule(&self, path: PathBuf) -> Result<(PathBuf, Existing), String> {
        match &self.kiosk {
            Some(kiosk) => kiosk
                .writable_path(&path, &self.i18n)
                .map(|path| (path, Existing::KeepAndNumber)),
            None => Ok((path, Existing::Replace)),
        }
    }

    /// Starts exporting the document to `path` (the format follows the extension).
    pub(crate) fn start_export(&mut self, path: PathBuf) {
        let format = match exporters::Format::from_path(&path) {
            Ok(format) => format,
            Err(error) => {
                return self.show_error(crate::ui::file_messages::export_error_message(
                    &self.i18n, &error,
                ));
            }
        };
        let (path, existing) = match self.write_rule(path) {
            Ok(rule) => rule,
            Err(text) => return self.show_error(text),
        };
        let document = self.editor.document.clone();
        // The lab's colour code and hairline come from the chosen laser; the
        // page is its bed, every part in its place (print-driver lasers put
        // the page's corner at the bed's), unless asked to crop.
        let options = match self.machines.of_document(&self.editor) {
            exporters::machines::Machine::Laser(profile) => exporters::ExportOptions {
                page_mm: (!self.export_crop).then_some(profile.bed_mm),
                profile,
                ..exporters::ExportOptions::default()
            },
            exporters::machines::Machine::Printer(_) => exporters::ExportOptions::default(),
        };
        let file = path.clone();
        // A 3D export writes the solid the preview and the check share, a
        // laser export the reading of the drawing the check shares.
        let (derived, revision) = (Arc::clone(&self.derived), self.editor.revision);
        self.start_job(path, JobKind::Export, move |gate| {
            let mut bytes = Vec::new();
            let exported = if format.is_3d() {
                match derived
                    .solid(&document, revision, options.tolerance_mm)
                    .as_ref()
                {
                    Ok(meshes) => exporters::write_solid(meshes, format, &mut bytes),
                    Err(error) => Err(error.clone().into()),
                }
            } else {
                let laser = derived.laser(&document, revision, options.tolerance_mm);
                exporters::export_prepared(&document, &laser, &options, format, &mut bytes)
            };
            if let Err(error) = exported {
                return Outcome::Exported(Err(crate::ui::file_messages::ExportFailure::Export(
                    error,
                )));
            }
            match write_through(gate, &file, &bytes, existing) {
                Ok(Some(written)) => Outcome::Exported(Ok(written)),
                Ok(None) => Outcome::Cancelled,
                Err(error) => Outcome::Exported(Err(
                    crate::ui::file_messages::ExportFailure::Write(error.kind()),
                )),
            }
        });
    }

    /// Starts reading an SVG file with the lab's colour code; the colour
    /// step follows when the file has a choice to make.
    pub(crate) fn start_import(&mut self, path: PathBuf) {
        let file = path.clone();
        let rules = geometry::import::ColorRules {
            lab: self.import_lab_colors(),
            ..Default::default()
        };
        self.start_job(path, JobKind::Import { ask_colors: true }, move |_| {
            let result =
                crate::bounded_read::read_file(&file, crate::bounded_read::MAX_DRAWING_BYTES)
                    .map_err(crate::ui::file_messages::ImportFailure::Read)
                    .and_then(|bytes| import_with(Arc::new(bytes), &rules));
            Outcome::Imported(result)
        });
    }

    /// Starts importing, with the colour step's choices, the bytes it showed.
    pub(crate) fn start_import_chosen(&mut self, choice: crate::ui::import_colors::ColorChoice) {
        let crate::ui::import_colors::ColorChoice {
            path, bytes, rules, ..
        } = choice;
        self.start_job(path, JobKind::Import { ask_colors: false }, move |_| {
            Outcome::Imported(import_with(bytes, &rules))
        });
    }

    /// The colour code files made elsewhere are read with: the document's
    /// laser, else the laser last chosen, else the first one (in 3D mode
    /// too: the colours of a laser file are a laser's).
    pub(crate) fn import_lab_colors(&self) -> geometry::import::LabColors {
        use crate::model::session::Mode;
        let is_laser = |id: &&str| self.machines.of_mode(Mode::Laser).any(|m| m.id() == *id);
        let id = [
            self.editor.document.machine_id.as_deref(),
            self.chosen_machines.get(Mode::Laser),
        ]
        .into_iter()
        .flatten()
        .find(is_laser);
        match self.machines.machine_for(id, Mode::Laser) {
            exporters::machines::Machine::Laser(profile) => profile.lab_colors(),
            exporters::machines::Machine::Printer(_) => {
                exporters::LaserProfile::generic().lab_colors()
            }
        }
    }

    /// Starts reading a project.
    pub(crate) fn start_open(&mut self, path: PathBuf) {
        let file = path.clone();
        let revision = self.editor.revision;
        self.start_job(path, JobKind::Open { revision }, move |_| {
            Outcome::Opened(project::load(&file))
        });
    }

    /// Starts writing the project as it is now to `path`, then `then`.
    pub(crate) fn start_save(&mut self, path: PathBuf, then: Option<Pending>) {
        let (path, existing) = match self.write_rule(path) {
            Ok(rule) => rule,
            Err(text) => return self.show_error(text),
        };
        let document = self.editor.document.clone();
        let revision = self.editor.revision;
        let file = path.clone();
        self.start_job(path, JobKind::Save { revision, then }, move |gate| {
            let bytes = project::to_json(&document);
            match write_through(gate, &file, &bytes, existing) {
                Ok(Some(written)) => Outcome::Saved(Ok(written)),
                Ok(None) => Outcome::Cancelled,
                Err(source) => Outcome::Saved(Err(ProjectError::Io { path: file, source })),
            }
        });
    }

    /// Blocks until the running job is done (tests and scripts).
    pub(crate) fn wait_for_job(&mut self) {
        if let Some(job) = self.job.take() {
            match job.work.wait(None) {
                Poll::Done(outcome) => self.finish_job(job, outcome),
                Poll::Running | Poll::Lost => self.worker_stopped(),
            }
        }
    }

    /// Checks the running job; acts on its result when done.
    pub(crate) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = self.job.as_ref() else {
            return;
        };
        match job.work.poll() {
            Poll::Done(outcome) => {
                if let Some(job) = self.job.take() {
                    self.finish_job(job, outcome);
                }
            }
            Poll::Running => ctx.request_repaint_after(Duration::from_millis(50)),
            Poll::Lost => {
                self.job = None;
                self.worker_stopped();
            }
        }
    }

    pub(crate) fn worker_stopped(&mut self) {
        self.show_error(self.i18n.tr_args(
            "error-export-internal",
            &[("reason", Arg::Text("worker stopped".into()))],
        ));
    }

    /// Cancels the running job: no file replaced, nothing added. Too late
    /// (the file is being renamed into place): the job finishes normally.
    pub(crate) fn cancel_job(&mut self) {
        let Some(job) = self.job.as_ref() else {
            return;
        };
        if !job.gate.cancel() {
            return;
        }
        let key = match job.kind {
            JobKind::Export => "info-export-cancelled",
            JobKind::Import { .. } => "info-import-cancelled",
            JobKind::Open { .. } => "info-open-cancelled",
            JobKind::Save { .. } => "info-save-cancelled",
        };
        self.job = None;
        self.show_info(self.i18n.tr(key));
    }

    fn finish_job(&mut self, job: Job, outcome: Outcome) {
        match (job.kind, outcome) {
            (_, Outcome::Cancelled) => {}
            (JobKind::Import { ask_colors }, Outcome::Imported(result)) => {
                self.finish_import(&job.path, result, ask_colors)
            }
            (_, Outcome::Exported(result)) => self.finish_export(result),
            (JobKind::Open { revision }, Outcome::Opened(result)) => {
                self.finish_open(&job.path, revision, result)
            }
            (JobKind::Save { revision, then }, Outcome::Saved(result)) => {
                self.finish_save(revision, then, result)
            }
            // Every job sends the outcome of its own kind.
            (kind, outcome) => debug_assert!(false, "{kind:?} ended with {outcome:?}"),
        }
    }
}

/// The import of `bytes` after `rules` (on the worker).
fn import_with(
    bytes: Arc<Vec<u8>>,
    rules: &geometry::import::ColorRules,
) -> Result<ReadSvg, crate::ui::file_messages::ImportFailure> {
    geometry::import::import_svg_with(&bytes, rules)
        .map(|import| (Arc::clone(&bytes), import))
        .map_err(crate::ui::file_messages::ImportFailure::Svg)
}

/// Writes `bytes` whole to `path` unless the gate was closed first;
/// `Ok(None)` when it was. The path written may be a numbered one (see
/// [`write_rule`]).
fn write_through(
    gate: &Gate,
    path: &std::path::Path,
    bytes: &[u8],
    existing: Existing,
) -> std::io::Result<Option<PathBuf>> {
    write_file(path, bytes, existing, Access::Shared, || gate.commit())
}

/// The progress dialog, once the job has taken longer than [`SHOW_PROGRESS_AFTER`].
/// `true` when Cancel was pressed.
pub fn progress_ui(ctx: &egui::Context, job: Option<&Job>, i18n: &crate::i18n::I18n) -> bool {
    let Some(job) = job else {
        return false;
    };
    if job.started.elapsed() < SHOW_PROGRESS_AFTER {
        return false;
    }
    let mut cancelled = false;
    egui::Modal::new(egui::Id::unique("fabrique_progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(i18n.tr("progress-working"));
        });
        ui.add(egui::ProgressBar::new(0.0).animate(true));
        if ui.button(i18n.tr("button-cancel")).clicked() {
            cancelled = true;
        }
    });
    cancelled
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_lets_exactly_one_of_commit_and_cancel_win() {
        let gate = Gate::default();
        assert!(gate.cancel());
        assert!(!gate.commit());
        assert!(gate.cancel(), "cancelling twice is still cancelled");
        let gate = Gate::default();
        assert!(gate.commit());
        assert!(!gate.cancel());
    }

    #[test]
    fn a_closed_gate_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keychain.fabrique");
        std::fs::write(&path, b"previous").unwrap();
        let gate = Gate::default();
        assert!(gate.cancel());
        let written = write_through(&gate, &path, b"new", Existing::Replace).unwrap();
        assert_eq!(written, None);
        assert_eq!(std::fs::read(&path).unwrap(), b"previous");
        // No temporary file is left behind either.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
