//! The desktop editor (egui/eframe): calm, obvious and forgiving for a
//! first-time maker on an old laptop.
//!
//! - [`app`]: the window, its panels, applying commands. The model it
//!   shows and changes lives in [`crate::model`], the translations in
//!   [`crate::i18n`].
//! - [`canvas`] and [`tools`]: the millimetre canvas and the tools' state machines.
//! - [`panels`]: top bar, tool bar, properties, status line.
//! - [`check_panel`]: the lab check as a checklist with Show and Fix.
//! - [`preview`]: the 3D preview of exactly what export writes.
//! - [`file_browser`], [`dialogs`], [`file_messages`]: files in and out,
//!   never losing work, failures in words; [`folders`]: where they live on each system.
//! - [`import_colors`] (with [`import_preview`]): the import's colour
//!   step, what each colour of a laser file becomes.
//! - [`box_dialog`]: the finger-joint box maker (laser).
//! - [`quick`]: quick projects for a one-hour workshop (keychain, badge, coaster).
//! - [`appearance`]: the interface's size, reading font and high-contrast theme.
//! - [`tutorial`]: guided tutorials that watch what you do.
//! - [`kiosk`]: kiosk mode for shared lab laptops, and the
//!   one reset to a fresh start ("Next person").

pub mod age_text;
pub mod app;
pub mod appearance;
pub mod box_dialog;
pub mod canvas;
pub mod centred_message;
pub mod check_panel;
pub mod dialogs;
pub mod file_browser;
pub mod file_messages;
pub mod file_names;
pub mod folders;
pub mod import_colors;
pub mod import_preview;
pub mod kiosk;
pub mod panels;
pub mod preview;
pub mod quick;
pub mod sample_choice;
pub mod start_error;
pub mod tools;
pub mod trace_dialog;
pub mod tutorial;
pub mod window_icon;
pub mod work;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::{AppCommand, AppOptions, FabriqueApp};

/// Smallest window that still shows every panel, points.
const MIN_WINDOW: [f32; 2] = [1000.0, 600.0];

/// Opens the editor window, with `file` loaded when given; `kiosk` is
/// `Some(config path or default)` for kiosk mode (`--kiosk`).
pub fn run(file: Option<PathBuf>, kiosk: Option<Option<PathBuf>>) -> ExitCode {
    let app_options = match kiosk {
        Some(config_path) => AppOptions::kiosk_from_environment(file, config_path),
        None => AppOptions::from_environment(file),
    };
    let options = native_options(app_options.kiosk.is_some());
    let result = eframe::run_native(
        "Fabrique",
        options,
        Box::new(move |_cc| Ok(Box::new(FabriqueApp::new(app_options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line in the user's language, never a backtrace.
            let failure = start_error::StartFailure::of(&error);
            let line = start_error::start_error_line(
                crate::i18n::Language::from_environment(),
                failure,
                &error.to_string(),
            );
            eprintln!("{line}");
            ExitCode::FAILURE
        }
    }
}

/// The window: maximised, or in kiosk mode full screen and forgetting its
/// place (closing a kiosk asks for the PIN, see [`kiosk::panels`]).
pub fn native_options(kiosk: bool) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Fabrique")
            .with_icon(window_icon::icon())
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size(MIN_WINDOW)
            .with_maximized(true)
            .with_fullscreen(kiosk)
            .with_drag_and_drop(true),
        // A kiosk keeps nothing of a session, not even the window's place.
        persist_window: !kiosk,
        ..Default::default()
    }
}
