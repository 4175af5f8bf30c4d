//! Each kind of shape's own settings (text and font, sides of a polygon,
//! points of a star, corner radius), for a selected shape; the same number
//! rules serve the tool settings of the next shape.

use geometry::{Shape, ShapeKind};

use super::fields::{FieldBuffers, number_row_ui, parse_count};
use crate::i18n::I18n;
use crate::model::command::Command;
use geometry::transform::{NumberProblem, parse_position, parse_size};

/// Corners of a polygon or points of a star: 3 to 100.
pub fn parse_corners(text: &str) -> Result<f64, NumberProblem> {
    parse_count(text, 3, 100).map(f64::from)
}

/// A star's inner ratio: strictly between 0 and 1.
pub fn parse_ratio(text: &str) -> Result<f64, NumberProblem> {
    let value = geometry::transform::parse_number(text)?;
    if value <= 0.0 {
        Err(NumberProblem::NotPositive)
    } else if value >= 1.0 {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value)
    }
}

/// A corner radius: zero or more.
pub fn parse_radius(text: &str) -> Result<f64, NumberProblem> {
    let value = geometry::transform::parse_number(text)?;
    if value < 0.0 {
        Err(NumberProblem::NotPositive)
    } else {
        parse_position(text)
    }
}

/// The settings of one selected shape's kind.
pub fn kind_ui(
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
                // As the number fields: typing replaces the whole text
                // (the name, not "TexteLéa" after the default "Texte").
                super::fields::select_all(ui.ctx(), response.id, edited.chars().count());
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
