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

use self::script::Tutorial;
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

/// The name conditions use for the open dialog, or the check panel.
pub(crate) fn dialog_name(dialog: Option<&Dialog>, check_open: bool) -> Option<&'static str> {
    match dialog {
        Some(Dialog::Trace(_)) => Some("trace"),
        Some(Dialog::Export) => Some("export"),
        Some(Dialog::Browser(_)) => Some("browser"),
        Some(Dialog::FingerBox(_)) => Some("box"),
        Some(_) => None,
        None => check_open.then_some("check"),
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
