//! Property tests of the flat panels on many boxes: outlines closed,
//! simple and apart; areas as expected; every mating pair of edges
//! complementary; the kerf growing each part by exactly half the kerf.
//! The 3D assembly check is in `assembly_tests`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::region::signed_area;

/// A small deterministic generator (xorshift): many boxes, the same ones
/// at every run, no test dependency.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A value in `lo..hi`, rounded to 0.01 mm as a maker would type it.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        ((lo + (hi - lo) * self.next()) * 100.0).round() / 100.0
    }
}

/// Hand-picked boxes (the UI test's, a cube, a flat tray, a tall narrow
/// one, thick and thin stock) and random ones, each also scaled.
pub(super) fn cases(random: usize, kerf: bool) -> Vec<BoxParams> {
    let mut cases = vec![
        BoxParams {
            width: 80.0,
            depth: 60.0,
            height: 40.0,
            thickness: 3.0,
            kerf: 0.15,
            lid: true,
        },
        BoxParams {
            width: 50.0,
            depth: 50.0,
            height: 50.0,
            thickness: 3.0,
            kerf: 0.2,
            lid: false,
        },
        BoxParams {
            width: 200.0,
            depth: 120.0,
            height: 20.0,
            thickness: 4.0,
            kerf: 0.1,
            lid: false,
        },
        BoxParams {
            width: 30.0,
            depth: 25.0,
            height: 150.0,
            thickness: 6.0,
            kerf: 0.3,
            lid: true,
        },
        BoxParams {
            width: 10.0,
            depth: 12.0,
            height: 11.0,
            thickness: 3.2,
            kerf: 0.1,
            lid: true,
        },
        BoxParams {
            width: 300.0,
            depth: 200.0,
            height: 100.0,
            thickness: 1.5,
            kerf: 0.05,
            lid: true,
        },
    ];
    let mut rng = Rng::new(0x5eed_b0c5);
    for _ in 0..random {
        let thickness = rng.range(1.0, 8.0);
        let min = 3.0 * thickness + 0.5;
        cases.push(BoxParams {
            width: rng.range(min, 250.0),
            depth: rng.range(min, 250.0),
            height: rng.range(min, 150.0),
            thickness,
            kerf: rng.range(0.0, 0.4).min(thickness * 0.9),
            lid: rng.next() < 0.5,
        });
    }
    let scaled: Vec<BoxParams> = cases
        .iter()
        .map(|p| BoxParams {
            width: p.width * 1.7,
            depth: p.depth * 1.7,
            height: p.height * 1.7,
            thickness: p.thickness * 1.7,
            ..*p
        })
        .collect();
    cases.extend(scaled);
    if !kerf {
        for p in &mut cases {
            p.kerf = 0.0;
        }
    }
    cases
}

/// How far the booleans' and offset's grids may move a point, mm.
const GRID_SLACK_MM: f64 = 1e-4;

fn segments(contour: &[[f64; 2]]) -> impl Iterator<Item = ([f64; 2], [f64; 2])> + '_ {
    let n = contour.len();
    (0..n).map(move |i| (contour[i], contour[(i + 1) % n]))
}

