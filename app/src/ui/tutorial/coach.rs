//! The coach card: which tutorial, "step 3 of 8", one instruction, and
//! back / skip / restart / close. It sits at the bottom left of the canvas
//! so the tools and the properties stay visible, and the widget the step
//! needs gets a pulsing frame. Closed, it is reopened from the top bar.

use egui::{Align2, RichText};

use super::script::Offer;
use super::{catalogue, samples, targets};
use crate::ui::app::FabriqueApp;
use crate::ui::command::Command;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::i18n::Arg;
use crate::ui::panels::toolbar::TOOLBAR_WIDTH;
use crate::ui::trace_dialog::TraceDialog;

/// What the user asked of the coach this frame.
enum Ask {
    Back,
    Skip,
    Restart,
    Close,
    Sample(String),
    Another,
}

/// Shows the coach card of the tutorial being followed, if it is open.
pub fn coach_ui(ctx: &egui::Context, app: &mut FabriqueApp) {
    let Some(active) = app.tutorials.active.as_ref() else {
        return;
    };
    let Some(tutorial) = active.tutorial() else {
        return;
    };
    if !active.coach_open {
        return;
    }
    let language = app.i18n.language();
    let i18n = &app.i18n;
    let total = tutorial.steps.len();
    let step = tutorial.steps.get(active.step);
    let mut ask = None;
    egui::Window::new(RichText::new(tutorial.title.get(language)).strong())
        .id(egui::Id::unique("coach"))
        .anchor(Align2::LEFT_BOTTOM, [TOOLBAR_WIDTH + 12.0, -36.0])
        .collapsible(false)
        .resizable(false)
        .default_width(380.0)
        .show(ctx, |ui| {
            ui.set_max_width(380.0);
            match step {
                Some(step) => {
                    ui.label(
                        RichText::new(i18n.tr_args(
                            "coach-step-of",
                            &[
                                ("step", Arg::Number((active.step + 1) as f64)),
                                ("total", Arg::Number(total as f64)),
                            ],
                        ))
                        .weak(),
                    );
                    ui.add(
                        egui::ProgressBar::new(active.step as f32 / total as f32)
                            .desired_height(6.0),
                    );
                    ui.label(RichText::new(step.text.get(language)).size(16.5));
                    if let Some(Offer::SamplePicture(name)) = &step.offer
                        && ui.button(i18n.tr("coach-use-sample")).clicked()
                    {
                        ask = Some(Ask::Sample(name.clone()));
                    }
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(active.step > 0, egui::Button::new(i18n.tr("coach-back")))
                            .clicked()
                        {
                            ask = Some(Ask::Back);
                        }
                        if ui
                            .button(i18n.tr("coach-skip"))
                            .on_hover_text(i18n.tr("coach-skip-tooltip"))
                            .clicked()
                        {
                            ask = Some(Ask::Skip);
                        }
                        if ui
                            .button(i18n.tr("coach-restart"))
                            .on_hover_text(i18n.tr("coach-restart-tooltip"))
                            .clicked()
                        {
                            ask = Some(Ask::Restart);
                        }
                        if ui
                            .button(i18n.tr("coach-close"))
                            .on_hover_text(i18n.tr("coach-close-tooltip"))
                            .clicked()
                        {
                            ask = Some(Ask::Close);
                        }
                    });
                }
                None => {
                    ui.label(RichText::new(i18n.tr("coach-finished")).size(18.0).strong());
                    ui.label(RichText::new(tutorial.finish.get(language)).size(16.5));
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button(i18n.tr("coach-another")).clicked() {
                            ask = Some(Ask::Another);
                        }
                        if ui.button(i18n.tr("coach-close")).clicked() {
                            ask = Some(Ask::Close);
                        }
                    });
                }
            }
        });
    if let Some(target) = step.and_then(|s| s.target.as_deref())
        && let Some(rect) = targets::rect(ctx, target)
    {
        targets::paint(ctx, rect);
    }
    if let Some(ask) = ask {
        answer(app, ask);
    }
}

fn answer(app: &mut FabriqueApp, ask: Ask) {
    let document = app.editor.document.clone();
    let Some(active) = app.tutorials.active.as_mut() else {
        return;
    };
    match ask {
        Ask::Back => {
            let step = active.step.saturating_sub(1);
            active.go_to(step, &document);
        }
        Ask::Skip => {
            let step = active.step + 1;
            active.go_to(step, &document);
        }
        Ask::Restart => {
            let index = active.tutorial;
            app.guard_unsaved(Pending::Tutorial(index));
        }
        Ask::Close => {
            active.coach_open = false;
            if active.finished() {
                app.tutorials.active = None;
            }
        }
        Ask::Another => {
            app.tutorials.active = None;
            app.tutorials.start_screen_open = true;
        }
        Ask::Sample(name) => {
            if let Some(bytes) = samples::sample(&name) {
                let ctx = app.ctx.clone();
                app.dialog = Some(Dialog::Trace(Box::new(TraceDialog::from_bytes(
                    name.into(),
                    bytes,
                    ctx,
                ))));
            }
        }
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
