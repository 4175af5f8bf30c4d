//! Extrusion speed of what makers really print: a keychain of three
//! heights (a 3 mm plate, a 20-letter name raised 1 mm on it, a star sunk
//! 1 mm into it, a hole through for the ring), the multi-height path
//! (one arrangement, one triangulation). The goal is under 20 ms.
//!
//! `cargo bench --bench extrude`. The 51,200-segment gears
//! (one height) are `cargo bench --bench pipeline` at the workspace root.

#![allow(clippy::unwrap_used)] // A fixed design: a failure is a broken benchmark.

use std::hint::black_box;

use geometry::extrude::{ExtrudeOptions, extrude};
use geometry::{Document, Extrusion, Mesh, Shape, ShapeKind};

fn main() {
    divan::main();
}

/// The name: 20 characters, spaces and a hyphen included.
const NAME: &str = "Marie-Lou Delacroix!";

fn with(kind: ShapeKind, x: f64, y: f64, base: f64, height: f64, hole: bool) -> Shape {
    let mut shape = Shape::new(kind).translated(x, y);
    shape.extrusion = Extrusion { height, base, hole };
    shape
}

/// Plate 0–3 mm, name 3–4 mm, star sunk 2–3 mm, hole 0–3 mm: levels 0, 2,
/// 3 and 4, so three slabs.
fn keychain() -> Document {
    let mut document = Document::new();
    let plate = ShapeKind::RoundedRectangle {
        width: 110.0,
        height: 22.0,
        radius: 5.0,
    };
    document.add(with(plate, 0.0, 0.0, 0.0, 3.0, false));
    let name = ShapeKind::Text {
        text: NAME.into(),
        font: "Lato".into(),
        size: 9.0,
    };
    document.add(with(name, 2.0, -3.0, 3.0, 1.0, false));
    let star = ShapeKind::Star {
        points: 5,
        outer_radius: 4.0,
        inner_ratio: 0.45,
    };
    document.add(with(star, 45.0, 0.0, 2.0, 1.0, true));
    let ring = ShapeKind::Ellipse { rx: 2.5, ry: 2.5 };
    document.add(with(ring, -49.0, 0.0, 0.0, 3.0, true));
    document
}

/// The keychain, checked once: closed parts of the volume drawn.
fn checked_keychain() -> Document {
    let document = keychain();
    let meshes = extrude(&document, &ExtrudeOptions::default()).unwrap();
    assert!(meshes.iter().all(|m| m.defects().is_clean()));
    assert!(meshes.iter().all(|m| m.zero_area_triangles() == 0));
    assert!(meshes.iter().map(Mesh::signed_volume).sum::<f64>() > 0.0);
    document
}

/// Shapes to closed meshes, three heights.
#[divan::bench(sample_count = 30)]
fn keychain_three_heights(bencher: divan::Bencher) {
    let document = checked_keychain();
    bencher.bench(|| extrude(black_box(&document), &ExtrudeOptions::default()).unwrap());
}
