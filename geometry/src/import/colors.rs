//! From painted paths to shapes, one colour at a time: every stroke and
//! fill colour of the file is listed with how much of it there is
//! ([`ColorUse`]) and the operation it gets ([`super::operation`]), and the
//! paths become shapes with that operation's laser role. Colours to ignore
//! leave their paths out (they are still listed, so nothing is dropped
//! without a word).
//!
//! A path with both a fill and a stroke gives one shape when both colours
//! mean the same operation (cut along the outline once), two otherwise (an
//! engraved area with a cut line around it, as LightBurn reads it). Text
//! arrives here as filled paths and follows its fill colour.
//!
//! Current limitations: the area of a fill is the absolute value of its
//! signed area (holes drawn the opposite way round are subtracted, holes
//! drawn the same way are added); gradients and patterns count as the
//! colour of their first stop (patterns as black).

use kurbo::{BezPath, ParamCurveArclen, Shape as _};

use super::generator::Generator;
use super::operation::{ColorRules, Operation, PaintKind, Reason, Rgb};
use crate::region::FillRule;
use crate::shape::{Fill, LaserRole, Shape, ShapeKind};

/// Accuracy of the lengths listed per colour, mm.
const LENGTH_ACCURACY_MM: f64 = 1e-3;

/// A fill smaller than this draws nothing visible (a line's "fill"), mm².
const NO_AREA_MM2: f64 = 1e-9;

/// One path of the file with its paint, in document space.
#[derive(Clone, Debug)]
pub(super) struct Painted {
    pub(super) path: BezPath,
    pub(super) fill: Option<(Rgb, FillRule)>,
    pub(super) stroke: Option<Rgb>,
}

/// One colour of the file: what it paints, how much, and what it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct ColorUse {
    /// Lines or areas.
    pub kind: PaintKind,
    /// The colour.
    pub color: Rgb,
    /// Paths painted in it.
    pub paths: usize,
    /// Length of its lines (strokes) or outlines (fills), mm.
    pub length_mm: f64,
    /// Area it fills, mm² (0 for strokes).
    pub area_mm2: f64,
    /// What the laser does with it.
    pub operation: Operation,
    /// Why.
    pub reason: Reason,
    /// The paths painted in it, in document space: what a preview of the
    /// colour's operation draws, ignored colours included.
    pub outlines: Vec<BezPath>,
}

/// The operation of `color` painted as `kind`, and why.
pub fn operation_of(
    kind: PaintKind,
    color: Rgb,
    rules: &ColorRules,
    generator: Option<Generator>,
) -> (Operation, Reason) {
    let paint_chosen = rules
        .chosen_paint
        .iter()
        .find(|(k, c, _)| *k == kind && *c == color);
    if let Some(&(_, _, op)) = paint_chosen {
        return (op, Reason::Chosen);
    }
    if let Some(&(_, op)) = rules.chosen.iter().find(|(c, _)| *c == color) {
        return (op, Reason::Chosen);
    }
    if let Some(op) = generator.and_then(|g| g.operation(kind, color)) {
        return (op, Reason::Generator);
    }
    if let Some(op) = rules.lab.operation(kind, color) {
        return (op, Reason::Lab);
    }
    let fallback = match kind {
        PaintKind::Stroke => Operation::Cut,
        PaintKind::Fill => Operation::Engrave,
    };
    (fallback, Reason::Fallback)
}

