//! How bright the paper is everywhere on a photographed sheet: the light
//! falling on it at large scale (a gradient from the window, vignetting, a
//! soft shadow), with the ink taken out, so that the threshold can be set
//! relative to the paper instead of once for the whole picture.
//!
//! 1. The picture is cut into square cells (about 1/48 of its longer side).
//!    Each cell's paper level is a high percentile of its pixels (every
//!    other row and column is enough, every fourth in cells of 32 px or
//!    more): a cell that is mostly paper gives the paper's brightness even
//!    with ink lines through it.
//! 2. A cell entirely inside a wide ink area (the stroke of a bold letter,
//!    a filled disc) gives the ink's level instead. Such cells are found by
//!    growing the paper from the brightest cells, brightest first: a cell
//!    joins when it is at least [`PAPER_STEP`] times as bright as its
//!    brightest neighbour already in the paper. Light changes gently from
//!    cell to cell; ink is many times darker than the paper beside it.
//! 3. Cells left out get the mean of their neighbours, peeled in from the
//!    paper around them, and the grid is smoothed once; between cell centres
//!    the paper level is interpolated linearly.
//!
//! # Current limitations
//! - A shadow with a sharp edge (darker than [`PAPER_STEP`] from one cell to
//!   the next) is taken for ink.
//! - Ink no darker than [`PAPER_STEP`] times the paper (a light grey
//!   marker) filling areas wider than a cell is taken for paper.

use std::collections::BinaryHeap;
use std::ops::Range;

use super::pieces::in_pieces;

use super::decode::DecodedImage;

/// Most cells along the picture's longer side: fine enough to follow the
/// soft edge of a hand's shadow, coarse enough that a cell is wider than a
/// pen line.
const CELLS_ACROSS: u32 = 48;
/// Smallest cell side, pixels.
const MIN_CELL_PX: u32 = 8;
/// A neighbouring cell darker than this fraction of the paper next to it
/// is ink, not paper in a darker light. Black ink reflects 10–20 % of what
/// the paper does, while a soft shadow or a gradient darkens the paper by
/// far less than half from one cell to the next.
pub const PAPER_STEP: f32 = 0.55;
/// Percentile of a cell's pixels taken as its paper level: a cell with
/// 15 % of paper in it still shows the paper.
const PAPER_PERCENTILE: f32 = 0.85;
/// Cell side from which every fourth row and column is sampled instead of
/// every other one (big pictures: 3000 px wide gives 63 px cells).
const SPARSE_CELL_PX: usize = 32;
/// Opacity below which a pixel is left out (transparent: not paper).
const OPAQUE_FROM: u8 = 128;

/// The paper's brightness on a grid of cells over a picture.
#[derive(Clone, Debug)]
pub struct Paper {
    cell: u32,
    cols: usize,
    rows: usize,
    /// Paper level per cell, rows top to bottom, 0–255 (of `ink`-side luma).
    levels: Vec<f32>,
    /// Runs of pixel columns between the same two grid columns: first and
    /// end pixel, the two grid columns (the same for every row, so worked
    /// out once).
    runs: Vec<(usize, usize, usize, usize)>,
    /// For each pixel column, the weight of the second grid column.
    weights: Vec<f32>,
}

impl Paper {
    /// Estimates the paper under `image`; `invert` means the paper is the
    /// dark side (light drawings on dark). `None` when the picture is too
    /// small for cells (under two cells a side) or has no opaque pixel.
    pub fn estimate(image: &DecodedImage, invert: bool) -> Option<Self> {
        let (w, h) = (image.width(), image.height());
        let cell = (w.max(h).div_ceil(CELLS_ACROSS)).max(MIN_CELL_PX);
        let (cols, rows) = (w.div_ceil(cell) as usize, h.div_ceil(cell) as usize);
        if cols < 2 && rows < 2 {
            return None;
        }
        let raw = cell_levels(image, cell, cols, rows, invert);
        if raw.iter().all(Option::is_none) {
            return None;
        }
        let paper = grow_paper(&raw, cols, rows);
        let mut levels = fill_from_paper(&raw, &paper, cols, rows);
        smooth(&mut levels, cols, rows);
        let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut weights = Vec::with_capacity(w as usize);
        for x in 0..w as usize {
            let (c0, c1, t) = between(x as u32, cell, cols);
            weights.push(t);
            match runs.last_mut() {
                Some(run) if (run.2, run.3) == (c0, c1) => run.1 = x + 1,
                _ => runs.push((x, x + 1, c0, c1)),
            }
        }
        Some(Self {
            cell,
            cols,
            rows,
            levels,
            runs,
            weights,
        })
    }

