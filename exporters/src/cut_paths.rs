//! What the laser does, shape by shape, as clean polylines in document
//! space (mm, Y up): the one source of truth for the laser SVG and the DXF
//! writers.
//!
//! - Cut and score lines are deduplicated together (by the crate's private
//!   `segments` module): no segment is burnt twice, and a score line lying
//!   on a cut line is dropped (the cut wins).
//! - They are ordered inner before outer: a contour lying inside another
//!   comes first, so holes are cut before the outline around them and small
//!   parts before the sheet they come from (once the outer cut is done, the
//!   part may drop or shift, and anything still to cut inside it would miss).
//! - Engraved areas are merged into one region.
//!
//! Filled shapes are cut along the outline of their area (self-overlaps
//! resolved, holes included); outline-only shapes along their own lines,
//! open or closed. An outline-only shape marked "engrave" has no area to
//! burn, so it is marked as a score line rather than dropped.

use geometry::outline::{Polyline, shape_polylines, shape_region};
use geometry::{Document, LaserRole, Region};

use crate::nesting::Nesting;
use crate::prepared::PreparedDrawing;
use crate::segments::deduplicate;

/// Points closer than this are one point, mm. It is also the precision of
/// the coordinates written to files: a micrometre is far below any laser's
/// precision (≥ 0.01 mm) yet well above the rounding noise of booleans.
pub const WELD_MM: f64 = 0.001;

/// `value` (mm) rounded to [`WELD_MM`] and written in its shortest form,
/// never as `-0`.
pub(crate) fn format_mm(value: f64) -> String {
    let mut out = String::new();
    write_mm(&mut out, value);
    out
}

/// [`format_mm`] appended to `out`. A traced drawing writes thousands of
/// coordinates: whole micrometres are written as an integer and up to
/// three decimals, without the float formatter or a string each.
pub(crate) fn write_mm(out: &mut String, value: f64) {
    use std::fmt::Write as _;
    let micrometres = (value * 1000.0).round();
    // Up to a thousand km the float's step is under a micrometre's
    // thousandth, so the shortest decimal of `micrometres / 1000` is that
    // integer with its point put back (beyond, fewer digits may do).
    if micrometres.abs() < 1e12 {
        let m = micrometres as i64;
        if m < 0 {
            out.push('-');
        }
        let (whole, mut fraction) = (m.unsigned_abs() / 1000, m.unsigned_abs() % 1000);
        let _ = write!(out, "{whole}");
        if fraction != 0 {
            let mut digits = 3;
            while fraction % 10 == 0 {
                fraction /= 10;
                digits -= 1;
            }
            let _ = write!(out, ".{fraction:0digits$}");
        }
        return;
    }
    let rounded = micrometres / 1000.0;
    if rounded == 0.0 {
        out.push('0');
    } else {
        let _ = write!(out, "{rounded}");
    }
}

/// The laser operations of a document, ready to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaserPaths {
    /// Lines to cut, inner before outer, no segment twice.
    pub cut: Vec<Polyline>,
    /// Lines to score, inner before outer, no segment twice nor on a cut line.
    pub score: Vec<Polyline>,
    /// The area to engrave (union of every engraved shape).
    pub engrave: Region,
}

/// Bounds as `([min_x, min_y], [max_x, max_y])`, mm.
pub type Bounds = ([f64; 2], [f64; 2]);

impl LaserPaths {
    /// Flattens every shape of `document` at `tolerance_mm` and sorts it
    /// into cut, score and engrave.
    pub fn from_document(document: &Document, tolerance_mm: f64) -> Self {
        Self::from_prepared(document, &PreparedDrawing::new(document, tolerance_mm))
    }

