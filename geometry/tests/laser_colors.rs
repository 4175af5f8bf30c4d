//! Laser files in the colour habits of other tools (`tests/fixtures/laser`,
//! written by hand after each tool's output): every colour is listed with
//! its length and gets the operation its convention means; `<line>`,
//! `<polyline>` and every basic shape come in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::f64::consts::PI;

use geometry::import::{
    ColorRules, Generator, Operation, PaintKind, Reason, Rgb, SvgImport, import_svg,
    import_svg_with,
};
use geometry::{Fill, LaserRole};

fn read(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/laser/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (length mm, operation, why) of the stroke colour `color`.
#[track_caller]
fn stroke(import: &SvgImport, color: [u8; 3]) -> (f64, Operation, Reason) {
    let found = import
        .colors
        .iter()
        .find(|c| c.kind == PaintKind::Stroke && c.color == Rgb(color))
        .unwrap_or_else(|| panic!("no stroke {color:?} in {:?}", import.colors));
    (found.length_mm, found.operation, found.reason)
}

#[track_caller]
fn assert_near(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() < 0.05,
        "{what}: {got} mm, want {want} mm"
    );
}

#[test]
fn boxes_py_cuts_black_and_blue_scores_green_and_ignores_its_red_labels() {
    let import = import_svg(&read("boxes_py.svg")).unwrap();
    assert_eq!(import.generator, Some(Generator::BoxesPy));
    let cases = [
        ([0, 0, 0], 300.0, Operation::Cut),
        ([0, 0, 255], 60.0, Operation::Cut),
        ([0, 0, 128], 80.0, Operation::Cut),
        ([0, 255, 0], 40.0, Operation::Score),
        ([255, 0, 0], 50.0, Operation::Ignore),
    ];
    for (color, length, operation) in cases {
        let (got, op, reason) = stroke(&import, color);
        assert_near(got, length, &format!("{color:?}"));
        assert_eq!((op, reason), (operation, Reason::Generator), "{color:?}");
    }
    // The red label is text: it follows its colour and is left out.
    let label = import
        .colors
        .iter()
        .find(|c| c.kind == PaintKind::Fill && c.color == Rgb::RED)
        .expect("the label's fill");
    assert_eq!(label.operation, Operation::Ignore);
    assert!(label.area_mm2 > 1.0);
    assert_eq!(import.shapes.len(), 4, "outer, two inner cuts, one etching");
    assert!(import.shapes.iter().all(|s| s.fill == Fill::Outline));
    let roles: Vec<LaserRole> = import.shapes.iter().map(|s| s.role).collect();
    assert_eq!(roles.iter().filter(|r| **r == LaserRole::Cut).count(), 3);
}

#[test]
fn without_its_mark_a_boxes_py_file_follows_the_lab_code() {
    let text = String::from_utf8(read("boxes_py.svg")).unwrap();
    let unmarked = text.replace("Created with Boxes.py", "Created");
    let import = import_svg(unmarked.as_bytes()).unwrap();
    assert_eq!(import.generator, None);
    // The bug the convention fixes: red labels cut, blue inner cuts scored.
    assert_eq!(stroke(&import, [255, 0, 0]).1, Operation::Cut);
    assert_eq!(stroke(&import, [0, 0, 255]).1, Operation::Score);
    assert_eq!(stroke(&import, [0, 0, 0]).2, Reason::Fallback);
}

#[test]
fn inkscape_habits_every_basic_shape_and_what_is_left_out() {
    let import = import_svg(&read("inkscape_laser.svg")).unwrap();
    assert_eq!(import.generator, Some(Generator::Inkscape));
    let ellipse = PI * (3.0 * 23.0 - ((45.0 + 8.0) * (15.0 + 24.0_f64)).sqrt());
    let triangle = 10.0 + 2.0 * (25.0 + 49.0_f64).sqrt();
    let cut = 260.0 + 2.0 * PI * 10.0 + ellipse + triangle;
    let (got, op, reason) = stroke(&import, [255, 0, 0]);
    assert!((got - cut).abs() < 0.1, "cut {got} vs {cut}");
    assert_eq!((op, reason), (Operation::Cut, Reason::Lab));
    let (got, op, _) = stroke(&import, [0, 0, 255]);
    assert_near(got, 60.0 + 35.0, "score: the <line> and the <polyline>");
    assert_eq!(op, Operation::Score);
    let black = import
        .colors
        .iter()
        .find(|c| c.kind == PaintKind::Fill && c.color == Rgb::BLACK)
        .unwrap();
    assert_eq!(black.operation, Operation::Engrave);
    assert!(black.area_mm2 > 200.0, "the square and the text");
    assert!(black.paths >= 2, "the square and the text: {black:?}");
    assert_eq!(import.ignored.images, 1);
    assert_eq!(import.ignored.clip_paths, 1);
    let outlines = import
        .shapes
        .iter()
        .filter(|s| s.fill == Fill::Outline)
        .count();
    assert_eq!(
        outlines, 6,
        "rect, circle, ellipse, polygon, line, polyline"
    );
}

#[test]
fn lightburn_habits_follow_the_lab_code_and_the_makers_choices() {
    let data = read("lightburn_habits.svg");
    let import = import_svg(&data).unwrap();
    assert_eq!(import.generator, None);
    assert_eq!(stroke(&import, [0, 0, 0]).1, Operation::Cut);
    assert_eq!(stroke(&import, [0, 0, 255]).1, Operation::Score);
    assert_eq!(stroke(&import, [0, 0xE0, 0]).1, Operation::Cut);
    let rules = ColorRules {
        chosen: vec![
            (Rgb([0, 0xE0, 0]), Operation::Score),
            (Rgb([0xFF, 0x80, 0]), Operation::Ignore),
        ],
        ..ColorRules::default()
    };
    let chosen = import_svg_with(&data, &rules).unwrap();
    let (length, op, reason) = stroke(&chosen, [0, 0xE0, 0]);
    assert_near(length, 50.0, "green");
    assert_eq!((op, reason), (Operation::Score, Reason::Chosen));
    assert_eq!(stroke(&chosen, [0xFF, 0x80, 0]).1, Operation::Ignore);
    assert_eq!(chosen.shapes.len(), import.shapes.len() - 1);
}
