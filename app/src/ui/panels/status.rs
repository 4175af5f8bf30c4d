//! The status line: what to do next (the active tool's hint), the last
//! message, and where the pointer is in millimetres.

use crate::ui::app::FabriqueApp;

/// Shows the status line.
pub fn status_ui(ui: &mut egui::Ui, app: &FabriqueApp) {
    ui.horizontal(|ui| {
        let hint_key = app
            .canvas
            .tool
            .hint_key(!app.editor.session.selection.is_empty());
        ui.label(egui::RichText::new(app.i18n.tr(hint_key)).strong());
        if let Some(notice) = &app.notice {
            ui.separator();
            let color = if notice.is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(color, &notice.text);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(pos) = ui.ctx().pointer_hover_pos()
                && app.canvas.view.rect_screen.contains(pos)
            {
                let doc = app.canvas.view.doc_from_screen(pos);
                ui.label(format!("x {:.1}  y {:.1} mm", doc.x, doc.y));
            }
        });
    });
}
