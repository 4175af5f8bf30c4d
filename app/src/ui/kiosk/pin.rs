//! The animator's PIN: a masked field, "Wrong PIN" in words, and a pause
//! after several wrong tries so a visitor cannot try every code in turn.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::Unlock;
use crate::i18n::{Arg, I18n};

/// Wrong PINs in a row before the PIN is refused for a while.
pub const MAX_FAILURES: u32 = 5;

/// How long the PIN is refused after the first [`MAX_FAILURES`]; each
/// further series of wrong PINs doubles it (1, 2, 4, 8… minutes), so an
/// animator who mistyped waits a minute while trying every code in turn
/// would take years.
pub const LOCK_FOR: Duration = Duration::from_secs(60);

/// Longest refusal, whatever the number of series: a day.
pub const MAX_LOCK: Duration = Duration::from_secs(24 * 60 * 60);

/// Name of the file in the data folder that keeps the count across restarts.
pub const LOCK_FILE_NAME: &str = "kiosk-pin-lock.json";

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

/// What is kept on disk: restarting Fabrique (or the laptop) must not
/// give a visitor a fresh series of tries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Stored {
    failures: u32,
    series: u32,
    locked_until_secs: Option<u64>,
}

/// Wrong tries in a row; survives "Next person" (it lives in the kiosk,
/// which a reset keeps) and restarts (a file in the data folder).
#[derive(Clone, Debug, Default)]
pub struct PinLock {
    stored: Stored,
    file: Option<PathBuf>,
}

impl PinLock {
    /// The lock kept in `file` (none: in memory only). A missing or
    /// damaged file starts a fresh count.
    pub fn load(file: Option<PathBuf>) -> Self {
        let stored = file
            .as_deref()
            .and_then(|f| crate::bounded_read::read_file(f, 4096).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Self { stored, file }
    }

    /// Records one try (`right` or not) at `now`.
    pub fn check(&mut self, right: bool, now: SystemTime) -> PinAnswer {
        let now_secs = seconds(now);
        if let Some(until) = self.stored.locked_until_secs {
            if now_secs < until {
                return PinAnswer::Locked(Duration::from_secs(until - now_secs));
            }
            self.stored.locked_until_secs = None;
            self.stored.failures = 0;
        }
        let answer = if right {
            self.stored = Stored::default();
            PinAnswer::Right
        } else {
            self.stored.failures += 1;
            if self.stored.failures >= MAX_FAILURES {
                let wait = lock_for(self.stored.series);
                self.stored.series = self.stored.series.saturating_add(1);
                self.stored.locked_until_secs = Some(now_secs + wait.as_secs());
                PinAnswer::Locked(wait)
            } else {
                PinAnswer::Wrong
            }
        };
        self.store();
        answer
    }

    fn store(&self) {
        use exporters::atomic_write::{Access, Existing, write_file};
        let Some(file) = &self.file else {
            return;
        };
        let bytes = serde_json::to_vec(&self.stored).unwrap_or_default();
        // Not written (read-only data folder): the lock still holds until
        // Fabrique closes.
        let _ = write_file(file, &bytes, Existing::Replace, Access::Private, || true);
    }
}

/// The refusal after `series` earlier series of wrong PINs.
fn lock_for(series: u32) -> Duration {
    let factor = 2u32.saturating_pow(series.min(20));
    LOCK_FOR.saturating_mul(factor).min(MAX_LOCK)
}

fn seconds(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A wait in words, with plurals: seconds under a minute, else minutes.
pub fn wait_text(wait: Duration, i18n: &I18n) -> String {
    let secs = wait.as_secs().max(1);
    if secs < 60 {
        i18n.tr_args(
            "kiosk-pin-locked-seconds",
            &[("count", Arg::Number(secs as f64))],
        )
    } else {
        let minutes = secs.div_ceil(60);
        i18n.tr_args(
            "kiosk-pin-locked-minutes",
            &[("count", Arg::Number(minutes as f64))],
        )
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
            PinAnswer::Locked(wait) => wait_text(*wait, i18n),
            _ => i18n.tr("kiosk-pin-wrong"),
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn fail_series(lock: &mut PinLock, at: SystemTime) -> PinAnswer {
        for _ in 1..MAX_FAILURES {
            assert_eq!(lock.check(false, at), PinAnswer::Wrong);
        }
        lock.check(false, at)
    }

    #[test]
    fn each_series_of_wrong_pins_doubles_the_wait() {
        let mut lock = PinLock::default();
        let mut t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        for minutes in [1, 2, 4, 8] {
            let wait = Duration::from_secs(60 * minutes);
            assert_eq!(fail_series(&mut lock, t), PinAnswer::Locked(wait));
            // Even the right PIN waits.
            assert!(matches!(lock.check(true, t), PinAnswer::Locked(_)));
            t += wait;
        }
        assert_eq!(lock.check(true, t), PinAnswer::Right);
        // A right PIN starts over at one minute.
        assert_eq!(fail_series(&mut lock, t), PinAnswer::Locked(LOCK_FOR));
        assert_eq!(lock_for(40), MAX_LOCK);
    }

    #[test]
    fn a_right_pin_resets_the_count() {
        let mut lock = PinLock::default();
        let t0 = SystemTime::now();
        for _ in 1..MAX_FAILURES {
            lock.check(false, t0);
        }
        assert_eq!(lock.check(true, t0), PinAnswer::Right);
        assert_eq!(lock.check(false, t0), PinAnswer::Wrong);
    }

    #[test]
    fn the_lock_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(LOCK_FILE_NAME);
        let t0 = SystemTime::now();
        let mut lock = PinLock::load(Some(file.clone()));
        assert!(matches!(fail_series(&mut lock, t0), PinAnswer::Locked(_)));
        let mut restarted = PinLock::load(Some(file.clone()));
        assert!(matches!(restarted.check(true, t0), PinAnswer::Locked(_)));
        // And the next series after the wait is longer.
        let later = t0 + LOCK_FOR;
        let mut again = PinLock::load(Some(file));
        assert_eq!(
            fail_series(&mut again, later),
            PinAnswer::Locked(2 * LOCK_FOR)
        );
    }

    #[test]
    fn waits_are_said_with_plurals() {
        let fr = I18n::new(Language::French);
        let en = I18n::new(Language::English);
        assert_eq!(
            wait_text(Duration::from_secs(1), &fr),
            "Trop de codes incorrects. Attendez 1 seconde, puis réessayez."
        );
        assert!(wait_text(Duration::from_secs(30), &fr).contains("30 secondes"));
        assert!(wait_text(Duration::from_secs(60), &en).contains("1 minute,"));
        assert!(wait_text(Duration::from_secs(121), &en).contains("3 minutes"));
    }
}
