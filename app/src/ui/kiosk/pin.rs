//! The animator's PIN: a masked field, "Wrong PIN" in words, and a pause
//! after several wrong tries so a visitor cannot try every code in turn.

use std::time::{Duration, Instant};

use super::Unlock;
use crate::ui::i18n::{Arg, I18n};

/// Wrong PINs in a row before the PIN is refused for a while.
pub const MAX_FAILURES: u32 = 5;

/// How long the PIN is refused after [`MAX_FAILURES`]: trying 10,000 codes
/// then takes weeks, while an animator who mistyped waits a minute.
pub const LOCK_FOR: Duration = Duration::from_secs(60);

/// The PIN dialog's state.
#[derive(Debug)]
pub struct PinDialog {
    /// What a right PIN unlocks.
    pub unlock: Unlock,
    /// The digits typed so far.
    pub typed: String,
    /// The last answer in words (wrong PIN, wait).
    pub problem: Option<String>,
    focused: bool,
}

/// What the user did in the PIN dialog this frame.
#[derive(Debug, PartialEq)]
pub enum PinOutcome {
    /// Still typing.
    Open,
    /// Cancelled.
    Cancelled,
    /// Confirmed this PIN.
    Submitted(String),
}

/// The answer to a typed PIN.
#[derive(Debug, PartialEq)]
pub enum PinAnswer {
    /// Unlocked.
    Right,
    /// Wrong; tries left before the pause.
    Wrong,
    /// Too many wrong tries: refused for this long, whatever was typed.
    Locked(Duration),
}

/// Wrong tries in a row; survives "Next person" so it cannot reset the count.
#[derive(Clone, Debug, Default)]
pub struct PinLock {
    failures: u32,
    locked_until: Option<Instant>,
}

impl PinLock {
    /// Records one try (`right` or not) at `now`.
    pub fn check(&mut self, right: bool, now: Instant) -> PinAnswer {
        if let Some(until) = self.locked_until {
            if now < until {
                return PinAnswer::Locked(until - now);
            }
            self.locked_until = None;
            self.failures = 0;
        }
        if right {
            self.failures = 0;
            return PinAnswer::Right;
        }
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            self.locked_until = Some(now + LOCK_FOR);
            return PinAnswer::Locked(LOCK_FOR);
        }
        PinAnswer::Wrong
    }
}

impl PinDialog {
    /// An empty PIN dialog for `unlock`.
    pub fn new(unlock: Unlock) -> Self {
        Self {
            unlock,
            typed: String::new(),
            problem: None,
            focused: false,
        }
    }

    /// Shows the dialog's contents.
    pub fn pin_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> PinOutcome {
        ui.set_min_width(320.0);
        ui.heading(i18n.tr("kiosk-pin-title"));
        let text_key = match self.unlock {
            Unlock::Settings => "kiosk-pin-text-settings",
            Unlock::Quit => "kiosk-pin-text-quit",
        };
        ui.label(i18n.tr(text_key));
        let mut outcome = PinOutcome::Open;
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("kiosk-pin-label"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.typed)
                        .password(true)
                        .desired_width(140.0),
                )
                .labelled_by(label.id);
            if !self.focused {
                field.request_focus();
                self.focused = true;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                outcome = PinOutcome::Submitted(self.typed.clone());
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("kiosk-pin-confirm")).clicked() {
                outcome = PinOutcome::Submitted(self.typed.clone());
            }
            if ui.button(i18n.tr("button-cancel")).clicked() {
                outcome = PinOutcome::Cancelled;
            }
        });
        outcome
    }

    /// Shows why the PIN was refused and empties the field for a new try.
    pub fn refused(&mut self, answer: &PinAnswer, i18n: &I18n) {
        self.typed.clear();
        // Enter took the focus away: give it back for the next try.
        self.focused = false;
        self.problem = Some(match answer {
            PinAnswer::Locked(wait) => i18n.tr_args(
                "kiosk-pin-locked",
                &[("seconds", Arg::Number(wait.as_secs().max(1) as f64))],
            ),
            _ => i18n.tr("kiosk-pin-wrong"),
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn too_many_wrong_pins_lock_for_a_while() {
        let mut lock = PinLock::default();
        let t0 = Instant::now();
        for _ in 1..MAX_FAILURES {
            assert_eq!(lock.check(false, t0), PinAnswer::Wrong);
        }
        assert_eq!(lock.check(false, t0), PinAnswer::Locked(LOCK_FOR));
        // Even the right PIN waits.
        assert!(matches!(lock.check(true, t0), PinAnswer::Locked(_)));
        assert_eq!(lock.check(true, t0 + LOCK_FOR), PinAnswer::Right);
    }

    #[test]
    fn a_right_pin_resets_the_count() {
        let mut lock = PinLock::default();
        let t0 = Instant::now();
        for _ in 1..MAX_FAILURES {
            lock.check(false, t0);
        }
        assert_eq!(lock.check(true, t0), PinAnswer::Right);
        assert_eq!(lock.check(false, t0), PinAnswer::Wrong);
    }
}
