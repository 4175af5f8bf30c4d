//! Where the selection is and how big: exact position, size and rotation
//! in millimetres and degrees, with the proportions lock.

use geometry::Shape;
use kurbo::Rect;

use super::fields::number_row_ui;
use super::properties::PropertiesState;
use crate::i18n::I18n;
use crate::model::command::Command;
use geometry::transform::{
    NumberProblem, mapped, parse_position, parse_size, rotation_deg, with_rotation,
};

fn parse_angle(text: &str) -> Result<f64, NumberProblem> {
    let value = geometry::transform::parse_number(text)?;
    if value.abs() > 3600.0 {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

/// Position, size and (one shape) rotation fields of the selection.
pub fn placement_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    state: &mut PropertiesState,
    selected: &[Shape],
    bounds: Rect,
    commands: &mut Vec<Command>,
) {
    let fields = &mut state.fields;
    let mut target = bounds;
    egui::Grid::new("placement").num_columns(2).show(ui, |ui| {
        if let Some(x) = number_row_ui(ui, fields, i18n, "props-x", bounds.x0, parse_position) {
            target = target.with_origin((x, target.y0));
        }
        if let Some(y) = number_row_ui(ui, fields, i18n, "props-y", bounds.y0, parse_position) {
            target = target.with_origin((target.x0, y));
        }
        if let Some(w) = number_row_ui(ui, fields, i18n, "props-width", bounds.width(), parse_size)
        {
            let h = if state.lock_ratio && bounds.width() > 0.0 {
                bounds.height() * w / bounds.width()
            } else {
                bounds.height()
            };
            target = Rect::new(target.x0, target.y0, target.x0 + w, target.y0 + h);
        }
        if let Some(h) = number_row_ui(
            ui,
            fields,
            i18n,
            "props-height",
            bounds.height(),
            parse_size,
        ) {
            let w = if state.lock_ratio && bounds.height() > 0.0 {
                bounds.width() * h / bounds.height()
            } else {
                bounds.width()
            };
            target = Rect::new(target.x0, target.y0, target.x0 + w, target.y0 + h);
        }
        if let [shape] = selected {
            let angle = rotation_deg(shape);
            if let Some(a) = number_row_ui(ui, fields, i18n, "props-rotation", angle, parse_angle) {
                commands.push(Command::UpdateShapes(vec![with_rotation(shape, a)]));
            }
        }
    });
    let lock = ui
        .checkbox(&mut state.lock_ratio, i18n.tr("props-lock-ratio"))
        .on_hover_text(i18n.tr("props-lock-ratio-tooltip"));
    crate::ui::tutorial::targets::mark(ui.ctx(), "props-lock-ratio", lock.rect);
    if target != bounds {
        let updated = selected.iter().map(|s| mapped(s, bounds, target)).collect();
        commands.push(Command::UpdateShapes(updated));
    }
}
