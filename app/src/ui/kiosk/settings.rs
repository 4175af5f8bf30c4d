//! The animator's settings, behind the PIN: the language and machine each
//! new person starts with, the export folder, and Quit. Saving writes the
//! configuration file back (whole or not at all); when the file cannot be
//! written (a root-owned `/etc/fabrique/kiosk.json`), the change holds
//! until Fabrique closes and the message says so.

use crate::model::machines::MachineView;
use std::path::PathBuf;

use super::config::KioskConfig;
use crate::i18n::{Arg, I18n, Language};
use crate::model::machines::shipped;

/// The settings being edited.
#[derive(Clone, Debug)]
pub struct SettingsDraft {
    /// Language of a new person.
    pub language: Language,
    /// Machine of a new person (none: the first of its kind).
    pub machine: Option<String>,
    /// Export folder, as typed.
    pub export_folder: String,
    /// The last result in words, and whether it is an error.
    pub message: Option<(String, bool)>,
}

/// What the animator did this frame.
#[derive(Debug, PartialEq)]
pub enum SettingsOutcome {
    /// Still there.
    Open,
    /// Closed the settings.
    Closed,
    /// Asked to save the draft.
    Save,
    /// Asked to quit Fabrique.
    Quit,
}

impl SettingsDraft {
    /// A draft of `config` (empty when the configuration is unusable).
    pub fn new(config: Option<&KioskConfig>) -> Self {
        Self {
            language: config
                .and_then(KioskConfig::start_language)
                .unwrap_or(Language::French),
            machine: config.and_then(|c| c.machine.clone()),
            export_folder: config
                .map(|c| c.export_folder.display().to_string())
                .unwrap_or_default(),
            message: None,
        }
    }

    /// `config` with the draft's values; an error in words when a value is unusable.
    pub fn applied_to(&self, config: &KioskConfig, i18n: &I18n) -> Result<KioskConfig, String> {
        let folder = PathBuf::from(self.export_folder.trim());
        if !folder.is_absolute() {
            return Err(i18n.tr("kiosk-settings-folder-absolute"));
        }
        let mut changed = config.clone();
        changed.export_folder = folder;
        changed.language = Some(
            match self.language {
                Language::French => "fr",
                Language::English => "en",
            }
            .to_owned(),
        );
        changed.machine = self.machine.clone();
        Ok(changed)
    }

    /// Shows the settings; `usable` is false when the configuration is
    /// broken (only Quit and Close are offered then).
    pub fn settings_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, usable: bool) -> SettingsOutcome {
        let mut outcome = SettingsOutcome::Open;
        ui.set_min_width(460.0);
        ui.heading(i18n.tr("kiosk-settings-title"));
        if usable {
            self.fields_ui(ui, i18n);
        } else {
            ui.label(i18n.tr("kiosk-settings-broken"));
        }
        if let Some((text, is_error)) = &self.message {
            let color = if *is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(color, text);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if usable && ui.button(i18n.tr("kiosk-settings-save")).clicked() {
                outcome = SettingsOutcome::Save;
            }
            if ui.button(i18n.tr("kiosk-quit")).clicked() {
                outcome = SettingsOutcome::Quit;
            }
            if ui.button(i18n.tr("kiosk-settings-close")).clicked() {
                outcome = SettingsOutcome::Closed;
            }
        });
        outcome
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        egui::Grid::new("kiosk_settings")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(i18n.tr("kiosk-settings-language"));
                ui.horizontal(|ui| {
                    for language in Language::ALL {
                        ui.radio_value(&mut self.language, language, language.native_name());
                    }
                });
                ui.end_row();
                let label = ui.label(i18n.tr("kiosk-settings-machine"));
                let selected = self
                    .machine
                    .as_deref()
                    .and_then(|id| shipped().all().find(|m| m.id() == id))
                    .map_or_else(
                        || i18n.tr("kiosk-settings-machine-none"),
                        |m| m.display_name(i18n),
                    );
                egui::ComboBox::from_id_salt("kiosk_machine")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for machine in shipped().all() {
                            let chosen = self.machine.as_deref() == Some(machine.id());
                            if ui
                                .selectable_label(chosen, machine.display_name(i18n))
                                .clicked()
                            {
                                self.machine = Some(machine.id().to_owned());
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(i18n.tr("kiosk-settings-folder"));
                ui.add(egui::TextEdit::singleline(&mut self.export_folder).desired_width(300.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
    }
}

/// Why the configuration file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// A link is in its place: not replaced.
    Link,
    /// The system refused (read-only, no permission).
    Io(std::io::Error),
}

/// Writes `config` to `path`, the one way the kiosk's file is written
/// (settings, the PIN's hash, `fabrique kiosk-pin`). The file holds the
/// PIN: it is written readable by its owner only (`0600`), and a link in
/// its place is refused rather than replaced by a plain file (the animator
/// linked it on purpose, perhaps to a protected place).
pub fn write_config(config: &KioskConfig, path: &std::path::Path) -> Result<(), WriteError> {
    write_config_bytes(&config.to_json(), path)
}

/// [`write_config`] of the file's bytes as they are.
pub fn write_config_bytes(bytes: &[u8], path: &std::path::Path) -> Result<(), WriteError> {
    use exporters::atomic_write::{Access, Existing, write_file};
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return Err(WriteError::Link);
    }
    write_file(path, bytes, Existing::Replace, Access::Private, || true)
        .map(|_| ())
        .map_err(WriteError::Io)
}

