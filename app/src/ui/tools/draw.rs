//! The shape tools, one drawing grammar for all (as Inkscape and
//! Tinkercad): rectangle, rounded rectangle, ellipse, polygon and star are
//! dragged corner to corner, the shape filling the box; Shift keeps a
//! square, a circle, a regular star; Ctrl (or Alt) draws from the centre
//! outwards. Snapping moves the dragged point, then Shift applies, so a
//! snapped circle stays round. A click without a drag drops a shape of a
//! friendly default size centred on the click, so nothing a beginner does
//! is lost; a drag that is a line (one side under half a millimetre)
//! gives a square shape of its length rather than nothing.

use geometry::{Shape, ShapeKind};
use kurbo::{Point, Rect, Vec2};

use super::{PointerEvent, ToolContext};
use crate::model::command::Command;
use crate::model::session::{ToolKind, ToolSettings};

/// Size of a shape dropped by a simple click, mm: a keychain's size.
pub const DEFAULT_SIZE_MM: f64 = 20.0;

/// A drag shorter than this (mm) is a click.
const CLICK_MM: f64 = 0.5;

/// How the modifier keys shape the drag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Grammar {
    /// Shift: equal width and height.
    pub square: bool,
    /// Ctrl or Alt: the press is the centre, not a corner.
    pub from_centre: bool,
}

/// State of a shape tool.
#[derive(Clone, Debug, PartialEq)]
pub enum DrawState {
    /// Waiting for the first corner (or the centre).
    Idle,
    /// The button is down: the shape follows the pointer.
    Dragging {
        /// Where the drag began (snapped), mm.
        start: Point,
        /// Where the pointer is (snapped), mm.
        current: Point,
        /// Shift held: square, circle, regular star.
        shift: bool,
        /// Ctrl or Alt held: from the centre.
        centre: bool,
    },
}

/// Transition of a shape tool.
pub fn transition(
    tool: ToolKind,
    state: DrawState,
    event: PointerEvent,
    ctx: &ToolContext,
) -> (DrawState, Vec<Command>) {
    let snap = |p: Point| ctx.snapper.as_ref().map_or(p, |s| s.point(p));
    match (state, event) {
        (DrawState::Idle, PointerEvent::Press { pos, shift, centre }) => {
            let p = snap(pos);
            (
                DrawState::Dragging {
                    start: p,
                    current: p,
                    shift,
                    centre,
                },
                Vec::new(),
            )
        }
        (DrawState::Dragging { start, .. }, PointerEvent::Drag { pos, shift, centre }) => (
            DrawState::Dragging {
                start,
                current: snap(pos),
                shift,
                centre,
            },
            Vec::new(),
        ),
        (DrawState::Dragging { start, .. }, PointerEvent::Release { pos, shift, centre }) => {
            let current = snap(pos);
            let mut grammar = Grammar {
                square: shift,
                from_centre: centre,
            };
            let current = if (current - start).hypot() < CLICK_MM {
                // A click: the default size, centred on it.
                grammar = Grammar {
                    square: true,
                    from_centre: true,
                };
                start + Vec2::new(DEFAULT_SIZE_MM / 2.0, DEFAULT_SIZE_MM / 2.0)
            } else {
                current
            };
            let commands = build_shape(tool, start, current, grammar, ctx.settings)
                .map(|shape| {
                    vec![
                        Command::AddShapes(vec![shape]),
                        Command::SetTool(ToolKind::Select),
                    ]
                })
                .unwrap_or_default();
            (DrawState::Idle, commands)
        }
        (_, PointerEvent::Cancel) => (DrawState::Idle, Vec::new()),
        (state, _) => (state, Vec::new()),
    }
}

/// A side shorter than this (mm) after a real drag is taken as a line
/// drawn by mistake: the shape is made square on the longer side instead.
const MIN_SIDE_MM: f64 = 0.5;

/// The box a drag from `start` to `current` spans under `grammar`.
pub fn drag_box(start: Point, current: Point, grammar: Grammar) -> Rect {
    let mut d = current - start;
    if grammar.square || d.x.abs().min(d.y.abs()) < MIN_SIDE_MM {
        let side = d.x.abs().max(d.y.abs());
        d = Vec2::new(side.copysign(d.x), side.copysign(d.y));
    }
    if grammar.from_centre {
        Rect::from_points(start - d, start + d)
    } else {
        Rect::from_points(start, start + d)
    }
}

/// The shape `tool` makes for a drag from `start` to `current` (mm): the
/// shape fills the drag's box (a star or polygon as large as fits it,
/// centred in it).
pub fn build_shape(
    tool: ToolKind,
    start: Point,
    current: Point,
    grammar: Grammar,
    settings: &ToolSettings,
) -> Option<Shape> {
    let area = drag_box(start, current, grammar);
    let (w, h) = (area.width(), area.height());
    if w < 1e-3 || h < 1e-3 {
        return None;
    }
    let kind = match tool {
        ToolKind::Rectangle => ShapeKind::Rectangle {
            width: w,
            height: h,
        },
        ToolKind::RoundedRectangle => ShapeKind::RoundedRectangle {
            width: w,
            height: h,
            radius: settings.corner_radius,
        },
        ToolKind::Ellipse => ShapeKind::Ellipse {
            rx: w / 2.0,
            ry: h / 2.0,
        },
        ToolKind::Polygon | ToolKind::Star => return radial_in_box(tool, area, settings),
        ToolKind::Select | ToolKind::Text | ToolKind::Pencil | ToolKind::Pen => return None,
    };
    let centre = area.center();
    Some(Shape::new(kind).translated(centre.x, centre.y))
}

