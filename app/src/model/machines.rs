//! The lab's machines as the editor sees them: the real profiles of
//! `exporters::machines` (the ones shipped in `assets/machines/` plus the
//! lab's own `*.json` files in `machines/` inside the app's data folder),
//! reduced to what the canvas and the 3D preview draw — a name and a bed.
//!
//! A broken lab file never stops the app: it is left out and
//! [`MachineList::load`] returns one translated-ready error per file, which
//! the app shows in the status line.
//!
//! Current limitations: the list is read once at start; a lab that edits
//! its files must restart Fabrique to see them.

use std::path::{Path, PathBuf};

use exporters::machines::{self as profiles, MachineFileError};

use super::session::Mode;

/// Name of the lab's machine folder inside the app's data folder.
pub const LAB_FOLDER: &str = "machines";

pub use exporters::machines::Machine;

/// What the editor asks of a machine besides its profile: its kind as a
/// [`Mode`], its bed, and its name in the user's language.
pub trait MachineView {
    /// Laser cutter or 3D printer.
    fn mode(&self) -> Mode;
    /// Bed width, mm.
    fn width(&self) -> f64;
    /// Bed depth, mm.
    fn depth(&self) -> f64;
    /// Build height, mm (0 for lasers).
    fn height(&self) -> f64;
    /// The name to show in `i18n`'s language: a product name as it is,
    /// the shipped generic profiles translated ("Laser générique").
    fn display_name(&self, i18n: &crate::i18n::I18n) -> String;
}

impl MachineView for Machine {
    fn mode(&self) -> Mode {
        match self {
            Machine::Laser(_) => Mode::Laser,
            Machine::Printer(_) => Mode::Print3d,
        }
    }

    fn width(&self) -> f64 {
        self.bed_mm().0
    }

    fn depth(&self) -> f64 {
        self.bed_mm().1
    }

    fn height(&self) -> f64 {
        self.bed_mm().2
    }

    fn display_name(&self, i18n: &crate::i18n::I18n) -> String {
        let key = format!("machine-name-{}", self.id());
        let translated = i18n.tr(&key);
        if translated == key {
            self.name().to_owned()
        } else {
            translated
        }
    }
}

/// Used only if no profile of `mode` loaded at all (a broken build): the
/// generic profiles, so the canvas still has a sheet.
fn fallback(mode: Mode) -> Machine {
    match mode {
        Mode::Laser => Machine::Laser(exporters::profile::LaserProfile::generic()),
        Mode::Print3d => Machine::Printer(profiles::PrinterProfile::generic()),
    }
}

/// Every machine the editor offers, lasers and printers, in the profiles' order.
#[derive(Clone, Debug, PartialEq)]
pub struct MachineList {
    machines: Vec<Machine>,
}

impl Default for MachineList {
    /// The shipped machines only.
    fn default() -> Self {
        Self::from_profiles(&profiles::all_machines())
    }
}

impl MachineList {
    fn from_profiles(list: &[profiles::Machine]) -> Self {
        Self {
            machines: list.to_vec(),
        }
    }

    /// The full profile of machine `id` (kerf, colours, nozzle…).
    pub fn profile(&self, id: &str) -> Option<&Machine> {
        self.machines.iter().find(|m| m.id() == id)
    }

    /// The shipped machines and the lab's own from `data_dir/machines`
    /// (none when there is no data folder), with the lab files that could
    /// not be used.
    pub fn load(data_dir: Option<&Path>) -> (Self, Vec<MachineFileError>) {
        match data_dir {
            Some(dir) => {
                let (list, errors) = profiles::all_machines_with_lab(&lab_dir(dir));
                (Self::from_profiles(&list), errors)
            }
            None => (Self::default(), Vec::new()),
        }
    }

    /// The machines of one kind, for the machine menu.
    pub fn of_mode(&self, mode: Mode) -> impl Iterator<Item = &Machine> {
        self.machines.iter().filter(move |m| m.mode() == mode)
    }

    /// The machine the document uses in its current mode, with its whole
    /// profile: what the canvas shows, the check judges and export writes for.
    pub fn of_document(&self, editor: &super::editor::Editor) -> Machine {
        self.machine_for(editor.document.machine_id.as_deref(), editor.session.mode)
    }

    /// The machine for `mode`: the document's one when it suits the mode
    /// (the document keeps one id for both modes), else the first of that kind.
    pub fn machine_for(&self, machine_id: Option<&str>, mode: Mode) -> Machine {
        self.of_mode(mode)
            .find(|m| Some(m.id()) == machine_id)
            .or_else(|| self.of_mode(mode).next())
            .cloned()
            .unwrap_or_else(|| fallback(mode))
    }
}

/// The shipped machines, for code that has no app at hand (a kiosk's
/// configuration is checked before the app starts).
pub fn shipped() -> &'static MachineList {
    static SHIPPED: std::sync::OnceLock<MachineList> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(MachineList::default)
}

impl MachineList {
    /// Every machine, lasers first.
    pub fn all(&self) -> impl Iterator<Item = &Machine> {
        self.machines.iter()
    }
}

/// The lab's machine folder inside the app's data folder.
pub fn lab_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LAB_FOLDER)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn shipped_machines_of_both_kinds_are_offered() {
        let list = MachineList::default();
        assert!(
            list.of_mode(Mode::Laser)
                .any(|m| m.id() == "epilog-zing-24")
        );
        let mk4 = list.machine_for(Some("prusa-mk4"), Mode::Print3d);
        assert_eq!(
            (mk4.width(), mk4.depth(), mk4.height()),
            (250.0, 210.0, 220.0)
        );
    }

    #[test]
    fn a_machine_of_the_other_kind_falls_back_to_the_first_of_this_kind() {
        let list = MachineList::default();
        let laser = list.machine_for(Some("prusa-mk4"), Mode::Laser);
        assert_eq!(laser.mode(), Mode::Laser);
        assert_eq!(list.machine_for(None, Mode::Print3d).mode(), Mode::Print3d);
    }

    #[test]
    fn a_lab_machine_is_added_and_a_broken_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let lab = lab_dir(dir.path());
        std::fs::create_dir_all(&lab).unwrap();
        std::fs::write(
            lab.join("big-laser.json"),
            r##"{"kind":"laser","id":"big-laser","name":"Big laser","bed_mm":[1300,900],
               "kerf_mm":0.2,"cut_color":"#FF0000","score_color":"#0000FF",
               "engrave_color":"#000000","stroke_width_mm":0.01}"##,
        )
        .unwrap();
        std::fs::write(lab.join("typo.json"), "{ not json").unwrap();
        let (list, errors) = MachineList::load(Some(dir.path()));
        let big = list.machine_for(Some("big-laser"), Mode::Laser);
        assert_eq!((big.name(), big.width()), ("Big laser", 1300.0));
        assert_eq!(errors.len(), 1);
    }
}
