//! The fix for strips and walls that are too thin ([`super::Fix::Thicken`]):
//! add material around the thin part until it is as wide as the machine
//! needs, and nowhere else.
//!
//! How: the thin parts are found again as in the checks (an opening of the
//! material, [`super::narrow::thin_regions`]), near the finding's box. Each
//! is grown outward by `d` ([`geometry::Region::offset`]) and the growth is
//! added to the shapes it belongs to; holes (3D printing) lose what the
//! growth covers, so a rim between a hole and the edge grows on both sides.
//! A strip `w` wide becomes `w + 2d`: `d` is first what is missing, half of
//! `limit − w` (with `w` estimated as twice the area over the perimeter),
//! then half the limit, then the limit, until the check finds nothing there.
//!
//! Current limitations: a thickened shape becomes a path of straight
//! segments (like the editor's booleans); growing a wall may narrow a gap or
//! a hole next to it, which the rerun check then reports.

use geometry::outline::shape_region;
use geometry::region::Join;
use geometry::{Document, Region, ShapeId};

use super::narrow::thin_regions;
use super::reshape::{grown, set_region};
use super::{BoxMm, walls};

/// Flattening and offset tolerance of the fix, mm.
const TOLERANCE_MM: f64 = geometry::DEFAULT_TOLERANCE_MM;

/// Growth beyond the exact need, as a fraction of the limit: offsets
/// approximate arcs with segments, and a strip exactly at the limit may
/// still read as narrower.
const MARGIN_PER_LIMIT: f64 = 0.1;

/// The material of one check: shapes adding to it and shapes removing from
/// it, by index in the document.
struct Layer {
    solids: Vec<(usize, Region)>,
    holes: Vec<(usize, Region)>,
}

impl Layer {
    fn section(&self) -> Region {
        let solids = Region::union_all(self.solids.iter().map(|(_, r)| r));
        let holes = Region::union_all(self.holes.iter().map(|(_, r)| r));
        solids.difference(&holes)
    }
}

/// Thickens the parts narrower than `min_mm` near `near`: in each of
/// `shapes` on its own (laser, `z_mm` `None`), or in the cross-section of
/// the solid at height `z_mm` (3D printing).
pub(crate) fn thicken(
    doc: &mut Document,
    shapes: &[ShapeId],
    near: &BoxMm,
    min_mm: f64,
    z_mm: Option<f64>,
) {
    if !(min_mm.is_finite() && min_mm > 0.0) {
        return;
    }
    for layer in layers(doc, shapes, z_mm) {
        thicken_layer(doc, layer, near, min_mm);
    }
}

fn layers(doc: &Document, shapes: &[ShapeId], z_mm: Option<f64>) -> Vec<Layer> {
    let region = |i: usize| (i, shape_region(&doc.shapes[i], TOLERANCE_MM));
    match z_mm {
        None => (0..doc.shapes.len())
            .filter(|&i| shapes.contains(&doc.shapes[i].id) && doc.shapes[i].is_filled())
            .map(|i| Layer {
                solids: vec![region(i)],
                holes: Vec::new(),
            })
            .collect(),
        Some(z) => {
            let standing = |hole: bool| {
                (0..doc.shapes.len())
                    .filter(|&i| {
                        let s = &doc.shapes[i];
                        walls::extruded(s) && s.extrusion.hole == hole && walls::stands_at(s, z)
                    })
                    .map(region)
                    .collect()
            };
            vec![Layer {
                solids: standing(false),
                holes: standing(true),
            }]
        }
    }
}

/// The thin parts of `section` touching `area`, as one region.
fn thin_near(section: &Region, area: &BoxMm, min_mm: f64) -> Region {
    let pieces: Vec<Region> = thin_regions(section, min_mm, TOLERANCE_MM)
        .into_iter()
        .filter(|piece| {
            piece
                .bounds()
                .is_some_and(|b| BoxMm::from_bounds(b).touches(area))
        })
        .collect();
    Region::union_all(&pieces)
}

/// The growths to try, smallest first.
fn candidates(thin: &Region, min_mm: f64) -> Vec<f64> {
    let perimeter: f64 = thin
        .contours()
        .map(|c| {
            (0..c.len())
                .map(|i| {
                    let (a, b) = (c[i], c[(i + 1) % c.len()]);
                    (b[0] - a[0]).hypot(b[1] - a[1])
                })
                .sum::<f64>()
        })
        .sum();
    let width = if perimeter > 0.0 {
        2.0 * thin.area() / perimeter
    } else {
        0.0
    };
    let margin = MARGIN_PER_LIMIT * min_mm;
    let missing = ((min_mm - width) / 2.0).max(0.0);
    let mut out = vec![missing + margin, min_mm / 2.0 + margin, min_mm + margin];
    out.dedup_by(|a, b| (*a - *b).abs() < 1e-9 || *a <= *b);
    out
}

