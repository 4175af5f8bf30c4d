//! Prefix sums of the path's coordinates and their products, so that the
//! mean and covariance of any run of path points cost O(1) (used by the
//! polygon penalty and the vertex adjustment).

/// Coordinates are taken relative to the path's first point to keep the
/// sums small and exact enough in `f64`.
#[derive(Clone, Debug)]
pub struct Sums {
    origin: [i32; 2],
    /// `prefix[k]` = sums over points `0..k`, as `[x, y, xx, xy, yy]`.
    prefix: Vec<[f64; 5]>,
}

/// Mean and covariance of a run of points.
#[derive(Clone, Copy, Debug)]
pub struct Moments {
    /// Mean x and y, relative to the path's origin.
    pub mean: [f64; 2],
    /// Covariance `[xx, xy, yy]`.
    pub cov: [f64; 3],
}

impl Sums {
    /// Sums for the cyclic path `points`.
    pub fn new(points: &[[i32; 2]]) -> Self {
        let origin = points.first().copied().unwrap_or([0, 0]);
        let mut prefix = Vec::with_capacity(points.len() + 1);
        let mut acc = [0.0; 5];
        prefix.push(acc);
        for p in points {
            let x = f64::from(p[0] - origin[0]);
            let y = f64::from(p[1] - origin[1]);
            acc[0] += x;
            acc[1] += y;
            acc[2] += x * x;
            acc[3] += x * y;
            acc[4] += y * y;
            prefix.push(acc);
        }
        Self { origin, prefix }
    }

    /// The point the sums are relative to.
    pub fn origin(&self) -> [i32; 2] {
        self.origin
    }

    fn n(&self) -> usize {
        self.prefix.len() - 1
    }

    /// Sums up to (excluding) unrolled index `k` (`k` may exceed `n`).
    fn upto(&self, k: usize) -> [f64; 5] {
        let n = self.n();
        let (laps, rest) = (k / n, k % n);
        let full = self.prefix[n];
        let part = self.prefix[rest];
        std::array::from_fn(|i| part[i] + laps as f64 * full[i])
    }

    /// Moments of points `i..=j` (unrolled indices, `i <= j < i + 2n`).
    pub fn moments(&self, i: usize, j: usize) -> Moments {
        let a = self.upto(i);
        let b = self.upto(j + 1);
        let s: [f64; 5] = std::array::from_fn(|t| b[t] - a[t]);
        let count = (j + 1 - i) as f64;
        let mean = [s[0] / count, s[1] / count];
        let cov = [
            s[2] / count - mean[0] * mean[0],
            s[3] / count - mean[0] * mean[1],
            s[4] / count - mean[1] * mean[1],
        ];
        Moments { mean, cov }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_wrap_around() {
        let square = [[5, 5], [6, 5], [6, 6], [5, 6]];
        let sums = Sums::new(&square);
        let m = sums.moments(2, 5); // points 2, 3, 0, 1
        assert_eq!(m.mean, [0.5, 0.5]);
        assert_eq!(m.cov, [0.25, 0.0, 0.25]);
    }
}
