//! The panels around the canvas: top bar, tool bar, properties, status line.

pub mod box_button;
pub mod fields;
pub mod operations;
pub mod properties;
pub mod status;
pub mod toolbar;
pub mod topbar;
