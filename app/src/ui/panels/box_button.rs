//! The tool bar's "Box" button (laser mode): as large as the drawing
//! tools and with its name under a drawn icon, since the box maker is
//! something a beginner comes looking for, not a menu entry to discover.

use egui::{Pos2, Rect, Sense, Stroke, Vec2};

/// Shows the button, `size` like the tools' buttons; the caller acts on a click.
pub fn box_button_ui(ui: &mut egui::Ui, label: &str, size: Vec2, font_size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    let visuals = ui.style().interact(&response);
    ui.painter().rect(
        rect,
        6.0,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let ink = ui.visuals().text_color();
    let icon_rect = Rect::from_center_size(
        rect.center_top() + Vec2::new(0.0, 20.0),
        Vec2::new(30.0, 22.0),
    );
    ui.painter().add(egui::Shape::line(
        fingered_rect(icon_rect),
        Stroke::new(2.0, ink),
    ));
    ui.painter().text(
        rect.center_bottom() - Vec2::new(0.0, 5.0),
        egui::Align2::CENTER_BOTTOM,
        label,
        egui::FontId::proportional(font_size),
        ink,
    );
    response
}

/// A panel outline with three fingers along its top edge: what makers
/// recognise as a laser-cut box part.
fn fingered_rect(r: Rect) -> Vec<Pos2> {
    let depth = 4.0;
    let step = r.width() / 5.0;
    let mut points = vec![r.left_bottom(), r.left_top() + Vec2::new(0.0, depth)];
    for i in 0..5 {
        let x0 = r.left() + step * i as f32;
        let y = if i % 2 == 0 { r.top() + depth } else { r.top() };
        points.push(Pos2::new(x0, y));
        points.push(Pos2::new(x0 + step, y));
    }
    points.extend([r.right_bottom(), r.left_bottom()]);
    points
}
