//! The tool bar: large buttons with a drawn icon and the tool's name under
//! it, so a first-time maker reads what each one does.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

use crate::ui::app::FabriqueApp;
use crate::ui::command::{Action, Command};
use crate::ui::session::{Mode, ToolKind};

/// Width of the tool bar, points.
pub const TOOLBAR_WIDTH: f32 = 92.0;

const BUTTON_SIZE: Vec2 = Vec2::new(80.0, 58.0);

/// Shows the tool bar.
pub fn toolbar_ui(ui: &mut egui::Ui, app: &FabriqueApp, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            for tool in ToolKind::ALL {
                let selected = app.editor.session.tool == tool;
                let label = app.i18n.tr(tool.key());
                let tooltip = format!(
                    "{} ({})",
                    app.i18n.tr(&format!("{}-tooltip", tool.key())),
                    tool.key_shortcut().name()
                );
                let response = tool_button_ui(ui, tool, selected, &label).on_hover_text(tooltip);
                crate::ui::tutorial::targets::mark(ui.ctx(), tool.key(), response.rect);
                if response.clicked() {
                    commands.push(Command::SetTool(tool));
                }
            }
            if app.editor.session.mode == Mode::Laser {
                ui.add_space(6.0);
                let action = Action::FingerBox;
                let response = super::box_button::box_button_ui(ui, &action.label(&app.i18n))
                    .on_hover_text(action.tooltip(&app.i18n, ui.ctx()));
                crate::ui::tutorial::targets::mark(ui.ctx(), action.key(), response.rect);
                if response.clicked() {
                    commands.push(Command::Action(action));
                }
            }
        });
    });
}

fn tool_button_ui(
    ui: &mut egui::Ui,
    tool: ToolKind,
    selected: bool,
    label: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(BUTTON_SIZE, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, label));
    let visuals = ui.style().interact_selectable(&response, selected);
    ui.painter().rect(
        rect,
        6.0,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let icon_rect =
        Rect::from_center_size(rect.center_top() + Vec2::new(0.0, 20.0), Vec2::splat(26.0));
    let ink = if selected {
        ui.visuals().selection.stroke.color
    } else {
        ui.visuals().text_color()
    };
    icon(ui.painter(), tool, icon_rect, Stroke::new(2.0, ink));
    ui.painter().text(
        rect.center_bottom() - Vec2::new(0.0, 5.0),
        egui::Align2::CENTER_BOTTOM,
        label,
        egui::FontId::proportional(12.5),
        ink,
    );
    response
}

fn icon(painter: &egui::Painter, tool: ToolKind, r: Rect, stroke: Stroke) {
    let c = r.center();
    let radius = r.width() / 2.0;
    let around = |n: usize, inner: Option<f32>| -> Vec<Pos2> {
        let steps = if inner.is_some() { n * 2 } else { n };
        (0..steps)
            .map(|i| {
                let a =
                    -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * i as f32 / steps as f32;
                let rr = match inner {
                    Some(ratio) if i % 2 == 1 => radius * ratio,
                    _ => radius,
                };
                c + Vec2::new(a.cos(), a.sin()) * rr
            })
            .collect()
    };
    match tool {
        ToolKind::Select => {
            let p = |x: f32, y: f32| r.min + Vec2::new(x, y) * r.width();
            painter.add(egui::Shape::convex_polygon(
                vec![
                    p(0.25, 0.05),
                    p(0.25, 0.85),
                    p(0.45, 0.65),
                    p(0.62, 0.95),
                    p(0.72, 0.9),
                    p(0.56, 0.6),
                    p(0.82, 0.58),
                ],
                Color32::TRANSPARENT,
                stroke,
            ));
        }
        ToolKind::Rectangle => {
            painter.rect_stroke(
                r.shrink2(Vec2::new(0.0, 5.0)),
                0.0,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        ToolKind::RoundedRectangle => {
            painter.rect_stroke(
                r.shrink2(Vec2::new(0.0, 5.0)),
                6.0,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        ToolKind::Ellipse => {
            painter.add(egui::Shape::ellipse_stroke(
                c,
                Vec2::new(radius, radius * 0.7),
                stroke,
            ));
        }
        ToolKind::Polygon => {
            painter.add(egui::Shape::closed_line(around(6, None), stroke));
        }
        ToolKind::Star => {
            painter.add(egui::Shape::closed_line(around(5, Some(0.45)), stroke));
        }
        ToolKind::Text => {
            painter.text(
                c,
                egui::Align2::CENTER_CENTER,
                "A",
                egui::FontId::proportional(26.0),
                stroke.color,
            );
        }
        ToolKind::Pen => {
            let p = |x: f32, y: f32| r.min + Vec2::new(x, y) * r.width();
            let curve: Vec<Pos2> = (0..=16)
                .map(|i| {
                    let t = i as f32 / 16.0;
                    let a = p(0.05, 0.9);
                    let b = p(0.5, -0.1);
                    let c = p(0.95, 0.9);
                    let u = 1.0 - t;
                    Pos2::new(
                        u * u * a.x + 2.0 * u * t * b.x + t * t * c.x,
                        u * u * a.y + 2.0 * u * t * b.y + t * t * c.y,
                    )
                })
                .collect();
            painter.add(egui::Shape::line(curve, stroke));
            for corner in [p(0.05, 0.9), p(0.95, 0.9)] {
                painter.rect_filled(
                    Rect::from_center_size(corner, Vec2::splat(5.0)),
                    0.0,
                    stroke.color,
                );
            }
        }
        ToolKind::Pencil => {
            let points: Vec<Pos2> = (0..=20)
                .map(|i| {
                    let t = i as f32 / 20.0;
                    Pos2::new(
                        r.left() + t * r.width(),
                        c.y + (t * 9.0).sin() * radius * 0.4,
                    )
                })
                .collect();
            painter.add(egui::Shape::line(points, stroke));
        }
    }
}
