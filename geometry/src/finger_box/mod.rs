//! Finger-joint boxes for the laser ("boîte à encoches"): from the inner
//! size, the sheet thickness and the kerf, the five or six panels of a box
//! whose edges interlock, laid out flat and ready to cut.
//!
//! We write our own because no maintained Rust crate makes laser
//! finger-joint boxes (the makers' references are the Python boxes.py and
//! web generators, which a kiosk without a network cannot reach).
//!
//! The box, in millimetres with X to the right, Y to the back and Z up, is
//! `[0, W + 2t] × [0, D + 2t] × [0, H + 2t]` (`H + t` without a lid) around
//! an inner cavity of `W × D × H`. Every bit of that shell belongs to
//! exactly one panel:
//! - the bottom and the lid own the eight corner cubes, so they are full
//!   at their four corners and own both end segments of their four edges;
//! - the front and the back own both end segments of the four vertical
//!   edges; the left and right walls fill the slots between them;
//! - along each edge the two panels alternate segments ([`joints`]): an
//!   odd number, at least three, about 2.5 sheet thicknesses each.
//!
//! Each [`Panel`] has its exact outline in its own frame (the outer
//! rectangle `[0, a] × [0, b]`; the bottom and lid map `(u, v)` to
//! `(x, y)`, the front and back to `(x, z)`, the walls to `(y, z)`), and
//! its cut outline: the exact one moved to its place in the flat layout
//! ([`layout`]) and grown by half the kerf with mitred corners, so that
//! once the beam has burnt its half kerf away the part is exact and the
//! joints are tight.
//!
//! ```
//! use geometry::finger_box::{BoxParams, PanelName, finger_box};
//! let params = BoxParams { width: 80.0, depth: 60.0, height: 40.0,
//!     thickness: 3.0, kerf: 0.15, lid: true };
//! let panels = finger_box(&params)?;
//! assert_eq!(panels.len(), 6);
//! assert_eq!(panels[0].name, PanelName::Bottom);
//! assert_eq!(panels[0].size, [86.0, 66.0]);
//! # Ok::<(), geometry::finger_box::FingerBoxError>(())
//! ```
//!
//! Current limitations: plain rectangular boxes only (no dividers, hinges,
//! sliding lids or engraved labels); the lid is glued or pressed on like
//! the other panels; all edges share one finger width rule; panels are
//! not rotated to fit a small bed.

pub mod joints;
mod layout;
mod panel;
mod params;

#[cfg(test)]
mod assembly_tests;
#[cfg(test)]
mod tests;

pub use joints::segment_count;
pub use params::{
    BoxField, BoxParams, FingerBoxError, MAX_SIZE_MM, MAX_THICKNESS_RATIO, MIN_THICKNESS_MM,
};

use kurbo::BezPath;

use crate::FillRule;
use crate::region::{Contour, Join, Region};
use panel::{Joint, PanelSpec, panel_outline};

/// Space between two panels' cut lines in the layout, mm: enough for the
/// beam and for the sheet between the parts to hold together.
pub const GAP_MM: f64 = 5.0;

/// Which face of the box a panel is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelName {
    /// Under the box (Z = 0).
    Bottom,
    /// On top of a closed box.
    Lid,
    /// Y = 0.
    Front,
    /// Y = D + 2t.
    Back,
    /// X = 0.
    Left,
    /// X = W + 2t.
    Right,
}

impl PanelName {
    /// Every panel, in the order [`finger_box`] returns them.
    pub const ALL: [PanelName; 6] = [
        PanelName::Bottom,
        PanelName::Lid,
        PanelName::Front,
        PanelName::Back,
        PanelName::Left,
        PanelName::Right,
    ];
}

/// One panel of the box.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Which face.
    pub name: PanelName,
    /// Outer size `[a, b]` of the panel's rectangle, mm.
    pub size: [f64; 2],
    /// The exact outline (no kerf) in the panel's own frame, inside
    /// `[0, a] × [0, b]`: counter-clockwise, first point not repeated.
    pub outline: Contour,
    /// Where the panel's frame origin lies in the flat layout, mm.
    pub position: [f64; 2],
    /// The line to cut: `outline` moved to `position` and grown by half
    /// the kerf (mitred), counter-clockwise, first point not repeated.
    pub cut: Contour,
}

