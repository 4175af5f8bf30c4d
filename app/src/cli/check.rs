//! `fabrique check INPUT [--machine ID] [--json] [--lang fr|en]`: is the
//! design ready for the lab's machine? A plain-language list of problems,
//! one line each (what, where, what to do; the words come from
//! [`crate::check_text`]), or the findings as JSON for scripts, each with
//! its sentence as `message`.
//!
//! Exit status: 0 when nothing blocks (warnings may be listed), 2 when a
//! blocking problem was found, 1 when the input or the machine is unusable
//! (one line on stderr, as every command).
//!
//! The machine defaults to the project's own (`machine_id`), else the
//! generic laser. Positions are in millimetres from the drawing's
//! lower-left corner, Y up, as in the editor. The language is `--lang`,
//! else the system's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else French.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use exporters::check::{CheckOptions, Finding, check};
use serde::Serialize;

use super::{CliError, input};
use crate::check_text;
use crate::i18n::{I18n, Language};

/// Exit status when a blocking problem was found.
pub const EXIT_BLOCKING: u8 = 2;

/// Arguments of `fabrique check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The drawing: an .svg file or a .fabrique project.
    pub input: PathBuf,
    /// Machine to check against (default: the project's, else generic).
    #[arg(long)]
    pub machine: Option<String>,
    /// Print the findings as JSON instead of sentences.
    #[arg(long)]
    pub json: bool,
    /// Language of the sentences (default: the system's, else French).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// The languages `--lang` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Français.
    Fr,
    /// English.
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Fr => Language::French,
            Lang::En => Language::English,
        }
    }
}

/// What `--json` prints.
#[derive(Serialize)]
struct JsonReport<'a> {
    input: String,
    machine: &'a str,
    ready: bool,
    findings: Vec<JsonFinding<'a>>,
    /// What the drawing holds: parts, holes, slits…
    summary: &'a exporters::check::Summary,
}

/// One finding of `--json`: its typed fields and its sentence.
#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    /// The sentence, in the chosen language.
    message: String,
}

/// Runs `fabrique check`; `Ok` carries the exit status (0 ready, 2 blocked).
pub fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let document = input::load_drawing(&args.input)?;
    if document.shapes.is_empty() {
        return Err(CliError::Empty {
            path: args.input.clone(),
            action: "check",
        });
    }
    let id = args
        .machine
        .clone()
        .or_else(|| document.machine_id.clone())
        .unwrap_or_else(|| exporters::machines::GENERIC_ALIAS.to_owned());
    let machine = super::machines::find(&id).ok_or_else(|| CliError::UnknownMachine {
        id: id.clone(),
        known: super::machines::all()
            .iter()
            .map(|m| m.id().to_owned())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let report = check(&document, &machine, &CheckOptions::default());
    let i18n = I18n::new(
        args.lang
            .map_or_else(Language::from_environment, Language::from),
    );
    if args.json {
        let json = JsonReport {
            input: args.input.display().to_string(),
            machine: machine.id(),
            ready: report.is_ready(),
            findings: report
                .findings
                .iter()
                .map(|finding| JsonFinding {
                    finding,
                    message: check_text::sentence(&i18n, finding),
                })
                .collect(),
            summary: &report.summary,
        };
        // Serialising plain numbers and strings cannot fail; say so if it does.
        match serde_json::to_string_pretty(&json) {
            Ok(text) => super::print_out(&format!("{text}\n")),
            Err(_) => super::print_out(&format!("{{\"ready\": {}}}\n", report.is_ready())),
        }
    } else {
        super::print_out(&check_text::report_text(
            &i18n,
            &args.input.display().to_string(),
            &machine,
            &report,
        ));
    }
    Ok(if report.is_ready() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_BLOCKING)
    })
}
