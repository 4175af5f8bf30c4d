//! What completes a tutorial step: a condition on the document or on the
//! app's state, checked every frame, so the coach moves on only when the
//! user has really done what it asked — not when they clicked "Next".
//!
//! Conditions are data in the tutorial files, for example
//! `{"shapes": {"kind": "text", "height": [2, 6]}}`: "a text shape exists
//! whose height is between 2 and 6 mm". Ranges are inclusive, in mm, and
//! measured on the shape as placed (its box in document space).
//!
//! Current limitations: sizes are judged on the shape's box, so a rotated
//! rectangle is measured by its box, not by its sides.

use std::path::PathBuf;

use exporters::check::{FindingKind, Report};
use geometry::approx::{EPSILON_MM, approx_eq};
use geometry::{Document, LaserRole, Shape, ShapeKind};
use kurbo::Rect;
use serde::Deserialize;

use crate::model::session::{Mode, ToolKind};

/// An inclusive range of millimetres.
pub type Range = [f64; 2];

/// A shape kind as written in the files.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    /// A rectangle.
    Rectangle,
    /// A rounded rectangle.
    RoundedRectangle,
    /// A circle or ellipse.
    Ellipse,
    /// A regular polygon.
    Polygon,
    /// A star.
    Star,
    /// A text.
    Text,
    /// A path (pen, pencil, traced or imported drawing, boolean result).
    Path,
}

impl KindName {
    fn matches(self, kind: &ShapeKind) -> bool {
        matches!(
            (self, kind),
            (KindName::Rectangle, ShapeKind::Rectangle { .. })
                | (
                    KindName::RoundedRectangle,
                    ShapeKind::RoundedRectangle { .. }
                )
                | (KindName::Ellipse, ShapeKind::Ellipse { .. })
                | (KindName::Polygon, ShapeKind::RegularPolygon { .. })
                | (KindName::Star, ShapeKind::Star { .. })
                | (KindName::Text, ShapeKind::Text { .. })
                | (KindName::Path, ShapeKind::Path { .. })
        )
    }
}

/// A laser role as written in the files.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RoleName {
    /// Cut through.
    Cut,
    /// Scored line.
    Score,
    /// Engraved surface.
    Engrave,
}

impl RoleName {
    fn role(self) -> LaserRole {
        match self {
            RoleName::Cut => LaserRole::Cut,
            RoleName::Score => LaserRole::Score,
            RoleName::Engrave => LaserRole::Engrave,
        }
    }
}

/// "The shape's centre is `offset` mm from the lower-left corner of a
/// shape of kind `of`, within `within` mm" — holes at measured positions.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CentreFrom {
    /// The reference shape's kind.
    pub of: KindName,
    /// Offset of the centre from its lower-left corner (x right, y up), mm.
    pub offset: [f64; 2],
    /// Tolerance, mm.
    pub within: f64,
}

/// Which shapes count. Every field that is present must hold.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ShapeFilter {
    /// Kind of shape.
    pub kind: Option<KindName>,
    /// Width of its box, mm.
    pub width: Option<Range>,
    /// Height of its box, mm.
    pub height: Option<Range>,
    /// Laser role.
    pub role: Option<RoleName>,
    /// 3D: is a hole.
    pub hole: Option<bool>,
    /// 3D: extrusion height, mm.
    pub extrusion: Option<Range>,
    /// 3D: its top (base + height) is at least this much above the top of
    /// a solid shape of this kind (raised lettering on a plate), mm.
    pub raised_above: Option<(KindName, f64)>,
    /// Its box lies inside the box of another shape of this kind.
    pub inside: Option<KindName>,
    /// Its box touches no shape of this kind (a ring hole clear of the
    /// name, at least 0.5 mm away).
    pub apart_from: Option<KindName>,
    /// A text shape whose words are the user's own (not the default text).
    pub own_text: bool,
    /// A text shape in this font.
    pub font: Option<String>,
    /// A text shape whose letter size (em) is in this range, mm.
    pub letter_size: Option<Range>,
    /// Its centre is at a measured place on another shape.
    pub centre_from: Option<CentreFrom>,
    /// The lower-left corner of its box is here (within 0.05 mm).
    pub corner: Option<[f64; 2]>,
    /// How many shapes must match (at least); 1 when absent.
    pub count: Option<usize>,
}

