//! `fabrique extrude INPUT -o OUT.stl|OUT.3mf --height MM [--machine ID]`:
//! the filled shapes of a drawing as a printable solid, in millimetres.
//! With `--machine` (a shipped printer or the lab's own), a part larger
//! than its build volume is refused before anything is written, as a
//! slicer would refuse it.

use std::path::PathBuf;

use clap::Args;
use exporters::{ExportOptions, Format};
use geometry::Extrusion;

use super::{CliError, input};

/// Thinnest height accepted, mm: thinner than a printed layer makes no part.
pub const MIN_HEIGHT_MM: f64 = 0.05;

/// Arguments of `fabrique extrude`.
#[derive(Debug, Args)]
pub struct ExtrudeArgs {
    /// The drawing: an .svg file or a .fabrique project.
    pub input: PathBuf,
    /// Where to write: a .stl or .3mf file (replaced if it exists).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Height of every filled shape, mm. Required for SVG; a project keeps
    /// its own heights when this is not given.
    #[arg(long, allow_negative_numbers = true)]
    pub height: Option<f64>,
    /// The printer the part is for (prusa-mk4, bambu-a1-mini… or a lab's
    /// own): a part larger than its build volume is refused.
    #[arg(long)]
    pub machine: Option<String>,
    /// Language of the messages (default: the system's, else French).
    #[arg(long, value_enum)]
    pub lang: Option<super::check::Lang>,
}

/// Runs `fabrique extrude`.
pub fn run(args: &ExtrudeArgs) -> Result<(), CliError> {
    let expected = "solid";
    match Format::from_path(&args.output) {
        Ok(Format::Stl | Format::ThreeMf) => {}
        _ => {
            return Err(CliError::WrongOutput {
                path: args.output.clone(),
                command: "fabrique extrude",
                expected,
            });
        }
    }
    if let Some(height) = args.height {
        let max = geometry::extrude::MAX_Z_MM;
        if !(height.is_finite() && (MIN_HEIGHT_MM..=max).contains(&height)) {
            return Err(CliError::BadLength {
                option: "height",
                value: height,
                min: MIN_HEIGHT_MM,
                max,
            });
        }
    }
    let (mut document, kind) = input::load_drawing_and_kind(&args.input)?;
    let is_project = kind == Some(input::InputKind::Project);
    match (args.height, is_project) {
        (Some(height), _) => {
            for shape in &mut document.shapes {
                shape.extrusion = Extrusion {
                    height,
                    base: 0.0,
                    hole: false,
                };
            }
        }
        (None, true) => {}
        (None, false) => return Err(CliError::MissingHeight),
    }
    if document.shapes.is_empty() {
        return Err(CliError::Empty {
            path: args.input.clone(),
            action: "extrude",
        });
    }
    if let Some(id) = &args.machine {
        fits_printer(&document, id)?;
    }
    exporters::save(&args.output, &document, &ExportOptions::default())
        .map_err(|e| CliError::export(&args.output, &args.input, e))
}

/// Refuses an unknown printer id, and a part larger than the printer's
/// build volume (its footprint and its tallest shape).
fn fits_printer(document: &geometry::Document, id: &str) -> Result<(), CliError> {
    let printers = || {
        super::machines::all()
            .into_iter()
            .filter(|m| matches!(m, exporters::Machine::Printer(_)))
    };
    let Some(printer) = printers().find(|m| m.id() == id) else {
        return Err(CliError::UnknownMachine {
            id: id.to_owned(),
            known: printers()
                .map(|m| m.id().to_owned())
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    let Some(bounds) = geometry::transform::shapes_bounds(&document.shapes) else {
        return Ok(());
    };
    let tallest = document
        .shapes
        .iter()
        .map(|s| s.extrusion.base + s.extrusion.height)
        .fold(0.0, f64::max);
    let (width, depth, height) = printer.bed_mm();
    // Either way round on the bed: a slicer lets the person turn the part.
    let (long, short) = (
        bounds.width().max(bounds.height()),
        bounds.width().min(bounds.height()),
    );
    let slack = geometry::approx::EPSILON_MM;
    let fits_flat = long <= width.max(depth) + slack && short <= width.min(depth) + slack;
    if fits_flat && tallest <= height + slack {
        return Ok(());
    }
    let mm = |v: f64| format!("{:.1}", v);
    Err(CliError::TooBigForMachine {
        machine: printer.name().to_owned(),
        size: format!(
            "{} × {} × {}",
            mm(bounds.width()),
            mm(bounds.height()),
            mm(tallest)
        ),
        bed: format!("{} × {} × {}", mm(width), mm(depth), mm(height)),
    })
}