    /// The side of a cell, pixels.
    pub fn cell(&self) -> u32 {
        self.cell
    }

    /// The mean paper level over the picture, 0–255.
    pub fn mean_level(&self) -> f32 {
        self.levels.iter().sum::<f32>() / self.levels.len().max(1) as f32
    }

    /// The paper level (0–255) along pixel row `y`, one value per pixel,
    /// into `out` (`image.width()` long), scaled by `factor`.
    pub fn row_levels(&self, y: u32, factor: f32, out: &mut [f32]) {
        let (r0, r1, t) = between(y, self.cell, self.rows);
        let (a, b) = (
            &self.levels[r0 * self.cols..(r0 + 1) * self.cols],
            &self.levels[r1 * self.cols..(r1 + 1) * self.cols],
        );
        let column: Vec<f32> = a
            .iter()
            .zip(b)
            .map(|(&p, &q)| factor * (p + (q - p) * t))
            .collect();
        for &(start, end, c0, c1) in &self.runs {
            let (a, b) = (column[c0], column[c1]);
            let (Some(out), Some(weights)) =
                (out.get_mut(start..end), self.weights.get(start..end))
            else {
                return;
            };
            // A straight run: the compiler vectorises it.
            for (value, &t) in out.iter_mut().zip(weights) {
                *value = a + (b - a) * t;
            }
        }
    }
}

/// The grid rows (or columns) around pixel row `y` and the weight of the
/// second; flat before the first cell centre and after the last.
fn between(y: u32, cell: u32, rows: usize) -> (usize, usize, f32) {
    let pos = (y as f32 + 0.5) / cell as f32 - 0.5;
    if pos <= 0.0 {
        return (0, 0, 0.0);
    }
    let r0 = (pos.floor() as usize).min(rows - 1);
    let r1 = (r0 + 1).min(rows - 1);
    (r0, r1, pos - r0 as f32)
}

/// Each cell's high percentile (`None` for cells with no opaque pixel),
/// sampling every other row and column (every fourth in big cells).
fn cell_levels(
    image: &DecodedImage,
    cell: u32,
    cols: usize,
    rows: usize,
    invert: bool,
) -> Vec<Option<f32>> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let cell = cell as usize;
    let flip = if invert { 0xFF } else { 0 };
    // Every other row and column; every fourth in cells big enough to
    // keep over 200 samples.
    let stride = if cell >= SPARSE_CELL_PX { 4 } else { 2 };
    // Rows of cells, in pieces shared between the cores.
    let levels_of = |cell_rows: Range<usize>| {
        let mut out = Vec::with_capacity(cols * cell_rows.len());
        // Two histograms per cell, filled in turn: most samples fall in
        // the paper's bin, and one histogram would make each count wait
        // for the previous one to be stored.
        let mut histograms = vec![[[0_u32; 256]; 2]; cols];
        for r in cell_rows {
            histograms.iter_mut().for_each(|hist| *hist = [[0; 256]; 2]);
            for y in (r * cell..((r + 1) * cell).min(h)).step_by(stride) {
                let luma = &image.luma()[y * w..(y + 1) * w];
                // Cell by cell, so that no pixel needs a division to find
                // its cell; columns on the stride, wherever a cell starts.
                for (c, [even, odd]) in histograms.iter_mut().enumerate() {
                    let start = (c * cell).next_multiple_of(stride);
                    let end = ((c + 1) * cell).min(w);
                    let Some(luma) = luma.get(start..end) else {
                        continue;
                    };
                    match image.alpha() {
                        None => {
                            for pair in luma.chunks(2 * stride) {
                                even[usize::from(pair[0] ^ flip)] += 1;
                                if let Some(&l) = pair.get(stride) {
                                    odd[usize::from(l ^ flip)] += 1;
                                }
                            }
                        }
                        Some(alpha) => {
                            let alpha = &alpha[y * w + start..y * w + end];
                            for (&l, &a) in luma.iter().zip(alpha).step_by(stride) {
                                if a >= OPAQUE_FROM {
                                    even[usize::from(l ^ flip)] += 1;
                                }
                            }
                        }
                    }
                }
            }
            out.extend(histograms.iter().map(|[even, odd]| {
                let mut both = *even;
                both.iter_mut().zip(odd).for_each(|(a, b)| *a += b);
                percentile(&both)
            }));
        }
        out
    };
    in_pieces(rows, w * h, levels_of).concat()
}

