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
//! The PIN is kept as a salted hash (`animator_pin_hash`, written by
//! `fabrique kiosk-pin`, see [`super::pin_hash`]); a plain `animator_pin`
//! is accepted once and replaced by its hash when the kiosk starts. The
//! folders must be ordinary folders outside the system tree, and the PIN
//! at least 4 characters and not a trivial one (0000, 1234…).
//!
//! Current limitations: the PIN keeps visitors out of the settings and the
//! Quit button, not someone with a terminal; make the file readable only
//! by the kiosk's account (the banner warns when others can read it). The
//! system-folder check knows Linux's tree only.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::model::machines::shipped;

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
    /// The PIN in plain text, as an animator may first write it; replaced
    /// by [`Self::animator_pin_hash`] at the first start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animator_pin: Option<String>,
    /// The PIN's salted hash ([`super::pin_hash`]); unlocks the settings and Quit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animator_pin_hash: Option<String>,
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
        /// serde's message, with line and column (English, for the log).
        reason: String,
        /// Where the mistake is, 1-based.
        line: usize,
        /// Column of the mistake, 1-based.
        column: usize,
        /// A setting name that does not exist (a typo), if that is the mistake.
        unknown_field: Option<String>,
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
                line: e.line(),
                column: e.column(),
                unknown_field: unknown_field(&e.to_string()),
            })?;
        let invalid = |field| ConfigError::Invalid {
            path: path.to_owned(),
            field,
        };
        match (&config.animator_pin, &config.animator_pin_hash) {
            (_, Some(hash)) if !super::pin_hash::is_well_formed(hash) => {
                return Err(invalid("animator_pin_hash"));
            }
            (None, None) => return Err(invalid("animator_pin")),
            (Some(pin), _) if pin_problem(pin).is_some() => return Err(invalid("animator_pin")),
            _ => {}
        }
        if !is_usable_folder(&config.export_folder) {
            return Err(invalid("export_folder"));
        }
        if !config.import_folders.iter().all(|f| is_usable_folder(f)) {
            return Err(invalid("import_folders"));
        }
        if config.language.is_some() && config.start_language().is_none() {
            return Err(invalid("language"));
        }
        if let Some(machine) = &config.machine
            && !shipped().all().any(|m| m.id() == machine.as_str())
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
        if typed.trim().is_empty() {
            return false;
        }
        match (&self.animator_pin_hash, &self.animator_pin) {
            (Some(hash), _) => super::pin_hash::verify(typed, hash),
            (None, Some(pin)) => typed.trim() == pin.trim(),
            (None, None) => false,
        }
    }

    /// The same configuration with a plain PIN replaced by its hash;
    /// `None` when there is no plain PIN (or no randomness for a salt).
    pub fn with_hashed_pin(&self) -> Option<KioskConfig> {
        let pin = self.animator_pin.as_deref()?;
        let mut hashed = self.clone();
        hashed.animator_pin_hash = Some(super::pin_hash::hash_pin(pin)?);
        hashed.animator_pin = None;
        Some(hashed)
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

/// The name in serde's "unknown field `expor_folder`, expected …".
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// Why a PIN is refused, if it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// Fewer than [`MIN_PIN_CHARS`] characters.
    TooShort,
    /// One a visitor tries first: one repeated character (0000), a run
    /// (1234, 9876), a repeated pair (1212).
    Trivial,
}

/// Why `pin` cannot be the animator's PIN; `None` when it can.
pub fn pin_problem(pin: &str) -> Option<PinProblem> {
    let chars: Vec<char> = pin.trim().chars().collect();
    if chars.len() < MIN_PIN_CHARS {
        return Some(PinProblem::TooShort);
    }
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| i64::from(u32::from(w[1])) - i64::from(u32::from(w[0])))
        .collect();
    let one_step = steps.iter().all(|&d| d == steps[0]) && steps[0].abs() <= 1;
    let repeated_pair = chars.len().is_multiple_of(2) && chars.chunks(2).all(|c| c == &chars[..2]);
    (one_step || repeated_pair).then_some(PinProblem::Trivial)
}

/// Folders of the system itself: a kiosk reading or writing there would
/// open the machine to visitors (`/etc/passwd` through Import, a file
/// written into `/usr`).
const SYSTEM_FOLDERS: [&str; 17] = [
    "/etc", "/root", "/proc", "/sys", "/dev", "/boot", "/usr", "/var", "/bin", "/sbin", "/lib",
    "/lib32", "/lib64", "/libx32", "/opt", "/run", "/snap",
];

/// USB sticks are mounted here on some systems (udisks2): allowed.
const REMOVABLE_MEDIA: &str = "/run/media";

