//! The `fabrique` binary: with a subcommand it runs headless (see
//! [`fabrique::cli`]); without one it opens the editor, optionally on a file.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = fabrique::cli::Cli::parse();
    match cli.command {
        Some(command) => {
            // A panic is our bug, never the user's: say so in one line
            // instead of a backtrace, and exit with the error status.
            std::panic::set_hook(Box::new(|info| {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                eprintln!(
                    "fabrique: internal error{place}. Nothing was written. Please report this file to the Fabrique team."
                );
            }));
            std::panic::catch_unwind(|| fabrique::cli::run(command)).unwrap_or(ExitCode::FAILURE)
        }
        None => fabrique::ui::run(cli.file),
    }
}
