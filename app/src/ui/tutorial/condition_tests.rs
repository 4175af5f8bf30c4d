//! Tests of [`super`] (compiled only under `#[cfg(test)]`): each condition
//! holds on a document made to meet it and fails on one that does not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use exporters::check::Report;
use geometry::{Shape, ShapeKind};

fn rect(w: f64, h: f64) -> Shape {
    Shape::new(ShapeKind::Rectangle {
        width: w,
        height: h,
    })
}

fn circle(d: f64) -> Shape {
    Shape::new(ShapeKind::Ellipse {
        rx: d / 2.0,
        ry: d / 2.0,
    })
}

/// `shape` moved so its box's centre is at (x, y).
fn centred(shape: Shape, x: f64, y: f64) -> Shape {
    let c = geometry::outline::shape_bounds(&shape).unwrap().center();
    shape.translated(x - c.x, y - c.y)
}

fn holds(condition: &str, doc: &Document, start: &Document) -> bool {
    let condition: Condition = serde_json::from_str(condition).unwrap();
    condition.validate().unwrap();
    let report = Report {
        machine_id: "x".into(),
        findings: Vec::new(),
        summary: Default::default(),
    };
    condition.holds(&Observed {
        document: doc,
        step_start: start,
        tool: ToolKind::Rectangle,
        mode: Mode::Laser,
        selected: 1,
        can_redo: false,
        exported: &[PathBuf::from("/tmp/a.STL")],
        dialog: None,
        report: Some(&report),
    })
}

fn doc(shapes: Vec<Shape>) -> Document {
    let mut doc = Document::new();
    for s in shapes {
        doc.add(s);
    }
    doc
}

