//! Does the design fit the machine?
//!
//! Why it matters to a maker: a laser cannot cut beyond its bed and a
//! printer cannot print beyond its build volume; the lab software refuses
//! the file or, worse, silently cuts off what sticks out. A design drawn
//! without units is often 3.78 times too big (pixels taken as millimetres),
//! which this check catches before the trip to the lab.
//!
//! A laser design that only fits turned a quarter turn is a warning (the
//! sheet can be turned); one that fits in no direction is blocking, with a
//! [`Fix::ScaleToFit`] that shrinks it to fit the bed.
//!
//! Current limitations: the printer bed is checked with the parts as
//! placed, not as a slicer would arrange them; no margin is kept for the
//! laser's clamps or the printer's purge line.

use geometry::{Document, Mesh};

use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::cut_paths::Bounds;
use crate::machines::PrinterProfile;
use crate::profile::LaserProfile;

/// Factors are rounded down to this step so the scaled design fits even
/// after rounding (and reads well: ×0.734).
const FACTOR_STEP: f64 = 0.001;

fn rounded_down(factor: f64) -> f64 {
    (factor / FACTOR_STEP).floor() * FACTOR_STEP
}

/// The laser design against the laser's bed; `drawing` is the box of
/// everything the laser does ([`crate::cut_paths::laser_bounds`]).
pub fn laser(doc: &Document, profile: &LaserProfile, drawing: Option<Bounds>) -> Option<Finding> {
    let bounds = BoxMm::from_bounds(drawing?);
    let [w, h] = bounds.size();
    let (bw, bh) = profile.bed_mm;
    let fits = |w: f64, h: f64| w <= bw && h <= bh;
    if fits(w, h) {
        return None;
    }
    let fits_rotated = fits(h, w);
    let kind = FindingKind::TooBig {
        size_mm: [w, h, 0.0],
        bed_mm: [bw, bh, 0.0],
        fits_rotated,
    };
    let all = doc.shapes.iter().map(|s| s.id).collect();
    if fits_rotated {
        return Some(Finding::new(kind, Severity::Warning).on(all, Some(bounds)));
    }
    let straight = (bw / w).min(bh / h);
    let turned = (bw / h).min(bh / w);
    let factor = rounded_down(straight.max(turned));
    Some(
        Finding::new(kind, Severity::Blocking)
            .on(all, Some(bounds))
            .with_fix(Fix::ScaleToFit {
                factor,
                heights: false,
            }),
    )
}

/// The extruded parts against the printer's build volume.
pub fn printer(parts: &[Mesh], profile: &PrinterProfile) -> Option<Finding> {
    let (lo, hi) = parts
        .iter()
        .filter_map(Mesh::bounds)
        .reduce(|(a, b), (c, d)| {
            (
                [a[0].min(c[0]), a[1].min(c[1]), a[2].min(c[2])],
                [b[0].max(d[0]), b[1].max(d[1]), b[2].max(d[2])],
            )
        })?;
    let size = [hi[0] - lo[0], hi[1] - lo[1], hi[2].max(0.0)];
    let (bw, bd, bh) = profile.bed_mm;
    let fits = |w: f64, d: f64| w <= bw && d <= bd && size[2] <= bh;
    if fits(size[0], size[1]) {
        return None;
    }
    let fits_rotated = fits(size[1], size[0]);
    let kind = FindingKind::TooBig {
        size_mm: size,
        bed_mm: [bw, bd, bh],
        fits_rotated,
    };
    let bounds = Some(BoxMm {
        min: [lo[0], lo[1]],
        max: [hi[0], hi[1]],
    });
    if fits_rotated {
        return Some(Finding::new(kind, Severity::Warning).on(Vec::new(), bounds));
    }
    let flat = (bw / size[0]).min(bd / size[1]);
    let turned = (bw / size[1]).min(bd / size[0]);
    let tall = if size[2] > 0.0 {
        bh / size[2]
    } else {
        f64::INFINITY
    };
    let factor = rounded_down(flat.max(turned).min(tall));
    Some(
        Finding::new(kind, Severity::Blocking)
            .on(Vec::new(), bounds)
            .with_fix(Fix::ScaleToFit {
                factor,
                heights: true,
            }),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, Severity, apply_fix, check};

    #[test]
    fn a_design_larger_than_the_laser_bed_is_blocking_and_scales_to_fit() {
        let good = doc(vec![rect(500.0, 250.0, 0.0, 0.0)]);
        let report = check(&good, &laser(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "too_big").is_empty());

        // The classic pixels-as-millimetres mistake: 3.78 times too big.
        let big = doc(vec![rect(500.0 * 3.78, 250.0 * 3.78, 0.0, 0.0)]);
        let report = check(&big, &laser(), &CheckOptions::default());
        let found = of_kind(&report.findings, "too_big");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Blocking);
        assert!(!report.is_ready());
        let fixed = apply_fix(&big, found[0].fix.as_ref().unwrap());
        let report = check(&fixed, &laser(), &CheckOptions::default());
        assert!(
            of_kind(&report.findings, "too_big").is_empty(),
            "{report:?}"
        );
    }

    #[test]
    fn a_design_that_fits_turned_is_a_warning() {
        let tall = doc(vec![rect(250.0, 500.0, 0.0, 0.0)]);
        let report = check(&tall, &laser(), &CheckOptions::default());
        let found = of_kind(&report.findings, "too_big");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].fix.is_none());
        assert!(report.is_ready());
    }

    #[test]
    fn a_part_taller_than_the_printer_is_blocking_and_scales_to_fit() {
        let good = doc(vec![rect(100.0, 100.0, 0.0, 0.0)]);
        let report = check(&good, &printer(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "too_big").is_empty());

        let mut tower = doc(vec![rect(100.0, 100.0, 0.0, 0.0)]);
        tower.shapes[0].extrusion.height = 360.0;
        let report = check(&tower, &printer(), &CheckOptions::default());
        let found = of_kind(&report.findings, "too_big");
        assert_eq!(found.len(), 1, "{report:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        let fixed = apply_fix(&tower, found[0].fix.as_ref().unwrap());
        let report = check(&fixed, &printer(), &CheckOptions::default());
        assert!(
            of_kind(&report.findings, "too_big").is_empty(),
            "{report:?}"
        );
    }
}
