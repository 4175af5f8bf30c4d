//! Is this design lab-ready? [`check`] runs every check that applies to a
//! machine and collects typed [`Finding`]s into a [`Report`], rather than
//! stopping at the first problem, so a beginner sees the whole list before
//! the lab visit.
//!
//! Each finding is data only: what ([`FindingKind`], with the numbers a
//! message needs), how serious ([`Severity`]), where (shape ids and a box
//! in document millimetres) and, where one exists, a one-click [`Fix`] that
//! [`apply_fix`] applies as a pure function. The app and the CLI write the
//! sentences, in the user's language.
//!
//! Laser checks (why each matters is on its module):
//! - the design fits the bed ([`bed`]);
//! - cut paths are closed ([`open_paths`]);
//! - no line is drawn twice ([`duplicates`]);
//! - no strip of material is narrower than the kerf ([`narrow`]);
//! - holes are at least half the material thickness ([`holes`]);
//! - text is large enough to engrave ([`text`]);
//! - no island of material falls out of a stencil ([`islands`]).
//!
//! 3D printer checks:
//! - the parts fit the build volume ([`bed`]);
//! - no part floats above the plate ([`floating`]);
//! - walls are at least two nozzle widths ([`walls`]);
//! - the mesh is closed ([`mesh`]).
//!
//! Fixes (pure functions, applied by [`apply_fix`]): scale to fit, remove
//! copies, close a path, lower onto the plate, thicken a thin strip or wall
//! ([`thicken`]), enlarge a small hole ([`enlarge`]), bridge a stencil's
//! island ([`bridges`]).
//!
//! The laser checks share one reading of the drawing (each shape's filled
//! area, computed once per run: `prepared`), which a caller that also
//! exports the drawing can read once for both and hand over
//! ([`check_sharing`], [`crate::PreparedDrawing`]).
//!
//! Current limitations: the checks judge the design, not a particular
//! exported file (the laser exporter already merges duplicate lines); text
//! size is only known for text shapes, not for text imported as paths.

pub mod bed;
pub mod bridges;
pub mod chains;
pub mod duplicates;
mod enlarge;
mod fix;
pub mod floating;
pub mod holes;
pub mod islands;
pub mod mesh;
pub mod narrow;
pub mod off_bed;
pub mod open_paths;
mod prepared;
mod reshape;
pub mod summary;
pub mod text;
mod thicken;
pub mod walls;
mod wide;

use std::sync::Arc;

use geometry::extrude::{ExtrudeOptions, extrude};
use geometry::{Document, ShapeId};
use serde::Serialize;

use crate::machines::Machine;
use crate::prepared::PreparedDrawing;
use prepared::Prepared;

pub use fix::apply_fix;
pub use summary::Summary;

/// How to check.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOptions {
    /// Largest distance between a curve and the segments that replace it, mm.
    pub tolerance_mm: f64,
    /// Sheet thickness for the laser, mm; `None`: the machine profile's.
    pub material_thickness_mm: Option<f64>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            tolerance_mm: geometry::DEFAULT_TOLERANCE_MM,
            material_thickness_mm: None,
        }
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The machine cannot make it as drawn (or the part fails): fix it first.
    Blocking,
    /// It can be made, but probably not as the maker expects.
    Warning,
}

/// A box in document space, mm (Y up).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BoxMm {
    /// Lower-left corner.
    pub min: [f64; 2],
    /// Upper-right corner.
    pub max: [f64; 2],
}

impl BoxMm {
    /// The box of `(min, max)` bounds.
    pub fn from_bounds((min, max): ([f64; 2], [f64; 2])) -> Self {
        Self { min, max }
    }

    /// The box around `points`, `None` when there are none.
    pub fn around<'a>(points: impl IntoIterator<Item = &'a [f64; 2]>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = *points.next()?;
        let (min, max) = points.fold((first, first), |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        });
        Some(Self { min, max })
    }

    /// Width and height, mm.
    pub fn size(&self) -> [f64; 2] {
        [self.max[0] - self.min[0], self.max[1] - self.min[1]]
    }

    /// `true` when the two boxes overlap or touch.
    pub fn touches(&self, other: &BoxMm) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }
}

