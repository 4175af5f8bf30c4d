//! Golden files: the exact bytes written for a small design, kept in
//! `tests/golden/` so that any change to the output shows up as a diff in
//! review. After a deliberate change, regenerate them with
//! `FABRIQUE_BLESS=1 cargo test -p exporters --test golden` and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use exporters::{LaserProfile, write_3mf, write_dxf, write_laser_svg};
use geometry::{Document, Fill, FillRule, LaserRole, Mesh, Shape, ShapeKind};

/// Two touching plates (one edge shared), a round hole in the first, a
/// fold line to score across the second and a small engraved square.
fn design() -> Document {
    let mut doc = Document::new();
    let plate = |x: f64| {
        Shape::new(ShapeKind::Rectangle {
            width: 40.0,
            height: 30.0,
        })
        .translated(x, 0.0)
    };
    doc.add(plate(0.0));
    doc.add(plate(40.0));
    doc.add(Shape::new(ShapeKind::Ellipse { rx: 4.0, ry: 4.0 }));
    let mut fold = Shape::new(ShapeKind::Path {
        path: Default::default(),
    });
    if let ShapeKind::Path { path } = &mut fold.kind {
        path.move_to((20.0, 0.0));
        path.line_to((60.0, 0.0));
    }
    fold.fill = Fill::Outline;
    fold.role = LaserRole::Score;
    doc.add(fold);
    let mut mark = Shape::new(ShapeKind::RegularPolygon {
        sides: 4,
        radius: 5.0,
    })
    .translated(45.0, 5.0);
    mark.fill = Fill::Filled(FillRule::EvenOdd);
    mark.role = LaserRole::Engrave;
    doc.add(mark);
    doc
}

fn tetrahedron() -> Mesh {
    Mesh {
        vertices: vec![
            [0.0, 0.0, 0.0],
            [10.0, 0.0, 0.0],
            [0.0, 10.0, 0.0],
            [0.0, 0.0, 10.0 / 3.0],
        ],
        triangles: vec![[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]],
    }
}

#[track_caller]
fn check(name: &str, actual: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("FABRIQUE_BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from what the exporter writes now:\n{}\n\
         If the change is deliberate, run FABRIQUE_BLESS=1 cargo test -p exporters --test golden",
        path.display(),
        String::from_utf8_lossy(actual)
    );
}

#[test]
fn laser_svg_golden() {
    let mut out = Vec::new();
    write_laser_svg(&design(), &LaserProfile::generic(), 0.05, &mut out).unwrap();
    check("design.svg", &out);
}

#[test]
fn dxf_golden() {
    let mut out = Vec::new();
    write_dxf(&design(), &LaserProfile::generic(), 0.05, &mut out).unwrap();
    check("design.dxf", &out);
}

#[test]
fn threemf_model_golden() {
    let mut out = Vec::new();
    write_3mf(&[tetrahedron()], &mut out).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
    let mut model = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("3D/3dmodel.model").unwrap(),
        &mut model,
    )
    .unwrap();
    check("tetrahedron.model", model.as_bytes());
}
