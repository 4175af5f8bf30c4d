//! Property tests of extrusion: every result closed, manifold and outward,
//! with the volume the shapes promise, under rotation and scaling.
//! Compiled only under #[cfg(test)] (declared in mod.rs).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use kurbo::Affine;

use super::*;
use crate::outline::shape_region;
use crate::shape::{Extrusion, Shape, ShapeKind};

const TOL: f64 = 0.01;

fn shape(kind: ShapeKind, x: f64, y: f64, base: f64, height: f64, hole: bool) -> Shape {
    let mut s = Shape::new(kind).translated(x, y);
    s.extrusion = Extrusion { height, base, hole };
    s
}

fn rect(w: f64, h: f64) -> ShapeKind {
    ShapeKind::Rectangle {
        width: w,
        height: h,
    }
}

fn area(s: &Shape) -> f64 {
    shape_region(s, TOL).area()
}

/// Extrudes `shapes` (and copies rotated and scaled), checks every part is
/// clean and the total volume matches `expected(shapes)`; returns the
/// number of parts of the untransformed case.
#[track_caller]
fn check(shapes: &[Shape], expected: impl Fn(&[Shape]) -> f64) -> usize {
    let mut first_parts = 0;
    for (n, (angle, scale)) in [(0.0, 1.0), (0.61, 1.0), (2.3, 2.5), (-1.0, 0.4)]
        .into_iter()
        .enumerate()
    {
        let t = Affine::rotate(angle) * Affine::scale(scale);
        let moved: Vec<Shape> = shapes
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.transform = t * s.transform;
                s
            })
            .collect();
        let mut doc = Document::new();
        for s in &moved {
            doc.add(s.clone());
        }
        let parts = extrude(&doc, &ExtrudeOptions { tolerance_mm: TOL }).expect("extrudes");
        let mut volume = 0.0;
        for part in &parts {
            let defects = part.defects();
            if !defects.is_clean() {
                dump_defects(part);
            }
            assert!(defects.is_clean(), "case {n}: {defects:?}");
            let v = part.signed_volume();
            assert!(v > 0.0, "case {n}: part inside out ({v})");
            volume += v;
        }
        let want = expected(&moved);
        assert!(
            (volume - want).abs() <= 1e-3 * want,
            "case {n}: volume {volume} != {want}"
        );
        if n == 0 {
            first_parts = parts.len();
        }
    }
    first_parts
}

#[test]
fn primitives_have_area_times_height() {
    for kind in [
        rect(40.0, 20.0),
        ShapeKind::RoundedRectangle {
            width: 30.0,
            height: 12.0,
            radius: 3.0,
        },
        ShapeKind::Ellipse { rx: 10.0, ry: 6.0 },
        ShapeKind::RegularPolygon {
            sides: 7,
            radius: 9.0,
        },
        ShapeKind::Star {
            points: 5,
            outer_radius: 10.0,
            inner_ratio: 0.4,
        },
        ShapeKind::Text {
            text: "Noël 8".into(),
            font: "Lato".into(),
            size: 12.0,
        },
    ] {
        let s = [shape(kind, 3.0, -2.0, 0.0, 3.0, false)];
        check(&s, |s| area(&s[0]) * 3.0);
    }
}

#[test]
fn keychain_plate_with_a_hole_through() {
    let plate = shape(
        ShapeKind::RoundedRectangle {
            width: 50.0,
            height: 20.0,
            radius: 5.0,
        },
        0.0,
        0.0,
        0.0,
        3.0,
        false,
    );
    let hole = shape(
        ShapeKind::Ellipse { rx: 2.5, ry: 2.5 },
        -19.0,
        0.0,
        0.0,
        3.0,
        true,
    );
    let parts = check(&[plate, hole], |s| (area(&s[0]) - area(&s[1])) * 3.0);
    assert_eq!(parts, 1);
}

#[test]
fn overlapping_shapes_of_one_height_merge() {
    let a = shape(rect(20.0, 20.0), 0.0, 0.0, 0.0, 2.0, false);
    let b = shape(
        ShapeKind::Ellipse { rx: 8.0, ry: 8.0 },
        10.0,
        10.0,
        0.0,
        2.0,
        false,
    );
    let union = |s: &[Shape]| crate::outline::union_region(s, TOL).area() * 2.0;
    assert_eq!(check(&[a, b], union), 1);
}

#[test]
fn raised_letters_on_a_plate_are_one_stepped_solid() {
    let plate = shape(rect(60.0, 20.0), 0.0, 0.0, 0.0, 3.0, false);
    let text = shape(
        ShapeKind::Text {
            text: "Léa".into(),
            font: "Lato".into(),
            size: 14.0,
        },
        0.0,
        0.0,
        3.0,
        2.0,
        false,
    );
    let parts = check(&[plate, text], |s| area(&s[0]) * 3.0 + area(&s[1]) * 2.0);
    assert_eq!(parts, 1);
}

