//! The tool bar: large buttons with a drawn icon and the tool's name under
//! it, so a first-time maker reads what each one does.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

use crate::model::command::{Action, Command};
use crate::model::session::{Mode, ToolKind};
use crate::ui::app::FabriqueApp;

/// One column of large buttons: the tool bar's look on most screens.
const BUTTON_SIZE: Vec2 = Vec2::new(80.0, 58.0);
/// Two columns of smaller buttons, when one column would not fit the
/// window's height (600 px netbooks): every tool stays in sight, no scrolling.
const COMPACT_BUTTON_SIZE: Vec2 = Vec2::new(66.0, 54.0);
/// Space between buttons.
const SPACING: f32 = 6.0;
/// The panel's margins beside the buttons.
const MARGINS: f32 = 12.0;

/// How the tool bar lays its buttons out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToolbarLayout {
    /// Columns of buttons.
    pub columns: usize,
    /// One button's size.
    pub button: Vec2,
}

impl ToolbarLayout {
    /// The layout whose buttons (every tool, and the Box button) fit a
    /// panel `height` points high: one column when it fits, else two.
    pub fn for_height(height: f32) -> Self {
        let buttons = ToolKind::ALL.len() + 1;
        let column_height = buttons as f32 * (BUTTON_SIZE.y + SPACING) + 2.0 * SPACING;
        if column_height <= height {
            Self {
                columns: 1,
                button: BUTTON_SIZE,
            }
        } else {
            Self {
                columns: 2,
                button: COMPACT_BUTTON_SIZE,
            }
        }
    }

    /// The panel's width for this layout.
    pub fn width(self) -> f32 {
        self.columns as f32 * (self.button.x + SPACING) - SPACING + MARGINS
    }

    /// The labels' size: smaller on compact buttons.
    fn font_size(self) -> f32 {
        if self.columns == 1 { 12.5 } else { 11.5 }
    }
}

/// Shows the tool bar.
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    app: &FabriqueApp,
    layout: ToolbarLayout,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.spacing_mut().item_spacing = Vec2::splat(SPACING);
    egui::Grid::new("tool_bar_grid")
        .spacing(Vec2::splat(SPACING))
        .show(ui, |ui| {
            for (index, tool) in ToolKind::ALL.into_iter().enumerate() {
                let selected = app.editor.session.tool == tool;
                let label = app.i18n.tr(tool.key());
                let tooltip = format!(
                    "{} ({})",
                    app.i18n.tr(&format!("{}-tooltip", tool.key())),
                    tool.key_shortcut().name()
                );
                let response =
                    tool_button_ui(ui, tool, selected, &label, layout).on_hover_text(tooltip);
                crate::ui::tutorial::targets::mark(ui.ctx(), tool.key(), response.rect);
                if response.clicked() {
                    commands.push(Command::SetTool(tool));
                }
                if index % layout.columns == layout.columns - 1 {
                    ui.end_row();
                }
            }
            if app.editor.session.mode == Mode::Laser {
                let action = Action::FingerBox;
                let response = super::box_button::box_button_ui(
                    ui,
                    &action.label(&app.i18n),
                    layout.button,
                    layout.font_size(),
                )
                .on_hover_text(action.tooltip(&app.i18n, ui.ctx()));
                crate::ui::tutorial::targets::mark(ui.ctx(), action.key(), response.rect);
                if response.clicked() {
                    commands.push(Command::Action(action));
                }
            }
        });
}

fn tool_button_ui(
    ui: &mut egui::Ui,
    tool: ToolKind,
    selected: bool,
    label: &str,
    layout: ToolbarLayout,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(layout.button, Sense::click());
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
        egui::FontId::proportional(layout.font_size()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_fits_the_height_of_a_netbook() {
        // The tool bar's height at 600, 720, 768 and 1080 px windows.
        for window in [600.0, 720.0, 768.0, 1080.0] {
            let height = window - 110.0;
            let layout = ToolbarLayout::for_height(height);
            let rows = (ToolKind::ALL.len() + 1).div_ceil(layout.columns);
            let needed = rows as f32 * (layout.button.y + SPACING);
            assert!(needed <= height, "{window}: {needed} > {height}");
            assert!(layout.width() <= 160.0, "{window}");
        }
        assert_eq!(ToolbarLayout::for_height(1000.0).columns, 1);
        assert_eq!(ToolbarLayout::for_height(490.0).columns, 2);
    }
}
