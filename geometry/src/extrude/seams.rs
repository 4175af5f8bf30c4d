//! Contacts that are left after the slabs were separated, found on the
//! surface itself and cut apart by a hair.
//!
//! The surface of a union of cells is always closed, but where two cells
//! meet only along an edge (slab `j - 1` filled on one side of an edge and
//! slab `j` on the other, or one slab's material meeting itself at a
//! vertex) four faces share that edge. `separate_edge_contacts` and
//! `separate_pinches` remove the contacts the booleans can see; those made
//! by rounding (a glyph's corner crossing a star's edge one grid step from
//! another slab's corner leaves a contact one grid step long) only show on
//! the mesh. Each such edge is listed here with the slabs that meet on it,
//! and a capsule a micrometre wide around it is cut out of those slabs, so
//! the solids that met there keep a hair's gap; the stack is then rebuilt.
//! The result is still the boundary of a union of cells: closed by
//! construction, never patched.

use std::collections::HashMap;

use crate::mesh::Mesh;
use crate::region::{Contour, FillRule, Join, Region};

/// An edge of the surface shared by more than two faces: its ends, mm,
/// and the slabs that meet on it (`first..=last`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Contact {
    pub a: [f64; 2],
    pub b: [f64; 2],
    pub first: usize,
    pub last: usize,
}

impl Contact {
    /// The middle of the edge, mm: where a refusal says the seam is.
    pub fn middle(&self) -> [f64; 2] {
        [(self.a[0] + self.b[0]) / 2.0, (self.a[1] + self.b[1]) / 2.0]
    }
}

/// Every edge of `mesh` not shared by exactly one face each way, with the
/// slabs (of the stack whose slab `k` spans `levels[k]..levels[k + 1]`)
/// that meet on it. The mesh's vertices are unique per position, so
/// indices are compared, not positions.
pub(crate) fn contacts(mesh: &Mesh, levels: &[f64]) -> Vec<Contact> {
    let mut directed: HashMap<(u32, u32), u32> = HashMap::new();
    for t in &mesh.triangles {
        for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
            *directed.entry((a, b)).or_default() += 1;
        }
    }
    let mut bad: Vec<(u32, u32)> = directed
        .iter()
        .filter(|&(&(a, b), &n)| n != 1 || directed.get(&(b, a)) != Some(&1))
        .map(|(&(a, b), _)| (a.min(b), a.max(b)))
        .collect();
    bad.sort_unstable();
    bad.dedup();
    let slabs = levels.len().saturating_sub(1);
    let level_of = |z: f64| levels.iter().position(|&l| l == z);
    bad.into_iter()
        .filter_map(|(a, b)| {
            let (p, q) = (
                *mesh.vertices.get(a as usize)?,
                *mesh.vertices.get(b as usize)?,
            );
            let (la, lb) = (level_of(p[2])?, level_of(q[2])?);
            let (first, last) = if la == lb {
                // A horizontal edge at level j: slabs j - 1 and j meet.
                (la.saturating_sub(1), la.min(slabs.saturating_sub(1)))
            } else {
                // A vertical edge: one slab meets itself.
                let k = la.min(lb).min(slabs.saturating_sub(1));
                (k, k)
            };
            Some(Contact {
                a: [p[0], p[1]],
                b: [q[0], q[1]],
                first,
                last,
            })
        })
        .collect()
}

/// How much of the stack a cut goes through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cut {
    /// The upper of the slabs that meet (the only one at a vertex).
    Upper,
    /// Both slabs that meet.
    Both,
    /// Every slab: a pin hole through the whole stack, for a place where
    /// many heights meet and each smaller cut made a new contact beside
    /// the old one.
    Column,
}

