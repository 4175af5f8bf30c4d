//! Guided tutorials that watch what you do: a coach card says one thing to
//! do and why, points at the tool to use, and moves on only when the
//! document or the app shows it was really done.
//!
//! - [`script`]: a tutorial as data (`assets/tutorials/*.json`).
//! - [`condition`]: what completes a step.
//! - [`targets`]: the pulsing frame around the widget to use.
//! - [`coach`]: the coach card (step 3 of 8, back, skip, restart, close).
//! - [`start_screen`]: the tutorials to choose from, with a picture of each result.
//! - [`samples`], [`pictures`]: bundled sample images and result pictures.
//!
//! A tutorial starts on an empty document in its mode and machine, and
//! ends in the user's own workspace with what they made.
//!
//! Current limitations: the coach cannot tell *how* a step was done (a
//! rectangle typed with the keyboard counts as one drawn with the mouse).

pub mod coach;
pub mod condition;
pub mod pictures;
pub mod samples;
pub mod script;
pub mod start_screen;
pub mod targets;

use std::path::PathBuf;
use std::sync::OnceLock;

use geometry::Document;

use self::condition::Observed;
use self::script::Tutorial;
use super::app::FabriqueApp;
use super::dialogs::Dialog;

/// The tutorial files, in start-screen order (simplest first).
const FILES: &[(&str, &str)] = &[
    (
        "premiers-pas.json",
        include_str!("../../../../assets/tutorials/premiers-pas.json"),
    ),
    (
        "porte-cles.json",
        include_str!("../../../../assets/tutorials/porte-cles.json"),
    ),
    (
        "dessous-de-verre.json",
        include_str!("../../../../assets/tutorials/dessous-de-verre.json"),
    ),
    (
        "pochoir.json",
        include_str!("../../../../assets/tutorials/pochoir.json"),
    ),
    (
        "piece-de-rechange.json",
        include_str!("../../../../assets/tutorials/piece-de-rechange.json"),
    ),
    (
        "boite.json",
        include_str!("../../../../assets/tutorials/boite.json"),
    ),
];

/// Every tutorial that loads (a broken file is left out; the tests load
/// each one and fail on any error).
pub fn catalogue() -> &'static [Tutorial] {
    static LOADED: OnceLock<Vec<Tutorial>> = OnceLock::new();
    LOADED.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(file, json)| script::parse(file, json).ok())
            .collect()
    })
}

/// Parses every tutorial file, reporting the first error (tests).
pub fn load_all() -> Result<Vec<Tutorial>, script::ScriptError> {
    FILES
        .iter()
        .map(|(file, json)| script::parse(file, json))
        .collect()
}

/// A tutorial being followed.
#[derive(Debug)]
pub struct Active {
    /// Index in [`catalogue`].
    pub tutorial: usize,
    /// The current step (equal to the number of steps once finished).
    pub step: usize,
    /// The document when the step began ("has it moved since?").
    pub step_start: Document,
    /// Files exported since the step began.
    pub exported: Vec<PathBuf>,
    /// The coach card is shown (it can be closed and reopened).
    pub coach_open: bool,
}

/// Tutorials in the app: the start screen and the one being followed.
#[derive(Debug, Default)]
pub struct Tutorials {
    /// The start screen is shown.
    pub start_screen_open: bool,
    /// The tutorial being followed, if any.
    pub active: Option<Active>,
}

impl Active {
    /// The tutorial.
    pub fn tutorial(&self) -> Option<&'static Tutorial> {
        catalogue().get(self.tutorial)
    }

    /// `true` once every step is done.
    pub fn finished(&self) -> bool {
        self.tutorial().is_none_or(|t| self.step >= t.steps.len())
    }

    /// Goes to `step` (back, skip, restart, or the next one when done).
    pub fn go_to(&mut self, step: usize, document: &Document) {
        let steps = self.tutorial().map_or(0, |t| t.steps.len());
        self.step = step.min(steps);
        self.step_start = document.clone();
        self.exported.clear();
    }
}

