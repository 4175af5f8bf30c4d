//! Kiosk mode (`fabrique --kiosk`): one shared laptop, many visitors. Full
//! screen; a "Next person" button that leaves nothing of the previous
//! visitor ([`crate::ui::fresh_start`]); files only inside the folders the
//! animator allowed ([`jail`]); settings and Quit behind the animator's PIN.
//!
//! - [`config`]: the animator's file (export folder, PIN, language, machine).
//! - [`jail`]: the folder jail of the built-in file dialog.
//! - [`strip`]: the kiosk bar (Next person, Animator) and its banner.
//! - [`panels`], [`pin`], [`settings`]: the kiosk's dialogs (Next person?,
//!   the animator's PIN, the animator's settings).
//!
//! The kiosk keeps the autosave in its own session folder
//! (`<data folder>/kiosk-session`), emptied at start and at every reset, so a
//! crash loses at most one visitor's drawing and never shows it to the next.
//!
//! Current limitations: when the configuration is missing or invalid there
//! is no PIN to ask for, so the window can be closed and the Animator
//! dialog opened without one (the banner says so); exports stay off. The
//! export folder is the visitors' to take away: files in it are not deleted
//! at reset (point it at a USB stick, not a shared local folder). The
//! system clipboard is emptied at reset, but other programs' copies of it
//! (a clipboard manager) are out of reach.

pub mod config;
pub mod jail;
pub mod panels;
pub mod pin;
pub mod pin_hash;
pub mod settings;
pub mod strip;

use crate::model::machines::MachineView;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use config::{ConfigError, KioskConfig};
use jail::Jail;

use super::file_browser::{FileBrowser, Purpose};
use crate::i18n::{Arg, I18n};

/// Name of the session folder inside the data folder.
pub const SESSION_DIR_NAME: &str = "kiosk-session";

/// How the kiosk was asked for (part of [`crate::ui::AppOptions`]).
#[derive(Clone, Debug, PartialEq)]
pub struct KioskOptions {
    /// The animator's configuration file.
    pub config_path: PathBuf,
}

/// Which kiosk dialog is open.
#[derive(Debug)]
pub enum Panel {
    /// "Clear everything for the next person?"
    ConfirmNextPerson,
    /// The animator's PIN, then `then`.
    Pin(pin::PinDialog),
    /// The animator's settings and Quit.
    Settings(settings::SettingsDraft),
}

/// What the PIN unlocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unlock {
    /// The settings dialog.
    Settings,
    /// Closing the window.
    Quit,
}

/// The kiosk's state in the app.
#[derive(Debug)]
pub struct Kiosk {
    /// Where the configuration was read from.
    pub config_path: PathBuf,
    /// The configuration, or why it cannot be used.
    pub config: Result<KioskConfig, ConfigError>,
    /// The open kiosk dialog.
    pub panel: Option<Panel>,
    /// Wrong PINs in a row, and until when the PIN is refused after too many.
    pub pin_lock: pin::PinLock,
    /// The PIN is still written in clear in the file (it could not be rewritten).
    pub pin_in_clear: bool,
}

impl Kiosk {
    /// Reads the configuration (never fails: a problem is kept for the
    /// banner) and the PIN lock kept in `data_dir`.
    pub fn start(options: &KioskOptions, data_dir: Option<&Path>) -> Self {
        let mut config = KioskConfig::load(&options.config_path);
        let mut pin_in_clear = false;
        // A PIN written in clear by the animator is accepted once, then
        // kept only as its hash. If the file cannot be written (a root-owned
        // file), the kiosk works and the banner says the PIN is still readable.
        if let Ok(loaded) = &config
            && let Some(hashed) = loaded.with_hashed_pin()
        {
            pin_in_clear = settings::write_config(&hashed, &options.config_path).is_err();
            if !pin_in_clear {
                config = Ok(hashed);
            }
        }
        Self {
            config_path: options.config_path.clone(),
            config,
            panel: None,
            pin_lock: pin::PinLock::load(data_dir.map(|d| d.join(pin::LOCK_FILE_NAME))),
            pin_in_clear,
        }
    }

    /// `true` while a kiosk dialog is open (the editor then takes no shortcuts).
    pub fn is_busy(&self) -> bool {
        self.panel.is_some()
    }

    /// The built-in file dialog for `purpose`, jailed: writing only into the
    /// export folder, reading from the allowed folders. An error in words
    /// when the kiosk is not set up or the folder is missing.
    pub fn browser_for(
        &self,
        purpose: Purpose,
        name: String,
        i18n: &I18n,
    ) -> Result<FileBrowser, String> {
        let jail = self.jail_for(&purpose, i18n)?;
        let dir = jail.start_dir().map_err(|e| e.message(i18n, &jail))?;
        Ok(FileBrowser::new(purpose, dir, name).with_jail(jail))
    }

    /// Checks again, just before use, that a chosen `path` is inside the
    /// jail for `purpose` (defence in depth: the dialog already checked).
    pub fn check_chosen(&self, purpose: &Purpose, path: &Path, i18n: &I18n) -> Result<(), String> {
        let jail = self.jail_for(purpose, i18n)?;
        let folder = path.parent().unwrap_or(Path::new(""));
        match jail.resolve(folder, &path.to_string_lossy()) {
            Ok(_) => Ok(()),
            Err(error) => Err(error.message(i18n, &jail)),
        }
    }

