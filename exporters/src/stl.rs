//! Binary STL, through `stl_io`: the format every slicer reads.
//!
//! STL has no units; every slicer assumes millimetres, which is what we
//! write. All parts go into one file (STL has no notion of objects: the
//! slicer splits them again if asked). Normals are computed per triangle
//! from its corners (right-hand rule, so outward for outward-facing
//! triangles); slicers recompute them anyway, but some viewers use them.
//!
//! Current limitations: coordinates are single precision, as the format
//! demands (0.1 µm at 1 m: nothing a printer can show).

use std::io::Write;

use geometry::Mesh;
use stl_io::{Normal, Triangle, Vertex};

use crate::error::ExportError;
use crate::meshes::{check_meshes, corners};
use crate::save::Format;

/// Writes every triangle of `meshes` as one binary STL, in mm.
///
/// Fails before writing anything when the meshes are unusable
/// ([`ExportError::InvalidMesh`]) or hold no triangle.
pub fn write_stl(meshes: &[Mesh], mut out: impl Write) -> Result<(), ExportError> {
    check_meshes(meshes, Format::Stl)?;
    // Triangles are made one at a time as stl_io writes them: a list of
    // 200,000 of them first would only cost time and memory.
    let count = meshes.iter().map(|m| m.triangles.len()).sum();
    let triangles = meshes.iter().flat_map(|mesh| {
        mesh.triangles
            .iter()
            .map(|&t| stl_triangle(corners(mesh, t)))
    });
    stl_io::write_stl(
        &mut out,
        Counted {
            inner: triangles,
            left: count,
        },
    )
    .map_err(|e| ExportError::io(&e))?;
    out.flush().map_err(|e| ExportError::io(&e))
}

/// An iterator that knows its length in advance (stl_io writes the count
/// before the triangles).
struct Counted<I> {
    inner: I,
    left: usize,
}

impl<I: Iterator<Item = Triangle>> Iterator for Counted<I> {
    type Item = Triangle;

    fn next(&mut self) -> Option<Triangle> {
        let next = self.inner.next()?;
        self.left = self.left.saturating_sub(1);
        Some(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<I: Iterator<Item = Triangle>> ExactSizeIterator for Counted<I> {}

fn stl_triangle(corners: [[f64; 3]; 3]) -> Triangle {
    let [a, b, c] = corners;
    let u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    let v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    let n = [
        u[1] * v[2] - u[2] * v[1],
        u[2] * v[0] - u[0] * v[2],
        u[0] * v[1] - u[1] * v[0],
    ];
    let length = (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt();
    // A degenerate triangle has no direction: STL's convention is a zero normal.
    let normal = if length > 0.0 {
        n.map(|x| (x / length) as f32)
    } else {
        [0.0; 3]
    };
    Triangle {
        normal: Normal::new(normal),
        vertices: corners.map(|p| Vertex::new(p.map(|x| x as f32))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::meshes::fixtures::{cube, tetrahedron};
    use std::io::Cursor;

    fn volume(mesh: &stl_io::IndexedMesh) -> f64 {
        mesh.faces
            .iter()
            .map(|f| {
                let [a, b, c] = f.vertices.map(|i| mesh.vertices[i].0.map(f64::from));
                (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                    + a[2] * (b[0] * c[1] - b[1] * c[0]))
                    / 6.0
            })
            .sum()
    }

    #[test]
    fn cube_and_tetrahedron_read_back_closed_with_their_volume() {
        let meshes = [cube([10.0, 0.0, 0.0], 20.0), tetrahedron()];
        let mut bytes = Vec::new();
        write_stl(&meshes, &mut bytes).unwrap();
        assert_eq!(bytes.len(), 84 + 50 * 16);
        let back = stl_io::read_stl(&mut Cursor::new(&bytes)).unwrap();
        assert_eq!(back.faces.len(), 16);
        assert_eq!(back.vertices.len(), 8 + 4);
        back.validate().unwrap();
        assert!((volume(&back) - (8000.0 + 1.0 / 6.0)).abs() < 1e-3);
        // Normals point out: the bottom of the cube faces down.
        let bottom = back.faces[0].normal.0;
        assert_eq!(bottom, [0.0, 0.0, -1.0]);
    }

    #[test]
    fn nothing_to_write_is_an_error_and_writes_nothing() {
        let mut bytes = Vec::new();
        let result = write_stl(&[], &mut bytes);
        assert!(matches!(result, Err(ExportError::NothingToExport { .. })));
        assert!(bytes.is_empty());
    }

    #[test]
    fn degenerate_triangles_get_a_zero_normal() {
        let t = stl_triangle([[0.0; 3], [1.0, 0.0, 0.0], [2.0, 0.0, 0.0]]);
        assert_eq!(t.normal.0, [0.0; 3]);
    }
}
