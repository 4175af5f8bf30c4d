//! The kiosk's configuration file, set by the lab's animator: where exports
//! go (usually a USB stick), the animator's PIN, the language and machine a
//! new person starts with, and the folders visitors may open files from.
//!
//! ```json
//! {
//!   "export_folder": "/media/fablab/CLE-USB",
//!   "animator_pin": "2468",
//!   "language": "fr",
//!   "machine": "epilog-zing-24",
//!   "import_folders": ["/home/kiosque/Modeles"]
//! }
//! ```
//!
//! Unknown fields are refused, so a typo (`"expor_folder"`) is reported
//! instead of silently ignored. Loading never panics: every problem is a
//! [`ConfigError`] the kiosk shows in its banner.
//!
//! Current limitations: the PIN is stored in plain text. It keeps visitors
//! out of the settings and the Quit button, not someone with a terminal;
//! make the file readable only by the kiosk's account (or root).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ui::i18n::Language;
use crate::ui::machines::shipped;

/// Environment variable naming the configuration file.
pub const CONFIG_ENV: &str = "FABRIQUE_KIOSK_CONFIG";

/// The system-wide place, where a lab's installer puts it.
#[cfg(not(windows))]
pub const SYSTEM_CONFIG: &str = "/etc/fabrique/kiosk.json";
/// The system-wide place, where a lab's installer puts it (Windows keeps
/// machine-wide settings in ProgramData).
#[cfg(windows)]
pub const SYSTEM_CONFIG: &str = r"C:\ProgramData\Fabrique\kiosk.json";

/// The file name in the user's data folder (the last place looked at).
pub const CONFIG_FILE_NAME: &str = "kiosk.json";

/// Shortest PIN accepted: fewer digits are guessed by a bored teenager.
pub const MIN_PIN_CHARS: usize = 4;

/// Largest configuration file read: a real one is a few hundred bytes.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// The animator's settings, as written in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskConfig {
    /// The only folder exports and saved projects are written to.
    pub export_folder: PathBuf,
    /// Unlocks the animator's settings and Quit.
    pub animator_pin: String,
    /// Language a new person starts in: `"fr"` or `"en"` (French if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Machine a new person starts with (an id of the top bar's list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<String>,
    /// Folders visitors may open and import from, besides the export folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_folders: Vec<PathBuf>,
}

/// Why the configuration cannot be used. Variants carry data; the kiosk
/// banner turns them into words and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No file at the place looked at.
    #[error("no kiosk configuration at {path}")]
    Missing {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The file exists but cannot be read.
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// Not the JSON we expect (syntax error, unknown or missing field).
    #[error("{path}: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// serde's message, with line and column.
        reason: String,
    },
    /// A value is present but unusable.
    #[error("{path}: {field} is not valid")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Which setting.
        field: &'static str,
    },
}

impl KioskConfig {
    /// Reads and checks the file at `path`.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let bytes = read_small(path)?;
        Self::from_json(path, &bytes)
    }

    /// Parses and checks configuration text (`path` is for messages).
    pub fn from_json(path: &Path, bytes: &[u8]) -> Result<Self, ConfigError> {
        let config: KioskConfig =
            serde_json::from_slice(bytes).map_err(|e| ConfigError::Malformed {
                path: path.to_owned(),
                reason: e.to_string(),
            })?;
        let invalid = |field| ConfigError::Invalid {
            path: path.to_owned(),
            field,
        };
        if config.animator_pin.trim().chars().count() < MIN_PIN_CHARS {
            return Err(invalid("animator_pin"));
        }
        // A relative folder would depend on where the kiosk was started from.
        if !config.export_folder.is_absolute() {
            return Err(invalid("export_folder"));
        }
        if config.import_folders.iter().any(|f| !f.is_absolute()) {
            return Err(invalid("import_folders"));
        }
        if config.language.is_some() && config.start_language().is_none() {
            return Err(invalid("language"));
        }
        if let Some(machine) = &config.machine
            && !shipped().all().any(|m| m.id == *machine)
        {
            return Err(invalid("machine"));
        }
        Ok(config)
    }

    /// The language a new person starts in; `None` when the name is unknown.
    pub fn start_language(&self) -> Option<Language> {
        match self.language.as_deref() {
            None => Some(Language::French),
            Some(name) => Language::from_locale(name.trim()),
        }
    }

    /// `true` when `typed` is the animator's PIN (spaces around are ignored).
    pub fn pin_matches(&self, typed: &str) -> bool {
        !typed.trim().is_empty() && typed.trim() == self.animator_pin.trim()
    }

    /// The folders files may be opened from: import folders, then the
    /// export folder (people reopen what they saved there).
    pub fn read_folders(&self) -> Vec<PathBuf> {
        let mut folders = self.import_folders.clone();
        if !folders.contains(&self.export_folder) {
            folders.push(self.export_folder.clone());
        }
        folders
    }

    /// The file's text, to write the animator's changes back.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing plain strings and paths cannot fail; keep it total anyway.
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

