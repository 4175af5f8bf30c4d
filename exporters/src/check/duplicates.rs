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
//! How, without comparing all pairs: exact copies (the same lines, point for
//! point, whatever their order) are grouped first by a key made of their
//! rounded segments — a thousand circles stacked in place are one group,
//! one finding, found in linear time; the remaining shapes are paired by a
//! sweep over their boxes (only shapes whose boxes overlap are compared).
//!
//! Current limitations: many different shapes overlapping one another
//! (hundreds of boxes over one spot) are still compared pair by pair;
//! lines that cross without running along each other are fine and not
//! reported.

use std::collections::HashMap;

use geometry::outline::Polyline;
use geometry::{Document, LaserRole, Shape};

use super::prepared::Prepared;
use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::cut_paths::WELD_MM;
use crate::prepared::PreparedShape;
use crate::segments::deduplicate;

/// Less than this drawn twice, mm, is a touching corner, not a line.
const MIN_SHARED_MM: f64 = 0.05;

/// The lines the laser follows for `shape` (none for an engraved area).
fn laser_lines<'a>(shape: &Shape, read: &'a PreparedShape) -> &'a [Polyline] {
    if shape.is_filled() && shape.role == LaserRole::Engrave {
        &[]
    } else {
        &read.lines
    }
}

/// Total length of `lines`, mm.
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
    lines: &'a [Polyline],
    burnt: f64,
    bounds: BoxMm,
}

/// Finds lines drawn twice, within a shape or between two shapes.
pub fn check(doc: &Document, tolerance_mm: f64) -> Vec<Finding> {
    prepared_check(&Prepared::new(doc, tolerance_mm))
}

/// [`check`] on a drawing already read.
pub(crate) fn prepared_check(prepared: &Prepared) -> Vec<Finding> {
    let drawn: Vec<Drawn> = prepared
        .iter()
        .filter_map(|(_, shape, read)| {
            let lines = laser_lines(shape, read);
            let bounds = BoxMm::around(lines.iter().flat_map(|l| &l.points))?;
            // The contours of a filled area never run along each other
            // (the boolean that makes them merges any overlap): only an
            // outline can draw a line twice, and only it needs the
            // clean-up, the costly part of this check.
            let burnt = if shape.is_filled() {
                length(lines)
            } else {
                burnt_length(lines)
            };
            Some(Drawn {
                shape,
                burnt,
                lines,
                bounds,
            })
        })
        .collect();
    let mut findings = Vec::new();
    for d in &drawn {
        let twice = length(d.lines) - d.burnt;
        if twice > MIN_SHARED_MM {
            findings.push(finding(twice, false, vec![d.shape.id], d.bounds, None));
        }
    }
    let (unique, copies) = exact_copies(&drawn);
    findings.extend(copies);
    for (i, j) in overlapping_pairs(&drawn, &unique) {
        let (a, b) = (&drawn[i], &drawn[j]);
        let both: Vec<Polyline> = a.lines.iter().chain(b.lines).cloned().collect();
        let shared = a.burnt + b.burnt - burnt_length(&both);
        if shared <= MIN_SHARED_MM {
            continue;
        }
        let covered = |d: &Drawn| shared >= d.burnt - MIN_SHARED_MM;
        // Remove the copy that adds nothing; between two identical
        // shapes keep the cut one, else the first drawn.
        let copy = match (covered(a), covered(b)) {
            (true, true) if a.shape.role != LaserRole::Cut && b.shape.role == LaserRole::Cut => {
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
    findings
}

/// A shape's lines as a key equal for exact copies: its segments rounded
/// to [`WELD_MM`], each with its ends in order, sorted.
fn copy_key(lines: &[Polyline]) -> Vec<[i64; 4]> {
    let round = |v: f64| (v / WELD_MM).round() as i64;
    let mut key: Vec<[i64; 4]> = lines
        .iter()
        .flat_map(|l| {
            let n = l.points.len();
            let count = if l.closed { n } else { n.saturating_sub(1) };
            (0..count).map(move |i| (l.points[i], l.points[(i + 1) % n]))
        })
        .map(|(p, q)| {
            let (a, b) = ([round(p[0]), round(p[1])], [round(q[0]), round(q[1])]);
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            [a[0], a[1], b[0], b[1]]
        })
        .filter(|[x0, y0, x1, y1]| (x0, y0) != (x1, y1))
        .collect();
    key.sort_unstable();
    key.dedup();
    key
}

/// Groups exact copies: the indices of the shapes kept for pairing (one per
/// group) and one finding per group of copies, whose fix removes every copy
/// but one (a cut one when there is one).
fn exact_copies(drawn: &[Drawn]) -> (Vec<usize>, Vec<Finding>) {
    let mut groups: HashMap<Vec<[i64; 4]>, Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (i, d) in drawn.iter().enumerate() {
        let key = copy_key(d.lines);
        let group = groups.entry(key).or_default();
        if group.is_empty() {
            order.push(i);
        }
        group.push(i);
    }
    let mut unique = Vec::new();
    let mut findings = Vec::new();
    for first in order {
        let key = copy_key(drawn[first].lines);
        let Some(members) = groups.get(&key) else {
            continue;
        };
        let keep = members
            .iter()
            .copied()
            .find(|&i| drawn[i].shape.role == LaserRole::Cut)
            .unwrap_or(first);
        unique.push(keep);
        if members.len() < 2 {
            continue;
        }
        let copies: Vec<_> = members
            .iter()
            .filter(|&&i| i != keep)
            .map(|&i| drawn[i].shape.id)
            .collect();
        let length_mm = drawn[keep].burnt * copies.len() as f64;
        let shapes = members.iter().map(|&i| drawn[i].shape.id).collect();
        let fix = Fix::RemoveDuplicates { shapes: copies };
        findings.push(finding(
            length_mm,
            true,
            shapes,
            drawn[keep].bounds,
            Some(fix),
        ));
    }
    (unique, findings)
}

/// The pairs (i < j) of `drawn[among]` whose boxes touch, by a sweep
/// along x.
fn overlapping_pairs(drawn: &[Drawn], among: &[usize]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<usize> = among.to_vec();
    sorted.sort_by(|&a, &b| drawn[a].bounds.min[0].total_cmp(&drawn[b].bounds.min[0]));
    let mut pairs = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    for &i in &sorted {
        let b = &drawn[i].bounds;
        active.retain(|&k| drawn[k].bounds.max[0] >= b.min[0]);
        for &k in &active {
            if drawn[k].bounds.touches(b) {
                pairs.push((k.min(i), k.max(i)));
            }
        }
        active.push(i);
    }
    pairs.sort_unstable();
    pairs
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

    #[test]
    fn a_thousand_stacked_circles_are_one_finding_found_without_all_pairs() {
        let circles: Vec<_> = (0..1000).map(|_| circle(10.0, 20.0, 20.0)).collect();
        let d = doc(circles);
        let found = check(&d, 0.01);
        assert_eq!(found.len(), 1, "{}", found.len());
        assert_eq!(found[0].shapes.len(), 1000);
        let fixed = apply_fix(&d, found[0].fix.as_ref().unwrap());
        assert_eq!(fixed.shapes.len(), 1);
        assert!(check(&fixed, 0.01).is_empty());
    }
}
