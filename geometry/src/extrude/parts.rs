//! Splitting a mesh into parts: sets of triangles connected through shared
//! vertices, each a separate solid (a 3MF object, a separate print piece).

use crate::mesh::Mesh;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// The connected parts of `mesh`, each with its own compact vertex list,
/// ordered by their first triangle.
pub(crate) fn split(mesh: Mesh) -> Vec<Mesh> {
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
