//! Speed of the lab-readiness check (`fabrique check`, and the app's check
//! panel, which runs it on a worker thread) on the benchmark drawing of
//! 400 gears ([`gears`]), for a laser and for a printer.
//!
//!     cargo bench --bench check
//!
//! In a debug build (measured with a throwaway test) the laser check took
//! 26 s, 21 s of it in the narrow-strip check; the printer check 18 s.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)] // The gears module also serves the pipeline bench.
mod gears;

use std::hint::black_box;
use std::sync::LazyLock;

use exporters::check::{CheckOptions, check};
use geometry::Document;

fn main() {
    divan::main();
}

static DOCUMENT: LazyLock<Document> = LazyLock::new(|| {
    // Filled red (the lab's cut colour): 400 parts to cut out. Filled
    // black they would be engraved, and the laser checks skip engraving.
    let svg = gears::svg().replace(r#"fill="black""#, r##"fill="#ff0000""##);
    let import = geometry::import::import_svg(svg.as_bytes()).expect("the gears import");
    let mut document = Document::new();
    for shape in import.shapes {
        document.add(shape);
    }
    document
});

/// Every laser check against the Epilog Zing 24.
#[divan::bench(sample_count = 5)]
fn laser() {
    let machine = exporters::machines::find("epilog-zing-24").expect("shipped");
    black_box(check(&DOCUMENT, &machine, &CheckOptions::default()));
}

/// Every printer check against the Prusa MK4.
#[divan::bench(sample_count = 5)]
fn printer() {
    let machine = exporters::machines::find("prusa-mk4").expect("shipped");
    black_box(check(&DOCUMENT, &machine, &CheckOptions::default()));
}
