//! Indexed triangle meshes in mm (Z up) and the checks slicers care about:
//! closed, 2-manifold, outward-oriented.

use std::collections::HashMap;

/// A triangle mesh: shared vertices, triangles as counter-clockwise (seen
/// from outside) triples of vertex indices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mesh {
    /// Vertex positions, mm.
    pub vertices: Vec<[f64; 3]>,
    /// Triangles, each three indices into `vertices`, counter-clockwise seen
    /// from outside so the right-hand normal points out.
    pub triangles: Vec<[u32; 3]>,
}

/// What is wrong with a mesh, from a slicer's point of view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeshDefects {
    /// Directed edges with no opposite edge: holes in the surface.
    pub open_edges: usize,
    /// Directed edges used by more than one triangle: non-manifold or
    /// inconsistently oriented surface.
    pub repeated_edges: usize,
    /// Triangles with two equal corners.
    pub degenerate_triangles: usize,
}

impl MeshDefects {
    /// `true` when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        *self == MeshDefects::default()
    }
}

impl Mesh {
    /// Appends `other`, shifting its indices.
    pub fn append(&mut self, other: &Mesh) {
        let offset = self.vertices.len() as u32;
        self.vertices.extend_from_slice(&other.vertices);
        self.triangles.extend(
            other
                .triangles
                .iter()
                .map(|t| [t[0] + offset, t[1] + offset, t[2] + offset]),
        );
    }

    /// Enclosed volume, mm³ (divergence theorem): positive when the
    /// triangles face outward.
    pub fn signed_volume(&self) -> f64 {
        self.triangles
            .iter()
            .map(|t| {
                let [a, b, c] = t.map(|i| self.vertices[i as usize]);
                (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                    + a[2] * (b[0] * c[1] - b[1] * c[0]))
                    / 6.0
            })
            .sum()
    }

    /// Bounds as `(min, max)`, `None` when empty.
    pub fn bounds(&self) -> Option<([f64; 3], [f64; 3])> {
        let first = *self.vertices.first()?;
        Some(
            self.vertices
                .iter()
                .fold((first, first), |(mut lo, mut hi), v| {
                    for k in 0..3 {
                        lo[k] = lo[k].min(v[k]);
                        hi[k] = hi[k].max(v[k]);
                    }
                    (lo, hi)
                }),
        )
    }

    /// Triangles with no area: two equal corners, three corners on one
    /// line, or corners that fall on one line once rounded to `f32` as an
    /// STL file stores them. admesh does not count them, but 3D Builder,
    /// netfabb and many CAD importers flag them.
    pub fn zero_area_triangles(&self) -> usize {
        self.triangles
            .iter()
            .filter(|t| {
                let [a, b, c] = t.map(|i| self.vertices[i as usize]);
                let narrow = [a, b, c].map(|p| p.map(|v| f64::from(v as f32)));
                is_flat(a, b, c) || is_flat(narrow[0], narrow[1], narrow[2])
            })
            .count()
    }

    /// Where the first defect is (the midpoint of the lowest open or
    /// repeated edge, or a flat triangle's first corner), `None` when
    /// [`Mesh::defects`] is clean: so a refusal can name the real place.
    pub fn first_defect(&self) -> Option<[f64; 3]> {
        let key = |i: u32| self.vertices[i as usize].map(f64::to_bits);
        let mut edges: HashMap<([u64; 3], [u64; 3]), usize> = HashMap::new();
        let mut worst: Option<[f64; 3]> = None;
        let mut note = |p: [f64; 3]| {
            if worst.is_none_or(|w| p.map(f64::to_bits) < w.map(f64::to_bits)) {
                worst = Some(p);
            }
        };
        for t in &self.triangles {
            let [a, b, c] = t.map(key);
            if a == b || b == c || a == c {
                note(self.vertices[t[0] as usize]);
                continue;
            }
            for e in [(a, b), (b, c), (c, a)] {
                *edges.entry(e).or_default() += 1;
            }
        }
        for (&(a, b), &n) in &edges {
            if n > 1 || !edges.contains_key(&(b, a)) {
                let [a, b] = [a, b].map(|p| p.map(f64::from_bits));
                note([0, 1, 2].map(|k| (a[k] + b[k]) / 2.0));
            }
        }
        worst
    }

    /// Checks closedness and orientation by exact vertex position (as
    /// admesh and slicers do): every directed edge must appear exactly once
    /// and its reverse exactly once.
    pub fn defects(&self) -> MeshDefects {
        let key = |i: u32| self.vertices[i as usize].map(f64::to_bits);
        let mut edges: HashMap<([u64; 3], [u64; 3]), usize> = HashMap::new();
        let mut defects = MeshDefects::default();
        for t in &self.triangles {
            let [a, b, c] = t.map(key);
            if a == b || b == c || a == c {
                defects.degenerate_triangles += 1;
                continue;
            }
            for e in [(a, b), (b, c), (c, a)] {
                *edges.entry(e).or_default() += 1;
            }
        }
        for (&(a, b), &n) in &edges {
            if n > 1 {
                defects.repeated_edges += n - 1;
            }
            if !edges.contains_key(&(b, a)) {
                defects.open_edges += n;
            }
        }
        defects
    }
}

/// `true` when the cross product of the triangle's edges is zero.
fn is_flat(a: [f64; 3], b: [f64; 3], c: [f64; 3]) -> bool {
    let u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    let v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    let n = [
        u[1] * v[2] - u[2] * v[1],
        u[2] * v[0] - u[0] * v[2],
        u[0] * v[1] - u[1] * v[0],
    ];
    n == [0.0; 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tetrahedron() -> Mesh {
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

    #[test]
    fn tetrahedron_is_clean_with_positive_volume() {
        let m = tetrahedron();
        assert!(m.defects().is_clean(), "{:?}", m.defects());
        assert!((m.signed_volume() - 1.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn missing_or_flipped_triangles_are_found() {
        let mut open = tetrahedron();
        open.triangles.pop();
        assert_eq!(open.defects().open_edges, 3);
        let mut flipped = tetrahedron();
        flipped.triangles[0] = [0, 1, 2];
        assert!(!flipped.defects().is_clean());
    }

    #[test]
    fn collinear_triangles_have_zero_area() {
        let mut m = tetrahedron();
        assert_eq!(m.zero_area_triangles(), 0);
        // (0,0,0), (1,0,0), (2,0,0): one line.
        m.vertices.push([2.0, 0.0, 0.0]);
        m.triangles.push([0, 1, 4]);
        // Distinct in f64, one line once rounded to f32 (1 + 1e-12 is 1 in
        // f32; a tiny offset from 0 would survive, f32 reaches 1e-38).
        m.vertices.push([2.0, 2.0, 0.0]);
        m.vertices.push([1.0, 1.0 + 1e-12, 0.0]);
        m.triangles.push([0, 6, 5]);
        assert_eq!(m.zero_area_triangles(), 2);
    }
}
