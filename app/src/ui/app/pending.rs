//! What the dialogs' answers do: the unsaved-changes question's "then"
//! ([`Pending`]), a restored autosave, a traced picture or a box added.

use std::path::PathBuf;

use super::FabriqueApp;
use crate::i18n::Arg;
use crate::model::autosave::Recovered;
use crate::model::command::Command;
use crate::ui::box_dialog;
use crate::ui::dialogs::Pending;
use crate::ui::file_browser::Purpose;
use geometry::finger_box::{BoxParams, Panel};

impl FabriqueApp {
    /// Carries out `pending` (changes already saved or discarded).
    pub(crate) fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                // A new drawing keeps the machine: it is the lab's, not the drawing's.
                let mut fresh = geometry::Document::new();
                fresh.machine_id = self.editor.document.machine_id.clone();
                self.editor.replace_document(fresh);
                self.editor.session.project_path = None;
                self.editor.saved_revision = self.editor.revision;
                self.autosave.clear(self.editor.revision);
                self.canvas.fit_requested = true;
                self.quick = Default::default();
            }
            Pending::Open => self.pick(Purpose::OpenProject),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Tutorial(index) => self.start_tutorial(index),
            Pending::Quick(kind) => self.start_quick(kind),
            Pending::Close => {
                self.close_confirmed = true;
                self.autosave.clear(self.editor.revision);
                // The context is not at hand here; the next frame closes.
                self.dialog = None;
            }
        }
    }

    /// Saves, then carries on with `pending` ("Save" in the unsaved-changes
    /// question); "Don't save": the work is knowingly dropped, then `pending`.
    pub(crate) fn discard_then(&mut self, pending: Pending) {
        self.autosave.clear(self.editor.revision);
        self.run_pending(pending);
    }

    /// Puts the autosaved work back (answer "yes" to the restore question).
    pub(crate) fn restore(&mut self, recovered: Recovered) {
        let Recovered {
            document,
            project_path,
        } = recovered;
        self.editor.replace_document(document);
        self.editor.session.project_path = project_path;
        // Restored work is not saved in a project yet.
        self.editor.saved_revision = self.editor.revision.wrapping_sub(1);
        self.canvas.fit_requested = true;
    }

    /// Adds the traced picture's shapes and shows them all.
    /// (A coaster waiting for its picture is made from them instead.)
    pub(crate) fn add_traced(&mut self, shapes: Vec<geometry::Shape>) {
        if self.make_coaster(&shapes) {
            return;
        }
        self.handle(Command::AddShapes(shapes));
        self.canvas.fit_requested = true;
    }

    /// Opens the file dialog for `purpose` after a dialog's answer.
    pub(crate) fn choose_file(&mut self, purpose: Purpose) {
        self.pick(purpose);
    }

    /// A file chosen in the built-in dialog.
    pub(crate) fn file_chosen(&mut self, purpose: Purpose, path: PathBuf) {
        self.finish_pick(purpose, path);
    }

    /// Adds the box's panels to the document as one group, selected, in one
    /// undo step, and says so.
    pub(crate) fn add_box(&mut self, panels: &[Panel], params: &BoxParams) {
        let bounds = panels
            .iter()
            .map(|p| kurbo::Shape::bounding_box(&p.cut_path()))
            .reduce(|a, b| a.union(b))
            .unwrap_or_default();
        let (origin, refit) = box_dialog::placement(self, bounds.size());
        let group = geometry::ops::fresh_group_id(&self.editor.document);
        let lower_left = origin - bounds.origin().to_vec2();
        let shapes = box_dialog::box_shapes(panels, params, lower_left, group);
        let count = shapes.len();
        self.handle(Command::AddShapes(shapes));
        if refit {
            self.canvas.fit_requested = true;
        }
        let text = self
            .i18n
            .tr_args("box-created", &[("count", Arg::Number(count as f64))]);
        self.show_info(text);
    }
}
