//! The freehand pencil: the pointer's trail is thinned and smoothed into
//! cubic curves (Catmull-Rom through the kept points), so a shaky hand still
//! gives a clean line. A trail that ends near its start is closed and filled.

use geometry::{Fill, FillRule, Shape, ShapeKind};
use kurbo::{BezPath, Point};

use super::{PointerEvent, ToolContext};
use crate::model::command::Command;

/// Points closer than this to the last kept one are dropped, mm: removes the
/// jitter of a mouse or a touchpad without losing the drawing's shape.
const MIN_STEP_MM: f64 = 0.8;

/// A trail ending this close to its start becomes a closed shape, mm.
const CLOSE_MM: f64 = 3.0;

/// State of the pencil.
#[derive(Clone, Debug, PartialEq)]
pub enum PencilState {
    /// Waiting for the pointer to go down.
    Idle,
    /// Drawing: the points so far, mm.
    Drawing { points: Vec<Point> },
}

/// Transition of the pencil.
pub fn transition(
    state: PencilState,
    event: PointerEvent,
    _ctx: &ToolContext,
) -> (PencilState, Vec<Command>) {
    match (state, event) {
        (PencilState::Idle, PointerEvent::Press { pos, .. }) => {
            (PencilState::Drawing { points: vec![pos] }, Vec::new())
        }
        (PencilState::Drawing { mut points }, PointerEvent::Drag { pos, .. }) => {
            if points
                .last()
                .is_none_or(|last| (*last - pos).hypot() >= MIN_STEP_MM)
            {
                points.push(pos);
            }
            (PencilState::Drawing { points }, Vec::new())
        }
        (PencilState::Drawing { mut points }, PointerEvent::Release { pos, .. }) => {
            points.push(pos);
            let commands = smoothed_shape(&points)
                .map(|shape| vec![Command::AddShapes(vec![shape])])
                .unwrap_or_default();
            (PencilState::Idle, commands)
        }
        (_, PointerEvent::Cancel) => (PencilState::Idle, Vec::new()),
        (state, _) => (state, Vec::new()),
    }
}

/// The line drawn so far, for display.
pub fn preview(points: &[Point]) -> Option<Shape> {
    smoothed_shape(points)
}

/// Shortest trail kept, mm: a click (or a twitch) makes no invisible line.
const MIN_TRAIL_MM: f64 = 0.5;

/// The smoothed shape for a trail, `None` for a mere click.
pub fn smoothed_shape(points: &[Point]) -> Option<Shape> {
    let extent = points
        .iter()
        .map(|p| (*p - points[0]).hypot())
        .fold(0.0, f64::max);
    if points.len() < 2 || extent < MIN_TRAIL_MM {
        return None;
    }
    let (first, last) = (points[0], points[points.len() - 1]);
    let closed = points.len() > 3 && (first - last).hypot() < CLOSE_MM;
    let mut pts: Vec<Point> = points.to_vec();
    if closed {
        pts.pop();
    }
    let n = pts.len();
    let at = |i: isize| -> Point {
        if closed {
            pts[i.rem_euclid(n as isize) as usize]
        } else {
            pts[i.clamp(0, n as isize - 1) as usize]
        }
    };
    let mut path = BezPath::new();
    path.move_to(pts[0]);
    let segments = if closed { n } else { n - 1 };
    for i in 0..segments as isize {
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        // Catmull-Rom to Bézier: tangents are a sixth of the neighbours' span.
        let c1 = p1 + (p2 - p0) / 6.0;
        let c2 = p2 - (p3 - p1) / 6.0;
        path.curve_to(c1, c2, p2);
    }
    let mut shape = Shape::new(ShapeKind::Path {
        path: BezPath::new(),
    });
    if closed {
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

    #[test]
    fn a_loop_is_closed_and_filled_and_a_stroke_is_a_line() {
        let circle: Vec<Point> = (0..=40)
            .map(|i| {
                let a = std::f64::consts::TAU * f64::from(i) / 40.0;
                Point::new(10.0 * a.cos(), 10.0 * a.sin())
            })
            .collect();
        let shape = smoothed_shape(&circle).unwrap();
        assert!(shape.is_filled());
        let area = geometry::outline::shape_region(&shape, 0.01).area();
        assert!((area - std::f64::consts::PI * 100.0).abs() < 3.0, "{area}");
        let line = smoothed_shape(&[Point::new(0.0, 0.0), Point::new(10.0, 0.0)]).unwrap();
        assert!(!line.is_filled());
    }

    #[test]
    fn a_lone_click_makes_nothing() {
        let here = Point::new(3.0, 4.0);
        assert!(smoothed_shape(&[here, here]).is_none());
        assert!(smoothed_shape(&[here, Point::new(3.1, 4.1), here]).is_none());
    }
}
