//! Are lines drawn on top of each other?
//!
//! Why it matters to a maker: a laser burns every line it is given. A shape
//! duplicated in place, a traced outline over a drawn one, or two parts
//! sharing an edge make it pass twice over the same line: the wood chars,
//! acrylic melts and the edge comes out dark and wide, and the job takes
//! longer. Fabrique's laser export burns each shared line once, but the
//! design is not clean for any other software, so this is a warning.
//!
//! A shape whose every line lies on another's is an exact duplicate, with a
//! [`Fix::RemoveDuplicates`]; shapes that only share part of an edge (two
//! touching parts) have no fix: it is often meant.
//!
//! Current limitations: shapes are compared two by two (after a bounding
//! box test), which is slow for thousands of overlapping shapes; lines that
//! cross without running along each other are fine and not reported.

use geometry::outline::{Polyline, shape_polylines, shape_region};
use geometry::{Document, LaserRole, Shape};

use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::cut_paths::WELD_MM;
use crate::segments::deduplicate;

/// Less than this drawn twice, mm, is a touching corner, not a line.
const MIN_SHARED_MM: f64 = 0.05;

/// The lines the laser follows for `shape` (none for an engraved area).
fn laser_lines(shape: &Shape, tolerance_mm: f64) -> Vec<Polyline> {
    if shape.is_filled() {
        if shape.role == LaserRole::Engrave {
            return Vec::new();
        }
        shape_region(shape, tolerance_mm)
            .contours()
            .map(|c| Polyline {
                points: c.clone(),
                closed: true,
            })
            .collect()
    } else {
        shape_polylines(shape, tolerance_mm)
    }
}

fn length(lines: &[Polyline]) -> f64 {
    lines
        .iter()
        .map(|l| {
            let n = l.points.len();
            let count = if l.closed { n } else { n.saturating_sub(1) };
            (0..count)
                .map(|i| {
                    let (a, b) = (l.points[i], l.points[(i + 1) % n]);
                    (a[0] - b[0]).hypot(a[1] - b[1])
                })
                .sum::<f64>()
        })
        .sum()
}

/// Length of `lines` once every segment drawn twice is kept once, mm.
fn burnt_length(lines: &[Polyline]) -> f64 {
    deduplicate(&[lines.to_vec()], WELD_MM)
        .first()
        .map_or(0.0, |l| length(l))
}

struct Drawn<'a> {
    shape: &'a Shape,
    lines: Vec<Polyline>,
    burnt: f64,
    bounds: BoxMm,
}

/// Finds lines drawn twice, within a shape or between two shapes.
pub fn check(doc: &Document, tolerance_mm: f64) -> Vec<Finding> {
    let drawn: Vec<Drawn> = doc
        .shapes
        .iter()
        .filter_map(|shape| {
            let lines = laser_lines(shape, tolerance_mm);
            let bounds = BoxMm::around(lines.iter().flat_map(|l| &l.points))?;
            Some(Drawn {
                shape,
                burnt: burnt_length(&lines),
                lines,
                bounds,
            })
        })
        .collect();
    let mut findings = Vec::new();
    for d in &drawn {
        let twice = length(&d.lines) - d.burnt;
        if twice > MIN_SHARED_MM {
            findings.push(finding(twice, false, vec![d.shape.id], d.bounds, None));
        }
    }
    for (i, a) in drawn.iter().enumerate() {
        for b in drawn
            .iter()
            .skip(i + 1)
            .filter(|b| b.bounds.touches(&a.bounds))
        {
            let both: Vec<Polyline> = a.lines.iter().chain(&b.lines).cloned().collect();
            let shared = a.burnt + b.burnt - burnt_length(&both);
            if shared <= MIN_SHARED_MM {
                continue;
            }
            let covered = |d: &Drawn| shared >= d.burnt - MIN_SHARED_MM;
            // Remove the copy that adds nothing; between two identical
            // shapes keep the cut one, else the first drawn.
            let copy = match (covered(a), covered(b)) {
                (true, true)
                    if a.shape.role != LaserRole::Cut && b.shape.role == LaserRole::Cut =>
                {
                    Some(a)
                }
                (_, true) => Some(b),
                (true, false) => Some(a),
                (false, false) => None,
            };
            let area = BoxMm {
                min: [
                    a.bounds.min[0].max(b.bounds.min[0]),
                    a.bounds.min[1].max(b.bounds.min[1]),
                ],
                max: [
                    a.bounds.max[0].min(b.bounds.max[0]),
                    a.bounds.max[1].min(b.bounds.max[1]),
                ],
            };
            let fix = copy.map(|c| Fix::RemoveDuplicates {
                shapes: vec![c.shape.id],
            });
            let shapes = vec![a.shape.id, b.shape.id];
            findings.push(finding(shared, copy.is_some(), shapes, area, fix));
        }
    }
    findings
}

fn finding(
    length_mm: f64,
    whole_shape: bool,
    shapes: Vec<geometry::ShapeId>,
    area: BoxMm,
    fix: Option<Fix>,
) -> Finding {
    let finding = Finding::new(
        FindingKind::DuplicateLines {
            length_mm,
            whole_shape,
        },
        Severity::Warning,
    )
    .on(shapes, Some(area));
    match fix {
        Some(fix) => finding.with_fix(fix),
        None => finding,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::apply_fix;
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn a_shape_duplicated_in_place_is_found_and_removed() {
        let good = doc(vec![
            rect(20.0, 10.0, 0.0, 0.0),
            rect(20.0, 10.0, 30.0, 0.0),
        ]);
        assert!(check(&good, 0.01).is_empty());
        let copied = doc(vec![rect(20.0, 10.0, 0.0, 0.0), rect(20.0, 10.0, 0.0, 0.0)]);
        let found = check(&copied, 0.01);
        assert_eq!(found.len(), 1, "{found:?}");
        let FindingKind::DuplicateLines {
            length_mm,
            whole_shape,
        } = found[0].kind
        else {
            panic!("{found:?}");
        };
        assert!((length_mm - 60.0).abs() < 1e-6 && whole_shape);
        assert_eq!(found[0].severity, Severity::Warning);
        let fixed = apply_fix(&copied, found[0].fix.as_ref().unwrap());
        assert_eq!(fixed.shapes.len(), 1);
        assert!(check(&fixed, 0.01).is_empty());
    }

    #[test]
    fn touching_parts_share_an_edge_without_a_fix() {
        let touching = doc(vec![
            rect(10.0, 10.0, 0.0, 0.0),
            rect(10.0, 10.0, 10.0, 0.0),
        ]);
        let found = check(&touching, 0.01);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].kind,
            FindingKind::DuplicateLines {
                length_mm: 10.0,
                whole_shape: false
            }
        );
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn a_score_line_on_a_cut_line_is_the_copy_to_remove() {
        let mut score = line(&[[0.0, 0.0], [20.0, 0.0]], false);
        score.role = LaserRole::Score;
        let d = doc(vec![rect(20.0, 10.0, 0.0, 0.0), score]);
        let found = check(&d, 0.01);
        assert_eq!(found.len(), 1);
        let fixed = apply_fix(&d, found[0].fix.as_ref().unwrap());
        assert_eq!(fixed.shapes.len(), 1);
        assert_eq!(fixed.shapes[0].role, LaserRole::Cut);
    }
}
