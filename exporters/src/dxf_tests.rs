//! Tests of the DXF writer, read back with a tiny DXF reader.
//! Compiled only under #[cfg(test)], from the writer's module: unwraps here are test failures, not panics on user input.

use super::*;
use crate::test_shapes::centred_rect;
use geometry::{Fill, LaserRole, Shape};

fn doc(shapes: Vec<Shape>) -> Document {
    let mut d = Document::new();
    for s in shapes {
        d.add(s);
    }
    d
}

fn write(doc: &Document) -> String {
    let mut bytes = Vec::new();
    write_dxf(doc, &LaserProfile::generic(), 0.01, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// One POLYLINE read back.
#[derive(Debug, Default, PartialEq)]
struct Entity {
    layer: String,
    color: i32,
    closed: bool,
    vertices: Vec<[f64; 2]>,
}

/// Group code / value pairs; panics on an odd line count or a bad code.
fn pairs(text: &str) -> Vec<(i32, String)> {
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() % 2, 0, "odd number of lines");
    lines
        .chunks(2)
        .map(|c| (c[0].trim().parse().unwrap(), c[1].trim().to_owned()))
        .collect()
}

/// The POLYLINE entities, and the layers of the LAYER table with their colours.
fn read(text: &str) -> (Vec<Entity>, Vec<(String, i32)>) {
    let pairs = pairs(text);
    assert_eq!(pairs.last(), Some(&(0, "EOF".to_owned())));
    let mut entities = Vec::new();
    let mut layers = Vec::new();
    let mut current: Option<&str> = None;
    for (code, value) in &pairs {
        if *code == 0 {
            current = Some(value.as_str());
            match value.as_str() {
                "POLYLINE" => entities.push(Entity::default()),
                "VERTEX" => entities.last_mut().unwrap().vertices.push([f64::NAN; 2]),
                "LAYER" => layers.push((String::new(), 0)),
                _ => {}
            }
            continue;
        }
        let entity = entities.last_mut();
        match (current, code) {
            (Some("POLYLINE"), 8) => entity.unwrap().layer = value.clone(),
            (Some("POLYLINE"), 62) => entity.unwrap().color = value.parse().unwrap(),
            (Some("POLYLINE"), 70) => entity.unwrap().closed = value == "1",
            (Some("VERTEX"), 10) => {
                entity.unwrap().vertices.last_mut().unwrap()[0] = value.parse().unwrap()
            }
            (Some("VERTEX"), 20) => {
                entity.unwrap().vertices.last_mut().unwrap()[1] = value.parse().unwrap()
            }
            (Some("LAYER"), 2) => layers.last_mut().unwrap().0 = value.clone(),
            (Some("LAYER"), 62) => layers.last_mut().unwrap().1 = value.parse().unwrap(),
            _ => {}
        }
    }
    (entities, layers)
}

#[test]
fn header_declares_r12_and_metric() {
    let text = write(&doc(vec![centred_rect(10.0, 10.0, 0.0, 0.0)]));
    let pairs = pairs(&text);
    let after = |name: &str| {
        let i = pairs.iter().position(|(_, v)| v == name).unwrap();
        pairs[i + 1].1.clone()
    };
    assert_eq!(after("$ACADVER"), "AC1009");
    assert_eq!(after("$MEASUREMENT"), "1");
    assert!(!text.contains("$INSUNITS"));
}

#[test]
fn layers_colours_and_closed_polylines() {
    let mut engraved = centred_rect(10.0, 10.0, 0.0, 0.0);
    engraved.role = LaserRole::Engrave;
    let mut score = centred_rect(20.0, 5.0, 0.0, 0.0);
    score.role = LaserRole::Score;
    score.fill = Fill::Outline;
    let outline = centred_rect(40.0, 30.0, 0.0, 0.0);
    let (entities, layers) = read(&write(&doc(vec![outline, engraved, score])));
    assert_eq!(
        layers,
        [
            ("ENGRAVE".into(), 7),
            ("SCORE".into(), 5),
            ("CUT".into(), 1)
        ]
    );
    let summary: Vec<(&str, i32, bool, usize)> = entities
        .iter()
        .map(|e| (e.layer.as_str(), e.color, e.closed, e.vertices.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("ENGRAVE", 7, true, 4),
            ("SCORE", 5, true, 4),
            ("CUT", 1, true, 4)
        ]
    );
    // Y up, lower-left corner of the drawing at the origin.
    let mut cut = entities[2].vertices.clone();
    let start = cut.iter().position(|p| *p == [0.0, 0.0]).unwrap();
    cut.rotate_left(start);
    assert_eq!(cut, [[0.0, 0.0], [40.0, 0.0], [40.0, 30.0], [0.0, 30.0]]);
}

#[test]
fn touching_rectangles_share_one_edge_and_inner_comes_first() {
    let shapes = vec![
        centred_rect(10.0, 10.0, 0.0, 0.0),
        centred_rect(10.0, 10.0, 10.0, 0.0),
        centred_rect(2.0, 2.0, 0.0, 0.0),
    ];
    let (entities, _) = read(&write(&doc(shapes)));
    let mut segments = Vec::new();
    for e in &entities {
        let n = e.vertices.len();
        let count = if e.closed { n } else { n - 1 };
        for i in 0..count {
            let key = |p: [f64; 2]| p.map(|c| (c * 1000.0).round() as i64);
            let (a, b) = (key(e.vertices[i]), key(e.vertices[(i + 1) % n]));
            segments.push(if a <= b { (a, b) } else { (b, a) });
        }
    }
    segments.sort();
    let count = segments.len();
    segments.dedup();
    assert_eq!(count, segments.len(), "a segment is cut twice");
    assert_eq!(count, 7 + 4);
    // The small square inside the first one is cut first.
    assert_eq!(entities[0].vertices.len(), 4);
    assert!(
        entities[0]
            .vertices
            .iter()
            .all(|p| (4.0..=6.0).contains(&p[0]))
    );
}

#[test]
fn colours_map_to_the_nearest_index() {
    assert_eq!(nearest_aci("#FF0000"), 1);
    assert_eq!(nearest_aci("#0000FF"), 5);
    assert_eq!(nearest_aci("#000000"), 7);
    assert_eq!(nearest_aci("#FFFFFF"), 7);
    assert_eq!(nearest_aci("#00E000"), 3);
    assert_eq!(nearest_aci("not a colour"), 7);
    assert_eq!(real(12.0), "12.0");
    assert_eq!(real(-0.25), "-0.25");
}

#[test]
fn empty_document_is_refused() {
    let mut out = Vec::new();
    let result = write_dxf(&Document::new(), &LaserProfile::generic(), 0.01, &mut out);
    assert!(matches!(
        result,
        Err(ExportError::NothingToExport {
            format: Format::Dxf
        })
    ));
    assert!(out.is_empty());
}
