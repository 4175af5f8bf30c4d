//! Are strips of material wide enough for the laser?
//!
//! Why it matters to a maker: the beam is not a line but a spot (the kerf,
//! 0.1–0.3 mm) and the heat spreads beyond it. A strip of material narrower
//! than the kerf (the bar of a small letter, the bridge of a stencil, a
//! thin spoke) is burnt away entirely: the part comes out in pieces. A
//! strip a little wider survives but snaps or warps: below the profile's
//! smallest feature it is a warning.
//!
//! How: parts proven wide from their outline alone are passed at once
//! ([`super::wide`]); the others get a morphological opening. The part is
//! shrunk by half the limit then grown back ([`geometry::Region::offset`]); whatever does not come back is
//! narrower than the limit. Corners that only lose their sharp tip are not
//! reported (pieces smaller than a square of the limit's side).
//!
//! The one-click fix, [`Fix::Thicken`], adds material around the strip
//! until it is as wide as the limit (see [`super::thicken`]).
//!
//! Current limitations: only filled cut shapes are checked, each on its own
//! (a gap between two parts narrower than the kerf is not reported: the
//! material there is scrap anyway); acute tips sharper than about 20° may
//! be reported as narrow, which they are. The offsets are the costliest
//! step of `fabrique check` on the largest drawings: on a filled
//! self-crossing scribble of 200,000 segments (the limit) the limit's
//! opening and the kerf's take about 3 s each, run side by side on two
//! cores (`BIG_POINTS`): about 6 of the run's 7.5 s of CPU, and with it
//! most of its 4.3 s (`tests/benches/hostile_inputs.sh`, release build, 2
//! cores shared with another job, 2026-12-05). Cheaper offsets are in
//! `geometry`, not here.

use geometry::region::Join;
use geometry::{Document, LaserRole, Region, Shape};

use super::prepared::Prepared;
use super::wide::surely_wide;
use super::{BoxMm, Finding, FindingKind, Fix, Severity};
use crate::profile::LaserProfile;

/// A leftover of the opening smaller than this many squares of the limit's
/// side is a corner losing its tip, not a strip of material.
const MIN_PIECE_SQUARES: f64 = 1.0;

/// A part with at least this many points in its contours has the kerf's
/// opening computed beside the limit's, on another core, rather than after
/// it ([`thin_and_burnt`]): the two take about 3 s each on a
/// 200,000-segment scribble, milliseconds on an ordinary part.
const BIG_POINTS: usize = 20_000;

/// The parts of `region` narrower than `width` mm, as boxes.
pub(crate) fn thin_pieces(region: &Region, width: f64, tolerance_mm: f64) -> Vec<BoxMm> {
    thin_regions(region, width, tolerance_mm)
        .iter()
        .filter_map(|piece| piece.bounds().map(BoxMm::from_bounds))
        .collect()
}

/// The parts of `region` narrower than `width` mm, one region each.
pub(crate) fn thin_regions(region: &Region, width: f64, tolerance_mm: f64) -> Vec<Region> {
    if region.is_empty() || width.is_nan() || width <= 0.0 {
        return Vec::new();
    }
    let tolerance = tolerance_mm.min(width / 10.0);
    let opened = region.offset(-width / 2.0, Join::Round, tolerance).offset(
        width / 2.0,
        Join::Round,
        tolerance,
    );
    region
        .difference(&opened)
        .without_slivers(width / 20.0)
        .polygons
        .into_iter()
        .map(|polygon| Region {
            polygons: vec![polygon],
        })
        .filter(|piece| piece.area() >= MIN_PIECE_SQUARES * width * width)
        .collect()
}

/// Finds strips of cut parts narrower than the profile's smallest feature
/// (blocking where narrower than the kerf). Shapes are checked on every
/// core, each on its own; the kerf's opening is only computed for a shape
/// that has thin pieces at all (a strip narrower than the kerf is narrower
/// than the limit too).
pub fn check(doc: &Document, profile: &LaserProfile, tolerance_mm: f64) -> Vec<Finding> {
    prepared_check(&Prepared::new(doc, tolerance_mm), profile)
}

