//! Is the design on the bed?
//!
//! Why it matters to a maker: a design that fits the bed but lies partly
//! outside it (after switching from a large laser to a small printer,
//! after a move, or an SVG placed beyond the bed on its page) is cut off
//! by the laser, whose file keeps every part where it is drawn. A slicer
//! arranges printed parts on its plate itself, so for a printer it is
//! only a warning. The fix, "put it on the bed", is the least move that
//! brings the whole design in.
//!
//! A design larger than the bed is [`super::bed`]'s finding, not this one.
//!
//! Current limitations: the design moves as a whole; a drawing whose parts
//! are far apart but would each fit is not rearranged.

use geometry::{Document, Mesh};

use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::cut_paths::Bounds;
use crate::machines::PrinterProfile;
use crate::profile::LaserProfile;

/// Closer than this to the bed's edge is on it (rounding of outlines), mm.
const SLACK_MM: f64 = 1e-6;

/// A laser design sticking out less than this is only a warning: a shape
/// drawn flush with the page's corner and thickened by a fix, a rounding;
/// nobody cuts at the very edge of the bed, and the fix is one click.
const SMALL_OVERHANG_MM: f64 = 1.0;

/// The least shift bringing [`low`, `high`] into [0, `size`] (none if it
/// is inside or cannot fit).
fn shift(low: f64, high: f64, size: f64) -> f64 {
    if high - low > size + SLACK_MM {
        0.0
    } else if low < -SLACK_MM {
        -low
    } else if high > size + SLACK_MM {
        size - high
    } else {
        0.0
    }
}

fn finding(doc: &Document, bounds: BoxMm, bed: (f64, f64), severity: Severity) -> Option<Finding> {
    let dx = shift(bounds.min[0], bounds.max[0], bed.0);
    let dy = shift(bounds.min[1], bounds.max[1], bed.1);
    if dx == 0.0 && dy == 0.0 {
        return None;
    }
    let severity = if dx.abs().max(dy.abs()) < SMALL_OVERHANG_MM {
        Severity::Warning
    } else {
        severity
    };
    let all = doc.shapes.iter().map(|s| s.id).collect();
    Some(
        Finding::new(
            FindingKind::OffBed {
                overhang_mm: dx.abs().max(dy.abs()),
            },
            severity,
        )
        .on(all, Some(bounds))
        .with_fix(Fix::MoveOnBed { dx, dy }),
    )
}

/// The laser design against the laser's bed: blocking (the file keeps
/// positions, so what lies outside is not cut), a warning below
/// [`SMALL_OVERHANG_MM`]. `drawing` is the box of everything the laser
/// does ([`crate::cut_paths::laser_bounds`]).
pub fn laser(doc: &Document, profile: &LaserProfile, drawing: Option<Bounds>) -> Option<Finding> {
    let bounds = BoxMm::from_bounds(drawing?);
    finding(doc, bounds, profile.bed_mm, Severity::Blocking)
}

/// The printed parts against the printer's plate: a warning (a slicer
/// places the parts itself).
pub fn printer(doc: &Document, parts: &[Mesh], profile: &PrinterProfile) -> Option<Finding> {
    let (lo, hi) = parts
        .iter()
        .filter_map(Mesh::bounds)
        .reduce(|(a, b), (c, d)| {
            (
                [a[0].min(c[0]), a[1].min(c[1]), a[2].min(c[2])],
                [b[0].max(d[0]), b[1].max(d[1]), b[2].max(d[2])],
            )
        })?;
    let bounds = BoxMm {
        min: [lo[0], lo[1]],
        max: [hi[0], hi[1]],
    };
    finding(
        doc,
        bounds,
        (profile.bed_mm.0, profile.bed_mm.1),
        Severity::Warning,
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, Severity, apply_fix, check};

    #[test]
    fn a_laser_design_hanging_off_the_bed_is_blocking_and_moves_on() {
        // 100 × 50 mm, its left half beyond x = 0.
        let off = doc(vec![rect(100.0, 50.0, -50.0, 10.0)]);
        let report = check(&off, &laser(), &CheckOptions::default());
        let found = of_kind(&report.findings, "off_bed");
        assert_eq!(found.len(), 1, "{report:?}");
        assert_eq!(found[0].severity, Severity::Blocking);
        assert!(!report.is_ready());
        let fixed = apply_fix(&off, found[0].fix.as_ref().unwrap());
        let report = check(&fixed, &laser(), &CheckOptions::default());
        assert!(
            of_kind(&report.findings, "off_bed").is_empty(),
            "{report:?}"
        );
        let on = doc(vec![rect(100.0, 50.0, 0.0, 10.0)]);
        let report = check(&on, &laser(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "off_bed").is_empty());
        // A quarter of a millimetre beyond the edge: a warning.
        let edge = doc(vec![rect(100.0, 50.0, -0.25, 10.0)]);
        let report = check(&edge, &laser(), &CheckOptions::default());
        let found = of_kind(&report.findings, "off_bed");
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn a_printed_part_off_the_plate_is_a_warning_that_moves_it_on() {
        let off = doc(vec![rect(40.0, 40.0, 170.0, 20.0)]);
        let report = check(&off, &printer(), &CheckOptions::default());
        let found = of_kind(&report.findings, "off_bed");
        assert_eq!(found.len(), 1, "{report:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        let fixed = apply_fix(&off, found[0].fix.as_ref().unwrap());
        let report = check(&fixed, &printer(), &CheckOptions::default());
        assert!(
            of_kind(&report.findings, "off_bed").is_empty(),
            "{report:?}"
        );
    }

    #[test]
    fn a_design_larger_than_the_bed_is_not_also_off_it() {
        let big = doc(vec![rect(5000.0, 50.0, -100.0, 0.0)]);
        let report = check(&big, &laser(), &CheckOptions::default());
        assert!(of_kind(&report.findings, "off_bed").is_empty());
        assert_eq!(of_kind(&report.findings, "too_big").len(), 1);
    }
}
