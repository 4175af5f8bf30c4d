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
}
