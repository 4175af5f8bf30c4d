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
        regions.push(separate_pinches(
            &solid.difference(&holes).without_slivers(1e-5),
        ));
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

/// Radius of the hair removed around a point where contours touch, mm:
/// far above the boolean grid (30 nm), far below anything a printer makes.
pub const PINCH_SEPARATION_MM: f64 = 1e-3;

/// Where contours touch at a single point (star tips meeting, squares
/// touching at a corner, a hole touching the border), the extruded walls
/// would share one vertical edge between four faces: a non-manifold edge
/// that slicers reject. A tiny octagon is cut out around each such point, so
/// the pieces of material meeting there keep a hair's gap and each closes
/// on its own. The boolean runs on the same grid as everything else, so the
/// result stays exact.
fn separate_pinches(region: &Region) -> Region {
    use std::collections::HashMap;
    let mut count: HashMap<[u64; 2], usize> = HashMap::new();
    for contour in region.contours() {
        for p in contour {
            *count.entry(p.map(f64::to_bits)).or_default() += 1;
        }
    }
    let pinches: Vec<Contour> = count
        .iter()
        .filter(|&(_, &n)| n >= 2)
        .map(|(bits, _)| {
            let c = bits.map(f64::from_bits);
            (0..8)
                .map(|i| {
                    let a = std::f64::consts::TAU * f64::from(i) / 8.0;
                    [
                        c[0] + PINCH_SEPARATION_MM * a.cos(),
                        c[1] + PINCH_SEPARATION_MM * a.sin(),
                    ]
                })
                .collect()
        })
        .collect();
    if pinches.is_empty() {
        return region.clone();
    }
    region.difference(&Region::from_contours(
        &pinches,
        crate::region::FillRule::NonZero,
    ))
}