    /// Sorts `document`'s shapes into cut, score and engrave as `prepared`
    /// read them (at its tolerance); read again if it does not
    /// [fit](PreparedDrawing::fits) `document`.
    pub fn from_prepared(document: &Document, prepared: &PreparedDrawing) -> Self {
        let tolerance_mm = prepared.tolerance_mm();
        if !prepared.fits(document, tolerance_mm) {
            return Self::from_document(document, tolerance_mm);
        }
        let mut cut = Vec::new();
        let mut score = Vec::new();
        let mut engraved = Vec::new();
        for (shape, read) in document.shapes.iter().zip(prepared.shapes()) {
            if shape.is_filled() && shape.role == LaserRole::Engrave {
                engraved.push(read.region.clone());
                continue;
            }
            let lines = read.lines.iter().cloned();
            match shape.role {
                LaserRole::Cut => cut.extend(lines),
                LaserRole::Score | LaserRole::Engrave => score.extend(lines),
            }
        }
        let mut groups = deduplicate(&[cut.clone(), score.clone()], WELD_MM).into_iter();
        let cut_lines = order_inner_first(groups.next().unwrap_or_default(), &cut);
        let score_lines = order_inner_first(groups.next().unwrap_or_default(), &score);
        Self {
            cut: cut_lines,
            score: score_lines,
            engrave: Region::union_all(&engraved),
        }
    }

    /// `true` when the laser has nothing to do.
    pub fn is_empty(&self) -> bool {
        self.cut.is_empty() && self.score.is_empty() && self.engrave.is_empty()
    }

    /// Bounds of everything the laser does, `None` when it does nothing.
    pub fn bounds(&self) -> Option<Bounds> {
        let lines = self.cut.iter().chain(&self.score).map(|l| &l.points);
        let mut points = lines.chain(self.engrave.contours()).flatten();
        let first = *points.next()?;
        Some(points.fold((first, first), |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        }))
    }
}