/// [`check`] on a drawing already read.
pub(crate) fn prepared_check(prepared: &Prepared, profile: &LaserProfile) -> Vec<Finding> {
    let tolerance_mm = prepared.tolerance_mm;
    let shapes: Vec<(&Shape, &Region)> = prepared
        .iter()
        .filter(|(_, s, _)| s.role == LaserRole::Cut && s.is_filled())
        .map(|(_, s, read)| (s, &read.region))
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = shapes.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = shapes
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .flat_map(|&(shape, region)| {
                            shape_findings(shape, region, profile, tolerance_mm)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker only panics on our bug: its findings are then missing.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// The pieces of `region` narrower than `limit` and those narrower than
/// `kerf`, `None` when none is narrower than `limit`. `together`: both
/// openings at once, on two cores (the kerf's is wasted when nothing is
/// thinner than the limit); otherwise the kerf's only when needed.
fn thin_and_burnt(
    region: &Region,
    limit: f64,
    kerf: f64,
    tolerance_mm: f64,
    together: bool,
) -> Option<(Vec<BoxMm>, Vec<BoxMm>)> {
    let (pieces, burnt) = if together {
        std::thread::scope(|scope| {
            let burnt = scope.spawn(|| thin_pieces(region, kerf, tolerance_mm));
            let pieces = thin_pieces(region, limit, tolerance_mm);
            // Only panics on our bug: its pieces are then missing.
            (pieces, burnt.join().unwrap_or_default())
        })
    } else {
        let pieces = thin_pieces(region, limit, tolerance_mm);
        if pieces.is_empty() {
            return None;
        }
        (pieces, thin_pieces(region, kerf, tolerance_mm))
    };
    (!pieces.is_empty()).then_some((pieces, burnt))
}

fn shape_findings(
    shape: &Shape,
    region: &Region,
    profile: &LaserProfile,
    tolerance_mm: f64,
) -> Vec<Finding> {
    let limit = profile.min_feature_mm.max(profile.kerf_mm);
    // Most parts are plainly wide: seen from the outline in microseconds,
    // where the opening takes milliseconds.
    if surely_wide(region, limit, MIN_PIECE_SQUARES * limit * limit) {
        return Vec::new();
    }
    let big = region.contours().map(Vec::len).sum::<usize>() >= BIG_POINTS;
    let Some((pieces, burnt)) = thin_and_burnt(region, limit, profile.kerf_mm, tolerance_mm, big)
    else {
        return Vec::new();
    };
    pieces
        .into_iter()
        .map(|piece| {
            let burns_away = burnt.iter().any(|b| b.touches(&piece));
            let severity = if burns_away {
                Severity::Blocking
            } else {
                Severity::Warning
            };
            Finding::new(
                FindingKind::TooNarrow {
                    limit_mm: if burns_away { profile.kerf_mm } else { limit },
                    burns_away,
                },
                severity,
            )
            .on(vec![shape.id], Some(piece))
            .with_fix(Fix::Thicken {
                shapes: vec![shape.id],
                near: piece,
                min_mm: limit,
                z_mm: None,
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use geometry::outline::shape_region;
    use geometry::{Shape, ShapeKind};

    #[test]
    fn strips_narrower_than_the_kerf_burn_away() {
        let profile = LaserProfile::generic();
        assert!(check(&doc(vec![frame(2.0)]), &profile, 0.01).is_empty());
        // Square and star corners are not strips.
        let star = Shape::new(ShapeKind::Star {
            points: 5,
            outer_radius: 20.0,
            inner_ratio: 0.5,
        });
        assert!(check(&doc(vec![rect(10.0, 10.0, 0.0, 0.0), star]), &profile, 0.01).is_empty());

        let found = check(&doc(vec![frame(0.1)]), &profile, 0.01);
        assert!(!found.is_empty());
        assert!(
            found.iter().all(|f| f.severity == Severity::Blocking),
            "{found:?}"
        );
        assert_eq!(
            found[0].kind,
            FindingKind::TooNarrow {
                limit_mm: 0.2,
                burns_away: true
            }
        );
    }

    #[test]
    fn both_openings_at_once_find_the_same_pieces() {
        let mut scribble = kurbo::BezPath::new();
        scribble.move_to((0.0, 0.0));
        // A star of thin spikes crossing each other.
        for i in 1..40 {
            let a = f64::from(i) * 2.4;
            scribble.line_to((20.0 * a.cos(), 20.0 * a.sin()));
        }
        scribble.close_path();
        let star = shape_region(&Shape::new(ShapeKind::Path { path: scribble }), 0.01);
        for region in [
            star.clone(),
            shape_region(&frame(0.3), 0.01),
            Region::empty(),
        ] {
            let apart = thin_and_burnt(&region, 0.5, 0.2, 0.01, false);
            let together = thin_and_burnt(&region, 0.5, 0.2, 0.01, true);
            assert_eq!(apart, together);
        }
        // Spikes both thinner than the limit and burnt away; a frame only
        // thinner than the limit.
        let counts = |region: &Region| {
            thin_and_burnt(region, 0.5, 0.2, 0.01, true).map(|(p, b)| (p.len(), b.len()))
        };
        assert_eq!(counts(&star), Some((2, 2)));
        assert_eq!(counts(&shape_region(&frame(0.3), 0.01)), Some((1, 0)));
    }

    #[test]
    fn strips_under_the_smallest_feature_are_warnings_in_every_placement() {
        let profile = LaserProfile::generic();
        for (angle, dx) in [(0.0, 0.0), (0.7, 100.0), (2.0, -40.0)] {
            let mut thin = frame(0.3);
            thin.transform = kurbo::Affine::translate((dx, 3.0)) * kurbo::Affine::rotate(angle);
            let found = check(&doc(vec![thin]), &profile, 0.01);
            assert!(!found.is_empty(), "angle {angle}");
            assert!(
                found.iter().all(|f| f.severity == Severity::Warning),
                "{found:?}"
            );
        }
    }
}
