//! The kiosk bar above the top bar: "Next person" and "Animator", where
//! exports go, and a banner when the kiosk is not set up or the export
//! folder (USB stick) is missing, saying what the animator should do.

use std::time::Duration;

use crate::i18n::Arg;
use crate::ui::app::FabriqueApp;

/// How often a missing export folder is looked for again.
const STICK_POLL: Duration = Duration::from_secs(1);

/// A button of the kiosk bar, for the app to carry out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StripButton {
    /// "Next person" (asks first).
    NextPerson,
    /// "Animator" (the PIN first).
    Animator,
}

/// Shows the kiosk bar; the button pressed is returned.
pub fn strip_ui(ui: &mut egui::Ui, app: &FabriqueApp) -> Option<StripButton> {
    let kiosk = app.kiosk.as_ref()?;
    let i18n = &app.i18n;
    let banner = super::banner_text(kiosk, i18n);
    let export_folder = kiosk.export_folder().map(|f| f.display().to_string());
    let mut next_person = false;
    let mut animator = false;
    ui.horizontal_wrapped(|ui| {
        let next = egui::Button::new(egui::RichText::new(i18n.tr("kiosk-next-person")).strong());
        // Greyed while a dialog is open: say why instead of doing nothing.
        let busy = i18n.tr("kiosk-busy-dialog");
        next_person = ui
            .add(next)
            .on_hover_text(i18n.tr("kiosk-next-person-tooltip"))
            .on_disabled_hover_text(&busy)
            .clicked();
        animator = ui
            .button(i18n.tr("kiosk-animator"))
            .on_hover_text(i18n.tr("kiosk-animator-tooltip"))
            .on_disabled_hover_text(&busy)
            .clicked();
        if let Some(folder) = export_folder {
            ui.separator();
            ui.label(i18n.tr_args("kiosk-export-to", &[("folder", Arg::Text(folder))]));
        }
    });
    if banner.is_some() && kiosk.config.is_ok() {
        // The USB stick is missing: look again each second, so the banner
        // goes as soon as it is plugged in, without waiting for a click.
        ui.ctx().request_repaint_after(STICK_POLL);
    }
    if let Some(text) = banner {
        egui::Frame::new()
            .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, text);
            });
    }
    if next_person {
        Some(StripButton::NextPerson)
    } else if animator {
        Some(StripButton::Animator)
    } else {
        None
    }
}
