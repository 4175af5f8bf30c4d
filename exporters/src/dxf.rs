//! DXF R12 (AC1009, ASCII): the oldest DXF every laser program reads.
//!
//! One layer per operation, `CUT`, `SCORE` and `ENGRAVE`, each with the
//! AutoCAD colour index nearest to the profile's colour (generic profile:
//! 1 red, 5 blue, 7 black/white), repeated on every entity because some
//! laser programs read the entity's colour and ignore its layer's. Every
//! line is a `POLYLINE`/`VERTEX`/`SEQEND` sequence, flag 1 when closed.
//! Lines are the same deduplicated, inner-first paths as the laser SVG
//! (see [`crate::cut_paths`]), moved so the page's lower-left corner is at
//! the origin: with a page ([`write_dxf_on_page`]) every part keeps its
//! place; without one, the drawing's lower-left corner is at the origin.
//! DXF is Y-up like the document, so nothing is flipped.
//!
//! R12 has no unit field (`$INSUNITS` came with R2000): coordinates are
//! millimetres and `$MEASUREMENT` is 1 (metric), which programs that look
//! for it take as mm.
//!
//! Current limitations: curves are straight segments within the tolerance
//! (no arcs); R12 has no hatch, so engraved areas are written as
//! their closed outlines on the `ENGRAVE` layer; the laser program fills
//! them (LightBurn, RDWorks and VisiCut do when the layer is set to fill).

use std::fmt::Write as _;
use std::io::Write;

use geometry::Document;
use geometry::outline::Polyline;

use crate::cut_paths::{Bounds, LaserPaths, format_mm};
use crate::error::ExportError;
use crate::profile::{LaserProfile, parse_hex_color};
use crate::save::Format;

/// Writes the laser operations of `doc` as a DXF R12 file in mm, curves
/// flattened to within `tolerance_mm`, layer colours after `profile`.
///
/// Fails with [`ExportError::NothingToExport`] when no shape has an
/// outline, and on an invalid tolerance or profile, before writing anything.
pub fn write_dxf(
    doc: &Document,
    profile: &LaserProfile,
    tolerance_mm: f64,
    out: impl Write,
) -> Result<(), ExportError> {
    write_dxf_on_page(doc, profile, tolerance_mm, None, out)
}

/// [`write_dxf`] with the origin at the lower-left corner of a page of
/// `page_mm` (width, height) that starts at the document's origin, so
/// every part keeps its place; `None`: at the drawing's corner.
pub fn write_dxf_on_page(
    doc: &Document,
    profile: &LaserProfile,
    tolerance_mm: f64,
    page_mm: Option<(f64, f64)>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    crate::check_tolerance(tolerance_mm)?;
    profile.validate()?;
    let paths = LaserPaths::from_document(doc, tolerance_mm);
    let drawing = paths.bounds().ok_or(ExportError::NothingToExport {
        format: Format::Dxf,
    })?;
    let bounds = crate::cut_paths::page_bounds(drawing, page_mm);
    let text = dxf_string(&paths, profile, bounds);
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| ExportError::io(&e))
}

/// One layer: its name, colour index and polylines.
struct Layer<'a> {
    name: &'static str,
    color: u8,
    lines: Vec<&'a [[f64; 2]]>,
    closed: Vec<bool>,
}

impl<'a> Layer<'a> {
    fn of_lines(name: &'static str, color: &str, lines: &'a [Polyline]) -> Self {
        Self {
            name,
            color: nearest_aci(color),
            lines: lines.iter().map(|l| l.points.as_slice()).collect(),
            closed: lines.iter().map(|l| l.closed).collect(),
        }
    }
}

