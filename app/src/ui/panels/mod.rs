//! The panels around the canvas: top bar, tool bar, properties, status line.

pub mod box_button;
pub mod extrusion;
pub mod fields;
pub mod laser_role;
pub mod operations;
pub mod placement;
pub mod properties;
pub mod shape_kind;
pub mod status;
pub mod tool_settings;
pub mod toolbar;
pub mod topbar;
