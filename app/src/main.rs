//! The `fabrique` binary: with a subcommand it runs headless (see
//! [`fabrique::cli`]); without one it opens the editor, optionally on a file.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = fabrique::cli::Cli::parse();
    match cli.command {
        Some(command) => fabrique::cli::run(command),
        None => fabrique::ui::run(cli.file),
    }
}
