//! The fix for loose stencil islands ([`super::Fix::AddBridges`]): two thin
//! bridges of material join the island (the inside of an O, an A, a B…) to
//! the sheet around it, so it stays in place when the opening is cut.
//!
//! Where: through the middle of the island, on the two opposite sides
//! (left and right, or bottom and top) where the opening is narrowest, so
//! the bridges are short and the letter still reads. How wide: 1 mm holds
//! plywood or acrylic and is easy to paint over, wider when the machine's
//! kerf or smallest feature asks for more (a bridge must survive the cut).
//!
//! The bridges become material of the shapes they touch: those shapes are
//! merged into one (the first of them in drawing order) with the bridges,
//! since the laser cuts each shape along its own outline and would sever a
//! bridge drawn as a separate shape.
//!
//! Current limitations: bridges are straight and axis-aligned; a bridge
//! reaches half its width into the material on both ends, and may stick out
//! of a sheet edge thinner than that.

use geometry::outline::shape_region;
use geometry::{Document, LaserRole, Region};

use super::BoxMm;
use super::reshape::{box_region, set_region};
use crate::profile::LaserProfile;

/// Width of a bridge when the machine asks for no more, mm.
pub const BRIDGE_MM: f64 = 1.0;

/// Bridge width for `profile`: [`BRIDGE_MM`], or 1.5 kerfs, or a quarter
/// more than the smallest strip the machine keeps, whichever is widest.
pub fn bridge_width(profile: &LaserProfile) -> f64 {
    BRIDGE_MM
        .max(1.5 * profile.kerf_mm)
        .max(1.25 * profile.min_feature_mm)
}

/// Where a line crosses a closed contour: the line `point[1 - axis] = at`,
/// crossings given by their coordinate along `axis`.
fn crossings(contour: &[[f64; 2]], axis: usize, at: f64) -> Vec<f64> {
    let other = 1 - axis;
    let n = contour.len();
    (0..n)
        .filter_map(|i| {
            let (a, b) = (contour[i], contour[(i + 1) % n]);
            // Half-open, so a line through a corner counts it once.
            let crosses = (a[other] <= at) != (b[other] <= at);
            crosses.then(|| {
                let t = (at - a[other]) / (b[other] - a[other]);
                a[axis] + t * (b[axis] - a[axis])
            })
        })
        .collect()
}

/// Two bridges `width` mm wide joining the island (its outer contour) to
/// the hole around it, along the axis where they are shortest; `None` when
/// the contours do not surround each other as expected.
pub(crate) fn bridges(island: &[[f64; 2]], hole: &[[f64; 2]], width: f64) -> Option<Vec<BoxMm>> {
    let b = BoxMm::around(island)?;
    let centre = [(b.min[0] + b.max[0]) / 2.0, (b.min[1] + b.max[1]) / 2.0];
    let reach = width / 2.0;
    let mut best: Option<(f64, Vec<BoxMm>)> = None;
    for axis in [0, 1] {
        let across = centre[1 - axis];
        let hole_at = crossings(hole, axis, across);
        let island_at = crossings(island, axis, across);
        let c = centre[axis];
        let hole_after = hole_at.iter().copied().filter(|x| *x > c).reduce(f64::min);
        let hole_before = hole_at.iter().copied().filter(|x| *x < c).reduce(f64::max);
        let (Some(h_after), Some(h_before)) = (hole_after, hole_before) else {
            continue;
        };
        let island_after = island_at
            .iter()
            .copied()
            .filter(|x| *x < h_after)
            .reduce(f64::max);
        let island_before = island_at
            .iter()
            .copied()
            .filter(|x| *x > h_before)
            .reduce(f64::min);
        let (Some(i_after), Some(i_before)) = (island_after, island_before) else {
            continue;
        };
        let length = (h_after - i_after) + (i_before - h_before);
        let span = |from: f64, to: f64| {
            let mut min = [0.0; 2];
            let mut max = [0.0; 2];
            min[axis] = from;
            max[axis] = to;
            min[1 - axis] = across - width / 2.0;
            max[1 - axis] = across + width / 2.0;
            BoxMm { min, max }
        };
        let pair = vec![
            span(h_before - reach, i_before + reach),
            span(i_after - reach, h_after + reach),
        ];
        if best.as_ref().is_none_or(|(l, _)| length < *l) {
            best = Some((length, pair));
        }
    }
    best.map(|(_, pair)| pair)
}

