//! Speed of `fabrique extrude` on a large drawing: 400 gears, 51,200
//! straight segments ([`gears`]), imported, extruded 3 mm and written as
//! binary STL, each stage alone and the whole pipeline (SVG bytes to STL
//! bytes, in memory, as `fabrique extrude` does before writing the file).
//!
//!     cargo bench --bench pipeline
//!     cargo bench --bench pipeline -- --write-svg gears.svg   # the drawing, for other tools
//!
//! The side-by-side comparison with OpenSCAD, timing the real command, is
//! `tests/benches/pipeline_vs_openscad.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gears;

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use exporters::{ExportOptions, Format};
use geometry::extrude::{ExtrudeOptions, extrude};
use geometry::{Document, Extrusion, Mesh};

/// Height of every gear, mm.
const HEIGHT_MM: f64 = 3.0;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write-svg") {
        let path = args.get(i + 1).expect("--write-svg needs a file name");
        std::fs::write(path, gears::svg()).expect("cannot write the drawing");
        println!(
            "{path}: {} gears, {} segments, {:.3} mm² filled, {:.3} mm³ at {HEIGHT_MM} mm",
            gears::GRID * gears::GRID,
            gears::SEGMENTS,
            gears::area_mm2(),
            gears::area_mm2() * HEIGHT_MM,
        );
        return;
    }
    divan::main();
}

static SVG: LazyLock<Vec<u8>> = LazyLock::new(|| gears::svg().into_bytes());

/// What `fabrique extrude --height 3` does between reading the file and
/// extruding: the imported shapes in a document, all 3 mm high.
fn document(svg: &[u8]) -> Document {
    let import = geometry::import::import_svg(svg).expect("the gears import");
    let mut document = Document::new();
    for mut shape in import.shapes {
        shape.extrusion = Extrusion {
            height: HEIGHT_MM,
            base: 0.0,
            hole: false,
        };
        document.add(shape);
    }
    document
}

static DOCUMENT: LazyLock<Document> = LazyLock::new(|| document(&SVG));

static MESHES: LazyLock<Vec<Mesh>> = LazyLock::new(|| {
    let meshes = extrude(&DOCUMENT, &ExtrudeOptions::default()).expect("the gears extrude");
    assert_eq!(meshes.len(), gears::GRID * gears::GRID);
    let volume: f64 = meshes.iter().map(Mesh::signed_volume).sum();
    let expected = gears::area_mm2() * HEIGHT_MM;
    assert!(
        (volume - expected).abs() < 1e-3 * expected,
        "volume {volume} mm³, expected {expected} mm³"
    );
    meshes
});

/// SVG bytes to shapes (XML parsing, usvg, paths in mm).
#[divan::bench(sample_count = 20)]
fn import_svg(bencher: Bencher) {
    let svg = &*SVG;
    bencher.bench(|| geometry::import::import_svg(black_box(svg)).expect("import"));
}

/// Shapes to closed meshes (regions, booleans, caps, walls, welding, parts).
#[divan::bench(sample_count = 20)]
fn extrude_gears(bencher: Bencher) {
    let document = &*DOCUMENT;
    bencher.bench(|| extrude(black_box(document), &ExtrudeOptions::default()).expect("extrude"));
}

/// Meshes to binary STL bytes.
#[divan::bench(sample_count = 20)]
fn write_stl(bencher: Bencher) {
    let meshes = &*MESHES;
    let mut out = Vec::with_capacity(100 << 20);
    bencher.bench_local(|| {
        out.clear();
        exporters::write_stl(black_box(meshes), &mut out).expect("write");
        out.len()
    });
}

/// The whole pipeline in memory: SVG bytes to STL bytes.
#[divan::bench(sample_count = 20)]
fn whole_pipeline(bencher: Bencher) {
    let svg = &*SVG;
    bencher.bench(|| {
        let document = document(black_box(svg));
        let mut out = Vec::new();
        exporters::export(&document, &ExportOptions::default(), Format::Stl, &mut out)
            .expect("export");
        out
    });
}
