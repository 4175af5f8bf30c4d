//! Everything that can go wrong on the command line, each with one line that
//! says what is wrong and what to do.

use std::path::PathBuf;

use exporters::ExportError;
use geometry::extrude::ExtrudeError;
use geometry::import::ImportError;

/// A failed command. `Display` is the one line printed on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input file could not be read.
    #[error("cannot read {path}: {reason}. Check the file name and that you may read it.")]
    Read {
        /// The input.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The input is larger than anything Fabrique reads.
    #[error(
        "{path} is {bytes} bytes, more than the {max} Fabrique reads. Simplify the drawing or export a smaller file."
    )]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// A folder, a FIFO, a device: nothing to read as a drawing.
    #[error(
        "{path} is not an ordinary file (a folder, a pipe or a device). Give a drawing, picture or project file."
    )]
    NotAFile {
        /// The input.
        path: PathBuf,
    },
    /// A PIN too short or too easy to guess.
    #[error("{}", bad_pin_text(*trivial, *min))]
    BadPin {
        /// Easy to guess rather than too short.
        trivial: bool,
        /// Fewest characters accepted.
        min: usize,
    },
    /// The kiosk's configuration file could not be read or written.
    #[error(
        "cannot write the PIN into {path}: {reason}. Check the file, or give another with --config."
    )]
    KioskConfig {
        /// The configuration file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Neither SVG, picture nor project.
    #[error(
        "{path} is not an SVG drawing, a picture or a Fabrique project. Give an .svg, .png, .jpg or .fabrique file."
    )]
    UnknownInput {
        /// The input.
        path: PathBuf,
    },
    /// The SVG could not be imported.
    #[error(
        "cannot import {path}: {source}. Open and re-save it as plain SVG (Inkscape: File > Save As > Plain SVG)."
    )]
    Import {
        /// The input.
        path: PathBuf,
        /// Why.
        source: ImportError,
    },
    /// The project file is damaged or newer.
    #[error("cannot open the project {path}: {reason}")]
    Project {
        /// The input.
        path: PathBuf,
        /// Why, with what to do.
        reason: String,
    },
    /// A bitmap given where only the tracer can help.
    #[error("{path} is a picture: trace it first with `fabrique trace {path} -o drawing.svg`.")]
    Picture {
        /// The input.
        path: PathBuf,
    },
    /// Nothing visible in the input.
    #[error(
        "{path} draws nothing visible: nothing to {action}. Check that the shapes are not hidden or empty."
    )]
    Empty {
        /// The input.
        path: PathBuf,
        /// "cut" or "extrude".
        action: &'static str,
    },
    /// The output extension does not fit the command.
    #[error("cannot write {path} with `{command}`: use {expected}.")]
    WrongOutput {
        /// The output.
        path: PathBuf,
        /// The command.
        command: &'static str,
        /// The extensions it writes.
        expected: &'static str,
    },
    /// A length typed on the command line is not usable.
    #[error(
        "--{option} {value} is not a usable length: give a number of millimetres between {min} and {max}."
    )]
    BadLength {
        /// The option.
        option: &'static str,
        /// What was given.
        value: f64,
        /// Smallest accepted, mm.
        min: f64,
        /// Largest accepted, mm.
        max: f64,
    },
    /// `--height` missing where the input has no heights of its own.
    #[error("give the height of the part in millimetres, for example --height 3")]
    MissingHeight,
    /// A `--colors` list that cannot be read.
    #[error(
        "--colors: {source}. Write for example --colors '#0000ff=cut,#ff0000=ignore' (cut, score, engrave, ignore)."
    )]
    BadColors {
        /// Why.
        source: geometry::import::ColorChoiceError,
    },
    /// The part does not fit the printer's build volume.
    #[error(
        "the part is {size} mm and does not fit the {machine} ({bed} mm): make it smaller or choose a larger printer with --machine."
    )]
    TooBigForMachine {
        /// The printer's name.
        machine: String,
        /// The part's width × depth × height, mm.
        size: String,
        /// The build volume, mm.
        bed: String,
    },
    /// An unknown machine profile id.
    #[error("unknown machine {id:?}: known machines are {known}.")]
    UnknownMachine {
        /// What was given.
        id: String,
        /// The ids that exist.
        known: String,
    },
    /// Nothing fillable to extrude.
    #[error(
        "{path} has no filled shape to extrude (only lines or empty shapes). Draw closed, filled shapes; lines are for the laser."
    )]
    NothingToExtrude {
        /// The input.
        path: PathBuf,
    },
    /// The picture could not be decoded or traced.
    #[error("cannot trace {path}: {source}. {}.", super::trace::hint(source))]
    Trace {
        /// The input.
        path: PathBuf,
        /// Why.
        source: geometry::trace::TraceError,
    },
    /// The drawing is beyond Fabrique's limits (non-finite or absurd
    /// coordinates, too many segments), refused before any work.
    #[error("cannot use {path}: {source}. {}.", limit_hint(source))]
    Limit {
        /// The input.
        path: PathBuf,
        /// Which limit.
        source: geometry::limits::LimitError,
    },
    /// The export failed; nothing was written.
    #[error("cannot write {path}: {source}. Nothing was written.")]
    Export {
        /// The output.
        path: PathBuf,
        /// Why.
        source: ExportError,
    },
    /// A generated file (man page, completion) could not be written.
    #[error(
        "cannot write {path}: {reason}. Check that the folder exists and that you may write in it."
    )]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
}

