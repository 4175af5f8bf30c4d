//! How clearly ink stands out of the paper.
//!
//! - A traced line ([`bump`]): its darkness along its middle above the
//!   darker of the two sides of it, a little beyond its width. A pen line
//!   is a dark bump with paper either side; what JPEG noise leaves in a
//!   deep shadow, or at the picture's dark edge, is a block a few levels
//!   darker than the next, or a step of the light, dark on one side as
//!   much as in the middle.
//! - An ink pixel ([`InkDepth`]): how far below the paper around it it
//!   is, as a share of the paper's brightness, so that the light's
//!   strength cancels out. The pen's ink lies a third or more below its
//!   paper wherever it is (the median over the thinned lines of the
//!   generated photos of `tests/trace_lines.rs` reads 0.37 at q30 in a
//!   deep shadow, where one line's pixels read 0.26–0.46); the noise
//!   of a deep shadow at strong JPEG compression, which the threshold
//!   lets through where the paper level it reads (an upper percentile of
//!   a cell's pixels) is a few per cent too bright, reads 0.04–0.15.
//!   The lines mode cuts such stretches out of the thinned lines
//!   (`strokes`).

use super::bitmap::Bitmap;
use super::line_ends::Grey;
use super::pieces::PARALLEL_MIN_PIXELS;
use super::thin::Grid;

/// How far either side of the line its sides are sampled, pixels beyond
/// its half-width (past the blur of a phone photo).
const SIDE_PX: f64 = 2.0;

/// The mean, over the points of the polyline `points`, of the ink at the
/// point less the ink at the inkier of its two sides, `half_width_px` +
/// [`SIDE_PX`] away across the line (ink as [`Grey::ink`] gives it).
pub(super) fn bump(points: &[[f64; 2]], grey: &Grey<'_>, half_width_px: f64) -> f64 {
    let n = points.len();
    if n < 2 {
        return 0.0;
    }
    let away = half_width_px + SIDE_PX;
    let mut sum = 0.0;
    for k in 0..n {
        let (p, q) = (points[k.saturating_sub(1)], points[(k + 1).min(n - 1)]);
        let d = [q[0] - p[0], q[1] - p[1]];
        let len = d[0].hypot(d[1]);
        if len == 0.0 {
            continue;
        }
        let across = [-d[1] / len, d[0] / len];
        let c = points[k];
        let side = |sign: f64| {
            grey.ink([
                c[0] + sign * away * across[0],
                c[1] + sign * away * across[1],
            ])
        };
        sum += grey.ink(c) - side(1.0).max(side(-1.0));
    }
    sum / n as f64
}

/// Half the sides of the squares the paper around a pixel is read in,
/// pixels: the first wider than a pen line's blur, narrow enough that the
/// light changes little across it; the second where lines close together
/// leave too little paper in the first.
const PAPER_AROUND_PX: [usize; 2] = [5, 9];
/// Fewest paper pixels the paper's level is read from.
const MIN_PAPER_PIXELS: u32 = 12;

/// How far below the paper around it each ink pixel of a drawing is, as a
/// share of the paper's brightness: the light's strength cancels out, so
/// a pen line in a deep shadow is as far below its paper as one in full
/// light, and the noise a paper level read a little too bright lets
/// through the threshold there (a JPEG block a few grey levels darker than
/// the next) hardly at all.
///
/// The paper around a pixel is the mean of the pixels in a square about it
/// ([`PAPER_AROUND_PX`]) that are neither ink nor next to ink: the local
/// paper itself, where the threshold's paper level (`paper`) is an upper
/// percentile of a cell's pixels, smoothed across cells.
pub(super) struct InkDepth<'a> {
    grey: &'a Grey<'a>,
    /// The paper's level (flipped luma when the ink is light) at each ink
    /// pixel, in 256ths; 0 where it is not known (not ink, or too little
    /// paper around).
    paper: Vec<u16>,
}

