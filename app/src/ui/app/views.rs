//! Read-only views of the app for the window's tests and scripts: they
//! may look at anything, and change nothing (changes go through
//! [`FabriqueApp::handle`]).

use super::{FabriqueApp, Notice, jobs};
use crate::i18n::I18n;
use crate::model::autosave::Autosave;
use crate::model::editor::Editor;
use crate::model::machines::MachineList;
use crate::ui::canvas::CanvasState;
use crate::ui::dialogs::Dialog;
use crate::ui::kiosk::Kiosk;

/// Read-only views of the app, for the window's tests and scripts
/// (changes go through [`FabriqueApp::handle`]).
impl FabriqueApp {
    /// How many times a document revision was extruded (the preview, the
    /// check and a 3D export share one solid per revision).
    pub fn extrusions(&self) -> u64 {
        self.derived.extrusions()
    }

    /// How many times a document revision was read for the laser (the
    /// check and a laser export share one reading per revision).
    pub fn laser_readings(&self) -> u64 {
        self.derived.laser_readings()
    }

    /// See the field of the same name.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// See the field of the same name.
    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    /// See the field of the same name.
    pub fn canvas(&self) -> &CanvasState {
        &self.canvas
    }

    /// See the field of the same name.
    pub fn dialog(&self) -> &Option<Dialog> {
        &self.dialog
    }

    /// See the field of the same name.
    pub fn notice(&self) -> &Option<Notice> {
        &self.notice
    }

    /// See the field of the same name.
    pub fn autosave(&self) -> &Autosave {
        &self.autosave
    }

    /// See the field of the same name.
    pub fn job(&self) -> &Option<jobs::Job> {
        &self.job
    }

    /// See the field of the same name.
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// See the field of the same name.
    pub fn tutorials(&self) -> &crate::ui::tutorial::Tutorials {
        &self.tutorials
    }

    /// See the field of the same name.
    pub fn check(&self) -> &crate::ui::check_panel::CheckPanel {
        &self.check
    }

    /// See the field of the same name.
    pub fn kiosk(&self) -> &Option<Kiosk> {
        &self.kiosk
    }

    /// See the field of the same name.
    pub fn machines(&self) -> &MachineList {
        &self.machines
    }

    /// See the field of the same name.
    pub fn appearance(&self) -> &crate::model::appearance::AppearanceSettings {
        &self.appearance
    }
}
