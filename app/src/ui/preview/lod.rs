//! Level of detail for the 3D preview: a coarse copy of a big solid, drawn
//! while the user orbits, pans or zooms, so the view follows the mouse on
//! an old laptop's software OpenGL. The full solid is drawn again once the
//! view has been still for a moment (see `preview::SETTLE`).
//!
//! The coarse copy is made by vertex clustering: space is cut into cubes of
//! one size, every vertex moves to the mean of its cube's vertices, and
//! triangles that collapse are dropped. It keeps the silhouette within a
//! cube's size and costs one pass over the mesh, so it is made once per
//! solid, on the worker thread that extruded it.
//!
//! Current limitations: the copy is for looking only (not closed, and thin
//! walls thinner than a cube collapse onto one side); the cube size is
//! uniform, so a big flat plate and fine raised letters lose detail alike.

use std::collections::{HashMap, HashSet};

use geometry::Mesh;

/// Solids up to this many triangles are drawn whole even while moving:
/// llvmpipe draws them in a few milliseconds.
pub const DETAILED_TRIANGLES: usize = 30_000;

/// Triangles aimed at in the coarse copy: sorted and drawn in well under
/// the 16 ms of a smooth frame on software rendering.
const COARSE_TARGET: usize = 16_000;

/// Tries with cubes this many times larger each round until the copy is
/// small enough.
const GROWTH: f64 = 1.5;

/// A coarse copy of `meshes` (one mesh), or `None` when they are small
/// enough to draw whole or have no usable surface.
pub fn coarse(meshes: &[Mesh]) -> Option<Mesh> {
    let total: usize = meshes.iter().map(|m| m.triangles.len()).sum();
    if total <= DETAILED_TRIANGLES {
        return None;
    }
    let area: f64 = meshes.iter().map(surface_area).sum();
    if !(area.is_finite() && area > 0.0) {
        return None;
    }
    // A closed surface has about two triangles per vertex, and each cube
    // the surface crosses gives one vertex covering about a cube's face.
    let mut cube = (area / (COARSE_TARGET as f64 / 2.0)).sqrt();
    for _ in 0..8 {
        let mesh = cluster(meshes, cube);
        if mesh.triangles.len() <= COARSE_TARGET * 3 / 2 {
            return Some(mesh);
        }
        cube *= GROWTH;
    }
    None
}

fn surface_area(mesh: &Mesh) -> f64 {
    mesh.triangles
        .iter()
        .filter_map(|t| {
            let [a, b, c] = t.map(|i| mesh.vertices.get(i as usize).copied());
            let (a, b, c) = (a?, b?, c?);
            let u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
            let v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
            let n = [
                u[1] * v[2] - u[2] * v[1],
                u[2] * v[0] - u[0] * v[2],
                u[0] * v[1] - u[1] * v[0],
            ];
            Some((n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt() / 2.0)
        })
        .sum()
}

/// Every vertex moved to the mean of its cube of side `cube` mm.
fn cluster(meshes: &[Mesh], cube: f64) -> Mesh {
    let mut cells: HashMap<[i64; 3], u32> = HashMap::new();
    let mut sums: Vec<([f64; 3], f64)> = Vec::new();
    let mut seen: HashSet<[u32; 3]> = HashSet::new();
    let mut out = Mesh::default();
    for mesh in meshes {
        let map: Vec<u32> = mesh
            .vertices
            .iter()
            .map(|v| {
                // Saturating casts: a stray NaN lands in cube 0, never panics.
                let key = v.map(|x| (x / cube).floor() as i64);
                let index = *cells.entry(key).or_insert_with(|| {
                    sums.push(([0.0; 3], 0.0));
                    (sums.len() - 1) as u32
                });
                if let Some((sum, count)) = sums.get_mut(index as usize) {
                    for k in 0..3 {
                        sum[k] += v[k];
                    }
                    *count += 1.0;
                }
                index
            })
            .collect();
        for t in &mesh.triangles {
            let [Some(&a), Some(&b), Some(&c)] = t.map(|i| map.get(i as usize)) else {
                continue;
            };
            if a == b || b == c || a == c {
                continue;
            }
            // The same triangle from several originals is drawn once; the
            // rotation keeps its orientation (and so its facing).
            let canonical = if a < b && a < c {
                [a, b, c]
            } else if b < c {
                [b, c, a]
            } else {
                [c, a, b]
            };
            if seen.insert(canonical) {
                out.triangles.push([a, b, c]);
            }
        }
    }
    out.vertices = sums
        .iter()
        .map(|(sum, count)| sum.map(|s| s / count.max(1.0)))
        .collect();
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// A closed UV sphere of radius 40 mm with `2 * slices * (stacks - 1)` triangles.
    fn sphere(stacks: u32, slices: u32) -> Mesh {
        let r = 40.0;
        let mut mesh = Mesh::default();
        mesh.vertices.push([0.0, 0.0, r]);
        for i in 1..stacks {
            let phi = std::f64::consts::PI * f64::from(i) / f64::from(stacks);
            for j in 0..slices {
                let theta = std::f64::consts::TAU * f64::from(j) / f64::from(slices);
                mesh.vertices.push([
                    r * phi.sin() * theta.cos(),
                    r * phi.sin() * theta.sin(),
                    r * phi.cos(),
                ]);
            }
        }
        let bottom = mesh.vertices.len() as u32;
        mesh.vertices.push([0.0, 0.0, -r]);
        let ring = |i: u32, j: u32| 1 + (i - 1) * slices + j % slices;
        for j in 0..slices {
            mesh.triangles.push([0, ring(1, j), ring(1, j + 1)]);
            mesh.triangles
                .push([bottom, ring(stacks - 1, j + 1), ring(stacks - 1, j)]);
        }
        for i in 1..stacks - 1 {
            for j in 0..slices {
                let (a, b, c, d) = (
                    ring(i, j),
                    ring(i, j + 1),
                    ring(i + 1, j),
                    ring(i + 1, j + 1),
                );
                mesh.triangles.push([a, c, d]);
                mesh.triangles.push([a, d, b]);
            }
        }
        mesh
    }

    #[test]
    fn small_solids_are_drawn_whole() {
        assert!(coarse(&[sphere(20, 40)]).is_none());
        assert!(coarse(&[]).is_none());
    }

    #[test]
    fn a_200k_triangle_sphere_becomes_a_few_thousand_with_its_shape() {
        let full = sphere(251, 400);
        assert!(full.triangles.len() > 190_000);
        let copy = coarse(std::slice::from_ref(&full)).unwrap();
        let n = copy.triangles.len();
        assert!(
            (2_000..=COARSE_TARGET * 3 / 2).contains(&n),
            "{n} triangles"
        );
        let (lo, hi) = copy.bounds().unwrap();
        for k in 0..3 {
            assert!((hi[k] - lo[k] - 80.0).abs() < 4.0, "{lo:?} {hi:?}");
        }
        // Facing is kept: the copy still encloses a positive volume.
        let ratio = copy.signed_volume() / full.signed_volume();
        assert!((0.9..=1.01).contains(&ratio), "volume ratio {ratio}");
    }
}
