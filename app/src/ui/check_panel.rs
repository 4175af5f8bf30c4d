//! The lab check in the editor: a side panel opened by the top bar's
//! "Check" button, listing as a friendly checklist what would go wrong on
//! the chosen machine (the top bar's machine combo).
//!
//! A green "Ready for the lab" line when nothing blocks; otherwise each
//! finding as a sentence ([`crate::check_text`]) with its severity, a
//! "Show" button that selects its shapes and frames its place on the
//! canvas ([`super::canvas::highlight`]), and a "Fix" button when the check
//! offers a one-click fix, applied as one undo step
//! ([`Command::ApplyFix`]).
//!
//! The check runs again whenever the document, the machine or the mode
//! changed, and only while the panel is open, on a worker thread: a
//! keychain takes 10–30 ms, but 400 gears took 26 s for the laser and 18 s
//! for the printer in a debug build (the narrow-strip check, offsetting
//! every shape, is most of it). A frame waits up to [`WAIT_ON_UI_THREAD`]
//! for the result, so a usual drawing's list appears at once; a big one
//! shows "Checking…" with the previous list greyed out until it is done.
//!
//! Current limitations: a lab's own machine files are not read here (the
//! shipped profiles only); the material thickness is the profile's.

use std::sync::Arc;
use std::time::Duration;

use exporters::Machine;
use exporters::check::{CheckOptions, Finding, Report, Severity, check_sharing};
use geometry::Document;

use super::app::FabriqueApp;
use super::canvas::highlight;
use super::work::{Poll, Work};
use crate::check_text;
use crate::i18n::{Arg, I18n};
use crate::model::command::{Action, Command};
use crate::model::derived::Derived;
use crate::model::editor::Editor;
use crate::model::machines::MachineList;

/// How long a frame waits for the check before showing "Checking…": a
/// usual drawing is checked well within it, so its list appears at once,
/// and a frame is never held longer than this.
pub const WAIT_ON_UI_THREAD: Duration = Duration::from_millis(50);

/// The panel's state: open or not, the last report with what it was
/// computed for, and the check running for the current drawing.
#[derive(Default)]
pub struct CheckPanel {
    /// The panel is shown.
    pub open: bool,
    last: Option<Checked>,
    running: Option<Running>,
    /// The list is not the current drawing's yet.
    stale: bool,
    /// What the worker was checking when it stopped without a report (a
    /// bug): not started again for the same drawing and machine.
    failed: Option<(u64, Machine)>,
    /// The solid shared with the preview and the export.
    derived: Arc<Derived>,
}

impl CheckPanel {
    /// A closed panel taking printers' solids from `derived`.
    pub fn sharing(derived: Arc<Derived>) -> Self {
        Self {
            derived,
            ..Self::default()
        }
    }
}

/// A report and what it is the report of.
struct Checked {
    revision: u64,
    machine: Machine,
    report: Report,
}

/// A check running on a worker thread.
struct Running {
    revision: u64,
    machine: Machine,
    work: Work<Report>,
}

impl CheckPanel {
    /// Opens or closes the panel; closing removes the canvas frame.
    pub fn toggle(&mut self, ctx: Option<&egui::Context>) {
        self.open = !self.open;
        if !self.open
            && let Some(ctx) = ctx
        {
            highlight::set(ctx, None);
        }
    }

    /// Brings the report up to date with the editor's document and
    /// machine: when either changed, starts a check on a worker thread and
    /// waits at most [`WAIT_ON_UI_THREAD`] for it. Returns `true` when a
    /// new report arrived.
    ///
    /// One check runs at a time: when the drawing changes again while one
    /// runs (a drag changes it every frame), the next starts only once it
    /// is done, and none starts during a gesture, so a big drawing never
    /// has a pile of checks competing for an old laptop's cores.
    pub fn refresh(
        &mut self,
        editor: &Editor,
        machines: &MachineList,
        ctx: Option<&egui::Context>,
    ) -> bool {
        let machine = machines.of_document(editor);
        let wanted = |revision: u64, m: &Machine| revision == editor.revision && *m == machine;
        let for_this = self
            .running
            .as_ref()
            .is_some_and(|r| wanted(r.revision, &r.machine));
        let mut arrived = self.collect(Some(if for_this {
            WAIT_ON_UI_THREAD
        } else {
            Duration::ZERO
        }));
        let done = self
            .last
            .as_ref()
            .is_some_and(|c| wanted(c.revision, &c.machine))
            || self.failed.as_ref().is_some_and(|(r, m)| wanted(*r, m));
        self.stale = !done;
        if !done && self.running.is_none() && !editor.history.in_gesture() {
            self.running = Some(start(
                editor.document.clone(),
                machine,
                editor.revision,
                Arc::clone(&self.derived),
                ctx,
            ));
            arrived |= self.collect(Some(WAIT_ON_UI_THREAD));
            self.stale = self.running.is_some();
        }
        arrived
    }

