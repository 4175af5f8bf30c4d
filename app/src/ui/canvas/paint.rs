//! Drawing the canvas: grid, rulers, the machine's bed, the shapes in their
//! laser or 3D colours, the selection with its handles, the shape being drawn.

use crate::model::machines::MachineView;
use egui::{Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};
use geometry::outline::{Polyline, shape_polylines};
use geometry::{LaserRole, Shape};
use kurbo::Point;

use super::view::View;
use crate::model::machines::Machine;
use crate::model::session::Mode;
use crate::ui::tools::handles;

/// Width of the rulers, points.
pub const RULER_POINTS: f32 = 20.0;

/// Grid steps (minor, major) in mm for this zoom: the minor lines at least
/// 8 points apart so the grid never turns into a grey blur.
pub fn grid_steps(view: &View) -> (f64, f64) {
    const STEPS: [f64; 10] = [0.1, 0.5, 1.0, 5.0, 10.0, 50.0, 100.0, 500.0, 1000.0, 5000.0];
    let minor = STEPS
        .iter()
        .copied()
        .find(|s| s * view.points_per_mm >= 8.0)
        .unwrap_or(5000.0);
    let major = STEPS
        .iter()
        .copied()
        .find(|s| *s >= minor * 9.9 && (s / minor).fract() == 0.0)
        .unwrap_or(minor * 10.0);
    (minor, major)
}

/// Paper, grid lines and the bed outline with the machine's name.
pub fn background(painter: &Painter, view: &View, machine: &Machine, dark: bool) {
    let rect = view.rect_screen;
    painter.rect_filled(
        rect,
        0.0,
        if dark {
            Color32::from_gray(30)
        } else {
            Color32::from_gray(250)
        },
    );
    let (minor, major) = grid_steps(view);
    let visible = view.visible_doc();
    let minor_color = if dark {
        Color32::from_gray(45)
    } else {
        Color32::from_gray(232)
    };
    let major_color = if dark {
        Color32::from_gray(65)
    } else {
        Color32::from_gray(205)
    };
    let mut x = (visible.x0 / minor).floor() * minor;
    while x <= visible.x1 {
        let color = if (x / major).round() * major == x {
            major_color
        } else {
            minor_color
        };
        let sx = view.screen_from_doc(Point::new(x, 0.0)).x;
        painter.vline(sx, rect.y_range(), Stroke::new(1.0, color));
        x += minor;
    }
    let mut y = (visible.y0 / minor).floor() * minor;
    while y <= visible.y1 {
        let color = if (y / major).round() * major == y {
            major_color
        } else {
            minor_color
        };
        let sy = view.screen_from_doc(Point::new(0.0, y)).y;
        painter.hline(rect.x_range(), sy, Stroke::new(1.0, color));
        y += minor;
    }
    let a = view.screen_from_doc(Point::new(0.0, 0.0));
    let b = view.screen_from_doc(Point::new(machine.width(), machine.depth()));
    let bed = Rect::from_two_pos(a, b);
    let bed_color = Color32::from_rgb(60, 120, 200);
    painter.rect_stroke(bed, 0.0, Stroke::new(2.0, bed_color), StrokeKind::Middle);
    painter.text(
        bed.left_top() + Vec2::new(4.0, -4.0),
        egui::Align2::LEFT_BOTTOM,
        format!(
            "{} — {:.0} × {:.0} mm",
            machine.name(),
            machine.width(),
            machine.depth()
        ),
        FontId::proportional(13.0),
        bed_color,
    );
}

