//! `fabrique laser INPUT -o OUT.svg|OUT.dxf [--machine ID]`: a laser-ready
//! file in millimetres, with the machine's colour code and hairlines.

use std::path::{Path, PathBuf};

use clap::Args;
use exporters::{ExportOptions, Format, LaserProfile};

use super::{CliError, input};

/// Arguments of `fabrique laser`.
#[derive(Debug, Args)]
pub struct LaserArgs {
    /// The drawing: an .svg file or a .fabrique project.
    pub input: PathBuf,
    /// Where to write: a .svg or .dxf file (replaced if it exists).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Laser profile giving the colours and line width: generic,
    /// epilog-zing-24, xtool-p2, xtool-s1 or a lab's own.
    #[arg(long, default_value = "generic")]
    pub machine: String,
}

/// The laser profile of the machine called `id` (a shipped profile, or
/// `generic`). A printer's id is refused: it has no laser colours.
pub fn machine_profile(id: &str) -> Result<LaserProfile, CliError> {
    if id == exporters::machines::GENERIC_ALIAS {
        return Ok(LaserProfile::generic());
    }
    match super::machines::find(id) {
        Some(exporters::machines::Machine::Laser(profile)) => Ok(profile),
        _ => Err(CliError::UnknownMachine {
            id: id.to_owned(),
            known: super::machines::all()
                .iter()
                .filter(|m| matches!(m, exporters::machines::Machine::Laser(_)))
                .map(|m| m.id().to_owned())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Checks that `output` is a laser format.
pub fn laser_format(output: &Path, command: &'static str) -> Result<Format, CliError> {
    let wrong = || CliError::WrongOutput {
        path: output.to_owned(),
        command,
        expected: ".svg or .dxf",
    };
    match Format::from_path(output) {
        Ok(format @ (Format::LaserSvg | Format::Dxf)) => Ok(format),
        _ => Err(wrong()),
    }
}

/// Runs `fabrique laser`.
pub fn run(args: &LaserArgs) -> Result<(), CliError> {
    laser_format(&args.output, "fabrique laser")?;
    let profile = machine_profile(&args.machine)?;
    let document = input::load_drawing(&args.input)?;
    if document.shapes.is_empty() {
        return Err(CliError::Empty {
            path: args.input.clone(),
            action: "cut",
        });
    }
    let options = ExportOptions {
        profile,
        ..ExportOptions::default()
    };
    exporters::save(&args.output, &document, &options)
        .map_err(|e| CliError::export(&args.output, &args.input, e))
}
