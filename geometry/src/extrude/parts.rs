//! Splitting a mesh into parts: sets of triangles connected through shared
//! vertices, each a separate solid (a 3MF object, a separate print piece).
//! A closed cavity (a sunk hole roofed over by a raised shape) is a shell
//! of its own facing inward; it goes with the part around it, so every
//! part has a positive volume.
//!
//! Current limitations: the part around a cavity is the smallest one whose
//! box holds the cavity's box, which is right for every design we make
//! (one plate) but could pick a wrong part for parts nested in each other's
//! boxes without touching.

use crate::mesh::Mesh;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// The parts of `mesh` (see the module doc), ordered by their first
/// triangle.
pub(crate) fn split(mesh: Mesh) -> Vec<Mesh> {
    let shells = connected(mesh);
    let volumes: Vec<f64> = shells.iter().map(Mesh::signed_volume).collect();
    if volumes.iter().all(|&v| v >= 0.0) {
        return shells;
    }
    let bounds: Vec<_> = shells.iter().map(Mesh::bounds).collect();
    let holds = |outer: usize, inner: usize| match (bounds[outer], bounds[inner]) {
        (Some((lo, hi)), Some((a, b))) => (0..3).all(|k| lo[k] <= a[k] && b[k] <= hi[k]),
        _ => false,
    };
    let size = |i: usize| {
        bounds[i].map_or(f64::INFINITY, |(lo, hi)| {
            (0..3).map(|k| hi[k] - lo[k]).product()
        })
    };
    let mut target: Vec<usize> = (0..shells.len()).collect();
    for (i, &v) in volumes.iter().enumerate() {
        if v < 0.0 {
            let around = (0..shells.len())
                .filter(|&j| volumes[j] > 0.0 && holds(j, i))
                .min_by(|&a, &b| size(a).total_cmp(&size(b)));
            if let Some(j) = around {
                target[i] = j;
            }
        }
    }
    let mut parts: Vec<Option<Mesh>> = shells.into_iter().map(Some).collect();
    for i in 0..parts.len() {
        if target[i] != i
            && let Some(cavity) = parts[i].take()
            && let Some(part) = parts[target[i]].as_mut()
        {
            part.append(&cavity);
        }
    }
    parts.into_iter().flatten().collect()
}

/// The connected pieces of `mesh`, each with its own compact vertex list,
/// ordered by their first triangle.
fn connected(mesh: Mesh) -> Vec<Mesh> {
    let mut parent: Vec<u32> = (0..mesh.vertices.len() as u32).collect();
    for t in &mesh.triangles {
        let r0 = find(&mut parent, t[0]);
        for &v in &t[1..] {
            let r = find(&mut parent, v);
            if r != r0 {
                parent[r as usize] = r0;
            }
        }
    }
    let mut part_of_root: Vec<u32> = vec![u32::MAX; mesh.vertices.len()];
    let mut parts: Vec<Mesh> = Vec::new();
    let mut new_index: Vec<u32> = vec![u32::MAX; mesh.vertices.len()];
    for t in &mesh.triangles {
        let root = find(&mut parent, t[0]) as usize;
        if part_of_root[root] == u32::MAX {
            part_of_root[root] = parts.len() as u32;
            parts.push(Mesh::default());
        }
        let part = &mut parts[part_of_root[root] as usize];
        let tri = t.map(|v| {
            let slot = &mut new_index[v as usize];
            if *slot == u32::MAX {
                *slot = part.vertices.len() as u32;
                part.vertices.push(mesh.vertices[v as usize]);
            }
            *slot
        });
        part.triangles.push(tri);
    }
    parts
}