    /// Blocks until the running check is done (tests and scripts); the
    /// next [`CheckPanel::refresh`] shows its report.
    pub fn wait(&mut self) {
        self.collect(None);
    }

    /// `true` when the list shown is not yet the one of the current
    /// drawing (as of the last [`CheckPanel::refresh`]): a check runs or
    /// waits for the end of a gesture.
    pub fn is_checking(&self) -> bool {
        self.stale
    }

    /// The last report, if a check finished.
    pub fn report(&self) -> Option<&Report> {
        self.last.as_ref().map(|c| &c.report)
    }

    fn collect(&mut self, wait: Option<Duration>) -> bool {
        let Some(running) = &self.running else {
            return false;
        };
        match running.work.wait(wait) {
            Poll::Done(report) => {
                if let Some(running) = self.running.take() {
                    self.last = Some(Checked {
                        revision: running.revision,
                        machine: running.machine,
                        report,
                    });
                }
                true
            }
            Poll::Running => false,
            Poll::Lost => {
                self.failed = self.running.take().map(|r| (r.revision, r.machine));
                false
            }
        }
    }
}

/// Checks `document` on a worker thread; wakes the UI when done.
fn start(
    document: Document,
    machine: Machine,
    revision: u64,
    derived: Arc<Derived>,
    ctx: Option<&egui::Context>,
) -> Running {
    let for_worker = machine.clone();
    let work = Work::spawn(ctx, move |_| {
        check_sharing(
            &document,
            &for_worker,
            &CheckOptions::default(),
            |tolerance| derived.laser(&document, revision, tolerance),
            |tolerance| {
                derived
                    .solid(&document, revision, tolerance)
                    .as_ref()
                    .clone()
            },
        )
    });
    Running {
        revision,
        machine,
        work,
    }
}

/// The top bar's "Check" button: lit while the panel is open.
pub fn top_bar_button_ui(ui: &mut egui::Ui, app: &FabriqueApp, commands: &mut Vec<Command>) {
    let action = Action::Check;
    let response = ui
        .selectable_label(app.check.open, action.label(&app.i18n))
        .on_hover_text(action.tooltip(&app.i18n, ui.ctx()));
    crate::ui::tutorial::targets::mark(ui.ctx(), action.key(), response.rect);
    if response.clicked() {
        commands.push(Command::Action(action));
    }
}

/// The panel's contents. `check` is the panel's own state (its worker and
/// last report); the drawing and machines are only read.
pub fn check_panel_ui(
    ui: &mut egui::Ui,
    check: &mut CheckPanel,
    editor: &Editor,
    machines: &MachineList,
    i18n: &I18n,
    commands: &mut Vec<Command>,
) {
    ui.heading(i18n.tr("check-panel-title"));
    if editor.document.shapes.is_empty() {
        ui.label(i18n.tr("check-panel-empty"));
        return;
    }
    if check.refresh(editor, machines, Some(ui.ctx())) {
        // The frame pointed at the drawing as it was.
        highlight::set(ui.ctx(), None);
    }
    let checking = check.is_checking();
    if checking {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(i18n.tr("check-panel-checking"));
        });
        // Poll the worker even if its wake-up is missed.
        ui.ctx().request_repaint_after(WAIT_ON_UI_THREAD);
    } else if check.failed.is_some() && check.last.is_none() {
        ui.label(i18n.tr("check-panel-failed"));
    }
    let Some(checked) = check.last.as_ref() else {
        return;
    };
    ui.label(i18n.tr_args(
        "check-panel-machine",
        &[("machine", Arg::Text(checked.machine.name().to_owned()))],
    ));
    ui.separator();
    // While a newer drawing is being checked, the old list stays readable
    // but its fixes wait: they were computed for the old drawing.
    ui.add_enabled_ui(!checking, |ui| {
        summary_ui(ui, i18n, &checked.report);
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (index, finding) in checked.report.findings.iter().enumerate() {
                ui.push_id(index, |ui| finding_ui(ui, i18n, finding, commands));
            }
        });
    });
}

fn summary_ui(ui: &mut egui::Ui, i18n: &I18n, report: &Report) {
    if report.is_ready() {
        ready_ui(ui, i18n);
        if !report.findings.is_empty() {
            ui.label(i18n.tr("check-panel-warnings"));
        }
        return;
    }
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .count();
    ui.label(
        egui::RichText::new(i18n.tr_args(
            "check-panel-not-ready",
            // A count of findings is far below 2⁵³: exact as f64.
            &[("count", Arg::Number(blocking as f64))],
        ))
        .color(ui.visuals().error_fg_color)
        .strong(),
    );
}

