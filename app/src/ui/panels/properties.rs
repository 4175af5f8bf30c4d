//! The properties panel: exact position and size in millimetres, rotation,
//! proportions lock, and what the shape becomes — its laser role, or its 3D
//! height, base and hole — plus each kind's own settings (text, sides…).

use geometry::{LaserRole, Shape, ShapeKind};
use kurbo::Rect;

use super::fields::{FieldBuffers, format_number, number_row_ui, parse_count};
use super::operations;
use crate::ui::app::FabriqueApp;
use crate::ui::command::Command;
use crate::ui::i18n::I18n;
use crate::ui::session::{Mode, ToolKind, ToolSettings};
use crate::ui::transform::{
    NumberProblem, mapped, parse_position, parse_size, rotation_deg, shapes_bounds, with_rotation,
};

/// UI state of the panel.
#[derive(Debug, Default)]
pub struct PropertiesState {
    /// Texts being typed.
    pub fields: FieldBuffers,
    /// Keep width and height in proportion when one is typed (off at
    /// first: typing 40 then 20 must give 40 × 20).
    pub lock_ratio: bool,
}

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
    let value = crate::ui::transform::parse_number(text)?;
    if value < 0.0 {
        Err(NumberProblem::NotPositive)
    } else if value > MAX_HEIGHT_MM {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

fn parse_angle(text: &str) -> Result<f64, NumberProblem> {
    let value = crate::ui::transform::parse_number(text)?;
    if value.abs() > 3600.0 {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

fn parse_corners(text: &str) -> Result<f64, NumberProblem> {
    parse_count(text, 3, 100).map(f64::from)
}

fn parse_ratio(text: &str) -> Result<f64, NumberProblem> {
    let value = crate::ui::transform::parse_number(text)?;
    if value <= 0.0 {
        Err(NumberProblem::NotPositive)
    } else if value >= 1.0 {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

fn parse_radius(text: &str) -> Result<f64, NumberProblem> {
    let value = crate::ui::transform::parse_number(text)?;
    if value < 0.0 {
        Err(NumberProblem::NotPositive)
    } else {
        parse_position(text)
    }
}

/// Shows the panel; edits become commands.
pub fn properties_ui(ui: &mut egui::Ui, app: &mut FabriqueApp, commands: &mut Vec<Command>) {
    let i18n = &app.i18n;
    let editor = &app.editor;
    let state = &mut app.properties;
    ui.heading(i18n.tr("props-title"));
    let selected: Vec<Shape> = editor
        .document
        .shapes
        .iter()
        .filter(|s| editor.session.selection.contains(&s.id))
        .cloned()
        .collect();
    if selected.is_empty() {
        ui.label(i18n.tr("props-nothing-selected"));
        ui.separator();
        tool_settings_ui(
            ui,
            i18n,
            &mut state.fields,
            editor.session.tool,
            &editor.session.tool_settings,
            commands,
        );
        return;
    }
    if selected.len() > 1 {
        ui.label(i18n.tr_args(
            "props-count",
            &[("count", crate::ui::i18n::Arg::Number(selected.len() as f64))],
        ));
    }
    if let Some(bounds) = shapes_bounds(&selected) {
        placement_ui(ui, i18n, state, &selected, bounds, commands);
    }
    ui.separator();
    match editor.session.mode {
        Mode::Laser => role_ui(ui, i18n, &selected, commands),
        Mode::Print3d => extrusion_ui(ui, i18n, &mut state.fields, &selected, commands),
    }
    if let [shape] = selected.as_slice() {
        ui.separator();
        kind_ui(ui, i18n, &mut state.fields, shape, commands);
    }
    ui.separator();
    operations::operations_ui(ui, app, commands);
}

fn placement_ui(
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

fn role_ui(ui: &mut egui::Ui, i18n: &I18n, selected: &[Shape], commands: &mut Vec<Command>) {
    ui.label(i18n.tr("props-role"));
    let current = selected.first().map(|s| s.role);
    ui.horizontal_wrapped(|ui| {
        for (role, key) in [
            (LaserRole::Cut, "role-cut"),
            (LaserRole::Score, "role-score"),
            (LaserRole::Engrave, "role-engrave"),
        ] {
            let all = selected.iter().all(|s| s.role == role);
            let response = ui
                .selectable_label(all && current == Some(role), i18n.tr(key))
                .on_hover_text(i18n.tr(&format!("{key}-tooltip")));
            crate::ui::tutorial::targets::mark(ui.ctx(), key, response.rect);
            if response.clicked() {
                let updated = selected
                    .iter()
                    .map(|s| Shape { role, ..s.clone() })
                    .collect();
                commands.push(Command::UpdateShapes(updated));
            }
        }
    });
}

fn extrusion_ui(
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

fn kind_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    fields: &mut FieldBuffers,
    shape: &Shape,
    commands: &mut Vec<Command>,
) {
    let replace = |kind: ShapeKind| {
        Command::UpdateShapes(vec![Shape {
            kind,
            ..shape.clone()
        }])
    };
    match &shape.kind {
        ShapeKind::Text { text, font, size } => {
            let label = ui.label(i18n.tr("props-text"));
            let mut edited = text.clone();
            let response = ui
                .add(egui::TextEdit::singleline(&mut edited).id_salt("props-text"))
                .labelled_by(label.id);
            crate::ui::tutorial::targets::mark(ui.ctx(), "props-text", response.rect);
            // Typing is live; the whole edit is one undo step.
            if response.gained_focus() {
                commands.push(Command::BeginGesture);
            }
            if response.changed() {
                commands.push(replace(ShapeKind::Text {
                    text: edited.clone(),
                    font: font.clone(),
                    size: *size,
                }));
            }
            if response.lost_focus() {
                commands.push(Command::CommitGesture);
            }
            let fonts = egui::ComboBox::from_label(i18n.tr("props-font"))
                .selected_text(font.as_str())
                .show_ui(ui, |ui| {
                    for name in geometry::text::FONTS {
                        if ui.selectable_label(font == name, name).clicked() {
                            commands.push(replace(ShapeKind::Text {
                                text: text.clone(),
                                font: name.to_owned(),
                                size: *size,
                            }));
                        }
                    }
                });
            crate::ui::tutorial::targets::mark(ui.ctx(), "props-font", fonts.response.rect);
            egui::Grid::new("text").num_columns(2).show(ui, |ui| {
                if let Some(s) =
                    number_row_ui(ui, fields, i18n, "props-font-size", *size, parse_size)
                {
                    commands.push(replace(ShapeKind::Text {
                        text: text.clone(),
                        font: font.clone(),
                        size: s,
                    }));
                }
            });
        }
        ShapeKind::RegularPolygon { sides, radius } => {
            egui::Grid::new("polygon").num_columns(2).show(ui, |ui| {
                if let Some(n) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-sides",
                    f64::from(*sides),
                    parse_corners,
                ) {
                    commands.push(replace(ShapeKind::RegularPolygon {
                        sides: n as u32,
                        radius: *radius,
                    }));
                }
            });
        }
        ShapeKind::Star {
            points,
            outer_radius,
            inner_ratio,
        } => {
            egui::Grid::new("star").num_columns(2).show(ui, |ui| {
                if let Some(n) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-points",
                    f64::from(*points),
                    parse_corners,
                ) {
                    commands.push(replace(ShapeKind::Star {
                        points: n as u32,
                        outer_radius: *outer_radius,
                        inner_ratio: *inner_ratio,
                    }));
                }
                if let Some(r) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-inner-ratio",
                    *inner_ratio,
                    parse_ratio,
                ) {
                    commands.push(replace(ShapeKind::Star {
                        points: *points,
                        outer_radius: *outer_radius,
                        inner_ratio: r,
                    }));
                }
            });
        }
        ShapeKind::RoundedRectangle {
            width,
            height,
            radius,
        } => {
            egui::Grid::new("rounded").num_columns(2).show(ui, |ui| {
                if let Some(r) = number_row_ui(
                    ui,
                    fields,
                    i18n,
                    "props-corner-radius",
                    *radius,
                    parse_radius,
                ) {
                    commands.push(replace(ShapeKind::RoundedRectangle {
                        width: *width,
                        height: *height,
                        radius: r,
                    }));
                }
            });
        }
        ShapeKind::Rectangle { .. } | ShapeKind::Ellipse { .. } | ShapeKind::Path { .. } => {}
    }
}

/// Settings of the active shape tool for the next shapes (nothing selected).
fn tool_settings_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    fields: &mut FieldBuffers,
    tool: ToolKind,
    settings: &ToolSettings,
    commands: &mut Vec<Command>,
) {
    let _ = commands;
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
    let _ = format_number;
}