impl<'a> InkDepth<'a> {
    /// The paper around every ink pixel of `bitmap` in `grey` (the
    /// picture `bitmap` was thresholded from).
    pub(super) fn new(grey: &'a Grey<'a>, bitmap: &Bitmap) -> Self {
        let (w, h) = (grey.width, grey.height);
        let paper_pixels = paper_pixels(bitmap, w, h);
        let mut paper = vec![0_u16; w * h];
        let rows = |from: usize, out: &mut [u16]| {
            paper_rows(grey, bitmap, &paper_pixels, from, out);
        };
        if w * h < PARALLEL_MIN_PIXELS || h < 2 {
            rows(0, &mut paper);
        } else {
            let middle = h / 2;
            let (first, second) = paper.split_at_mut(middle * w);
            std::thread::scope(|s| {
                s.spawn(|| rows(middle, second));
                rows(0, first);
            });
        }
        Self { grey, paper }
    }

    /// How far below the paper around it ink pixel (`x`, `y`) is, as a
    /// share of the paper's brightness; `None` for a pixel not ink or
    /// with too little paper around (inside a filled area).
    pub(super) fn at(&self, x: usize, y: usize) -> Option<f64> {
        let w = self.grey.width;
        let paper = f64::from(*self.paper.get(y * w + x)?) / 256.0;
        if paper < 1.0 {
            return None;
        }
        let luma = f64::from(self.grey.luma[y * w + x]);
        let luma = if self.grey.invert { 255.0 - luma } else { luma };
        Some((paper - luma) / paper)
    }

    /// The drawing's typical depth: the median over the thinned lines'
    /// pixels (`grid`), where their pen's ink is darkest.
    pub(super) fn typical(&self, grid: &Grid) -> Option<f64> {
        let mut depths: Vec<f64> = (0..grid.cells.len())
            .filter(|&i| grid.cells[i] == 1)
            .filter_map(|i| {
                let (x, y) = grid.xy(i);
                self.at(x, y)
            })
            .collect();
        let middle = depths.len() / 2;
        (!depths.is_empty()).then(|| *depths.select_nth_unstable_by(middle, f64::total_cmp).1)
    }
}

/// Bits of a square's count of paper pixels (the low bits of a packed
/// sum; the paper's luma summed in the bits above): summed along a row of
/// the widest picture decoded, 19 rows of 30 000 pixels, it stays under
/// 2^20.
const COUNT_BITS: u32 = 21;

