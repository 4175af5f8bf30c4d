//! The Fabrique application: the headless command line ([`cli`]) and the
//! desktop editor ([`ui`]), both on the same engine (`geometry`, `exporters`).

pub mod cli;
pub mod project;
pub mod ui;
