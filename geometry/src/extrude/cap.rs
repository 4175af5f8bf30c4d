//! Horizontal faces: a region triangulated with lyon at one height, facing
//! up or down.
//!
//! lyon works in `f32`, so its output is mapped back to our `f64` vertices
//! through the endpoint ids it reports for every vertex (never through
//! positions, which lose precision on large drawings).

use lyon::path::{EndpointId, Path};
use lyon::tessellation::{
    BuffersBuilder, FillOptions, FillRule as LyonFillRule, FillTessellator, FillVertex,
    FillVertexConstructor, VertexBuffers, VertexSource,
};

use std::collections::HashSet;

use super::pool::VertexPool;
use super::{cap_exact, flat};

/// One contour of a cap, as welded vertex indices of the pool, in order
/// (material on the left).
pub(crate) type IndexContour = Vec<u32>;

struct Ctor<'a> {
    by_endpoint: &'a [u32],
    pool: &'a mut VertexPool,
    z: f64,
}

impl FillVertexConstructor<u32> for Ctor<'_> {
    fn new_vertex(&mut self, vertex: FillVertex) -> u32 {
        let mut edge = None;
        for source in vertex.sources() {
            match source {
                VertexSource::Endpoint { id } => {
                    if let Some(&i) = self.by_endpoint.get(id.to_usize()) {
                        return i;
                    }
                }
                VertexSource::Edge { from, to, t } => edge = Some((from, to, t)),
            }
        }
        // A vertex lyon created where edges cross (only from f32 rounding of
        // nearly touching edges): interpolate it in f64.
        let lookup = |id: EndpointId| {
            self.by_endpoint
                .get(id.to_usize())
                .map(|&i| self.pool.vertices[i as usize])
        };
        let p = match edge {
            Some((from, to, t)) => match (lookup(from), lookup(to)) {
                (Some(a), Some(b)) => {
                    let t = f64::from(t);
                    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, self.z]
                }
                _ => fallback(&vertex, self.z),
            },
            None => fallback(&vertex, self.z),
        };
        self.pool.add(p)
    }
}

fn fallback(vertex: &FillVertex, z: f64) -> [f64; 3] {
    let p = vertex.position();
    [f64::from(p.x), f64::from(p.y), z]
}

/// Why a cap could not be triangulated.
#[derive(Debug)]
pub(crate) struct CapError;

/// Triangulates the polygon bounded by `contours` (pool indices, all at
/// height `z`) and appends triangles facing up (`up`) or down.
pub(crate) fn triangulate(
    contours: &[IndexContour],
    z: f64,
    up: bool,
    pool: &mut VertexPool,
    triangles: &mut Vec<[u32; 3]>,
) -> Result<(), CapError> {
    // Centre the coordinates before going to f32 to keep lyon's precision.
    let (mut cx, mut cy, mut n) = (0.0, 0.0, 0.0);
    for &i in contours.iter().flatten() {
        let p = pool.vertices[i as usize];
        cx += p[0];
        cy += p[1];
        n += 1.0;
    }
    if n < 3.0 {
        return Ok(());
    }
    cx /= n;
    cy /= n;
    let mut builder = Path::builder();
    let mut by_endpoint: Vec<u32> = Vec::with_capacity(n as usize);
    for contour in contours.iter().filter(|c| c.len() >= 3) {
        for (k, &i) in contour.iter().enumerate() {
            let p = pool.vertices[i as usize];
            let at = lyon::math::point((p[0] - cx) as f32, (p[1] - cy) as f32);
            let id = if k == 0 {
                builder.begin(at)
            } else {
                builder.line_to(at)
            };
            if by_endpoint.len() <= id.to_usize() {
                by_endpoint.resize(id.to_usize() + 1, u32::MAX);
            }
            by_endpoint[id.to_usize()] = i;
        }
        builder.end(true);
    }
    let path = builder.build();
    let mut buffers: VertexBuffers<u32, u32> = VertexBuffers::new();
    let options = FillOptions::tolerance(1e-6).with_fill_rule(LyonFillRule::NonZero);
    let ctor = Ctor {
        by_endpoint: &by_endpoint,
        pool,
        z,
    };
    FillTessellator::new()
        .tessellate_with_ids(
            path.id_iter(),
            &path,
            None,
            &options,
            &mut BuffersBuilder::new(&mut buffers, ctor),
        )
        .map_err(|_| CapError)?;
    let mut output: Vec<[u32; 3]> = Vec::with_capacity(buffers.indices.len() / 3);
    for t in buffers.indices.chunks_exact(3) {
        let [a, b, c] = [t[0], t[1], t[2]].map(|k| buffers.vertices[k as usize]);
        if a == b || b == c || a == c {
            continue;
        }
        output.push([a, b, c]);
    }
    let at = |i: u32| {
        let p = pool.vertices[i as usize];
        [p[0], p[1]]
    };
    if output.iter().any(|&t| flat::is_flat(t, at)) {
        let outline: HashSet<(u32, u32)> = contours
            .iter()
            .filter(|c| c.len() >= 3)
            .flat_map(|c| {
                c.iter()
                    .zip(c.iter().cycle().skip(1))
                    .map(|(&a, &b)| (a.min(b), a.max(b)))
            })
            .collect();
        flat::flip_flat(&mut output, at, &outline);
        if output.iter().any(|&t| flat::is_flat(t, at)) {
            // A fan of flat triangles along one line: exact triangulation.
            if let Some(mut exact) = cap_exact::triangulate(contours, pool) {
                flat::flip_flat(&mut exact, at, &outline);
                output = exact;
            }
        }
    }
    // lyon winds all its triangles the same way; decide from their total
    // signed area whether to flip them, never triangle by triangle (a
    // sliver with collinear corners has no reliable sign of its own, yet
    // its orientation must agree with its neighbours').
    let mut twice_area = 0.0;
    for &[a, b, c] in &output {
        let [pa, pb, pc] = [a, b, c].map(|i| pool.vertices[i as usize]);
        twice_area += (pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0]);
    }
    // Counter-clockwise seen from above faces up.
    let flip = (twice_area > 0.0) != up;
    triangles.extend(
        output
            .into_iter()
            .map(|[a, b, c]| if flip { [a, c, b] } else { [a, b, c] }),
    );
    Ok(())
}