fn percentile(histogram: &[u32; 256]) -> Option<f32> {
    let total: u32 = histogram.iter().sum();
    if total == 0 {
        return None;
    }
    let wanted = (total as f32 * PAPER_PERCENTILE).ceil() as u32;
    let mut seen = 0;
    for (level, &count) in histogram.iter().enumerate() {
        seen += count;
        if seen >= wanted {
            return Some(level as f32);
        }
    }
    Some(255.0)
}

/// The 8-neighbourhood of cell `i` on a `cols` × `rows` grid.
fn neighbours(i: usize, cols: usize, rows: usize) -> impl Iterator<Item = usize> {
    let (c, r) = (i % cols, i / cols);
    let (first_col, last_col) = (c.saturating_sub(1), (c + 1).min(cols - 1));
    let (first_row, last_row) = (r.saturating_sub(1), (r + 1).min(rows - 1));
    (first_row..=last_row)
        .flat_map(move |y| (first_col..=last_col).map(move |x| y * cols + x))
        .filter(move |&n| n != i)
}

/// Which cells show paper: grown from the brightest cells, brightest
/// first, each new cell at least [`PAPER_STEP`] times its brightest paper
/// neighbour.
fn grow_paper(raw: &[Option<f32>], cols: usize, rows: usize) -> Vec<bool> {
    let mut paper = vec![false; raw.len()];
    let mut decided = vec![false; raw.len()];
    let mut known: Vec<f32> = raw.iter().flatten().copied().collect();
    known.sort_by(f32::total_cmp);
    // Seeds: the brightest tenth's level (one glare spot is not the paper).
    let top = known[(known.len() - 1) * 9 / 10];
    // Keys in 1/16 grey levels keep the heap's order exact and total.
    let key = |v: f32| (v * 16.0) as u32;
    let mut heap: BinaryHeap<(u32, usize)> = raw
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|&v| v >= top).map(|v| (key(v), i)))
        .collect();
    let mut seeded: Vec<bool> = raw.iter().map(|v| v.is_some_and(|v| v >= top)).collect();
    // A cell's key is its own level, so it enters the heap once: a second
    // entry would be popped right after the first and skipped. Without
    // this the heap held each cell up to eight times.
    let mut queued = seeded.clone();
    while let Some((_, i)) = heap.pop() {
        if decided[i] {
            continue;
        }
        decided[i] = true;
        let Some(level) = raw[i] else { continue };
        let brightest = neighbours(i, cols, rows)
            .filter(|&n| paper[n])
            .filter_map(|n| raw[n])
            .fold(f32::NEG_INFINITY, f32::max);
        if seeded[i] || level >= PAPER_STEP * brightest {
            paper[i] = true;
            for n in neighbours(i, cols, rows) {
                if let (false, Some(v)) = (queued[n], raw[n]) {
                    queued[n] = true;
                    heap.push((key(v), n));
                }
            }
        }
        seeded[i] = false;
    }
    paper
}