/// Saves `config` to `path`; the message for the animator either way.
pub fn save(config: &KioskConfig, path: &std::path::Path, i18n: &I18n) -> (String, bool) {
    let file = ("file", Arg::Text(path.display().to_string()));
    match write_config(config, path) {
        Ok(()) => (i18n.tr("kiosk-settings-saved"), false),
        Err(WriteError::Link) => (i18n.tr_args("kiosk-settings-link", &[file]), true),
        Err(WriteError::Io(error)) => (
            i18n.tr_args(
                "kiosk-settings-not-saved",
                &[file, ("reason", Arg::Text(error.to_string()))],
            ),
            true,
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn config() -> KioskConfig {
        KioskConfig {
            export_folder: "/media/cle".into(),
            animator_pin: Some("2468".into()),
            animator_pin_hash: None,
            language: None,
            machine: None,
            import_folders: vec!["/srv/modeles".into()],
        }
    }

    #[test]
    fn the_draft_keeps_the_pin_and_import_folders() {
        let i18n = I18n::new(Language::English);
        let mut draft = SettingsDraft::new(Some(&config()));
        draft.language = Language::English;
        draft.machine = Some("prusa-mk4".into());
        draft.export_folder = " /media/autre ".into();
        let changed = draft.applied_to(&config(), &i18n).unwrap();
        assert_eq!(changed.animator_pin.as_deref(), Some("2468"));
        assert_eq!(changed.import_folders, config().import_folders);
        assert_eq!(changed.export_folder, PathBuf::from("/media/autre"));
        assert_eq!(changed.start_language(), Some(Language::English));
        draft.export_folder = "cle".into();
        assert!(draft.applied_to(&config(), &i18n).is_err());
    }

    #[test]
    fn saving_writes_a_file_that_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.json");
        let i18n = I18n::new(Language::English);
        let (_, is_error) = save(&config(), &path, &i18n);
        assert!(!is_error);
        assert_eq!(KioskConfig::load(&path).unwrap(), config());
        let (_, is_error) = save(&config(), &dir.path().join("no/such/dir.json"), &i18n);
        assert!(is_error);
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_file_private_and_a_link_in_place() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let i18n = I18n::new(Language::English);
        let path = dir.path().join("kiosk.json");
        std::fs::write(&path, config().to_json()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let (_, is_error) = save(&config(), &path, &i18n);
        assert!(!is_error);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the PIN stays unreadable by others");

        let real = dir.path().join("real.json");
        std::fs::write(&real, config().to_json()).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (text, is_error) = save(&config(), &link, &i18n);
        assert!(is_error, "{text}");
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    }
}
