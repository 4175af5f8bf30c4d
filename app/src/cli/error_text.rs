//! Every [`CliError`] in the user's language, from `cli.ftl`: what is
//! wrong and what to do, with the reasons of the libraries' errors
//! (import, trace, export, limits) worded there too, so a French user
//! reads no English on stderr.
//!
//! The errors' own `Display` texts stay English, for logs and tests of
//! the libraries; what the user reads is only ever this.
//!
//! Current limitations: a bug of ours (a mesh that breaks its invariants,
//! a 3MF package that cannot be built) keeps its English detail in
//! brackets after the translated sentence, for the report it asks for.

use exporters::ExportError;
use geometry::extrude::ExtrudeError;
use geometry::import::ColorChoiceError;
use geometry::trace::TraceError;

use super::CliError;
use super::error::FileProblem;
use crate::i18n::{Arg, I18n};
use crate::refusal_words::{import_reason, limit_text, megabytes, path_arg, text};

/// `error` as one sentence in `i18n`'s language.
pub fn localized(error: &CliError, i18n: &I18n) -> String {
    let number = |value: f64| text(i18n.number(value, 2));
    let tr = |key: &str, args: &[(&str, Arg)]| i18n.tr_args(key, args);
    match error {
        CliError::NotAFile { path } => tr("cli-error-not-a-file", &[path_arg(path)]),
        CliError::TooLarge { path, bytes, max } => tr(
            "cli-error-too-large",
            &[
                path_arg(path),
                ("size", megabytes(*bytes as f64)),
                ("max", megabytes(*max as f64)),
            ],
        ),
        CliError::Read { path, reason } => tr(
            "cli-error-read",
            &[path_arg(path), ("reason", text(problem(i18n, reason)))],
        ),
        CliError::BadPin { trivial: true, .. } => tr("cli-error-pin-trivial", &[]),
        CliError::BadPin { min, .. } => {
            tr("cli-error-pin-short", &[("min", Arg::Number(*min as f64))])
        }
        CliError::KioskConfig { path, reason } => tr(
            "cli-error-kiosk-config",
            &[path_arg(path), ("reason", text(problem(i18n, reason)))],
        ),
        CliError::UnknownInput { path } => tr("cli-error-unknown-input", &[path_arg(path)]),
        CliError::Import { path, source } => tr(
            "cli-error-import",
            &[
                path_arg(path),
                ("reason", text(import_reason(i18n, source))),
            ],
        ),
        CliError::Project {
            path,
            newer: Some(version),
        } => tr(
            "cli-error-project-newer",
            &[path_arg(path), ("version", text(version.to_string()))],
        ),
        CliError::Project { path, newer: None } => {
            tr("cli-error-project-corrupt", &[path_arg(path)])
        }
        CliError::Picture { path } => tr("cli-error-picture", &[path_arg(path)]),
        CliError::Empty { path, action } => tr(
            "cli-error-empty",
            &[path_arg(path), ("action", text(*action))],
        ),
        CliError::WrongOutput {
            path,
            command,
            expected,
        } if path.as_os_str().is_empty() => tr(
            "cli-error-no-output",
            &[("command", text(*command)), ("expected", text(*expected))],
        ),
        CliError::WrongOutput {
            path,
            command,
            expected,
        } => tr(
            "cli-error-wrong-output",
            &[
                path_arg(path),
                ("command", text(*command)),
                ("expected", text(*expected)),
            ],
        ),
        CliError::BadLength {
            option,
            value,
            min,
            max,
        } => tr(
            "cli-error-bad-length",
            &[
                ("option", text(*option)),
                ("value", number(*value)),
                ("min", number(*min)),
                ("max", number(*max)),
            ],
        ),
        CliError::MissingHeight => tr("cli-error-missing-height", &[]),
        CliError::BadColors { source } => tr(
            "cli-error-bad-colors",
            &[("reason", text(colors_reason(i18n, source)))],
        ),
        CliError::UnknownMachine { id, known } => tr(
            "cli-error-unknown-machine",
            &[("id", text(id.clone())), ("known", text(known.clone()))],
        ),
        CliError::NothingToExtrude { path } => {
            tr("cli-error-nothing-to-extrude", &[path_arg(path)])
        }
        CliError::TooBigForMachine { machine, size, bed } => tr(
            "cli-error-too-big-for-machine",
            &[
                ("machine", text(machine.clone())),
                ("size", text(size.clone())),
                ("bed", text(bed.clone())),
            ],
        ),
        CliError::Trace { path, source } => {
            let (reason, hint) = trace_reason(i18n, source);
            tr(
                "cli-error-trace",
                &[
                    path_arg(path),
                    ("reason", text(reason)),
                    ("hint", text(hint)),
                ],
            )
        }
        CliError::Limit { path, source } => limit_text(i18n, path, source),
        CliError::Export { path, source } => tr(
            "cli-error-export",
            &[
                path_arg(path),
                ("reason", text(export_reason(i18n, source))),
            ],
        ),
        CliError::Write { path, reason } => tr(
            "cli-error-write",
            &[path_arg(path), ("reason", text(problem(i18n, reason)))],
        ),
    }
}

