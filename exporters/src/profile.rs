//! Laser machine profiles: what colour and stroke each lab's laser software
//! reads as cut, score and engrave, and the size of the machine's bed.
//!
//! Every lab has its own colour code; red hairline cut, blue hairline score
//! and black fill engrave is the most common one and is
//! [`LaserProfile::generic`]. Profiles are plain serde data so that labs can
//! ship their own files.
//!
//! Besides the colour code, a profile carries what the lab-readiness checks
//! ([`crate::check`]) need: the kerf, the smallest feature the lab trusts
//! the machine with, and the usual material thickness. The shipped
//! profiles are JSON files in `assets/machines/` (see [`crate::machines`]).
//!
//! Current limitations: the kerf is carried for the lab-readiness checks but
//! no exporter compensates for it (the paths are the design's exact outline).
//! Cut and score share one stroke width.

use serde::{Deserialize, Serialize};

/// Thinnest stroke that laser drivers still read as a hairline, mm.
pub const MIN_HAIRLINE_MM: f64 = 0.01;
/// Thickest stroke that print-driver lasers (Epilog…) still cut as a vector
/// line, mm: anything thicker is rastered (engraved) instead.
pub const MAX_HAIRLINE_MM: f64 = 0.025;
/// Largest kerf we accept, mm: real machines are at 0.1–0.3 mm, so beyond
/// this it is a typo (say 2 for 0.2).
pub const MAX_KERF_MM: f64 = 1.0;
/// Thickest sheet we accept in a profile, mm: lab lasers cut up to about
/// 10–20 mm; beyond this it is a typo.
pub const MAX_THICKNESS_MM: f64 = 50.0;
/// Smallest feature assumed when a profile file does not say, mm: about
/// what survives in 3 mm plywood or acrylic without snapping or melting.
pub const DEFAULT_MIN_FEATURE_MM: f64 = 0.5;
/// Sheet thickness assumed when a profile file does not say, mm: the
/// plywood and acrylic most labs stock.
pub const DEFAULT_THICKNESS_MM: f64 = 3.0;

/// How one laser (or one lab's habit) wants its files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaserProfile {
    /// Stable identifier, referenced by documents (`Document::machine_id`).
    pub id: String,
    /// Name shown to the user.
    pub name: String,
    /// Stroke colour meaning "cut through", `#RRGGBB`.
    pub cut_color: String,
    /// Stroke colour meaning "score a line", `#RRGGBB`.
    pub score_color: String,
    /// Fill colour meaning "engrave this area", `#RRGGBB`.
    pub engrave_color: String,
    /// Width of cut and score strokes, mm: a hairline
    /// ([`MIN_HAIRLINE_MM`]..=[`MAX_HAIRLINE_MM`]).
    pub stroke_width_mm: f64,
    /// Usable bed size (width, height), mm.
    pub bed_mm: (f64, f64),
    /// Width of material the beam burns away, mm.
    pub kerf_mm: f64,
    /// Narrowest feature (a strip of material between two cuts) the lab
    /// trusts to survive, mm: not less than the kerf.
    #[serde(default = "default_min_feature")]
    pub min_feature_mm: f64,
    /// Thickness of the sheet usually cut on this machine, mm (the checks
    /// use it for the smallest hole that cuts cleanly).
    #[serde(default = "default_thickness")]
    pub material_thickness_mm: f64,
}

fn default_min_feature() -> f64 {
    DEFAULT_MIN_FEATURE_MM
}

fn default_thickness() -> f64 {
    DEFAULT_THICKNESS_MM
}

/// Why a profile would make an unusable laser file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProfileError {
    /// A colour that is not `#RRGGBB`.
    #[error("colour {value:?} for {operation} is not of the form #RRGGBB")]
    Color {
        /// `"cut"`, `"score"` or `"engrave"`.
        operation: &'static str,
        /// The colour as written in the profile.
        value: String,
    },
    /// Two operations share a colour, so the laser cannot tell them apart.
    #[error("{first} and {second} have the same colour {value}")]
    SameColor {
        /// One operation.
        first: &'static str,
        /// The other operation.
        second: &'static str,
        /// The shared colour.
        value: String,
    },
    /// A stroke width outside the hairline range.
    #[error("stroke width {value} mm is not a hairline (0.01–0.025 mm)")]
    StrokeWidth {
        /// The width in the profile, mm.
        value: f64,
    },
    /// A bed that is not two positive lengths.
    #[error("bed size {width} × {height} mm is not usable")]
    Bed {
        /// Width in the profile, mm.
        width: f64,
        /// Height in the profile, mm.
        height: f64,
    },
    /// A smallest feature that is negative, not a number, or under the kerf.
    #[error("smallest feature {value} mm is not usable (from the kerf to 10 mm)")]
    MinFeature {
        /// The smallest feature in the profile, mm.
        value: f64,
    },
    /// A material thickness that is not a positive, plausible length.
    #[error("material thickness {value} mm is not usable (0–50 mm)")]
    Thickness {
        /// The thickness in the profile, mm.
        value: f64,
    },
    /// A negative, non-finite or absurd kerf.
    #[error("kerf {value} mm is not usable (0–1 mm)")]
    Kerf {
        /// The kerf in the profile, mm.
        value: f64,
    },
}

