//! The small picture of the import's colour step: every path of the file,
//! drawn in the colour of the operation its colour will get (the canvas's
//! red cut, blue score, black engrave; grey for what is left out), so a
//! beginner sees at once what the laser will do before importing.
//!
//! The paths are flattened once, when the step opens, at a tolerance
//! fitted to the drawing's size; each frame only maps points to the screen.

use egui::{Color32, Pos2, Sense, Stroke, Vec2};
use geometry::LaserRole;
use geometry::import::{ColorUse, Operation};

use crate::ui::canvas::paint::role_color;

/// Flattening tolerance as a share of the drawing's larger side: far
/// finer than a pixel of a preview a few hundred points wide.
const TOLERANCE_SHARE: f64 = 1.0 / 4000.0;

/// Room kept around the drawing inside the preview, points.
const MARGIN: f32 = 8.0;

/// The colour ignored paths are drawn in: there, but faint.
const IGNORED: Color32 = Color32::from_gray(190);

/// The file's paths, flattened, each with the index of its colour.
#[derive(Debug)]
pub struct ImportPreview {
    lines: Vec<(usize, Vec<kurbo::Point>)>,
    bounds: kurbo::Rect,
}

impl ImportPreview {
    /// The preview of `uses` (the import's colours, with their paths).
    pub fn new(uses: &[ColorUse]) -> Self {
        let bounds = uses
            .iter()
            .flat_map(|u| u.outlines.iter())
            .map(kurbo::Shape::bounding_box)
            .reduce(|a, b| a.union(b))
            .unwrap_or_default();
        let tolerance = (bounds.width().max(bounds.height()) * TOLERANCE_SHARE).max(1e-3);
        let mut lines = Vec::new();
        for (index, color) in uses.iter().enumerate() {
            for path in &color.outlines {
                for line in polylines(path, tolerance) {
                    lines.push((index, line));
                }
            }
        }
        Self { lines, bounds }
    }

    /// Draws the preview in a `size` rectangle, each colour's paths in the
    /// colour of `operations[index]`; left-out paths first, under the rest.
    pub fn preview_ui(&self, ui: &mut egui::Ui, size: Vec2, operations: &[Operation]) {
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, Color32::WHITE);
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.0, Color32::from_gray(160)),
            egui::StrokeKind::Inside,
        );
        let inner = rect.shrink(MARGIN);
        let (w, h) = (self.bounds.width(), self.bounds.height());
        let scale = f64::min(
            f64::from(inner.width()) / w.max(1e-9),
            f64::from(inner.height()) / h.max(1e-9),
        );
        // Centred, Y up as on the canvas.
        let offset = Vec2::new(
            (inner.width() - (w * scale) as f32) / 2.0,
            (inner.height() - (h * scale) as f32) / 2.0,
        );
        let to_screen = |p: &kurbo::Point| {
            Pos2::new(
                inner.left() + ((p.x - self.bounds.x0) * scale) as f32,
                inner.bottom() - ((p.y - self.bounds.y0) * scale) as f32,
            ) + Vec2::new(offset.x, -offset.y)
        };
        for ignored_pass in [true, false] {
            for (index, line) in &self.lines {
                let operation = operations.get(*index).copied();
                let is_ignored = operation.is_none_or(|op| op == Operation::Ignore);
                if is_ignored != ignored_pass {
                    continue;
                }
                let (color, width) = match operation.and_then(role_of) {
                    Some(role) => (role_color(role), 1.5),
                    None => (IGNORED, 1.0),
                };
                let points: Vec<Pos2> = line.iter().map(to_screen).collect();
                painter.add(egui::Shape::line(points, Stroke::new(width, color)));
            }
        }
    }
}

/// The laser role drawn for an operation, `None` for "ignore".
pub fn role_of(operation: Operation) -> Option<LaserRole> {
    match operation {
        Operation::Cut => Some(LaserRole::Cut),
        Operation::Score => Some(LaserRole::Score),
        Operation::Engrave => Some(LaserRole::Engrave),
        Operation::Ignore => None,
    }
}

/// `path` as polylines, one per subpath (closed ones end where they began).
fn polylines(path: &kurbo::BezPath, tolerance: f64) -> Vec<Vec<kurbo::Point>> {
    let mut lines: Vec<Vec<kurbo::Point>> = Vec::new();
    kurbo::flatten(path, tolerance, |el| match el {
        kurbo::PathEl::MoveTo(p) => lines.push(vec![p]),
        kurbo::PathEl::LineTo(p) => {
            if let Some(line) = lines.last_mut() {
                line.push(p);
            }
        }
        kurbo::PathEl::ClosePath => {
            if let Some(line) = lines.last_mut()
                && let Some(&first) = line.first()
            {
                line.push(first);
            }
        }
        // `flatten` gives only moves, lines and closes.
        _ => {}
    });
    lines.retain(|l| l.len() >= 2);
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn closed_subpaths_come_back_to_their_start() {
        let mut path = kurbo::BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((10.0, 0.0));
        path.line_to((10.0, 10.0));
        path.close_path();
        path.move_to((20.0, 0.0));
        path.line_to((30.0, 0.0));
        let lines = polylines(&path, 0.01);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].first(), lines[0].last());
        assert_eq!(lines[1].len(), 2);
    }
}