/// Adds `bridges` as material: the cut shapes they touch and the bridges
/// become one shape.
pub(crate) fn add_bridges(doc: &mut Document, bridges: &[BoxMm]) {
    let tolerance = geometry::DEFAULT_TOLERANCE_MM;
    let rects: Vec<Region> = bridges.iter().map(box_region).collect();
    let bridge_area = Region::union_all(&rects);
    if bridge_area.is_empty() {
        return;
    }
    let touched: Vec<(usize, Region)> = doc
        .shapes
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role == LaserRole::Cut && s.is_filled())
        .map(|(i, s)| (i, shape_region(s, tolerance)))
        .filter(|(_, r)| !r.intersection(&bridge_area).is_empty())
        .collect();
    let Some(&(first, _)) = touched.first() else {
        return;
    };
    let merged = Region::union_all(
        touched
            .iter()
            .map(|(_, r)| r)
            .chain(std::iter::once(&bridge_area)),
    );
    let removed: Vec<_> = touched
        .iter()
        .skip(1)
        .map(|(i, _)| doc.shapes[*i].id)
        .collect();
    set_region(&mut doc.shapes[first], &merged);
    doc.shapes.retain(|s| !removed.contains(&s.id));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Fix, islands};
    use super::*;
    use geometry::{Fill, FillRule, Shape, ShapeKind};
    use kurbo::Shape as _;

    /// An 80 × 60 mm stencil sheet with an O-shaped opening: an elliptic
    /// ring of radii `outer` outside and `inner` inside.
    fn stencil(outer: (f64, f64), inner: (f64, f64)) -> Shape {
        let mut path = kurbo::BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((80.0, 0.0));
        path.line_to((80.0, 60.0));
        path.line_to((0.0, 60.0));
        path.close_path();
        for (a, b) in [outer, inner] {
            path.extend(kurbo::Ellipse::new((40.0, 30.0), (a, b), 0.0).path_elements(0.01));
        }
        let mut shape = Shape::new(ShapeKind::Path { path });
        shape.fill = Fill::Filled(FillRule::EvenOdd);
        shape
    }

    fn material(d: &Document) -> f64 {
        geometry::outline::union_region(&d.shapes, 0.01).area()
    }

    #[test]
    fn two_bridges_hold_the_inside_of_an_o() {
        for angle in [0.0, 0.3] {
            let mut o = stencil((15.0, 15.0), (7.0, 7.0));
            o.transform = kurbo::Affine::rotate_about(angle, (40.0, 30.0));
            let d = doc(vec![o]);
            let (fix, fixed) = fix_first(&d, &laser(), "loose_island");
            let Fix::AddBridges { bridges } = &fix else {
                panic!("{fix:?}");
            };
            assert_eq!(bridges.len(), 2);
            // Property: the bridges add about 2 × 8 mm × 1 mm of material.
            let added = material(&fixed) - material(&d);
            assert!((added - 16.0).abs() < 1.0, "{added}");
            assert_eq!(fixed.shapes.len(), 1);
        }
    }

    #[test]
    fn bridges_go_where_the_opening_is_narrowest() {
        // A wide O: the opening is 10 mm wide left and right, 5 mm at the
        // top and bottom.
        let d = doc(vec![stencil((25.0, 15.0), (15.0, 10.0))]);
        let found = islands::check(&d, 1.0, 0.01);
        let Some(Fix::AddBridges { bridges }) = &found[0].fix else {
            panic!("{found:?}");
        };
        for b in bridges {
            let [w, h] = b.size();
            assert!(h > w, "vertical bridges expected: {b:?}");
        }
    }

    #[test]
    fn a_separate_island_shape_is_merged_with_its_sheet() {
        let ring = stencil((15.0, 15.0), (7.0, 7.0));
        // The island drawn as its own circle inside a plain round opening.
        let mut sheet = ring.clone();
        if let ShapeKind::Path { path } = &mut sheet.kind {
            let mut plain = kurbo::BezPath::new();
            let mut subpaths = 0;
            for el in path.elements() {
                if let kurbo::PathEl::MoveTo(_) = el {
                    subpaths += 1;
                }
                if subpaths <= 2 {
                    plain.push(*el);
                }
            }
            *path = plain;
        }
        let d = doc(vec![sheet, circle(14.0, 40.0, 30.0)]);
        let (_, fixed) = fix_first(&d, &laser(), "loose_island");
        assert_eq!(fixed.shapes.len(), 1, "one shape: the laser cuts it whole");
    }

    #[test]
    fn crossings_count_a_corner_once() {
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert_eq!(crossings(&square, 0, 1.0), vec![2.0, 0.0]);
        assert_eq!(crossings(&square, 1, 0.5), vec![0.0, 2.0]);
        // Through two corners of a diamond: each corner once.
        let diamond = [[1.0, 0.0], [2.0, 1.0], [1.0, 2.0], [0.0, 1.0]];
        assert_eq!(crossings(&diamond, 0, 1.0), vec![2.0, 0.0]);
        // Along an edge: touching is not crossing.
        assert!(crossings(&square, 0, 2.0).is_empty());
    }
}
