//! The select tool: click to pick, Shift-click to add or remove, drag on
//! empty space for a rubber band; drag a selected shape to move it, a handle
//! to resize it (Shift keeps proportions), the round handle to rotate it.
//! Every drag is one undo step and Esc puts everything back. A grouped
//! shape is picked, added and removed together with its whole group.

use geometry::outline::{shape_bounds, shape_polylines};
use geometry::{Document, Shape, ShapeId};
use kurbo::{Affine, Point, Rect};

use super::{PointerEvent, ToolContext};
use crate::model::command::Command;
use geometry::ops::with_groups;
use geometry::transform::{mapped, shapes_bounds, translated};

/// A handle on the selection's box: (0, 0) is the bottom-left corner, (1, 1)
/// the top-right, 0.5 a middle; `Rotate` is the round handle above the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Handle {
    /// A resize handle at a fraction of the box.
    Resize { fx: f64, fy: f64 },
    /// The rotation handle.
    Rotate,
}

/// State of the select tool.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectState {
    /// Nothing going on.
    Idle,
    /// Dragging the selection.
    Moving {
        start: Point,
        bounds: Rect,
        originals: Vec<Shape>,
    },
    /// Dragging a resize handle.
    Resizing {
        fx: f64,
        fy: f64,
        bounds: Rect,
        originals: Vec<Shape>,
    },
    /// Dragging the rotation handle.
    Rotating {
        centre: Point,
        start_angle: f64,
        originals: Vec<Shape>,
    },
    /// Dragging a selection rectangle.
    RubberBand {
        start: Point,
        current: Point,
        extend: bool,
    },
}

/// The handles of a selection box, with where they sit (mm).
pub fn handles(bounds: Rect, rotate_offset_mm: f64) -> Vec<(Handle, Point)> {
    let mut out = Vec::with_capacity(9);
    for (fx, fy) in [
        (0.0, 0.0),
        (0.5, 0.0),
        (1.0, 0.0),
        (0.0, 0.5),
        (1.0, 0.5),
        (0.0, 1.0),
        (0.5, 1.0),
        (1.0, 1.0),
    ] {
        let p = Point::new(
            bounds.x0 + fx * bounds.width(),
            bounds.y0 + fy * bounds.height(),
        );
        out.push((Handle::Resize { fx, fy }, p));
    }
    out.push((
        Handle::Rotate,
        Point::new(bounds.center().x, bounds.y1 + rotate_offset_mm),
    ));
    out
}

/// The front-most shape under `pos`: inside a filled shape, or near an outline.
pub fn shape_at(document: &Document, pos: Point, radius_mm: f64) -> Option<ShapeId> {
    document
        .shapes
        .iter()
        .rev()
        .find(|shape| hits(shape, pos, radius_mm))
        .map(|s| s.id)
}

fn hits(shape: &Shape, pos: Point, radius_mm: f64) -> bool {
    let Some(bounds) = shape_bounds(shape) else {
        return false;
    };
    if !bounds.inflate(radius_mm, radius_mm).contains(pos) {
        return false;
    }
    let tolerance = (radius_mm / 4.0).max(0.01);
    let lines = shape_polylines(shape, tolerance);
    let mut inside = false;
    for line in &lines {
        let n = line.points.len();
        let segments = if line.closed { n } else { n.saturating_sub(1) };
        for i in 0..segments {
            let a = line.points[i];
            let b = line.points[(i + 1) % n];
            if segment_distance(pos, a, b) <= radius_mm {
                return true;
            }
            // Even-odd ray test: enough to pick, whatever the fill rule.
            if line.closed && ((a[1] > pos.y) != (b[1] > pos.y)) {
                let x = a[0] + (pos.y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                if x > pos.x {
                    inside = !inside;
                }
            }
        }
    }
    inside && shape.is_filled()
}

fn segment_distance(p: Point, a: [f64; 2], b: [f64; 2]) -> f64 {
    let a = Point::new(a[0], a[1]);
    let b = Point::new(b[0], b[1]);
    let ab = b - a;
    let len2 = ab.hypot2();
    let t = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p - (a + ab * t)).hypot()
}

