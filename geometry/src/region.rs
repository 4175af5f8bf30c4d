//! Filled areas as polygons with holes, and the boolean operations and
//! offset on them.
//!
//! Booleans and offsets go through `i_overlay`, which snaps coordinates to an
//! integer grid before computing, so results are exact and robust (no
//! failures on touching or overlapping edges). Every operation here uses
//! the same global grid, [`GRID_MM`] (about 30 nm), centred on the origin:
//! an edge that two operations share comes out bit-identical from both, so
//! extrusion can stitch their results together without cracks or slivers.
//! Drawings reaching beyond ±[`GRID_EXTENT_MM`] fall back to a grid fitted to
//! the operands.
//!
//! Conventions of every [`Region`] produced here: outer contours run
//! counter-clockwise and holes clockwise (Y up), contours do not repeat their
//! first point, polygons do not overlap.

use i_overlay::core::fill_rule::FillRule as OverlayFillRule;
use i_overlay::core::overlay::ShapeType;
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::float::overlay::FloatOverlay;
use i_overlay::float::simplify::SimplifyShape;
use i_overlay::float::single::SingleFloatOverlay;
use i_overlay::i_float::adapter::FloatPointAdapter;
use i_overlay::i_float::float::rect::FloatRect;
use i_overlay::mesh::float::outline::offset::OutlineOffset;
use i_overlay::mesh::float::style::{LineJoin, OutlineStyle};
use serde::{Deserialize, Serialize};

/// Step of the global grid of every boolean operation, mm: 2⁻¹⁵ mm, about
/// 30 nm, a thousand times finer than the default flattening tolerance.
pub const GRID_MM: f64 = 1.0 / 32768.0;

/// Half the side of the square the global grid covers, mm (±16 m): with
/// [`GRID_MM`] this keeps integer coordinates within i_overlay's 29-bit
/// budget for 32-bit arithmetic.
pub const GRID_EXTENT_MM: f64 = 16384.0;

/// Rounds `p` to the global grid.
pub fn snap(p: [f64; 2]) -> [f64; 2] {
    p.map(|v| (v / GRID_MM).round() * GRID_MM)
}

fn within_grid<'a>(contours: impl IntoIterator<Item = &'a Contour>) -> bool {
    contours
        .into_iter()
        .flatten()
        .all(|p| p[0].abs() < GRID_EXTENT_MM && p[1].abs() < GRID_EXTENT_MM)
}

/// Runs one i_overlay operation on the global grid when the operands fit in
/// it, else on a grid fitted to them.
fn overlay_on_grid(
    subject: &[Contour],
    clip: &[Contour],
    rule: OverlayRule,
    fill: OverlayFillRule,
) -> Vec<Vec<Contour>> {
    if within_grid(subject.iter().chain(clip)) {
        let rect = FloatRect::new(
            -GRID_EXTENT_MM,
            GRID_EXTENT_MM,
            -GRID_EXTENT_MM,
            GRID_EXTENT_MM,
        );
        if let Ok(rect) = rect {
            let adapter = FloatPointAdapter::<[f64; 2], i32>::with_scale(rect, 1.0 / GRID_MM);
            let capacity = subject.iter().chain(clip).map(Vec::len).sum();
            return FloatOverlay::with_adapter(adapter, capacity)
                .unsafe_add_source(subject, ShapeType::Subject)
                .unsafe_add_source(clip, ShapeType::Clip)
                .overlay(rule, fill);
        }
    }
    if rule == OverlayRule::Subject {
        subject.simplify_shape(fill)
    } else {
        subject.to_vec().overlay(&clip.to_vec(), rule, fill)
    }
}

/// A closed polyline in mm; the last point joins the first (not repeated).
pub type Contour = Vec<[f64; 2]>;

/// One outer contour followed by its holes.
pub type Polygon = Vec<Contour>;

/// Which parts of self-overlapping outlines are inside (as SVG's `fill-rule`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FillRule {
    /// Inside where the winding number is not zero (SVG's default).
    #[default]
    NonZero,
    /// Inside where a ray crosses the outline an odd number of times.
    EvenOdd,
}

