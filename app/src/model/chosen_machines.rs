//! The machine a person chose for each mode, kept across "New", tutorials,
//! switching Laser ↔ 3D and restarts: a lab that uses a Prusa MK4 never sees
//! it turn into a Bambu A1 mini because a new drawing was started. Kept in
//! `chosen-machines.json` in the data folder (a kiosk keeps nothing: its
//! animator's configuration says which machine each visitor starts with).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::session::Mode;

/// Name of the file in the data folder.
pub const FILE_NAME: &str = "chosen-machines.json";

/// The last machine chosen for each mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChosenMachines {
    /// The laser's id.
    #[serde(default)]
    pub laser: Option<String>,
    /// The 3D printer's id.
    #[serde(default)]
    pub printer: Option<String>,
    #[serde(skip)]
    file: Option<PathBuf>,
}

impl ChosenMachines {
    /// The choices kept in `data_dir` (none: remembered until Fabrique closes).
    pub fn load(data_dir: Option<&Path>) -> Self {
        let file = data_dir.map(|d| d.join(FILE_NAME));
        let mut chosen: Self = file
            .as_deref()
            .and_then(|f| crate::bounded_read::read_file(f, 4096).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        chosen.file = file;
        chosen
    }

    /// The machine chosen for `mode`, if any.
    pub fn get(&self, mode: Mode) -> Option<&str> {
        match mode {
            Mode::Laser => self.laser.as_deref(),
            Mode::Print3d => self.printer.as_deref(),
        }
    }

    /// Remembers `id` for `mode` and keeps it on disk.
    pub fn set(&mut self, mode: Mode, id: &str) {
        let slot = match mode {
            Mode::Laser => &mut self.laser,
            Mode::Print3d => &mut self.printer,
        };
        if slot.as_deref() == Some(id) {
            return;
        }
        *slot = Some(id.to_owned());
        if let Some(file) = &self.file {
            use exporters::atomic_write::{Access, Existing, write_file};
            let bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
            // A read-only data folder: remembered until Fabrique closes.
            let _ = write_file(file, &bytes, Existing::Replace, Access::Shared, || true);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_kept_per_mode_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let mut chosen = ChosenMachines::load(Some(dir.path()));
        assert_eq!(chosen.get(Mode::Print3d), None);
        chosen.set(Mode::Print3d, "prusa-mk4");
        chosen.set(Mode::Laser, "xtool-p2");
        let again = ChosenMachines::load(Some(dir.path()));
        assert_eq!(again.get(Mode::Print3d), Some("prusa-mk4"));
        assert_eq!(again.get(Mode::Laser), Some("xtool-p2"));
    }
}
