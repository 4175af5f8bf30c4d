//! A two-colour picture packed one bit per pixel, the input of the tracer.
//!
//! Bit `x % 64` of word `x / 64` of a row is pixel `x`; `1` is foreground
//! (what gets traced, normally the dark ink). Rows carry one spare word so
//! that the lattice line just right of the last pixel can be read like any
//! other (it is always background), which keeps the hot loops branch-free.

/// A foreground/background picture, one bit per pixel, rows top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bitmap {
    width: u32,
    height: u32,
    words_per_row: usize,
    words: Vec<u64>,
}

impl Bitmap {
    /// An all-background bitmap of `width` × `height` pixels.
    pub fn new(width: u32, height: u32) -> Self {
        let words_per_row = width as usize / 64 + 1;
        Self {
            width,
            height,
            words_per_row,
            words: vec![0; words_per_row * height as usize],
        }
    }

    /// A bitmap from rows of booleans (`true` = foreground); rows shorter
    /// than the first are padded with background. Handy for tests.
    pub fn from_rows(rows: &[Vec<bool>]) -> Self {
        let width = rows.first().map_or(0, Vec::len) as u32;
        let mut bitmap = Self::new(width, rows.len() as u32);
        for (y, row) in rows.iter().enumerate() {
            for (x, &on) in row.iter().enumerate().take(width as usize) {
                if on {
                    bitmap.set(x as u32, y as u32);
                }
            }
        }
        bitmap
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Words in each row (`width / 64 + 1`).
    pub(crate) fn words_per_row(&self) -> usize {
        self.words_per_row
    }

    /// Packed words of row `y`.
    pub(crate) fn row(&self, y: usize) -> &[u64] {
        &self.words[y * self.words_per_row..(y + 1) * self.words_per_row]
    }

    /// All rows, mutably, for filling in parallel.
    pub(crate) fn words_mut(&mut self) -> &mut [u64] {
        &mut self.words
    }

    /// Marks pixel (`x`, `y`) as foreground; out-of-range pixels are ignored.
    pub fn set(&mut self, x: u32, y: u32) {
        if x < self.width && y < self.height {
            let i = y as usize * self.words_per_row + x as usize / 64;
            self.words[i] |= 1 << (x % 64);
        }
    }

    /// Whether pixel (`x`, `y`) is foreground; everything outside is background.
    #[inline]
    pub fn get(&self, x: i64, y: i64) -> bool {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return false;
        }
        let i = y as usize * self.words_per_row + x as usize / 64;
        (self.words[i] >> (x % 64)) & 1 == 1
    }