/// What completes a step.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every one of these.
    All(Vec<Condition>),
    /// One of these.
    Any(Vec<Condition>),
    /// Not this.
    Not(Box<Condition>),
    /// This tool is active (its name: `rectangle`, `ellipse`, `text`…).
    Tool(String),
    /// The editor is in this mode (`laser` or `print3d`).
    Mode(super::script::ModeName),
    /// At least `count` shapes match the filter.
    Shapes(ShapeFilter),
    /// A shape that was there when the step began has moved (same size).
    Moved,
    /// A shape that was there when the step began has changed size.
    Resized,
    /// The last change was undone (Redo is possible).
    Undone,
    /// At least two shapes are selected.
    SeveralSelected,
    /// A file with one of these extensions was exported during the step.
    Exported(Vec<String>),
    /// The lab check finds nothing blocking for the design's machine.
    Ready,
    /// The lab check has no finding of this kind (`loose_island`…).
    NoFinding(String),
    /// This dialog is open (`trace`, `export`, `browser`, `box`), or `check`
    /// for the check panel.
    DialogOpen(String),
}

/// What a condition looks at, gathered by the app each frame.
pub struct Observed<'a> {
    /// The document now.
    pub document: &'a Document,
    /// The document when the step began.
    pub step_start: &'a Document,
    /// The active tool.
    pub tool: ToolKind,
    /// Laser or 3D.
    pub mode: Mode,
    /// Selected shapes.
    pub selected: usize,
    /// Redo is possible.
    pub can_redo: bool,
    /// Files exported since the step began.
    pub exported: &'a [PathBuf],
    /// The open dialog's name, if any.
    pub dialog: Option<&'static str>,
    /// The lab check of the document now, once known (it runs on a
    /// worker thread: a big drawing takes seconds).
    pub report: Option<&'a Report>,
}

/// Tool names of the files, as the tool bar's translation keys spell them.
pub fn tool_named(name: &str) -> Option<ToolKind> {
    let key = format!("tool-{name}");
    ToolKind::ALL.into_iter().find(|tool| tool.key() == key)
}

/// Finding kinds of the files, as `fabrique check --json` spells them.
const FINDINGS: [&str; 12] = [
    "too_big",
    "open_cut_path",
    "duplicate_lines",
    "too_narrow",
    "hole_too_small",
    "text_too_small",
    "loose_island",
    "floating_part",
    "wall_too_thin",
    "mesh_not_closed",
    "bad_height",
    "nothing_to_make",
];

fn finding_name(kind: &FindingKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.get("check").and_then(|c| c.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

impl Condition {
    /// Refuses names that match nothing (a typo would make a step endless).
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                if list.is_empty() {
                    return Err("empty list of conditions".into());
                }
                list.iter().try_for_each(Condition::validate)
            }
            Condition::Not(condition) => condition.validate(),
            Condition::Tool(name) if tool_named(name).is_none() => {
                Err(format!("unknown tool {name}"))
            }
            Condition::NoFinding(name) if !FINDINGS.contains(&name.as_str()) => {
                Err(format!("unknown finding {name}"))
            }
            Condition::Exported(extensions) if extensions.is_empty() => {
                Err("no file extension to export".into())
            }
            _ => Ok(()),
        }
    }

    /// `true` when the condition looks at the lab check.
    pub fn needs_check(&self) -> bool {
        match self {
            Condition::All(list) | Condition::Any(list) => list.iter().any(Condition::needs_check),
            Condition::Not(condition) => condition.needs_check(),
            Condition::Ready | Condition::NoFinding(_) => true,
            _ => false,
        }
    }

    /// `true` when the condition holds.
    pub fn holds(&self, seen: &Observed<'_>) -> bool {
        match self {
            Condition::All(list) => list.iter().all(|c| c.holds(seen)),
            Condition::Any(list) => list.iter().any(|c| c.holds(seen)),
            Condition::Not(condition) => !condition.holds(seen),
            Condition::Tool(name) => tool_named(name) == Some(seen.tool),
            Condition::Mode(mode) => mode.mode() == seen.mode,
            Condition::Shapes(filter) => {
                filter.matching(seen.document) >= filter.count.unwrap_or(1)
            }
            Condition::Moved => changed(seen, |before, now| {
                same_size(before, now) && !same_place(before, now)
            }),
            Condition::Resized => changed(seen, |before, now| !same_size(before, now)),
            Condition::Undone => seen.can_redo,
            Condition::SeveralSelected => seen.selected >= 2,
            Condition::Exported(extensions) => seen.exported.iter().any(|path| {
                path.extension().is_some_and(|e| {
                    let e = e.to_string_lossy().to_lowercase();
                    extensions.iter().any(|x| x.eq_ignore_ascii_case(&e))
                })
            }),
            Condition::Ready => seen.report.is_some_and(Report::is_ready),
            Condition::NoFinding(name) => seen
                .report
                .is_some_and(|r| !r.findings.iter().any(|f| finding_name(&f.kind) == *name)),
            Condition::DialogOpen(name) => seen.dialog == Some(name.as_str()),
        }
    }
}