fn cross(o: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

fn on_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> bool {
    cross(a, b, p) == 0.0
        && p[0] >= a[0].min(b[0])
        && p[0] <= a[0].max(b[0])
        && p[1] >= a[1].min(b[1])
        && p[1] <= a[1].max(b[1])
}

/// Whether two closed segments share a point (exact arithmetic is fine:
/// the coordinates are few-digit millimetres or grid multiples).
fn touch(a: ([f64; 2], [f64; 2]), b: ([f64; 2], [f64; 2])) -> bool {
    let d1 = cross(b.0, b.1, a.0);
    let d2 = cross(b.0, b.1, a.1);
    let d3 = cross(a.0, a.1, b.0);
    let d4 = cross(a.0, a.1, b.1);
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    on_segment(a.0, b.0, b.1)
        || on_segment(a.1, b.0, b.1)
        || on_segment(b.0, a.0, a.1)
        || on_segment(b.1, a.0, a.1)
}

/// Closed (at least a triangle, the first point not repeated, no zero-length
/// edge), counter-clockwise, and simple: edges meet only their neighbours,
/// and only at their shared end.
#[track_caller]
pub(super) fn assert_simple(contour: &[[f64; 2]], what: &str) {
    let n = contour.len();
    assert!(n >= 4, "{what}: {n} points");
    assert_ne!(
        contour.first(),
        contour.last(),
        "{what}: repeated first point"
    );
    assert!(signed_area(contour) > 0.0, "{what}: not counter-clockwise");
    let edges: Vec<_> = segments(contour).collect();
    for (i, e) in edges.iter().enumerate() {
        assert_ne!(e.0, e.1, "{what}: zero-length edge {i}");
        for (j, f) in edges.iter().enumerate().skip(i + 2) {
            if i == 0 && j == n - 1 {
                continue;
            }
            assert!(
                !touch(*e, *f),
                "{what}: edges {i} and {j} meet: {e:?} {f:?}"
            );
        }
    }
}

fn bounds(contour: &[[f64; 2]]) -> [f64; 4] {
    contour.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        },
    )
}

fn perimeter(contour: &[[f64; 2]]) -> f64 {
    segments(contour)
        .map(|(a, b)| (b[0] - a[0]).hypot(b[1] - a[1]))
        .sum()
}

#[test]
fn every_outline_is_closed_simple_and_apart_from_the_others() {
    for params in cases(40, true) {
        let panels = finger_box(&params).unwrap();
        assert_eq!(panels.len(), if params.lid { 6 } else { 5 });
        for panel in &panels {
            let what = format!("{:?} of {params:?}", panel.name);
            assert_simple(&panel.outline, &what);
            assert_simple(&panel.cut, &format!("cut {what}"));
            let [x0, y0, x1, y1] = bounds(&panel.outline);
            assert_eq!(
                [x0, y0, x1, y1],
                [0.0, 0.0, panel.size[0], panel.size[1]],
                "{what}"
            );
            // Near the origin, nothing negative beyond the half kerf.
            let b = bounds(&panel.cut);
            assert!(
                b[0] >= -params.kerf && b[1] >= -params.kerf,
                "{what}: {b:?}"
            );
        }
        for (i, a) in panels.iter().enumerate() {
            for b in &panels[i + 1..] {
                let (p, q) = (bounds(&a.cut), bounds(&b.cut));
                let apart = p[2] + GAP_MM - GRID_SLACK_MM <= q[0]
                    || q[2] + GAP_MM - GRID_SLACK_MM <= p[0]
                    || p[3] + GAP_MM - GRID_SLACK_MM <= q[1]
                    || q[3] + GAP_MM - GRID_SLACK_MM <= p[1];
                assert!(apart, "{:?} and {:?} of {params:?} overlap", a.name, b.name);
            }
        }
    }
}

/// Material along a line `depth` inside `side` (0 bottom, 1 right, 2 top,
/// 3 left) of a panel of `size`, as intervals of the coordinate along the
/// side, clipped to `[lo, hi]`: read from the outline, not from the plan.
fn coverage(
    outline: &[[f64; 2]],
    size: [f64; 2],
    side: usize,
    depth: f64,
    lo: f64,
    hi: f64,
) -> Vec<(f64, f64)> {
    // (axis across the line, its value, axis along the line)
    let (across, value, along) = match side {
        0 => (1, depth, 0),
        1 => (0, size[0] - depth, 1),
        2 => (1, size[1] - depth, 0),
        _ => (0, depth, 1),
    };
    let mut crossings: Vec<f64> = segments(outline)
        .filter(|(a, b)| (a[across] < value) != (b[across] < value))
        .map(|(a, b)| {
            let f = (value - a[across]) / (b[across] - a[across]);
            a[along] + f * (b[along] - a[along])
        })
        .collect();
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks(2)
        .filter_map(|pair| match pair {
            [s, e] => Some((s.max(lo), e.min(hi))),
            _ => None,
        })
        .filter(|(s, e)| e > s)
        .collect()
}

