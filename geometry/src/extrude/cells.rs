//! The multi-height solid from one arrangement: closed by construction.
//!
//! The arrangement's vertices and edges are triangulated once, with every
//! edge kept (spade's constrained Delaunay triangulation, exact
//! predicates). Each triangle carries its set of filled slabs (its
//! "signature": the winding number of each slab), found by walking from
//! the outside across edges, each crossing adding the edge's labels. The
//! solid is then the union of cells "triangle × slab", and its surface is
//! every face between a filled and an empty cell: caps where a triangle's
//! slab is filled and the one above or below it is not, walls along each
//! edge where the slab is filled on one side only. Being the boundary of a
//! union of cells of one complex, it is closed, its faces share whole
//! edges and vertices, and no triangle is flat (the triangulation's are
//! not, walls stand on edges of positive length between distinct heights).
//!
//! Two cells meeting only along an edge (an overhang beside a lower top,
//! two tips of one slab touching) would still put four faces on that edge;
//! the slabs are separated there beforehand (see `slabs` and
//! `separate_edge_contacts`), and any such edge left is found and refused
//! with its place.

use std::collections::HashMap;

use spade::handles::{FixedDirectedEdgeHandle, FixedFaceHandle, FixedVertexHandle, InnerTag};
use spade::{ConstrainedDelaunayTriangulation, Point2, Triangulation};

use crate::mesh::Mesh;

use super::arrangement::{Arrangement, to_mm};

/// Why the cells could not be meshed: where, mm.
#[derive(Debug)]
pub(crate) struct Seam(pub [f64; 2]);

/// Interned signatures: sorted (slab, winding) lists without zeros.
struct Signatures {
    lists: Vec<Vec<(u32, i32)>>,
    ids: HashMap<Vec<(u32, i32)>, u32>,
    /// (signature, edge, reversed) → signature across.
    across: HashMap<(u32, u32, bool), u32>,
}

impl Signatures {
    fn new() -> Self {
        let mut s = Self {
            lists: Vec::new(),
            ids: HashMap::new(),
            across: HashMap::new(),
        };
        s.intern(Vec::new());
        s
    }

    fn intern(&mut self, list: Vec<(u32, i32)>) -> u32 {
        if let Some(&id) = self.ids.get(&list) {
            return id;
        }
        let id = self.lists.len() as u32;
        self.lists.push(list.clone());
        self.ids.insert(list, id);
        id
    }

    /// The signature of `sig` plus `sign` × `labels`.
    fn add(&mut self, sig: u32, labels: &[(u32, i32)], edge: u32, sign: i32) -> u32 {
        if let Some(&id) = self.across.get(&(sig, edge, sign < 0)) {
            return id;
        }
        let mut list = self.lists[sig as usize].clone();
        for &(slab, w) in labels {
            match list.iter_mut().find(|(s, _)| *s == slab) {
                Some(entry) => entry.1 += sign * w,
                None => list.push((slab, sign * w)),
            }
        }
        list.retain(|&(_, w)| w != 0);
        list.sort_unstable();
        let id = self.intern(list);
        self.across.insert((sig, edge, sign < 0), id);
        id
    }

    fn filled(&self, sig: u32, slab: i64) -> bool {
        self.lists[sig as usize]
            .iter()
            .any(|&(s, w)| i64::from(s) == slab && w > 0)
    }
}

