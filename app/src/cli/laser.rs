//! `fabrique laser INPUT -o OUT.svg|OUT.dxf [--machine ID] [--colors LIST]`:
//! a laser-ready file in millimetres, with the machine's colour code and
//! hairlines. `fabrique laser --list-colors INPUT` prints the colours the
//! drawing uses and what the laser will do with each (see
//! [`super::colors`]); `--colors '#0000ff=cut,#ff0000=ignore'` changes that.
//! What the import left out (pictures, clip paths…) is said in one line on
//! stderr.
//!
//! The page is kept: an SVG's own page (when it states a physical size),
//! a project's machine bed, with every part where it was drawn; `--fit`
//! crops the page to the drawing instead.

use std::path::{Path, PathBuf};

use clap::Args;
use exporters::{ExportOptions, Format, LaserProfile};

use super::check::Lang;
use super::{CliError, colors, input};
use crate::i18n::{I18n, Language};

/// Arguments of `fabrique laser`.
#[derive(Debug, Args)]
pub struct LaserArgs {
    /// The drawing: an .svg file or a .fabrique project.
    pub input: PathBuf,
    /// Where to write: a .svg or .dxf file (replaced if it exists).
    #[arg(short, long, required_unless_present = "list_colors")]
    pub output: Option<PathBuf>,
    /// Laser profile giving the colours and line width: generic,
    /// epilog-zing-24, xtool-p2, xtool-s1 or a lab's own.
    #[arg(long, default_value = "generic")]
    pub machine: String,
    /// What each colour of the drawing becomes, overriding the defaults:
    /// '#0000ff=cut,#ff0000=ignore' (cut, score, engrave or ignore).
    #[arg(long, value_name = "COLOUR=OPERATION,...")]
    pub colors: Option<String>,
    /// Print the colours the drawing uses and what each will do; write nothing.
    #[arg(long)]
    pub list_colors: bool,
    /// Crop the page to the drawing (by default the input's page, or the
    /// machine's bed for a project, is kept, and every part stays in place).
    #[arg(long)]
    pub fit: bool,
    /// Language of the messages (default: the system's, else French).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
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
        expected: "laser",
    };
    match Format::from_path(output) {
        Ok(format @ (Format::LaserSvg | Format::Dxf)) => Ok(format),
        _ => Err(wrong()),
    }
}

/// Runs `fabrique laser`.
pub fn run(args: &LaserArgs) -> Result<(), CliError> {
    let output = match (&args.output, args.list_colors) {
        (_, true) => None,
        (Some(output), false) => Some(output),
        (None, false) => {
            return Err(CliError::WrongOutput {
                path: PathBuf::new(),
                command: "fabrique laser",
                expected: "laser",
            });
        }
    };
    if let Some(output) = output {
        laser_format(output, "fabrique laser")?;
    }
    let profile = machine_profile(&args.machine)?;
    let rules = colors::rules(&profile, args.colors.as_deref())?;
    let (document, import) = input::load_drawing_with(&args.input, &rules)?;
    let i18n = I18n::new(
        args.lang
            .map_or_else(Language::from_environment, Language::from),
    );
    let input_name = args.input.display().to_string();
    let Some(output) = output else {
        let text = match &import {
            Some(import) => colors::list_text(&i18n, &input_name, &profile.name, import),
            None => {
                i18n.tr_args(
                    "laser-colors-project",
                    &[("input", crate::i18n::Arg::Text(input_name))],
                ) + "\n"
            }
        };
        super::print_out(&text);
        return Ok(());
    };
    if let Some(line) = import.as_ref().and_then(|i| {
        crate::refusal_words::ignored_line(
            &i18n,
            crate::refusal_words::Place::CommandLine,
            &input_name,
            &i.ignored,
            &i.colors,
        )
    }) {
        eprintln!("fabrique: {}", super::one_line(&line));
    }
    if document.shapes.is_empty() {
        return Err(CliError::Empty {
            path: args.input.clone(),
            action: "cut",
        });
    }
    // Keep the page, so a part placed mid-bed stays there (print-driver
    // lasers put the page's corner at the bed's corner).
    let page_mm = match &import {
        _ if args.fit => None,
        Some(import) => import.page_size_mm,
        None => Some(profile.bed_mm),
    };
    let options = ExportOptions {
        profile,
        page_mm,
        ..ExportOptions::default()
    };
    exporters::save(output, &document, &options)
        .map_err(|e| CliError::export(output, &args.input, e))
}