fn dxf_string(paths: &LaserPaths, profile: &LaserProfile, (lo, hi): Bounds) -> String {
    let engrave: Vec<&[[f64; 2]]> = paths.engrave.contours().map(Vec::as_slice).collect();
    let layers = [
        Layer {
            name: "ENGRAVE",
            color: nearest_aci(&profile.engrave_color),
            closed: vec![true; engrave.len()],
            lines: engrave,
        },
        Layer::of_lines("SCORE", &profile.score_color, &paths.score),
        Layer::of_lines("CUT", &profile.cut_color, &paths.cut),
    ];
    let mut d = Dxf::default();
    d.section("HEADER");
    d.pair(9, "$ACADVER");
    d.pair(1, "AC1009");
    d.pair(9, "$MEASUREMENT");
    d.pair(70, "1");
    for (name, [x, y]) in [
        ("$EXTMIN", [0.0; 2]),
        ("$EXTMAX", [hi[0] - lo[0], hi[1] - lo[1]]),
    ] {
        d.pair(9, name);
        d.point(x, y);
    }
    d.pair(0, "ENDSEC");
    d.section("TABLES");
    d.table("LTYPE", 1);
    d.pairs(&[
        (0, "LTYPE"),
        (2, "CONTINUOUS"),
        (70, "0"),
        (3, "Solid line"),
    ]);
    d.pairs(&[(72, "65"), (73, "0"), (40, "0.0"), (0, "ENDTAB")]);
    d.table("LAYER", layers.len());
    for l in &layers {
        d.pairs(&[(0, "LAYER"), (2, l.name), (70, "0")]);
        d.pair(62, &l.color.to_string());
        d.pair(6, "CONTINUOUS");
    }
    d.pair(0, "ENDTAB");
    d.pair(0, "ENDSEC");
    d.section("ENTITIES");
    for l in &layers {
        for (points, closed) in l.lines.iter().zip(&l.closed) {
            d.polyline(l, points, *closed, lo);
        }
    }
    d.pair(0, "ENDSEC");
    d.pair(0, "EOF");
    d.text
}

/// DXF text being built, one group code and value per pair of lines.
#[derive(Default)]
struct Dxf {
    text: String,
}

impl Dxf {
    fn pair(&mut self, code: u16, value: &str) {
        let _ = write!(self.text, "{code:>3}\n{value}\n");
    }

    fn pairs(&mut self, pairs: &[(u16, &str)]) {
        for (code, value) in pairs {
            self.pair(*code, value);
        }
    }

    fn section(&mut self, name: &str) {
        self.pairs(&[(0, "SECTION"), (2, name)]);
    }

    fn table(&mut self, name: &str, entries: usize) {
        self.pairs(&[(0, "TABLE"), (2, name)]);
        self.pair(70, &entries.to_string());
    }

    fn point(&mut self, x: f64, y: f64) {
        self.pair(10, &real(x));
        self.pair(20, &real(y));
        self.pair(30, "0.0");
    }

    fn polyline(&mut self, layer: &Layer, points: &[[f64; 2]], closed: bool, origin: [f64; 2]) {
        let color = layer.color.to_string();
        self.pairs(&[(0, "POLYLINE"), (8, layer.name), (62, &color), (66, "1")]);
        self.point(0.0, 0.0);
        self.pair(70, if closed { "1" } else { "0" });
        let mut previous = None;
        for p in points {
            let xy = (real(p[0] - origin[0]), real(p[1] - origin[1]));
            if previous.as_ref() == Some(&xy) {
                continue;
            }
            self.pairs(&[(0, "VERTEX"), (8, layer.name), (10, &xy.0), (20, &xy.1)]);
            self.pair(30, "0.0");
            previous = Some(xy);
        }
        self.pairs(&[(0, "SEQEND"), (8, layer.name)]);
    }
}

/// A DXF real: mm rounded like the SVG's, always with a decimal point
/// (strict readers take `12` for an integer).
fn real(value: f64) -> String {
    let text = format_mm(value);
    if text.contains('.') {
        text
    } else {
        text + ".0"
    }
}

/// The AutoCAD colour index (1–7) nearest to `color`; 7 (drawn black on
/// white, white on black) for black, white and anything unreadable.
fn nearest_aci(color: &str) -> u8 {
    const BASIC: [(u8, [i32; 3]); 8] = [
        (1, [255, 0, 0]),
        (2, [255, 255, 0]),
        (3, [0, 255, 0]),
        (4, [0, 255, 255]),
        (5, [0, 0, 255]),
        (6, [255, 0, 255]),
        (7, [0, 0, 0]),
        (7, [255, 255, 255]),
    ];
    let Some(rgb) = parse_hex_color(color) else {
        return 7;
    };
    let rgb = rgb.map(i32::from);
    BASIC
        .iter()
        .min_by_key(|(_, c)| (0..3).map(|k| (c[k] - rgb[k]).pow(2)).sum::<i32>())
        .map_or(7, |(aci, _)| *aci)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "dxf_tests.rs"]
mod tests;
