//! How the selection stands in 3D: its thickness, the height it starts
//! at (letters on a plate), and whether it is a hole.

use geometry::Shape;

use super::fields::{FieldBuffers, number_row_ui};
use crate::i18n::I18n;
use crate::model::command::Command;
use geometry::transform::{NumberProblem, parse_size};

/// Tallest extrusion accepted, mm: taller than any fablab printer.
const MAX_HEIGHT_MM: f64 = 1000.0;

fn parse_height(text: &str) -> Result<f64, NumberProblem> {
    let value = parse_size(text)?;
    if value > MAX_HEIGHT_MM {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

fn parse_base(text: &str) -> Result<f64, NumberProblem> {
    let value = geometry::transform::parse_number(text)?;
    if value < 0.0 {
        Err(NumberProblem::NotPositive)
    } else if value > MAX_HEIGHT_MM {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

/// Thickness, base height, the thickness slider and the hole switch.
pub fn extrusion_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    fields: &mut FieldBuffers,
    selected: &[Shape],
    commands: &mut Vec<Command>,
) {
    let Some(first) = selected.first() else {
        return;
    };
    let with = |f: &dyn Fn(&mut Shape)| -> Command {
        Command::UpdateShapes(
            selected
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    f(&mut s);
                    s
                })
                .collect(),
        )
    };
    egui::Grid::new("extrusion").num_columns(2).show(ui, |ui| {
        if let Some(h) = number_row_ui(
            ui,
            fields,
            i18n,
            "props-extrude-height",
            first.extrusion.height,
            parse_height,
        ) {
            commands.push(with(&|s| s.extrusion.height = h));
        }
        if let Some(b) = number_row_ui(
            ui,
            fields,
            i18n,
            "props-base",
            first.extrusion.base,
            parse_base,
        ) {
            commands.push(with(&|s| s.extrusion.base = b));
        }
    });
    // The slider is one gesture: live preview while dragging, one undo step.
    let mut height = first.extrusion.height;
    let slider = ui.add(
        egui::Slider::new(&mut height, 0.2..=50.0)
            .suffix(" mm")
            .text(i18n.tr("props-height-slider")),
    );
    if slider.drag_started() {
        commands.push(Command::BeginGesture);
    }
    if slider.changed() {
        commands.push(with(&|s| s.extrusion.height = height));
    }
    if slider.drag_stopped() {
        commands.push(Command::CommitGesture);
    }
    let mut hole = first.extrusion.hole;
    let response = ui
        .checkbox(&mut hole, i18n.tr("props-hole"))
        .on_hover_text(i18n.tr("props-hole-tooltip"));
    crate::ui::tutorial::targets::mark(ui.ctx(), "props-hole", response.rect);
    if response.changed() {
        commands.push(with(&|s| s.extrusion.hole = hole));
    }
    if !first.is_filled() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            i18n.tr("props-outline-not-extruded"),
        );
    }
}