impl LaserProfile {
    /// The common colour code: red hairline cut, blue hairline score, black
    /// fill engrave, on a 600 × 300 mm bed (the size class of most lab
    /// lasers) with a 0.2 mm kerf (the middle of the usual 0.1–0.3 mm).
    pub fn generic() -> Self {
        Self {
            id: "generic".to_owned(),
            name: "Generic laser".to_owned(),
            cut_color: "#FF0000".to_owned(),
            score_color: "#0000FF".to_owned(),
            engrave_color: "#000000".to_owned(),
            stroke_width_mm: 0.02,
            bed_mm: (600.0, 300.0),
            kerf_mm: 0.2,
            min_feature_mm: DEFAULT_MIN_FEATURE_MM,
            material_thickness_mm: DEFAULT_THICKNESS_MM,
        }
    }

    /// The profile's colour code as the SVG import reads colours (a colour
    /// that does not parse, in a profile never validated, counts as the
    /// generic code's): what a file made elsewhere is read with, by the
    /// command line and the app alike.
    pub fn lab_colors(&self) -> geometry::import::LabColors {
        let default = geometry::import::LabColors::default();
        geometry::import::LabColors {
            cut: self.cut_color.parse().unwrap_or(default.cut),
            score: self.score_color.parse().unwrap_or(default.score),
            engrave: self.engrave_color.parse().unwrap_or(default.engrave),
        }
    }

    /// Checks every value that ends up in a file, so that a broken profile
    /// file gives a clear error instead of a file the laser misreads.
    pub fn validate(&self) -> Result<(), ProfileError> {
        let colors = [
            ("cut", &self.cut_color),
            ("score", &self.score_color),
            ("engrave", &self.engrave_color),
        ];
        let mut parsed: Vec<(&'static str, [u8; 3])> = Vec::with_capacity(colors.len());
        for (operation, value) in colors {
            let rgb = parse_hex_color(value).ok_or_else(|| ProfileError::Color {
                operation,
                value: value.clone(),
            })?;
            if let Some(&(first, _)) = parsed.iter().find(|(_, other)| *other == rgb) {
                return Err(ProfileError::SameColor {
                    first,
                    second: operation,
                    value: value.clone(),
                });
            }
            parsed.push((operation, rgb));
        }
        if !(MIN_HAIRLINE_MM..=MAX_HAIRLINE_MM).contains(&self.stroke_width_mm) {
            return Err(ProfileError::StrokeWidth {
                value: self.stroke_width_mm,
            });
        }
        let (width, height) = self.bed_mm;
        if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
            return Err(ProfileError::Bed { width, height });
        }
        if !(0.0..=MAX_KERF_MM).contains(&self.kerf_mm) {
            return Err(ProfileError::Kerf {
                value: self.kerf_mm,
            });
        }
        if !(self.kerf_mm..=10.0).contains(&self.min_feature_mm) {
            return Err(ProfileError::MinFeature {
                value: self.min_feature_mm,
            });
        }
        let thickness = self.material_thickness_mm;
        if !(thickness > 0.0 && thickness <= MAX_THICKNESS_MM) {
            return Err(ProfileError::Thickness { value: thickness });
        }
        Ok(())
    }
}

impl Default for LaserProfile {
    fn default() -> Self {
        Self::generic()
    }
}

/// `#RRGGBB` (either case) as red, green, blue; `None` for anything else.
pub(crate) fn parse_hex_color(value: &str) -> Option<[u8; 3]> {
    let hex = value.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_colour_code_reads_as_the_import_reads_it() {
        use geometry::import::{LabColors, Rgb};
        let mut profile = LaserProfile::generic();
        assert_eq!(profile.lab_colors(), LabColors::default());
        profile.cut_color = "#000000".into();
        profile.score_color = "#00e000".into();
        profile.engrave_color = "not a colour".into();
        assert_eq!(
            profile.lab_colors(),
            LabColors {
                cut: Rgb::BLACK,
                score: Rgb([0, 0xE0, 0]),
                engrave: Rgb::BLACK,
            }
        );
    }

    #[test]
    fn generic_profile_is_valid_and_round_trips_through_json() {
        let profile = LaserProfile::generic();
        assert_eq!(profile.validate(), Ok(()));
        assert_eq!(profile.cut_color, "#FF0000");
        assert_eq!(profile.score_color, "#0000FF");
        assert_eq!(profile.engrave_color, "#000000");
        let json = serde_json::to_string(&profile).unwrap();
        let back: LaserProfile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, profile);
    }

    #[test]
    fn broken_values_are_rejected() {
        type Breaker = fn(&mut LaserProfile);
        let cases: [(Breaker, &str); 10] = [
            (|p| p.cut_color = "red".into(), "colour"),
            (|p| p.score_color = "#00F".into(), "colour"),
            (|p| p.engrave_color = "#ff0000".into(), "same colour"),
            (|p| p.stroke_width_mm = 0.1, "hairline"),
            (|p| p.stroke_width_mm = f64::NAN, "hairline"),
            (|p| p.bed_mm = (0.0, 300.0), "bed"),
            (|p| p.kerf_mm = -0.1, "kerf"),
            (|p| p.min_feature_mm = 0.1, "smallest feature"),
            (|p| p.material_thickness_mm = 0.0, "thickness"),
            (|p| p.material_thickness_mm = f64::NAN, "thickness"),
        ];
        for (breaks, expected) in cases {
            let mut profile = LaserProfile::generic();
            breaks(&mut profile);
            let error = profile.validate().unwrap_err().to_string();
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        }
    }

    #[test]
    fn hex_colours_parse() {
        assert_eq!(parse_hex_color("#FF8000"), Some([255, 128, 0]));
        assert_eq!(parse_hex_color("#ff8000"), Some([255, 128, 0]));
        assert_eq!(parse_hex_color("FF8000"), None);
        assert_eq!(parse_hex_color("#FF80"), None);
        assert_eq!(parse_hex_color("#GG8000"), None);
        assert_eq!(parse_hex_color("#ÉÉ800"), None);
    }
}
