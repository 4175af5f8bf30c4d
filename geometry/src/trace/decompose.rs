//! Step 1 of the tracer: the bitmap's boundaries as closed lattice paths.
//!
//! Every unit edge between a foreground and a background pixel belongs to
//! exactly one boundary. We scan rows for vertical boundary edges not yet
//! visited and walk each boundary from there, keeping foreground on the
//! left, as potrace does. Outer boundaries so run counter-clockwise (as
//! seen on screen, and in document space once Y is flipped) and holes
//! clockwise: the orientation alone says which is which, and non-zero
//! filling gives the right area.
//!
//! Where two foreground pixels touch only at a corner the walk could go
//! either way. As potrace's default ("minority") policy, we connect the
//! colour that is rarer in a small neighbourhood, decided per lattice
//! vertex so that the two boundaries through it always agree.
//!
//! Unlike potrace we never modify the bitmap (no XOR filling of each path):
//! visited edges are marked in a separate bit set, and the hole → outer
//! nesting is found afterwards from the boundary edges' rows
//! ([`super::nesting`]).

use super::bitmap::Bitmap;

/// One closed boundary: lattice points `points[0] → points[1] → …`, each a
/// unit step from the previous one, back to `points[0]`.
#[derive(Clone, Debug, PartialEq)]
pub struct RawPath {
    /// Lattice points (pixel corners), screen coordinates (Y down).
    pub points: Vec<[i32; 2]>,
    /// Signed area in pixels: positive for outer boundaries, negative for holes.
    pub area: i64,
    /// Where the scan found it: the lattice `x` and pixel row of its
    /// top-left vertical edge.
    pub found_at: [i32; 2],
}

impl RawPath {
    /// `true` for the boundary of a hole (a background area inside foreground).
    pub fn is_hole(&self) -> bool {
        self.area < 0
    }
}

/// Unit steps in screen coordinates: right, down, left, up. Turning right
/// (clockwise on screen) is `+1`, turning left `+3` (mod 4).
const STEPS: [[i64; 2]; 4] = [[1, 0], [0, 1], [-1, 0], [0, -1]];

/// For each direction, offsets from the vertex reached to the pixels ahead
/// on the left and on the right of the walk.
const AHEAD: [([i64; 2], [i64; 2]); 4] = [
    ([0, -1], [0, 0]),
    ([0, 0], [-1, 0]),
    ([-1, 0], [-1, -1]),
    ([-1, -1], [0, -1]),
];

const DOWN: usize = 1;
const UP: usize = 3;

/// All boundaries of `bitmap`, in the order their top-left edges appear in
/// a row-by-row scan. `keep_going` is asked now and then; when it says
/// `false` the scan stops and `None` is returned.
pub fn decompose(bitmap: &Bitmap, keep_going: &mut dyn FnMut(f32) -> bool) -> Option<Vec<RawPath>> {
    let words = bitmap.words_per_row();
    let height = bitmap.height() as usize;
    let mut visited = vec![0_u64; words * height];
    let mut paths = Vec::new();
    let report_every = (height / 16).max(1);
    for y in 0..height {
        if y % report_every == 0 && !keep_going(y as f32 / height as f32) {
            return None;
        }
        let row = bitmap.row(y);
        let mut carry = 0_u64;
        for (k, &word) in row.iter().enumerate() {
            // Bit x of `edges`: pixel x differs from pixel x − 1.
            let edges = word ^ ((word << 1) | carry);
            carry = word >> 63;
            let mut fresh = edges & !visited[y * words + k];
            while fresh != 0 {
                let bit = fresh.trailing_zeros();
                fresh &= fresh - 1;
                let x = (k * 64) as i64 + i64::from(bit);
                let y = y as i64;
                let path = if bitmap.get(x, y) {
                    walk(bitmap, &mut visited, [x, y], DOWN)
                } else {
                    walk(bitmap, &mut visited, [x, y + 1], UP)
                };
                paths.push(path);
                // The walk may have crossed more edges of this word.
                fresh &= !visited[y as usize * words + k];
            }
        }
    }
    Some(paths)
}

