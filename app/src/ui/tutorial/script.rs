//! A tutorial as data: `assets/tutorials/*.json`, one file per tutorial,
//! French and English side by side so a translator sees both at once and
//! an animator can fix a sentence without touching code.
//!
//! Each step is one short instruction (one action, and why it matters), the
//! UI element to highlight, and the condition on the document or the app
//! that completes it (see [`super::condition`]). A step may also offer a
//! button in the coach card, for actions that are not in the editor's
//! panels (open a bundled sample picture).

use serde::Deserialize;

use super::condition::Condition;
use crate::i18n::Language;
use crate::model::session::Mode;

/// A sentence in both languages.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Français.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The sentence in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::French => &self.fr,
            Language::English => &self.en,
        }
    }
}

/// What the design is for, as written in the files.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ModeName {
    /// Laser cutting.
    Laser,
    /// 3D printing.
    Print3d,
}

impl ModeName {
    /// The editor's mode.
    pub fn mode(self) -> Mode {
        match self {
            ModeName::Laser => Mode::Laser,
            ModeName::Print3d => Mode::Print3d,
        }
    }
}

/// A button in the coach card for an action outside the editor's panels.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Offer {
    /// Open the trace dialog on a picture of `assets/samples/` (by file name).
    SamplePicture(String),
}

/// One step.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The instruction: one action, and why it matters.
    pub text: Text,
    /// The UI element to highlight (see [`super::targets`]), if any.
    #[serde(default)]
    pub target: Option<String>,
    /// What completes the step.
    pub done: Condition,
    /// A button the coach card shows for this step.
    #[serde(default)]
    pub offer: Option<Offer>,
}

/// One tutorial.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tutorial {
    /// Stable name (the file's name without `.json`).
    pub id: String,
    /// Title on the start screen and the coach card.
    pub title: Text,
    /// One sentence: what you make and what you learn.
    pub summary: Text,
    /// The mode the tutorial starts in.
    pub mode: ModeName,
    /// The machine profile it starts with.
    pub machine: String,
    /// A picture of the result: an SVG file of `assets/tutorials/pictures/`.
    pub picture: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// What the last card says (the user keeps what they made).
    pub finish: Text,
}

/// Why a tutorial file was refused (our bug: the tests load every file).
#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    /// Not valid JSON for a tutorial.
    #[error("tutorial {file}: {reason}")]
    Syntax {
        /// The file.
        file: String,
        /// What serde said.
        reason: String,
    },
    /// Valid JSON, but not a usable tutorial.
    #[error("tutorial {file}: {reason}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
}

/// Parses and checks one tutorial file.
pub fn parse(file: &str, json: &str) -> Result<Tutorial, ScriptError> {
    let tutorial: Tutorial = serde_json::from_str(json).map_err(|e| ScriptError::Syntax {
        file: file.to_owned(),
        reason: e.to_string(),
    })?;
    let invalid = |reason: String| ScriptError::Invalid {
        file: file.to_owned(),
        reason,
    };
    let labels = crate::i18n::I18n::new(Language::English);
    if tutorial.steps.is_empty() {
        return Err(invalid("no steps".into()));
    }
    for (i, step) in tutorial.steps.iter().enumerate() {
        if step.text.fr.trim().is_empty() || step.text.en.trim().is_empty() {
            return Err(invalid(format!("step {} has an empty text", i + 1)));
        }
        if let Some(target) = &step.target
            && !super::targets::is_known(&labels, target)
        {
            return Err(invalid(format!("step {}: unknown target {target}", i + 1)));
        }
        if let Some(Offer::SamplePicture(name)) = &step.offer
            && super::samples::sample(name).is_none()
        {
            return Err(invalid(format!("step {}: unknown sample {name}", i + 1)));
        }
        step.done
            .validate()
            .map_err(|reason| invalid(format!("step {}: {reason}", i + 1)))?;
    }
    if super::pictures::picture(&tutorial.picture).is_none() {
        return Err(invalid(format!("unknown picture {}", tutorial.picture)));
    }
    Ok(tutorial)
}