/// The shapes of `painted` and the colours used, strokes first, then by
/// colour.
pub(super) fn assign(
    painted: Vec<Painted>,
    rules: &ColorRules,
    generator: Option<Generator>,
) -> (Vec<Shape>, Vec<ColorUse>) {
    let mut uses: Vec<ColorUse> = Vec::new();
    let mut shapes = Vec::new();
    for item in painted {
        let length = length_mm(&item.path);
        let fill = item.fill.and_then(|(color, rule)| {
            let area = closed_area(&item.path);
            (area > NO_AREA_MM2).then_some((color, rule, area))
        });
        let fill_op = fill.map(|(color, _, area)| {
            let (op, reason) = operation_of(PaintKind::Fill, color, rules, generator);
            record(
                &mut uses,
                (PaintKind::Fill, color),
                &item.path,
                (length, area),
                (op, reason),
            );
            op
        });
        let stroke_op = item.stroke.map(|color| {
            let (op, reason) = operation_of(PaintKind::Stroke, color, rules, generator);
            record(
                &mut uses,
                (PaintKind::Stroke, color),
                &item.path,
                (length, 0.0),
                (op, reason),
            );
            op
        });
        if let (Some((_, rule, _)), Some(op)) = (fill, fill_op)
            && let Some(role) = role_of(op)
        {
            shapes.push(shape(&item.path, Fill::Filled(rule), role));
        }
        if let Some(op) = stroke_op
            && Some(op) != fill_op
            && let Some(role) = role_of(op)
        {
            shapes.push(shape(&item.path, Fill::Outline, role));
        }
    }
    uses.sort_by_key(|u| (u.kind, u.color));
    (shapes, uses)
}

/// The area a fill of `path` covers, mm²: every subpath closed first, as a
/// fill closes it (kurbo's `area` of an open path is not translation
/// invariant: a lone `<line>` would seem to cover its distance to the
/// origin times its length).
fn closed_area(path: &BezPath) -> f64 {
    use kurbo::PathEl;
    let mut closed = BezPath::new();
    let mut open = false;
    for el in path.elements() {
        match el {
            PathEl::MoveTo(_) if open => {
                closed.close_path();
                closed.push(*el);
            }
            PathEl::ClosePath => {
                closed.close_path();
                open = false;
                continue;
            }
            _ => closed.push(*el),
        }
        open = true;
    }
    if open {
        closed.close_path();
    }
    closed.area().abs()
}

fn shape(path: &BezPath, fill: Fill, role: LaserRole) -> Shape {
    let mut shape = Shape::new(ShapeKind::Path { path: path.clone() });
    shape.fill = fill;
    shape.role = role;
    shape
}

/// The laser role of an operation, `None` for "ignore".
fn role_of(op: Operation) -> Option<LaserRole> {
    match op {
        Operation::Cut => Some(LaserRole::Cut),
        Operation::Score => Some(LaserRole::Score),
        Operation::Engrave => Some(LaserRole::Engrave),
        Operation::Ignore => None,
    }
}

/// Adds one path painted `paint` ((kind, colour)) to the list: its
/// `amount` (length, area) and the operation found for it (with why).
fn record(
    uses: &mut Vec<ColorUse>,
    paint: (PaintKind, Rgb),
    path: &BezPath,
    amount: (f64, f64),
    (operation, reason): (Operation, Reason),
) {
    let (kind, color) = paint;
    let (length_mm, area_mm2) = amount;
    if let Some(u) = uses.iter_mut().find(|u| u.kind == kind && u.color == color) {
        u.paths += 1;
        u.length_mm += length_mm;
        u.area_mm2 += area_mm2;
        u.outlines.push(path.clone());
    } else {
        uses.push(ColorUse {
            kind,
            color,
            paths: 1,
            length_mm,
            area_mm2,
            operation,
            reason,
            outlines: vec![path.clone()],
        });
    }
}

