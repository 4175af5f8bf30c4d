//! Tests of the laser SVG writer: every file is parsed back with usvg.
//! Compiled only under #[cfg(test)], from the writer's module: unwraps here are test failures, not panics on user input.

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
        svg.contains("<!-- Made with Fabrique for the laser profile \"Generic laser\" (generic)")
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
