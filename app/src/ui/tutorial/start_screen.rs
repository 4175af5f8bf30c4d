//! The start screen: "draw freely" or one of the tutorials, each with a
//! picture of what you will make, its title and one sentence. Shown at the
//! first start of the app and from the top bar's "Tutorials" button.

use egui::{RichText, Vec2};

use super::{catalogue, pictures};
use crate::ui::app::FabriqueApp;
use crate::ui::dialogs::Pending;

const CARD: Vec2 = Vec2::new(360.0, 215.0);
const PICTURE: Vec2 = Vec2::new(320.0, 110.0);

/// Shows the start screen when it is open.
pub fn start_screen_ui(ctx: &egui::Context, app: &mut FabriqueApp) {
    if !app.tutorials.start_screen_open || app.dialog.is_some() {
        return;
    }
    let language = app.i18n.language();
    let i18n = &app.i18n;
    let mut chosen = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("start_screen")).show(ctx, |ui| {
        ui.heading(i18n.tr("start-title"));
        ui.label(i18n.tr("start-intro"));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() - 200.0)
            .show(ui, |ui| {
                egui::Grid::new("tutorial_cards")
                    .spacing([10.0, 10.0])
                    .show(ui, |ui| {
                        for (index, tutorial) in catalogue().iter().enumerate() {
                            let layout = egui::Layout::top_down(egui::Align::Min);
                            ui.allocate_ui_with_layout(CARD, layout, |ui| {
                                egui::Frame::group(ui.style()).show(ui, |ui| {
                                    ui.set_width(CARD.x - 16.0);
                                    ui.set_height(CARD.y - 16.0);
                                    let (rect, _) =
                                        ui.allocate_exact_size(PICTURE, egui::Sense::hover());
                                    if let Some(picture) = pictures::picture(&tutorial.picture) {
                                        picture.paint(
                                            ui.painter(),
                                            rect.shrink(4.0),
                                            tutorial.mode.mode(),
                                        );
                                    }
                                    let title = RichText::new(tutorial.title.get(language))
                                        .size(17.0)
                                        .strong();
                                    if ui.button(title).clicked() {
                                        chosen = Some(index);
                                    }
                                    ui.add(egui::Label::new(tutorial.summary.get(language)).wrap());
                                });
                            });
                            if index % 3 == 2 {
                                ui.end_row();
                            }
                        }
                    });
            });
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(i18n.tr("start-draw-freely")).size(16.0))
                .clicked()
            {
                close = true;
            }
        });
    });
    if modal.should_close() {
        close = true;
    }
    if let Some(index) = chosen {
        app.tutorials.start_screen_open = false;
        app.guard_unsaved(Pending::Tutorial(index));
    } else if close {
        app.tutorials.start_screen_open = false;
    }
}