/// The closed surface of the stack whose slab `k` spans `levels[k]` to
/// `levels[k + 1]`, its regions' outlines arranged in `arrangement`.
pub(crate) fn surface(levels: &[f64], arrangement: &Arrangement) -> Result<Mesh, Seam> {
    let points: Vec<Point2<f64>> = arrangement
        .points
        .iter()
        .map(|&p| {
            let [x, y] = to_mm(p);
            Point2::new(x, y)
        })
        .collect();
    let constraints: Vec<[usize; 2]> = arrangement
        .edges
        .iter()
        .map(|e| [e.a as usize, e.b as usize])
        .collect();
    let mut conflict = None;
    let cdt: ConstrainedDelaunayTriangulation<Point2<f64>> =
        ConstrainedDelaunayTriangulation::try_bulk_load_cdt(points, constraints, |e| {
            conflict.get_or_insert(e);
        })
        .map_err(|_| Seam(to_mm(arrangement.points.first().copied().unwrap_or([0, 0]))))?;
    if let Some([a, _]) = conflict {
        return Err(Seam(to_mm(
            arrangement.points.get(a).copied().unwrap_or([0, 0]),
        )));
    }
    if cdt.num_vertices() != arrangement.points.len() {
        // Only duplicates are dropped, and the arrangement has none.
        return Err(Seam(to_mm(
            arrangement.points.first().copied().unwrap_or([0, 0]),
        )));
    }
    let edge_of: HashMap<(u32, u32), u32> = arrangement
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.a, e.b), i as u32))
        .collect();
    // The labels met going from the left of `e` to its right, as
    // (edge, sign): the left's winding minus the right's.
    let labels_of = |e: FixedDirectedEdgeHandle| -> Option<(u32, i32)> {
        let edge = cdt.directed_edge(e);
        let (from, to) = (
            edge.from().fix().index() as u32,
            edge.to().fix().index() as u32,
        );
        edge_of
            .get(&(from, to))
            .map(|&i| (i, 1))
            .or_else(|| edge_of.get(&(to, from)).map(|&i| (i, -1)))
    };
    let mut sigs = Signatures::new();
    let mut sig_of: Vec<u32> = vec![u32::MAX; cdt.num_all_faces()];
    let mut stack: Vec<FixedFaceHandle<InnerTag>> = Vec::new();
    let seam = |e: FixedDirectedEdgeHandle| {
        let edge = cdt.directed_edge(e);
        let (a, b) = (edge.from().position(), edge.to().position());
        Seam([(a.x + b.x) / 2.0, (a.y + b.y) / 2.0])
    };
    // Walk from the outside (signature 0) inwards.
    for edge in cdt.convex_hull() {
        let edge = if edge.face().as_inner().is_none() {
            edge
        } else {
            edge.rev()
        };
        // Now the outer face is on the left of `edge`, the inner on its right.
        let Some(inner) = edge.rev().face().as_inner() else {
            continue;
        };
        let sig = match labels_of(edge.fix()) {
            Some((i, sign)) => sigs.add(0, &arrangement.edges[i as usize].labels, i, -sign),
            None => 0,
        };
        let slot = &mut sig_of[inner.fix().index()];
        if *slot == u32::MAX {
            *slot = sig;
            stack.push(inner.fix());
        } else if *slot != sig {
            return Err(seam(edge.fix()));
        }
    }
    while let Some(face) = stack.pop() {
        let sig = sig_of[face.index()];
        for edge in cdt.face(face).adjacent_edges() {
            // `face` is on the left of `edge`.
            let across = match labels_of(edge.fix()) {
                Some((i, sign)) => sigs.add(sig, &arrangement.edges[i as usize].labels, i, -sign),
                None => sig,
            };
            match edge.rev().face().as_inner() {
                Some(next) => {
                    let slot = &mut sig_of[next.fix().index()];
                    if *slot == u32::MAX {
                        *slot = across;
                        stack.push(next.fix());
                    } else if *slot != across {
                        return Err(seam(edge.fix()));
                    }
                }
                None if across != 0 => return Err(seam(edge.fix())),
                None => {}
            }
        }
    }
    let mut out = Builder {
        levels,
        ids: HashMap::new(),
        mesh: Mesh::default(),
    };
    // Caps: per signature, the levels where a filled slab has an empty one
    // above (a top, facing up) or below (a floor, facing down).
    let mut caps_of: HashMap<u32, Vec<(usize, bool)>> = HashMap::new();
    for face in cdt.inner_faces() {
        let sig = sig_of[face.fix().index()];
        if sig == 0 || sig == u32::MAX {
            continue;
        }
        let caps = caps_of.entry(sig).or_insert_with(|| {
            let mut caps = Vec::new();
            for &(slab, w) in &sigs.lists[sig as usize] {
                let slab = i64::from(slab);
                if w > 0 {
                    if !sigs.filled(sig, slab + 1) {
                        caps.push((slab as usize + 1, true));
                    }
                    if !sigs.filled(sig, slab - 1) {
                        caps.push((slab as usize, false));
                    }
                }
            }
            caps
        });
        let corners = face.vertices().map(|v| v.fix().index() as u32);
        let xy = face.vertices().map(|v| [v.position().x, v.position().y]);
        for &(level, up) in caps.iter() {
            let [a, b, c] = [0, 1, 2].map(|k| out.vertex(corners[k], xy[k], level));
            // spade's faces run counter-clockwise: facing up as they are.
            out.mesh
                .triangles
                .push(if up { [a, b, c] } else { [a, c, b] });
        }
    }
    // Walls: along each labelled edge, each slab filled on one side only.
    for e in &arrangement.edges {
        let (a, b) = (
            FixedVertexHandle::from_index(e.a as usize),
            FixedVertexHandle::from_index(e.b as usize),
        );
        let Some(handle) = cdt.get_edge_from_neighbors(a, b) else {
            return Err(Seam(to_mm(arrangement.points[e.a as usize])));
        };
        let left = handle
            .face()
            .as_inner()
            .map_or(0, |f| sig_of[f.fix().index()]);
        let right = handle
            .rev()
            .face()
            .as_inner()
            .map_or(0, |f| sig_of[f.fix().index()]);
        let (pa, pb) = (
            to_mm(arrangement.points[e.a as usize]),
            to_mm(arrangement.points[e.b as usize]),
        );
        for &(slab, _) in &e.labels {
            let (l, r) = (
                sigs.filled(left, i64::from(slab)),
                sigs.filled(right, i64::from(slab)),
            );
            let k = slab as usize;
            // Outward: material on the left of from → to.
            let ((from, p_from), (to, p_to)) = match (l, r) {
                (true, false) => ((e.a, pa), (e.b, pb)),
                (false, true) => ((e.b, pb), (e.a, pa)),
                _ => continue,
            };
            let [f0, t0, t1, f1] = [
                (from, p_from, k),
                (to, p_to, k),
                (to, p_to, k + 1),
                (from, p_from, k + 1),
            ]
            .map(|(v, p, level)| out.vertex(v, p, level));
            out.mesh.triangles.push([f0, t0, t1]);
            out.mesh.triangles.push([f0, t1, f1]);
        }
    }
    Ok(out.mesh)
}

/// Mesh vertices, one per (arrangement vertex, level).
struct Builder<'a> {
    levels: &'a [f64],
    ids: HashMap<(u32, usize), u32>,
    mesh: Mesh,
}

impl Builder<'_> {
    fn vertex(&mut self, v: u32, p: [f64; 2], level: usize) -> u32 {
        let z = self.levels.get(level).copied().unwrap_or(0.0);
        let mesh = &mut self.mesh;
        *self.ids.entry((v, level)).or_insert_with(|| {
            mesh.vertices.push([p[0], p[1], z]);
            (mesh.vertices.len() - 1) as u32
        })
    }
}
