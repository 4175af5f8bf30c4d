//! Laser-ready SVG: the size in millimetres, the operation in the colour.
//!
//! What labs expect, and what this writer does:
//! - root `width`/`height` in `mm` and a `viewBox` in mm, so 1 user unit is
//!   1 mm whatever px-per-inch habit the lab's software has;
//! - the page is the one given ([`write_laser_svg_on_page`]: the input
//!   file's page or the machine's bed, its lower-left corner at the
//!   document's origin), so parts stay where they were placed: print-driver
//!   lasers (Epilog) put the page's corner at the bed's corner, and a part
//!   placed mid-bed to use an offcut must be cut there. A drawing reaching
//!   past the page widens it rather than being cut off. Without a page
//!   ([`write_laser_svg`], `--fit`), the page is exactly the bounds of the
//!   drawing (no margin), moved so that nothing is negative. Y is flipped
//!   to SVG's Y-down;
//! - cut and score lines are hairline strokes (`fill="none"`) in the
//!   profile's colours, engraved areas a fill with no stroke;
//! - no duplicate segments, inner contours before outer ones, closed
//!   contours closed with `Z` (see [`crate::cut_paths`]);
//! - groups in the order a laser should run them: engrave, score, cut (once
//!   a part is cut free it may move, so everything on it is done first);
//! - style attributes on every path rather than inherited from groups, as
//!   some laser software ignores group styles; no text, no raster;
//! - each group is also an Inkscape layer named after its operation, so a
//!   maker who opens the file in Inkscape sees "Cut", "Score", "Engrave".
//!
//! Current limitations: curves are written as straight segments within the
//! tolerance (no arcs or Béziers, which some lasers follow more smoothly);
//! no kerf compensation; parts bigger than the profile's bed are not
//! flagged here (that is a lab-readiness check).

use std::fmt::Write as _;
use std::io::Write;

use geometry::Document;
use geometry::outline::Polyline;

use crate::cut_paths::{LaserPaths, format_mm, write_mm};
use crate::error::ExportError;
use crate::profile::LaserProfile;
use crate::save::Format;

/// Writes the laser operations of `doc` as an SVG in millimetres, curves
/// flattened to within `tolerance_mm`, coloured after `profile`.
///
/// Fails with [`ExportError::NothingToExport`] when no shape has an outline,
/// and on an invalid tolerance or profile, before writing anything.
pub fn write_laser_svg(
    doc: &Document,
    profile: &LaserProfile,
    tolerance_mm: f64,
    out: impl Write,
) -> Result<(), ExportError> {
    write_laser_svg_on_page(doc, profile, tolerance_mm, None, out)
}

