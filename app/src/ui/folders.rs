//! Where Fabrique keeps its files on this computer, through the
//! `directories` crate so the same code follows each system's habit:
//!
//! | folder | Linux (XDG) | Windows | macOS |
//! |---|---|---|---|
//! | data: autosave, the lab's `machines/`, a kiosk's `kiosk.json` | `$XDG_DATA_HOME/fabrique`, else `~/.local/share/fabrique` | `%APPDATA%\Fabrique\Fabrique\data` | `~/Library/Application Support/fr.Fabrique.Fabrique` |
//! | configuration: the reading settings | `$XDG_CONFIG_HOME/fabrique`, else `~/.config/fabrique` | `%APPDATA%\Fabrique\Fabrique\config` | same as data |
//!
//! `$FABRIQUE_DATA_DIR` puts both in one folder: tests, kiosks, and a copy
//! of Fabrique carried on a USB stick. The Linux data folder is the one
//! Fabrique used before this module, so earlier autosaves are still found.
//!
//! Current limitations: the autosave stays in the data folder, which on
//! Windows is the roaming profile (a school's network profile carries it
//! from machine to machine).

use std::path::PathBuf;

use directories::ProjectDirs;

/// Environment variable that puts every folder of Fabrique in one place.
pub const DATA_DIR_ENV: &str = "FABRIQUE_DATA_DIR";

/// The folders of this user (none: no home folder, e.g. a locked-down
/// service account; the app then works without autosave or settings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folders {
    /// Autosave, the lab's machine profiles, a kiosk's configuration.
    pub data: Option<PathBuf>,
    /// The user's settings.
    pub config: Option<PathBuf>,
}

impl Folders {
    /// This user's folders: `$FABRIQUE_DATA_DIR` when set, else the
    /// system's places for an app called Fabrique.
    pub fn from_environment() -> Self {
        let overridden = std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        Self::choose(overridden, ProjectDirs::from("fr", "Fabrique", "Fabrique"))
    }

    /// Every folder in `dir`.
    pub fn all_in(dir: PathBuf) -> Self {
        Self {
            data: Some(dir.clone()),
            config: Some(dir),
        }
    }

    fn choose(overridden: Option<PathBuf>, system: Option<ProjectDirs>) -> Self {
        match (overridden, system) {
            (Some(dir), _) => Self::all_in(dir),
            (None, Some(system)) => Self {
                data: Some(system.data_dir().to_owned()),
                config: Some(system.config_dir().to_owned()),
            },
            (None, None) => Self {
                data: None,
                config: None,
            },
        }
    }
}

/// The user's home folder, where file dialogs start when no project says
/// better (none: no home folder).
pub fn home() -> Option<PathBuf> {
    directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_override_holds_every_folder() {
        let dir = PathBuf::from("stick");
        let system = ProjectDirs::from("fr", "Fabrique", "Fabrique");
        assert_eq!(
            Folders::choose(Some(dir.clone()), system),
            Folders::all_in(dir)
        );
    }

    #[test]
    fn without_home_there_is_no_folder() {
        let none = Folders::choose(None, None);
        assert_eq!(none.data, None);
        assert_eq!(none.config, None);
    }

    /// The data folder is where Fabrique has always looked on Linux, so an
    /// update finds the autosave and the lab's machines of the last version.
    #[cfg(target_os = "linux")]
    #[test]
    fn on_linux_the_folders_follow_xdg() {
        let system = ProjectDirs::from("fr", "Fabrique", "Fabrique").expect("a home folder");
        let folders = Folders::choose(None, Some(system));
        let data = folders.data.expect("data");
        let config = folders.config.expect("config");
        assert!(data.ends_with("fabrique"), "{data:?}");
        assert!(config.ends_with("fabrique"), "{config:?}");
        let xdg_or = |var: &str, fallback: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .unwrap_or_else(|| home().expect("home").join(fallback))
        };
        assert_eq!(
            data,
            xdg_or("XDG_DATA_HOME", ".local/share").join("fabrique")
        );
        assert_eq!(
            config,
            xdg_or("XDG_CONFIG_HOME", ".config").join("fabrique")
        );
    }
}