/// The mating sides of the box: (panel, side, panel, side, inner length of
/// the edge). Both panels' frames run the same way along a shared edge.
pub(super) fn mating_edges(params: &BoxParams) -> Vec<(PanelName, usize, PanelName, usize, f64)> {
    use PanelName::*;
    let (w, d, h) = (params.width, params.depth, params.height);
    let mut edges = vec![
        (Bottom, 0, Front, 0, w),
        (Bottom, 2, Back, 0, w),
        (Bottom, 3, Left, 0, d),
        (Bottom, 1, Right, 0, d),
        (Front, 3, Left, 3, h),
        (Front, 1, Right, 3, h),
        (Back, 3, Left, 1, h),
        (Back, 1, Right, 1, h),
    ];
    if params.lid {
        edges.extend([
            (Lid, 0, Front, 2, w),
            (Lid, 2, Back, 2, w),
            (Lid, 3, Left, 2, d),
            (Lid, 1, Right, 2, d),
        ]);
    }
    edges
}

#[test]
fn mating_edges_are_complementary() {
    for params in cases(40, true) {
        let panels = finger_box(&params).unwrap();
        let panel = |name| panels.iter().find(|p| p.name == name).unwrap();
        let t = params.thickness;
        for (a, side_a, b, side_b, length) in mating_edges(&params) {
            let (lo, hi) = (t, t + length);
            let fingers_a = coverage(&panel(a).outline, panel(a).size, side_a, t / 2.0, lo, hi);
            let fingers_b = coverage(&panel(b).outline, panel(b).size, side_b, t / 2.0, lo, hi);
            let total = |f: &[(f64, f64)]| f.iter().map(|(s, e)| e - s).sum::<f64>();
            let what = format!("{a:?}/{b:?} of {params:?}");
            // The fingers of one are exactly the slots of the other: they
            // tile the edge without overlapping.
            let mut all: Vec<(f64, f64)> = fingers_a.iter().chain(&fingers_b).copied().collect();
            all.sort_by(|x, y| x.0.total_cmp(&y.0));
            // (The ends are computed as outer size minus the corners, which
            // may differ from `t + length` in the last bit.)
            assert!(
                all.first().is_some_and(|f| (f.0 - lo).abs() < 1e-9),
                "{what}"
            );
            assert!(
                all.last().is_some_and(|f| (f.1 - hi).abs() < 1e-9),
                "{what}"
            );
            // Exactly: both panels use the same breakpoints.
            assert!(all.windows(2).all(|p| p[0].1 == p[1].0), "{what}: {all:?}");
            let slots_b = length - total(&fingers_b);
            assert!((total(&fingers_a) - slots_b).abs() < 1e-9, "{what}");
            // The panel that owns the corners or the vertical ends has the
            // end fingers; an odd count, at least three, 2–3.2 sheets wide
            // (wider only for very short edges).
            let n = all.len();
            assert!(n % 2 == 1 && n >= 3, "{what}: {n} segments");
            assert_eq!(fingers_a.len(), n.div_ceil(2), "{what}");
            let width = length / n as f64;
            assert!(width > t && (n == 3 || width <= 3.2 * t), "{what}: {width}");
        }
    }
}

