//! The machines whose bed outline the canvas shows. A small built-in list
//! from the labs' common models (see PRODUCT.md); the exporters crate will
//! hold the full, editable profiles.

use super::session::Mode;

/// One machine: its id (stored in the document) and bed size, mm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Machine {
    /// Stable id saved in the document's `machine_id`.
    pub id: &'static str,
    /// Name shown to the user (a product name: never translated).
    pub name: &'static str,
    /// Laser cutter or 3D printer.
    pub mode: Mode,
    /// Bed width, mm.
    pub width: f64,
    /// Bed depth, mm.
    pub depth: f64,
    /// Build height, mm (0 for lasers).
    pub height: f64,
}

/// The built-in machines.
pub const MACHINES: [Machine; 6] = [
    Machine {
        id: "epilog-zing-24",
        name: "Epilog Zing 24",
        mode: Mode::Laser,
        width: 610.0,
        depth: 305.0,
        height: 0.0,
    },
    Machine {
        id: "xtool-p2",
        name: "xTool P2",
        mode: Mode::Laser,
        width: 600.0,
        depth: 308.0,
        height: 0.0,
    },
    Machine {
        id: "xtool-s1",
        name: "xTool S1",
        mode: Mode::Laser,
        width: 608.0,
        depth: 385.0,
        height: 0.0,
    },
    Machine {
        id: "prusa-mk4",
        name: "Prusa MK4",
        mode: Mode::Print3d,
        width: 250.0,
        depth: 210.0,
        height: 220.0,
    },
    Machine {
        id: "bambu-a1-mini",
        name: "Bambu A1 mini",
        mode: Mode::Print3d,
        width: 180.0,
        depth: 180.0,
        height: 180.0,
    },
    Machine {
        id: "ender-3",
        name: "Creality Ender-3",
        mode: Mode::Print3d,
        width: 220.0,
        depth: 220.0,
        height: 250.0,
    },
];

/// The machine for `mode`: the document's one when it suits the mode, else
/// the first of that kind.
pub fn machine_for(machine_id: Option<&str>, mode: Mode) -> Machine {
    MACHINES
        .iter()
        .find(|m| Some(m.id) == machine_id && m.mode == mode)
        .or_else(|| MACHINES.iter().find(|m| m.mode == mode))
        .copied()
        .unwrap_or(MACHINES[0])
}
