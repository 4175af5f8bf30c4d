//! Coach marks: the widget a tutorial step points at gets a pulsing frame.
//!
//! egui has no tree of widgets to search, so the widgets a step may point
//! at record their rectangle each frame under the translation key of their
//! label ([`mark`]); the coach draws the frame around the rectangle of the
//! current step's key ([`paint`]), on the layer above the panels.

use std::collections::HashMap;

use egui::{Color32, Id, LayerId, Order, Rect, Stroke};

use crate::i18n::I18n;

#[derive(Clone, Default)]
struct Marks(HashMap<String, Rect>);

fn marks_id() -> Id {
    Id::unique("fabrique-coach-marks")
}

/// Forgets last frame's rectangles (called before the panels are drawn, so
/// a widget that is no longer shown is no longer pointed at).
pub fn begin_frame(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(marks_id(), Marks::default()));
}

/// Records where the widget labelled by translation key `key` is.
pub fn mark(ctx: &egui::Context, key: &str, rect: Rect) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Marks>(marks_id())
            .0
            .insert(key.to_owned(), rect);
    });
}

/// Where the widget labelled `key` was drawn this frame.
pub fn rect(ctx: &egui::Context, key: &str) -> Option<Rect> {
    ctx.data(|d| {
        d.get_temp::<Marks>(marks_id())
            .and_then(|m| m.0.get(key).copied())
    })
}

/// `true` when `key` names a widget label the app has (a typo in a
/// tutorial file would point at nothing); `labels` is any language's
/// translations.
pub fn is_known(labels: &I18n, key: &str) -> bool {
    labels.has(key)
}

/// Draws the pulsing frame around `rect`.
pub fn paint(ctx: &egui::Context, rect: Rect) {
    let time = ctx.input(|i| i.time);
    // A slow pulse catches the eye without flashing.
    let pulse = (0.5 + 0.5 * (time * 3.0).sin()) as f32;
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("coach-frame")));
    let colour = Color32::from_rgb(245, 130, 0);
    painter.rect_stroke(
        rect.expand(3.0 + 2.0 * pulse),
        6.0,
        Stroke::new(3.0, colour.gamma_multiply(0.6 + 0.4 * pulse)),
        egui::StrokeKind::Outside,
    );
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
}
