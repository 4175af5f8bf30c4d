//! The lab's machines: laser cutters and 3D printers as plain data.
//!
//! Fabrique ships the machines most French fablabs have (Epilog Zing 24,
//! xTool P2 and S1, Bambu A1 mini, Prusa MK4, Creality Ender-3) plus a
//! `generic-laser` and a `generic-printer`, as JSON files in
//! `assets/machines/` compiled into the binary (it works from a USB stick,
//! with no install). A lab adds or corrects its own machines by dropping
//! `*.json` files in a folder read by [`load_dir`]; a lab file with the id
//! of a shipped machine replaces it.
//!
//! A file is one machine, tagged by `kind`:
//!
//! ```json
//! { "kind": "printer", "id": "ender-3", "name": "Creality Ender-3",
//!   "bed_mm": [220, 220, 250], "nozzle_mm": 0.4 }
//! ```
//!
//! `generic` (the laser command's default) is an alias of `generic-laser`.
//!
//! Current limitations: one material thickness per laser (labs with
//! several stocks need one profile each); no per-material kerf.

mod printer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::profile::{LaserProfile, ProfileError};
pub use printer::{PrinterProfile, PrinterProfileError};

/// One machine of the lab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Machine {
    /// A laser cutter / engraver.
    Laser(LaserProfile),
    /// A 3D printer.
    Printer(PrinterProfile),
}

impl Machine {
    /// The machine's stable id.
    pub fn id(&self) -> &str {
        match self {
            Machine::Laser(p) => &p.id,
            Machine::Printer(p) => &p.id,
        }
    }

    /// The name shown to the user.
    pub fn name(&self) -> &str {
        match self {
            Machine::Laser(p) => &p.name,
            Machine::Printer(p) => &p.name,
        }
    }

    /// The same machine under another name (the user's language's, for
    /// the shipped generic profiles).
    pub fn with_name(mut self, name: String) -> Self {
        match &mut self {
            Machine::Laser(p) => p.name = name,
            Machine::Printer(p) => p.name = name,
        }
        self
    }

    /// The bed, mm: width, depth and build height (0 for a laser).
    pub fn bed_mm(&self) -> (f64, f64, f64) {
        match self {
            Machine::Laser(p) => (p.bed_mm.0, p.bed_mm.1, 0.0),
            Machine::Printer(p) => p.bed_mm,
        }
    }

    /// Checks every value of the profile.
    pub fn validate(&self) -> Result<(), MachineProblem> {
        match self {
            Machine::Laser(p) => p.validate().map_err(MachineProblem::Laser),
            Machine::Printer(p) => p.validate().map_err(MachineProblem::Printer),
        }
    }
}

/// What is wrong with the values of a machine profile.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MachineProblem {
    /// A laser value.
    #[error(transparent)]
    Laser(ProfileError),
    /// A printer value.
    #[error(transparent)]
    Printer(PrinterProfileError),
}

/// Why a lab's machine file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum MachineFileError {
    /// The folder or the file could not be read.
    #[error("cannot read {path}: {kind}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        kind: std::io::ErrorKind,
    },
    /// Not a machine in JSON (syntax, missing field, unknown kind).
    #[error("{path} is not a machine profile: {detail}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What serde said (line and column included).
        detail: String,
    },
    /// A machine whose values would give wrong checks or files.
    #[error("{path}: {problem}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The value at fault.
        problem: MachineProblem,
    },
}

/// Id accepted for `generic-laser`, the laser command's historic default.
pub const GENERIC_ALIAS: &str = "generic";

