//! The common case, fast: one slab (every shape the same height, no holes
//! part-way) is a straight prism. Each contour point gets its two vertices
//! once, with no lookups; the bottom is triangulated once and the top reuses
//! those triangles, flipped.

use crate::mesh::Mesh;
use crate::region::Region;

use super::ExtrudeError;
use super::cap;
use super::pool::VertexPool;

/// The closed prism of `region` from `z0` to `z1`.
pub(crate) fn prism(region: &Region, z0: f64, z1: f64) -> Result<Mesh, ExtrudeError> {
    let points: usize = region.contours().map(Vec::len).sum();
    let mut pool = VertexPool::new(false, points * 2);
    let mut triangles: Vec<[u32; 3]> = Vec::with_capacity(points * 4);
    for polygon in &region.polygons {
        // Bottom vertices of the polygon are [start, start + m), their tops
        // [start + m, start + 2m): the top of vertex i is i + m.
        let start = pool.vertices.len() as u32;
        let m: u32 = polygon.iter().map(|c| c.len() as u32).sum();
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
        let end = start + m;
        if bottom.iter().flatten().all(|&i| (start..end).contains(&i)) {
            triangles.extend(bottom.iter().map(|&[a, b, c]| [a + m, c + m, b + m]));
            triangles.extend(bottom);
        } else {
            // lyon added a vertex of its own (nearly touching edges): do
            // the top on its own rather than guess its twin.
            triangles.extend(bottom);
            let tops: Vec<Vec<u32>> = bottoms
                .iter()
                .map(|ids| ids.iter().map(|&i| i + m).collect())
                .collect();
            cap::triangulate(&tops, z1, true, &mut pool, &mut triangles)
                .map_err(|_| ExtrudeError::Triangulation { z: z1 })?;
        }
    }
    Ok(Mesh {
        vertices: pool.vertices,
        triangles,
    })
}