fn read_small(path: &Path) -> Result<Vec<u8>, ConfigError> {
    use std::io::Read as _;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ConfigError::Missing {
                path: path.to_owned(),
            });
        }
        Err(source) => {
            return Err(ConfigError::Unreadable {
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|source| ConfigError::Unreadable {
            path: path.to_owned(),
            source,
        })?;
    Ok(bytes)
}

/// Where the configuration is read from when `--kiosk-config` is not given:
/// `$FABRIQUE_KIOSK_CONFIG`, else [`SYSTEM_CONFIG`] when it exists, else
/// `kiosk.json` in the data folder (`None`: no data folder either).
pub fn default_location(
    env_value: Option<OsString>,
    system_exists: bool,
    data_dir: Option<&Path>,
) -> Option<PathBuf> {
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(value));
    }
    if system_exists {
        return Some(PathBuf::from(SYSTEM_CONFIG));
    }
    data_dir.map(|d| d.join(CONFIG_FILE_NAME))
}

/// [`default_location`] on this machine.
pub fn location_from_environment(data_dir: Option<&Path>) -> PathBuf {
    default_location(
        std::env::var_os(CONFIG_ENV),
        Path::new(SYSTEM_CONFIG).exists(),
        data_dir,
    )
    .unwrap_or_else(|| PathBuf::from(SYSTEM_CONFIG))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[track_caller]
    fn parse(text: &str) -> Result<KioskConfig, ConfigError> {
        KioskConfig::from_json(Path::new("kiosk.json"), text.as_bytes())
    }

    #[track_caller]
    fn invalid_field(text: &str) -> &'static str {
        match parse(text) {
            Err(ConfigError::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_full_config_is_read() {
        let config = parse(
            r#"{"export_folder": "/media/cle", "animator_pin": " 2468 ",
                "language": "en", "machine": "prusa-mk4",
                "import_folders": ["/srv/modeles"]}"#,
        )
        .unwrap();
        assert_eq!(config.start_language(), Some(Language::English));
        assert!(config.pin_matches("2468"));
        assert!(!config.pin_matches("1234"));
        assert!(!config.pin_matches(""));
        assert_eq!(
            config.read_folders(),
            vec![PathBuf::from("/srv/modeles"), PathBuf::from("/media/cle")]
        );
        let again = KioskConfig::from_json(Path::new("k"), &config.to_json()).unwrap();
        assert_eq!(again, config);
    }

    #[test]
    fn the_smallest_config_starts_in_french() {
        let config = parse(r#"{"export_folder": "/media/cle", "animator_pin": "0000"}"#).unwrap();
        assert_eq!(config.start_language(), Some(Language::French));
        assert_eq!(config.machine, None);
    }

    #[test]
    fn malformed_files_are_errors_with_the_place() {
        for text in [
            "",
            "{",
            r#"{"export_folder": "/media/cle"}"#,
            r#"{"expor_folder": "/m", "animator_pin": "1234"}"#,
            r#"{"export_folder": 3, "animator_pin": "1234"}"#,
        ] {
            match parse(text) {
                Err(ConfigError::Malformed { reason, .. }) => assert!(!reason.is_empty()),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn unusable_values_name_their_field() {
        let cases = [
            (
                r#"{"export_folder": "/m", "animator_pin": "12"}"#,
                "animator_pin",
            ),
            (
                r#"{"export_folder": "cle", "animator_pin": "1234"}"#,
                "export_folder",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "1234", "import_folders": ["x"]}"#,
                "import_folders",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "1234", "language": "de"}"#,
                "language",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "1234", "machine": "nope"}"#,
                "machine",
            ),
        ];
        for (text, field) in cases {
            assert_eq!(invalid_field(text), field, "{text}");
        }
    }

    #[test]
    fn a_missing_file_is_reported_as_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.json");
        assert!(matches!(
            KioskConfig::load(&path),
            Err(ConfigError::Missing { .. })
        ));
    }

    #[test]
    fn the_location_follows_env_then_system_then_data_dir() {
        let data = Path::new("/home/k/.local/share/fabrique");
        let env = Some(OsString::from("/tmp/k.json"));
        assert_eq!(
            default_location(env, true, Some(data)),
            Some("/tmp/k.json".into())
        );
        assert_eq!(
            default_location(Some(OsString::new()), true, Some(data)),
            Some(SYSTEM_CONFIG.into())
        );
        assert_eq!(
            default_location(None, false, Some(data)),
            Some(data.join("kiosk.json"))
        );
        assert_eq!(default_location(None, false, None), None);
    }
}