#[test]
fn sizes_kinds_and_roles() {
    let d = doc(vec![rect(40.0, 20.0)]);
    let e = Document::new();
    assert!(holds(
        r#"{"shapes": {"kind": "rectangle", "width": [39.9, 40.1]}}"#,
        &d,
        &e
    ));
    assert!(!holds(
        r#"{"shapes": {"kind": "rectangle", "width": [10, 20]}}"#,
        &d,
        &e
    ));
    assert!(!holds(r#"{"shapes": {"kind": "ellipse"}}"#, &d, &e));
    assert!(holds(r#"{"shapes": {"role": "cut", "count": 1}}"#, &d, &e));
    assert!(!holds(r#"{"shapes": {"role": "cut", "count": 2}}"#, &d, &e));
    assert!(!holds(r#"{"shapes": {"role": "engrave"}}"#, &d, &e));
    assert!(holds(r#"{"not": {"shapes": {"role": "engrave"}}}"#, &d, &e));
    assert!(holds(r#"{"tool": "rectangle"}"#, &d, &e));
    assert!(!holds(r#"{"tool": "ellipse"}"#, &d, &e));
    assert!(holds(r#"{"exported": ["stl", "3mf"]}"#, &d, &e));
    assert!(!holds(r#"{"exported": ["svg"]}"#, &d, &e));
    assert!(holds(r#""ready""#, &d, &e));
}

#[test]
fn moved_and_resized_compare_with_the_step_start() {
    let start = doc(vec![rect(40.0, 20.0)]);
    let mut moved = start.clone();
    moved.shapes[0] = moved.shapes[0].clone().translated(5.0, 0.0);
    assert!(holds(r#""moved""#, &moved, &start));
    assert!(!holds(r#""resized""#, &moved, &start));
    assert!(!holds(r#""moved""#, &start, &start));
    let mut resized = start.clone();
    resized.shapes[0].kind = ShapeKind::Rectangle {
        width: 30.0,
        height: 20.0,
    };
    assert!(holds(r#""resized""#, &resized, &start));
    assert!(!holds(r#""moved""#, &resized, &start));
}

#[test]
fn inside_raised_and_measured_positions() {
    let mut plate = centred(rect(60.0, 40.0), 30.0, 20.0);
    plate.extrusion.height = 2.5;
    let hole = centred(circle(5.0), 10.0, 10.0);
    let mut far = centred(circle(5.0), 80.0, 10.0);
    far.extrusion.height = 4.0;
    let d = doc(vec![plate, hole, far]);
    let e = Document::new();
    assert!(holds(
        r#"{"shapes": {"kind": "ellipse", "inside": "rectangle"}}"#,
        &d,
        &e
    ));
    assert!(!holds(
        r#"{"shapes": {"kind": "ellipse", "inside": "rectangle", "count": 2}}"#,
        &d,
        &e
    ));
    assert!(holds(
        r#"{"shapes": {"kind": "ellipse", "centre_from": {"of": "rectangle", "offset": [10, 10], "within": 0.01}}}"#,
        &d,
        &e
    ));
    assert!(!holds(
        r#"{"shapes": {"kind": "ellipse", "centre_from": {"of": "rectangle", "offset": [50, 10], "within": 0.01}}}"#,
        &d,
        &e
    ));
    assert!(holds(
        r#"{"shapes": {"kind": "ellipse", "raised_above": ["rectangle", 1.0]}}"#,
        &d,
        &e
    ));
    assert!(!holds(
        r#"{"shapes": {"kind": "ellipse", "raised_above": ["rectangle", 2.0]}}"#,
        &d,
        &e
    ));
    assert!(holds(
        r#"{"shapes": {"kind": "rectangle", "corner": [0, 0]}}"#,
        &d,
        &e
    ));
}

#[test]
fn the_default_text_is_not_the_users_own() {
    let text = |t: &str| {
        Shape::new(ShapeKind::Text {
            text: t.into(),
            font: "Lato".into(),
            size: 10.0,
        })
    };
    let e = Document::new();
    let own = r#"{"shapes": {"kind": "text", "own_text": true}}"#;
    assert!(!holds(own, &doc(vec![text("Texte")]), &e));
    assert!(!holds(own, &doc(vec![text("Text")]), &e));
    assert!(!holds(own, &doc(vec![text("  ")]), &e));
    assert!(holds(own, &doc(vec![text("Léa")]), &e));
}

#[test]
fn typos_are_refused() {
    for bad in [
        r#"{"tool": "rectangel"}"#,
        r#"{"no_finding": "loose_islands"}"#,
        r#"{"all": []}"#,
        r#"{"exported": []}"#,
    ] {
        let condition: Condition = serde_json::from_str(bad).unwrap();
        assert!(condition.validate().is_err(), "{bad}");
    }
    assert!(serde_json::from_str::<Condition>(r#"{"shapes": {"colour": "red"}}"#).is_err());
}

#[test]
fn a_ring_hole_must_stay_clear_of_the_name() {
    let plate = centred(rect(50.0, 20.0), 25.0, 10.0);
    let name = centred(rect(25.0, 8.0), 25.0, 10.0);
    let condition = r#"{"shapes": {"kind": "ellipse", "inside": "rectangle", "apart_from": "rounded_rectangle"}}"#;
    let clear = centred(circle(5.0), 5.0, 10.0);
    // The name stands for a text here: a rounded rectangle is a kind of its own.
    let mut name_shape = name.clone();
    name_shape.kind = ShapeKind::RoundedRectangle {
        width: 25.0,
        height: 8.0,
        radius: 1.0,
    };
    let e = Document::new();
    let d = doc(vec![plate.clone(), name_shape.clone(), clear]);
    assert!(holds(condition, &d, &e));
    // Overlapping the name's box, or closer than half a millimetre: not yet.
    for x in [12.0, 9.8] {
        let touching = centred(circle(5.0), x, 10.0);
        let d = doc(vec![plate.clone(), name_shape.clone(), touching]);
        assert!(!holds(condition, &d, &e), "hole at x = {x}");
    }
}
