//! `fabrique extrude INPUT -o OUT.stl|OUT.3mf --height MM`: the filled
//! shapes of a drawing as a printable solid, in millimetres.

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
    exporters::save(&args.output, &document, &ExportOptions::default())
        .map_err(|e| CliError::export(&args.output, &args.input, e))
}
