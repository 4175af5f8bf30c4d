//! A mistake on the command line (an unknown option, a value that is not a
//! number, a missing file name) in the user's language, from `cli.ftl`:
//! clap only speaks English, so its error's context (which option, which
//! value, what was expected) is worded here instead of its own sentence.
//!
//! The language is the one `--lang` asks for anywhere on the line (even
//! when the rest could not be read), else the system's.
//!
//! Current limitations: `--help` texts stay English (they come from the
//! doc comments of the clap definitions, as do the man pages).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Arg, I18n, Language};

/// The language of `--lang fr|en` (or `--lang=…`) among `args`, else the
/// system's.
pub fn language_from_args(args: &[OsString]) -> Language {
    let value = args.iter().enumerate().find_map(|(i, arg)| {
        let arg = arg.to_str()?;
        match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        }
    });
    match value {
        Some("fr") => Language::French,
        Some("en") => Language::English,
        _ => Language::from_environment(),
    }
}

fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(_) | ContextValue::None => None,
        _ => None,
    }
}

/// `error` (a usage mistake, not `--help`) as one line in `i18n`'s language.
pub fn message(error: &clap::Error, i18n: &I18n) -> String {
    let get = |kind| context(error, kind).unwrap_or_default();
    let text = |value: String| Arg::Text(value);
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let problem = match error.kind() {
        ErrorKind::UnknownArgument => match context(error, ContextKind::SuggestedArg) {
            Some(tip) => i18n.tr_args(
                "cli-usage-unknown-argument-tip",
                &[("arg", text(arg)), ("tip", text(tip))],
            ),
            None => i18n.tr_args("cli-usage-unknown-argument", &[("arg", text(arg))]),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match context(error, ContextKind::ValidValue) {
                Some(known) => i18n.tr_args(
                    "cli-usage-invalid-value-known",
                    &[
                        ("value", text(value.clone())),
                        ("arg", text(arg)),
                        ("known", text(known)),
                    ],
                ),
                None => i18n.tr_args(
                    "cli-usage-invalid-value",
                    &[("value", text(value.clone())), ("arg", text(arg))],
                ),
            }
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            i18n.tr_args("cli-usage-missing", &[("arg", text(arg))])
        }
        ErrorKind::InvalidSubcommand => {
            i18n.tr_args("cli-usage-unknown-command", &[("value", text(value))])
        }
        ErrorKind::ArgumentConflict => i18n.tr_args(
            "cli-usage-conflict",
            &[
                ("arg", text(arg)),
                ("other", text(get(ContextKind::PriorArg))),
            ],
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues if !value.is_empty() => {
            i18n.tr_args("cli-usage-too-many", &[("value", text(value))])
        }
        _ => i18n.tr("cli-usage-other"),
    };
    i18n.tr_args("cli-usage", &[("problem", text(problem))])
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    fn error_of(args: &[&str]) -> clap::Error {
        match Cli::try_parse_from(args) {
            Err(error) => error,
            Ok(cli) => panic!("parsed: {cli:?}"),
        }
    }

    #[track_caller]
    fn french(args: &[&str], expected: &str) {
        let line = message(&error_of(args), &I18n::new(Language::French));
        assert!(line.contains(expected), "{line}");
        assert!(line.ends_with("Voir `fabrique --help`."), "{line}");
    }

    #[test]
    fn usage_mistakes_are_worded_in_french() {
        french(
            &["fabrique", "laser", "a.svg", "--bogus"],
            "option inconnue --bogus",
        );
        french(
            &["fabrique", "check", "a.svg", "--lang", "de"],
            "de n'est pas une valeur acceptée par --lang",
        );
        french(
            &[
                "fabrique", "extrude", "a.svg", "-o", "a.stl", "--height", "abc",
            ],
            "abc n'est pas une valeur acceptée par --height",
        );
        french(&["fabrique", "extrude", "a.svg"], "il manque");
    }

    #[test]
    fn the_language_comes_from_lang_anywhere_on_the_line() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let of = |list: &[&str]| language_from_args(&args(list));
        assert_eq!(
            of(&["fabrique", "check", "--lang", "en", "--bogus"]),
            Language::English
        );
        assert_eq!(of(&["fabrique", "check", "--lang=fr"]), Language::French);
    }
}
