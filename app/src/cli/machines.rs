//! The machines the command line knows: the shipped profiles and the lab's
//! own (`*.json` in `machines/` of the data folder, as the app reads them),
//! so `fabrique laser|check --machine atelier-laser` finds a lab's laser
//! as the app does. A broken lab file is left out here (the app names it).

use exporters::machines::{Machine, all_machines, all_machines_with_lab, find_in};

/// Every machine: shipped, then the lab's.
pub fn all() -> Vec<Machine> {
    match crate::model::autosave::default_data_dir() {
        Some(data) => all_machines_with_lab(&crate::model::machines::lab_dir(&data)).0,
        None => all_machines(),
    }
}

/// The machine `id`, shipped or the lab's.
pub fn find(id: &str) -> Option<Machine> {
    find_in(&all(), id)
}