/// Paper levels everywhere: paper cells keep theirs, the others get the
/// mean of their already-known neighbours, layer by layer inwards.
fn fill_from_paper(raw: &[Option<f32>], paper: &[bool], cols: usize, rows: usize) -> Vec<f32> {
    let mut levels: Vec<Option<f32>> = raw
        .iter()
        .zip(paper)
        .map(|(v, &p)| if p { *v } else { None })
        .collect();
    loop {
        let next: Vec<Option<f32>> = (0..levels.len())
            .map(|i| {
                levels[i].or_else(|| {
                    let (sum, n) = neighbours(i, cols, rows)
                        .filter_map(|n| levels[n])
                        .fold((0.0, 0), |(s, k), v| (s + v, k + 1));
                    (n > 0).then(|| sum / n as f32)
                })
            })
            .collect();
        let progressed = next.iter().flatten().count() > levels.iter().flatten().count();
        levels = next;
        if !progressed {
            break;
        }
    }
    // No paper at all cannot happen (the seeds are paper), but stay whole.
    levels.into_iter().map(|v| v.unwrap_or(255.0)).collect()
}

/// One 3 × 3 mean over the grid (edges average what they have).
fn smooth(levels: &mut [f32], cols: usize, rows: usize) {
    let before = levels.to_vec();
    for (i, level) in levels.iter_mut().enumerate() {
        let (sum, n) = neighbours(i, cols, rows)
            .map(|n| before[n])
            .fold((before[i], 1), |(s, k), v| (s + v, k + 1));
        *level = sum / n as f32;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn picture(w: u32, h: u32, luma: impl Fn(u32, u32) -> u8) -> DecodedImage {
        let pixels = (0..h).flat_map(|y| (0..w).map(move |x| (x, y)));
        DecodedImage::from_luma(w, h, pixels.map(|(x, y)| luma(x, y)).collect()).unwrap()
    }

    fn level_at(paper: &Paper, x: u32, y: u32, w: u32) -> f32 {
        let mut row = vec![0.0; w as usize];
        paper.row_levels(y, 1.0, &mut row);
        row[x as usize]
    }

    #[test]
    fn a_gradient_is_followed() {
        let (w, h) = (480, 240);
        let image = picture(w, h, |x, _| (250 - x * 120 / w) as u8);
        let paper = Paper::estimate(&image, false).unwrap();
        for x in [0, 100, 240, 400, 479] {
            let expected = 250.0 - (x * 120 / w) as f32;
            let got = level_at(&paper, x, 120, w);
            assert!((got - expected).abs() < 6.0, "x {x}: {got} vs {expected}");
        }
    }

    #[test]
    fn a_wide_black_disc_is_not_paper() {
        let (w, h) = (480, 480);
        let image = picture(w, h, |x, y| {
            let (dx, dy) = (f64::from(x) - 240.0, f64::from(y) - 240.0);
            if dx.hypot(dy) < 150.0 { 20 } else { 230 }
        });
        let paper = Paper::estimate(&image, false).unwrap();
        let centre = level_at(&paper, 240, 240, w);
        assert!(centre > 200.0, "{centre}");
    }

    #[test]
    fn inverted_pictures_see_the_dark_side_as_paper() {
        let (w, h) = (200, 200);
        let image = picture(w, h, |x, _| if x % 50 < 5 { 240 } else { 30 });
        let paper = Paper::estimate(&image, true).unwrap();
        // Flipped: the dark background is 255 − 30.
        assert!((level_at(&paper, 100, 100, w) - 225.0).abs() < 3.0);
    }

    #[test]
    fn tiny_pictures_have_no_grid() {
        let image = picture(8, 8, |_, _| 200);
        assert!(Paper::estimate(&image, false).is_none());
    }
}