/// Why a file could not be read or written.
fn problem(i18n: &I18n, problem: &FileProblem) -> String {
    use std::io::ErrorKind as K;
    i18n.tr(match problem {
        FileProblem::Io(K::NotFound) => "cli-io-not-found",
        FileProblem::Io(K::PermissionDenied) => "cli-io-permission",
        FileProblem::Io(K::AlreadyExists) => "cli-io-exists",
        FileProblem::Io(_) => "cli-io-other",
        FileProblem::NotKioskSettings => "cli-kiosk-not-object",
        FileProblem::NoSalt => "cli-kiosk-no-salt",
        FileProblem::NotAFile => "cli-file-not-a-file",
        FileProblem::TooLarge => "cli-file-too-large",
        FileProblem::Link => "cli-file-link",
    })
}

fn colors_reason(i18n: &I18n, error: &ColorChoiceError) -> String {
    match error {
        ColorChoiceError::NotAPair { item } => {
            i18n.tr_args("cli-colors-not-a-pair", &[("item", text(item.clone()))])
        }
        ColorChoiceError::Color(bad) => {
            i18n.tr_args("cli-colors-bad-color", &[("text", text(bad.text.clone()))])
        }
        ColorChoiceError::Operation { word } => {
            i18n.tr_args("cli-colors-bad-operation", &[("word", text(word.clone()))])
        }
    }
}

/// The reason a picture was not traced, and what to do.
fn trace_reason(i18n: &I18n, error: &TraceError) -> (String, String) {
    let n = |value: u64| Arg::Number(value as f64);
    let tr = |key: &str, args: &[(&str, Arg)]| i18n.tr_args(key, args);
    let (reason, hint) = match error {
        TraceError::Empty => (tr("trace-error-empty", &[]), "trace-hint-resave"),
        TraceError::ZeroSize { width, height } => (
            tr(
                "trace-error-zero-size",
                &[
                    ("width", n(u64::from(*width))),
                    ("height", n(u64::from(*height))),
                ],
            ),
            "trace-hint-resave",
        ),
        TraceError::Corrupt { .. } => (tr("trace-error-corrupt", &[]), "trace-hint-resave"),
        // Its `format` is the decoder's own English words: left out.
        TraceError::Unsupported { .. } => {
            (tr("trace-error-unsupported", &[]), "trace-hint-convert")
        }
        TraceError::TooLarge {
            width,
            height,
            max_side,
            ..
        } => (
            tr(
                "trace-error-too-large",
                &[
                    ("width", n(*width)),
                    ("height", n(*height)),
                    ("side", n(u64::from(*max_side))),
                ],
            ),
            "trace-hint-smaller",
        ),
        TraceError::NothingToTrace { all_dark: false } => {
            (tr("trace-error-nothing-light", &[]), "trace-hint-higher")
        }
        TraceError::NothingToTrace { all_dark: true } => {
            (tr("trace-error-nothing-dark", &[]), "trace-hint-lower")
        }
        TraceError::TooDetailed { max } => (
            tr("trace-error-too-detailed", &[("max", n(*max as u64))]),
            "trace-hint-plain",
        ),
        TraceError::Cancelled => (tr("trace-error-cancelled", &[]), "trace-hint-again"),
        TraceError::InvalidOption { name, value } => (
            tr(
                "trace-error-option",
                &[
                    ("name", text(*name)),
                    ("value", text(i18n.number(*value, 3))),
                ],
            ),
            "trace-hint-options",
        ),
    };
    (reason, i18n.tr(hint))
}