fn selected_shapes(ctx: &ToolContext) -> Vec<Shape> {
    ctx.document
        .shapes
        .iter()
        .filter(|s| ctx.selection.contains(&s.id))
        .cloned()
        .collect()
}

fn press(pos: Point, shift: bool, ctx: &ToolContext) -> (SelectState, Vec<Command>) {
    let originals = selected_shapes(ctx);
    if let Some(bounds) = shapes_bounds(&originals) {
        for (handle, at) in handles(bounds, ctx.rotate_handle_mm) {
            if (at - pos).hypot() <= ctx.pick_radius_mm {
                let state = match handle {
                    Handle::Resize { fx, fy } => SelectState::Resizing {
                        fx,
                        fy,
                        bounds,
                        originals,
                    },
                    Handle::Rotate => SelectState::Rotating {
                        centre: bounds.center(),
                        start_angle: angle(bounds.center(), pos),
                        originals,
                    },
                };
                return (state, vec![Command::BeginGesture]);
            }
        }
    }
    let Some(hit) = shape_at(ctx.document, pos, ctx.pick_radius_mm) else {
        return (
            SelectState::RubberBand {
                start: pos,
                current: pos,
                extend: shift,
            },
            Vec::new(),
        );
    };
    let members = with_groups(ctx.document, &[hit]);
    let mut selection: Vec<ShapeId> = ctx.selection.to_vec();
    if shift {
        if selection.contains(&hit) {
            selection.retain(|id| !members.contains(id));
            return (SelectState::Idle, vec![Command::Select(selection)]);
        }
        for id in members {
            if !selection.contains(&id) {
                selection.push(id);
            }
        }
    } else if !selection.contains(&hit) {
        selection = members;
    }
    let originals: Vec<Shape> = ctx
        .document
        .shapes
        .iter()
        .filter(|s| selection.contains(&s.id))
        .cloned()
        .collect();
    let bounds = shapes_bounds(&originals).unwrap_or_default();
    (
        SelectState::Moving {
            start: pos,
            bounds,
            originals,
        },
        vec![Command::Select(selection), Command::BeginGesture],
    )
}

fn angle(centre: Point, p: Point) -> f64 {
    (p.y - centre.y).atan2(p.x - centre.x)
}

fn resized_bounds(bounds: Rect, fx: f64, fy: f64, pos: Point, keep_ratio: bool) -> Rect {
    // The opposite side stays put; a middle handle changes one axis only.
    let anchor = Point::new(
        bounds.x0 + (1.0 - fx) * bounds.width(),
        bounds.y0 + (1.0 - fy) * bounds.height(),
    );
    let mut x0 = bounds.x0;
    let mut x1 = bounds.x1;
    let mut y0 = bounds.y0;
    let mut y1 = bounds.y1;
    if fx != 0.5 {
        (x0, x1) = (anchor.x.min(pos.x), anchor.x.max(pos.x));
    }
    if fy != 0.5 {
        (y0, y1) = (anchor.y.min(pos.y), anchor.y.max(pos.y));
    }
    let mut out = Rect::new(x0, y0, x1.max(x0 + 0.01), y1.max(y0 + 0.01));
    if keep_ratio && bounds.width() > 0.0 && bounds.height() > 0.0 {
        let scale = if fx == 0.5 {
            out.height() / bounds.height()
        } else if fy == 0.5 {
            out.width() / bounds.width()
        } else {
            (out.width() / bounds.width()).max(out.height() / bounds.height())
        };
        let w = bounds.width() * scale;
        let h = bounds.height() * scale;
        let x0 = if fx == 0.5 {
            bounds.center().x - w / 2.0
        } else if pos.x < anchor.x {
            anchor.x - w
        } else {
            anchor.x
        };
        let y0 = if fy == 0.5 {
            bounds.center().y - h / 2.0
        } else if pos.y < anchor.y {
            anchor.y - h
        } else {
            anchor.y
        };
        out = Rect::new(x0, y0, x0 + w, y0 + h);
    }
    out
}

