//! `fabrique kiosk-pin`: sets the animator's PIN of a kiosk. The PIN is read
//! from standard input (one line: `echo 2468 | fabrique kiosk-pin`, or typed
//! at the prompt) so it never shows in the shell's history or in `ps`, and
//! only its salted hash is written into the configuration file, which is
//! kept readable by its owner only. The file's other settings are kept; a
//! missing file is created with the PIN alone (the animator adds the export
//! folder, see the README's kiosk section).

use std::io::BufRead;
use std::path::PathBuf;

use super::CliError;
use crate::bounded_read::{ReadError, read_file};
use crate::ui::kiosk::config::{self, PinProblem, pin_problem};
use crate::ui::kiosk::{pin_hash, settings};

/// Arguments of `fabrique kiosk-pin`.
#[derive(Debug, clap::Args)]
pub struct KioskPinArgs {
    /// The kiosk's configuration file (default: where `fabrique --kiosk` looks).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Reads the PIN on standard input and writes its hash into the file.
pub fn run(args: &KioskPinArgs) -> Result<(), CliError> {
    let path = args.config.clone().unwrap_or_else(|| {
        config::location_from_environment(crate::model::autosave::default_data_dir().as_deref())
    });
    eprintln!("PIN:");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .take_line(&mut line)
        .map_err(|e| CliError::Read {
            path: PathBuf::from("-"),
            reason: e.to_string(),
        })?;
    set_pin(&path, &line)?;
    eprintln!("{}: PIN saved (hash only).", path.display());
    Ok(())
}

/// Writes the hash of `pin` into the configuration at `path`.
pub fn set_pin(path: &std::path::Path, pin: &str) -> Result<(), CliError> {
    if let Some(problem) = pin_problem(pin) {
        return Err(CliError::BadPin {
            trivial: problem == PinProblem::Trivial,
            min: config::MIN_PIN_CHARS,
        });
    }
    let mut object = match read_file(path, 64 * 1024) {
        Ok(bytes) => match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(serde_json::Value::Object(object)) => object,
            _ => {
                return Err(CliError::KioskConfig {
                    path: path.to_owned(),
                    reason: "not a JSON object".to_owned(),
                });
            }
        },
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(error) => {
            return Err(CliError::KioskConfig {
                path: path.to_owned(),
                reason: error.to_string(),
            });
        }
    };
    let hash = pin_hash::hash_pin(pin).ok_or_else(|| CliError::KioskConfig {
        path: path.to_owned(),
        reason: "no randomness for a salt".to_owned(),
    })?;
    object.remove("animator_pin");
    object.insert("animator_pin_hash".to_owned(), hash.into());
    let bytes = serde_json::to_vec_pretty(&object).unwrap_or_default();
    settings::write_config_bytes(&bytes, path).map_err(|error| CliError::KioskConfig {
        path: path.to_owned(),
        reason: match error {
            settings::WriteError::Link => "it is a link; edit the file it points to".to_owned(),
            settings::WriteError::Io(e) => e.to_string(),
        },
    })
}

/// One line of input, at most a few hundred bytes (a PIN, not a file).
trait TakeLine {
    fn take_line(&mut self, line: &mut String) -> std::io::Result<()>;
}

impl<R: BufRead> TakeLine for R {
    fn take_line(&mut self, line: &mut String) -> std::io::Result<()> {
        use std::io::Read as _;
        self.take(256).read_line(line).map(|_| ())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ui::kiosk::config::KioskConfig;

    #[test]
    fn the_pin_is_written_as_a_hash_keeping_the_other_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.json");
        std::fs::write(
            &path,
            r#"{"export_folder": "/media/cle", "animator_pin": "2468"}"#,
        )
        .unwrap();
        set_pin(&path, "8025\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // The PINs as values (a hex salt may hold their digits by chance).
        assert!(
            !text.contains("\"2468\"") && !text.contains("\"8025\""),
            "{text}"
        );
        let config = KioskConfig::load(&path).unwrap();
        assert_eq!(config.export_folder, PathBuf::from("/media/cle"));
        assert!(config.pin_matches("8025"));
        assert!(!config.pin_matches("2468"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn trivial_pins_and_broken_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.json");
        assert!(matches!(
            set_pin(&path, "1234"),
            Err(CliError::BadPin { trivial: true, .. })
        ));
        assert!(matches!(
            set_pin(&path, "12"),
            Err(CliError::BadPin { trivial: false, .. })
        ));
        assert!(!path.exists());
        set_pin(&path, "8025").unwrap();
        assert!(path.exists(), "a missing file is created");
        std::fs::write(&path, "[1, 2]").unwrap();
        assert!(matches!(
            set_pin(&path, "8025"),
            Err(CliError::KioskConfig { .. })
        ));
    }
}