#[test]
fn letters_sunk_into_a_plate() {
    let plate = shape(rect(60.0, 20.0), 0.0, 0.0, 0.0, 3.0, false);
    let text = shape(
        ShapeKind::Text {
            text: "Chloé".into(),
            font: "Lato".into(),
            size: 12.0,
        },
        0.0,
        0.0,
        2.0,
        1.0,
        true,
    );
    let parts = check(&[plate, text], |s| area(&s[0]) * 3.0 - area(&s[1]) * 1.0);
    assert_eq!(parts, 1);
}

#[test]
fn letters_overhanging_the_plate_edge() {
    // Letters standing on a plate but running past its right edge: the
    // part beyond the plate floats at 3 mm yet stays one closed solid.
    let plate = shape(rect(20.0, 20.0), 0.0, 0.0, 0.0, 3.0, false);
    let bar = shape(rect(20.0, 4.0), 12.0, 0.0, 3.0, 2.0, false);
    check(&[plate, bar], |s| area(&s[0]) * 3.0 + area(&s[1]) * 2.0);
}

#[test]
fn squares_touching_at_a_corner_stay_manifold() {
    let a = shape(rect(10.0, 10.0), 0.0, 0.0, 0.0, 3.0, false);
    let b = shape(rect(10.0, 10.0), 10.0, 10.0, 0.0, 3.0, false);
    // The separation at the pinch removes a negligible sliver.
    let parts = check(&[a, b], |s| (area(&s[0]) + area(&s[1])) * 3.0);
    assert_eq!(parts, 2);
}

#[test]
fn star_points_touching_stay_manifold() {
    let star = |x: f64| {
        shape(
            ShapeKind::Star {
                points: 4,
                outer_radius: 10.0,
                inner_ratio: 0.4,
            },
            x,
            0.0,
            0.0,
            3.0,
            false,
        )
    };
    let mut left = star(0.0);
    left.transform = Affine::translate((0.0, 0.0)) * Affine::rotate(std::f64::consts::FRAC_PI_2);
    let mut right = star(20.0);
    right.transform = Affine::translate((20.0, 0.0)) * Affine::rotate(std::f64::consts::FRAC_PI_2);
    assert_eq!(
        check(&[left, right], |s| (area(&s[0]) + area(&s[1])) * 3.0),
        2
    );
}

#[test]
fn hole_touching_the_border_at_a_point() {
    let plate = shape(rect(20.0, 20.0), 0.0, 0.0, 0.0, 3.0, false);
    let hole = shape(
        ShapeKind::RegularPolygon {
            sides: 4,
            radius: 5.0,
        },
        0.0,
        5.0,
        0.0,
        3.0,
        true,
    );
    check(&[plate, hole], |s| (area(&s[0]) - area(&s[1])) * 3.0);
}

#[test]
fn three_heights_stacked() {
    let base = shape(rect(40.0, 40.0), 0.0, 0.0, 0.0, 2.0, false);
    let middle = shape(
        ShapeKind::Ellipse { rx: 12.0, ry: 12.0 },
        3.0,
        0.0,
        2.0,
        3.0,
        false,
    );
    let top = shape(rect(6.0, 30.0), -3.0, 0.0, 4.0, 4.0, false);
    let hole = shape(
        ShapeKind::Ellipse { rx: 3.0, ry: 3.0 },
        10.0,
        10.0,
        -1.0,
        10.0,
        true,
    );
    check(&[base, middle, top, hole], |s| {
        let r = |lo: f64, hi: f64| {
            let solids: Vec<&Shape> = s[..3]
                .iter()
                .filter(|x| x.extrusion.base <= lo && x.extrusion.base + x.extrusion.height >= hi)
                .collect();
            crate::outline::union_region(solids, TOL)
                .difference(&shape_region(&s[3], TOL))
                .area()
                * (hi - lo)
        };
        r(0.0, 2.0) + r(2.0, 4.0) + r(4.0, 5.0) + r(5.0, 8.0)
    });
}

#[test]
fn bad_heights_and_nothing_to_extrude_are_errors() {
    let mut doc = Document::new();
    assert_eq!(
        extrude(&doc, &ExtrudeOptions::default()),
        Err(ExtrudeError::NothingToExtrude)
    );
    let mut line = shape(rect(10.0, 10.0), 0.0, 0.0, 0.0, 3.0, false);
    line.fill = crate::shape::Fill::Outline;
    doc.add(line);
    doc.add(shape(rect(10.0, 10.0), 0.0, 0.0, 0.0, 0.0, false));
    assert_eq!(
        extrude(&doc, &ExtrudeOptions::default()),
        Err(ExtrudeError::NothingToExtrude)
    );
    doc.add(shape(rect(10.0, 10.0), 0.0, 0.0, 0.0, f64::NAN, false));
    assert!(matches!(
        extrude(&doc, &ExtrudeOptions::default()),
        Err(ExtrudeError::InvalidHeight { .. })
    ));
}

#[test]
fn overhang_meeting_a_lower_top_along_an_edge() {
    // A 3 mm block, and right beside it a bar floating from 3 to 5 mm: they
    // share the edge x = 10 at z = 3.
    let block = shape(rect(20.0, 20.0), 0.0, 0.0, 0.0, 3.0, false);
    let bar = shape(rect(10.0, 20.0), 15.0, 0.0, 3.0, 2.0, false);
    check(&[block, bar], |s| area(&s[0]) * 3.0 + area(&s[1]) * 2.0);
}

