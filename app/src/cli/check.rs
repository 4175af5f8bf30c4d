//! `fabrique check INPUT [--machine ID] [--json]`: is the design ready for
//! the lab's machine? A plain-language list of problems, one line each
//! (what, where, what to do), or the findings as JSON for scripts.
//!
//! Exit status: 0 when nothing blocks (warnings may be listed), 2 when a
//! blocking problem was found, 1 when the input or the machine is unusable
//! (one line on stderr, as every command).
//!
//! The machine defaults to the project's own (`machine_id`), else the
//! generic laser. Positions are in millimetres from the drawing's
//! lower-left corner, Y up, as in the editor.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use exporters::Machine;
use exporters::check::{CheckOptions, Finding, FindingKind, Fix, Report, Severity, check};
use serde::Serialize;

use super::{CliError, input};

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
}

/// What `--json` prints.
#[derive(Serialize)]
struct JsonReport<'a> {
    input: String,
    machine: &'a str,
    ready: bool,
    findings: &'a [Finding],
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
    let machine = exporters::machines::find(&id).ok_or_else(|| CliError::UnknownMachine {
        id: id.clone(),
        known: exporters::machines::all_machines()
            .iter()
            .map(|m| m.id().to_owned())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let report = check(&document, &machine, &CheckOptions::default());
    if args.json {
        let json = JsonReport {
            input: args.input.display().to_string(),
            machine: machine.id(),
            ready: report.is_ready(),
            findings: &report.findings,
        };
        // Serialising plain numbers and strings cannot fail; say so if it does.
        match serde_json::to_string_pretty(&json) {
            Ok(text) => println!("{text}"),
            Err(_) => println!("{{\"ready\": {}}}", report.is_ready()),
        }
    } else {
        print!(
            "{}",
            human(&args.input.display().to_string(), &machine, &report)
        );
    }
    Ok(if report.is_ready() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_BLOCKING)
    })
}

/// The report as sentences: a summary line, then one line per finding.
pub fn human(input: &str, machine: &Machine, report: &Report) -> String {
    let name = format!("{} ({})", machine.name(), machine.id());
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .count();
    let warnings = report.findings.len() - blocking;
    let mut out = if report.findings.is_empty() {
        format!("{input} is ready for {name}: no problem found.\n")
    } else if blocking == 0 {
        format!("{input} is ready for {name}, with {warnings} warning(s):\n")
    } else {
        format!(
            "{input} is not ready for {name}: {blocking} problem(s) to fix, {warnings} warning(s):\n"
        )
    };
    for finding in &report.findings {
        let label = match finding.severity {
            Severity::Blocking => "PROBLEM",
            Severity::Warning => "warning",
        };
        let text = sentence(finding);
        let mut chars = text.chars();
        let text = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text,
        };
        out.push_str(&format!("  {label}: {text}\n"));
    }
    out
}

