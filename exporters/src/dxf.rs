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
    out: impl Write,
) -> Result<(), ExportError> {
    crate::check_tolerance(tolerance_mm)?;
    profile.validate()?;
    write_paths(
        &LaserPaths::from_document(doc, tolerance_mm),
        profile,
        page_mm,
        out,
    )
}

/// Writes `paths` as [`write_dxf_on_page`] does, the profile already
/// validated.
pub(crate) fn write_paths(
    paths: &LaserPaths,
    profile: &LaserProfile,
    page_mm: Option<(f64, f64)>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let drawing = paths.bounds().ok_or(ExportError::NothingToExport {
        format: Format::Dxf,
    })?;
    let bounds = crate::cut_paths::page_bounds(drawing, page_mm);
    let text = dxf_string(paths, profile, bounds);
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
mod tests {
    //! Tests of the DXF writer, read back with a tiny DXF reader.

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
}
