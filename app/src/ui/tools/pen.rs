//! The pen: click to place corners, press and drag to pull a curve out of a
//! point. Clicking the first point again closes the shape (filled); Enter
//! or a double-click finishes an open line; Esc drops it.

use geometry::{Fill, FillRule, Shape, ShapeKind};
use kurbo::{BezPath, Point, Vec2};

use super::{PointerEvent, ToolContext};
use crate::model::command::Command;

/// One placed point and its outgoing tangent (zero for a sharp corner).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PenPoint {
    /// Where the point is, mm.
    pub pos: Point,
    /// Outgoing tangent handle, mm (the incoming one mirrors it).
    pub handle: Vec2,
}

/// State of the pen.
#[derive(Clone, Debug, PartialEq)]
pub enum PenState {
    /// Waiting for the first point.
    Idle,
    /// Placing points; `dragging` while the button is down on the last one.
    Placing {
        points: Vec<PenPoint>,
        dragging: bool,
    },
}

/// A tangent shorter than this is a corner, mm (a click that trembled).
const MIN_HANDLE_MM: f64 = 0.3;

/// Transition of the pen.
pub fn transition(
    state: PenState,
    event: PointerEvent,
    ctx: &ToolContext,
) -> (PenState, Vec<Command>) {
    let snap = |p: Point| ctx.snapper.as_ref().map_or(p, |s| s.point(p));
    match (state, event) {
        (PenState::Idle, PointerEvent::Press { pos, .. }) => (
            PenState::Placing {
                points: vec![PenPoint {
                    pos: snap(pos),
                    handle: Vec2::ZERO,
                }],
                dragging: true,
            },
            Vec::new(),
        ),
        (PenState::Placing { mut points, .. }, PointerEvent::Press { pos, .. }) => {
            let closes = points.len() >= 3
                && points
                    .first()
                    .is_some_and(|first| (first.pos - pos).hypot() <= ctx.pick_radius_mm);
            if closes {
                let commands = shape(&points, true)
                    .map(|s| vec![Command::AddShapes(vec![s])])
                    .unwrap_or_default();
                return (PenState::Idle, commands);
            }
            points.push(PenPoint {
                pos: snap(pos),
                handle: Vec2::ZERO,
            });
            (
                PenState::Placing {
                    points,
                    dragging: true,
                },
                Vec::new(),
            )
        }
        (
            PenState::Placing {
                mut points,
                dragging: true,
            },
            PointerEvent::Drag { pos, .. },
        ) => {
            if let Some(last) = points.last_mut() {
                let handle = pos - last.pos;
                last.handle = if handle.hypot() < MIN_HANDLE_MM {
                    Vec2::ZERO
                } else {
                    handle
                };
            }
            (
                PenState::Placing {
                    points,
                    dragging: true,
                },
                Vec::new(),
            )
        }
        (PenState::Placing { points, .. }, PointerEvent::Release { .. }) => (
            PenState::Placing {
                points,
                dragging: false,
            },
            Vec::new(),
        ),
        (PenState::Placing { points, .. }, PointerEvent::Finish) => {
            let commands = shape(&points, false)
                .map(|s| vec![Command::AddShapes(vec![s])])
                .unwrap_or_default();
            (PenState::Idle, commands)
        }
        (_, PointerEvent::Cancel) => (PenState::Idle, Vec::new()),
        (state, _) => (state, Vec::new()),
    }
}

fn segment(path: &mut BezPath, a: &PenPoint, b: &PenPoint) {
    if a.handle == Vec2::ZERO && b.handle == Vec2::ZERO {
        path.line_to(b.pos);
    } else {
        // The handle leaves `a` forwards and arrives at `b` mirrored, as in
        // every vector drawing program.
        path.curve_to(a.pos + a.handle, b.pos - b.handle, b.pos);
    }
}

/// The pen's shape: closed and filled, or an open line to cut or score.
pub fn shape(points: &[PenPoint], closed: bool) -> Option<Shape> {
    if points.len() < 2 {
        return None;
    }
    let mut path = BezPath::new();
    path.move_to(points[0].pos);
    for pair in points.windows(2) {
        segment(&mut path, &pair[0], &pair[1]);
    }
    let mut shape = Shape::new(ShapeKind::Path {
        path: BezPath::new(),
    });
    if closed {
        if let (Some(last), Some(first)) = (points.last(), points.first()) {
            segment(&mut path, last, first);
        }
        path.close_path();
        shape.fill = Fill::Filled(FillRule::NonZero);
    } else {
        shape.fill = Fill::Outline;
    }
    shape.kind = ShapeKind::Path { path };
    Some(shape)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::session::ToolSettings;

    #[test]
    fn clicks_make_corners_and_clicking_the_start_closes() {
        let document = geometry::Document::new();
        let settings = ToolSettings::default();
        let ctx = ToolContext {
            document: &document,
            selection: &[],
            settings: &settings,
            pick_radius_mm: 1.0,
            rotate_handle_mm: 5.0,
            snapper: None,
            default_text: "",
        };
        let mut state = PenState::Idle;
        let mut out = Vec::new();
        for (x, y) in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.2, 0.1)] {
            for event in [
                PointerEvent::Press {
                    pos: Point::new(x, y),
                    shift: false,
                    centre: false,
                },
                PointerEvent::Release {
                    pos: Point::new(x, y),
                    shift: false,
                    centre: false,
                },
            ] {
                let (next, commands) = transition(state, event, &ctx);
                state = next;
                out.extend(commands);
            }
        }
        assert_eq!(state, PenState::Idle);
        let [Command::AddShapes(shapes)] = out.as_slice() else {
            panic!("{out:?}")
        };
        let area = geometry::outline::shape_region(&shapes[0], 0.01).area();
        assert!((area - 50.0).abs() < 1e-9, "{area}");
    }
}