fn bounds(shape: &Shape) -> Option<Rect> {
    geometry::outline::shape_bounds(shape)
}

/// Sizes and places closer than this are "unchanged" for a step: the
/// properties panel shows two decimals, so a person cannot see less.
const UNCHANGED_MM: f64 = 0.01;

fn same_size(a: Rect, b: Rect) -> bool {
    approx_eq(a.width(), b.width(), UNCHANGED_MM) && approx_eq(a.height(), b.height(), UNCHANGED_MM)
}

fn same_place(a: Rect, b: Rect) -> bool {
    approx_eq(a.x0, b.x0, UNCHANGED_MM) && approx_eq(a.y0, b.y0, UNCHANGED_MM)
}

/// `true` when a shape present at the step's start now has boxes `test` accepts.
fn changed(seen: &Observed<'_>, test: impl Fn(Rect, Rect) -> bool) -> bool {
    seen.step_start.shapes.iter().any(|before| {
        seen.document
            .shape(before.id)
            .and_then(|now| Some((bounds(before)?, bounds(now)?)))
            .is_some_and(|(b, n)| test(b, n))
    })
}

fn within(value: f64, range: &Range) -> bool {
    value >= range[0] - EPSILON_MM && value <= range[1] + EPSILON_MM
}

fn top(shape: &Shape) -> f64 {
    shape.extrusion.base + shape.extrusion.height
}

/// The default text of a new text shape, in every language (read once:
/// loading the translations every frame would cost more than the check).
fn is_default_text(text: &str) -> bool {
    static DEFAULTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let defaults = DEFAULTS.get_or_init(|| {
        crate::i18n::Language::ALL
            .iter()
            .map(|l| crate::i18n::I18n::new(*l).tr("text-default"))
            .collect()
    });
    let text = text.trim();
    text.is_empty() || defaults.iter().any(|d| d == text)
}

/// Closer than this, two shapes touch for [`ShapeFilter::apart_from`], mm.
const APART_MM: f64 = 0.5;

impl ShapeFilter {
    /// How many shapes of `doc` match.
    pub fn matching(&self, doc: &Document) -> usize {
        doc.shapes.iter().filter(|s| self.accepts(s, doc)).count()
    }

    fn accepts(&self, shape: &Shape, doc: &Document) -> bool {
        let Some(b) = bounds(shape) else {
            return false;
        };
        let others = || doc.shapes.iter().filter(move |o| o.id != shape.id);
        let box_of = |kind: KindName| {
            others()
                .filter(move |o| kind.matches(&o.kind))
                .filter_map(bounds)
        };
        self.kind.is_none_or(|k| k.matches(&shape.kind))
            && self.width.is_none_or(|r| within(b.width(), &r))
            && self.height.is_none_or(|r| within(b.height(), &r))
            && self.role.is_none_or(|r| shape.role == r.role())
            && self.hole.is_none_or(|h| shape.extrusion.hole == h)
            && self
                .extrusion
                .is_none_or(|r| within(shape.extrusion.height, &r))
            && self.raised_above.is_none_or(|(kind, by)| {
                others().any(|o| {
                    kind.matches(&o.kind) && !o.extrusion.hole && top(shape) >= top(o) + by - EPSILON_MM
                })
            })
            && self.inside.is_none_or(|kind| {
                box_of(kind).any(|outer| {
                    outer.x0 <= b.x0 + EPSILON_MM
                        && outer.y0 <= b.y0 + EPSILON_MM
                        && outer.x1 >= b.x1 - EPSILON_MM
                        && outer.y1 >= b.y1 - EPSILON_MM
                })
            })
            && self.apart_from.is_none_or(|kind| {
                let clear = b.inflate(APART_MM, APART_MM);
                box_of(kind).all(|other| clear.intersect(other).is_zero_area())
            })
            && (!self.own_text
                || matches!(&shape.kind, ShapeKind::Text { text, .. } if !is_default_text(text)))
            && self.font.as_ref().is_none_or(
                |want| matches!(&shape.kind, ShapeKind::Text { font, .. } if font == want),
            )
            && self.letter_size.is_none_or(
                |range| matches!(&shape.kind, ShapeKind::Text { size, .. } if within(*size, &range)),
            )
            && self
                .corner
                .is_none_or(|[x, y]| (b.x0 - x).abs() <= 0.05 && (b.y0 - y).abs() <= 0.05)
            && self.centre_from.as_ref().is_none_or(|at| {
                let centre = b.center();
                box_of(at.of).any(|outer| {
                    let x = outer.x0 + at.offset[0];
                    let y = outer.y0 + at.offset[1];
                    (centre.x - x).abs() <= at.within && (centre.y - y).abs() <= at.within
                })
            })
    }
}