/// What a finding is about, with the numbers its message needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum FindingKind {
    /// The design is larger than the machine's bed (or build volume).
    TooBig {
        /// Size of the design (width, depth, height; height 0 for lasers), mm.
        size_mm: [f64; 3],
        /// Size of the bed, mm.
        bed_mm: [f64; 3],
        /// It would fit turned a quarter turn on the bed.
        fits_rotated: bool,
    },
    /// A cut line whose ends are not joined: the piece does not come free.
    OpenCutPath {
        /// Distance between the two loose ends, mm.
        gap_mm: f64,
    },
    /// Lines drawn on top of each other: the laser would burn them twice.
    DuplicateLines {
        /// Length drawn twice, mm.
        length_mm: f64,
        /// One shape is an exact copy of the other.
        whole_shape: bool,
    },
    /// A strip of material narrower than the machine can keep.
    TooNarrow {
        /// The machine's limit, mm.
        limit_mm: f64,
        /// Narrower than the kerf: the beam burns it away entirely.
        burns_away: bool,
    },
    /// A hole smaller than about half the sheet's thickness.
    HoleTooSmall {
        /// Size of the hole (its width for a round hole), mm.
        size_mm: f64,
        /// Smallest hole that cuts cleanly, mm.
        min_mm: f64,
    },
    /// Text smaller than the machine can engrave legibly.
    TextTooSmall {
        /// Font size (em) as placed, mm.
        size_mm: f64,
        /// Smallest legible size, mm.
        min_mm: f64,
    },
    /// A piece of material inside a hole of another: it falls out.
    LooseIsland {
        /// Its area, mm².
        area_mm2: f64,
    },
    /// A part that starts above the build plate.
    FloatingPart {
        /// Height of its lowest point above the plate, mm.
        lowest_z_mm: f64,
    },
    /// A wall thinner than the printer can print.
    WallTooThin {
        /// Thinnest printable wall, mm.
        min_wall_mm: f64,
        /// Height at which the thin wall was found, mm.
        z_mm: f64,
    },
    /// The solid has holes or doubled faces: the slicer refuses or guesses.
    MeshNotClosed {
        /// Edges with no neighbour.
        open_edges: usize,
        /// Edges shared by more than two faces.
        repeated_edges: usize,
    },
    /// A height or base that is not a usable number.
    BadHeight {
        /// The value, mm.
        value: f64,
    },
    /// Nothing the machine can make (no filled shape with a height for a
    /// printer).
    NothingToMake,
    /// The design fits the bed but part of it lies outside (after a
    /// machine change, a move, or an SVG placed beyond the bed).
    OffBed {
        /// How far the design sticks out of the bed, mm (the largest side).
        overhang_mm: f64,
    },
}

/// A one-click fix, applied by [`apply_fix`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "fix", rename_all = "snake_case")]
pub enum Fix {
    /// Scale the whole design by `factor` about its lower-left corner
    /// (heights too when `heights`).
    ScaleToFit {
        /// Below 1.
        factor: f64,
        /// Scale heights and bases too (3D printing).
        heights: bool,
    },
    /// Delete these shapes (exact copies of others).
    RemoveDuplicates {
        /// The copies.
        shapes: Vec<ShapeId>,
    },
    /// Join the loose ends of this shape's open outlines.
    ClosePath {
        /// The shape.
        shape: ShapeId,
    },
    /// Lower these shapes by `by_mm` so their part rests on the plate.
    LowerToPlate {
        /// The shapes of the floating part.
        shapes: Vec<ShapeId>,
        /// How far, mm.
        by_mm: f64,
    },
    /// Add material around the parts narrower than `min_mm` near `near`
    /// (a strip of a laser part, a printed wall) until they are wide enough.
    Thicken {
        /// The shapes concerned.
        shapes: Vec<ShapeId>,
        /// Where the thin part is, mm.
        near: BoxMm,
        /// The width to reach, mm.
        min_mm: f64,
        /// For 3D printing, the height of the slice where the wall is thin;
        /// `None` for a laser part (each shape on its own).
        z_mm: Option<f64>,
    },
    /// Scale one hole about its centre by `factor` (above 1).
    EnlargeHole {
        /// The shape whose outline draws the hole.
        shape: ShapeId,
        /// The hole's box, mm: finds it among the shape's outlines.
        hole: BoxMm,
        /// Scale factor.
        factor: f64,
    },
    /// Join a loose island to the sheet with these bridges of material.
    AddBridges {
        /// The bridges, as boxes in mm.
        bridges: Vec<BoxMm>,
    },
    /// Move the whole design by (`dx`, `dy`) mm: the least move that puts
    /// it on the bed.
    MoveOnBed {
        /// Along X, mm.
        dx: f64,
        /// Along Y, mm.
        dy: f64,
    },
}

/// One problem found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What.
    #[serde(flatten)]
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// The shapes concerned (may be empty for the whole design).
    pub shapes: Vec<ShapeId>,
    /// Where, mm.
    pub bounds: Option<BoxMm>,
    /// A one-click fix, when there is one.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with no shapes, box or fix yet.
    pub fn new(kind: FindingKind, severity: Severity) -> Self {
        Self {
            kind,
            severity,
            shapes: Vec::new(),
            bounds: None,
            fix: None,
        }
    }

    fn on(mut self, shapes: Vec<ShapeId>, bounds: Option<BoxMm>) -> Self {
        self.shapes = shapes;
        self.bounds = bounds;
        self
    }

    fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// Everything found for one machine.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The machine checked against.
    pub machine_id: String,
    /// Blocking findings first, then warnings, each in check order.
    pub findings: Vec<Finding>,
    /// What the drawing holds: parts, holes, slits…
    pub summary: Summary,
}