/// A number of millimetres, at most two decimals, no trailing zeros.
fn mm(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// " near x 6, y 10 mm (shape 2)": where to look.
fn place(finding: &Finding) -> String {
    let at = finding.bounds.map(|b| {
        format!(
            " near x {}, y {} mm",
            mm((b.min[0] + b.max[0]) / 2.0),
            mm((b.min[1] + b.max[1]) / 2.0)
        )
    });
    let shapes = match finding.shapes.as_slice() {
        [] => String::new(),
        [one] => format!(" (shape {})", one.0),
        many if many.len() <= 4 => {
            let ids: Vec<String> = many.iter().map(|s| s.0.to_string()).collect();
            format!(" (shapes {})", ids.join(", "))
        }
        many => format!(" ({} shapes)", many.len()),
    };
    format!("{}{shapes}", at.unwrap_or_default())
}

/// What, where and what to do, in one line.
fn sentence(finding: &Finding) -> String {
    let at = place(finding);
    let blocking = finding.severity == Severity::Blocking;
    match &finding.kind {
        FindingKind::TooBig {
            size_mm,
            bed_mm,
            fits_rotated,
        } => {
            let (size, bed) = if bed_mm[2] > 0.0 {
                (
                    format!("{} × {} × {} mm", mm(size_mm[0]), mm(size_mm[1]), mm(size_mm[2])),
                    format!("{} × {} × {} mm", mm(bed_mm[0]), mm(bed_mm[1]), mm(bed_mm[2])),
                )
            } else {
                (
                    format!("{} × {} mm", mm(size_mm[0]), mm(size_mm[1])),
                    format!("{} × {} mm", mm(bed_mm[0]), mm(bed_mm[1])),
                )
            };
            if *fits_rotated {
                format!("the design ({size}) fits the machine ({bed}) only turned a quarter turn. Turn it on the bed.")
            } else {
                let scale = match &finding.fix {
                    Some(Fix::ScaleToFit { factor, .. }) => {
                        format!(" Scale it down to {} % (one-click fix) or", mm(factor * 100.0))
                    }
                    _ => String::new(),
                };
                format!("the design ({size}) is larger than the machine ({bed}).{scale} split it into smaller pieces.")
            }
        }
        FindingKind::OpenCutPath { gap_mm } if blocking => format!(
            "a cut line is not closed (a gap of {} mm){at}: the piece will not come free. Close the path (one-click fix).",
            mm(*gap_mm)
        ),
        FindingKind::OpenCutPath { .. } => format!(
            "a cut line encloses nothing{at}: it will cut a slit. If you meant a shape, close it; if a slit is meant, ignore this."
        ),
        FindingKind::DuplicateLines {
            length_mm,
            whole_shape: true,
        } => format!(
            "a shape lies exactly on another ({} mm of line){at}: the laser would burn it twice. Remove the copy (one-click fix).",
            mm(*length_mm)
        ),
        FindingKind::DuplicateLines { length_mm, .. } => format!(
            "{} mm of line is drawn twice{at}: another program would burn it twice (Fabrique's laser export burns it once). Remove one of the lines if you use another program.",
            mm(*length_mm)
        ),
        FindingKind::TooNarrow {
            limit_mm,
            burns_away: true,
        } => format!(
            "a strip of material is narrower than the laser's kerf ({} mm){at}: it burns away and the part breaks. Make it wider.",
            mm(*limit_mm)
        ),
        FindingKind::TooNarrow { limit_mm, .. } => format!(
            "a strip of material is narrower than {} mm{at}: it may snap or warp. Make it wider if you can.",
            mm(*limit_mm)
        ),
        FindingKind::HoleTooSmall { size_mm, min_mm } => format!(
            "a hole of {} mm{at} is smaller than half the material's thickness: it will not cut cleanly. Make it at least {} mm.",
            mm(*size_mm),
            mm(*min_mm)
        ),
        FindingKind::TextTooSmall { size_mm, min_mm } => format!(
            "text of {} mm{at} is too small to engrave legibly. Make it at least {} mm.",
            mm(*size_mm),
            mm(*min_mm)
        ),
        FindingKind::LooseIsland { area_mm2 } => format!(
            "a piece of {} mm²{at} sits inside a hole and will fall out. If this is a stencil, join it to the sheet with thin bridges.",
            mm(*area_mm2)
        ),
        FindingKind::FloatingPart { lowest_z_mm } => format!(
            "a part starts {} mm above the plate{at}: it would print in mid-air. Lower it onto the plate (one-click fix).",
            mm(*lowest_z_mm)
        ),
        FindingKind::WallTooThin { min_wall_mm, z_mm } => format!(
            "a wall is thinner than {} mm (two nozzle widths) at height {} mm{at}: it will not print. Make it thicker.",
            mm(*min_wall_mm),
            mm(*z_mm)
        ),
        FindingKind::MeshNotClosed {
            open_edges,
            repeated_edges,
        } => format!(
            "the solid is not closed{at} ({open_edges} open and {repeated_edges} doubled edges): the slicer may refuse it. Move the shapes apart slightly or change their heights where they meet."
        ),
        FindingKind::BadHeight { value } => format!(
            "a shape has an unusable height or base ({value}){at}. Give it a height in millimetres."
        ),
        FindingKind::NothingToMake => "nothing to print: no filled shape with a height. Draw closed, filled shapes; lines are for the laser.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_read_well() {
        assert_eq!(mm(12.0), "12");
        assert_eq!(mm(0.1 + 0.2), "0.3");
        assert_eq!(mm(1890.0000001), "1890");
        assert_eq!(mm(-0.001), "0");
        assert_eq!(mm(31.75), "31.75");
    }
}