/// `true` for a full path, without `..`, outside the system tree (links
/// resolved when the folder exists).
pub fn is_usable_folder(folder: &Path) -> bool {
    use std::path::Component;
    // A relative folder would depend on where the kiosk was started from.
    if !folder.is_absolute() || folder.components().any(|c| c == Component::ParentDir) {
        return false;
    }
    let outside_system = |path: &Path| {
        path.parent().is_some()
            && (path.starts_with(REMOVABLE_MEDIA)
                || !SYSTEM_FOLDERS.iter().any(|system| path.starts_with(system)))
    };
    outside_system(folder)
        && std::fs::canonicalize(folder).map_or(true, |real| outside_system(&real))
}

/// `true` when accounts other than the owner (and its group) can read the
/// file at `path`: the banner then tells the animator to `chmod 600` it.
// Off Unix there is no "others may read" bit to test: `path` goes unread.
#[cfg_attr(not(unix), allow(unused_variables))]
pub fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o004 != 0)
    }
    #[cfg(not(unix))]
    {
        false
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
        let config = parse(r#"{"export_folder": "/media/cle", "animator_pin": "2468"}"#).unwrap();
        assert_eq!(config.start_language(), Some(Language::French));
        assert_eq!(config.machine, None);
    }

    #[test]
    fn malformed_files_are_errors_with_the_place() {
        for text in [
            "",
            "{",
            r#"{"expor_folder": "/m", "animator_pin": "1234"}"#,
            r#"{"export_folder": 3, "animator_pin": "1234"}"#,
        ] {
            match parse(text) {
                Err(ConfigError::Malformed { reason, line, .. }) => {
                    assert!(!reason.is_empty());
                    assert_eq!(line, 1);
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_typo_in_a_setting_name_is_named() {
        match parse(r#"{"expor_folder": "/m", "animator_pin": "2468"}"#) {
            Err(ConfigError::Malformed { unknown_field, .. }) => {
                assert_eq!(unknown_field.as_deref(), Some("expor_folder"));
            }
            other => panic!("{other:?}"),
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
                r#"{"export_folder": "cle", "animator_pin": "2468"}"#,
                "export_folder",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "2468", "import_folders": ["x"]}"#,
                "import_folders",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "2468", "language": "de"}"#,
                "language",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "1234", "machine": "nope"}"#,
                "animator_pin",
            ),
            (
                r#"{"export_folder": "/m", "animator_pin": "2468", "machine": "nope"}"#,
                "machine",
            ),
            (r#"{"export_folder": "/m"}"#, "animator_pin"),
            (
                r#"{"export_folder": "/m", "animator_pin_hash": "2468"}"#,
                "animator_pin_hash",
            ),
        ];
        for (text, field) in cases {
            assert_eq!(invalid_field(text), field, "{text}");
        }
    }

    #[test]
    fn system_folders_are_refused() {
        for folder in [
            "/",
            "/etc",
            "/root",
            "/proc/self",
            "/usr/share",
            "/var/tmp",
            "/run/user",
        ] {
            assert!(!is_usable_folder(Path::new(folder)), "{folder}");
            let text = format!(r#"{{"export_folder": "{folder}", "animator_pin": "2468"}}"#);
            assert_eq!(invalid_field(&text), "export_folder", "{folder}");
            let text = format!(
                r#"{{"export_folder": "/media/cle", "animator_pin": "2468", "import_folders": ["/srv/m", "{folder}"]}}"#
            );
            assert_eq!(invalid_field(&text), "import_folders", "{folder}");
        }
        for folder in [
            "/media/fablab/CLE",
            "/home/kiosque/Modeles",
            "/run/media/k/CLE",
            "/srv/m",
        ] {
            assert!(is_usable_folder(Path::new(folder)), "{folder}");
        }
        assert!(!is_usable_folder(Path::new("/media/../etc")));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_the_system_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("cle");
        std::os::unix::fs::symlink("/etc", &link).unwrap();
        assert!(!is_usable_folder(&link));
    }

    #[test]
    fn trivial_pins_are_refused() {
        for pin in [
            "0000", "1111", "1234", "4321", "0123", "9876", "1212", "123456", "abcd", "12",
        ] {
            assert!(pin_problem(pin).is_some(), "{pin}");
        }
        for pin in ["2468", "1357", "8025", "271828", "1123"] {
            assert_eq!(pin_problem(pin), None, "{pin}");
        }
    }

    #[test]
    fn a_plain_pin_becomes_a_hash_that_still_unlocks() {
        let config = parse(r#"{"export_folder": "/media/cle", "animator_pin": "2468"}"#).unwrap();
        let hashed = config.with_hashed_pin().unwrap();
        assert_eq!(hashed.animator_pin, None);
        let text = String::from_utf8(hashed.to_json()).unwrap();
        assert!(
            !text.contains("\"2468\"") && !text.contains("\"animator_pin\""),
            "{text}"
        );
        let again = KioskConfig::from_json(Path::new("k"), text.as_bytes()).unwrap();
        assert!(again.pin_matches("2468"));
        assert!(!again.pin_matches("2469"));
        assert!(again.with_hashed_pin().is_none(), "already hashed");
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
