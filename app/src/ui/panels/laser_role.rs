//! What the laser does with the selection: cut, score or engrave, shown
//! in the words of the lab (each lab maps them to its colour code).

use geometry::{LaserRole, Shape};

use crate::i18n::I18n;
use crate::model::command::Command;

/// The three roles as toggles; a mixed selection shows none chosen.
pub fn role_ui(ui: &mut egui::Ui, i18n: &I18n, selected: &[Shape], commands: &mut Vec<Command>) {
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
