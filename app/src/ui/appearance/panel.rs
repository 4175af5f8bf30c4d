//! The "Display" window: the interface's size, its reading font (each
//! choice written in its own font, so one sees before choosing) and the
//! high-contrast theme. It reads the settings and returns commands; the
//! app applies them ([`super::AppearanceSettings::handle`]).

use egui::RichText;

use super::{Appearance, AppearanceCommand, AppearanceSettings, DEFAULT_ZOOM, ReadingFont};
use crate::i18n::{Arg, I18n};
use crate::model::command::Command;

/// The top bar's "Display" button: "Aa", as phones and browsers show text
/// settings (the French labels already fill the top bar at 1366 px), named
/// "Display" for screen readers and in its tooltip.
pub fn top_bar_button_ui(
    ui: &mut egui::Ui,
    settings: &AppearanceSettings,
    i18n: &I18n,
) -> Option<Command> {
    let name = i18n.tr("appearance-open");
    let tooltip = i18n.tr("appearance-open-tooltip");
    let response = ui
        .add(egui::Button::selectable(
            settings.panel_open,
            RichText::new("Aa").strong(),
        ))
        .accessible_name(name)
        .on_hover_text(tooltip);
    crate::ui::tutorial::targets::mark(ui.ctx(), "appearance-open", response.rect);
    response
        .clicked()
        .then_some(Command::Appearance(AppearanceCommand::Open))
}

/// The window, when open; what the person changed, as commands.
pub fn appearance_ui(
    ctx: &egui::Context,
    settings: &AppearanceSettings,
    i18n: &I18n,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if !settings.panel_open {
        return commands;
    }
    let current = settings.current;
    let mut set = |appearance: Appearance| {
        commands.push(Command::Appearance(AppearanceCommand::Set(appearance)));
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("fabrique_appearance")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(i18n.tr("appearance-title"));
        ui.add_space(6.0);
        ui.label(RichText::new(i18n.tr("appearance-size")).strong());
        ui.horizontal(|ui| {
            let smaller = ui
                .button(i18n.tr("appearance-smaller"))
                .on_hover_text(shortcut_tip(ui.ctx(), i18n, egui::Key::Minus));
            let percent = (current.zoom * 100.0).round();
            ui.label(i18n.tr_args(
                "appearance-percent",
                &[("percent", Arg::Number(f64::from(percent)))],
            ));
            let larger = ui
                .button(i18n.tr("appearance-larger"))
                .on_hover_text(shortcut_tip(ui.ctx(), i18n, egui::Key::Plus));
            let normal = ui
                .add_enabled(
                    (current.zoom - DEFAULT_ZOOM).abs() > f32::EPSILON,
                    egui::Button::new(i18n.tr("appearance-normal-size")),
                )
                .on_hover_text(shortcut_tip(ui.ctx(), i18n, egui::Key::Num0));
            if smaller.clicked() {
                set(current.zoomed_out());
            }
            if larger.clicked() {
                set(current.zoomed_in());
            }
            if normal.clicked() {
                set(Appearance {
                    zoom: DEFAULT_ZOOM,
                    ..current
                });
            }
        });
        ui.add_space(8.0);
        ui.label(RichText::new(i18n.tr("appearance-font")).strong());
        for font in ReadingFont::ALL {
            let text = RichText::new(i18n.tr(font.key())).family(super::fonts::family(font));
            if ui.radio(current.font == font, text).clicked() {
                set(Appearance { font, ..current });
            }
        }
        ui.add_space(8.0);
        let mut high_contrast = current.high_contrast;
        if ui
            .checkbox(&mut high_contrast, i18n.tr("appearance-high-contrast"))
            .on_hover_text(i18n.tr("appearance-high-contrast-tooltip"))
            .changed()
        {
            set(Appearance {
                high_contrast,
                ..current
            });
        }
        ui.add_space(8.0);
        close = ui.button(i18n.tr("appearance-close")).clicked();
    });
    if close || modal.should_close() {
        commands.push(Command::Appearance(AppearanceCommand::Close));
    }
    commands
}

/// "Ctrl + +": the key that does the same, for the tooltip.
fn shortcut_tip(ctx: &egui::Context, i18n: &I18n, key: egui::Key) -> String {
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key);
    i18n.tr_args(
        "appearance-shortcut",
        &[("keys", Arg::Text(ctx.format_shortcut(&shortcut)))],
    )
}
