//! A cap triangulated with exact predicates, for the rare caps where lyon
//! leaves flat triangles that flips cannot remove.
//!
//! lyon sweeps in `f32` and, where many vertices of different contours lie
//! on one line (the baseline of "ATELIER" cut through a plate), fills that
//! line with a fan of triangles of zero area that only meet each other. A
//! constrained Delaunay triangulation (spade, exact predicates) of the
//! same contour vertices and edges never has three corners on one line.
//! It is slower than lyon, so only such caps take it.

use spade::handles::FixedFaceHandle;
use spade::handles::InnerTag;
use spade::{ConstrainedDelaunayTriangulation, Point2, Triangulation};

use super::cap::IndexContour;
use super::pool::VertexPool;

/// The triangles (pool indices, counter-clockwise seen from above) filling
/// `contours` under the even-odd rule, the contours' edges kept; `None`
/// when the contours cannot be triangulated as they are (a repeated
/// vertex, crossing edges).
pub(crate) fn triangulate(contours: &[IndexContour], pool: &VertexPool) -> Option<Vec<[u32; 3]>> {
    let mut ids: Vec<u32> = Vec::new();
    let mut points: Vec<Point2<f64>> = Vec::new();
    let mut constraints: Vec<[usize; 2]> = Vec::new();
    for contour in contours.iter().filter(|c| c.len() >= 3) {
        let start = ids.len();
        for (k, &i) in contour.iter().enumerate() {
            let p = pool.vertices.get(i as usize)?;
            ids.push(i);
            points.push(Point2::new(p[0], p[1]));
            let next = if k + 1 == contour.len() {
                start
            } else {
                ids.len()
            };
            constraints.push([ids.len() - 1, next]);
        }
    }
    let mut conflict = false;
    let cdt: ConstrainedDelaunayTriangulation<Point2<f64>> =
        ConstrainedDelaunayTriangulation::try_bulk_load_cdt(points, constraints, |_| {
            conflict = true;
        })
        .ok()?;
    if conflict || cdt.num_vertices() != ids.len() {
        return None;
    }
    // Even-odd fill: walk in from the convex hull, each contour edge
    // crossed toggling inside and outside.
    let mut inside: Vec<Option<bool>> = vec![None; cdt.num_all_faces()];
    let mut stack: Vec<(FixedFaceHandle<InnerTag>, bool)> = Vec::new();
    for edge in cdt.convex_hull() {
        let edge = if edge.face().as_inner().is_none() {
            edge
        } else {
            edge.rev()
        };
        if let Some(face) = edge.rev().face().as_inner() {
            stack.push((
                face.fix(),
                cdt.is_constraint_edge(edge.as_undirected().fix()),
            ));
        }
    }
    while let Some((face, state)) = stack.pop() {
        let slot = &mut inside[face.index()];
        match *slot {
            Some(known) if known == state => continue,
            // The walk reached a face both inside and outside: the
            // contours are not a clean region.
            Some(_) => return None,
            None => *slot = Some(state),
        }
        for edge in cdt.face(face).adjacent_edges() {
            if let Some(next) = edge.rev().face().as_inner() {
                let crossed = cdt.is_constraint_edge(edge.as_undirected().fix());
                stack.push((next.fix(), state != crossed));
            }
        }
    }
    let mut triangles = Vec::new();
    for face in cdt.inner_faces() {
        if inside[face.fix().index()] == Some(true) {
            triangles.push(face.vertices().map(|v| ids[v.fix().index()]));
        }
    }
    Some(triangles)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_square_with_a_hole_on_one_line_has_no_flat_triangle() {
        let mut pool = VertexPool::new(false, 16);
        let mut contour = |points: &[[f64; 2]]| -> IndexContour {
            points
                .iter()
                .map(|p| pool.push([p[0], p[1], 0.0]))
                .collect()
        };
        // Two square holes whose bottoms lie on the outer square's... on
        // one line y = 1 with vertices between them.
        let outer = contour(&[[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]]);
        let a = contour(&[[1.0, 1.0], [1.0, 2.0], [2.0, 2.0], [2.0, 1.0]]);
        let b = contour(&[[4.0, 1.0], [4.0, 2.0], [5.0, 2.0], [5.0, 1.0]]);
        let c = contour(&[[7.0, 1.0], [7.0, 2.0], [8.0, 2.0], [8.0, 1.0]]);
        let triangles = triangulate(&[outer, a, b, c], &pool).unwrap();
        let twice_area = |t: &[u32; 3]| {
            let [p, q, r] = t.map(|i| pool.vertices[i as usize]);
            (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        };
        assert!(triangles.iter().all(|t| twice_area(t) > 0.0));
        let area: f64 = triangles.iter().map(twice_area).sum::<f64>() / 2.0;
        assert!((area - 47.0).abs() < 1e-12, "{area}");
    }
}