impl FillRule {
    fn to_overlay(self) -> OverlayFillRule {
        match self {
            FillRule::NonZero => OverlayFillRule::NonZero,
            FillRule::EvenOdd => OverlayFillRule::EvenOdd,
        }
    }
}

/// How corners are treated when offsetting outward.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Join {
    /// Round corners: what a laser's kerf or a nozzle really does.
    Round,
    /// Sharp corners, extended up to the overlay library's miter limit.
    Miter,
}

/// A filled area: disjoint polygons with holes, in mm, Y up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Region {
    /// The polygons, each an outer contour (CCW) and its holes (CW).
    pub polygons: Vec<Polygon>,
}

/// Signed area of a closed contour, mm²: positive when counter-clockwise.
///
/// ```
/// let square = vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
/// assert_eq!(geometry::region::signed_area(&square), 4.0);
/// ```
pub fn signed_area(contour: &[[f64; 2]]) -> f64 {
    let n = contour.len();
    if n < 3 {
        return 0.0;
    }
    let mut twice = 0.0;
    for i in 0..n {
        let [x0, y0] = contour[i];
        let [x1, y1] = contour[(i + 1) % n];
        twice += x0 * y1 - x1 * y0;
    }
    twice * 0.5
}

fn finite(contour: &[[f64; 2]]) -> bool {
    contour.iter().all(|p| p[0].is_finite() && p[1].is_finite())
}

impl Region {
    /// An empty region.
    pub fn empty() -> Self {
        Self::default()
    }

    /// `true` when the region has no polygon.
    pub fn is_empty(&self) -> bool {
        self.polygons.is_empty()
    }

    /// The area enclosed by `contours` under `rule`, cleaned up: overlaps
    /// merged, self-intersections resolved, orientation normalised.
    /// Contours with fewer than three points or non-finite coordinates are
    /// ignored (they enclose nothing).
    ///
    /// ```
    /// use geometry::{FillRule, Region};
    /// // Two overlapping 2 × 2 squares: non-zero merges them, even-odd
    /// // leaves out the part they share.
    /// let a = vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
    /// let b = vec![[1.0, 0.0], [3.0, 0.0], [3.0, 2.0], [1.0, 2.0]];
    /// let merged = Region::from_contours(&[a.clone(), b.clone()], FillRule::NonZero);
    /// assert!((merged.area() - 6.0).abs() < 1e-6);
    /// let xor = Region::from_contours(&[a, b], FillRule::EvenOdd);
    /// assert!((xor.area() - 4.0).abs() < 1e-6);
    /// ```
    pub fn from_contours(contours: &[Contour], rule: FillRule) -> Self {
        let usable: Vec<Contour> = contours
            .iter()
            .filter(|c| c.len() >= 3 && finite(c))
            .cloned()
            .collect();
        if usable.is_empty() {
            return Self::empty();
        }
        Self::from_shapes(overlay_on_grid(
            &usable,
            &[],
            OverlayRule::Subject,
            rule.to_overlay(),
        ))
    }

    fn from_shapes(shapes: Vec<Vec<Vec<[f64; 2]>>>) -> Self {
        // i_overlay computes crossing points more precisely than its grid;
        // rounding them onto the grid makes two operations that meet the
        // same crossing agree on it to the bit.
        let polygons = shapes
            .into_iter()
            .map(|polygon| {
                polygon
                    .into_iter()
                    .map(|contour| {
                        let mut snapped: Contour = contour.into_iter().map(snap).collect();
                        snapped.dedup();
                        while snapped.len() > 1 && snapped.first() == snapped.last() {
                            snapped.pop();
                        }
                        snapped
                    })
                    .filter(|c| c.len() >= 3)
                    .collect::<Polygon>()
            })
            .filter(|polygon: &Polygon| !polygon.is_empty())
            .collect();
        Self { polygons }
    }

