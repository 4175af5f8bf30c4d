//! The pen's own half-width, read from how the drawing's line ends fade.
//!
//! A line end is placed a share of the pen's half-width back from where
//! its darkness (summed across the line) falls to half. The thresholded
//! line's half-width is as wide as the blur makes it at the threshold: a
//! 1.5 px pen line reads 2.1–2.7 px wide on the generated phone photos,
//! and its ends came out short by up to 0.7 px on average. Across a line
//! the photo shows the pen's stroke (a box of half-width `h`) blurred by
//! the lens (a Gaussian of deviation `s`): its darkness summed across,
//! over its peak, is `2h / (2Φ(h/s) − 1)` whatever the light and the
//! ink. Along the line, its end's darkness falls from three quarters to a
//! quarter over about 1.35 `s` (a blurred step; the pen's round end adds
//! little). The medians over all of a drawing's ends give `s`, then `h`.

use super::line_ends::EndReading;

/// A blurred step falls from three quarters to a quarter over this many
/// deviations of the blur (twice the normal's third quartile).
const SPREAD_PER_DEVIATION: f64 = 1.349;
/// Fewest ends read for an estimate.
const MIN_ENDS: usize = 8;

/// The pen's half-width from the `readings` of a drawing's line ends, in
/// pixels; `None` with too few ends.
pub(super) fn pen_half_width(readings: &[EndReading]) -> Option<f64> {
    let mut spreads: Vec<f64> = readings.iter().filter_map(|r| r.spread).collect();
    let mut ratios: Vec<f64> = readings.iter().filter_map(|r| r.area_over_peak).collect();
    if spreads.len() < MIN_ENDS || ratios.len() < MIN_ENDS {
        return None;
    }
    let deviation = median(&mut spreads) / SPREAD_PER_DEVIATION;
    let ratio = median(&mut ratios);
    box_in_blur(ratio, deviation)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The half-width `h` of a box whose profile, blurred by a Gaussian of
/// deviation `s`, has `area_over_peak`.
fn box_in_blur(area_over_peak: f64, s: f64) -> Option<f64> {
    if s <= 0.0 || area_over_peak <= 0.0 {
        return None;
    }
    // The ratio grows with h, from s √(2π) (a hairline) to 2h.
    let ratio = |h: f64| {
        if h <= 0.0 {
            s * (std::f64::consts::TAU).sqrt()
        } else {
            2.0 * h / (2.0 * phi(h / s) - 1.0)
        }
    };
    if area_over_peak <= ratio(0.0) {
        return Some(0.0);
    }
    let (mut lo, mut hi) = (0.0, area_over_peak);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if ratio(mid) < area_over_peak {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

/// The standard normal distribution function (Abramowitz & Stegun
/// 7.1.26, within 1.5e-7).
fn phi(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blurred_box_gives_back_its_half_width() {
        for (h, s) in [(0.75, 1.2), (1.0, 1.0), (2.0, 0.8)] {
            let peak = 2.0 * phi(h / s) - 1.0;
            let found = box_in_blur(2.0 * h / peak, s).unwrap();
            assert!((found - h).abs() < 1e-6, "{h} {s}: {found}");
        }
    }
}
