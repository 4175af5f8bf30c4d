//! A vertex pool that gives equal positions one index, so triangles built
//! separately (caps, walls) share their edges exactly.

use std::collections::HashMap;

use crate::region::GRID_MM;

/// Positions closer than this (in each coordinate) are welded into one
/// vertex; cells of this size key the hash. Two boolean operations can
/// round the same crossing point to neighbouring grid points, one step
/// apart: such twins must become one vertex.
const WELD_MM: f64 = 4.0 * GRID_MM;

/// Vertices with welding of equal (or, when `tolerant`, nearly equal)
/// positions. Exact lookups hash by cell; a new point is also compared with
/// the points of the neighbouring cells.
pub(crate) struct VertexPool {
    pub vertices: Vec<[f64; 3]>,
    index: HashMap<[i64; 3], u32>,
    tolerant: bool,
}

fn cell(p: [f64; 3]) -> [i64; 3] {
    // Coordinates are bounded by the extrusion's input checks, so the
    // rounding cannot overflow an i64.
    p.map(|v| (v / WELD_MM).round() as i64)
}

impl VertexPool {
    /// A pool; `tolerant` also welds positions within [`WELD_MM`] that
    /// fall in neighbouring cells (needed when vertices come from separate
    /// boolean operations, not needed for a single region).
    pub fn new(tolerant: bool, capacity: usize) -> Self {
        Self {
            vertices: Vec::with_capacity(capacity),
            index: HashMap::with_capacity(capacity),
            tolerant,
        }
    }

    /// Appends `p` as a new vertex without indexing it: for callers that
    /// know it is new and will never look it up.
    pub fn push(&mut self, p: [f64; 3]) -> u32 {
        let i = self.vertices.len() as u32;
        self.vertices.push(p);
        i
    }

    /// The index of `p`, adding it when new.
    pub fn add(&mut self, p: [f64; 3]) -> u32 {
        let key = cell(p);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        if self.tolerant {
            for dx in -1..=1 {
                for dy in -1..=1 {
                    for dz in -1..=1 {
                        let k = [key[0] + dx, key[1] + dy, key[2] + dz];
                        if let Some(&i) = self.index.get(&k) {
                            let q = self.vertices[i as usize];
                            if (0..3).all(|a| (q[a] - p[a]).abs() <= WELD_MM) {
                                return i;
                            }
                        }
                    }
                }
            }
        }
        let i = self.vertices.len() as u32;
        self.vertices.push(p);
        self.index.insert(key, i);
        i
    }
}
