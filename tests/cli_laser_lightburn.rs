//! End to end: a laser file in LightBurn's colour habit (one palette
//! colour per layer: 00 black, 01 blue, 02 red, 03 green, 04 #D0D000;
//! `tests/fixtures/laser/lightburn_palette.svg`) through the real
//! `fabrique laser`, read with the generic colour code, with a lab
//! machine whose code is LightBurn's palette, and with `--colors`. The
//! written file is read back and its cut and score lengths and engraved
//! area measured.
//!
//! LightBurn's SVG export carries no mark of its own that we could find
//! documented (each layer's operation lives in LightBurn's project file),
//! so the file is not "recognised": the lab's code or the maker decides.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::f64::consts::PI;
use std::path::{Path, PathBuf};

use geometry::import::{ColorRules, LabColors, Operation, PaintKind, import_svg_with};

/// The outline (00 black), the fold (01 blue), the hole (02 red), the mark
/// (03 green), mm; the area filled in 04 #D0D000, mm².
const OUTLINE: f64 = 2.0 * (120.0 + 80.0);
const FOLD: f64 = 60.0;
const HOLE: f64 = 20.0 * PI;
const MARK: f64 = 30.0 + 20.0;
const FILLED: f64 = 30.0 * 20.0;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/laser/lightburn_palette.svg")
}

/// A lab whose laser software reads LightBurn's palette: black cut,
/// green score, #D0D000 filled engrave.
const PALETTE_LAB: &str = r##"{"kind":"laser","id":"atelier-palette","name":"Atelier palette",
  "bed_mm":[600,400],"kerf_mm":0.2,"cut_color":"#000000","score_color":"#00E000",
  "engrave_color":"#D0D000","stroke_width_mm":0.01}"##;

fn palette_code() -> LabColors {
    LabColors {
        cut: "#000000".parse().unwrap(),
        score: "#00E000".parse().unwrap(),
        engrave: "#D0D000".parse().unwrap(),
    }
}

/// Cut length, score length (mm), engraved area (mm²) and stderr of
/// `fabrique laser` on the fixture, its output read back in the colour
/// code `code` it was written with.
fn laser(data_dir: &Path, code: LabColors, extra: &[&str]) -> (f64, f64, f64, String) {
    let out = data_dir.join("out.svg");
    let input = fixture();
    let mut args = vec![
        "laser",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    let result = support::fabrique()
        .env("FABRIQUE_DATA_DIR", data_dir)
        .args(&args)
        .output()
        .expect("fabrique runs");
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(result.status.success(), "{stderr}");
    let rules = ColorRules {
        lab: code,
        ..ColorRules::default()
    };
    let back = import_svg_with(&std::fs::read(&out).unwrap(), &rules).unwrap();
    assert_eq!(back.generator.map(|g| g.name()), Some("Fabrique"));
    let sum = |kind: PaintKind, op: Operation| -> f64 {
        back.colors
            .iter()
            .filter(|c| c.kind == kind && c.operation == op)
            .map(|c| match kind {
                PaintKind::Stroke => c.length_mm,
                PaintKind::Fill => c.area_mm2,
            })
            .sum()
    };
    (
        sum(PaintKind::Stroke, Operation::Cut),
        sum(PaintKind::Stroke, Operation::Score),
        sum(PaintKind::Fill, Operation::Engrave),
        stderr,
    )
}

#[track_caller]
fn assert_near(got: f64, want: f64, what: &str) {
    // Curves are flattened within 0.01 mm on export.
    assert!((got - want).abs() < 0.2, "{what}: {got}, want {want}");
}

#[test]
fn generic_code_cuts_the_unknown_colours_and_engraves_the_fill() {
    let dir = tempfile::tempdir().unwrap();
    let (cut, score, engrave, stderr) = laser(dir.path(), LabColors::default(), &[]);
    // Red is the generic cut, blue its score; black and green lines are
    // lines: cut.
    assert_near(cut, OUTLINE + HOLE + MARK, "cut");
    assert_near(score, FOLD, "score");
    assert_near(engrave, FILLED, "engrave");
    assert!(stderr.is_empty(), "nothing left out: {stderr}");
}

#[test]
fn a_lab_reading_the_palette_gets_its_own_operations() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("machines")).unwrap();
    std::fs::write(dir.path().join("machines/palette.json"), PALETTE_LAB).unwrap();
    let (cut, score, engrave, _) = laser(
        dir.path(),
        palette_code(),
        &["--machine", "atelier-palette"],
    );
    // Black is this lab's cut and green its score; blue and red, in no
    // code of this lab, are lines: cut.
    assert_near(cut, OUTLINE + FOLD + HOLE, "cut");
    assert_near(score, MARK, "score");
    assert_near(engrave, FILLED, "engrave");
}

#[test]
fn the_makers_choices_score_the_mark_and_leave_the_hole_out() {
    let dir = tempfile::tempdir().unwrap();
    let (cut, score, engrave, stderr) = laser(
        dir.path(),
        LabColors::default(),
        &["--colors", "#00E000=score,#FF0000=ignore,#0000ff=marque"],
    );
    assert_near(cut, OUTLINE, "cut");
    assert_near(score, FOLD + MARK, "score");
    assert_near(engrave, FILLED, "engrave");
    assert!(
        stderr.contains("one colour set to ignore (62.8"),
        "the hole is said: {stderr}"
    );
}