/// Walks one boundary from `start`, first along `direction`, keeping
/// foreground on the left, marking the vertical edges it crosses.
fn walk(bitmap: &Bitmap, visited: &mut [u64], start: [i64; 2], direction: usize) -> RawPath {
    let words = bitmap.words_per_row();
    let [mut x, mut y] = start;
    let mut dir = direction;
    let mut points = vec![[x as i32, y as i32]];
    let mut twice_area = 0_i64;
    loop {
        // Mark the vertical edge about to be crossed.
        match dir {
            DOWN => visited[y as usize * words + x as usize / 64] |= 1 << (x % 64),
            UP => visited[(y - 1) as usize * words + x as usize / 64] |= 1 << (x % 64),
            _ => {}
        }
        let [dx, dy] = STEPS[dir];
        twice_area += x * dy - dx * y;
        x += dx;
        y += dy;
        let (left, right) = AHEAD[dir];
        let ahead_left = bitmap.get(x + left[0], y + left[1]);
        let ahead_right = bitmap.get(x + right[0], y + right[1]);
        dir = match (ahead_left, ahead_right) {
            (true, false) => dir,
            (false, false) => (dir + 3) % 4,
            (true, true) => (dir + 1) % 4,
            (false, true) => {
                if foreground_majority(bitmap, x, y) {
                    (dir + 3) % 4 // keep the foreground pixels apart
                } else {
                    (dir + 1) % 4 // join them
                }
            }
        };
        if x == start[0] && y == start[1] && dir == direction {
            break;
        }
        points.push([x as i32, y as i32]);
    }
    // Counter-clockwise on screen (outer boundaries) is negative with Y down.
    let found_at = match direction {
        DOWN => [start[0] as i32, start[1] as i32],
        _ => [start[0] as i32, start[1] as i32 - 1],
    };
    RawPath {
        points,
        area: -twice_area / 2,
        found_at,
    }
}

/// Whether foreground is the majority colour around lattice vertex
/// (`x`, `y`): count the pixels on square rings of growing size around it
/// until one colour wins (ties mean background).
fn foreground_majority(bitmap: &Bitmap, x: i64, y: i64) -> bool {
    for radius in 2..=4_i64 {
        let mut balance = 0_i64;
        let mut count = |px: i64, py: i64| balance += if bitmap.get(px, py) { 1 } else { -1 };
        for a in -radius..radius {
            count(x + a, y - radius); // top row
            count(x + a, y + radius - 1); // bottom row
        }
        for a in (1 - radius)..(radius - 1) {
            count(x - radius, y + a); // left column
            count(x + radius - 1, y + a); // right column
        }
        if balance != 0 {
            return balance > 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bitmap(art: &[&str]) -> Bitmap {
        let rows: Vec<Vec<bool>> = art
            .iter()
            .map(|r| r.chars().map(|c| c == '#').collect())
            .collect();
        Bitmap::from_rows(&rows)
    }

    fn trace(art: &[&str]) -> Vec<RawPath> {
        decompose(&bitmap(art), &mut |_| true).unwrap_or_default()
    }

    #[test]
    fn one_pixel_is_one_unit_square() {
        let paths = trace(&["...", ".#.", "..."]);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].area, 1);
        assert_eq!(paths[0].points.len(), 4);
    }

    #[test]
    fn ring_has_outer_boundary_and_hole() {
        let paths = trace(&["####", "#..#", "#..#", "####"]);
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0].area, 16);
        assert_eq!(paths[1].area, -4);
        assert!(paths[1].is_hole());
    }

    #[test]
    fn diagonal_pixels_follow_the_minority_rule() {
        // Two pixels touching at a corner in a white field: foreground is
        // the minority, so they are joined into one boundary.
        let joined = trace(&["....", ".#..", "..#.", "...."]);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].area, 2);
        // In a dark field the background pixels are the minority: they are
        // joined into one hole of two pixels.
        let dark = trace(&["######", "######", "##.###", "###.##", "######", "######"]);
        assert_eq!(dark.len(), 2);
        assert_eq!(dark.iter().map(|p| p.area).sum::<i64>(), 34);
    }

    #[test]
    fn every_step_is_a_unit_step_and_paths_close() {
        let paths = trace(&["#.#.#", ".#.#.", "#.#.#", "##..#"]);
        for path in &paths {
            let n = path.points.len();
            for i in 0..n {
                let [x0, y0] = path.points[i];
                let [x1, y1] = path.points[(i + 1) % n];
                assert_eq!((x1 - x0).abs() + (y1 - y0).abs(), 1, "{path:?}");
            }
        }
        let total: i64 = paths.iter().map(|p| p.area).sum();
        assert_eq!(total, 11);
    }
}
