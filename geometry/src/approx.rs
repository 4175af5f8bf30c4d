//! One shared way to compare lengths, so every module agrees on what
//! "the same point" means.

/// Lengths closer than this (in mm) are the same length: a thousandth of
/// the default flattening tolerance, far below anything a machine makes.
pub const EPSILON_MM: f64 = 1e-5;

/// `true` when `a` and `b` differ by at most `tolerance` (absolute, in mm).
///
/// ```
/// assert!(geometry::approx::approx_eq(1.0, 1.0 + 1e-7, geometry::approx::EPSILON_MM));
/// assert!(!geometry::approx::approx_eq(1.0, 1.1, 0.01));
/// ```
pub fn approx_eq(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}