impl Report {
    /// `true` when nothing blocks: the design can go to the lab.
    pub fn is_ready(&self) -> bool {
        self.findings
            .iter()
            .all(|f| f.severity != Severity::Blocking)
    }
}

/// Runs every check that applies to `machine` on `doc`.
pub fn check(doc: &Document, machine: &Machine, options: &CheckOptions) -> Report {
    check_sharing(
        doc,
        machine,
        options,
        |tolerance| Arc::new(PreparedDrawing::new(doc, tolerance)),
        |tolerance| {
            extrude(
                doc,
                &ExtrudeOptions {
                    tolerance_mm: tolerance,
                },
            )
        },
    )
}

/// [`check`], taking what it would compute itself from its caller, each
/// called with the tolerance, at most once and only when the machine
/// needs it: a laser's reading of the drawing from `drawing` (one that
/// does not [fit](PreparedDrawing::fits) `doc` is read again), a printer's
/// solid from `solid`. The app computes both once per document revision
/// and shares them with its preview and its export.
pub fn check_sharing(
    doc: &Document,
    machine: &Machine,
    options: &CheckOptions,
    drawing: impl FnOnce(f64) -> Arc<PreparedDrawing>,
    solid: impl FnOnce(f64) -> Result<Vec<geometry::Mesh>, geometry::extrude::ExtrudeError>,
) -> Report {
    let tolerance = if options.tolerance_mm.is_finite() && options.tolerance_mm > 0.0 {
        options.tolerance_mm
    } else {
        geometry::DEFAULT_TOLERANCE_MM
    };
    let mut findings = Vec::new();
    let mut summary = Summary::default();
    match machine {
        Machine::Laser(profile) => {
            let thickness = options
                .material_thickness_mm
                .unwrap_or(profile.material_thickness_mm);
            // Each shape's filled area is computed once (here, or by the
            // caller) and shared by the checks. The narrow-strip check's
            // offsets are then the costliest step on a big drawing: they
            // run on their own thread beside the others. The findings keep
            // the order of the checks.
            let drawing = drawing(tolerance);
            let prepared = Prepared::sharing(doc, tolerance, &drawing);
            let prepared = &prepared;
            let (before, narrow, after) = std::thread::scope(|scope| {
                let narrow = scope.spawn(|| narrow::prepared_check(prepared, profile));
                let lines =
                    chains::prepared_cut_lines(prepared, open_paths::JOIN_MM, profile.kerf_mm);
                summary = summary::laser(doc, &lines, tolerance);
                let drawing = prepared.laser_bounds();
                let mut before: Vec<Finding> =
                    bed::laser(doc, profile, drawing).into_iter().collect();
                before.extend(off_bed::laser(doc, profile, drawing));
                before.extend(open_paths::check_lines(doc, &lines));
                before.extend(duplicates::prepared_check(prepared));
                let mut after = holes::prepared_check(prepared, thickness);
                after.extend(text::check(doc));
                after.extend(islands::prepared_check(
                    prepared,
                    bridges::bridge_width(profile),
                ));
                // A worker only panics on our bug: its findings are then missing.
                (before, narrow.join().unwrap_or_default(), after)
            });
            findings.extend(before);
            findings.extend(narrow);
            findings.extend(after);
        }
        Machine::Printer(profile) => {
            let parts = solid(tolerance);
            if let Ok(parts) = &parts {
                summary.parts = parts.len();
                findings.extend(bed::printer(parts, profile));
                findings.extend(off_bed::printer(doc, parts, profile));
                findings.extend(floating::check(doc, parts, tolerance));
            }
            findings.extend(walls::check(doc, profile, tolerance));
            findings.extend(mesh::check(&parts));
        }
    }
    findings.sort_by_key(|f| f.severity);
    Report {
        machine_id: machine.id().to_owned(),
        findings,
        summary,
    }
}

/// The shapes of `doc` whose outline box touches `area`.
pub(crate) fn shapes_touching(
    doc: &Document,
    area: &BoxMm,
    filter: impl Fn(&geometry::Shape) -> bool,
) -> Vec<ShapeId> {
    doc.shapes
        .iter()
        .filter(|s| filter(s))
        .filter(|s| {
            geometry::outline::shape_bounds(s).is_some_and(|b| {
                BoxMm {
                    min: [b.x0, b.y0],
                    max: [b.x1, b.y1],
                }
                .touches(area)
            })
        })
        .map(|s| s.id)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod test_support;
