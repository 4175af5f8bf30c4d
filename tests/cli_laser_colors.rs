//! End to end: laser files in the colour habits of Boxes.py, Inkscape and
//! LightBurn (`tests/fixtures/laser`) go through the real `fabrique laser`
//! and come out with the right cut, score and engrave lengths (read back
//! from the written file), the ignored colours left out and said;
//! `--list-colors` says what each colour does and `--colors` changes it.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::f64::consts::PI;
use std::path::{Path, PathBuf};

use geometry::import::{Operation, PaintKind, Rgb, import_svg};
use support::run;

fn laser_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/laser")
        .join(name)
}

/// Cut length, score length (mm) and engraved area (mm²) of a laser SVG
/// written by Fabrique with the generic colour code.
fn operations(path: &Path) -> (f64, f64, f64) {
    let import = import_svg(&std::fs::read(path).expect("output")).expect("reads back");
    let amount = |kind: PaintKind, color: Rgb, op: Operation| {
        import
            .colors
            .iter()
            .filter(|c| c.kind == kind && c.color == color)
            .inspect(|c| assert_eq!(c.operation, op, "{c:?}"))
            .map(|c| match kind {
                PaintKind::Stroke => c.length_mm,
                PaintKind::Fill => c.area_mm2,
            })
            .sum::<f64>()
    };
    (
        amount(PaintKind::Stroke, Rgb::RED, Operation::Cut),
        amount(PaintKind::Stroke, Rgb::BLUE, Operation::Score),
        amount(PaintKind::Fill, Rgb::BLACK, Operation::Engrave),
    )
}

/// Runs `fabrique laser` on a fixture; (cut, score, engrave, stderr).
fn laser(name: &str, extra: &[&str]) -> (f64, f64, f64, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.svg");
    let input = laser_fixture(name);
    let mut args = vec![
        "laser",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    let result = run(&args);
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(result.status.success(), "{name}: {stderr}");
    let (cut, score, engrave) = operations(&out);
    (cut, score, engrave, stderr)
}

#[track_caller]
fn assert_near(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() < 0.1, "{what}: {got}, want {want}");
}

#[test]
fn boxes_py_box_is_cut_black_and_blue_and_its_labels_are_left_out() {
    let (cut, score, engrave, stderr) = laser("boxes_py.svg", &[]);
    assert_near(cut, 300.0 + 60.0 + 80.0, "cut");
    assert_near(score, 40.0, "score (green etching)");
    assert_near(engrave, 0.0, "engrave");
    assert!(
        stderr.contains("2 colours set to ignore (50 mm)"),
        "the red annotations are said: {stderr}"
    );
}

#[test]
fn inkscape_drawing_keeps_every_shape_and_engraves_black_fills() {
    let (cut, score, engrave, stderr) = laser("inkscape_laser.svg", &[]);
    let ellipse = PI * (3.0 * 23.0 - ((45.0 + 8.0) * (15.0 + 24.0_f64)).sqrt());
    let triangle = 10.0 + 2.0 * (25.0 + 49.0_f64).sqrt();
    // Curves are flattened within 0.01 mm: a little under the true length.
    assert!(
        (cut - (260.0 + 20.0 * PI + ellipse + triangle)).abs() < 0.3,
        "cut {cut}"
    );
    assert_near(score, 95.0, "score: <line> and <polyline>");
    assert!(engrave > 200.0, "the square and the text: {engrave}");
    assert!(
        stderr.contains("one picture") && stderr.contains("one clip path"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
}

#[test]
fn inkscape_px_units_style_colours_and_a_layer_transform() {
    // Inkscape 0.92's habit: px user units, colours in `style`, hairlines
    // written in px, a layer moved by a transform.
    let (cut, score, engrave, _) = laser("inkscape_px.svg", &[]);
    assert_near(cut, 260.0, "cut: the red outline");
    assert_near(score, 60.0, "score: the blue line");
    assert!((engrave - 200.0).abs() < 0.5, "engrave: {engrave}");
}

#[test]
fn lightburn_layers_take_the_makers_choices() {
    let (cut, score, _, _) = laser("lightburn_habits.svg", &[]);
    let circle = 30.0 * PI;
    assert!(
        (cut - (320.0 + circle + 50.0 + 40.0)).abs() < 0.3,
        "cut {cut}"
    );
    assert_near(score, 50.0, "score");
    let (cut, score, _, stderr) = laser(
        "lightburn_habits.svg",
        &["--colors", "#00E000=score,#ff8000=ignore"],
    );
    assert!((cut - (320.0 + circle)).abs() < 0.3, "cut {cut}");
    assert_near(score, 100.0, "score");
    assert!(
        stderr.contains("one colour set to ignore (40 mm)"),
        "{stderr}"
    );
}

#[test]
fn list_colors_says_what_each_colour_will_do() {
    let input = laser_fixture("boxes_py.svg");
    let result = run(&[
        "laser",
        "--list-colors",
        input.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(result.status.success(), "{stdout}");
    assert!(stdout.contains("made with Boxes.py"), "{stdout}");
    assert!(
        stdout.contains("lines #FF0000: 50 mm (one path) → ignore (Boxes.py's convention)"),
        "{stdout}"
    );
    assert!(stdout.contains("lines #0000FF: 60 mm"), "{stdout}");
    let fr = run(&[
        "laser",
        "--list-colors",
        input.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    let stdout = String::from_utf8_lossy(&fr.stdout);
    assert!(
        stdout.contains("→ ignorer (convention de Boxes.py)"),
        "{stdout}"
    );
    let bad = run(&[
        "laser",
        input.to_str().unwrap(),
        "-o",
        "x.svg",
        "--colors",
        "#0000ff=burn",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--colors"));
}

#[test]
fn the_page_and_positions_are_kept_unless_fit_is_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = laser_fixture("lightburn_habits.svg");
    let size = |extra: &[&str]| {
        let out = dir.path().join("page.svg");
        let mut args = vec![
            "laser",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        assert!(run(&args).status.success());
        let text = std::fs::read_to_string(&out).unwrap();
        let tree = usvg::Tree::from_str(&text, &usvg::Options::default()).unwrap();
        let mm = 25.4 / 96.0;
        let b = tree.root().abs_bounding_box();
        (
            f64::from(tree.size().width()) * mm,
            f64::from(tree.size().height()) * mm,
            f64::from(b.x()) * mm,
            f64::from(b.y()) * mm,
        )
    };
    // The black frame starts 10 mm from the page's corner, as drawn.
    let (w, h, x, y) = size(&[]);
    assert!(
        (w - 140.0).abs() < 1e-3 && (h - 90.0).abs() < 1e-3,
        "{w} × {h}"
    );
    assert!(
        (x - 10.0).abs() < 0.01 && (y - 10.0).abs() < 0.01,
        "{x}, {y}"
    );
    let (w, h, x, y) = size(&["--fit"]);
    assert!(
        (w - 110.0).abs() < 1e-3 && (h - 60.0).abs() < 1e-3,
        "{w} × {h}"
    );
    assert!(x.abs() < 0.01 && y.abs() < 0.01, "{x}, {y}");
}
