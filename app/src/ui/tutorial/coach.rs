//! The coach strip: which tutorial, "step 3 of 8", one instruction, and
//! back / skip / restart / close. It is a strip above the status line, the
//! whole width of the window, so it never hides the drawing or the tools
//! (a card over the canvas hid the bed's corner, where parts start); the
//! widget the step needs gets a pulsing frame. Closed, it is reopened from
//! the top bar.

use egui::{Align, Layout, RichText, Vec2};

use super::script::{Offer, Step, Tutorial};
use super::{catalogue, targets};
use crate::i18n::{Arg, I18n, Language};
use crate::model::command::Command;
use crate::ui::app::FabriqueApp;

/// Width of the strip's left column (title, step count, progress), points.
const HEADER_WIDTH: f32 = 230.0;
/// Room kept on the right for the buttons, points.
const BUTTONS_WIDTH: f32 = 340.0;

/// What the user asked of the coach this frame (carried out by the app).
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// The step before.
    Back,
    /// The next step without doing this one.
    Skip,
    /// The tutorial from its start.
    Restart,
    /// Close the card (the tutorial ends when finished).
    Close,
    /// Open this sample picture in the tracer.
    Sample(String),
    /// Back to the start screen for another tutorial.
    Another,
}

/// `true` when the coach strip is to be shown this frame.
pub fn is_shown(app: &FabriqueApp) -> bool {
    app.tutorials
        .active
        .as_ref()
        .is_some_and(|a| a.coach_open && a.tutorial().is_some())
}

/// The coach strip's contents (inside a bottom panel the app lays out);
/// a button pressed is returned for the app to carry out.
pub fn coach_ui(ui: &mut egui::Ui, app: &FabriqueApp) -> Option<Ask> {
    let active = app.tutorials.active.as_ref()?;
    let tutorial = active.tutorial()?;
    let language = app.i18n.language();
    let i18n = &app.i18n;
    let step_index = active.step;
    let mut ask = None;
    ui.add_space(4.0);
    let finished = step_index >= tutorial.steps.len();
    let body = |ui: &mut egui::Ui, width: f32, ask: &mut Option<Ask>| {
        ui.allocate_ui_with_layout(Vec2::new(width, 0.0), Layout::top_down(Align::Min), |ui| {
            ui.set_width(width);
            match tutorial.steps.get(step_index) {
                Some(step) => instruction_ui(ui, i18n, language, step, ask),
                None => {
                    ui.label(RichText::new(i18n.tr("coach-finished")).size(17.0).strong());
                    ui.add(
                        egui::Label::new(RichText::new(tutorial.finish.get(language)).size(16.0))
                            .wrap(),
                    );
                }
            }
        });
    };
    if ui.available_width() >= HEADER_WIDTH + BUTTONS_WIDTH + 300.0 {
        // Wide: title | instruction | buttons, on one band.
        ui.horizontal(|ui| {
            header_ui(ui, i18n, language, tutorial, step_index);
            ui.separator();
            let width = ui.available_width() - BUTTONS_WIDTH;
            body(ui, width, &mut ask);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                buttons_ui(ui, i18n, step_index, finished, &mut ask);
            });
        });
    } else {
        // Narrow (3D mode, the preview beside the canvas): stacked.
        header_ui(ui, i18n, language, tutorial, step_index);
        let width = ui.available_width();
        body(ui, width, &mut ask);
        ui.horizontal_wrapped(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                buttons_ui(ui, i18n, step_index, finished, &mut ask);
            });
        });
    }
    ui.add_space(4.0);
    ask
}

fn header_ui(ui: &mut egui::Ui, i18n: &I18n, language: Language, tutorial: &Tutorial, step: usize) {
    let total = tutorial.steps.len();
    ui.allocate_ui_with_layout(
        Vec2::new(HEADER_WIDTH, 0.0),
        Layout::top_down(Align::Min),
        |ui| {
            ui.set_width(HEADER_WIDTH);
            ui.label(
                RichText::new(tutorial.title.get(language))
                    .strong()
                    .size(16.0),
            );
            if step < total {
                ui.label(
                    RichText::new(i18n.tr_args(
                        "coach-step-of",
                        &[
                            ("step", Arg::Number((step + 1) as f64)),
                            ("total", Arg::Number(total as f64)),
                        ],
                    ))
                    .weak(),
                );
            }
            ui.add(
                egui::ProgressBar::new(step.min(total) as f32 / total.max(1) as f32)
                    .desired_height(6.0),
            );
        },
    );
}

fn instruction_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    language: Language,
    step: &Step,
    ask: &mut Option<Ask>,
) {
    ui.add(egui::Label::new(RichText::new(step.text.get(language)).size(16.5)).wrap());
    if let Some(Offer::SamplePicture(name)) = &step.offer
        && ui.button(i18n.tr("coach-use-sample")).clicked()
    {
        *ask = Some(Ask::Sample(name.clone()));
    }
}

/// The buttons, laid out right to left.
fn buttons_ui(ui: &mut egui::Ui, i18n: &I18n, step: usize, finished: bool, ask: &mut Option<Ask>) {
    if ui
        .button(i18n.tr("coach-close"))
        .on_hover_text(i18n.tr("coach-close-tooltip"))
        .clicked()
    {
        *ask = Some(Ask::Close);
    }
    if finished {
        if ui.button(i18n.tr("coach-another")).clicked() {
            *ask = Some(Ask::Another);
        }
        return;
    }
    if ui
        .button(i18n.tr("coach-restart"))
        .on_hover_text(i18n.tr("coach-restart-tooltip"))
        .clicked()
    {
        *ask = Some(Ask::Restart);
    }
    if ui
        .button(i18n.tr("coach-skip"))
        .on_hover_text(i18n.tr("coach-skip-tooltip"))
        .clicked()
    {
        *ask = Some(Ask::Skip);
    }
    if ui
        .add_enabled(step > 0, egui::Button::new(i18n.tr("coach-back")))
        .clicked()
    {
        *ask = Some(Ask::Back);
    }
}

/// Draws the pulsing frame around the current step's widget (after every
/// panel and dialog has recorded where its widgets are this frame).
pub fn paint_target(ctx: &egui::Context, app: &FabriqueApp) {
    let Some(active) = app.tutorials.active.as_ref() else {
        return;
    };
    if !active.coach_open {
        return;
    }
    let target = active
        .tutorial()
        .and_then(|t| t.steps.get(active.step))
        .and_then(|s| s.target.as_deref());
    if let Some(rect) = target.and_then(|key| targets::rect(ctx, key)) {
        targets::paint(ctx, rect);
    }
}

/// The top-bar buttons: the tutorials, and reopening a closed coach card.
pub fn top_bar_buttons_ui(ui: &mut egui::Ui, app: &FabriqueApp, commands: &mut Vec<Command>) {
    let i18n = &app.i18n;
    let button = ui
        .button(i18n.tr("tutorials-open"))
        .on_hover_text(i18n.tr("tutorials-open-tooltip"));
    targets::mark(ui.ctx(), "tutorials-open", button.rect);
    if button.clicked() {
        commands.push(Command::OpenTutorials);
    }
    let closed = app
        .tutorials
        .active
        .as_ref()
        .is_some_and(|a| !a.coach_open && catalogue().get(a.tutorial).is_some());
    if closed
        && ui
            .button(i18n.tr("coach-reopen"))
            .on_hover_text(i18n.tr("coach-reopen-tooltip"))
            .clicked()
    {
        commands.push(Command::ReopenCoach);
    }
}