/// The green "Ready for the lab" line, with a green dot (drawn: the
/// bundled fonts have no check mark).
fn ready_ui(ui: &mut egui::Ui, i18n: &I18n) {
    let green = egui::Color32::from_rgb(0, 130, 60);
    ui.horizontal(|ui| {
        let size = ui.text_style_height(&egui::TextStyle::Body);
        let (dot, _) = ui.allocate_exact_size(egui::Vec2::splat(size), egui::Sense::hover());
        ui.painter().circle_filled(dot.center(), size * 0.4, green);
        ui.label(
            egui::RichText::new(i18n.tr("check-panel-ready"))
                .color(green)
                .strong(),
        );
    });
}

fn finding_ui(ui: &mut egui::Ui, i18n: &I18n, finding: &Finding, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let (key, colour) = match finding.severity {
            Severity::Blocking => ("check-panel-blocking", ui.visuals().error_fg_color),
            Severity::Warning => ("check-panel-warning", ui.visuals().warn_fg_color),
        };
        ui.label(egui::RichText::new(i18n.tr(key)).color(colour).strong());
        ui.label(check_text::sentence_without_place(i18n, finding));
        ui.horizontal_wrapped(|ui| {
            let can_show = finding.bounds.is_some() || !finding.shapes.is_empty();
            if ui
                .add_enabled(can_show, egui::Button::new(i18n.tr("check-panel-show")))
                .on_hover_text(i18n.tr("check-panel-show-tooltip"))
                .clicked()
            {
                commands.push(Command::Select(finding.shapes.clone()));
                let area = finding
                    .bounds
                    .map(|b| kurbo::Rect::new(b.min[0], b.min[1], b.max[0], b.max[1]));
                highlight::set(ui.ctx(), area);
            }
            if let Some(fix) = &finding.fix {
                let what = check_text::fix_label(i18n, fix);
                let button = ui.button(i18n.tr("check-panel-fix")).on_hover_text(&what);
                crate::ui::tutorial::targets::mark(ui.ctx(), "check-panel-fix", button.rect);
                if button.clicked() {
                    commands.push(Command::ApplyFix(fix.clone()));
                }
                ui.weak(what);
            }
        });
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Shape, ShapeKind};

    fn editor_with(width: f64) -> Editor {
        let mut editor = Editor::default();
        editor
            .apply(Command::AddShapes(vec![
                // Its lower-left corner on the bed's.
                Shape::new(ShapeKind::Rectangle {
                    width,
                    height: 50.0,
                })
                .translated(width / 2.0, 25.0),
            ]))
            .unwrap();
        editor
    }

    /// The report once the check of `editor`'s drawing is done.
    fn checked(panel: &mut CheckPanel, editor: &Editor) -> Report {
        panel.refresh(editor, &MachineList::default(), None);
        panel.wait();
        panel.refresh(editor, &MachineList::default(), None);
        assert!(!panel.is_checking());
        panel.report().cloned().unwrap()
    }

    #[test]
    fn the_check_runs_again_only_when_the_drawing_or_machine_changes() {
        let mut editor = editor_with(900.0);
        let mut panel = CheckPanel::default();
        let report = checked(&mut panel, &editor);
        assert!(!report.is_ready());
        // Nothing changed: no new check starts.
        assert!(!panel.refresh(&editor, &MachineList::default(), None));
        assert!(!panel.is_checking());
        // No check during a gesture: the list waits for its end.
        editor.apply(Command::BeginGesture).unwrap();
        editor
            .apply(Command::Select(vec![editor.document.shapes[0].id]))
            .unwrap();
        editor.apply(Command::Nudge { dx: 1.0, dy: 0.0 }).unwrap();
        assert!(!panel.refresh(&editor, &MachineList::default(), None));
        assert!(panel.is_checking());
        editor.apply(Command::AbortGesture).unwrap();
        let fix = report.findings[0].fix.clone().unwrap();
        editor.apply(Command::ApplyFix(fix)).unwrap();
        assert!(checked(&mut panel, &editor).is_ready());
        // One undo step brings the problem back.
        editor.apply(Action::Undo.into()).unwrap();
        assert!(!checked(&mut panel, &editor).is_ready());
        editor
            .apply(Command::SetMachine("xtool-s1".into()))
            .unwrap();
        assert_eq!(checked(&mut panel, &editor).machine_id, "xtool-s1");
    }
}
