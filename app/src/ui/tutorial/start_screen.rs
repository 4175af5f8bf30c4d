//! The start screen: a quick project for a one-hour workshop, one of the
//! tutorials (each with a picture of what you will make, its title and one
//! sentence), or "draw freely". Shown at the first start of the app and
//! from the top bar's "Tutorials" button.

use egui::{RichText, Vec2};

use super::{catalogue, pictures};
use crate::ui::app::FabriqueApp;

/// A card's size on a large screen; narrower screens shrink its width.
const CARD: Vec2 = Vec2::new(360.0, 215.0);
/// Narrowest card before a column is dropped: its sentence still reads in
/// three lines.
const MIN_CARD_WIDTH: f32 = 280.0;
/// Space between cards.
const GAP: f32 = 10.0;
/// Shortest card: its picture is then 45 points high.
const MIN_CARD_HEIGHT: f32 = 150.0;
/// A card's title and sentence under its picture.
const CARD_TEXT_HEIGHT: f32 = 105.0;
/// The screen's height taken by the top bar, the modal's title, intro,
/// the quick projects' row, margins and "Draw freely" around the cards.
const AROUND_CARDS: f32 = 265.0;
/// The same height without the cards' own scroll area: what the scroll
/// area may not take.
const AROUND_SCROLL: f32 = 200.0;
/// The modal's margins and the scroll bar, beside the cards.
const CHROME: f32 = 64.0;

/// Columns and card width that fit `screen_width` (a 1024 px netbook
/// gets three narrower cards, a phone-sized window one).
fn card_layout(screen_width: f32) -> (usize, f32) {
    let room = (screen_width - CHROME).max(MIN_CARD_WIDTH);
    let columns = ((room + GAP) / (MIN_CARD_WIDTH + GAP))
        .floor()
        .clamp(1.0, 3.0);
    let width = ((room - GAP * (columns - 1.0)) / columns).min(CARD.x);
    (columns as usize, width)
}

/// The kind of machine a tutorial needs, in words ("Découpeuse laser").
fn machine_kind(i18n: &crate::i18n::I18n, mode: crate::model::session::Mode) -> String {
    match mode {
        crate::model::session::Mode::Laser => i18n.tr("start-needs-laser"),
        crate::model::session::Mode::Print3d => i18n.tr("start-needs-printer"),
    }
}

/// A small tag naming `kind` in the top-left corner of `picture`: a real
/// label (screen readers say it), drawn over the picture, which is not a
/// widget, so the card keeps its height.
fn machine_tag(ui: &mut egui::Ui, picture: egui::Rect, kind: &str) {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let size = ui
        .painter()
        .layout_no_wrap(kind.to_owned(), font, ui.visuals().strong_text_color())
        .size();
    let tag = egui::Rect::from_min_size(picture.left_top() + Vec2::new(6.0, 6.0), size);
    ui.painter()
        .rect_filled(tag.expand(3.0), 3.0, ui.visuals().extreme_bg_color);
    // A child that leaves the card's cursor below the picture (`put`
    // would move it back up to the tag).
    let mut over = ui.new_child(egui::UiBuilder::new().max_rect(tag));
    over.add(egui::Label::new(RichText::new(kind).small().strong()).selectable(false));
}

/// The quick projects in one row after their heading, each big button
/// with the machine it needs beside it (no frames: a 600 px screen keeps
/// its height for the tutorials); the chosen one, if any.
fn quick_row_ui(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
) -> Option<crate::ui::quick::QuickKind> {
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(i18n.tr("start-quick-title")).strong())
            .on_hover_text(i18n.tr("start-quick-tooltip"));
        for kind in crate::ui::quick::QuickKind::ALL {
            ui.add_space(6.0);
            let key = kind.title_key();
            let title = RichText::new(i18n.tr(key)).size(17.0).strong();
            if ui
                .button(title)
                .on_hover_text(i18n.tr(&format!("{key}-intro")))
                .clicked()
            {
                chosen = Some(kind);
            }
            ui.label(RichText::new(machine_kind(i18n, kind.mode())).small());
        }
    });
    chosen
}

/// What the person chose on the start screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StartChoice {
    /// Follow this tutorial (index in the catalogue).
    Tutorial(usize),
    /// Make this quick project.
    Quick(crate::ui::quick::QuickKind),
    /// Draw freely: close the screen.
    Close,
}