    fn overlay(&self, other: &Region, rule: OverlayRule) -> Region {
        match (self.is_empty(), other.is_empty()) {
            (true, true) => return Region::empty(),
            (false, true) if matches!(rule, OverlayRule::Union | OverlayRule::Difference) => {
                return self.clone();
            }
            (true, false) if rule == OverlayRule::Union => return other.clone(),
            (true, _) | (_, true) => {
                if matches!(rule, OverlayRule::Intersect | OverlayRule::Difference) {
                    return Region::empty();
                }
            }
            _ => {}
        }
        Self::from_shapes(
            self.polygons
                .overlay(&other.polygons, rule, OverlayFillRule::NonZero),
        )
    }

    /// The area covered by `self` or `other`.
    pub fn union(&self, other: &Region) -> Region {
        self.overlay(other, OverlayRule::Union)
    }

    /// The area covered by `self` but not `other`.
    pub fn difference(&self, other: &Region) -> Region {
        self.overlay(other, OverlayRule::Difference)
    }

    /// The area covered by both.
    pub fn intersection(&self, other: &Region) -> Region {
        self.overlay(other, OverlayRule::Intersect)
    }

    /// The union of many regions in one pass (faster and cleaner than folding
    /// [`Region::union`]).
    pub fn union_all<'a>(regions: impl IntoIterator<Item = &'a Region>) -> Region {
        let contours: Vec<Contour> = regions
            .into_iter()
            .flat_map(|r| r.polygons.iter().flatten().cloned())
            .collect();
        // Holes run clockwise, so non-zero winding of the outer contours and
        // holes of every region together is exactly the union.
        if contours.is_empty() {
            return Region::empty();
        }
        Self::from_shapes(overlay_on_grid(
            &contours,
            &[],
            OverlayRule::Subject,
            OverlayFillRule::NonZero,
        ))
    }

    /// The region grown (`distance > 0`) or shrunk (`distance < 0`) by
    /// `distance` mm. Round joins are approximated with segments no further
    /// than `tolerance_mm` from the true arc.
    pub fn offset(&self, distance: f64, join: Join, tolerance_mm: f64) -> Region {
        if self.is_empty() || !distance.is_finite() {
            return self.clone();
        }
        if distance == 0.0 {
            return self.clone();
        }
        let join = match join {
            Join::Round => {
                // i_overlay's round join takes L / R, the segment length over
                // the radius; a chord of length L has sagitta ≈ L²/(8R).
                let radius = distance.abs();
                let tol = tolerance_mm.max(1e-4).min(radius);
                let segment = (8.0 * radius * tol).sqrt();
                LineJoin::Round((segment / radius).clamp(0.01, 1.0))
            }
            Join::Miter => LineJoin::Miter(0.1),
        };
        let style = OutlineStyle::new(distance).line_join(join);
        // The offset runs on its own grid; pass its result through the
        // global one so it lines up with everything else.
        let grown: Vec<Contour> = self
            .polygons
            .outline(&style)
            .into_iter()
            .flatten()
            .collect();
        Self::from_shapes(overlay_on_grid(
            &grown,
            &[],
            OverlayRule::Subject,
            OverlayFillRule::NonZero,
        ))
    }

    /// Enclosed area, mm² (holes subtracted).
    pub fn area(&self) -> f64 {
        self.polygons.iter().flatten().map(|c| signed_area(c)).sum()
    }

    /// Bounds as `([min_x, min_y], [max_x, max_y])`, or `None` when empty.
    pub fn bounds(&self) -> Option<([f64; 2], [f64; 2])> {
        let mut points = self.polygons.iter().flatten().flatten();
        let first = *points.next()?;
        Some(points.fold((first, first), |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        }))
    }

    /// The region without polygons whose average width (area over half the
    /// outer perimeter) is below `min_width` mm: the needle-thin debris that
    /// booleans between nearly coincident edges can leave.
    pub fn without_slivers(mut self, min_width: f64) -> Region {
        self.polygons.retain(|polygon| {
            let Some(outer) = polygon.first() else {
                return false;
            };
            let n = outer.len();
            let perimeter: f64 = (0..n)
                .map(|i| {
                    let (a, b) = (outer[i], outer[(i + 1) % n]);
                    (b[0] - a[0]).hypot(b[1] - a[1])
                })
                .sum();
            let area: f64 = polygon.iter().map(|c| signed_area(c)).sum();
            area > min_width * perimeter / 2.0
        });
        self
    }

    /// Every contour of every polygon (outer contours and holes).
    pub fn contours(&self) -> impl Iterator<Item = &Contour> {
        self.polygons.iter().flatten()
    }

    /// A path with one closed subpath per contour (outer contours
    /// counter-clockwise and holes clockwise, so non-zero filling keeps the
    /// holes): what a boolean or a fix puts back into a shape.
    pub fn to_path(&self) -> kurbo::BezPath {
        let mut path = kurbo::BezPath::new();
        for contour in self.contours() {
            let mut points = contour.iter();
            if let Some(first) = points.next() {
                path.move_to((first[0], first[1]));
                for p in points {
                    path.line_to((p[0], p[1]));
                }
                path.close_path();
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Contour {
        vec![[x, y], [x + side, y], [x + side, y + side], [x, y + side]]
    }

    #[track_caller]
    fn assert_area(region: &Region, expected: f64) {
        assert!(
            (region.area() - expected).abs() < 1e-6,
            "area {} != {expected}",
            region.area()
        );
    }

    #[test]
    fn booleans_of_two_overlapping_squares() {
        for (dx, scale) in [(0.0, 1.0), (13.5, 1.0), (-7.0, 250.0), (0.3, 0.01)] {
            let a = Region::from_contours(&[square(dx, 0.0, 2.0 * scale)], FillRule::NonZero);
            let b =
                Region::from_contours(&[square(dx + scale, scale, 2.0 * scale)], FillRule::NonZero);
            let s2 = scale * scale;
            assert_area(&a.union(&b), 7.0 * s2);
            assert_area(&a.intersection(&b), 1.0 * s2);
            assert_area(&a.difference(&b), 3.0 * s2);
        }
    }

    #[test]
    fn even_odd_makes_a_hole_and_orientation_is_normalised() {
        let outer = square(0.0, 0.0, 10.0);
        let inner = square(2.0, 2.0, 4.0);
        let r = Region::from_contours(&[outer.clone(), inner.clone()], FillRule::EvenOdd);
        assert_area(&r, 84.0);
        assert_eq!(r.polygons.len(), 1);
        assert_eq!(r.polygons[0].len(), 2);
        assert!(signed_area(&r.polygons[0][0]) > 0.0);
        assert!(signed_area(&r.polygons[0][1]) < 0.0);
        // Same direction under non-zero: no hole.
        assert_area(
            &Region::from_contours(&[outer, inner], FillRule::NonZero),
            100.0,
        );
    }

    #[test]
    fn offset_grows_and_shrinks_a_square() {
        let r = Region::from_contours(&[square(0.0, 0.0, 10.0)], FillRule::NonZero);
        let grown = r.offset(1.0, Join::Round, 0.001);
        let expected = 100.0 + 4.0 * 10.0 + std::f64::consts::PI;
        assert!((grown.area() - expected).abs() < 0.01, "{}", grown.area());
        assert_area(&r.offset(-1.0, Join::Miter, 0.01), 64.0);
    }

    #[test]
    fn degenerate_and_non_finite_contours_enclose_nothing() {
        let nan = vec![[f64::NAN, 0.0], [1.0, 0.0], [1.0, 1.0]];
        let line = vec![[0.0, 0.0], [1.0, 1.0]];
        assert!(Region::from_contours(&[nan, line], FillRule::NonZero).is_empty());
    }

    #[test]
    fn a_region_becomes_a_path_that_fills_back_to_the_same_area() {
        // A square with a square hole: two closed subpaths, same area.
        let frame = Region::from_contours(&[square(0.0, 0.0, 10.0)], FillRule::NonZero).difference(
            &Region::from_contours(&[square(2.0, 2.0, 6.0)], FillRule::NonZero),
        );
        let path = frame.to_path();
        let closes = path
            .elements()
            .iter()
            .filter(|e| matches!(e, kurbo::PathEl::ClosePath))
            .count();
        assert_eq!(closes, 2);
        assert!((kurbo::Shape::area(&path).abs() - 64.0).abs() < 1e-6);
    }
}