    /// Number of foreground pixels.
    pub fn count(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// This bitmap shrunk to `width` × `height` pixels (at most its own
    /// size), each pixel foreground where any pixel of the block it covers
    /// is: lines thinner than a block stay unbroken (8-connected pixels
    /// stay 8-connected), as a shown picture shrunk by sampling or by
    /// averaging does not keep them. The blocks split the bitmap in
    /// proportion, a block or two wider where the sizes do not divide.
    pub fn shrunk_any(&self, width: u32, height: u32) -> Bitmap {
        let (width, height) = (
            width.clamp(1, self.width.max(1)),
            height.clamp(1, self.height.max(1)),
        );
        let (w, h) = (u64::from(self.width), u64::from(self.height));
        self.pooled(
            width,
            height,
            |x| (u64::from(x) * w / u64::from(width)) as usize,
            |y| (u64::from(y) * h / u64::from(height)) as usize,
        )
    }

    /// This bitmap shrunk by `factor` in both directions as
    /// [`Bitmap::shrunk_any`] shrinks it, over blocks of `factor` ×
    /// `factor` pixels (partial ones at the right and bottom edges).
    pub(crate) fn shrunk_any_by(&self, factor: u32) -> Bitmap {
        let factor = factor.max(1);
        let (w, h) = (self.width, self.height);
        self.pooled(
            w.div_ceil(factor),
            h.div_ceil(factor),
            |x| x.saturating_mul(factor).min(w) as usize,
            |y| y.saturating_mul(factor).min(h) as usize,
        )
    }

    /// A `width` × `height` bitmap whose pixel (x, y) is foreground where
    /// any of this bitmap's pixels in columns `column(x)..column(x + 1)`
    /// and rows `row(y)..row(y + 1)` is (`column(width)` and `row(height)`
    /// are this bitmap's width and height).
    fn pooled(
        &self,
        width: u32,
        height: u32,
        column: impl Fn(u32) -> usize,
        row: impl Fn(u32) -> usize,
    ) -> Bitmap {
        let mut out = Bitmap::new(width, height);
        let mut any = vec![0_u64; self.words_per_row];
        let columns: Vec<usize> = (0..=width).map(&column).collect();
        for y in 0..height {
            // The block's rows, OR-ed together.
            any.fill(0);
            for source in row(y)..row(y + 1) {
                for (a, &word) in any.iter_mut().zip(self.row(source)) {
                    *a |= word;
                }
            }
            let base = y as usize * out.words_per_row;
            for (x, span) in columns.windows(2).enumerate() {
                if span[0] < span[1] && any_between(&any, span[0], span[1]) {
                    out.words[base + x / 64] |= 1 << (x % 64);
                }
            }
        }
        out
    }
}

/// Whether any bit from `from` to before `to` (`from < to`) is set in
/// `words`.
fn any_between(words: &[u64], from: usize, to: usize) -> bool {
    let (first, last) = (from / 64, (to - 1) / 64);
    let low = !0_u64 << (from % 64);
    let high = !0_u64 >> (63 - (to - 1) % 64);
    if first == last {
        return words[first] & low & high != 0;
    }
    words[first] & low != 0
        || words[first + 1..last].iter().any(|&w| w != 0)
        || words[last] & high != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_and_count() {
        for width in [1, 63, 64, 65, 200] {
            let mut b = Bitmap::new(width, 3);
            b.set(width - 1, 2);
            b.set(0, 0);
            b.set(width, 0); // outside: ignored
            assert!(b.get(i64::from(width) - 1, 2));
            assert!(b.get(0, 0));
            assert!(!b.get(-1, 0) && !b.get(i64::from(width), 0) && !b.get(0, 3));
            assert_eq!(b.count(), 2);
        }
    }

    /// The groups of 8-connected foreground pixels of `b`.
    fn groups(b: &Bitmap) -> usize {
        let (w, h) = (i64::from(b.width()), i64::from(b.height()));
        let mut seen = vec![false; (w * h) as usize];
        let mut count = 0;
        for start in 0..w * h {
            if seen[start as usize] || !b.get(start % w, start / w) {
                continue;
            }
            count += 1;
            seen[start as usize] = true;
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                for dy in -1..=1 {
                    for dx in -1..=1 {
                        let (x, y) = (i % w + dx, i / w + dy);
                        if b.get(x, y) && !seen[(y * w + x) as usize] {
                            seen[(y * w + x) as usize] = true;
                            stack.push(y * w + x);
                        }
                    }
                }
            }
        }
        count
    }

    #[test]
    fn a_one_pixel_line_shrunk_stays_one_unbroken_line() {
        // 1 px lines at many slopes across a 700 × 500 bitmap, shrunk by
        // whole factors and to sizes that do not divide it.
        for slope in [0.03, 0.3, 0.62, 1.0, 1.7, 9.0] {
            let mut b = Bitmap::new(700, 500);
            let steps = 40_000;
            for k in 0..=steps {
                let t = f64::from(k) / f64::from(steps);
                let (x, y) = (10.0 + 680.0 * t, 490.0 - (480.0 * t * slope).min(480.0));
                b.set(x as u32, y as u32);
            }
            assert_eq!(groups(&b), 1);
            for small in [
                b.shrunk_any_by(3),
                b.shrunk_any_by(7),
                b.shrunk_any(233, 171),
                b.shrunk_any(64, 40),
            ] {
                assert_eq!(
                    groups(&small),
                    1,
                    "slope {slope}, {}×{}",
                    small.width(),
                    small.height()
                );
            }
            assert_eq!(b.shrunk_any_by(3).width(), 234);
            assert_eq!(b.shrunk_any_by(7).height(), 72);
        }
    }

    #[test]
    fn a_shrunk_pixel_is_foreground_where_any_pixel_under_it_is() {
        let mut b = Bitmap::new(130, 10);
        // One pixel in the block of columns 126–129 (the last, partial).
        b.set(129, 9);
        b.set(63, 0);
        b.set(64, 0);
        let small = b.shrunk_any_by(4);
        assert_eq!((small.width(), small.height()), (33, 3));
        assert!(small.get(32, 2) && small.get(15, 0) && small.get(16, 0));
        assert_eq!(small.count(), 3);
        // Its own size: unchanged.
        assert_eq!(b.shrunk_any(130, 10), b);
        assert_eq!(b.shrunk_any_by(1), b);
    }
}