fn thicken_layer(doc: &mut Document, layer: Layer, near: &BoxMm, min_mm: f64) {
    let area = grown(near, TOLERANCE_MM);
    let thin = thin_near(&layer.section(), &area, min_mm);
    if thin.is_empty() {
        return;
    }
    let mut best: Option<Layer> = None;
    for d in candidates(&thin, min_mm) {
        let growth = thin.offset(d, Join::Round, TOLERANCE_MM);
        let solids = layer
            .solids
            .iter()
            .map(|(i, s)| {
                let own = s.intersection(&thin);
                if own.is_empty() {
                    (*i, s.clone())
                } else {
                    (*i, s.union(&own.offset(d, Join::Round, TOLERANCE_MM)))
                }
            })
            .collect();
        let holes = layer
            .holes
            .iter()
            .map(|(i, h)| (*i, h.difference(&growth)))
            .collect();
        let next = Layer { solids, holes };
        let done = thin_near(&next.section(), &grown(near, d), min_mm).is_empty();
        best = Some(next);
        if done {
            break;
        }
    }
    let Some(best) = best else {
        return;
    };
    let mut emptied = Vec::new();
    for ((i, before), (_, after)) in layer
        .solids
        .iter()
        .chain(&layer.holes)
        .zip(best.solids.iter().chain(&best.holes))
    {
        if before == after {
            continue;
        }
        if after.is_empty() {
            emptied.push(doc.shapes[*i].id);
        } else {
            set_region(&mut doc.shapes[*i], after);
        }
    }
    doc.shapes.retain(|s| !emptied.contains(&s.id));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::Fix;
    use super::super::test_support::*;
    use geometry::{Shape, ShapeKind};

    fn area(doc: &geometry::Document) -> f64 {
        geometry::outline::union_region(&doc.shapes, 0.01).area()
    }

    #[track_caller]
    fn fixed(
        d: &geometry::Document,
        machine: &crate::machines::Machine,
        tag: &str,
    ) -> geometry::Document {
        let (fix, after) = fix_first(d, machine, tag);
        assert!(matches!(fix, Fix::Thicken { .. }), "{fix:?}");
        after
    }

    #[test]
    fn a_frame_narrower_than_the_kerf_is_thickened_a_little() {
        for (angle, dx) in [(0.0, 0.0), (0.7, 100.0)] {
            let mut thin = frame(0.1);
            thin.transform = kurbo::Affine::translate((dx, 3.0)) * kurbo::Affine::rotate(angle);
            let d = doc(vec![thin]);
            let after = fixed(&d, &laser(), "too_narrow");
            // 0.1 mm walls grow to about the 0.5 mm limit, not more than 1 mm.
            let added = area(&after) - area(&d);
            let perimeter = 80.0;
            assert!(
                added > 0.3 * perimeter && added < 0.9 * perimeter,
                "{added}"
            );
        }
    }

    #[test]
    fn a_thin_bar_on_a_thick_part_grows_and_the_rest_stays() {
        // A 20 × 10 plate with a 0.3 × 6 mm tab: a warning for the laser.
        let plate = rect(20.0, 10.0, 0.0, 0.0);
        let tab = rect(0.3, 6.0, 10.0, 9.0);
        let d = doc(vec![geometry::Shape {
            kind: ShapeKind::Path {
                path: geometry::outline::union_region(&[plate, tab], 0.01).to_path(),
            },
            ..Shape::new(ShapeKind::Ellipse { rx: 1.0, ry: 1.0 })
        }]);
        let after = fixed(&d, &laser(), "too_narrow");
        let added = area(&after) - area(&d);
        assert!(added > 0.0 && added < 6.0 * 1.0, "{added}");
        let b = geometry::outline::shape_bounds(&after.shapes[0]).unwrap();
        assert!(b.x0 > -1e-6 && b.y0 > -1e-6 && b.x1 < 20.0 + 1e-6, "{b:?}");
    }

    #[test]
    fn a_thin_rim_around_a_keychain_hole_is_thickened() {
        let mut hole = circle(6.0, 3.5, 10.0);
        hole.extrusion.hole = true;
        let d = doc(vec![rect(50.0, 20.0, 0.0, 0.0), hole]);
        let after = fixed(&d, &printer(), "wall_too_thin");
        let added = area(&after) - area(&d);
        // Only around the rim: a few mm², not a whole new edge.
        assert!(added > 0.0 && added < 10.0, "{added}");
    }

    #[test]
    fn thin_raised_letters_are_thickened_at_their_height() {
        let mut bar = rect(20.0, 0.5, 10.0, 8.0);
        bar.extrusion.base = 3.0;
        bar.extrusion.height = 1.0;
        let d = doc(vec![rect(40.0, 20.0, 0.0, 0.0), bar]);
        let after = fixed(&d, &printer(), "wall_too_thin");
        assert_eq!(after.shapes[0], d.shapes[0], "the plate is untouched");
        assert_eq!(after.shapes[1].extrusion, d.shapes[1].extrusion);
    }
}