/// Rulers along the top and left edges, labelled in mm.
pub fn rulers(painter: &Painter, view: &View, dark: bool) {
    let rect = view.rect_screen;
    let fill = if dark {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(238)
    };
    let ink = if dark {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(70)
    };
    let top = Rect::from_min_size(rect.min, Vec2::new(rect.width(), RULER_POINTS));
    let left = Rect::from_min_size(rect.min, Vec2::new(RULER_POINTS, rect.height()));
    painter.rect_filled(top, 0.0, fill);
    painter.rect_filled(left, 0.0, fill);
    let (minor, major) = grid_steps(view);
    let visible = view.visible_doc();
    let font = FontId::proportional(10.0);
    let mut x = (visible.x0 / minor).floor() * minor;
    while x <= visible.x1 {
        let sx = view.screen_from_doc(Point::new(x, 0.0)).x;
        let is_major = (x / major).round() * major == x;
        let len = if is_major {
            RULER_POINTS
        } else {
            RULER_POINTS * 0.3
        };
        painter.vline(
            sx,
            (top.bottom() - len)..=top.bottom(),
            Stroke::new(1.0, ink),
        );
        if is_major {
            painter.text(
                Pos2::new(sx + 2.0, top.top()),
                egui::Align2::LEFT_TOP,
                format!("{x:.0}"),
                font.clone(),
                ink,
            );
        }
        x += minor;
    }
    let mut y = (visible.y0 / minor).floor() * minor;
    while y <= visible.y1 {
        let sy = view.screen_from_doc(Point::new(0.0, y)).y;
        let is_major = (y / major).round() * major == y;
        let len = if is_major {
            RULER_POINTS
        } else {
            RULER_POINTS * 0.3
        };
        painter.hline(
            (left.right() - len)..=left.right(),
            sy,
            Stroke::new(1.0, ink),
        );
        if is_major {
            painter.text(
                Pos2::new(left.left() + 1.0, sy + 1.0),
                egui::Align2::LEFT_TOP,
                format!("{y:.0}"),
                font.clone(),
                ink,
            );
        }
        y += minor;
    }
    painter.text(rect.min, egui::Align2::LEFT_TOP, "mm", font, ink);
}

/// The colour of a shape's outline in `mode` (the lab's usual code in laser mode).
pub fn shape_color(shape: &Shape, mode: Mode) -> Color32 {
    match mode {
        Mode::Laser => role_color(shape.role),
        Mode::Print3d if shape.extrusion.hole => Color32::from_gray(140),
        Mode::Print3d => Color32::from_rgb(0, 130, 120),
    }
}

/// The colour the canvas draws a laser role in (the lab's usual code):
/// red cut, blue score, black engrave.
pub fn role_color(role: LaserRole) -> Color32 {
    match role {
        LaserRole::Cut => Color32::from_rgb(220, 30, 30),
        LaserRole::Score => Color32::from_rgb(30, 60, 230),
        LaserRole::Engrave => Color32::from_gray(20),
    }
}

/// Points closer than this to the last one drawn are skipped, points,
/// unless the line turns there: a zoomed-out drawing has several segments
/// per pixel or two, and every one costs tessellation and rasterising on a
/// laptop without a GPU (llvmpipe spends most of a frame on triangles), for
/// nothing anyone can see. On a curve of radius 4 points or more, a 2-point
/// chord strays less than 0.13 point from it.
const MIN_SCREEN_STEP: f32 = 2.0;

/// A turn sharper than this (cosine of the angle between the segments
/// before and after a point) keeps the point, so corners stay sharp.
const CORNER_COS: f32 = 0.94;

/// Draws flattened polylines mapped to the screen.
pub fn polylines(painter: &Painter, view: &View, lines: &[Polyline], stroke: Stroke) {
    for line in lines {
        let points = screen_points(view, &line.points);
        if line.closed {
            painter.add(egui::Shape::closed_line(points, stroke));
        } else {
            painter.add(egui::Shape::line(points, stroke));
        }
    }
}

/// `points` (mm) on the screen, without the steps shorter than
/// [`MIN_SCREEN_STEP`] where the line goes straight on (corners and the
/// last point are always kept, so a line ends and turns where it should).
fn screen_points(view: &View, points: &[[f64; 2]]) -> Vec<Pos2> {
    let screen: Vec<Pos2> = points
        .iter()
        .map(|p| view.screen_from_doc(Point::new(p[0], p[1])))
        .collect();
    let mut out: Vec<Pos2> = Vec::with_capacity(screen.len());
    for (i, &q) in screen.iter().enumerate() {
        let keep = match (out.last(), screen.get(i + 1)) {
            (None, _) | (_, None) => true,
            (Some(&prev), Some(&next)) => {
                prev.distance(q) >= MIN_SCREEN_STEP || is_corner(prev, q, next)
            }
        };
        if keep {
            out.push(q);
        }
    }
    out
}

/// `true` when the line turns sharply at `at`.
fn is_corner(before: Pos2, at: Pos2, after: Pos2) -> bool {
    let (a, b) = (at - before, after - at);
    let lengths = a.length() * b.length();
    lengths > 0.0 && a.dot(b) / lengths < CORNER_COS
}

