//! The tutorials' moves: starting one on an empty document, moving on
//! when a step is done (watched after every frame), and the coach card's
//! buttons.

use super::FabriqueApp;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::trace_dialog::TraceDialog;
use crate::ui::tutorial::coach::Ask;
use crate::ui::tutorial::condition::Observed;
use crate::ui::tutorial::{self, Active, catalogue, samples};

impl FabriqueApp {
    /// Starts tutorial `index` on an empty document (unsaved changes were
    /// dealt with by the caller).
    pub(crate) fn start_tutorial(&mut self, index: usize) {
        let Some(tutorial) = catalogue().get(index) else {
            return;
        };
        self.begin_in_mode(tutorial.mode.mode(), &tutorial.machine);
        self.tutorials.start_screen_open = false;
        self.tutorials.active = Some(Active {
            tutorial: index,
            step: 0,
            step_start: self.editor.document.clone(),
            exported: Vec::new(),
            coach_open: true,
        });
    }

    /// An empty document in `mode`, with the person's machine of that kind
    /// (`fallback` for someone who never chose one) and the arrow tool;
    /// this is the app's doing, not the person's, so nothing to undo.
    pub(crate) fn begin_in_mode(&mut self, mode: crate::model::session::Mode, fallback: &str) {
        self.run_pending(Pending::New);
        // A tutorial or a quick project needs a laser or a printer: it
        // switches the mode and keeps the person's machine of that kind; its
        // own machine is only for someone who never chose one.
        self.handle(crate::model::command::Command::SetMode(mode));
        let has_one = self
            .editor
            .document
            .machine_id
            .as_deref()
            .is_some_and(|id| self.machines.of_mode(mode).any(|m| m.id() == id));
        if !has_one {
            self.editor.document.machine_id = Some(fallback.to_owned());
        }
        self.handle(crate::model::command::Command::SetTool(
            crate::model::session::ToolKind::Select,
        ));
        self.editor.history.clear();
        self.editor.saved_revision = self.editor.revision;
    }

    /// Moves the tutorial on when the current step is done (one step per
    /// frame, so a step already done when it begins still shows its card).
    /// A step that waits for the lab check uses the check panel's worker, so a
    /// big drawing never holds a frame.
    pub(crate) fn advance_tutorial(&mut self) {
        let Some(step) = self
            .tutorials
            .active
            .as_ref()
            .and_then(|a| a.tutorial().and_then(|t| t.steps.get(a.step)))
        else {
            return;
        };
        let needs_check = step.done.needs_check();
        if needs_check {
            self.check
                .refresh(&self.editor, &self.machines, self.ctx.as_ref());
        }
        let report = (needs_check && !self.check.is_checking())
            .then(|| self.check.report())
            .flatten();
        let Some(active) = self.tutorials.active.as_mut() else {
            return;
        };
        let editor = &self.editor;
        let seen = Observed {
            document: &editor.document,
            step_start: &active.step_start,
            tool: editor.session.tool,
            mode: editor.session.mode,
            selected: editor.session.selection.len(),
            can_redo: editor.history.can_redo(),
            exported: &active.exported,
            dialog: tutorial::dialog_name(self.dialog.as_ref(), self.check.open),
            report,
        };
        if step.done.holds(&seen) {
            let next = active.step + 1;
            active.go_to(next, &self.editor.document);
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint();
            }
        }
    }

    /// Acts on a button of the coach card.
    pub(crate) fn coach_answer(&mut self, ask: Ask) {
        let document = self.editor.document.clone();
        let Some(active) = self.tutorials.active.as_mut() else {
            return;
        };
        match ask {
            Ask::Back => {
                let step = active.step.saturating_sub(1);
                active.go_to(step, &document);
            }
            Ask::Skip => {
                let step = active.step + 1;
                active.go_to(step, &document);
            }
            Ask::Restart => {
                let index = active.tutorial;
                self.guard_unsaved(Pending::Tutorial(index));
            }
            Ask::Close => {
                active.coach_open = false;
                if active.finished() {
                    self.tutorials.active = None;
                }
            }
            Ask::Another => {
                self.tutorials.active = None;
                self.tutorials.start_screen_open = true;
            }
            Ask::Sample(name) => self.open_sample(&name),
        }
    }

    /// Opens the sample picture `name` (compiled in) in the tracer.
    pub(crate) fn open_sample(&mut self, name: &str) {
        if let Some(bytes) = samples::sample(name) {
            let ctx = self.ctx.clone();
            self.dialog = Some(Dialog::Trace(Box::new(TraceDialog::from_bytes(
                name.into(),
                bytes,
                ctx,
            ))));
        }
    }
}