/// The shipped profiles: file name and contents.
const BUILTIN: [(&str, &str); 8] = [
    (
        "epilog-zing-24.json",
        include_str!("../../../assets/machines/epilog-zing-24.json"),
    ),
    (
        "xtool-p2.json",
        include_str!("../../../assets/machines/xtool-p2.json"),
    ),
    (
        "xtool-s1.json",
        include_str!("../../../assets/machines/xtool-s1.json"),
    ),
    (
        "generic-laser.json",
        include_str!("../../../assets/machines/generic-laser.json"),
    ),
    (
        "bambu-a1-mini.json",
        include_str!("../../../assets/machines/bambu-a1-mini.json"),
    ),
    (
        "prusa-mk4.json",
        include_str!("../../../assets/machines/prusa-mk4.json"),
    ),
    (
        "ender-3.json",
        include_str!("../../../assets/machines/ender-3.json"),
    ),
    (
        "generic-printer.json",
        include_str!("../../../assets/machines/generic-printer.json"),
    ),
];

/// Parses and validates one machine file's text (`path` is only for errors).
pub fn parse(path: &Path, text: &str) -> Result<Machine, MachineFileError> {
    let machine: Machine = serde_json::from_str(text).map_err(|e| MachineFileError::Parse {
        path: path.to_owned(),
        detail: e.to_string(),
    })?;
    machine
        .validate()
        .map_err(|problem| MachineFileError::Invalid {
            path: path.to_owned(),
            problem,
        })?;
    Ok(machine)
}

/// Every shipped machine, lasers first. A shipped file that does not parse
/// is our bug: it is left out (and a unit test fails) rather than panicking.
pub fn all_machines() -> Vec<Machine> {
    BUILTIN
        .iter()
        .filter_map(|(name, text)| parse(Path::new(name), text).ok())
        .collect()
}

/// The shipped machine called `id` (`generic` is `generic-laser`).
pub fn find(id: &str) -> Option<Machine> {
    find_in(&all_machines(), id)
}

/// The machine called `id` in `machines` (`generic` is `generic-laser`).
pub fn find_in(machines: &[Machine], id: &str) -> Option<Machine> {
    let id = if id == GENERIC_ALIAS {
        "generic-laser"
    } else {
        id
    };
    machines.iter().find(|m| m.id() == id).cloned()
}

/// What a lab folder gave: the machines that loaded, and why others did not.
#[derive(Debug, Default)]
pub struct LabMachines {
    /// The valid machines, in file-name order.
    pub machines: Vec<Machine>,
    /// One error per file (or for the folder) that could not be used.
    pub errors: Vec<MachineFileError>,
}

/// Largest machine file read, bytes: a profile is a few hundred bytes.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// Reads every `*.json` file of `dir` as a machine. A missing folder gives
/// no machine and no error (most labs add none); a broken file is reported
/// and skipped, so one typo does not hide the lab's other machines.
pub fn load_dir(dir: &Path) -> LabMachines {
    let mut lab = LabMachines::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return lab,
        Err(e) => {
            lab.errors.push(MachineFileError::Read {
                path: dir.to_owned(),
                kind: e.kind(),
            });
            return lab;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect();
    paths.sort();
    for path in paths {
        match read_small(&path).and_then(|text| parse(&path, &text)) {
            Ok(machine) => lab.machines.push(machine),
            Err(error) => lab.errors.push(error),
        }
    }
    lab
}

fn read_small(path: &Path) -> Result<String, MachineFileError> {
    let read_error = |e: std::io::Error| MachineFileError::Read {
        path: path.to_owned(),
        kind: e.kind(),
    };
    let len = std::fs::metadata(path).map_err(read_error)?.len();
    if len > MAX_FILE_BYTES {
        return Err(MachineFileError::Parse {
            path: path.to_owned(),
            detail: format!("{len} bytes is too large for a machine profile"),
        });
    }
    std::fs::read_to_string(path).map_err(read_error)
}

/// The shipped machines with the lab's own from `dir` (a lab machine with
/// a shipped id replaces it), and the lab files that could not be used.
pub fn all_machines_with_lab(dir: &Path) -> (Vec<Machine>, Vec<MachineFileError>) {
    let mut machines = all_machines();
    let lab = load_dir(dir);
    for machine in lab.machines {
        match machines.iter_mut().find(|m| m.id() == machine.id()) {
            Some(slot) => *slot = machine,
            None => machines.push(machine),
        }
    }
    (machines, lab.errors)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
