//! The lab check's whole report, kept in `tests/golden/check_reports.txt`:
//! the laser fixtures of `tests/fixtures/check`, a self-crossing scribble
//! (filled and outlined) and two plates sharing an edge, on two lasers and
//! a printer. A change to how the check computes (sharing work between the
//! checks, threads) must leave every finding, number and box identical to
//! the bit; a change to what it finds shows up as a diff in review. After
//! a deliberate change, regenerate with
//! `FABRIQUE_BLESS=1 cargo test -p exporters --test check_reports`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use exporters::check::{CheckOptions, check};
use exporters::machines::{Machine, find};
use geometry::{Document, Fill, FillRule, LaserRole, Shape, ShapeKind};

fn documents() -> Vec<(String, Document)> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut docs = Vec::new();
    for name in [
        "check/too_big.svg",
        "check/open_path.svg",
        "check/narrow.svg",
        "check/small_hole.svg",
        "check/duplicate.svg",
        "check/island.svg",
        "check/thin_wall.svg",
        "svg/keychain.svg",
    ] {
        let data = std::fs::read(fixtures.join(name)).unwrap();
        let import = geometry::import::import_svg(&data).unwrap();
        let mut doc = Document::new();
        for shape in import.shapes {
            doc.add(shape);
        }
        docs.push((name.to_owned(), doc));
    }
    for fill in [Fill::Filled(FillRule::NonZero), Fill::Outline] {
        let mut doc = Document::new();
        let mut walk = scribble(800);
        walk.fill = fill;
        doc.add(walk);
        docs.push((format!("scribble {fill:?}"), doc));
    }
    docs.push(("plates".to_owned(), plates()));
    docs
}

/// A closed random walk of `steps` steps of up to 1 mm that bounces off a
/// 40 × 30 mm box, crossing itself everywhere (as in
/// `tests/benches/hostile_inputs.sh`, smaller), seeded.
fn scribble(steps: usize) -> Shape {
    let mut state: u64 = 12;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % 21) as i32 - 10
    };
    let (mut x, mut y) = (200, 150);
    let mut path = kurbo::BezPath::new();
    path.move_to((f64::from(x) / 10.0, f64::from(y) / 10.0));
    for _ in 0..steps {
        let (mut dx, mut dy) = (next(), next());
        if !(10..=390).contains(&(x + dx)) {
            dx = -dx;
        }
        if !(10..=290).contains(&(y + dy)) {
            dy = -dy;
        }
        (x, y) = (x + dx, y + dy);
        path.line_to((f64::from(x) / 10.0, f64::from(y) / 10.0));
    }
    path.close_path();
    Shape::new(ShapeKind::Path { path })
}

/// Two touching plates (one edge shared), a small round hole in the first,
/// a fold line scored across the second and an engraved square.
fn plates() -> Document {
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
    doc.add(Shape::new(ShapeKind::Ellipse { rx: 0.4, ry: 0.4 }));
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

#[test]
fn reports_are_unchanged() {
    // Two lasers of different kerfs and a printer.
    let machines: Vec<Machine> = ["generic-laser", "epilog-zing-24", "generic-printer"]
        .into_iter()
        .map(|id| find(id).unwrap())
        .collect();
    let mut actual = String::new();
    for (name, doc) in documents() {
        for machine in &machines {
            let report = check(&doc, machine, &CheckOptions::default());
            actual.push_str(&format!("{name} on {}:\n", machine.id()));
            actual.push_str(&serde_json::to_string(&report).unwrap());
            actual.push('\n');
        }
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/check_reports.txt");
    if std::env::var("FABRIQUE_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    for (line, (want, got)) in expected.lines().zip(actual.lines()).enumerate() {
        assert_eq!(want, got, "{} line {}", path.display(), line + 1);
    }
    assert_eq!(
        expected.lines().count(),
        actual.lines().count(),
        "If the change is deliberate, run FABRIQUE_BLESS=1 cargo test -p exporters --test check_reports"
    );
}