/// A shape not in the cache (the one being drawn), flattened now.
pub fn preview_shape(painter: &Painter, view: &View, shape: &Shape) {
    let lines = shape_polylines(shape, view.tolerance_mm());
    polylines(
        painter,
        view,
        &lines,
        Stroke::new(1.5, Color32::from_rgb(0, 120, 255)),
    );
}

/// The selection box with its resize handles and the round rotation handle.
pub fn selection(painter: &Painter, view: &View, bounds: kurbo::Rect, rotate_offset_mm: f64) {
    let accent = Color32::from_rgb(0, 120, 255);
    let a = view.screen_from_doc(Point::new(bounds.x0, bounds.y0));
    let b = view.screen_from_doc(Point::new(bounds.x1, bounds.y1));
    painter.rect_stroke(
        Rect::from_two_pos(a, b),
        0.0,
        Stroke::new(1.0, accent),
        StrokeKind::Middle,
    );
    for (handle, at) in handles(bounds, rotate_offset_mm) {
        let p = view.screen_from_doc(at);
        match handle {
            crate::ui::tools::Handle::Resize { .. } => {
                let r = Rect::from_center_size(p, Vec2::splat(10.0));
                painter.rect_filled(r, 1.0, Color32::WHITE);
                painter.rect_stroke(r, 1.0, Stroke::new(1.5, accent), StrokeKind::Middle);
            }
            crate::ui::tools::Handle::Rotate => {
                let top = view.screen_from_doc(Point::new(bounds.center().x, bounds.y1));
                painter.line_segment([top, p], Stroke::new(1.0, accent));
                painter.circle(p, 6.0, Color32::WHITE, Stroke::new(1.5, accent));
            }
        }
    }
}

/// The dashed rubber band.
pub fn rubber_band(painter: &Painter, view: &View, band: kurbo::Rect) {
    let a = view.screen_from_doc(Point::new(band.x0, band.y0));
    let b = view.screen_from_doc(Point::new(band.x1, band.y1));
    let r = Rect::from_two_pos(a, b);
    painter.rect_filled(r, 0.0, Color32::from_rgba_unmultiplied(0, 120, 255, 25));
    painter.rect_stroke(
        r,
        0.0,
        Stroke::new(1.0, Color32::from_rgb(0, 120, 255)),
        StrokeKind::Middle,
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// A circle of `n` points, radius `r` mm, around (100, 75).
    fn circle(n: usize, r: f64) -> Vec<[f64; 2]> {
        (0..n)
            .map(|i| {
                let a = std::f64::consts::TAU * i as f64 / n as f64;
                [100.0 + r * a.cos(), 75.0 + r * a.sin()]
            })
            .collect()
    }

    #[test]
    fn sub_pixel_steps_are_skipped_and_the_ends_kept() {
        let view = View {
            points_per_mm: 1.0,
            ..View::default()
        };
        // 1,000 points on a 10 mm circle: 0.06 px apart at 1 point per mm.
        let points = circle(1000, 10.0);
        let drawn = screen_points(&view, &points);
        assert!(drawn.len() < 100, "{} points drawn", drawn.len());
        let end = |p: &[f64; 2]| view.screen_from_doc(Point::new(p[0], p[1]));
        assert_eq!(drawn[0], end(&points[0]));
        assert_eq!(*drawn.last().unwrap(), end(points.last().unwrap()));
        for pair in drawn.windows(2).take(drawn.len() - 2) {
            assert!(pair[0].distance(pair[1]) >= MIN_SCREEN_STEP);
        }
    }

    #[test]
    fn corners_are_kept_however_close() {
        let view = View {
            points_per_mm: 1.0,
            ..View::default()
        };
        // A 1 mm zigzag: every point is a corner, 1 point apart on screen.
        let zigzag: Vec<[f64; 2]> = (0..20)
            .map(|i| [100.0 + f64::from(i), 75.0 + f64::from(i % 2)])
            .collect();
        assert_eq!(screen_points(&view, &zigzag).len(), 20);
    }

    #[test]
    fn zoomed_in_every_point_is_drawn() {
        let view = View {
            points_per_mm: 20.0,
            ..View::default()
        };
        let points = circle(100, 10.0);
        assert_eq!(screen_points(&view, &points).len(), 100);
    }
}