/// [`InkDepth::new`] for the rows of `out` (whole rows, the first of
/// them row `from`): the paper's level at each ink pixel, in 256ths.
/// `paper_pixels` is one byte a pixel, 1 for paper.
fn paper_rows(grey: &Grey<'_>, bitmap: &Bitmap, paper_pixels: &[u8], from: usize, out: &mut [u16]) {
    let (w, h) = (grey.width, grey.height);
    let flip = if grey.invert { 0xFF } else { 0 };
    // Each radius's sums, down each column of its square, of the paper
    // pixels' luma and of the paper pixels (19 rows of 255 at most: u16,
    // which the compiler adds eight at a time), kept up to date row by row.
    let mut columns = [
        (vec![0_u16; w], vec![0_u16; w]),
        (vec![0_u16; w], vec![0_u16; w]),
    ];
    let add_row = |(sums, counts): &mut (Vec<u16>, Vec<u16>), v: usize, add: bool| {
        let luma = &grey.luma[v * w..(v + 1) * w];
        let paper = &paper_pixels[v * w..(v + 1) * w];
        // Branch-free: a paper pixel's luma and a count of one, nothing
        // for the others.
        let pixel = |l: u8, p: u8| {
            (
                u16::from(l ^ flip) & 0_u16.wrapping_sub(u16::from(p)),
                u16::from(p),
            )
        };
        let pixels = sums.iter_mut().zip(counts.iter_mut()).zip(luma).zip(paper);
        if add {
            for (((sum, count), &l), &p) in pixels {
                let (l, p) = pixel(l, p);
                *sum += l;
                *count += p;
            }
        } else {
            for (((sum, count), &l), &p) in pixels {
                let (l, p) = pixel(l, p);
                *sum -= l;
                *count -= p;
            }
        }
    };
    let mut running = vec![0_u64; w + 1];
    for (k, out_row) in out.chunks_mut(w).enumerate() {
        let y = from + k;
        for (&r, column) in PAPER_AROUND_PX.iter().zip(columns.iter_mut()) {
            if k == 0 {
                for v in y.saturating_sub(r)..=(y + r).min(h - 1) {
                    add_row(column, v, true);
                }
            } else {
                if y + r < h {
                    add_row(column, y + r, true);
                }
                if y > r {
                    add_row(column, y - r - 1, false);
                }
            }
        }
        let row = bitmap.row(y);
        if row.iter().all(|&word| word == 0) {
            continue;
        }
        // The levels where the first square has paper enough, then the
        // second's where it has not.
        let mut missing = true;
        for (&r, column) in PAPER_AROUND_PX.iter().zip(&columns) {
            if !missing {
                break;
            }
            missing = false;
            let (sums, counts) = column;
            for x in 0..w {
                running[x + 1] =
                    running[x] + ((u64::from(sums[x]) << COUNT_BITS) | u64::from(counts[x]));
            }
            for (k, &word) in row.iter().enumerate() {
                let mut ink = word;
                while ink != 0 {
                    let x = k * 64 + ink.trailing_zeros() as usize;
                    ink &= ink - 1;
                    if x >= w || out_row[x] != 0 {
                        continue;
                    }
                    let sums = running[(x + r + 1).min(w)] - running[x.saturating_sub(r)];
                    let count = sums & ((1 << COUNT_BITS) - 1);
                    if count >= u64::from(MIN_PAPER_PIXELS) {
                        let mean = (sums >> COUNT_BITS) as f64 / count as f64;
                        out_row[x] = (mean * 256.0).round().max(1.0) as u16;
                    } else {
                        missing = true;
                    }
                }
            }
        }
    }
}

