//! From shapes with heights to horizontal slabs: between two consecutive
//! heights where something starts or stops, the solid is one 2D region
//! (solids covering that slab, minus holes covering it) extruded straight.

use crate::document::Document;
use crate::outline::shape_region;
use crate::region::{Contour, Region};

use super::ExtrudeError;

/// Largest height or base accepted, mm: no printer is taller than a metre,
/// and beyond this a typo (3000 for 3.000) only makes meshes absurd.
pub const MAX_Z_MM: f64 = 1000.0;

/// A prism contributed by one shape.
struct Prism {
    region: Region,
    bottom: f64,
    top: f64,
    hole: bool,
}

/// The solid as a stack: `levels[k]` to `levels[k + 1]` is filled by `regions[k]`.
pub(crate) struct Slabs {
    pub levels: Vec<f64>,
    pub regions: Vec<Region>,
}

fn prisms(document: &Document, tolerance_mm: f64) -> Result<Vec<Prism>, ExtrudeError> {
    let mut prisms = Vec::new();
    for shape in document.shapes.iter().filter(|s| s.is_filled()) {
        let e = shape.extrusion;
        for value in [e.height, e.base] {
            if !value.is_finite() || value.abs() > MAX_Z_MM {
                return Err(ExtrudeError::InvalidHeight {
                    shape_id: shape.id.0,
                    value,
                });
            }
        }
        if e.height <= 0.0 {
            continue;
        }
        let region = shape_region(shape, tolerance_mm);
        if region.is_empty() {
            continue;
        }
        prisms.push(Prism {
            region,
            bottom: e.base,
            top: e.base + e.height,
            hole: e.hole,
        });
    }
    Ok(prisms)
}

/// Splits the document's prisms into slabs; empty slabs at the bottom and
/// top are dropped.
pub(crate) fn slabs(document: &Document, tolerance_mm: f64) -> Result<Slabs, ExtrudeError> {
    let prisms = prisms(document, tolerance_mm)?;
    let mut levels: Vec<f64> = prisms.iter().flat_map(|p| [p.bottom, p.top]).collect();
    levels.sort_by(f64::total_cmp);
    levels.dedup_by(|a, b| (*a - *b).abs() < crate::approx::EPSILON_MM);
    let mut regions = Vec::new();
    for pair in levels.windows(2) {
        let middle = (pair[0] + pair[1]) / 2.0;
        let covering = |hole: bool| {
            prisms
                .iter()
                .filter(move |p| p.hole == hole && p.bottom < middle && middle < p.top)
                .map(|p| &p.region)
        };
        let solid = Region::union_all(covering(false));
        let holes = Region::union_all(covering(true));
        regions.push(separate_pinches(&solid.difference(&holes)));
    }
    // Drop empty slabs at both ends so the stack starts and ends with material.
    while regions.first().is_some_and(Region::is_empty) {
        regions.remove(0);
        levels.remove(0);
    }
    while regions.last().is_some_and(Region::is_empty) {
        regions.pop();
        levels.pop();
    }
    if regions.is_empty() {
        return Err(ExtrudeError::NothingToExtrude);
    }
    levels.truncate(regions.len() + 1);
    Ok(Slabs { levels, regions })
}

/// How far apart two corners that touch at one point are pushed, mm: far
/// above the boolean grid (about a micrometre), far below anything a
/// printer can make.
pub const PINCH_SEPARATION_MM: f64 = 1e-3;

/// Where contours touch at a single point (star tips meeting, squares
/// touching at a corner, a hole touching the border), the extruded walls
/// would share one vertical edge between four faces: a non-manifold edge
/// that slicers reject. Each such corner is moved a hair into its own
/// material so the solids touch without sharing an edge.
fn separate_pinches(region: &Region) -> Region {
    use std::collections::HashMap;
    let mut count: HashMap<[u64; 2], usize> = HashMap::new();
    for p in region.contours().flatten() {
        *count.entry(p.map(f64::to_bits)).or_default() += 1;
    }
    if count.values().all(|&n| n < 2) {
        return region.clone();
    }
    let polygons = region
        .polygons
        .iter()
        .map(|polygon| polygon.iter().map(|c| nudge_contour(c, &count)).collect())
        .collect();
    Region { polygons }
}

fn nudge_contour(contour: &Contour, count: &std::collections::HashMap<[u64; 2], usize>) -> Contour {
    let n = contour.len();
    (0..n)
        .map(|i| {
            let v = contour[i];
            if count.get(&v.map(f64::to_bits)).copied().unwrap_or(0) < 2 {
                return v;
            }
            let p = contour[(i + n - 1) % n];
            let q = contour[(i + 1) % n];
            let unit = |a: [f64; 2]| {
                let l = (a[0] * a[0] + a[1] * a[1]).sqrt();
                if l > 0.0 {
                    [a[0] / l, a[1] / l]
                } else {
                    [0.0, 0.0]
                }
            };
            let u1 = unit([p[0] - v[0], p[1] - v[1]]);
            let u2 = unit([q[0] - v[0], q[1] - v[1]]);
            let mut d = unit([u1[0] + u2[0], u1[1] + u2[1]]);
            // Material is on the left of p → v → q: a left turn is a convex
            // corner, whose bisector points into the material.
            let turn = (v[0] - p[0]) * (q[1] - v[1]) - (v[1] - p[1]) * (q[0] - v[0]);
            if turn < 0.0 {
                d = [-d[0], -d[1]];
            }
            [
                v[0] + d[0] * PINCH_SEPARATION_MM,
                v[1] + d[1] * PINCH_SEPARATION_MM,
            ]
        })
        .collect()
}