impl Tutorials {
    /// Remembers an exported file (a step may ask for one).
    pub fn note_export(&mut self, path: PathBuf) {
        if let Some(active) = &mut self.active {
            active.exported.push(path);
        }
    }
}

/// Starts tutorial `index` on an empty document (unsaved changes were
/// dealt with by the caller).
pub fn start(app: &mut FabriqueApp, index: usize) {
    let Some(tutorial) = catalogue().get(index) else {
        return;
    };
    super::dialogs::run_pending(app, super::dialogs::Pending::New);
    // The tutorial needs a laser or a printer: it switches the mode and
    // keeps the person's machine of that kind; its own machine is only for
    // someone who never chose one.
    let mode = tutorial.mode.mode();
    app.handle(crate::model::command::Command::SetMode(mode));
    let has_one = app
        .editor
        .document
        .machine_id
        .as_deref()
        .is_some_and(|id| app.machines.of_mode(mode).any(|m| m.id() == id));
    if !has_one {
        app.editor.document.machine_id = Some(tutorial.machine.clone());
    }
    app.handle(crate::model::command::Command::SetTool(
        crate::model::session::ToolKind::Select,
    ));
    // Choosing the mode and machine is the tutorial's doing, not the user's.
    app.editor.history.clear();
    app.editor.saved_revision = app.editor.revision;
    app.tutorials.start_screen_open = false;
    app.tutorials.active = Some(Active {
        tutorial: index,
        step: 0,
        step_start: app.editor.document.clone(),
        exported: Vec::new(),
        coach_open: true,
    });
}

/// The name conditions use for the open dialog, or the check panel.
fn dialog_name(dialog: Option<&Dialog>, check_open: bool) -> Option<&'static str> {
    match dialog {
        Some(Dialog::Trace(_)) => Some("trace"),
        Some(Dialog::Export) => Some("export"),
        Some(Dialog::Browser(_)) => Some("browser"),
        Some(Dialog::FingerBox(_)) => Some("box"),
        Some(_) => None,
        None => check_open.then_some("check"),
    }
}

/// Moves the tutorial on when the current step is done (one step per
/// frame, so a step already done when it begins still shows its card).
/// A step that waits for the lab check uses the check panel's worker, so a
/// big drawing never holds a frame.
pub fn advance(app: &mut FabriqueApp) {
    let Some(step) = app
        .tutorials
        .active
        .as_ref()
        .and_then(|a| a.tutorial().and_then(|t| t.steps.get(a.step)))
    else {
        return;
    };
    let needs_check = step.done.needs_check();
    if needs_check {
        app.check
            .refresh(&app.editor, &app.machines, app.ctx.as_ref());
    }
    let report = (needs_check && !app.check.is_checking())
        .then(|| app.check.report())
        .flatten();
    let Some(active) = app.tutorials.active.as_mut() else {
        return;
    };
    let editor = &app.editor;
    let seen = Observed {
        document: &editor.document,
        step_start: &active.step_start,
        tool: editor.session.tool,
        mode: editor.session.mode,
        selected: editor.session.selection.len(),
        can_redo: editor.history.can_redo(),
        exported: &active.exported,
        dialog: dialog_name(app.dialog.as_ref(), app.check.open),
        report,
    };
    if step.done.holds(&seen) {
        let next = active.step + 1;
        active.go_to(next, &app.editor.document);
        if let Some(ctx) = &app.ctx {
            ctx.request_repaint();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_tutorial_file_loads_with_known_targets_and_conditions() {
        let tutorials = load_all().unwrap();
        assert_eq!(tutorials.len(), FILES.len());
        assert_eq!(catalogue().len(), FILES.len());
        for (tutorial, (file, _)) in tutorials.iter().zip(FILES) {
            assert_eq!(format!("{}.json", tutorial.id), *file);
            assert!(
                exporters::machines::find(&tutorial.machine).is_some(),
                "{}: machine {}",
                tutorial.id,
                tutorial.machine
            );
        }
    }

    #[test]
    fn a_broken_file_says_where() {
        let error = script::parse("x.json", r#"{"id": "x"}"#).unwrap_err();
        assert!(error.to_string().contains("x.json"), "{error}");
    }
}
