//! 3D printer profiles: the build volume and the nozzle, which decide what
//! fits and how thin a wall can be printed.

use serde::{Deserialize, Serialize};

/// Narrowest nozzle we accept, mm (0.1 mm nozzles exist but are rare).
pub const MIN_NOZZLE_MM: f64 = 0.1;
/// Widest nozzle we accept, mm (1.2 mm is already a "volcano" nozzle).
pub const MAX_NOZZLE_MM: f64 = 2.0;
/// Largest build dimension we accept, mm: beyond a metre it is a typo.
pub const MAX_BUILD_MM: f64 = 1000.0;
/// Printed lines a wall needs to stand: one line is a wall that splits
/// and that slicers often drop, two is the usual minimum (0.8 mm at 0.4).
pub const LINES_PER_WALL: f64 = 2.0;

/// How one 3D printer builds parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrinterProfile {
    /// Stable identifier, referenced by documents (`Document::machine_id`).
    pub id: String,
    /// Name shown to the user.
    pub name: String,
    /// Build volume (width, depth, height), mm.
    pub bed_mm: (f64, f64, f64),
    /// Nozzle diameter, mm (usually 0.4).
    pub nozzle_mm: f64,
}

/// Why a printer profile is unusable.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PrinterProfileError {
    /// A build volume that is not three positive, plausible lengths.
    #[error("build volume {width} × {depth} × {height} mm is not usable")]
    Bed {
        /// Width in the profile, mm.
        width: f64,
        /// Depth in the profile, mm.
        depth: f64,
        /// Height in the profile, mm.
        height: f64,
    },
    /// A nozzle outside 0.1–2 mm.
    #[error("nozzle {value} mm is not usable (0.1–2 mm)")]
    Nozzle {
        /// The nozzle in the profile, mm.
        value: f64,
    },
}

impl PrinterProfile {
    /// A 180 × 180 × 180 mm printer with a 0.4 mm nozzle: the smallest
    /// common bed, so whatever passes the checks fits every lab printer.
    pub fn generic() -> Self {
        Self {
            id: "generic-printer".to_owned(),
            name: "Generic 3D printer".to_owned(),
            bed_mm: (180.0, 180.0, 180.0),
            nozzle_mm: 0.4,
        }
    }

    /// Thinnest wall that prints reliably: [`LINES_PER_WALL`] nozzle widths, mm.
    pub fn min_wall_mm(&self) -> f64 {
        LINES_PER_WALL * self.nozzle_mm
    }

    /// Checks the values the checks rely on.
    pub fn validate(&self) -> Result<(), PrinterProfileError> {
        let (width, depth, height) = self.bed_mm;
        let usable = |v: f64| v > 0.0 && v <= MAX_BUILD_MM;
        if !(usable(width) && usable(depth) && usable(height)) {
            return Err(PrinterProfileError::Bed {
                width,
                depth,
                height,
            });
        }
        if !(MIN_NOZZLE_MM..=MAX_NOZZLE_MM).contains(&self.nozzle_mm) {
            return Err(PrinterProfileError::Nozzle {
                value: self.nozzle_mm,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn generic_printer_is_valid_and_walls_are_two_lines() {
        let p = PrinterProfile::generic();
        assert_eq!(p.validate(), Ok(()));
        assert!((p.min_wall_mm() - 0.8).abs() < 1e-12);
    }

    #[test]
    fn broken_values_are_rejected() {
        type Breaker = fn(&mut PrinterProfile);
        let cases: [(Breaker, &str); 4] = [
            (|p| p.bed_mm.0 = 0.0, "build volume"),
            (|p| p.bed_mm.2 = f64::INFINITY, "build volume"),
            (|p| p.nozzle_mm = 4.0, "nozzle"),
            (|p| p.nozzle_mm = f64::NAN, "nozzle"),
        ];
        for (breaks, expected) in cases {
            let mut p = PrinterProfile::generic();
            breaks(&mut p);
            let error = p.validate().unwrap_err().to_string();
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        }
    }
}
