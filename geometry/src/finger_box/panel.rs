//! One panel's exact outline (before kerf), from which of its four sides
//! carry a joint and which segments of each it owns.
//!
//! A panel is its outer rectangle `[0, a] × [0, b]` seen as a grid: a
//! strip one sheet thick along each side that carries a joint, the face
//! in the middle (always material), corner squares where two strips meet
//! (material only for the panel that owns the box's corners) and finger
//! cells along the strips (material for the segments the panel owns).
//! The outline is walked counter-clockwise around that ring of cells:
//! each cell contributes its outer side when it is material and its inner
//! side when not, so the result is a rectilinear, simple contour whose
//! coordinates are exactly the shared breakpoints of [`super::joints`].

use super::joints::{breakpoints, owns};
use crate::region::Contour;

/// What one panel is made of, in its own frame (mm, Y up).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PanelSpec {
    /// Outer width and height, mm.
    pub size: [f64; 2],
    /// Per side, counter-clockwise from the bottom (bottom, right, top,
    /// left): `None` for a plain edge (the open top), else its joint.
    pub sides: [Option<Joint>; 4],
    /// Whether the corner squares (where two joint strips meet) are
    /// material of this panel.
    pub owns_corners: bool,
}

/// The joint along one side of a panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Joint {
    /// Number of segments, from the edge's inner length (given, not
    /// recomputed from the panel's size, where a last-bit difference
    /// could tip the rounding).
    pub segments: usize,
    /// Whether the panel owns the even segments (both ends).
    pub owns_even: bool,
}

/// The finger segments of one side: `(start, end, depth)` along the side,
/// depth 0 where the panel has material out to the edge, `t` where it is
/// recessed (a slot).
fn side_cells(start: f64, end: f64, joint: Joint, t: f64) -> Vec<(f64, f64, f64)> {
    breakpoints(start, end - start, joint.segments)
        .windows(2)
        .enumerate()
        .map(|(i, w)| (w[0], w[1], if owns(i, joint.owns_even) { 0.0 } else { t }))
        .collect()
}

/// The exact outline of `spec` with sheet thickness `t`: counter-clockwise,
/// first point not repeated, no two consecutive points equal, no three
/// collinear.
pub(crate) fn panel_outline(spec: &PanelSpec, t: f64) -> Contour {
    let [a, b] = spec.size;
    let strip = |side: usize| if spec.sides[side].is_some() { t } else { 0.0 };
    let (wb, wr, wt, wl) = (strip(0), strip(1), strip(2), strip(3));
    let mut points: Contour = Vec::new();
    // Each corner: its outer path when material, its inner point when not;
    // with only one strip the strip's cells reach the corner on their own.
    let corner = |points: &mut Contour, strips: (f64, f64), outer: [[f64; 2]; 3], inner| match (
        strips.0 > 0.0,
        strips.1 > 0.0,
    ) {
        (true, true) if spec.owns_corners => points.extend(outer),
        (true, true) => points.push(inner),
        (false, false) => points.push(outer[1]),
        _ => {}
    };
    corner(
        &mut points,
        (wl, wb),
        [[0.0, t], [0.0, 0.0], [t, 0.0]],
        [t, t],
    );
    if let Some(joint) = spec.sides[0] {
        for (s0, s1, d) in side_cells(wl, a - wr, joint, t) {
            points.extend([[s0, d], [s1, d]]);
        }
    }
    corner(
        &mut points,
        (wb, wr),
        [[a - t, 0.0], [a, 0.0], [a, t]],
        [a - t, t],
    );
    if let Some(joint) = spec.sides[1] {
        for (s0, s1, d) in side_cells(wb, b - wt, joint, t) {
            points.extend([[a - d, s0], [a - d, s1]]);
        }
    }
    corner(
        &mut points,
        (wr, wt),
        [[a, b - t], [a, b], [a - t, b]],
        [a - t, b - t],
    );
    if let Some(joint) = spec.sides[2] {
        for (s0, s1, d) in side_cells(wl, a - wr, joint, t).into_iter().rev() {
            points.extend([[s1, b - d], [s0, b - d]]);
        }
    }
    corner(
        &mut points,
        (wt, wl),
        [[t, b], [0.0, b], [0.0, b - t]],
        [t, b - t],
    );
    if let Some(joint) = spec.sides[3] {
        for (s0, s1, d) in side_cells(wb, b - wt, joint, t).into_iter().rev() {
            points.extend([[d, s1], [d, s0]]);
        }
    }
    simplify(points)
}

/// Removes repeated points and points in the middle of a straight run
/// (including the back-and-forth of a spike), around the closed contour.
/// Every edge is axis-aligned with exact shared coordinates, so exact
/// comparisons are the right test.
fn simplify(mut points: Contour) -> Contour {
    loop {
        let before = points.len();
        points.dedup();
        while points.len() > 1 && points.first() == points.last() {
            points.pop();
        }
        let n = points.len();
        if n < 3 {
            return points;
        }
        let keep: Vec<bool> = (0..n)
            .map(|i| {
                let (p, q, r) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
                let straight = (p[0] == q[0] && q[0] == r[0]) || (p[1] == q[1] && q[1] == r[1]);
                !straight
            })
            .collect();
        points = points
            .into_iter()
            .zip(keep)
            .filter_map(|(p, k)| k.then_some(p))
            .collect();
        if points.len() == before {
            return points;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::signed_area;

    #[test]
    fn a_plain_rectangle_is_its_four_corners() {
        let spec = PanelSpec {
            size: [10.0, 5.0],
            sides: [None; 4],
            owns_corners: false,
        };
        assert_eq!(
            panel_outline(&spec, 1.0),
            vec![[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]]
        );
    }

    #[test]
    fn a_bottom_panel_is_its_rectangle_minus_the_slots() {
        // 3 segments of 2 mm per side of an 8 × 8 panel in 1 mm stock:
        // one slot of 2 × 1 per side.
        let spec = PanelSpec {
            size: [8.0, 8.0],
            sides: [Some(Joint {
                segments: 3,
                owns_even: true,
            }); 4],
            owns_corners: true,
        };
        let outline = panel_outline(&spec, 1.0);
        assert_eq!(signed_area(&outline), 64.0 - 4.0 * 2.0);
        assert_eq!(outline.len(), 4 + 4 * 4);
    }

    #[test]
    fn a_wall_with_an_open_top_has_a_straight_top() {
        let spec = PanelSpec {
            size: [8.0, 7.0],
            sides: [
                Some(Joint {
                    segments: 3,
                    owns_even: false,
                }),
                Some(Joint {
                    segments: 3,
                    owns_even: true,
                }),
                None,
                Some(Joint {
                    segments: 3,
                    owns_even: true,
                }),
            ],
            owns_corners: false,
        };
        let outline = panel_outline(&spec, 1.0);
        // Face 6 × 6, one 2 × 1 finger at the bottom, two per vertical side.
        assert_eq!(signed_area(&outline), 36.0 + 2.0 + 4.0 * 2.0);
        assert!(outline.contains(&[0.0, 7.0]) && outline.contains(&[8.0, 7.0]));
    }
}
