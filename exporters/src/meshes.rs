//! Checks shared by the 3D writers before they write a byte, so that a
//! broken mesh gives an error instead of a panic or a corrupt file.

use geometry::Mesh;

use crate::error::{ExportError, MeshProblem};
use crate::save::Format;

/// Checks that every index is in range and every vertex finite, and that
/// there is at least one triangle in all.
pub(crate) fn check_meshes(meshes: &[Mesh], format: Format) -> Result<(), ExportError> {
    for (part, mesh) in meshes.iter().enumerate() {
        let invalid = |problem| ExportError::InvalidMesh { part, problem };
        if let Some(vertex) = mesh
            .vertices
            .iter()
            .position(|v| !v.iter().all(|c| c.is_finite()))
        {
            return Err(invalid(MeshProblem::NonFiniteVertex { vertex }));
        }
        for (triangle, t) in mesh.triangles.iter().enumerate() {
            if let Some(&index) = t.iter().find(|&&i| i as usize >= mesh.vertices.len()) {
                return Err(invalid(MeshProblem::IndexOutOfRange { triangle, index }));
            }
        }
    }
    if meshes.iter().all(|m| m.triangles.is_empty()) {
        return Err(ExportError::NothingToExport { format });
    }
    Ok(())
}

/// The corners of triangle `t` of `mesh`; only call after [`check_meshes`].
pub(crate) fn corners(mesh: &Mesh, t: [u32; 3]) -> [[f64; 3]; 3] {
    t.map(|i| mesh.vertices.get(i as usize).copied().unwrap_or_default())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod fixtures {
    use geometry::Mesh;

    /// An axis-aligned cube of side `side` with its lower corner at `origin`,
    /// 12 triangles facing outward.
    pub(crate) fn cube(origin: [f64; 3], side: f64) -> Mesh {
        let [x, y, z] = origin;
        let s = side;
        let vertices = vec![
            [x, y, z],
            [x + s, y, z],
            [x + s, y + s, z],
            [x, y + s, z],
            [x, y, z + s],
            [x + s, y, z + s],
            [x + s, y + s, z + s],
            [x, y + s, z + s],
        ];
        let quads = [
            [0, 3, 2, 1], // bottom, seen from below
            [4, 5, 6, 7], // top
            [0, 1, 5, 4], // front (y = min)
            [1, 2, 6, 5], // right
            [2, 3, 7, 6], // back
            [3, 0, 4, 7], // left
        ];
        let triangles = quads
            .iter()
            .flat_map(|q| [[q[0], q[1], q[2]], [q[0], q[2], q[3]]])
            .collect();
        Mesh {
            vertices,
            triangles,
        }
    }

    /// The unit right tetrahedron (volume 1/6), facing outward.
    pub(crate) fn tetrahedron() -> Mesh {
        Mesh {
            vertices: vec![
                [0.0, 0.0, 0.0],
                [1.0, 0.0, 0.0],
                [0.0, 1.0, 0.0],
                [0.0, 0.0, 1.0],
            ],
            triangles: vec![[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]],
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::fixtures::cube;
    use super::*;

    #[test]
    fn fixtures_are_closed_and_outward() {
        let c = cube([1.0, 2.0, 3.0], 20.0);
        assert!(c.defects().is_clean());
        assert!((c.signed_volume() - 8000.0).abs() < 1e-9);
        let t = super::fixtures::tetrahedron();
        assert!(t.defects().is_clean());
    }

    #[test]
    fn broken_meshes_are_rejected() {
        let mut bad_index = cube([0.0; 3], 1.0);
        bad_index.triangles[3] = [0, 1, 8];
        assert!(matches!(
            check_meshes(&[cube([0.0; 3], 1.0), bad_index], Format::Stl),
            Err(ExportError::InvalidMesh {
                part: 1,
                problem: MeshProblem::IndexOutOfRange {
                    triangle: 3,
                    index: 8
                }
            })
        ));
        let mut nan = cube([0.0; 3], 1.0);
        nan.vertices[2][1] = f64::NAN;
        assert!(matches!(
            check_meshes(&[nan], Format::ThreeMf),
            Err(ExportError::InvalidMesh {
                problem: MeshProblem::NonFiniteVertex { vertex: 2 },
                ..
            })
        ));
        assert!(matches!(
            check_meshes(&[Mesh::default()], Format::Stl),
            Err(ExportError::NothingToExport {
                format: Format::Stl
            })
        ));
    }
}