#[cfg(test)]
mod tests {
    //! Tests of [`super`] (compiled only under `#[cfg(test)]`): each condition
    //! holds on a document made to meet it and fails on one that does not.

    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use exporters::check::Report;
    use geometry::{Shape, ShapeKind};

    fn rect(w: f64, h: f64) -> Shape {
        Shape::new(ShapeKind::Rectangle {
            width: w,
            height: h,
        })
    }

    fn circle(d: f64) -> Shape {
        Shape::new(ShapeKind::Ellipse {
            rx: d / 2.0,
            ry: d / 2.0,
        })
    }

    /// `shape` moved so its box's centre is at (x, y).
    fn centred(shape: Shape, x: f64, y: f64) -> Shape {
        let c = geometry::outline::shape_bounds(&shape).unwrap().center();
        shape.translated(x - c.x, y - c.y)
    }

    fn holds(condition: &str, doc: &Document, start: &Document) -> bool {
        let condition: Condition = serde_json::from_str(condition).unwrap();
        condition.validate().unwrap();
        let report = Report {
            machine_id: "x".into(),
            findings: Vec::new(),
            summary: Default::default(),
        };
        condition.holds(&Observed {
            document: doc,
            step_start: start,
            tool: ToolKind::Rectangle,
            mode: Mode::Laser,
            selected: 1,
            can_redo: false,
            exported: &[PathBuf::from("/tmp/a.STL")],
            dialog: None,
            report: Some(&report),
        })
    }

    fn doc(shapes: Vec<Shape>) -> Document {
        let mut doc = Document::new();
        for s in shapes {
            doc.add(s);
        }
        doc
    }

