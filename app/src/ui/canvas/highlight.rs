//! The place of a lab-check finding, framed on the canvas after the user
//! clicks its "Show" button in the check panel, so a beginner sees where
//! the problem is even when it is a thin strip inside a big shape.
//!
//! The box is per-window UI state, kept in egui's memory like the
//! tutorials' coach marks: the check panel sets it ([`set`]) and the canvas
//! draws it over the shapes ([`draw`]). It is cleared when the check runs
//! again on a changed drawing.

use egui::{Color32, Id, Painter, Rect, Stroke, StrokeKind};
use kurbo::Point;

use super::view::View;

/// The frame stays visible around a box smaller than this, screen points
/// (a 0.1 mm strip is a point or less when zoomed out).
const MIN_SIZE_POINTS: f32 = 16.0;

fn id() -> Id {
    Id::unique("fabrique-check-highlight")
}

/// Frames `area` (document mm) on the canvas from the next frame; `None`
/// removes the frame.
pub fn set(ctx: &egui::Context, area: Option<kurbo::Rect>) {
    ctx.data_mut(|d| match area {
        Some(area) => {
            d.insert_temp(id(), area);
        }
        None => d.remove::<kurbo::Rect>(id()),
    });
}

/// The framed box, if any (document mm).
pub fn current(ctx: &egui::Context) -> Option<kurbo::Rect> {
    ctx.data(|d| d.get_temp::<kurbo::Rect>(id()))
}

/// Draws the frame, if any, over the shapes.
pub(super) fn draw(painter: &Painter, view: &View, ctx: &egui::Context) {
    let Some(area) = current(ctx) else {
        return;
    };
    let a = view.screen_from_doc(Point::new(area.x0, area.y0));
    let b = view.screen_from_doc(Point::new(area.x1, area.y1));
    let mut rect = Rect::from_two_pos(a, b);
    rect = Rect::from_center_size(
        rect.center(),
        rect.size().max(egui::Vec2::splat(MIN_SIZE_POINTS)),
    );
    // The coach marks' orange: "look here", not an error red.
    let colour = Color32::from_rgb(245, 130, 0);
    painter.rect_filled(rect.expand(4.0), 4.0, colour.gamma_multiply(0.15));
    painter.rect_stroke(
        rect.expand(4.0),
        4.0,
        Stroke::new(2.5, colour),
        StrokeKind::Outside,
    );
}
