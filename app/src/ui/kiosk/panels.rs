//! The kiosk's dialogs, one at a time and modal: "Clear everything for the
//! next person?", the animator's PIN, the animator's settings. Also what a
//! close request does in kiosk mode: ask for the PIN instead of closing.

use std::time::SystemTime;

use super::pin::{PinAnswer, PinOutcome};
use super::settings::{self, SettingsDraft, SettingsOutcome};
use super::{Panel, Unlock};
use crate::ui::app::FabriqueApp;
use crate::ui::fresh_start::fresh_start;

/// What to do once the dialog is drawn (it needs the whole app).
enum Then {
    NextPerson,
    Unlocked(Unlock),
}

/// Shows the open kiosk dialog, if any, and acts on the answer.
pub fn panels_ui(ctx: &egui::Context, app: &mut FabriqueApp) {
    let Some(kiosk) = app.kiosk.as_mut() else {
        return;
    };
    let Some(panel) = kiosk.panel.take() else {
        return;
    };
    let i18n = &app.i18n;
    let modal = egui::Modal::new(egui::Id::unique("fabrique_kiosk_dialog"));
    let mut then = None;
    match panel {
        Panel::ConfirmNextPerson => {
            let mut answer = None;
            modal.show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(i18n.tr("kiosk-next-title"));
                ui.label(i18n.tr("kiosk-next-text"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("kiosk-next-yes")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(i18n.tr("button-cancel")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => then = Some(Then::NextPerson),
                Some(false) => {}
                None => kiosk.panel = Some(Panel::ConfirmNextPerson),
            }
        }
        Panel::Pin(mut dialog) => {
            let mut outcome = PinOutcome::Open;
            modal.show(ctx, |ui| outcome = dialog.pin_ui(ui, i18n));
            match outcome {
                PinOutcome::Open => kiosk.panel = Some(Panel::Pin(dialog)),
                PinOutcome::Cancelled => {}
                PinOutcome::Submitted(typed) => match kiosk.try_pin(&typed, SystemTime::now()) {
                    PinAnswer::Right => then = Some(Then::Unlocked(dialog.unlock)),
                    answer => {
                        dialog.refused(&answer, i18n);
                        kiosk.panel = Some(Panel::Pin(dialog));
                    }
                },
            }
        }
        Panel::Settings(mut draft) => {
            let usable = kiosk.config.is_ok();
            let mut outcome = SettingsOutcome::Open;
            modal.show(ctx, |ui| outcome = draft.settings_ui(ui, i18n, usable));
            match outcome {
                SettingsOutcome::Open => kiosk.panel = Some(Panel::Settings(draft)),
                SettingsOutcome::Closed => {}
                SettingsOutcome::Save => {
                    if let Ok(config) = &kiosk.config {
                        match draft.applied_to(config, i18n) {
                            Ok(changed) => {
                                draft.message =
                                    Some(settings::save(&changed, &kiosk.config_path, i18n));
                                kiosk.config = Ok(changed);
                            }
                            Err(text) => draft.message = Some((text, true)),
                        }
                    }
                    kiosk.panel = Some(Panel::Settings(draft));
                }
                SettingsOutcome::Quit => then = Some(Then::Unlocked(Unlock::Quit)),
            }
        }
    }
    match then {
        None => {}
        Some(Then::NextPerson) => fresh_start(app),
        Some(Then::Unlocked(Unlock::Settings)) => open_settings(app),
        Some(Then::Unlocked(Unlock::Quit)) => quit(app),
    }
}

/// The Animator button: the PIN first, then the settings.
pub fn open_animator(app: &mut FabriqueApp) {
    let Some(kiosk) = app.kiosk.as_mut() else {
        return;
    };
    if kiosk.ask_pin(Unlock::Settings).is_some() {
        open_settings(app);
    }
}

fn open_settings(app: &mut FabriqueApp) {
    if let Some(kiosk) = app.kiosk.as_mut() {
        let draft = SettingsDraft::new(kiosk.config.as_ref().ok());
        kiosk.panel = Some(Panel::Settings(draft));
    }
}

/// A close request (the window's ×, Alt+F4) in kiosk mode: refused, and the
/// PIN asked for; once it is right, [`quit`].
pub fn close_requested(app: &mut FabriqueApp, ctx: &egui::Context) {
    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
    let Some(kiosk) = app.kiosk.as_mut() else {
        return;
    };
    if matches!(kiosk.panel, Some(Panel::Pin(_))) {
        return;
    }
    if kiosk.ask_pin(Unlock::Quit).is_some() {
        quit(app);
    }
}

/// Quits: first clears everything of the last visitor, then closes.
pub fn quit(app: &mut FabriqueApp) {
    fresh_start(app);
    app.close_confirmed = true;
}