/// A small deterministic generator, so the random cases are the same on
/// every run and a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn grid(&mut self, lo: f64, hi: f64, step: f64) -> f64 {
        (lo + (hi - lo) * self.next()).div_euclid(step) * step
    }
}

#[test]
fn random_stacks_on_a_coarse_grid_are_always_clean() {
    // Coordinates and heights on a 1 mm grid make shapes touch at corners,
    // share edges and stack exactly: the hard cases for a mesher.
    let mut rng = Lcg(7);
    // Refusals are allowed here (see the module's Current limitations);
    // what is written must be clean. `tests/extrude_random.rs` runs
    // realistic designs at scale.
    for case in 0..300 {
        let mut shapes = Vec::new();
        for _ in 0..2 + (rng.next() * 5.0) as usize {
            let kind = if rng.next() < 0.7 {
                rect(
                    rng.grid(1.0, 12.0, 1.0) + 1.0,
                    rng.grid(1.0, 12.0, 1.0) + 1.0,
                )
            } else {
                ShapeKind::Star {
                    points: 4 + (rng.next() * 4.0) as u32,
                    outer_radius: rng.grid(2.0, 8.0, 1.0),
                    inner_ratio: 0.5,
                }
            };
            let base = rng.grid(0.0, 4.0, 1.0);
            let height = rng.grid(1.0, 4.0, 1.0);
            let hole = rng.next() < 0.25;
            shapes.push(shape(
                kind,
                rng.grid(-8.0, 8.0, 1.0),
                rng.grid(-8.0, 8.0, 1.0),
                base,
                height,
                hole,
            ));
        }
        let mut doc = Document::new();
        for s in &shapes {
            doc.add(s.clone());
        }
        let Ok(parts) = extrude(&doc, &ExtrudeOptions { tolerance_mm: TOL }) else {
            continue;
        };
        let mut volume = 0.0;
        for part in &parts {
            if !part.defects().is_clean() {
                dump_defects(part);
            }
            assert!(
                part.defects().is_clean(),
                "case {case}: {:?}\n{shapes:?}",
                part.defects()
            );
            volume += part.signed_volume();
        }
        let mut levels: Vec<f64> = shapes
            .iter()
            .flat_map(|s| [s.extrusion.base, s.extrusion.base + s.extrusion.height])
            .collect();
        levels.sort_by(f64::total_cmp);
        levels.dedup();
        let mut want = 0.0;
        for w in levels.windows(2) {
            let mid = (w[0] + w[1]) / 2.0;
            let covering = |hole: bool| {
                shapes.iter().filter(move |s| {
                    s.extrusion.hole == hole
                        && s.extrusion.base < mid
                        && mid < s.extrusion.base + s.extrusion.height
                })
            };
            want += crate::outline::union_region(covering(false), TOL)
                .difference(&crate::outline::union_region(covering(true), TOL))
                .area()
                * (w[1] - w[0]);
        }
        assert!(
            (volume - want).abs() <= 1e-3 * want.max(1.0),
            "case {case}: volume {volume} != {want}"
        );
    }
}

fn dump_defects(mesh: &Mesh) {
    let mut edges = std::collections::HashMap::new();
    for t in &mesh.triangles {
        for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
            edges.entry((a, b)).or_insert_with(Vec::new).push(*t);
        }
    }
    let v = |i: u32| mesh.vertices[i as usize];
    for ((a, b), ts) in &edges {
        if ts.len() > 1 || !edges.contains_key(&(*b, *a)) {
            eprintln!("edge {:?} -> {:?} used {} times", v(*a), v(*b), ts.len());
        }
    }
}

#[test]
fn a_large_drawing_is_shared_over_threads_and_stays_clean() {
    // 200 discs of about 220 points each: above the threshold where the
    // prism is built on several threads.
    let mut doc = Document::new();
    for k in 0..200 {
        let (x, y) = (f64::from(k % 20) * 12.0, f64::from(k / 20) * 12.0);
        doc.add(shape(
            ShapeKind::Ellipse { rx: 5.0, ry: 5.0 },
            x,
            y,
            0.0,
            2.0,
            false,
        ));
    }
    let tolerance_mm = 0.0005;
    let parts = extrude(&doc, &ExtrudeOptions { tolerance_mm }).expect("extrudes");
    assert_eq!(parts.len(), 200);
    let points: usize = doc
        .shapes
        .iter()
        .map(|s| {
            shape_region(s, tolerance_mm)
                .contours()
                .map(Vec::len)
                .sum::<usize>()
        })
        .sum();
    assert!(
        points > 20_000,
        "{points} points: the threaded path is not exercised"
    );
    let mut volume = 0.0;
    for part in &parts {
        assert!(part.defects().is_clean());
        volume += part.signed_volume();
    }
    let want: f64 = doc
        .shapes
        .iter()
        .map(|s| shape_region(s, tolerance_mm).area() * 2.0)
        .sum();
    assert!((volume - want).abs() < 1e-6 * want, "{volume} != {want}");
}
