//! The machines the command line knows: the app's one catalogue
//! ([`crate::model::machines::MachineList`]: the shipped profiles and the
//! lab's own `*.json` in `machines/` of the data folder), so
//! `fabrique laser|extrude|check --machine atelier-laser` finds a lab's
//! machine as the app does. A broken lab file is left out here (the app
//! names it).

use exporters::machines::{Machine, find_in};

use crate::model::machines::MachineList;

/// Every machine: shipped, then the lab's.
pub fn all() -> Vec<Machine> {
    let data_dir = crate::model::autosave::default_data_dir();
    let (list, _broken) = MachineList::load(data_dir.as_deref());
    list.all().cloned().collect()
}

/// The machine `id`, shipped or the lab's (`generic` is the generic laser).
pub fn find(id: &str) -> Option<Machine> {
    find_in(&all(), id)
}
