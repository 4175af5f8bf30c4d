//! The common case, fast: one slab (every shape the same height, no holes
//! part-way) is a straight prism. Each contour point gets its two vertices
//! once, with no lookups; the bottom is triangulated once and the top reuses
//! those triangles, flipped; each polygon is its own part, so no search for
//! connected pieces is needed.

use crate::mesh::Mesh;
use crate::region::{Polygon, Region};

use super::ExtrudeError;
use super::cap;
use super::pool::VertexPool;

/// The closed prism of `region` from `z0` to `z1`, one mesh per polygon:
/// the polygons of a region are disjoint (touching corners were separated
/// before), so each is a part of its own. Large drawings are shared out
/// over the machine's cores, in order.
pub(crate) fn prism(region: &Region, z0: f64, z1: f64) -> Result<Vec<Mesh>, ExtrudeError> {
    let polygons = &region.polygons;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    let points: usize = region.contours().map(Vec::len).sum();
    // Below this many points a thread costs more than it saves.
    if threads < 2 || points < 20_000 {
        return polygons.iter().map(|p| polygon_prism(p, z0, z1)).collect();
    }
    let chunk = polygons.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<Mesh>, ExtrudeError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = polygons
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|p| polygon_prism(p, z0, z1)).collect())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or(Err(ExtrudeError::Triangulation { z: z0 }))
            })
            .collect()
    });
    let mut meshes = Vec::with_capacity(polygons.len());
    for result in results {
        meshes.extend(result?);
    }
    Ok(meshes)
}

fn polygon_prism(polygon: &Polygon, z0: f64, z1: f64) -> Result<Mesh, ExtrudeError> {
    let m: u32 = polygon.iter().map(|c| c.len() as u32).sum();
    let mut pool = VertexPool::new(false, 2 * m as usize);
    let mut triangles: Vec<[u32; 3]> = Vec::with_capacity(4 * m as usize);
    // Bottom vertices are [0, m), their tops [m, 2m): the top of vertex i
    // is i + m.
    let mut bottoms: Vec<Vec<u32>> = Vec::with_capacity(polygon.len());
    for contour in polygon {
        bottoms.push(
            contour
                .iter()
                .map(|p| pool.push([p[0], p[1], z0]))
                .collect(),
        );
    }
    for contour in polygon {
        for p in contour {
            pool.push([p[0], p[1], z1]);
        }
    }
    for ids in &bottoms {
        let n = ids.len();
        for i in 0..n {
            let (a, b) = (ids[i], ids[(i + 1) % n]);
            // a0 → b0 → b1 → a1 faces outward (material left of a → b).
            triangles.push([a, b, b + m]);
            triangles.push([a, b + m, a + m]);
        }
    }
    let mut bottom = Vec::new();
    cap::triangulate(&bottoms, z0, false, &mut pool, &mut bottom)
        .map_err(|_| ExtrudeError::Triangulation { z: z0 })?;
    if bottom.iter().flatten().all(|&i| i < m) {
        triangles.extend(bottom.iter().map(|&[a, b, c]| [a + m, c + m, b + m]));
        triangles.extend(bottom);
    } else {
        // lyon added a vertex of its own (nearly touching edges): do the
        // top on its own rather than guess its twin.
        triangles.extend(bottom);
        let tops: Vec<Vec<u32>> = bottoms
            .iter()
            .map(|ids| ids.iter().map(|&i| i + m).collect())
            .collect();
        cap::triangulate(&tops, z1, true, &mut pool, &mut triangles)
            .map_err(|_| ExtrudeError::Triangulation { z: z1 })?;
    }
    Ok(Mesh {
        vertices: pool.vertices,
        triangles,
    })
}
