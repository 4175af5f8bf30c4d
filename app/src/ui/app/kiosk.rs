//! Kiosk mode's moves on the whole app: the Animator button (PIN, then
//! settings), a close request (PIN, then a fresh start and close), the
//! answers of the kiosk's dialogs.

use super::FabriqueApp;
use crate::ui::kiosk::panels::KioskAnswer;
use crate::ui::kiosk::settings::SettingsDraft;
use crate::ui::kiosk::{Panel, Unlock};

impl FabriqueApp {
    /// Carries out a kiosk dialog's answer.
    pub(crate) fn kiosk_answer(&mut self, answer: KioskAnswer) {
        match answer {
            KioskAnswer::NextPerson => self.fresh_start(),
            KioskAnswer::Unlocked(Unlock::Settings) => self.open_settings(),
            KioskAnswer::Unlocked(Unlock::Quit) => self.kiosk_quit(),
        }
    }

    /// The "Next person" button: ask first.
    pub(crate) fn ask_next_person(&mut self) {
        if let Some(kiosk) = self.kiosk.as_mut() {
            kiosk.panel = Some(Panel::ConfirmNextPerson);
        }
    }

    /// The Animator button: the PIN first, then the settings.
    pub(crate) fn open_animator(&mut self) {
        let Some(kiosk) = self.kiosk.as_mut() else {
            return;
        };
        if kiosk.ask_pin(Unlock::Settings).is_some() {
            self.open_settings();
        }
    }

    pub(crate) fn open_settings(&mut self) {
        if let Some(kiosk) = self.kiosk.as_mut() {
            let draft = SettingsDraft::new(kiosk.config.as_ref().ok());
            kiosk.panel = Some(Panel::Settings(draft));
        }
    }

    /// A close request (the window's ×, Alt+F4) in kiosk mode: refused, and the
    /// PIN asked for; once it is right, [`Self::kiosk_quit`].
    pub(crate) fn kiosk_close_requested(&mut self, ctx: &egui::Context) {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        let Some(kiosk) = self.kiosk.as_mut() else {
            return;
        };
        if matches!(kiosk.panel, Some(Panel::Pin(_))) {
            return;
        }
        if kiosk.ask_pin(Unlock::Quit).is_some() {
            self.kiosk_quit();
        }
    }

    /// Quits: first clears everything of the last visitor, then closes.
    pub(crate) fn kiosk_quit(&mut self) {
        self.fresh_start();
        self.close_confirmed = true;
    }
}