/// Cuts a capsule of `radius` mm around each contact out of the slabs
/// `cut` says. With `close`, a slab meeting itself at a point is first
/// closed (grown and shrunk back by `radius`): such a contact that came
/// back after a cut is the end of a slit thinner than the grid (two
/// shapes sharing a turned edge, rounded apart), and each cut only moved
/// it along the slit.
pub(crate) fn separate(
    regions: &mut [Region],
    contacts: &[Contact],
    radius: f64,
    cut: Cut,
    close: bool,
) {
    let mut cuts: Vec<Vec<Contour>> = vec![Vec::new(); regions.len()];
    let mut closed = vec![false; regions.len()];
    for contact in contacts {
        if close
            && contact.first == contact.last
            && contact.a == contact.b
            && let Some(done) = closed.get_mut(contact.first)
            && !*done
        {
            *done = true;
            let region = &mut regions[contact.first];
            *region =
                region
                    .offset(radius, Join::Miter, radius)
                    .offset(-radius, Join::Miter, radius);
        }
        let capsule = capsule(contact.a, contact.b, radius);
        let (first, last) = match cut {
            Cut::Upper => (contact.last, contact.last),
            Cut::Both => (contact.first, contact.last),
            Cut::Column => (0, regions.len()),
        };
        for slab_cuts in cuts.iter_mut().take(last + 1).skip(first) {
            slab_cuts.push(capsule.clone());
        }
    }
    for (region, cut) in regions.iter_mut().zip(cuts) {
        if !cut.is_empty() {
            *region = region.difference(&Region::from_contours(&cut, FillRule::NonZero));
        }
    }
}

/// The points within about `radius` of segment `a`–`b`: the convex hull of
/// two octagons, counter-clockwise. The octagons are turned by an odd
/// angle: with a corner at 45°, the cut around the tips of two 45°-turned
/// squares put its corner on their edges and made a new contact there.
fn capsule(a: [f64; 2], b: [f64; 2], radius: f64) -> Contour {
    let mut points: Vec<[f64; 2]> = Vec::with_capacity(16);
    for c in [a, b] {
        for i in 0..8 {
            let angle = std::f64::consts::TAU * (f64::from(i) + 0.37) / 8.0;
            points.push([c[0] + radius * angle.cos(), c[1] + radius * angle.sin()]);
        }
    }
    convex_hull(points)
}

/// Andrew's monotone chain, counter-clockwise.
fn convex_hull(mut points: Vec<[f64; 2]>) -> Contour {
    points.sort_by(|p, q| p[0].total_cmp(&q[0]).then(p[1].total_cmp(&q[1])));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let turn = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut hull: Vec<[f64; 2]> = Vec::with_capacity(points.len() + 1);
    for pass in 0..2 {
        let start = hull.len();
        let ordered: Box<dyn Iterator<Item = &[f64; 2]>> = if pass == 0 {
            Box::new(points.iter())
        } else {
            Box::new(points.iter().rev())
        };
        for &p in ordered {
            while hull.len() >= start + 2
                && turn(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::signed_area;

    #[test]
    fn a_capsule_covers_its_segment_and_is_counter_clockwise() {
        let c = capsule([0.0, 0.0], [1.0, 0.0], 0.1);
        assert_eq!(c.len(), 10);
        let area = signed_area(&c);
        // A band 1 long and about 0.19 wide, and an octagon of radius 0.1
        // (area 2√2 r²).
        let want = 0.19 + 2.0 * 2f64.sqrt() * 0.01;
        assert!(area > 0.0 && (area - want).abs() < 0.01, "{area}");
    }

    #[test]
    fn a_closed_mesh_has_no_contacts_and_a_doubled_edge_is_found() {
        // Two tetrahedra sharing the edge 0–1 only: four faces on it.
        let mut mesh = Mesh {
            vertices: vec![
                [0.0, 0.0, 1.0],
                [1.0, 0.0, 1.0],
                [0.0, 1.0, 1.0],
                [0.0, 0.0, 2.0],
            ],
            triangles: vec![[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]],
        };
        assert!(contacts(&mesh, &[0.0, 1.0, 2.0]).is_empty());
        mesh.vertices.extend([[0.0, -1.0, 1.0], [0.0, 0.0, 0.0]]);
        mesh.triangles
            .extend([[0, 4, 1], [0, 1, 5], [1, 4, 5], [0, 5, 4]]);
        let found = contacts(&mesh, &[0.0, 1.0, 2.0]);
        assert_eq!(
            found,
            vec![Contact {
                a: [0.0, 0.0],
                b: [1.0, 0.0],
                first: 0,
                last: 1
            }]
        );
        let mut regions = vec![
            Region::from_contours(
                &[vec![[-1.0, -1.0], [2.0, -1.0], [2.0, 1.0], [-1.0, 1.0]]],
                FillRule::NonZero,
            );
            2
        ];
        let before = regions[0].area();
        separate(&mut regions, &found, 0.01, Cut::Upper, false);
        // The upper slab only, then both.
        assert_eq!(regions[0].area(), before);
        separate(&mut regions, &found, 0.01, Cut::Both, false);
        for region in &regions {
            let cut = before - region.area();
            assert!(cut > 0.018 && cut < 0.03, "{cut}");
        }
    }
}
