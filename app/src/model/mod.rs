//! The editor's model, free of any widget: the document with its history
//! and session, the one list of commands that change them, the lab's
//! machines and the files kept for the user (autosave, chosen machines).
//! The window in [`crate::ui`] shows this model and sends it commands; the
//! command line uses the machine catalogue too.
//!
//! - [`editor`]: document, history, session, revision; applies document commands.
//! - [`command`]: every change a person can ask for, as data.
//! - [`history`]: undo and redo snapshots.
//! - [`session`]: what is not saved in the project (mode, tool, selection).
//! - [`machines`]: the one machine catalogue (shipped and the lab's own).
//! - [`chosen_machines`]: the machine last chosen for each mode.
//! - [`color_memory`]: the import's colour choices, kept for the session.
//! - [`appearance`]: the interface's size, reading font and contrast.
//! - [`autosave`]: the crash-proof copy of the work.
//! - [`derived`]: the solid and the laser's reading of each revision,
//!   computed once and shared.

pub mod appearance;
pub mod autosave;
pub mod chosen_machines;
pub mod color_memory;
pub mod command;
pub mod derived;
pub mod editor;
pub mod history;
pub mod machines;
pub mod session;
