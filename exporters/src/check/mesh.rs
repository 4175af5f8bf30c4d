//! Is the solid closed?
//!
//! Why it matters to a maker: a slicer needs a watertight surface to know
//! what is inside. A mesh with holes or doubled faces is refused, or
//! "repaired" by guesswork that fills letters or drops walls; the maker
//! sees it only on the printed part.
//!
//! Fabrique's extrusion is closed by construction for a single height and
//! checked for stacks, so this mostly reports the rare stack it refuses
//! ([`geometry::extrude::ExtrudeError::NotClosed`]), heights that are not
//! usable numbers, and designs with nothing to print (only lines).
//!
//! Current limitations: no fix (move or resize the shapes where they
//! meet); meshes imported from elsewhere are not checked (Fabrique imports
//! none yet).

use geometry::Mesh;
use geometry::extrude::ExtrudeError;

use super::{BoxMm, Finding, FindingKind, Severity};

/// Findings for the result of extruding the design.
pub fn check(parts: &Result<Vec<Mesh>, ExtrudeError>) -> Vec<Finding> {
    match parts {
        Ok(parts) => parts.iter().filter_map(part_finding).collect(),
        Err(ExtrudeError::NothingToExtrude) => {
            vec![Finding::new(FindingKind::NothingToMake, Severity::Blocking)]
        }
        Err(ExtrudeError::InvalidHeight { shape_id, value }) => vec![
            Finding::new(FindingKind::BadHeight { value: *value }, Severity::Blocking)
                .on(vec![geometry::ShapeId(*shape_id)], None),
        ],
        Err(ExtrudeError::NotClosed { x, y }) => vec![
            Finding::new(
                FindingKind::MeshNotClosed {
                    open_edges: 0,
                    repeated_edges: 0,
                },
                Severity::Blocking,
            )
            .on(
                Vec::new(),
                Some(BoxMm {
                    min: [*x, *y],
                    max: [*x, *y],
                }),
            ),
        ],
        Err(ExtrudeError::Triangulation { .. }) => vec![Finding::new(
            FindingKind::MeshNotClosed {
                open_edges: 0,
                repeated_edges: 0,
            },
            Severity::Blocking,
        )],
    }
}

fn part_finding(part: &Mesh) -> Option<Finding> {
    let defects = part.defects();
    if defects.open_edges == 0 && defects.repeated_edges == 0 {
        return None;
    }
    let bounds = part.bounds().map(|(lo, hi)| BoxMm {
        min: [lo[0], lo[1]],
        max: [hi[0], hi[1]],
    });
    Some(
        Finding::new(
            FindingKind::MeshNotClosed {
                open_edges: defects.open_edges,
                repeated_edges: defects.repeated_edges,
            },
            Severity::Blocking,
        )
        .on(Vec::new(), bounds),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use geometry::extrude::{ExtrudeOptions, extrude};

    #[test]
    fn an_extruded_design_is_closed_and_a_holed_mesh_is_not() {
        let d = doc(vec![rect(20.0, 10.0, 0.0, 0.0), circle(8.0, 40.0, 5.0)]);
        let parts = extrude(&d, &ExtrudeOptions::default());
        assert!(check(&parts).is_empty());
        // The same solid with one triangle missing: a hole in the surface.
        let mut parts = parts.unwrap();
        parts[0].triangles.pop();
        let found = check(&Ok(parts));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Blocking);
        assert!(matches!(
            found[0].kind,
            FindingKind::MeshNotClosed { open_edges: 3, .. }
        ));
    }

    #[test]
    fn lines_only_and_broken_heights_cannot_be_printed() {
        let lines = doc(vec![line(&[[0.0, 0.0], [10.0, 0.0]], false)]);
        let found = check(&extrude(&lines, &ExtrudeOptions::default()));
        assert_eq!(found[0].kind, FindingKind::NothingToMake);
        let mut nan = doc(vec![rect(10.0, 10.0, 0.0, 0.0)]);
        nan.shapes[0].extrusion.base = f64::NAN;
        let found = check(&extrude(&nan, &ExtrudeOptions::default()));
        assert!(
            matches!(found[0].kind, FindingKind::BadHeight { .. }),
            "{found:?}"
        );
    }
}