/// Transition of the select tool.
pub fn transition(
    state: SelectState,
    event: PointerEvent,
    ctx: &ToolContext,
) -> (SelectState, Vec<Command>) {
    match (state, event) {
        (SelectState::Idle, PointerEvent::Press { pos, shift, .. }) => press(pos, shift, ctx),
        (
            SelectState::Moving {
                start,
                bounds,
                originals,
            },
            PointerEvent::Drag { pos, .. },
        ) => {
            let raw = pos - start;
            let delta = ctx.snapper.as_ref().map_or(raw, |s| s.delta(bounds, raw));
            let moved = originals.iter().map(|s| translated(s, delta)).collect();
            (
                SelectState::Moving {
                    start,
                    bounds,
                    originals,
                },
                vec![Command::UpdateShapes(moved)],
            )
        }
        (
            SelectState::Resizing {
                fx,
                fy,
                bounds,
                originals,
            },
            PointerEvent::Drag { pos, shift, .. },
        ) => {
            let pos = ctx.snapper.as_ref().map_or(pos, |s| s.point(pos));
            let to = resized_bounds(bounds, fx, fy, pos, shift);
            let resized = originals.iter().map(|s| mapped(s, bounds, to)).collect();
            (
                SelectState::Resizing {
                    fx,
                    fy,
                    bounds,
                    originals,
                },
                vec![Command::UpdateShapes(resized)],
            )
        }
        (
            SelectState::Rotating {
                centre,
                start_angle,
                originals,
            },
            PointerEvent::Drag { pos, shift, .. },
        ) => {
            let mut turn = angle(centre, pos) - start_angle;
            if shift {
                // Shift: steps of 15°, as in Inkscape.
                let step = 15f64.to_radians();
                turn = (turn / step).round() * step;
            }
            let rotation = Affine::rotate_about(turn, centre);
            let rotated = originals
                .iter()
                .map(|s| {
                    let mut r = s.clone();
                    r.transform = rotation * s.transform;
                    r
                })
                .collect();
            (
                SelectState::Rotating {
                    centre,
                    start_angle,
                    originals,
                },
                vec![Command::UpdateShapes(rotated)],
            )
        }
        (SelectState::RubberBand { start, extend, .. }, PointerEvent::Drag { pos, .. }) => (
            SelectState::RubberBand {
                start,
                current: pos,
                extend,
            },
            Vec::new(),
        ),
        (SelectState::RubberBand { start, extend, .. }, PointerEvent::Release { pos, .. }) => {
            let band = Rect::from_points(start, pos);
            let mut selection: Vec<ShapeId> = if extend {
                ctx.selection.to_vec()
            } else {
                Vec::new()
            };
            for shape in &ctx.document.shapes {
                let inside = shape_bounds(shape).is_some_and(|b| {
                    band.contains(Point::new(b.x0, b.y0)) && band.contains(Point::new(b.x1, b.y1))
                });
                if inside && !selection.contains(&shape.id) {
                    selection.push(shape.id);
                }
            }
            let selection = with_groups(ctx.document, &selection);
            (SelectState::Idle, vec![Command::Select(selection)])
        }
        (
            SelectState::Moving { .. }
            | SelectState::Resizing { .. }
            | SelectState::Rotating { .. },
            PointerEvent::Release { .. },
        ) => (SelectState::Idle, vec![Command::CommitGesture]),
        (
            SelectState::Moving { .. }
            | SelectState::Resizing { .. }
            | SelectState::Rotating { .. },
            PointerEvent::Cancel,
        ) => (SelectState::Idle, vec![Command::AbortGesture]),
        (_, PointerEvent::Cancel) => (SelectState::Idle, Vec::new()),
        (state, _) => (state, Vec::new()),
    }
}
