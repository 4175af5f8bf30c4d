//! The one line printed when the window cannot open, instead of a
//! backtrace: old lab laptops often lack OpenGL 2 in hardware, and Mesa's
//! software renderer (`LIBGL_ALWAYS_SOFTWARE=1`) runs Fabrique well there,
//! so the line says how to start with it. In the system's language.

use crate::i18n::{Arg, I18n, Language};

/// Why the window did not open, as far as the user can act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartFailure {
    /// OpenGL could not start (no OpenGL 2, no driver, no matching config).
    Graphics,
    /// No window system at all (no `DISPLAY` or Wayland socket, SSH).
    NoDisplay,
    /// Anything else.
    Other,
}

impl StartFailure {
    /// The kind of `error` returned by `eframe::run_native`.
    pub fn of(error: &eframe::Error) -> Self {
        match error {
            eframe::Error::Glutin(_)
            | eframe::Error::NoGlutinConfigs(..)
            | eframe::Error::OpenGL(_) => StartFailure::Graphics,
            eframe::Error::WinitEventLoop(_) => StartFailure::NoDisplay,
            _ => StartFailure::Other,
        }
    }

    fn key(self) -> &'static str {
        match self {
            StartFailure::Graphics => "start-failed-graphics",
            StartFailure::NoDisplay => "start-failed-display",
            StartFailure::Other => "start-failed-other",
        }
    }
}

/// The line for `failure`, with the system's words for it in `detail`.
pub fn start_error_line(language: Language, failure: StartFailure, detail: &str) -> String {
    let text = I18n::new(language).tr_args(
        failure.key(),
        &[("reason", Arg::Text(detail.replace('\n', " ")))],
    );
    format!("fabrique: {text}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_graphics_failure_says_how_to_start_with_software_rendering() {
        for language in Language::ALL {
            let line = start_error_line(language, StartFailure::Graphics, "no GL 2.0");
            assert!(line.contains("LIBGL_ALWAYS_SOFTWARE=1 fabrique"), "{line}");
            assert!(line.contains("no GL 2.0"), "{line}");
            assert!(!line.contains('\n'), "one line: {line}");
        }
    }

    #[test]
    fn every_failure_has_its_words_in_both_languages() {
        for language in Language::ALL {
            for failure in [
                StartFailure::Graphics,
                StartFailure::NoDisplay,
                StartFailure::Other,
            ] {
                let line = start_error_line(language, failure, "x");
                assert!(!line.contains(failure.key()), "{language:?}: {line}");
                assert!(line.contains("fabrique --help"), "{line}");
            }
        }
    }
}
