//! Which outer boundary each hole belongs to, so that a ring becomes one
//! shape with a hole and the counters of A, B, O, 8 stay with their letter.
//!
//! A hole's top-left vertical edge (where the scan found it) has
//! foreground just to its left. Walking left along that row, the
//! first boundary edge with background on its left is the left end of that
//! foreground run: it belongs either to the outer boundary we want, or to
//! another hole of the same shape, whose own owner is already known because
//! it was found earlier in the scan. No bitmap is needed, only the rows of
//! the boundaries' downward edges (foreground on their right).

use super::decompose::RawPath;

/// For each path, the index of the outer boundary it belongs to: itself
/// for outer boundaries, its enclosing outer boundary for holes (`None` if
/// the hole's owner cannot be found, which would be our bug).
pub fn owners(paths: &[RawPath], height: u32) -> Vec<Option<usize>> {
    let rows = run_starts_by_row(paths, height as usize);
    let mut owner: Vec<Option<usize>> = Vec::with_capacity(paths.len());
    for (index, path) in paths.iter().enumerate() {
        if !path.is_hole() {
            owner.push(Some(index));
            continue;
        }
        let [x, y] = path.found_at;
        let left = rows.get(y as usize).and_then(|row| {
            let before = row.partition_point(|&(ex, _)| ex < x);
            before.checked_sub(1).map(|i| row[i].1)
        });
        let found = left.and_then(|other| {
            if other < index {
                owner.get(other).copied().flatten()
            } else {
                None
            }
        });
        debug_assert!(found.is_some(), "hole {index} has no owner");
        owner.push(found);
    }
    owner
}

/// For each pixel row, the boundary edges in it with background on their
/// left and foreground on their right (the walk goes down them), as
/// `(x, path index)`, sorted by `x`.
fn run_starts_by_row(paths: &[RawPath], height: usize) -> Vec<Vec<(i32, usize)>> {
    let mut rows: Vec<Vec<(i32, usize)>> = vec![Vec::new(); height];
    for (index, path) in paths.iter().enumerate() {
        let n = path.points.len();
        for i in 0..n {
            let [x0, y0] = path.points[i];
            let [_, y1] = path.points[(i + 1) % n];
            if y1 == y0 + 1
                && let Some(row) = rows.get_mut(y0 as usize)
            {
                row.push((x0, index));
            }
        }
    }
    for row in &mut rows {
        row.sort_unstable_by_key(|&(x, _)| x);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::bitmap::Bitmap;
    use crate::trace::decompose::decompose;

    fn owners_of(art: &[&str]) -> Vec<Option<usize>> {
        let rows: Vec<Vec<bool>> = art
            .iter()
            .map(|r| r.chars().map(|c| c == '#').collect())
            .collect();
        let bitmap = Bitmap::from_rows(&rows);
        let paths = decompose(&bitmap, &mut |_| true).unwrap_or_default();
        owners(&paths, bitmap.height())
    }

    #[test]
    fn holes_find_their_outer_boundary() {
        // Two rings side by side, the second with two holes, and an island
        // inside the first ring's hole.
        let owners = owners_of(&[
            "#######..#######",
            "#.....#..#..#..#",
            "#.###.#..#..#..#",
            "#.###.#..#######",
            "#.....#.........",
            "#######.........",
        ]);
        // Scan order: ring 1 outer, ring 2 outer, ring 1 hole, ring 2 hole
        // a, ring 2 hole b, island.
        assert_eq!(
            owners,
            vec![Some(0), Some(1), Some(0), Some(1), Some(1), Some(5)]
        );
    }
}
