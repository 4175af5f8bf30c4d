//! Colours as operations on the command line: the rules `fabrique laser`
//! imports with (the machine's colour code and `--colors`), the list
//! `--list-colors` prints, and the one line saying what an import left out.

use exporters::LaserProfile;
use geometry::import::{
    ColorRules, ColorUse, Operation, PaintKind, Reason, SvgImport, parse_choices,
};

use super::CliError;
use crate::check_text::mm_in;
use crate::i18n::{Arg, I18n};
use crate::refusal_words::{Place, ignored_line};

/// The import rules for `profile`'s colour code and the maker's
/// `--colors` choices.
pub fn rules(profile: &LaserProfile, choices: Option<&str>) -> Result<ColorRules, CliError> {
    let lab = profile.lab_colors();
    let chosen = match choices {
        Some(text) => parse_choices(text).map_err(|source| CliError::BadColors { source })?,
        None => Vec::new(),
    };
    Ok(ColorRules {
        lab,
        chosen,
        ..ColorRules::default()
    })
}

/// What `--list-colors` prints: a heading, one line per colour, a hint.
pub fn list_text(i18n: &I18n, input: &str, machine: &str, import: &SvgImport) -> String {
    let generator = import.generator.and_then(|g| {
        // Inkscape has no convention: say nothing rather than "its code".
        (g != geometry::import::Generator::Inkscape).then_some(g.name())
    });
    let mut out = match generator {
        Some(name) => i18n.tr_args(
            "laser-colors-generator",
            &[("input", text(input)), ("generator", text(name))],
        ),
        None => i18n.tr_args("laser-colors-plain", &[("input", text(input))]),
    };
    out.push('\n');
    if import.colors.is_empty() {
        out.push_str("  ");
        out.push_str(&i18n.tr("laser-colors-none"));
        out.push('\n');
    }
    for color in &import.colors {
        out.push_str("  ");
        out.push_str(&color_line(i18n, color, generator.unwrap_or(""), machine));
        out.push('\n');
    }
    if let Some(line) = ignored_line(
        i18n,
        Place::CommandLine,
        input,
        &import.ignored,
        &import.colors,
    ) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&i18n.tr("laser-colors-hint"));
    out.push('\n');
    out
}

fn color_line(i18n: &I18n, color: &ColorUse, generator: &str, machine: &str) -> String {
    let reason = match color.reason {
        Reason::Chosen => i18n.tr("laser-reason-chosen"),
        Reason::Generator => {
            i18n.tr_args("laser-reason-generator", &[("generator", text(generator))])
        }
        Reason::Lab => i18n.tr_args("laser-reason-lab", &[("machine", text(machine))]),
        Reason::Fallback => i18n.tr("laser-reason-fallback"),
    };
    let args = [
        ("color", text(color.color.to_string())),
        ("length", text(mm_in(i18n, color.length_mm))),
        ("area", text(mm_in(i18n, color.area_mm2))),
        ("paths", count(color.paths)),
        ("operation", text(operation_word(i18n, color.operation))),
        ("reason", text(reason)),
    ];
    let key = match color.kind {
        PaintKind::Stroke => "laser-colors-stroke",
        PaintKind::Fill => "laser-colors-fill",
    };
    i18n.tr_args(key, &args)
}

/// The operation in the user's language.
pub fn operation_word(i18n: &I18n, operation: Operation) -> String {
    i18n.tr(match operation {
        Operation::Cut => "laser-operation-cut",
        Operation::Score => "laser-operation-score",
        Operation::Engrave => "laser-operation-engrave",
        Operation::Ignore => "laser-operation-ignore",
    })
}

fn text(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

/// A count for Fluent's plural rules (far below 2⁵³: exact).
fn count(n: usize) -> Arg {
    Arg::Number(n as f64)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use geometry::import::{Ignored, Rgb};

    #[test]
    fn machine_colours_and_choices_make_the_rules() {
        let mut profile = LaserProfile::generic();
        profile.cut_color = "#00FF00".into();
        let rules = rules(&profile, Some("#123456=ignore")).unwrap();
        assert_eq!(rules.lab.cut, Rgb([0, 255, 0]));
        assert_eq!(rules.chosen, [(Rgb([0x12, 0x34, 0x56]), Operation::Ignore)]);
        assert!(matches!(
            super::rules(&profile, Some("#12=cut")),
            Err(CliError::BadColors { .. })
        ));
    }

    #[test]
    fn what_was_left_out_reads_as_one_line_in_both_languages() {
        let ignored = Ignored {
            images: 1,
            clip_paths: 2,
            masks: 0,
            filters: 0,
        };
        let en = ignored_line(
            &I18n::new(Language::English),
            Place::CommandLine,
            "a.svg",
            &ignored,
            &[],
        )
        .unwrap();
        assert_eq!(
            en,
            "Left out of a.svg: one picture (trace it with fabrique trace), 2 clip paths \
             (their content is kept whole)."
        );
        let fr = ignored_line(
            &I18n::new(Language::French),
            Place::CommandLine,
            "a.svg",
            &ignored,
            &[],
        )
        .unwrap();
        assert!(
            fr.starts_with("Laissé de côté dans a.svg : une image"),
            "{fr}"
        );
        let none = ignored_line(
            &I18n::new(Language::French),
            Place::CommandLine,
            "a",
            &Ignored::default(),
            &[],
        );
        assert_eq!(none, None);
    }
}
