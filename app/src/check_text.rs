//! The lab-readiness check in words: the sentences the command line prints
//! and the app's checklist shows, in the user's language.
//!
//! `exporters::check` finds typed problems with numbers; this module turns
//! each into one sentence saying what is wrong, where and what to do, with
//! every word coming from `assets/i18n/{fr,en}/check.ftl`. Numbers are
//! written here, in millimetres with at most two decimals and a decimal
//! point in both languages (the editor's fields and status line write them
//! the same way, and accept a comma when typed).
//!
//! A real file can repeat one finding hundreds of times (the slits of a
//! living hinge): the text gives each kind of finding one line once it
//! repeats more than [`GROUP_AFTER`] times — a count and the place of the
//! first — so no report runs much beyond 40 lines; `--json` keeps every
//! finding. The last line says what the drawing holds (parts, holes,
//! slits…), so the maker recognises it.
//!
//! Current limitations: positions are given as the middle of the problem's
//! box; shapes are named by their id, not by a name the user gave.

use exporters::Machine;
use exporters::check::{Finding, FindingKind, Fix, Report, Severity, Summary};

use crate::i18n::{Arg, I18n};

/// A kind of finding repeated more than this many times is told in one line.
pub const GROUP_AFTER: usize = 3;

/// The whole report as text: a summary line, one line per finding (one per
/// kind when it repeats), what the drawing holds.
pub fn report_text(i18n: &I18n, input: &str, machine: &Machine, report: &Report) -> String {
    let name = format!("{} ({})", machine.name(), machine.id());
    let mut out = summary(i18n, input, &name, report);
    out.push('\n');
    let mut groups: Vec<(&'static str, Vec<&Finding>)> = Vec::new();
    for finding in &report.findings {
        let key = sentence_key(finding);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(finding),
            None => groups.push((key, vec![finding])),
        }
    }
    for (key, members) in &groups {
        let Some(first) = members.first() else {
            continue;
        };
        if members.len() > GROUP_AFTER {
            let text = group_text(i18n, key, members, &report.summary);
            out.push_str(&finding_line(i18n, first.severity, text));
        } else {
            for finding in members {
                let mut text = sentence(i18n, finding);
                if let Some(fix) = &finding.fix {
                    text.push(' ');
                    text.push_str(&i18n.tr_args(
                        "check-fix-available",
                        &[("fix", text_arg(fix_label(i18n, fix)))],
                    ));
                }
                out.push_str(&finding_line(i18n, finding.severity, text));
            }
        }
    }
    if let Some(line) = contents(i18n, &report.summary) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// "  PROBLEM: text" with its line end.
fn finding_line(i18n: &I18n, severity: Severity, text: String) -> String {
    let line = i18n.tr_args(
        "check-line",
        &[
            ("label", text_arg(severity_label(i18n, severity))),
            ("text", Arg::Text(text)),
        ],
    );
    format!("  {line}\n")
}

/// One line for `members`, findings of one kind: slits get their own words.
fn group_text(i18n: &I18n, key: &str, members: &[&Finding], summary: &Summary) -> String {
    let Some(first) = members.first() else {
        return String::new();
    };
    if key == "check-open-slit" {
        let part = first
            .bounds
            .and_then(|b| summary.part_of(&b))
            .map(|part| {
                format!(
                    " {}",
                    i18n.tr_args("check-in-part", &[("part", text_arg(part.to_string()))])
                )
            })
            .unwrap_or_default();
        return i18n.tr_args(
            "check-group-slits",
            &[
                ("count", count_arg(members.len())),
                ("part", text_arg(part)),
            ],
        );
    }
    i18n.tr_args(
        "check-group",
        &[
            ("text", text_arg(sentence(i18n, first))),
            ("more", count_arg(members.len() - 1)),
        ],
    )
}

/// "In the drawing: 4 parts to cut out, 12 holes…", `None` when empty.
pub fn contents(i18n: &I18n, summary: &Summary) -> Option<String> {
    let solids = summary.holes + summary.slits + summary.score_lines + summary.engraved_areas == 0
        && summary.part_boxes.is_empty();
    let parts_key = if solids {
        "check-count-solids"
    } else {
        "check-count-parts"
    };
    let list: Vec<String> = [
        (parts_key, summary.parts),
        ("check-count-holes", summary.holes),
        ("check-count-slits", summary.slits),
        ("check-count-score", summary.score_lines),
        ("check-count-engraved", summary.engraved_areas),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| i18n.tr_args(key, &[("count", count_arg(n))]))
    .collect();
    (!list.is_empty())
        .then(|| i18n.tr_args("check-contents", &[("list", text_arg(list.join(", ")))]))
}

/// "INPUT is ready for MACHINE…": the first line of the report.
pub fn summary(i18n: &I18n, input: &str, machine_name: &str, report: &Report) -> String {
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .count();
    let warnings = report.findings.len() - blocking;
    let key = if report.findings.is_empty() {
        "check-summary-ready"
    } else if blocking == 0 {
        "check-summary-warnings"
    } else {
        "check-summary-blocked"
    };
    i18n.tr_args(
        key,
        &[
            ("input", text_arg(input)),
            ("machine", text_arg(machine_name)),
            ("blocking", count_arg(blocking)),
            ("warnings", count_arg(warnings)),
        ],
    )
}

/// "PROBLEM" or "warning", as the command line labels a line.
pub fn severity_label(i18n: &I18n, severity: Severity) -> String {
    i18n.tr(match severity {
        Severity::Blocking => "check-severity-blocking",
        Severity::Warning => "check-severity-warning",
    })
}

/// What, where and what to do, in one sentence.
pub fn sentence(i18n: &I18n, finding: &Finding) -> String {
    sentence_at(i18n, finding, &place(i18n, finding))
}

/// What and what to do, without where: for the app, whose "Show" button
/// points at the place on the canvas.
pub fn sentence_without_place(i18n: &I18n, finding: &Finding) -> String {
    sentence_at(i18n, finding, "")
}

/// What a one-click fix does, in a few words.
pub fn fix_label(i18n: &I18n, fix: &Fix) -> String {
    match fix {
        Fix::ScaleToFit { factor, .. } => i18n.tr_args(
            "check-fix-scale",
            &[("percent", text_arg(mm_in(i18n, factor * 100.0)))],
        ),
        Fix::RemoveDuplicates { .. } => i18n.tr("check-fix-remove-duplicates"),
        Fix::ClosePath { .. } => i18n.tr("check-fix-close-path"),
        Fix::LowerToPlate { .. } => i18n.tr("check-fix-lower"),
        Fix::Thicken { min_mm, .. } => i18n.tr_args(
            "check-fix-thicken",
            &[("min", text_arg(mm_in(i18n, *min_mm)))],
        ),
        Fix::EnlargeHole { factor, .. } => i18n.tr_args(
            "check-fix-enlarge-hole",
            &[("percent", text_arg(mm_in(i18n, factor * 100.0)))],
        ),
        Fix::AddBridges { .. } => i18n.tr("check-fix-bridges"),
        Fix::MoveOnBed { .. } => i18n.tr("check-fix-move-on-bed"),
    }
}

/// A number of millimetres in `i18n`'s language ("597,66" in French).
pub fn mm_in(i18n: &I18n, value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    i18n.number(value, 2)
}

/// A number of millimetres, at most two decimals, no trailing zeros.
pub fn mm(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn text_arg(text: impl Into<String>) -> Arg {
    Arg::Text(text.into())
}

/// A count for Fluent's plural rules.
fn count_arg(count: usize) -> Arg {
    // Counts of findings or edges are far below 2⁵³: the conversion is exact.
    Arg::Number(count as f64)
}

/// " near x 6, y 10 mm (shape 2)": where to look, with its leading space;
/// empty when the finding has no place.
fn place(i18n: &I18n, finding: &Finding) -> String {
    let mut out = String::new();
    if let Some(b) = finding.bounds {
        out.push(' ');
        out.push_str(&i18n.tr_args(
            "check-place-near",
            &[
                ("x", text_arg(mm_in(i18n, (b.min[0] + b.max[0]) / 2.0))),
                ("y", text_arg(mm_in(i18n, (b.min[1] + b.max[1]) / 2.0))),
            ],
        ));
    }
    let shapes = match finding.shapes.as_slice() {
        [] => None,
        [one] => Some(i18n.tr_args("check-place-shape", &[("id", text_arg(one.0.to_string()))])),
        many if many.len() <= 4 => {
            let ids: Vec<String> = many.iter().map(|s| s.0.to_string()).collect();
            Some(i18n.tr_args("check-place-shapes", &[("ids", text_arg(ids.join(", ")))]))
        }
        many => Some(i18n.tr_args("check-place-many", &[("count", count_arg(many.len()))])),
    };
    if let Some(shapes) = shapes {
        out.push(' ');
        out.push_str(&shapes);
    }
    out
}

/// "W × D mm", or "W × D × H mm" when there is a height (printers).
fn size_text(i18n: &I18n, size: &[f64; 3], with_height: bool) -> String {
    let mm = |v: f64| mm_in(i18n, v);
    if with_height {
        format!("{} × {} × {} mm", mm(size[0]), mm(size[1]), mm(size[2]))
    } else {
        format!("{} × {} mm", mm(size[0]), mm(size[1]))
    }
}

/// The message a finding is told with: findings sharing it are one kind.
fn sentence_key(finding: &Finding) -> &'static str {
    match &finding.kind {
        FindingKind::TooBig { .. } => "check-too-big",
        FindingKind::OpenCutPath { .. } if finding.severity == Severity::Blocking => {
            "check-open-path"
        }
        FindingKind::OpenCutPath { .. } => "check-open-slit",
        FindingKind::DuplicateLines { whole_shape, .. } => {
            if *whole_shape {
                "check-duplicate-shape"
            } else {
                "check-duplicate-lines"
            }
        }
        FindingKind::TooNarrow { burns_away, .. } => {
            if *burns_away {
                "check-narrow-burns"
            } else {
                "check-narrow"
            }
        }
        FindingKind::HoleTooSmall { .. } => "check-hole-small",
        FindingKind::TextTooSmall { .. } => "check-text-small",
        FindingKind::LooseIsland { .. } => "check-island",
        FindingKind::FloatingPart { .. } => "check-floating",
        FindingKind::WallTooThin { .. } => "check-wall-thin",
        FindingKind::MeshNotClosed { .. } => "check-mesh-open",
        FindingKind::BadHeight { .. } => "check-bad-height",
        FindingKind::NothingToMake => "check-nothing",
        FindingKind::OffBed { .. } => "check-off-bed",
    }
}

fn sentence_at(i18n: &I18n, finding: &Finding, at: &str) -> String {
    let at = ("at", text_arg(at));
    let num = |name: &'static str, value: f64| (name, text_arg(mm_in(i18n, value)));
    match &finding.kind {
        FindingKind::TooBig {
            size_mm,
            bed_mm,
            fits_rotated,
        } => {
            let printer = bed_mm[2] > 0.0;
            let key = if *fits_rotated {
                "check-too-big-rotated"
            } else {
                "check-too-big"
            };
            i18n.tr_args(
                key,
                &[
                    ("size", text_arg(size_text(i18n, size_mm, printer))),
                    ("bed", text_arg(size_text(i18n, bed_mm, printer))),
                ],
            )
        }
        FindingKind::OpenCutPath { gap_mm } if finding.severity == Severity::Blocking => {
            i18n.tr_args("check-open-path", &[num("gap", *gap_mm), at])
        }
        FindingKind::OpenCutPath { .. } => i18n.tr_args("check-open-slit", &[at]),
        FindingKind::DuplicateLines {
            length_mm,
            whole_shape,
        } => {
            let key = if *whole_shape {
                "check-duplicate-shape"
            } else {
                "check-duplicate-lines"
            };
            i18n.tr_args(key, &[num("length", *length_mm), at])
        }
        FindingKind::TooNarrow {
            limit_mm,
            burns_away,
        } => {
            let key = if *burns_away {
                "check-narrow-burns"
            } else {
                "check-narrow"
            };
            i18n.tr_args(key, &[num("limit", *limit_mm), at])
        }
        FindingKind::HoleTooSmall { size_mm, min_mm } => i18n.tr_args(
            "check-hole-small",
            &[num("size", *size_mm), num("min", *min_mm), at],
        ),
        FindingKind::TextTooSmall { size_mm, min_mm } => i18n.tr_args(
            "check-text-small",
            &[num("size", *size_mm), num("min", *min_mm), at],
        ),
        FindingKind::LooseIsland { area_mm2 } => {
            i18n.tr_args("check-island", &[num("area", *area_mm2), at])
        }
        FindingKind::FloatingPart { lowest_z_mm } => {
            i18n.tr_args("check-floating", &[num("z", *lowest_z_mm), at])
        }
        FindingKind::WallTooThin { min_wall_mm, z_mm } => i18n.tr_args(
            "check-wall-thin",
            &[num("min", *min_wall_mm), num("z", *z_mm), at],
        ),
        FindingKind::MeshNotClosed {
            open_edges,
            repeated_edges,
        } => i18n.tr_args(
            "check-mesh-open",
            &[
                ("open", count_arg(*open_edges)),
                ("repeated", count_arg(*repeated_edges)),
                at,
            ],
        ),
        FindingKind::BadHeight { value } => i18n.tr_args(
            "check-bad-height",
            &[("value", text_arg(value.to_string())), at],
        ),
        FindingKind::NothingToMake => i18n.tr("check-nothing"),
        FindingKind::OffBed { overhang_mm } => {
            i18n.tr_args("check-off-bed", &[num("by", *overhang_mm)])
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use exporters::check::BoxMm;
    use geometry::ShapeId;

    #[test]
    fn millimetres_read_well() {
        assert_eq!(mm(12.0), "12");
        assert_eq!(mm(0.1 + 0.2), "0.3");
        assert_eq!(mm(1890.0000001), "1890");
        assert_eq!(mm(-0.001), "0");
        assert_eq!(mm(31.75), "31.75");
        assert_eq!(mm(f64::NAN), "NaN");
    }

    fn hole() -> Finding {
        let mut finding = Finding::new(
            FindingKind::HoleTooSmall {
                size_mm: 1.0,
                min_mm: 1.5,
            },
            Severity::Blocking,
        );
        finding.shapes = vec![ShapeId(2)];
        finding.bounds = Some(BoxMm {
            min: [9.5, 9.5],
            max: [10.5, 10.5],
        });
        finding
    }

    #[test]
    fn a_finding_reads_as_one_sentence_in_each_language() {
        let en = sentence(&I18n::new(Language::English), &hole());
        assert_eq!(
            en,
            "A hole of 1 mm near x 10, y 10 mm (shape 2) is smaller than half the material's \
             thickness: it will not cut cleanly. Make it at least 1.5 mm."
        );
        let fr = sentence(&I18n::new(Language::French), &hole());
        assert!(
            fr.starts_with("Un trou de 1 mm vers x 10, y 10 mm (forme 2)"),
            "{fr}"
        );
        assert!(fr.contains("1,5 mm"), "French writes 1,5: {fr}");
        let short = sentence_without_place(&I18n::new(Language::English), &hole());
        assert!(short.starts_with("A hole of 1 mm is smaller"), "{short}");
    }

    #[test]
    fn summaries_count_in_words() {
        let report = Report {
            machine_id: "generic-laser".into(),
            findings: vec![hole()],
            summary: Summary::default(),
        };
        let fr = summary(&I18n::new(Language::French), "a.svg", "Laser", &report);
        assert_eq!(
            fr,
            "a.svg n'est pas prêt pour Laser : un problème à corriger, aucun avertissement :"
        );
        let en = summary(&I18n::new(Language::English), "a.svg", "Laser", &report);
        assert_eq!(
            en,
            "a.svg is not ready for Laser: one problem to fix, no warning:"
        );
    }

    #[test]
    fn a_hinge_of_312_slits_is_one_line_with_its_part() {
        let slit = |i: usize| {
            let x = 10.0 + i as f64 * 0.2;
            let mut f = Finding::new(FindingKind::OpenCutPath { gap_mm: 10.0 }, Severity::Warning);
            f.bounds = Some(BoxMm {
                min: [x, 5.0],
                max: [x, 15.0],
            });
            f
        };
        let mut findings: Vec<Finding> = (0..312).map(slit).collect();
        findings.extend((0..5).map(|_| hole()));
        findings.sort_by_key(|f| f.severity);
        let summary = Summary {
            parts: 4,
            holes: 5,
            slits: 312,
            part_boxes: vec![
                BoxMm {
                    min: [200.0, 0.0],
                    max: [300.0, 50.0],
                },
                BoxMm {
                    min: [0.0, 0.0],
                    max: [100.0, 20.0],
                },
            ],
            ..Summary::default()
        };
        let report = Report {
            machine_id: "generic".into(),
            findings,
            summary,
        };
        let machine = exporters::Machine::Laser(exporters::LaserProfile::generic());
        let en = report_text(
            &I18n::new(Language::English),
            "hinge.svg",
            &machine,
            &report,
        );
        let lines: Vec<&str> = en.lines().collect();
        assert_eq!(lines.len(), 4, "{en}");
        assert!(
            lines[2].contains("312 slits in part 2: a living hinge? They will be cut as lines"),
            "{en}"
        );
        assert!(lines[1].contains("And 4 more like it"), "{en}");
        assert_eq!(
            lines[3],
            "In the drawing: 4 parts to cut out, 5 holes, 312 open cut lines."
        );
        let fr = report_text(&I18n::new(Language::French), "hinge.svg", &machine, &report);
        assert!(
            fr.contains("312 fentes dans la pièce 2 : une charnière souple ?"),
            "{fr}"
        );
    }
}