/// [`write_laser_svg`] on a page of `page_mm` (width, height), its
/// lower-left corner at the document's origin, so every part keeps its
/// place; `None` crops the page to the drawing.
pub fn write_laser_svg_on_page(
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

/// Writes `paths` as [`write_laser_svg_on_page`] does, the profile already
/// validated.
pub(crate) fn write_paths(
    paths: &LaserPaths,
    profile: &LaserProfile,
    page_mm: Option<(f64, f64)>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let svg = laser_svg_string(paths, profile, page_mm).ok_or(ExportError::NothingToExport {
        format: Format::LaserSvg,
    })?;
    out.write_all(svg.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| ExportError::io(&e))
}

/// The SVG text, `None` when there is nothing to draw.
fn laser_svg_string(
    paths: &LaserPaths,
    profile: &LaserProfile,
    page_mm: Option<(f64, f64)>,
) -> Option<String> {
    let (lo, hi) = crate::cut_paths::page_bounds(paths.bounds()?, page_mm);
    // A single straight line has no height (or width): give the page the
    // stroke's width there, as an SVG of size zero is not displayed at all.
    let width = (hi[0] - lo[0]).max(profile.stroke_width_mm);
    let height = (hi[1] - lo[1]).max(profile.stroke_width_mm);
    let page = Page { lo, hi };
    let (w, h) = (format_mm(width), format_mm(height));
    let mut svg = String::new();
    svg.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    let _ = writeln!(
        svg,
        "<!-- Made with Fabrique for the laser profile \"{}\" ({}): cut {} hairline, \
         score {} hairline, engrave {} fill. 1 unit = 1 mm. -->",
        comment_safe(&profile.name),
        comment_safe(&profile.id),
        profile.cut_color.to_ascii_uppercase(),
        profile.score_color.to_ascii_uppercase(),
        profile.engrave_color.to_ascii_uppercase(),
    );
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \
         xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" \
         width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">"
    );
    if !paths.engrave.is_empty() {
        svg.push_str(&group_start("engrave", "Engrave"));
        for polygon in &paths.engrave.polygons {
            let mut d = String::new();
            for contour in polygon {
                page.push_path_data(&mut d, contour, true);
            }
            let _ = writeln!(
                svg,
                "<path d=\"{d}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"none\"/>",
                profile.engrave_color.to_ascii_uppercase()
            );
        }
        svg.push_str("</g>\n");
    }
    for (id, label, lines, color) in [
        ("score", "Score", &paths.score, &profile.score_color),
        ("cut", "Cut", &paths.cut, &profile.cut_color),
    ] {
        if lines.is_empty() {
            continue;
        }
        svg.push_str(&group_start(id, label));
        for line in lines {
            push_stroke(&mut svg, &page, line, color, profile.stroke_width_mm);
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

fn group_start(id: &str, label: &str) -> String {
    format!("<g id=\"{id}\" inkscape:groupmode=\"layer\" inkscape:label=\"{label}\">\n")
}

fn push_stroke(svg: &mut String, page: &Page, line: &Polyline, color: &str, width: f64) {
    let mut d = String::new();
    page.push_path_data(&mut d, &line.points, line.closed);
    let _ = writeln!(
        svg,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
        color.to_ascii_uppercase(),
        format_mm(width)
    );
}

/// Document space (mm, Y up) → page space (mm, Y down, origin at the
/// drawing's top-left corner).
struct Page {
    lo: [f64; 2],
    hi: [f64; 2],
}

impl Page {
    /// Appends `M x y L x y … [Z]`, skipping points that round to the previous one.
    fn push_path_data(&self, d: &mut String, points: &[[f64; 2]], closed: bool) {
        // A point written the same as the one before is left out: compared
        // as the rounded values `write_mm` writes, equal exactly when the
        // text is (`-0` and `0` both write "0").
        let rounded = |v: f64| (v * 1000.0).round() / 1000.0;
        let mut previous: Option<[f64; 2]> = None;
        for p in points {
            let (x, y) = (p[0] - self.lo[0], self.hi[1] - p[1]);
            let key = [rounded(x), rounded(y)];
            if previous == Some(key) {
                continue;
            }
            if !d.is_empty() {
                d.push(' ');
            }
            d.push_str(if previous.is_none() { "M " } else { "L " });
            write_mm(d, x);
            d.push(' ');
            write_mm(d, y);
            previous = Some(key);
        }
        if closed && previous.is_some() {
            d.push_str(" Z");
        }
    }
}

/// `text` made safe inside an XML comment (which may not contain `--`).
fn comment_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_control()) {
        if c == '-' && out.ends_with('-') {
            out.push(' ');
        }
        out.push(c);
    }
    if out.ends_with('-') {
        out.push(' ');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    //! Tests of the laser SVG writer: every file is parsed back with usvg.

    use super::*;
    use crate::test_shapes::centred_rect;
    use geometry::{Fill, FillRule, LaserRole, Shape, ShapeKind};
    use usvg::tiny_skia_path::{PathSegment, Point};

    const PX_PER_MM: f32 = 96.0 / 25.4;

    fn doc(shapes: Vec<Shape>) -> Document {
        let mut d = Document::new();
        for s in shapes {
            d.add(s);
        }
        d
    }

    fn write(doc: &Document, profile: &LaserProfile) -> String {
        let mut bytes = Vec::new();
        write_laser_svg(doc, profile, 0.01, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    /// One path of the parsed file, in page millimetres (Y down).
    #[derive(Debug)]
    struct Parsed {
        group: String,
        stroke: Option<(String, f32)>,
        fill: Option<(String, usvg::FillRule)>,
        subpaths: Vec<(Vec<[f32; 2]>, bool)>,
    }

    fn hex(paint: &usvg::Paint) -> String {
        match paint {
            usvg::Paint::Color(c) => format!("#{:02X}{:02X}{:02X}", c.red, c.green, c.blue),
            other => panic!("unexpected paint {other:?}"),
        }
    }

    fn parse(svg: &str) -> (usvg::Size, Vec<Parsed>) {
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
        let mut out = Vec::new();
        collect(tree.root(), "", &mut out);
        (tree.size(), out)
    }

    fn collect(group: &usvg::Group, name: &str, out: &mut Vec<Parsed>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => {
                    let id = if g.id().is_empty() { name } else { g.id() };
                    collect(g, id, out);
                }
                usvg::Node::Path(p) => {
                    let transform = p.abs_transform();
                    let mut subpaths: Vec<(Vec<[f32; 2]>, bool)> = Vec::new();
                    for segment in p.data().segments() {
                        let mut push = |mut pt: Point, new: bool| {
                            transform.map_point(&mut pt);
                            let mm = [pt.x / PX_PER_MM, pt.y / PX_PER_MM];
                            if new {
                                subpaths.push((vec![mm], false));
                            } else if let Some(last) = subpaths.last_mut() {
                                last.0.push(mm);
                            }
                        };
                        match segment {
                            PathSegment::MoveTo(pt) => push(pt, true),
                            PathSegment::LineTo(pt) => push(pt, false),
                            PathSegment::Close => subpaths.last_mut().unwrap().1 = true,
                            other => panic!("curve in a laser file: {other:?}"),
                        }
                    }
                    out.push(Parsed {
                        group: name.to_owned(),
                        stroke: p.stroke().map(|s| (hex(s.paint()), s.width().get())),
                        fill: p.fill().map(|f| (hex(f.paint()), f.rule())),
                        subpaths,
                    });
                }
                other => panic!("unexpected node {other:?}"),
            }
        }
    }

    /// Every segment of the parsed paths of `group`, undirected, rounded to µm.
    fn segments(paths: &[Parsed], group: &str) -> Vec<([i64; 2], [i64; 2])> {
        let key = |p: [f32; 2]| p.map(|c| (c * 1000.0).round() as i64);
        let mut out = Vec::new();
        for p in paths.iter().filter(|p| p.group == group) {
            for (points, closed) in &p.subpaths {
                let n = points.len();
                let count = if *closed { n } else { n - 1 };
                for i in 0..count {
                    let (a, b) = (key(points[i]), key(points[(i + 1) % n]));
                    out.push(if a <= b { (a, b) } else { (b, a) });
                }
            }
        }
        out.sort();
        out
    }

    #[track_caller]
    fn assert_size(size: usvg::Size, width_mm: f32, height_mm: f32) {
        assert!(
            (size.width() - width_mm * PX_PER_MM).abs() < 1e-3,
            "{size:?}"
        );
        assert!(
            (size.height() - height_mm * PX_PER_MM).abs() < 1e-3,
            "{size:?}"
        );
    }

    #[test]
    fn page_is_the_drawing_in_millimetres_with_hairline_strokes() {
        let profile = LaserProfile::generic();
        let svg = write(&doc(vec![centred_rect(40.0, 20.0, -100.0, 7.5)]), &profile);
        assert!(svg.contains(r#"width="40mm" height="20mm" viewBox="0 0 40 20""#));
        assert!(
            svg.contains(
                "<!-- Made with Fabrique for the laser profile \"Generic laser\" (generic)"
            )
        );
        assert!(!svg.contains("<text") && !svg.contains("<image"));
        let (size, paths) = parse(&svg);
        assert_size(size, 40.0, 20.0);
        assert_eq!(paths.len(), 1);
        let cut = &paths[0];
        assert_eq!(cut.group, "cut");
        assert_eq!(cut.stroke, Some(("#FF0000".to_owned(), 0.02)));
        assert!(cut.fill.is_none(), "cut lines must not be filled");
        assert_eq!(cut.subpaths.len(), 1);
        assert!(cut.subpaths[0].1, "cut contour must be closed");
        for p in &cut.subpaths[0].0 {
            assert!(
                p.iter()
                    .all(|c| *c == 0.0 || (*c - 40.0).abs() < 1e-4 || (*c - 20.0).abs() < 1e-4)
            );
        }
    }

    #[test]
    fn y_is_flipped_to_point_down() {
        // A small square above a big one in the document (Y up) is at the top of the page.
        let shapes = vec![
            centred_rect(20.0, 10.0, 0.0, 0.0),
            centred_rect(2.0, 2.0, 0.0, 20.0),
        ];
        let (size, paths) = parse(&write(&doc(shapes), &LaserProfile::generic()));
        assert_size(size, 20.0, 26.0);
        let small = paths
            .iter()
            .flat_map(|p| &p.subpaths)
            .find(|(pts, _)| pts.iter().all(|p| p[0] >= 8.99 && p[0] <= 11.01))
            .unwrap();
        assert!(small.0.iter().all(|p| p[1] <= 2.001), "{small:?}");
    }

    #[test]
    fn touching_rectangles_share_one_edge() {
        let shapes = vec![
            centred_rect(10.0, 10.0, 0.0, 0.0),
            centred_rect(10.0, 10.0, 10.0, 0.0),
        ];
        let (_, paths) = parse(&write(&doc(shapes), &LaserProfile::generic()));
        let all = segments(&paths, "cut");
        let mut unique = all.clone();
        unique.dedup();
        assert_eq!(all, unique, "a segment is cut twice");
        assert_eq!(all.len(), 7);
    }

    #[test]
    fn holes_and_inner_parts_come_before_outer_contours() {
        let circle = |r: f64| geometry::outline::local_path(&ShapeKind::Ellipse { rx: r, ry: r });
        let mut path = circle(10.0);
        path.extend(circle(3.0).iter());
        let mut ring = Shape::new(ShapeKind::Path { path });
        ring.fill = Fill::Filled(FillRule::EvenOdd);
        let sheet = centred_rect(100.0, 60.0, 0.0, 0.0);
        // The sheet is drawn first and the ring is one shape: order must still be inner first.
        let (_, paths) = parse(&write(&doc(vec![sheet, ring]), &LaserProfile::generic()));
        let widths: Vec<f32> = paths
            .iter()
            .flat_map(|p| &p.subpaths)
            .map(|(pts, closed)| {
                assert!(closed);
                let xs = pts.iter().map(|p| p[0]);
                xs.clone().fold(f32::MIN, f32::max) - xs.fold(f32::MAX, f32::min)
            })
            .collect();
        assert_eq!(widths.len(), 3);
        assert!(
            (widths[0] - 6.0).abs() < 0.02 && (widths[1] - 20.0).abs() < 0.02,
            "{widths:?}"
        );
        assert!((widths[2] - 100.0).abs() < 1e-3, "{widths:?}");
    }

    #[test]
    fn engrave_is_a_fill_and_score_a_blue_hairline_in_profile_colours() {
        let mut profile = LaserProfile::generic();
        profile.cut_color = "#ff00ff".into();
        profile.stroke_width_mm = 0.01;
        let mut plate = centred_rect(30.0, 30.0, 0.0, 0.0);
        plate.role = LaserRole::Engrave;
        let mut fold = Shape::new(ShapeKind::Path {
            path: Default::default(),
        });
        if let ShapeKind::Path { path } = &mut fold.kind {
            path.move_to((-15.0, 20.0));
            path.line_to((15.0, 20.0));
        }
        fold.fill = Fill::Outline;
        fold.role = LaserRole::Score;
        let outline = centred_rect(40.0, 50.0, 0.0, 5.0);
        let svg = write(&doc(vec![plate, fold, outline]), &profile);
        let (_, paths) = parse(&svg);
        let groups: Vec<&str> = paths.iter().map(|p| p.group.as_str()).collect();
        assert_eq!(groups, ["engrave", "score", "cut"]);
        assert_eq!(
            paths[0].fill,
            Some(("#000000".into(), usvg::FillRule::EvenOdd))
        );
        assert!(paths[0].stroke.is_none());
        assert_eq!(paths[1].stroke, Some(("#0000FF".into(), 0.01)));
        assert!(paths[1].fill.is_none());
        assert!(!paths[1].subpaths[0].1, "an open line stays open");
        assert_eq!(paths[2].stroke, Some(("#FF00FF".into(), 0.01)));
    }

    #[test]
    fn unusable_input_is_refused_before_writing() {
        let mut out = Vec::new();
        let empty = write_laser_svg(&Document::new(), &LaserProfile::generic(), 0.01, &mut out);
        assert!(matches!(
            empty,
            Err(ExportError::NothingToExport {
                format: Format::LaserSvg
            })
        ));
        let zero = doc(vec![centred_rect(0.0, 10.0, 0.0, 0.0)]);
        let zero = write_laser_svg(&zero, &LaserProfile::generic(), 0.01, &mut out);
        assert!(matches!(zero, Err(ExportError::NothingToExport { .. })));
        let one = doc(vec![centred_rect(5.0, 5.0, 0.0, 0.0)]);
        let nan = write_laser_svg(&one, &LaserProfile::generic(), f64::NAN, &mut out);
        assert!(matches!(nan, Err(ExportError::InvalidTolerance { .. })));
        let mut thick = LaserProfile::generic();
        thick.stroke_width_mm = 0.5;
        let thick = write_laser_svg(&one, &thick, 0.01, &mut out);
        assert!(matches!(thick, Err(ExportError::InvalidProfile(_))));
        assert!(out.is_empty());
    }

    #[test]
    fn comments_cannot_be_broken_by_a_profile_name() {
        assert_eq!(comment_safe("a--b-->"), "a- -b- ->");
        assert_eq!(comment_safe("x-"), "x- ");
        let mut profile = LaserProfile::generic();
        profile.name = "Épilog -- atelier\n-".into();
        let svg = write(&doc(vec![centred_rect(5.0, 5.0, 0.0, 0.0)]), &profile);
        parse(&svg);
        assert!(svg.contains("Épilog - - atelier- "));
    }

    #[test]
    fn on_a_page_parts_keep_their_place() {
        // A 10 × 10 mm square centred at (105, 55) on a 600 × 300 mm bed.
        let d = doc(vec![centred_rect(10.0, 10.0, 105.0, 55.0)]);
        let mut bytes = Vec::new();
        let profile = LaserProfile::generic();
        write_laser_svg_on_page(&d, &profile, 0.01, Some((600.0, 300.0)), &mut bytes).unwrap();
        let svg = String::from_utf8(bytes).unwrap();
        assert!(svg.contains(r#"width="600mm" height="300mm""#), "{svg}");
        let (_, paths) = parse(&svg);
        let xs: Vec<f32> = paths[0].subpaths[0].0.iter().map(|p| p[0]).collect();
        let ys: Vec<f32> = paths[0].subpaths[0].0.iter().map(|p| p[1]).collect();
        let min = |v: &[f32]| v.iter().copied().fold(f32::MAX, f32::min);
        // Y down on the page: 300 − 60 = 240 from the top.
        assert!(
            (min(&xs) - 100.0).abs() < 1e-3 && (min(&ys) - 240.0).abs() < 1e-3,
            "{xs:?} {ys:?}"
        );
        // A drawing reaching past the page widens it instead of being cut off.
        let big = doc(vec![centred_rect(10.0, 10.0, -5.0, 0.0)]);
        let mut bytes = Vec::new();
        write_laser_svg_on_page(&big, &profile, 0.01, Some((5.0, 5.0)), &mut bytes).unwrap();
        let svg = String::from_utf8(bytes).unwrap();
        assert!(svg.contains(r#"width="15mm" height="10mm""#), "{svg}");
    }
}
