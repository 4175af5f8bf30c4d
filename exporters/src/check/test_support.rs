//! Builders shared by the checks' tests: shapes, documents and machines.

use geometry::{Document, Fill, Shape, ShapeKind};

use super::{CheckOptions, Finding, FindingKind, Fix, Severity, apply_fix, check};
use crate::machines::{Machine, PrinterProfile};
use crate::profile::LaserProfile;

/// A filled, cut rectangle `w` × `h` with its lower-left corner at (`x`, `y`).
pub fn rect(w: f64, h: f64, x: f64, y: f64) -> Shape {
    Shape::new(ShapeKind::Rectangle {
        width: w,
        height: h,
    })
    .translated(x + w / 2.0, y + h / 2.0)
}

/// A filled, cut circle of diameter `d` centred on (`x`, `y`).
pub fn circle(d: f64, x: f64, y: f64) -> Shape {
    Shape::new(ShapeKind::Ellipse {
        rx: d / 2.0,
        ry: d / 2.0,
    })
    .translated(x, y)
}

/// An outline-only path through `points`, closed or not.
pub fn line(points: &[[f64; 2]], closed: bool) -> Shape {
    let mut path = kurbo::BezPath::new();
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            path.move_to((p[0], p[1]));
        } else {
            path.line_to((p[0], p[1]));
        }
    }
    if closed {
        path.close_path();
    }
    let mut shape = Shape::new(ShapeKind::Path { path });
    shape.fill = Fill::Outline;
    shape
}

/// A document of `shapes`, with fresh ids 1, 2, 3…
pub fn doc(shapes: Vec<Shape>) -> Document {
    let mut d = Document::new();
    for s in shapes {
        d.add(s);
    }
    d
}

/// The generic laser as a machine.
pub fn laser() -> Machine {
    Machine::Laser(LaserProfile::generic())
}

/// The generic printer as a machine.
pub fn printer() -> Machine {
    Machine::Printer(PrinterProfile::generic())
}

/// The findings of kind `name` (the serde tag, say `"too_big"`).
pub fn of_kind<'a>(findings: &'a [Finding], name: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| kind_name(&f.kind) == name)
        .collect()
}

/// The serde tag of a kind.
pub fn kind_name(kind: &FindingKind) -> String {
    let value = serde_json::to_value(kind).unwrap_or_default();
    value["check"].as_str().unwrap_or_default().to_owned()
}

/// Applies the fix of the first finding of kind `tag` and checks again:
/// that finding is gone and no blocking finding appeared. Returns the fix
/// and the fixed document.
#[track_caller]
pub fn fix_first(d: &Document, machine: &Machine, tag: &str) -> (Fix, Document) {
    let before = check(d, machine, &CheckOptions::default());
    let found = of_kind(&before.findings, tag);
    assert!(!found.is_empty(), "no {tag}: {:?}", before.findings);
    let fix = found[0].fix.clone().expect("a one-click fix");
    let fixed = apply_fix(d, &fix);
    let after = check(&fixed, machine, &CheckOptions::default());
    assert!(
        of_kind(&after.findings, tag).is_empty(),
        "{tag} left after {fix:?}: {:?}",
        after.findings
    );
    let blocking = |findings: &[Finding]| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking && kind_name(&f.kind) != tag)
            .map(|f| kind_name(&f.kind))
            .collect()
    };
    let new: Vec<String> = blocking(&after.findings)
        .into_iter()
        .filter(|k| !blocking(&before.findings).contains(k))
        .collect();
    assert!(
        new.is_empty(),
        "new blocking findings after {fix:?}: {:?}",
        after.findings
    );
    (fix, fixed)
}

/// A 20 mm square frame whose walls are `wall` mm wide (one even-odd path).
pub fn frame(wall: f64) -> Shape {
    let mut path = kurbo::BezPath::new();
    for (lo, hi) in [(0.0, 20.0), (wall, 20.0 - wall)] {
        path.move_to((lo, lo));
        path.line_to((hi, lo));
        path.line_to((hi, hi));
        path.line_to((lo, hi));
        path.close_path();
    }
    let mut shape = Shape::new(ShapeKind::Path { path });
    shape.fill = Fill::Filled(geometry::FillRule::EvenOdd);
    shape
}
