//! The operations on the selection, as buttons with words: combine shapes,
//! offset, group, duplicate, delete, order, align and distribute.

use super::fields::FieldBuffers;
use super::fields::number_row_ui;
use crate::i18n::I18n;
use crate::model::command::{Action, Command};
use crate::model::editor::Editor;
use geometry::ops;
use geometry::transform::parse_position;

/// Buttons for the selected shapes.
pub fn operations_ui(
    ui: &mut egui::Ui,
    editor: &Editor,
    i18n: &I18n,
    fields: &mut FieldBuffers,
    commands: &mut Vec<Command>,
) {
    let ctx = ui.ctx().clone();
    let count = editor.session.selection.len();
    let need_two = i18n.tr("props-need-two");
    let button = |ui: &mut egui::Ui, action: Action, enabled: bool, commands: &mut Vec<Command>| {
        // A greyed button says what it needs, not only what it does.
        let why = match action {
            Action::Union | Action::Difference | Action::Intersection | Action::Group => {
                format!("{}\n{need_two}", action.tooltip(i18n, &ctx))
            }
            _ => action.tooltip(i18n, &ctx),
        };
        let response = ui
            .add_enabled(enabled, egui::Button::new(action.label(i18n)))
            .on_hover_text(action.tooltip(i18n, &ctx))
            .on_disabled_hover_text(why);
        crate::ui::tutorial::targets::mark(&ctx, action.key(), response.rect);
        if response.clicked() {
            commands.push(Command::Action(action));
        }
    };
    ui.label(i18n.tr("props-combine"));
    ui.horizontal_wrapped(|ui| {
        for action in [Action::Union, Action::Difference, Action::Intersection] {
            button(ui, action, count >= 2, commands);
        }
    });

    ui.horizontal(|ui| {
        button(ui, Action::Offset, count >= 1, commands);
    });
    let settings = &editor.session.tool_settings;
    egui::Grid::new("offset").num_columns(2).show(ui, |ui| {
        if let Some(d) = number_row_ui(
            ui,
            fields,
            i18n,
            "props-offset-distance",
            settings.offset_distance,
            parse_position,
        ) {
            let mut changed = settings.clone();
            changed.offset_distance = d;
            commands.push(Command::SetToolSettings(changed));
        }
    });
    ui.separator();
    let document = &editor.document;
    let selection = &editor.session.selection;
    let (can_group, can_ungroup) = (
        ops::can_group(document, selection),
        ops::can_ungroup(document, selection),
    );
    ui.horizontal_wrapped(|ui| {
        button(ui, Action::Group, can_group, commands);
        button(ui, Action::Ungroup, can_ungroup, commands);
    });
    ui.horizontal_wrapped(|ui| {
        for action in [
            Action::Duplicate,
            Action::Delete,
            Action::BringForward,
            Action::SendBackward,
        ] {
            button(ui, action, count >= 1, commands);
        }
    });
    if count >= 2 {
        ui.label(i18n.tr("props-align"));
        ui.horizontal_wrapped(|ui| {
            for action in [
                Action::AlignLeft,
                Action::AlignCenter,
                Action::AlignRight,
                Action::AlignTop,
                Action::AlignMiddle,
                Action::AlignBottom,
            ] {
                button(ui, action, true, commands);
            }
            for action in [Action::DistributeHorizontally, Action::DistributeVertically] {
                button(ui, action, count >= 3, commands);
            }
        });
    }
}