impl Panel {
    /// The cut line as a closed path (layout coordinates, mm).
    pub fn cut_path(&self) -> BezPath {
        let mut path = BezPath::new();
        let mut points = self.cut.iter();
        if let Some(first) = points.next() {
            path.move_to((first[0], first[1]));
            for p in points {
                path.line_to((p[0], p[1]));
            }
            path.close_path();
        }
        path
    }
}

/// What each panel is made of (see the module docs for who owns what).
fn specs(params: &BoxParams) -> Vec<(PanelName, PanelSpec)> {
    let t = params.thickness;
    let outer_w = params.width + 2.0 * t;
    let outer_d = params.depth + 2.0 * t;
    let outer_h = params.height + if params.lid { 2.0 * t } else { t };
    let joint = |length: f64, owns_even: bool| {
        Some(Joint {
            segments: segment_count(length, t),
            owns_even,
        })
    };
    let (w, d, h) = (params.width, params.depth, params.height);
    let floor = PanelSpec {
        size: [outer_w, outer_d],
        sides: [
            joint(w, true),
            joint(d, true),
            joint(w, true),
            joint(d, true),
        ],
        owns_corners: true,
    };
    let front = PanelSpec {
        size: [outer_w, outer_h],
        sides: [
            joint(w, false),
            joint(h, true),
            if params.lid { joint(w, false) } else { None },
            joint(h, true),
        ],
        owns_corners: false,
    };
    let wall = PanelSpec {
        size: [outer_d, outer_h],
        sides: [
            joint(d, false),
            joint(h, false),
            if params.lid { joint(d, false) } else { None },
            joint(h, false),
        ],
        owns_corners: false,
    };
    let mut specs = vec![(PanelName::Bottom, floor)];
    if params.lid {
        specs.push((PanelName::Lid, floor));
    }
    specs.extend([
        (PanelName::Front, front),
        (PanelName::Back, front),
        (PanelName::Left, wall),
        (PanelName::Right, wall),
    ]);
    specs
}

/// The panels of the box `params` describes, laid out flat near the origin
/// (bottom, lid when there is one, front, back, left, right), or what is
/// wrong with the numbers.
pub fn finger_box(params: &BoxParams) -> Result<Vec<Panel>, FingerBoxError> {
    params.validate()?;
    let t = params.thickness;
    let specs = specs(params);
    let gap = GAP_MM + params.kerf;
    let sizes: Vec<[f64; 2]> = specs.iter().map(|(_, spec)| spec.size).collect();
    let positions = layout::shelf_layout(&sizes, gap);
    specs
        .into_iter()
        .zip(positions)
        .map(|((name, spec), position)| {
            let outline = panel_outline(&spec, t);
            let cut = kerf_compensated(&outline, position, params.kerf)
                .ok_or(FingerBoxError::Internal { panel: name })?;
            Ok(Panel {
                name,
                size: spec.size,
                outline,
                position,
                cut,
            })
        })
        .collect()
}

/// `outline` moved by `position` and grown by `kerf / 2` with mitred
/// corners (a rounded corner would leave a fillet in every slot and the
/// fingers would not seat). `None` if that is not one simple contour.
fn kerf_compensated(outline: &Contour, position: [f64; 2], kerf: f64) -> Option<Contour> {
    let moved: Contour = outline
        .iter()
        .map(|p| [p[0] + position[0], p[1] + position[1]])
        .collect();
    // Through the region even with no kerf: the cut line then sits on the
    // booleans' global grid like every other shape's.
    let region = Region::from_contours(&[moved], FillRule::NonZero).offset(
        kerf / 2.0,
        Join::Miter,
        crate::DEFAULT_TOLERANCE_MM,
    );
    match region.polygons.as_slice() {
        [polygon] => match polygon.as_slice() {
            [contour] => Some(contour.clone()),
            _ => None,
        },
        _ => None,
    }
}
