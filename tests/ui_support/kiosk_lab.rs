//! The kiosk's test bench, shared by `ui_kiosk` and `ui_kiosk_config`: a
//! lab laptop in temporary folders (data folder, USB stick, a folder
//! outside both), the real app in kiosk mode on it, and the gestures an
//! animator or a visitor makes (typing the PIN, closing the window).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::ui::kiosk::KioskOptions;
use fabrique::ui::{AppOptions, FabriqueApp};

use super::{click, settle};

pub const PIN: &str = "2468";

/// A lab laptop: a data folder, a USB stick, a folder outside both.
pub struct Lab {
    pub dir: tempfile::TempDir,
}

impl Lab {
    pub fn new() -> Self {
        let lab = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        for folder in ["data", "usb", "outside"] {
            std::fs::create_dir_all(lab.dir.path().join(folder)).unwrap();
        }
        lab
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn session_dir(&self) -> PathBuf {
        self.path("data")
            .join(fabrique::ui::kiosk::SESSION_DIR_NAME)
    }

    /// A configuration exporting to the USB stick, with the lab's models
    /// folder to open from.
    pub fn configure_with_models(&self) -> PathBuf {
        std::fs::create_dir_all(self.path("models")).unwrap();
        let config = serde_json::json!({
            "export_folder": self.path("usb"),
            "animator_pin": PIN,
            "language": "en",
            "import_folders": [self.path("models")],
        });
        self.write_config(&config.to_string())
    }

    /// Writes a valid configuration exporting to the USB stick.
    pub fn configure(&self) -> PathBuf {
        let config = serde_json::json!({
            "export_folder": self.path("usb"),
            "animator_pin": PIN,
            "language": "en",
        });
        self.write_config(&config.to_string())
    }

    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.path("kiosk.json");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The real app in kiosk mode on this lab's configuration.
    pub fn app(&self, config: &Path) -> Harness<'static, FabriqueApp> {
        // The tutorials' start screen is tested in ui_tutorials.
        self.app_with_start_screen(config, false)
    }

    pub fn app_with_start_screen(
        &self,
        config: &Path,
        start_screen: bool,
    ) -> Harness<'static, FabriqueApp> {
        let options = AppOptions {
            data_dir: Some(self.path("data")),
            native_dialogs: false,
            // The configuration's language ("en") wins over the system's.
            language: Language::French,
            file: None,
            start_screen,
            kiosk: Some(KioskOptions {
                config_path: config.to_owned(),
            }),
        };
        let mut harness = Harness::builder()
            .with_size(egui::Vec2::new(1366.0, 768.0))
            .build_eframe(move |_cc| FabriqueApp::new(options));
        settle(&mut harness);
        harness
    }
}

pub fn type_pin(harness: &mut Harness<'_, FabriqueApp>, pin: &str) {
    harness
        .get_by_role_and_label(egui::Role::PasswordInput, "PIN")
        .set_text_value_accesskit(pin);
    settle(harness);
    click(harness, "Unlock");
}

pub fn request_close(harness: &mut Harness<'_, FabriqueApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    settle(harness);
}

pub fn has_text(harness: &Harness<'_, FabriqueApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).next().is_some()
}

pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// Makes the autosave write now, as it would after a few quiet seconds.
pub fn force_autosave(harness: &mut Harness<'_, FabriqueApp>) {
    harness
        .state_mut()
        .handle(fabrique::ui::AppCommand::AutosaveNow);
    let notice = harness.state().notice();
    assert!(
        notice.is_none() || !notice.as_ref().unwrap().is_error,
        "{notice:?}"
    );
}