/// Length of `path`'s lines, mm (a closing segment included).
fn length_mm(path: &BezPath) -> f64 {
    path.segments()
        .map(|s| s.arclen(LENGTH_ACCURACY_MM))
        .filter(|l| l.is_finite())
        .sum()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn square(size: f64) -> BezPath {
        let mut p = BezPath::new();
        p.move_to((0.0, 0.0));
        p.line_to((size, 0.0));
        p.line_to((size, size));
        p.line_to((0.0, size));
        p.close_path();
        p
    }

    fn painted(fill: Option<Rgb>, stroke: Option<Rgb>) -> Painted {
        Painted {
            path: square(10.0),
            fill: fill.map(|c| (c, FillRule::NonZero)),
            stroke,
        }
    }

    #[test]
    fn fill_and_stroke_of_one_operation_give_one_shape() {
        let rules = ColorRules::default();
        let (shapes, uses) = assign(vec![painted(Some(Rgb::RED), Some(Rgb::RED))], &rules, None);
        assert_eq!(shapes.len(), 1);
        assert_eq!(shapes[0].role, LaserRole::Cut);
        assert_eq!(uses.len(), 2);
        assert!((uses[1].area_mm2 - 100.0).abs() < 1e-9);
        assert!((uses[0].length_mm - 40.0).abs() < 1e-6);
        // An engraved area with a cut line around it: two shapes.
        let (shapes, _) = assign(
            vec![painted(Some(Rgb::BLACK), Some(Rgb::RED))],
            &rules,
            None,
        );
        let roles: Vec<_> = shapes.iter().map(|s| (s.role, s.fill)).collect();
        assert_eq!(
            roles,
            [
                (LaserRole::Engrave, Fill::Filled(FillRule::NonZero)),
                (LaserRole::Cut, Fill::Outline)
            ]
        );
    }

    #[test]
    fn chosen_beats_generator_beats_lab_beats_fallback() {
        let mut rules = ColorRules::default();
        let boxes = Some(Generator::BoxesPy);
        let stroke = |rules: &ColorRules, g, c| operation_of(PaintKind::Stroke, c, rules, g);
        assert_eq!(
            stroke(&rules, None, Rgb::RED),
            (Operation::Cut, Reason::Lab)
        );
        assert_eq!(
            stroke(&rules, boxes, Rgb::RED),
            (Operation::Ignore, Reason::Generator)
        );
        assert_eq!(
            stroke(&rules, None, Rgb([200, 100, 0])),
            (Operation::Cut, Reason::Fallback)
        );
        assert_eq!(
            operation_of(PaintKind::Fill, Rgb([200, 100, 0]), &rules, None),
            (Operation::Engrave, Reason::Fallback)
        );
        rules.chosen.push((Rgb::RED, Operation::Score));
        assert_eq!(
            stroke(&rules, boxes, Rgb::RED),
            (Operation::Score, Reason::Chosen)
        );
        // A choice for the areas of a colour leaves its lines alone.
        rules
            .chosen_paint
            .push((PaintKind::Fill, Rgb::RED, Operation::Ignore));
        assert_eq!(
            operation_of(PaintKind::Fill, Rgb::RED, &rules, boxes),
            (Operation::Ignore, Reason::Chosen)
        );
        assert_eq!(
            stroke(&rules, boxes, Rgb::RED),
            (Operation::Score, Reason::Chosen)
        );
    }

    #[test]
    fn ignored_colours_are_listed_but_give_no_shape() {
        let mut rules = ColorRules::default();
        rules.chosen.push((Rgb::RED, Operation::Ignore));
        let (shapes, uses) = assign(vec![painted(None, Some(Rgb::RED))], &rules, None);
        assert!(shapes.is_empty());
        assert_eq!(uses[0].operation, Operation::Ignore);
        assert_eq!(uses[0].paths, 1);
        // Still there to be shown in a preview.
        assert_eq!(uses[0].outlines, [square(10.0)]);
    }

    #[test]
    fn a_line_has_no_area_to_fill() {
        let mut line = BezPath::new();
        line.move_to((0.0, 0.0));
        line.line_to((30.0, 0.0));
        let item = Painted {
            path: line,
            fill: Some((Rgb::BLACK, FillRule::NonZero)),
            stroke: Some(Rgb::BLACK),
        };
        let (shapes, uses) = assign(vec![item], &ColorRules::default(), None);
        assert_eq!(shapes.len(), 1);
        assert_eq!(shapes[0].fill, Fill::Outline);
        assert_eq!(uses.len(), 1);
        assert!((uses[0].length_mm - 30.0).abs() < 1e-9);
    }
}
