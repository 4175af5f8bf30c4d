//! The desktop editor (egui/eframe).

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the editor window, with `file` loaded when given.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let _ = file;
    let options = eframe::NativeOptions::default();
    let result = eframe::run_ui_native("Fabrique", options, |ui, _frame| {
        ui.heading("Fabrique");
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "fabrique: cannot open a window ({error}). Use the command line instead: fabrique --help"
            );
            ExitCode::FAILURE
        }
    }
}