fn export_reason(i18n: &I18n, error: &ExportError) -> String {
    let tr = |key: &str, args: &[(&str, Arg)]| i18n.tr_args(key, args);
    let internal = |detail: String| tr("export-error-internal", &[("detail", text(detail))]);
    match error {
        ExportError::UnknownExtension { .. } => tr("export-error-extension", &[]),
        ExportError::NotA3dFormat { .. } => tr("export-error-not-3d", &[]),
        ExportError::NothingToExport { .. }
        | ExportError::Extrude(ExtrudeError::NothingToExtrude) => tr("export-error-nothing", &[]),
        ExportError::InvalidTolerance { value } => tr(
            "export-error-tolerance",
            &[("value", text(i18n.number(*value, 6)))],
        ),
        ExportError::InvalidProfile(detail) => tr(
            "export-error-profile",
            &[("detail", text(detail.to_string()))],
        ),
        ExportError::Extrude(ExtrudeError::InvalidHeight { shape_id, .. }) => tr(
            "export-error-height",
            &[("shape", text(shape_id.to_string()))],
        ),
        ExportError::Extrude(ExtrudeError::NotClosed { x, y }) => tr(
            "export-error-not-closed",
            &[
                ("x", text(i18n.number(*x, 2))),
                ("y", text(i18n.number(*y, 2))),
            ],
        ),
        ExportError::Io { kind, .. } => tr(
            "export-error-io",
            &[("reason", text(problem(i18n, &FileProblem::Io(*kind))))],
        ),
        other @ (ExportError::Extrude(ExtrudeError::Triangulation { .. })
        | ExportError::InvalidMesh { .. }
        | ExportError::Package(_)) => internal(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use geometry::import::ImportError;
    use geometry::limits::LimitError;

    use super::*;
    use crate::i18n::Language;

    /// One error of each kind the user can cause.
    fn samples() -> Vec<CliError> {
        let path = PathBuf::from("dessin.svg");
        vec![
            CliError::Read {
                path: path.clone(),
                reason: FileProblem::Io(std::io::ErrorKind::NotFound),
            },
            CliError::UnknownInput { path: path.clone() },
            CliError::Import {
                path: path.clone(),
                source: ImportError::Malformed {
                    line: 3,
                    column: 7,
                    reason: "unexpected end of stream".to_owned(),
                },
            },
            CliError::Empty {
                path: path.clone(),
                action: "extrude",
            },
            CliError::WrongOutput {
                path: PathBuf::from("x.png"),
                command: "fabrique laser",
                expected: "laser",
            },
            CliError::BadLength {
                option: "height",
                value: -2.5,
                min: 0.1,
                max: 1000.0,
            },
            CliError::MissingHeight,
            CliError::BadColors {
                source: ColorChoiceError::Operation {
                    word: "burn".to_owned(),
                },
            },
            CliError::Trace {
                path: path.clone(),
                source: TraceError::NothingToTrace { all_dark: true },
            },
            CliError::Limit {
                path: path.clone(),
                source: LimitError::TooManySegments { max: 200_000 },
            },
            CliError::Export {
                path,
                source: ExportError::Io {
                    path: None,
                    kind: std::io::ErrorKind::PermissionDenied,
                },
            },
        ]
    }

    #[test]
    fn every_error_is_worded_in_both_languages() {
        let fr = I18n::new(Language::French);
        let en = I18n::new(Language::English);
        for error in samples() {
            let (french, english) = (localized(&error, &fr), localized(&error, &en));
            // A missing key comes back as the key itself.
            for line in [&french, &english] {
                assert!(
                    !line.contains("cli-") && !line.contains("-error-"),
                    "{line}"
                );
            }
            assert_ne!(french, english, "{error:?}");
        }
        let height = localized(&samples()[5], &fr);
        assert!(
            height.contains("-2,5") && height.contains("longueur"),
            "{height}"
        );
        let import = localized(&samples()[2], &fr);
        assert!(import.contains("ligne 3, colonne 7"), "{import}");
        assert!(!import.contains("unexpected"), "{import}");
    }
}