    /// The one check of every kiosk write (save, save as, export; the
    /// autosave excepted, which writes only into its session folder):
    /// `path` must lie inside the export folder, links resolved. Import
    /// folders are read-only by construction: they are never the jail of a
    /// write. Returns the path with its folder's links resolved.
    pub fn writable_path(&self, path: &Path, i18n: &I18n) -> Result<PathBuf, String> {
        let jail = self.jail_for(&Purpose::Export(exporters::Format::LaserSvg), i18n)?;
        let folder = path.parent().unwrap_or(Path::new(""));
        jail.resolve(folder, &path.to_string_lossy())
            .map_err(|error| error.message(i18n, &jail))
    }

    /// Checks a file dropped on the window (read only).
    pub fn check_dropped(&self, path: &Path, i18n: &I18n) -> Result<(), String> {
        self.check_chosen(&Purpose::Import, path, i18n)
    }

    fn jail_for(&self, purpose: &Purpose, i18n: &I18n) -> Result<Jail, String> {
        let config = self
            .config
            .as_ref()
            .map_err(|_| i18n.tr("kiosk-files-off"))?;
        Ok(if purpose.is_save() {
            Jail::new(vec![config.export_folder.clone()])
        } else {
            Jail::new(config.read_folders())
        })
    }

    /// The export folder when the configuration is usable.
    pub fn export_folder(&self) -> Option<&Path> {
        self.config.as_ref().ok().map(|c| c.export_folder.as_path())
    }

    /// Opens the PIN dialog for `unlock`, or goes straight on when there
    /// is no valid configuration and hence no PIN (see the module docs).
    pub fn ask_pin(&mut self, unlock: Unlock) -> Option<Unlock> {
        if self.config.is_err() {
            return Some(unlock);
        }
        self.panel = Some(Panel::Pin(pin::PinDialog::new(unlock)));
        None
    }

    /// Checks a typed PIN; counts failures.
    pub fn try_pin(&mut self, typed: &str, now: SystemTime) -> pin::PinAnswer {
        let Ok(config) = &self.config else {
            return pin::PinAnswer::Right;
        };
        self.pin_lock.check(config.pin_matches(typed), now)
    }
}

/// The kiosk's session folder inside `data_dir`, emptied: nothing a
/// previous visitor left (an autosave after a power cut) survives a start
/// or a reset. `None` when there is no data folder (autosave is then off).
pub fn fresh_session_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    let dir = data_dir?.join(SESSION_DIR_NAME);
    // remove_dir_all removes a link itself, never what it points to.
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        // Cannot empty it: do not autosave there, rather than mix visitors.
        Err(_) => return None,
    }
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// The banner's text about the configuration: what is wrong and what the
/// animator should do; `None` when all is well.
pub fn banner_text(kiosk: &Kiosk, i18n: &I18n) -> Option<String> {
    let text = |key: &str, args: &[(&str, Arg)]| i18n.tr_args(key, args);
    let path = |p: &Path| Arg::Text(p.display().to_string());
    let problem = match &kiosk.config {
        Ok(config) => {
            let mut warnings = Vec::new();
            if !config.export_folder.is_dir() {
                warnings.push(text(
                    "kiosk-banner-export-missing",
                    &[("folder", path(&config.export_folder))],
                ));
            }
            if config::readable_by_others(&kiosk.config_path) {
                warnings.push(text(
                    "kiosk-banner-readable",
                    &[("file", path(&kiosk.config_path))],
                ));
            }
            if kiosk.pin_in_clear {
                warnings.push(text(
                    "kiosk-banner-pin-clear",
                    &[("file", path(&kiosk.config_path))],
                ));
            }
            return (!warnings.is_empty()).then(|| warnings.join(" "));
        }
        Err(ConfigError::Missing { path: p }) => text("kiosk-banner-missing", &[("file", path(p))]),
        Err(ConfigError::Unreadable { path: p, source }) => text(
            "kiosk-banner-unreadable",
            &[("file", path(p)), ("reason", Arg::Text(source.to_string()))],
        ),
        Err(ConfigError::Malformed {
            path: p,
            line,
            column,
            unknown_field,
            ..
        }) => text(
            "kiosk-banner-malformed",
            &[
                ("file", path(p)),
                ("line", Arg::Number(*line as f64)),
                ("column", Arg::Number(*column as f64)),
                (
                    "detail",
                    Arg::Text(unknown_field.as_ref().map_or_else(String::new, |field| {
                        text(
                            "kiosk-banner-malformed-field",
                            &[("field", Arg::Text(field.clone()))],
                        )
                    })),
                ),
            ],
        ),
        Err(ConfigError::Invalid { path: p, field }) => text(
            "kiosk-banner-invalid",
            &[
                ("file", path(p)),
                ("field", Arg::Text((*field).to_owned())),
                ("hint", Arg::Text(field_hint(field, i18n))),
            ],
        ),
    };
    Some(format!("{problem} {}", i18n.tr("kiosk-banner-unlocked")))
}

/// What a valid value of the configuration's `field` looks like.
fn field_hint(field: &str, i18n: &I18n) -> String {
    let machines: Vec<&str> = crate::model::machines::shipped()
        .all()
        .map(|m| m.id())
        .collect();
    i18n.tr_args(
        &format!("kiosk-hint-{field}"),
        &[
            ("machines", Arg::Text(machines.join(", "))),
            ("min", Arg::Number(config::MIN_PIN_CHARS as f64)),
        ],
    )
}

/// Sets the machine a new person starts with, and its mode (a 3D printer
/// starts in 3D mode).
pub fn start_machine(editor: &mut crate::model::editor::Editor, config: &KioskConfig) {
    let Some(id) = &config.machine else {
        return;
    };
    if let Some(machine) = crate::model::machines::shipped()
        .all()
        .find(|m| m.id() == id)
    {
        // A fresh document: setting its field is not an edit to undo.
        editor.document.machine_id = Some(machine.id().to_owned());
        editor.session.mode = machine.mode();
    }
}
