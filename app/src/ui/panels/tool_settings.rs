//! Settings of the active shape tool for the next shapes, shown when
//! nothing is selected (sides of the next polygon, size of the next text…).

use super::fields::{FieldBuffers, number_row_ui};
use super::shape_kind::{parse_corners, parse_radius, parse_ratio};
use crate::i18n::I18n;
use crate::model::command::Command;
use crate::model::session::{ToolKind, ToolSettings};
use geometry::transform::parse_size;

/// Settings of the active shape tool for the next shapes (nothing selected).
pub fn tool_settings_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    fields: &mut FieldBuffers,
    tool: ToolKind,
    settings: &ToolSettings,
    commands: &mut Vec<Command>,
) {
    let mut changed = settings.clone();
    egui::Grid::new("tool_settings")
        .num_columns(2)
        .show(ui, |ui| match tool {
            ToolKind::Polygon => {
                if let Some(n) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-sides",
                    f64::from(settings.polygon_sides),
                    parse_corners,
                ) {
                    changed.polygon_sides = n as u32;
                }
            }
            ToolKind::Star => {
                if let Some(n) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-points",
                    f64::from(settings.star_points),
                    parse_corners,
                ) {
                    changed.star_points = n as u32;
                }
                if let Some(r) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-inner-ratio",
                    settings.star_inner_ratio,
                    parse_ratio,
                ) {
                    changed.star_inner_ratio = r;
                }
            }
            ToolKind::RoundedRectangle => {
                if let Some(r) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-corner-radius",
                    settings.corner_radius,
                    parse_radius,
                ) {
                    changed.corner_radius = r;
                }
            }
            ToolKind::Text => {
                if let Some(s) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-font-size",
                    settings.text_size,
                    parse_size,
                ) {
                    changed.text_size = s;
                }
            }
            _ => {}
        });
    if changed != *settings {
        commands.push(Command::SetToolSettings(changed));
    }
}
