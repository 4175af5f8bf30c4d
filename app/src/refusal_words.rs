//! Why a drawing was refused, in the user's language: an SVG the importer
//! cannot read, a drawing beyond [`geometry::limits`], and what an import
//! left out (pictures, clip paths, colours set to "ignore"). Shared by the
//! command line and the window, so both say the same thing in the same
//! words (and never the English `Display` text inside a French sentence).

use std::path::Path;

use geometry::import::{ColorUse, Ignored, ImportError, Operation, PaintKind};

use crate::check_text::mm_in;
use geometry::limits::LimitError;

use crate::i18n::{Arg, I18n};

pub(crate) fn text(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

pub(crate) fn path_arg(path: &Path) -> (&'static str, Arg) {
    ("path", text(path.display().to_string()))
}

/// Whole megabytes, for messages.
pub(crate) fn megabytes(bytes: f64) -> Arg {
    Arg::Number((bytes / 1e6).round())
}

/// Why `error` refused an SVG, as the reason part of a sentence that
/// names the file. A drawing beyond the limits is better worded whole by
/// [`limit_text`]; this arm is only its short form.
pub fn import_reason(i18n: &I18n, error: &ImportError) -> String {
    let n = |value: u64| Arg::Number(value as f64);
    let tr = |key: &str, args: &[(&str, Arg)]| i18n.tr_args(key, args);
    match error {
        ImportError::Empty => tr("import-error-empty", &[]),
        ImportError::TooLarge { bytes, max } => tr(
            "import-error-too-large",
            &[
                ("size", megabytes(*bytes as f64)),
                ("max", megabytes(*max as f64)),
            ],
        ),
        ImportError::Compressed => tr("import-error-compressed", &[]),
        ImportError::NotText { .. } => tr("import-error-not-text", &[]),
        ImportError::UnsupportedEncoding { encoding } => tr(
            "import-error-encoding",
            &[("encoding", text(encoding.clone()))],
        ),
        ImportError::Malformed { line, column, .. } => tr(
            "import-error-malformed",
            &[
                ("line", n(u64::from(*line))),
                ("column", n(u64::from(*column))),
            ],
        ),
        ImportError::NotSvg { root } => tr("import-error-not-svg", &[("root", text(root.clone()))]),
        ImportError::EntityExpansion => tr("import-error-entities", &[]),
        ImportError::ExternalReference { href } => {
            tr("import-error-external", &[("href", text(href.clone()))])
        }
        ImportError::TooManyElements { max } => tr(
            "import-error-too-many-elements",
            &[("max", n(u64::from(*max)))],
        ),
        ImportError::StyleTooComplex { rules, elements } => tr(
            "import-error-style",
            &[("rules", n(*rules)), ("elements", n(*elements))],
        ),
        ImportError::TooManySelfReferences { count } => {
            tr("import-error-self-references", &[("count", n(*count))])
        }
        ImportError::TooMuchText { max } => tr("import-error-too-much-text", &[("max", n(*max))]),
        ImportError::TooDeep { max } => tr("import-error-too-deep", &[("max", n(*max as u64))]),
        ImportError::ZeroSizeViewBox => tr("import-error-zero-view-box", &[]),
        ImportError::ZeroSize => tr("import-error-zero-size", &[]),
        ImportError::NonFinite => tr("import-error-non-finite", &[]),
        ImportError::Limit(_) => tr("import-error-limit", &[]),
    }
}

/// A drawing beyond [`geometry::limits`], as one whole sentence naming
/// `path`, with what to do.
pub fn limit_text(i18n: &I18n, path: &Path, error: &LimitError) -> String {
    match error {
        LimitError::NotFinite { shape_id } => i18n.tr_args(
            "cli-error-limit-not-finite",
            &[path_arg(path), ("shape", text(shape_id.to_string()))],
        ),
        LimitError::TooFar {
            shape_id,
            distance_mm,
            max_mm,
        } => i18n.tr_args(
            "cli-error-limit-too-far",
            &[
                path_arg(path),
                ("shape", text(shape_id.to_string())),
                ("distance", text(distance_words(i18n, *distance_mm))),
                ("max", text(i18n.number(*max_mm, 0))),
            ],
        ),
        LimitError::TooManySegments { max } => i18n.tr_args(
            "cli-error-limit-segments",
            &[path_arg(path), ("max", text(max.to_string()))],
        ),
    }
}

/// Beyond this many mm a distance is written in powers of ten: 1e308 mm
/// written out in full is 309 digits, a screen of noise.
const LONGEST_PLAIN_MM: f64 = 1e9;

/// `distance_mm` in the user's language, or as `1e308` when absurd.
fn distance_words(i18n: &I18n, distance_mm: f64) -> String {
    if distance_mm.abs() <= LONGEST_PLAIN_MM {
        i18n.number(distance_mm, 0)
    } else {
        format!("{distance_mm:.0e}")
    }
}

/// Where a sentence is read: its advice names what can be done there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `fabrique …` in a terminal.
    CommandLine,
    /// The editor's window.
    Window,
}

/// "Left out of INPUT: one picture, one clip path…", `None` when nothing
/// was left out.
pub fn ignored_line(
    i18n: &I18n,
    place: Place,
    input: &str,
    ignored: &Ignored,
    colors: &[ColorUse],
) -> Option<String> {
    let ignored_colors: Vec<&ColorUse> = colors
        .iter()
        .filter(|c| c.operation == Operation::Ignore)
        .collect();
    // Lines only: the outline of an ignored area (a label's letters) is no
    // length anyone would cut.
    let ignored_length: f64 = ignored_colors
        .iter()
        .filter(|c| c.kind == PaintKind::Stroke)
        .map(|c| c.length_mm)
        .sum();
    let parts: Vec<String> = [
        (
            match place {
                Place::CommandLine => "import-ignored-images",
                Place::Window => "import-ignored-images-window",
            },
            ignored.images,
        ),
        ("import-ignored-clips", ignored.clip_paths),
        ("import-ignored-masks", ignored.masks),
        ("import-ignored-filters", ignored.filters),
        ("import-ignored-colors", ignored_colors.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| {
        i18n.tr_args(
            key,
            &[
                ("count", Arg::Number(n as f64)),
                ("length", text(mm_in(i18n, ignored_length))),
            ],
        )
    })
    .collect();
    (!parts.is_empty()).then(|| {
        i18n.tr_args(
            "import-ignored",
            &[("input", text(input)), ("list", text(parts.join(", ")))],
        )
    })
}
