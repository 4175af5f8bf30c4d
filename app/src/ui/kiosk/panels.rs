//! The kiosk's dialogs, one at a time and modal: "Clear everything for the
//! next person?", the animator's PIN, the animator's settings. Also what a
//! close request does in kiosk mode: ask for the PIN instead of closing
//! (carried out in `ui::app::kiosk`).

use std::time::SystemTime;

use super::pin::{PinAnswer, PinOutcome};
use super::settings::{self, SettingsOutcome};
use super::{Panel, Unlock};
use crate::i18n::I18n;

/// What the app is to do once a kiosk dialog is answered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KioskAnswer {
    /// Clear everything for the next person.
    NextPerson,
    /// The PIN was right: open what it guarded.
    Unlocked(Unlock),
}

/// Shows the open kiosk dialog, if any. It keeps its own state in the
/// kiosk (the dialog, the PIN's wrong-try count, the configuration the
/// animator saves); what the whole app must do is returned.
pub fn panels_ui(
    ctx: &egui::Context,
    kiosk: &mut super::Kiosk,
    i18n: &I18n,
) -> Option<KioskAnswer> {
    let panel = kiosk.panel.take()?;
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
                Some(true) => then = Some(KioskAnswer::NextPerson),
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
                    PinAnswer::Right => then = Some(KioskAnswer::Unlocked(dialog.unlock)),
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
                SettingsOutcome::Quit => then = Some(KioskAnswer::Unlocked(Unlock::Quit)),
            }
        }
    }
    then
}
