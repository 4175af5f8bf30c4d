//! The `fabrique` binary: with a subcommand it runs headless (see
//! [`fabrique::cli`]); without one it opens the editor, optionally on a file.

use std::process::ExitCode;

use clap::Parser;
use fabrique::cli::usage;
use fabrique::i18n::{Arg, I18n};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match fabrique::cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error, &args),
    };
    match cli.command {
        Some(command) => {
            // A panic is our bug, never the user's: say so in one line
            // instead of a backtrace, and exit with the error status.
            let language = command.language();
            std::panic::set_hook(Box::new(move |info| {
                let i18n = I18n::new(language);
                let place = info
                    .location()
                    .map(|l| format!(" ({}:{})", l.file(), l.line()))
                    .unwrap_or_default();
                let line = i18n.tr_args("cli-error-internal", &[("place", Arg::Text(place))]);
                eprintln!("fabrique: {}", fabrique::cli::one_line(&line));
            }));
            std::panic::catch_unwind(|| fabrique::cli::run(command)).unwrap_or(ExitCode::FAILURE)
        }
        None => fabrique::ui::run(cli.file, cli.kiosk.then_some(cli.kiosk_config)),
    }
}

/// `--help` and `--version` print as usual; a usage mistake (an unknown
/// option, `--threshold 300`) becomes one line and exit status 1, like
/// every other bad input.
fn usage_error(error: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
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
    let i18n = I18n::new(usage::language_from_args(args));
    eprintln!(
        "fabrique: {}",
        fabrique::cli::one_line(&usage::message(error, &i18n))
    );
    ExitCode::FAILURE
}
