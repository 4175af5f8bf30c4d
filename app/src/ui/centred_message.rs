//! A sentence painted in the middle of a preview area, wrapped to its
//! width: a long message (an error in French) must not run off both sides
//! of a narrow preview, as the trace dialog's once did.

use egui::{Color32, Painter, Rect};

/// Paints `text` centred in `rect`, wrapped 12 px inside its sides.
pub fn paint_centred(painter: &Painter, rect: Rect, text: String, size: f32, color: Color32) {
    let galley = painter.layout(
        text,
        egui::FontId::proportional(size),
        color,
        (rect.width() - 24.0).max(80.0),
    );
    let at = rect.center() - galley.size() / 2.0;
    painter.galley(at, galley, color);
}