/// What to do about a limit.
fn limit_hint(error: &geometry::limits::LimitError) -> &'static str {
    use geometry::limits::LimitError as L;
    match error {
        L::NotFinite { .. } | L::TooFar { .. } => {
            "Check the drawing's units and position, or open a backup of the file"
        }
        L::TooManySegments { .. } => {
            "Simplify the drawing (Inkscape: Path > Simplify) or split it into several files"
        }
    }
}

/// `text` on one line: control characters (newlines, tabs…) are escaped,
/// so a message quoting a file's bad value never spans several lines.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl CliError {
    /// The error in `i18n`'s language where its words are in `cli.ftl`
    /// (a file refused before reading: not a file, too large, unreadable);
    /// the others are still worded in English by `Display`.
    pub fn localized(&self, i18n: &crate::i18n::I18n) -> String {
        use crate::i18n::Arg;
        let path = |p: &std::path::Path| ("path", Arg::Text(p.display().to_string()));
        let megabytes = |bytes: u64| Arg::Number((bytes as f64 / 1e6).round());
        match self {
            CliError::NotAFile { path: p } => i18n.tr_args("cli-error-not-a-file", &[path(p)]),
            CliError::TooLarge {
                path: p,
                bytes,
                max,
            } => i18n.tr_args(
                "cli-error-too-large",
                &[
                    path(p),
                    ("size", megabytes(*bytes)),
                    ("max", megabytes(*max)),
                ],
            ),
            CliError::Read { path: p, reason } => i18n.tr_args(
                "cli-error-read",
                &[path(p), ("reason", Arg::Text(reason.clone()))],
            ),
            other => other.to_string(),
        }
    }

    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        1
    }

    /// The error of exporting `path`, with extrusion problems made specific.
    pub fn export(path: &std::path::Path, input: &std::path::Path, source: ExportError) -> Self {
        match source {
            ExportError::Extrude(ExtrudeError::NothingToExtrude) => CliError::NothingToExtrude {
                path: input.to_owned(),
            },
            source => CliError::Export {
                path: path.to_owned(),
                source,
            },
        }
    }
}

fn bad_pin_text(trivial: bool, min: usize) -> String {
    if trivial {
        "this PIN is one a visitor would try first (0000, 1234, 1212…): choose another".to_owned()
    } else {
        format!("the PIN is too short: give at least {min} characters")
    }
}
