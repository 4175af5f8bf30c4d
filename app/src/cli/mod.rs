//! The headless command line: the same engine as the app, for scripts and
//! for checking files. All lengths are in millimetres.
//!
//! Bad input gives one line on stderr saying what is wrong and what to do,
//! exit status 1, no panic and no output file (see [`CliError`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::{I18n, Language};

pub mod check;
pub mod colors;
mod error;
mod error_text;
pub mod extrude;
pub mod input;
pub mod kiosk_pin;
pub mod laser;
pub mod machines;
pub mod manuals;
pub mod trace;
pub mod usage;

pub use error::{CliError, one_line};

/// Fabrique: draw, trace and extrude shapes; export for laser cutters and 3D printers.
#[derive(Debug, Parser)]
#[command(name = "fabrique", version, about)]
pub struct Cli {
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A file to open in the app (.fabrique project, SVG or picture).
    pub file: Option<PathBuf>,
    /// Open the app in kiosk mode: full screen, "Next person", exports only
    /// into the configured folder, settings and Quit behind the animator's PIN.
    #[arg(long)]
    pub kiosk: bool,
    /// The kiosk's configuration file (default: $FABRIQUE_KIOSK_CONFIG,
    /// else /etc/fabrique/kiosk.json, else kiosk.json in the data folder).
    #[arg(long, value_name = "PATH", requires = "kiosk")]
    pub kiosk_config: Option<PathBuf>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a laser-ready SVG or DXF (sizes in mm, lab colours, hairlines).
    Laser(laser::LaserArgs),
    /// Extrude the filled shapes into a 3D part: STL or 3MF, in mm.
    Extrude(extrude::ExtrudeArgs),
    /// Trace a picture into smooth outlines: a laser-ready SVG or DXF, in mm.
    Trace(trace::TraceArgs),
    /// Check the design is ready for a lab machine (exit 2 if not).
    Check(check::CheckArgs),
    /// Set the animator's PIN of a kiosk: read on standard input, written
    /// as a salted hash into the kiosk's configuration file.
    KioskPin(kiosk_pin::KioskPinArgs),
    /// Write the man pages and shell completions (for packaging).
    #[command(hide = true)]
    WriteManuals(manuals::ManualsArgs),
}

impl Command {
    /// The language of its messages: `--lang`, else the system's.
    pub fn language(&self) -> Language {
        let lang = match self {
            Command::Laser(args) => args.lang,
            Command::Extrude(args) => args.lang,
            Command::Trace(args) => args.lang,
            Command::Check(args) => args.lang,
            Command::KioskPin(args) => args.lang,
            Command::WriteManuals(_) => None,
        };
        lang.map_or_else(Language::from_environment, Language::from)
    }
}

/// Prints `text` on stdout. A reader that stopped reading (`fabrique check
/// x --json | head`) is no error: what it read is what it wanted, so the
/// rest is dropped quietly and the command ends as it would have.
pub fn print_out(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("fabrique: {e}");
        }
        _ => {}
    }
}

/// Runs `command`, printing any error as one line on stderr.
pub fn run(command: Command) -> ExitCode {
    // Built only when there is something to say: parsing the translations
    // costs about half a millisecond, a noticeable share of a quick trace.
    let language = command.language();
    let result = match command {
        Command::Laser(args) => laser::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Extrude(args) => extrude::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Trace(args) => trace::run(&args).map(|()| ExitCode::SUCCESS),
        // `check` exits 2 when it finds a blocking problem.
        Command::Check(args) => check::run(&args),
        Command::KioskPin(args) => {
            kiosk_pin::run(&args, &I18n::new(language)).map(|()| ExitCode::SUCCESS)
        }
        Command::WriteManuals(args) => manuals::run(&args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let i18n = I18n::new(language);
            eprintln!("fabrique: {}", error::one_line(&error.localized(&i18n)));
            ExitCode::from(error.exit_code())
        }
    }
}
