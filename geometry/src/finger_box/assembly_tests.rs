//! The box assembled in 3D, with no kerf: every panel's outline extruded
//! by the sheet thickness and put in its place must fill the shell of the
//! box exactly — no two panels sharing any volume, no gap — so the total
//! is the outer volume minus the cavity.
//!
//! How, exactly and without a mesh library: every panel is a prism of an
//! axis-aligned outline, so cutting space along every coordinate any
//! outline uses gives cells that are each wholly inside or wholly outside
//! each panel. The centre of each cell is tested against each placed panel
//! (slab range along its normal, point in its polygon in its plane); each
//! cell of the shell must be in exactly one panel and every other cell in
//! none. The panels' outlines are read as produced, not from the plan that
//! made them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::tests::cases;
use super::*;

/// Point in polygon by crossings (the point is never on an edge: cell
/// centres lie strictly between breakpoints).
fn inside(contour: &[[f64; 2]], p: [f64; 2]) -> bool {
    let n = contour.len();
    let mut odd = false;
    for i in 0..n {
        let (a, b) = (contour[i], contour[(i + 1) % n]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                odd = !odd;
            }
        }
    }
    odd
}

/// How a panel sits in the box: the axis of its normal, its slab along
/// it, and which box axes its (u, v) are.
struct Placed<'a> {
    outline: &'a [[f64; 2]],
    normal: usize,
    slab: (f64, f64),
    u: usize,
    v: usize,
}

fn placed<'a>(panels: &'a [Panel], params: &BoxParams) -> Vec<Placed<'a>> {
    let t = params.thickness;
    let outer = outer_size(params);
    panels
        .iter()
        .map(|panel| {
            let (normal, low, u, v) = match panel.name {
                PanelName::Bottom => (2, true, 0, 1),
                PanelName::Lid => (2, false, 0, 1),
                PanelName::Front => (1, true, 0, 2),
                PanelName::Back => (1, false, 0, 2),
                PanelName::Left => (0, true, 1, 2),
                PanelName::Right => (0, false, 1, 2),
            };
            let slab = if low {
                (0.0, t)
            } else {
                (outer[normal] - t, outer[normal])
            };
            Placed {
                outline: &panel.outline,
                normal,
                slab,
                u,
                v,
            }
        })
        .collect()
}

fn outer_size(params: &BoxParams) -> [f64; 3] {
    let t = params.thickness;
    let top = if params.lid { 2.0 * t } else { t };
    [
        params.width + 2.0 * t,
        params.depth + 2.0 * t,
        params.height + top,
    ]
}

#[test]
fn the_panels_fill_the_shell_of_the_box_exactly_once() {
    for params in cases(24, false) {
        let panels = finger_box(&params).unwrap();
        let placed = placed(&panels, &params);
        let t = params.thickness;
        let outer = outer_size(&params);
        // Every coordinate any outline uses, per box axis.
        let mut cuts: [Vec<f64>; 3] = [
            vec![0.0, outer[0]],
            vec![0.0, outer[1]],
            vec![0.0, outer[2]],
        ];
        for p in &placed {
            cuts[p.normal].extend([p.slab.0, p.slab.1]);
            for q in p.outline {
                cuts[p.u].push(q[0]);
                cuts[p.v].push(q[1]);
            }
        }
        for axis in &mut cuts {
            axis.sort_by(f64::total_cmp);
            axis.dedup();
        }
        let cavity_top = params.height + t;
        let mut volume = 0.0;
        for x in cuts[0].windows(2) {
            for y in cuts[1].windows(2) {
                for z in cuts[2].windows(2) {
                    let c = [
                        (x[0] + x[1]) / 2.0,
                        (y[0] + y[1]) / 2.0,
                        (z[0] + z[1]) / 2.0,
                    ];
                    let owners: Vec<PanelName> = placed
                        .iter()
                        .zip(&panels)
                        .filter(|(p, _)| {
                            (p.slab.0..p.slab.1).contains(&c[p.normal])
                                && inside(p.outline, [c[p.u], c[p.v]])
                        })
                        .map(|(_, panel)| panel.name)
                        .collect();
                    let in_cavity = c[0] > t
                        && c[0] < t + params.width
                        && c[1] > t
                        && c[1] < t + params.depth
                        && c[2] > t
                        && c[2] < cavity_top;
                    let expected = usize::from(!in_cavity);
                    assert_eq!(
                        owners.len(),
                        expected,
                        "cell at {c:?} of {params:?}: {owners:?}"
                    );
                    if !owners.is_empty() {
                        volume += (x[1] - x[0]) * (y[1] - y[0]) * (z[1] - z[0]);
                    }
                }
            }
        }
        let shell = outer[0] * outer[1] * outer[2] - params.width * params.depth * params.height;
        assert!(
            (volume - shell).abs() < 1e-9 * shell,
            "{volume} != {shell} for {params:?}"
        );
    }
}