/// Shows the start screen when it is open; the choice is for the app.
pub fn start_screen_ui(ctx: &egui::Context, app: &FabriqueApp) -> Option<StartChoice> {
    if !app.tutorials.start_screen_open || app.dialog.is_some() {
        return None;
    }
    let language = app.i18n.language();
    let i18n = &app.i18n;
    let mut chosen = None;
    let mut quick = None;
    let mut close = false;
    let screen = ctx.content_rect();
    let (columns, card_width) = card_layout(screen.width());
    // Lower cards on a short screen, so every card shows without scrolling
    // where it can (a 600 px netbook); else the list scrolls.
    let rows = catalogue().len().div_ceil(columns) as f32;
    let card_height =
        ((screen.height() - AROUND_CARDS) / rows - GAP).clamp(MIN_CARD_HEIGHT, CARD.y);
    let card = Vec2::new(card_width, card_height);
    let picture_size = Vec2::new(card_width - 40.0, card_height - CARD_TEXT_HEIGHT);
    let modal = egui::Modal::new(egui::Id::unique("start_screen")).show(ctx, |ui| {
        // Never wider than the window: the title and the sentence wrap.
        ui.set_max_width(columns as f32 * (card_width + GAP) + 16.0);
        ui.add(egui::Label::new(RichText::new(i18n.tr("start-title")).heading()).wrap());
        ui.add(egui::Label::new(i18n.tr("start-intro")).wrap());
        ui.add_space(4.0);
        if let Some(kind) = quick_row_ui(ui, i18n) {
            quick = Some(kind);
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height((screen.height() - AROUND_SCROLL).max(120.0))
            .show(ui, |ui| {
                egui::Grid::new("tutorial_cards")
                    .spacing([GAP, GAP])
                    .show(ui, |ui| {
                        for (index, tutorial) in catalogue().iter().enumerate() {
                            let layout = egui::Layout::top_down(egui::Align::Min);
                            ui.allocate_ui_with_layout(card, layout, |ui| {
                                let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
                                    ui.set_width(card.x - 16.0);
                                    ui.set_height(card.y - 16.0);
                                    let (rect, _) =
                                        ui.allocate_exact_size(picture_size, egui::Sense::hover());
                                    if let Some(picture) = pictures::picture(&tutorial.picture) {
                                        picture.paint(
                                            ui.painter(),
                                            rect.shrink(4.0),
                                            tutorial.mode.mode(),
                                        );
                                    }
                                    // Which machine it needs, on the picture's corner.
                                    let kind = machine_kind(i18n, tutorial.mode.mode());
                                    machine_tag(ui, rect, &kind);
                                    let title = RichText::new(tutorial.title.get(language))
                                        .size(17.0)
                                        .strong();
                                    if ui.button(title).clicked() {
                                        chosen = Some(index);
                                    }
                                    ui.add(egui::Label::new(tutorial.summary.get(language)).wrap());
                                });
                                // The whole card chooses it, not only its title;
                                // for the mouse only: Tab stops at the title's
                                // button (a focusable card would trap Tab).
                                let whole = frame.response.interact(egui::Sense::CLICK);
                                if whole.hovered() {
                                    ui.painter().rect_stroke(
                                        whole.rect,
                                        4.0,
                                        ui.visuals().widgets.hovered.bg_stroke,
                                        egui::StrokeKind::Inside,
                                    );
                                }
                                if whole
                                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                                    .clicked()
                                {
                                    chosen = Some(index);
                                }
                            });
                            if index % columns == columns - 1 {
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
    if let Some(kind) = quick {
        return Some(StartChoice::Quick(kind));
    }
    match (chosen, close) {
        (Some(index), _) => Some(StartChoice::Tutorial(index)),
        (None, true) => Some(StartChoice::Close),
        (None, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_fit_every_kiosk_screen() {
        for (width, columns) in [
            (1024.0, 3),
            (1280.0, 3),
            (1366.0, 3),
            (1920.0, 3),
            (800.0, 2),
            (400.0, 1),
        ] {
            let (got, card) = card_layout(width);
            assert_eq!(got, columns, "{width}");
            let used = got as f32 * card + GAP * (got as f32 - 1.0) + CHROME;
            assert!(
                used <= width.max(MIN_CARD_WIDTH + CHROME),
                "{width}: {used}"
            );
            assert!(
                card >= MIN_CARD_WIDTH.min(width - CHROME),
                "{width}: {card}"
            );
        }
    }
}
