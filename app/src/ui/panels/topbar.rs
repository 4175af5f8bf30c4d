//! The top bar: file actions, undo/redo, the Laser ↔ 3D switch, the
//! machine, snapping, fit to view and the language.

use crate::i18n::Language;
use crate::model::command::{Action, Command};
use crate::model::machines::MachineView;
use crate::model::session::Mode;
use crate::ui::app::FabriqueApp;

/// Shows the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, app: &FabriqueApp, commands: &mut Vec<Command>) {
    let i18n = &app.i18n;
    let ctx = ui.ctx().clone();
    let session = &app.editor.session;
    ui.horizontal_wrapped(|ui| {
        // Tight: with "Aa" (Display) the French row just fits 1366 px
        // (tests/ui_layout.rs checks it).
        ui.spacing_mut().item_spacing.x = 3.0;
        // Narrower buttons: the French labels must fit one row at 1366 px.
        ui.spacing_mut().button_padding.x = 5.0;
        let button =
            |ui: &mut egui::Ui, action: Action, enabled: bool, commands: &mut Vec<Command>| {
                let response = ui
                    .add_enabled(enabled, egui::Button::new(action.label(i18n)))
                    .on_hover_text(action.tooltip(i18n, &ctx))
                    .on_disabled_hover_text(action.tooltip(i18n, &ctx));
                crate::ui::tutorial::targets::mark(&ctx, action.key(), response.rect);
                if response.clicked() {
                    commands.push(Command::Action(action));
                }
            };
        for action in [
            Action::New,
            Action::Open,
            Action::Save,
            Action::Import,
            Action::Export,
        ] {
            button(ui, action, true, commands);
        }
        ui.separator();
        button(ui, Action::Undo, app.editor.history.can_undo(), commands);
        button(ui, Action::Redo, app.editor.history.can_redo(), commands);
        ui.separator();
        for (mode, key) in [(Mode::Laser, "mode-laser"), (Mode::Print3d, "mode-3d")] {
            let response = ui
                .selectable_label(session.mode == mode, i18n.tr(key))
                .on_hover_text(i18n.tr(&format!("{key}-tooltip")));
            crate::ui::tutorial::targets::mark(&ctx, key, response.rect);
            if response.clicked() {
                commands.push(Command::SetMode(mode));
            }
        }
        let machine = app.machine();
        egui::ComboBox::from_id_salt("machine")
            .selected_text(machine.name())
            .show_ui(ui, |ui| {
                for m in app.machines.of_mode(session.mode) {
                    if ui
                        .selectable_label(m.id() == machine.id(), m.display_name(i18n))
                        .clicked()
                    {
                        commands.push(Command::SetMachine(m.id().to_owned()));
                    }
                }
            })
            .response
            .on_hover_text(i18n.tr("machine-tooltip"));
        ui.separator();
        let mut snap = session.snap;
        if ui
            .checkbox(&mut snap, Action::ToggleSnap.label(i18n))
            .on_hover_text(Action::ToggleSnap.tooltip(i18n, &ctx))
            .changed()
        {
            commands.push(Command::Action(Action::ToggleSnap));
        }
        button(ui, Action::FitView, true, commands);
        crate::ui::check_panel::top_bar_button_ui(ui, app, commands);
        ui.separator();
        crate::ui::tutorial::coach::top_bar_buttons_ui(ui, app, commands);
        ui.separator();
        commands.extend(crate::ui::appearance::panel::top_bar_button_ui(
            ui,
            &app.appearance,
            i18n,
        ));
        // Each language in its own name, so anyone finds theirs.
        for language in Language::ALL {
            if ui
                .selectable_label(app.i18n.language() == language, language.native_name())
                .on_hover_text(i18n.tr("language-tooltip"))
                .clicked()
            {
                commands.push(Command::SetLanguage(language));
            }
        }
    });
}
