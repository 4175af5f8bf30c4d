//! The `fabrique` binary: with a subcommand it runs headless (see
//! [`fabrique::cli`]); without one it opens the editor, optionally on a file.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match fabrique::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
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
        None => fabrique::ui::run(cli.file, cli.kiosk.then_some(cli.kiosk_config)),
    }
}

/// `--help` and `--version` print as usual; a usage mistake (an unknown
/// option, `--threshold 300`) becomes one line and exit status 1, like
/// every other bad input.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let rendered = error.render().to_string();
    // clap's message runs until the blank line before "Usage:".
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("fabrique: {message}. See `fabrique --help`.");
    ExitCode::FAILURE
}