/// The pixels of a `w` × `h` picture that are neither ink in `bitmap` nor
/// next to ink (of the eight around them): 1 for those, 0 for the rest.
fn paper_pixels(bitmap: &Bitmap, w: usize, h: usize) -> Vec<u8> {
    let words = w.div_ceil(64);
    // Each row's ink spread one pixel left and right.
    let spread: Vec<u64> = (0..h)
        .flat_map(|y| {
            let row = bitmap.row(y);
            (0..words).map(move |k| {
                let before = if k > 0 { row[k - 1] >> 63 } else { 0 };
                let after = row.get(k + 1).map_or(0, |&next| next << 63);
                row[k] | (row[k] << 1) | before | (row[k] >> 1) | after
            })
        })
        .collect();
    let mut paper = vec![0_u8; w * h];
    for (y, out) in paper.chunks_mut(w).enumerate() {
        for (k, chunk) in out.chunks_mut(64).enumerate() {
            let mut near = spread[y * words + k];
            if y > 0 {
                near |= spread[(y - 1) * words + k];
            }
            if y + 1 < h {
                near |= spread[(y + 1) * words + k];
            }
            for (bit, cell) in chunk.iter_mut().enumerate() {
                *cell = u8::from((near >> bit) & 1 == 0);
            }
        }
    }
    paper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_stands_out_and_a_step_of_the_light_does_not() {
        let (w, h) = (60, 40);
        // A dark line along y = 10.5 on paper at 200, and a step from 200
        // to 180 along y = 30.
        let luma: Vec<u8> = (0..w * h)
            .map(|i| match i / w {
                10 => 40,
                y if y >= 30 => 180,
                _ => 200,
            })
            .collect();
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let line: Vec<[f64; 2]> = (10..50).map(|x| [f64::from(x) + 0.5, 10.5]).collect();
        let step: Vec<[f64; 2]> = (10..50).map(|x| [f64::from(x) + 0.5, 30.5]).collect();
        assert!(bump(&line, &grey, 1.0) > 150.0);
        assert!(bump(&step, &grey, 1.0).abs() < 1.0);
    }

    #[test]
    fn a_line_is_as_deep_in_a_shadow_as_in_full_light_and_noise_is_not() {
        // Paper at 200 left of x = 40 and at 80 right of it (a shadow), a
        // line along y = 20 reflecting half as much as the paper, and in
        // the shadow a speck of noise 4 levels below the paper.
        let (w, h) = (80, 40);
        let luma: Vec<u8> = (0..w * h)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                let paper = if x < 40 { 200 } else { 80 };
                match (x, y) {
                    (_, 20) => paper / 2,
                    (60, 30) => paper - 4,
                    _ => paper,
                }
            })
            .collect();
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: false,
        };
        let mut bitmap = Bitmap::new(w as u32, h as u32);
        for x in 0..w as u32 {
            bitmap.set(x, 20);
        }
        bitmap.set(60, 30);
        let depth = InkDepth::new(&grey, &bitmap);
        for x in [10, 70] {
            let d = depth.at(x, 20).unwrap();
            assert!((d - 0.5).abs() < 1e-2, "{x}: {d}");
        }
        assert!(depth.at(60, 30).unwrap() < 0.06);
        // Not ink: no depth.
        assert_eq!(depth.at(10, 10), None);
    }

    #[test]
    fn the_paper_around_is_the_mean_of_the_pixels_away_from_ink() {
        // Against the sums worked out pixel by pixel, on random pictures
        // with ink in clumps, one of them large enough to be shared
        // between two threads.
        for (w, h) in [(150, 70), (640, 420)] {
            paper_around_matches_the_pixels_sums(w, h);
        }
    }

    fn paper_around_matches_the_pixels_sums(w: usize, h: usize) {
        let mut seed = 7_u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as u32
        };
        let luma: Vec<u8> = (0..w * h).map(|_| 100 + (next() % 100) as u8).collect();
        let mut bitmap = Bitmap::new(w as u32, h as u32);
        for _ in 0..w * h / 80 {
            let (x, y) = (next() % w as u32, next() % h as u32);
            for (dx, dy) in [(0, 0), (1, 0), (0, 1)] {
                bitmap.set(x + dx, y + dy);
            }
        }
        let grey = Grey {
            luma: &luma,
            width: w,
            height: h,
            invert: true,
        };
        let depth = InkDepth::new(&grey, &bitmap);
        let near_ink =
            |x: i64, y: i64| (-1..=1).any(|dy| (-1..=1).any(|dx| bitmap.get(x + dx, y + dy)));
        for y in 0..h as i64 {
            for x in 0..w as i64 {
                if !bitmap.get(x, y) {
                    continue;
                }
                let paper = PAPER_AROUND_PX.iter().find_map(|&r| {
                    let r = r as i64;
                    let (mut sum, mut count) = (0.0, 0);
                    for v in (y - r).max(0)..=(y + r).min(h as i64 - 1) {
                        for u in (x - r).max(0)..=(x + r).min(w as i64 - 1) {
                            if !near_ink(u, v) {
                                sum += 255.0 - f64::from(luma[v as usize * w + u as usize]);
                                count += 1;
                            }
                        }
                    }
                    (count >= MIN_PAPER_PIXELS).then(|| sum / f64::from(count))
                });
                let ink = 255.0 - f64::from(luma[y as usize * w + x as usize]);
                let expected = paper.map(|paper| (paper - ink) / paper);
                let got = depth.at(x as usize, y as usize);
                match (expected, got) {
                    (Some(e), Some(g)) => assert!((e - g).abs() < 1e-3, "({x}, {y}): {e} {g}"),
                    (None, None) => {}
                    _ => panic!("({x}, {y}): {expected:?} {got:?}"),
                }
            }
        }
    }
}