/// The bounds of everything the laser does in `document`, the same as
/// `LaserPaths::from_document(document, tolerance_mm).bounds()` without
/// the clean-up: removing segments drawn twice and merging engraved areas
/// change no bounds, and the clean-up costs far more than the check of the
/// bed that needs them.
pub fn laser_bounds(document: &Document, tolerance_mm: f64) -> Option<Bounds> {
    let mut bounds: Option<Bounds> = None;
    let mut add = |points: &[[f64; 2]]| {
        for p in points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
        {
            let (lo, hi) = bounds.get_or_insert((*p, *p));
            *lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            *hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
    };
    for shape in &document.shapes {
        if shape.is_filled() {
            for contour in shape_region(shape, tolerance_mm).contours() {
                add(contour);
            }
        } else {
            for line in shape_polylines(shape, tolerance_mm) {
                add(&line.points);
            }
        }
    }
    bounds
}

/// The page around a drawing of bounds `drawing`: `page_mm` (width,
/// height) from the document's origin, widened to hold the whole drawing;
/// the drawing's own bounds when there is no page (or it is not usable).
pub fn page_bounds(drawing: Bounds, page_mm: Option<(f64, f64)>) -> Bounds {
    let Some((w, h)) =
        page_mm.filter(|(w, h)| w.is_finite() && h.is_finite() && *w > 0.0 && *h > 0.0)
    else {
        return drawing;
    };
    let (lo, hi) = drawing;
    (
        [lo[0].min(0.0), lo[1].min(0.0)],
        [hi[0].max(w), hi[1].max(h)],
    )
}

/// Sorts `lines` so that each comes before every closed contour of
/// `containers` around it (deepest nesting first; stable otherwise).
fn order_inner_first(lines: Vec<Polyline>, containers: &[Polyline]) -> Vec<Polyline> {
    let closed: Vec<(&Polyline, Bounds)> = containers
        .iter()
        .filter(|c| c.closed && c.points.len() >= 3)
        .filter_map(|c| polyline_bounds(c).map(|b| (c, b)))
        .collect();
    let nesting = Nesting::new(closed.iter().map(|(c, _)| *c).collect());
    let mut keyed: Vec<(usize, Polyline)> = lines
        .into_iter()
        .map(|line| {
            let depth = polyline_bounds(&line).map_or(0, |b| {
                nesting
                    .holders(&line, |c| contains_bounds(&closed[c].1, &b))
                    .len()
            });
            (depth, line)
        })
        .collect();
    keyed.sort_by_key(|(depth, _)| std::cmp::Reverse(*depth));
    keyed.into_iter().map(|(_, line)| line).collect()
}

pub(crate) fn polyline_bounds(line: &Polyline) -> Option<Bounds> {
    let first = *line.points.first()?;
    Some(line.points.iter().fold((first, first), |(lo, hi), p| {
        (
            [lo[0].min(p[0]), lo[1].min(p[1])],
            [hi[0].max(p[0]), hi[1].max(p[1])],
        )
    }))
}

pub(crate) fn contains_bounds(outer: &Bounds, inner: &Bounds) -> bool {
    let m = WELD_MM;
    outer.0[0] - m <= inner.0[0]
        && outer.0[1] - m <= inner.0[1]
        && inner.1[0] <= outer.1[0] + m
        && inner.1[1] <= outer.1[1] + m
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::test_shapes::centred_rect;
    use geometry::{Fill, FillRule, Shape, ShapeKind};

    fn doc(shapes: Vec<Shape>) -> Document {
        let mut d = Document::new();
        for s in shapes {
            d.add(s);
        }
        d
    }

    fn center(line: &Polyline) -> [f64; 2] {
        let (lo, hi) = polyline_bounds(line).unwrap();
        [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0]
    }

    #[test]
    fn holes_and_inner_parts_are_cut_before_their_outline() {
        // A sheet (drawn first), a part inside it with a hole, and a part outside.
        let sheet = centred_rect(100.0, 100.0, 0.0, 0.0);
        let mut ring = Shape::new(ring_path());
        ring.fill = Fill::Filled(FillRule::EvenOdd);
        let outside = centred_rect(10.0, 10.0, 200.0, 0.0);
        let paths = LaserPaths::from_document(&doc(vec![sheet, ring, outside]), 0.01);
        let order: Vec<[f64; 2]> = paths.cut.iter().map(center).collect();
        assert_eq!(paths.cut.len(), 4);
        assert!(paths.cut.iter().all(|l| l.closed));
        // Hole of the ring (depth 2), ring outline (1), then sheet and outside part (0).
        let widths: Vec<f64> = paths
            .cut
            .iter()
            .map(|l| {
                let (lo, hi) = polyline_bounds(l).unwrap();
                hi[0] - lo[0]
            })
            .collect();
        assert_eq!(widths, vec![10.0, 30.0, 100.0, 10.0], "{order:?}");
    }

    /// A 30 mm square with a 10 mm square hole, as one path (no kurbo needed).
    fn ring_path() -> ShapeKind {
        let square = |side: f64| {
            geometry::outline::local_path(&ShapeKind::Rectangle {
                width: side,
                height: side,
            })
        };
        let mut path = square(30.0);
        path.extend(square(10.0).iter());
        ShapeKind::Path { path }
    }

    #[test]
    fn numbers_are_rounded_to_the_micrometre() {
        assert_eq!(format_mm(12.3456), "12.346");
        assert_eq!(format_mm(-0.0001), "0");
        assert_eq!(format_mm(100.0), "100");
        assert_eq!(format_mm(0.1 + 0.2), "0.3");
        assert_eq!(format_mm(-1.05), "-1.05");
        assert_eq!(format_mm(-0.0), "0");
        // The integer path writes what the float formatter wrote, over
        // numbers of every size and sign.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for k in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 11) as f64 / (1_u64 << 53) as f64;
            let value = (unit - 0.5) * 10_f64.powi(k % 24 - 3);
            let rounded = (value * 1000.0).round() / 1000.0;
            let expected = if rounded == 0.0 {
                "0".to_owned()
            } else {
                format!("{rounded}")
            };
            assert_eq!(format_mm(value), expected, "{value}");
        }
    }

    #[test]
    fn touching_cut_shapes_and_overlapping_score_burn_once() {
        let a = centred_rect(10.0, 10.0, 0.0, 0.0);
        let b = centred_rect(10.0, 10.0, 10.0, 0.0);
        let mut score = centred_rect(10.0, 10.0, 0.0, 0.0);
        score.role = LaserRole::Score;
        score.fill = Fill::Outline;
        let paths = LaserPaths::from_document(&doc(vec![a, b, score]), 0.01);
        let segments: usize = paths
            .cut
            .iter()
            .map(|l| l.points.len() - usize::from(!l.closed))
            .sum();
        assert_eq!(segments, 7);
        assert!(paths.score.is_empty(), "{:?}", paths.score);
        assert_eq!(paths.bounds(), Some(([-5.0, -5.0], [15.0, 5.0])));
        let d = doc(vec![
            centred_rect(10.0, 10.0, 0.0, 0.0),
            centred_rect(4.0, 4.0, 30.0, 2.0),
        ]);
        let bounds = LaserPaths::from_document(&d, 0.01).bounds();
        assert_eq!(laser_bounds(&d, 0.01), bounds);
        assert_eq!(laser_bounds(&Document::new(), 0.01), None);
    }

    /// A filled polygon through `corners` (no kurbo needed).
    fn polygon(corners: &[[f64; 2]]) -> Shape {
        let mut shape = Shape::new(ShapeKind::Path {
            path: Default::default(),
        });
        if let ShapeKind::Path { path } = &mut shape.kind {
            path.move_to((corners[0][0], corners[0][1]));
            for c in &corners[1..] {
                path.line_to((c[0], c[1]));
            }
            path.close_path();
        }
        shape
    }

    #[test]
    fn shared_edges_are_found_under_rotation_and_scale() {
        for (angle, scale, dx) in [(0.3, 1.0, 0.0), (1.0, 0.01, 500.0), (2.5, 40.0, -3.0)] {
            let (sin, cos) = f64::sin_cos(angle);
            let place = |p: [f64; 2]| {
                [
                    scale * (p[0] * cos - p[1] * sin) + dx,
                    scale * (p[0] * sin + p[1] * cos),
                ]
            };
            let square = |x: f64| {
                let corners = [[x, 0.0], [x + 1.0, 0.0], [x + 1.0, 1.0], [x, 1.0]];
                polygon(&corners.map(place))
            };
            let paths = LaserPaths::from_document(&doc(vec![square(0.0), square(1.0)]), 0.01);
            let segments: usize = paths
                .cut
                .iter()
                .map(|l| l.points.len() - usize::from(!l.closed))
                .sum();
            assert_eq!(segments, 7, "angle {angle} scale {scale}: {:?}", paths.cut);
        }
    }

    #[test]
    fn engraved_shapes_merge_and_outline_engrave_becomes_score() {
        let mut a = centred_rect(10.0, 10.0, 0.0, 0.0);
        a.role = LaserRole::Engrave;
        let mut b = centred_rect(10.0, 10.0, 5.0, 0.0);
        b.role = LaserRole::Engrave;
        let mut line = centred_rect(4.0, 4.0, 40.0, 0.0);
        line.role = LaserRole::Engrave;
        line.fill = Fill::Outline;
        let paths = LaserPaths::from_document(&doc(vec![a, b, line]), 0.01);
        assert!((paths.engrave.area() - 150.0).abs() < 1e-6);
        assert!(paths.cut.is_empty());
        assert_eq!(paths.score.len(), 1);
        assert!(!paths.is_empty());
        assert!(LaserPaths::from_document(&Document::new(), 0.01).is_empty());
    }
}
