//! The status line: what to do next (the active tool's hint) with where the
//! pointer is in millimetres, and under it the last message, if any.

use crate::ui::app::FabriqueApp;

/// Shows the status line.
pub fn status_ui(ui: &mut egui::Ui, app: &FabriqueApp) {
    let hint_key = app
        .canvas
        .tool
        .hint_key(!app.editor.session.selection.is_empty());
    // One shape chosen: the hint line also says how to choose a second
    // (Union, Difference… need two and are greyed until then).
    let hint_key = if hint_key == "hint-select-selected" && app.editor.session.selection.len() == 1
    {
        "hint-select-one"
    } else {
        hint_key
    };
    egui::Sides::new().shrink_left().show(
        ui,
        |ui| {
            ui.add(
                egui::Label::new(egui::RichText::new(app.i18n.tr(hint_key)).strong()).truncate(),
            );
        },
        |ui| {
            if let Some(pos) = ui.ctx().pointer_hover_pos()
                && app.canvas.view.rect_screen.contains(pos)
            {
                let doc = app.canvas.view.doc_from_screen(pos);
                let (x, y) = (app.i18n.number(doc.x, 1), app.i18n.number(doc.y, 1));
                ui.label(format!("x {x}  y {y} mm"));
            }
        },
    );
    if let Some(notice) = &app.notice {
        let color = if notice.is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.colored_label(color, &notice.text);
    }
}