/// A polygon or star as large as fits `area`, centred in it: measured at
/// radius 1 first, since a 5-point star is wider than it is high.
fn radial_in_box(tool: ToolKind, area: Rect, settings: &ToolSettings) -> Option<Shape> {
    let kind = |radius: f64| match tool {
        ToolKind::Polygon => ShapeKind::RegularPolygon {
            sides: settings.polygon_sides,
            radius,
        },
        _ => ShapeKind::Star {
            points: settings.star_points,
            outer_radius: radius,
            inner_ratio: settings.star_inner_ratio,
        },
    };
    let unit = geometry::transform::shapes_bounds([&Shape::new(kind(1.0))])?;
    let radius = (area.width() / unit.width()).min(area.height() / unit.height());
    if !radius.is_finite() || radius <= 1e-3 {
        return None;
    }
    let centre = area.center() - unit.center().to_vec2() * radius;
    Some(Shape::new(kind(radius)).translated(centre.x, centre.y))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use geometry::transform::shapes_bounds;

    fn bounds(tool: ToolKind, a: (f64, f64), b: (f64, f64), grammar: Grammar) -> Rect {
        let shape = build_shape(
            tool,
            Point::new(a.0, a.1),
            Point::new(b.0, b.1),
            grammar,
            &ToolSettings::default(),
        )
        .unwrap();
        shapes_bounds([&shape]).unwrap()
    }

    #[track_caller]
    fn close(a: Rect, b: Rect) {
        let d =
            (a.x0 - b.x0).abs() + (a.y0 - b.y0).abs() + (a.x1 - b.x1).abs() + (a.y1 - b.y1).abs();
        assert!(d < 0.05, "{a:?} != {b:?}");
    }

    const TOOLS: [ToolKind; 5] = [
        ToolKind::Rectangle,
        ToolKind::RoundedRectangle,
        ToolKind::Ellipse,
        ToolKind::Polygon,
        ToolKind::Star,
    ];

    #[test]
    fn every_tool_draws_corner_to_corner_inside_the_box() {
        let plain = Grammar::default();
        for tool in TOOLS {
            let got = bounds(tool, (10.0, 10.0), (50.0, 40.0), plain);
            let dragged = Rect::new(10.0, 10.0, 50.0, 40.0);
            assert!(
                got.x0 >= 9.99 && got.y0 >= 9.99 && got.x1 <= 50.01 && got.y1 <= 40.01,
                "{tool:?}: {got:?}"
            );
            // It touches the box on two opposite sides at least.
            let fills_w = (got.width() - dragged.width()).abs() < 0.05;
            let fills_h = (got.height() - dragged.height()).abs() < 0.05;
            assert!(fills_w || fills_h, "{tool:?}: {got:?}");
            // Dragged the other way round, the same box.
            close(bounds(tool, (50.0, 40.0), (10.0, 10.0), plain), got);
        }
    }

    #[test]
    fn shift_keeps_a_square_and_ctrl_draws_from_the_centre() {
        let square = Grammar {
            square: true,
            from_centre: false,
        };
        let centre = Grammar {
            square: false,
            from_centre: true,
        };
        for tool in [ToolKind::Rectangle, ToolKind::Ellipse] {
            close(
                bounds(tool, (0.0, 0.0), (50.0, 60.0), square),
                Rect::new(0.0, 0.0, 60.0, 60.0),
            );
            close(
                bounds(tool, (0.0, 0.0), (50.0, -60.0), square),
                Rect::new(0.0, -60.0, 60.0, 0.0),
            );
            close(
                bounds(tool, (100.0, 100.0), (110.0, 120.0), centre),
                Rect::new(90.0, 80.0, 110.0, 120.0),
            );
        }
        let star = bounds(ToolKind::Star, (100.0, 100.0), (120.0, 120.0), centre);
        assert!(
            (star.center() - Point::new(100.0, 100.0)).hypot() < 0.05,
            "{star:?}"
        );
    }

    #[test]
    fn a_line_drag_still_makes_a_shape() {
        let got = bounds(
            ToolKind::Ellipse,
            (0.0, 0.0),
            (12.0, 0.0),
            Grammar::default(),
        );
        close(got, Rect::new(0.0, 0.0, 12.0, 12.0));
        let thin = bounds(
            ToolKind::Rectangle,
            (0.0, 0.0),
            (0.2, 8.0),
            Grammar::default(),
        );
        close(thin, Rect::new(0.0, 0.0, 8.0, 8.0));
    }
}