#[test]
fn areas_are_the_rectangle_minus_slots_plus_fingers_and_the_kerf_adds_half_a_kerf_all_round() {
    for params in cases(40, true) {
        let panels = finger_box(&params).unwrap();
        let t = params.thickness;
        let (w, d, h) = (params.width, params.depth, params.height);
        // Material a panel has along an edge of inner length `l` when it
        // owns the ends (n + 1) / 2 of n segments, else (n - 1) / 2.
        let fingers = |l: f64, ends: bool| {
            let n = segment_count(l, t) as f64;
            l / n
                * if ends {
                    (n + 1.0) / 2.0
                } else {
                    (n - 1.0) / 2.0
                }
                * t
        };
        let lid_edge = |l: f64| if params.lid { fingers(l, false) } else { 0.0 };
        for panel in &panels {
            let expected = match panel.name {
                // Full outer rectangle minus the slots, written as face +
                // corners + fingers so it reads the same way as the walls.
                PanelName::Bottom | PanelName::Lid => {
                    w * d + 4.0 * t * t + 2.0 * fingers(w, true) + 2.0 * fingers(d, true)
                }
                // Face + fingers on the bottom edge, the lid edge (if any)
                // and both vertical edges; without a lid the wall ends at
                // the top of its face.
                PanelName::Front | PanelName::Back => {
                    w * h + fingers(w, false) + lid_edge(w) + 2.0 * fingers(h, true)
                }
                PanelName::Left | PanelName::Right => {
                    d * h + fingers(d, false) + lid_edge(d) + 2.0 * fingers(h, false)
                }
            };
            let area = signed_area(&panel.outline);
            let what = format!("{:?} of {params:?}", panel.name);
            assert!(
                (area - expected).abs() < 1e-6 * expected,
                "{what}: {area} != {expected}"
            );
            // Mitred growth of a rectilinear outline by r: area + perimeter
            // × r + 4 r² (convex corners outnumber concave ones by four).
            let r = params.kerf / 2.0;
            let grown = area + perimeter(&panel.outline) * r + 4.0 * r * r;
            // The offset runs on i_overlay's grid: within 0.1 µm of the
            // half kerf all along the outline.
            let cut = signed_area(&panel.cut);
            let slack = 1e-4 * perimeter(&panel.outline);
            assert!((cut - grown).abs() < slack, "{what}: {cut} != {grown}");
        }
    }
}

#[test]
fn the_open_box_wall_fingers_reach_the_top_edge() {
    // Without a lid the vertical edges run to the top: the front owns the
    // top segment, so its top edge is straight and full width.
    let params = BoxParams {
        width: 80.0,
        depth: 60.0,
        height: 40.0,
        thickness: 3.0,
        kerf: 0.0,
        lid: false,
    };
    let panels = finger_box(&params).unwrap();
    let front = panels.iter().find(|p| p.name == PanelName::Front).unwrap();
    let [a, b] = front.size;
    assert_eq!(b, 43.0);
    assert!(front.outline.contains(&[0.0, b]) && front.outline.contains(&[a, b]));
    assert!(panels.iter().all(|p| p.name != PanelName::Lid));
}

#[test]
fn kerf_zero_cuts_the_exact_outline_where_it_lies() {
    for params in cases(5, false) {
        for panel in finger_box(&params).unwrap() {
            let moved: Vec<[f64; 2]> = panel
                .outline
                .iter()
                .map(|p| [p[0] + panel.position[0], p[1] + panel.position[1]])
                .collect();
            assert_eq!(panel.cut.len(), moved.len());
            for p in &panel.cut {
                let near = moved
                    .iter()
                    .any(|q| (p[0] - q[0]).abs() < 1e-4 && (p[1] - q[1]).abs() < 1e-4);
                assert!(near, "{:?}: {p:?}", panel.name);
            }
        }
    }
}

#[test]
fn nonsense_gives_an_error_not_a_panic() {
    let good = BoxParams {
        width: 80.0,
        depth: 60.0,
        height: 40.0,
        thickness: 3.0,
        kerf: 0.15,
        lid: true,
    };
    for bad in [
        BoxParams {
            thickness: 50.0,
            ..good
        },
        BoxParams {
            width: f64::NAN,
            ..good
        },
        BoxParams { kerf: 5.0, ..good },
        BoxParams {
            height: -1.0,
            ..good
        },
        BoxParams { depth: 1e9, ..good },
    ] {
        assert!(finger_box(&bad).is_err(), "{bad:?}");
    }
    // The largest box in the thinnest sheet is refused or built, quickly.
    let big = BoxParams {
        width: 2000.0,
        depth: 2000.0,
        height: 2000.0,
        thickness: 0.5,
        kerf: 0.1,
        lid: true,
    };
    let panels = finger_box(&big).unwrap();
    assert_eq!(panels.len(), 6);
}