    #[test]
    fn sizes_kinds_and_roles() {
        let d = doc(vec![rect(40.0, 20.0)]);
        let e = Document::new();
        assert!(holds(
            r#"{"shapes": {"kind": "rectangle", "width": [39.9, 40.1]}}"#,
            &d,
            &e
        ));
        assert!(!holds(
            r#"{"shapes": {"kind": "rectangle", "width": [10, 20]}}"#,
            &d,
            &e
        ));
        assert!(!holds(r#"{"shapes": {"kind": "ellipse"}}"#, &d, &e));
        assert!(holds(r#"{"shapes": {"role": "cut", "count": 1}}"#, &d, &e));
        assert!(!holds(r#"{"shapes": {"role": "cut", "count": 2}}"#, &d, &e));
        assert!(!holds(r#"{"shapes": {"role": "engrave"}}"#, &d, &e));
        assert!(holds(r#"{"not": {"shapes": {"role": "engrave"}}}"#, &d, &e));
        assert!(holds(r#"{"tool": "rectangle"}"#, &d, &e));
        assert!(!holds(r#"{"tool": "ellipse"}"#, &d, &e));
        assert!(holds(r#"{"exported": ["stl", "3mf"]}"#, &d, &e));
        assert!(!holds(r#"{"exported": ["svg"]}"#, &d, &e));
        assert!(holds(r#""ready""#, &d, &e));
    }

    #[test]
    fn moved_and_resized_compare_with_the_step_start() {
        let start = doc(vec![rect(40.0, 20.0)]);
        let mut moved = start.clone();
        moved.shapes[0] = moved.shapes[0].clone().translated(5.0, 0.0);
        assert!(holds(r#""moved""#, &moved, &start));
        assert!(!holds(r#""resized""#, &moved, &start));
        assert!(!holds(r#""moved""#, &start, &start));
        let mut resized = start.clone();
        resized.shapes[0].kind = ShapeKind::Rectangle {
            width: 30.0,
            height: 20.0,
        };
        assert!(holds(r#""resized""#, &resized, &start));
        assert!(!holds(r#""moved""#, &resized, &start));
    }

    #[test]
    fn inside_raised_and_measured_positions() {
        let mut plate = centred(rect(60.0, 40.0), 30.0, 20.0);
        plate.extrusion.height = 2.5;
        let hole = centred(circle(5.0), 10.0, 10.0);
        let mut far = centred(circle(5.0), 80.0, 10.0);
        far.extrusion.height = 4.0;
        let d = doc(vec![plate, hole, far]);
        let e = Document::new();
        assert!(holds(
            r#"{"shapes": {"kind": "ellipse", "inside": "rectangle"}}"#,
            &d,
            &e
        ));
        assert!(!holds(
            r#"{"shapes": {"kind": "ellipse", "inside": "rectangle", "count": 2}}"#,
            &d,
            &e
        ));
        assert!(holds(
            r#"{"shapes": {"kind": "ellipse", "centre_from": {"of": "rectangle", "offset": [10, 10], "within": 0.01}}}"#,
            &d,
            &e
        ));
        assert!(!holds(
            r#"{"shapes": {"kind": "ellipse", "centre_from": {"of": "rectangle", "offset": [50, 10], "within": 0.01}}}"#,
            &d,
            &e
        ));
        assert!(holds(
            r#"{"shapes": {"kind": "ellipse", "raised_above": ["rectangle", 1.0]}}"#,
            &d,
            &e
        ));
        assert!(!holds(
            r#"{"shapes": {"kind": "ellipse", "raised_above": ["rectangle", 2.0]}}"#,
            &d,
            &e
        ));
        assert!(holds(
            r#"{"shapes": {"kind": "rectangle", "corner": [0, 0]}}"#,
            &d,
            &e
        ));
    }

    #[test]
    fn the_default_text_is_not_the_users_own() {
        let text = |t: &str| {
            Shape::new(ShapeKind::Text {
                text: t.into(),
                font: "Lato".into(),
                size: 10.0,
            })
        };
        let e = Document::new();
        let own = r#"{"shapes": {"kind": "text", "own_text": true}}"#;
        assert!(!holds(own, &doc(vec![text("Texte")]), &e));
        assert!(!holds(own, &doc(vec![text("Text")]), &e));
        assert!(!holds(own, &doc(vec![text("  ")]), &e));
        assert!(holds(own, &doc(vec![text("Léa")]), &e));
    }

    #[test]
    fn typos_are_refused() {
        for bad in [
            r#"{"tool": "rectangel"}"#,
            r#"{"no_finding": "loose_islands"}"#,
            r#"{"all": []}"#,
            r#"{"exported": []}"#,
        ] {
            let condition: Condition = serde_json::from_str(bad).unwrap();
            assert!(condition.validate().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Condition>(r#"{"shapes": {"colour": "red"}}"#).is_err());
    }

    #[test]
    fn a_ring_hole_must_stay_clear_of_the_name() {
        let plate = centred(rect(50.0, 20.0), 25.0, 10.0);
        let name = centred(rect(25.0, 8.0), 25.0, 10.0);
        let condition = r#"{"shapes": {"kind": "ellipse", "inside": "rectangle", "apart_from": "rounded_rectangle"}}"#;
        let clear = centred(circle(5.0), 5.0, 10.0);
        // The name stands for a text here: a rounded rectangle is a kind of its own.
        let mut name_shape = name.clone();
        name_shape.kind = ShapeKind::RoundedRectangle {
            width: 25.0,
            height: 8.0,
            radius: 1.0,
        };
        let e = Document::new();
        let d = doc(vec![plate.clone(), name_shape.clone(), clear]);
        assert!(holds(condition, &d, &e));
        // Overlapping the name's box, or closer than half a millimetre: not yet.
        for x in [12.0, 9.8] {
            let touching = centred(circle(5.0), x, 10.0);
            let d = doc(vec![plate.clone(), name_shape.clone(), touching]);
            assert!(!holds(condition, &d, &e), "hole at x = {x}");
        }
    }
}
