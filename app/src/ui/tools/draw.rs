//! The shape tools: rectangle, rounded rectangle and ellipse are dragged
//! from corner to corner; polygon and star from the centre outwards. A click
//! without a drag drops a shape of a friendly default size, so nothing a
//! beginner does is lost.

use geometry::{Shape, ShapeKind};
use kurbo::Point;

use super::{PointerEvent, ToolContext};
use crate::ui::command::Command;
use crate::ui::session::{ToolKind, ToolSettings};

/// Size of a shape dropped by a simple click, mm: a keychain's size.
pub const DEFAULT_SIZE_MM: f64 = 20.0;

/// A drag shorter than this (mm) is a click.
const CLICK_MM: f64 = 0.5;

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
        /// Shift held: square, circle, or upright.
        shift: bool,
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
        (DrawState::Idle, PointerEvent::Press { pos, shift }) => {
            let p = snap(pos);
            (
                DrawState::Dragging {
                    start: p,
                    current: p,
                    shift,
                },
                Vec::new(),
            )
        }
        (DrawState::Dragging { start, .. }, PointerEvent::Drag { pos, shift }) => (
            DrawState::Dragging {
                start,
                current: snap(pos),
                shift,
            },
            Vec::new(),
        ),
        (DrawState::Dragging { start, .. }, PointerEvent::Release { pos, shift }) => {
            let mut current = snap(pos);
            if (current - start).hypot() < CLICK_MM {
                current = click_corner(tool, start);
            }
            let commands = build_shape(tool, start, current, shift, ctx.settings)
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

/// The far corner of a click-dropped shape: centred on the click.
fn click_corner(tool: ToolKind, start: Point) -> Point {
    match tool {
        ToolKind::Polygon | ToolKind::Star => start + kurbo::Vec2::new(0.0, DEFAULT_SIZE_MM / 2.0),
        _ => start + kurbo::Vec2::new(DEFAULT_SIZE_MM, -DEFAULT_SIZE_MM),
    }
}

/// The shape `tool` makes for a drag from `start` to `current` (mm).
pub fn build_shape(
    tool: ToolKind,
    start: Point,
    current: Point,
    shift: bool,
    settings: &ToolSettings,
) -> Option<Shape> {
    let mut w = (current.x - start.x).abs();
    let mut h = (current.y - start.y).abs();
    if shift {
        let side = w.max(h);
        w = side;
        h = side;
    }
    let centre = Point::new(
        start.x + (current.x - start.x).signum() * w / 2.0,
        start.y + (current.y - start.y).signum() * h / 2.0,
    );
    let radius = (current - start).hypot();
    let (kind, at) = match tool {
        ToolKind::Rectangle => (
            ShapeKind::Rectangle {
                width: w,
                height: h,
            },
            centre,
        ),
        ToolKind::RoundedRectangle => (
            ShapeKind::RoundedRectangle {
                width: w,
                height: h,
                radius: settings.corner_radius,
            },
            centre,
        ),
        ToolKind::Ellipse => (
            ShapeKind::Ellipse {
                rx: w / 2.0,
                ry: h / 2.0,
            },
            centre,
        ),
        ToolKind::Polygon => (
            ShapeKind::RegularPolygon {
                sides: settings.polygon_sides,
                radius,
            },
            start,
        ),
        ToolKind::Star => (
            ShapeKind::Star {
                points: settings.star_points,
                outer_radius: radius,
                inner_ratio: settings.star_inner_ratio,
            },
            start,
        ),
        ToolKind::Select | ToolKind::Text | ToolKind::Pencil | ToolKind::Pen => return None,
    };
    let big_enough = match kind {
        ShapeKind::RegularPolygon { .. } | ShapeKind::Star { .. } => radius > 1e-3,
        _ => w > 1e-3 && h > 1e-3,
    };
    big_enough.then(|| Shape::new(kind).translated(at.x, at.y))
}
