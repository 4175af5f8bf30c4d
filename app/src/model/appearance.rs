//! How the interface reads, as the person chose it: its size (interface
//! zoom: Ctrl + / Ctrl − / Ctrl 0, as in a web browser), its reading font
//! and the high-contrast theme, kept in `appearance.json` in the data
//! folder as [`super::chosen_machines`] keeps the machines. A kiosk keeps
//! nothing: a visitor's choice lasts until "Next person".
//! [`crate::ui::appearance`] shows the choices and makes egui follow them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Name of the file in the data folder.
pub const FILE_NAME: &str = "appearance.json";

/// The interface sizes Ctrl + and Ctrl − step through, as a browser's.
pub const ZOOM_STEPS: [f32; 9] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

/// The size at start and after Ctrl 0.
pub const DEFAULT_ZOOM: f32 = 1.0;

/// The person's choices.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appearance {
    /// Interface zoom (egui's zoom factor), one of [`ZOOM_STEPS`].
    pub zoom: f32,
    /// The interface's font.
    pub font: ReadingFont,
    /// The high-contrast theme instead of the calm "paper" one.
    pub high_contrast: bool,
}

impl Default for Appearance {
    fn default() -> Self {
        Self {
            zoom: DEFAULT_ZOOM,
            font: ReadingFont::default(),
            high_contrast: false,
        }
    }
}

impl Appearance {
    /// The next larger size (the largest stays).
    pub fn zoomed_in(self) -> Self {
        let zoom = ZOOM_STEPS
            .into_iter()
            .find(|z| *z > self.zoom + 0.01)
            .unwrap_or(self.zoom);
        Self { zoom, ..self }
    }

    /// The next smaller size (the smallest stays).
    pub fn zoomed_out(self) -> Self {
        let zoom = ZOOM_STEPS
            .into_iter()
            .rev()
            .find(|z| *z < self.zoom - 0.01)
            .unwrap_or(self.zoom);
        Self { zoom, ..self }
    }

    /// A value read from a file, made safe: a zoom out of range (or not a
    /// number) is clamped to the steps' range.
    pub fn sanitized(self) -> Self {
        let (min, max) = (ZOOM_STEPS[0], ZOOM_STEPS[ZOOM_STEPS.len() - 1]);
        let zoom = if self.zoom.is_finite() {
            self.zoom.clamp(min, max)
        } else {
            DEFAULT_ZOOM
        };
        Self { zoom, ..self }
    }
}

/// What the person asked for in the Display window or with the keys.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AppearanceCommand {
    /// Open the Display window.
    Open,
    /// Close it.
    Close,
    /// Use these choices (and keep them).
    Set(Appearance),
}

/// The choices, the file they are kept in, and the Display window's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppearanceSettings {
    /// What is in use.
    pub current: Appearance,
    /// The Display window is open.
    pub panel_open: bool,
    file: Option<PathBuf>,
}

impl AppearanceSettings {
    /// The choices kept in `data_dir` (none: the defaults, never written).
    pub fn load(data_dir: Option<&Path>) -> Self {
        let file = data_dir.map(|d| d.join(FILE_NAME));
        let current = file
            .as_deref()
            .and_then(|f| crate::bounded_read::read_file(f, 4096).ok())
            .and_then(|bytes| serde_json::from_slice::<Appearance>(&bytes).ok())
            .map(Appearance::sanitized)
            .unwrap_or_default();
        Self {
            current,
            panel_open: false,
            file,
        }
    }

    /// Applies one command from the window or the keys.
    pub fn handle(&mut self, command: AppearanceCommand) {
        match command {
            AppearanceCommand::Open => self.panel_open = true,
            AppearanceCommand::Close => self.panel_open = false,
            AppearanceCommand::Set(appearance) => self.set(appearance.sanitized()),
        }
    }

    fn set(&mut self, appearance: Appearance) {
        if appearance == self.current {
            return;
        }
        self.current = appearance;
        if let Some(file) = &self.file {
            use exporters::atomic_write::{Access, Existing, write_file};
            let bytes = serde_json::to_vec_pretty(&self.current).unwrap_or_default();
            // A read-only data folder: kept until Fabrique closes.
            let _ = write_file(file, &bytes, Existing::Replace, Access::Shared, || true);
        }
    }
}

/// A font the interface can be read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadingFont {
    /// Andika, for beginning readers.
    #[default]
    Andika,
    /// egui's own font (Ubuntu Light).
    Ubuntu,
    /// B612, very legible, for low vision.
    B612,
}

/// egui's name of its own proportional font.
pub const UBUNTU: &str = "Ubuntu-Light";

impl ReadingFont {
    /// Every choice, in the Display window's order.
    pub const ALL: [ReadingFont; 3] = [ReadingFont::Andika, ReadingFont::Ubuntu, ReadingFont::B612];

    /// The font's name in egui's font definitions (and its family of that
    /// name, so the Display window shows each choice in its own font).
    pub fn font_name(self) -> &'static str {
        match self {
            ReadingFont::Andika => "Andika",
            ReadingFont::Ubuntu => UBUNTU,
            ReadingFont::B612 => "B612",
        }
    }

    /// The translation key of its description in the Display window.
    pub fn key(self) -> &'static str {
        match self {
            ReadingFont::Andika => "appearance-font-andika",
            ReadingFont::Ubuntu => "appearance-font-ubuntu",
            ReadingFont::B612 => "appearance-font-b612",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_up_and_down_and_stops_at_the_ends() {
        let mut a = Appearance::default();
        a = a.zoomed_in();
        assert_eq!(a.zoom, 1.1);
        a = a.zoomed_out().zoomed_out();
        assert_eq!(a.zoom, 0.9);
        for _ in 0..20 {
            a = a.zoomed_in();
        }
        assert_eq!(a.zoom, 2.5);
        for _ in 0..20 {
            a = a.zoomed_out();
        }
        assert_eq!(a.zoom, 0.8);
        // A size between steps (from an older file) goes to the next step.
        let between = Appearance {
            zoom: 1.2,
            ..Appearance::default()
        };
        assert_eq!(between.zoomed_in().zoom, 1.25);
        assert_eq!(between.zoomed_out().zoom, 1.1);
    }

    #[test]
    fn choices_are_kept_across_restarts_and_bad_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = AppearanceSettings::load(Some(dir.path()));
        assert_eq!(settings.current, Appearance::default());
        let chosen = Appearance {
            zoom: 1.5,
            font: ReadingFont::B612,
            high_contrast: true,
        };
        settings.handle(AppearanceCommand::Set(chosen));
        assert_eq!(AppearanceSettings::load(Some(dir.path())).current, chosen);
        // Out of range, or not JSON at all: safe values, never a panic.
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, br#"{"zoom": 1e9, "font": "B612"}"#).unwrap();
        let read = AppearanceSettings::load(Some(dir.path())).current;
        assert_eq!((read.zoom, read.font), (2.5, ReadingFont::B612));
        std::fs::write(&file, b"\xff not json").unwrap();
        assert_eq!(
            AppearanceSettings::load(Some(dir.path())).current,
            Appearance::default()
        );
    }
}
