//! The canvas's window onto the document: which millimetre is at the middle
//! of the canvas and how many screen points one millimetre takes.
//!
//! Document space is Y up (mm); screen space is Y down (egui points). The two
//! conversions are named after the spaces, as everywhere in Fabrique.

use egui::{Pos2, Rect, Vec2};
use kurbo::Point;

/// Closest zoom: a millimetre over 200 points shows 0.05 mm details.
pub const MAX_POINTS_PER_MM: f64 = 200.0;
/// Farthest zoom: a 2 m drawing still fits a small canvas.
pub const MIN_POINTS_PER_MM: f64 = 0.1;

/// Pan and zoom of the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Document point shown at the centre of the canvas, mm.
    pub center_doc: Point,
    /// Screen points per millimetre.
    pub points_per_mm: f64,
    /// The canvas rectangle on screen, points (updated every frame).
    pub rect_screen: Rect,
}

impl Default for View {
    fn default() -> Self {
        Self {
            center_doc: Point::new(100.0, 75.0),
            points_per_mm: 3.0,
            rect_screen: Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0)),
        }
    }
}

impl View {
    /// Screen position of a document point.
    pub fn screen_from_doc(&self, pos_doc: Point) -> Pos2 {
        let c = self.rect_screen.center();
        Pos2::new(
            c.x + ((pos_doc.x - self.center_doc.x) * self.points_per_mm) as f32,
            c.y - ((pos_doc.y - self.center_doc.y) * self.points_per_mm) as f32,
        )
    }

    /// Document point under a screen position.
    pub fn doc_from_screen(&self, pos_screen: Pos2) -> Point {
        let c = self.rect_screen.center();
        Point::new(
            self.center_doc.x + f64::from(pos_screen.x - c.x) / self.points_per_mm,
            self.center_doc.y - f64::from(pos_screen.y - c.y) / self.points_per_mm,
        )
    }

    /// A length on screen (points) in mm.
    pub fn mm_from_points(&self, points: f32) -> f64 {
        f64::from(points) / self.points_per_mm
    }

    /// Moves the view by a screen drag of `delta_screen` points.
    pub fn pan(&mut self, delta_screen: Vec2) {
        self.center_doc.x -= f64::from(delta_screen.x) / self.points_per_mm;
        self.center_doc.y += f64::from(delta_screen.y) / self.points_per_mm;
    }

    /// Zooms by `factor`, keeping the document point under `anchor_screen` still.
    pub fn zoom_at(&mut self, anchor_screen: Pos2, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor_doc = self.doc_from_screen(anchor_screen);
        self.points_per_mm =
            (self.points_per_mm * factor).clamp(MIN_POINTS_PER_MM, MAX_POINTS_PER_MM);
        let moved = self.screen_from_doc(anchor_doc);
        self.pan(anchor_screen - moved);
    }

    /// Shows `bounds_doc` whole, with a margin.
    pub fn fit(&mut self, bounds_doc: kurbo::Rect) {
        let margin = 0.9;
        let w = bounds_doc.width().max(1.0);
        let h = bounds_doc.height().max(1.0);
        let sx = f64::from(self.rect_screen.width()) / w;
        let sy = f64::from(self.rect_screen.height()) / h;
        self.points_per_mm = (sx.min(sy) * margin).clamp(MIN_POINTS_PER_MM, MAX_POINTS_PER_MM);
        self.center_doc = bounds_doc.center();
    }

    /// Flattening tolerance that is invisible at this zoom: a quarter of a
    /// screen point, rounded down to a power of two so that the outline cache
    /// is rebuilt only when the zoom changes by a factor of two.
    pub fn tolerance_mm(&self) -> f64 {
        let exact = 0.25 / self.points_per_mm;
        2f64.powi(exact.log2().floor() as i32).clamp(0.0005, 5.0)
    }

    /// The document rectangle visible on the canvas.
    pub fn visible_doc(&self) -> kurbo::Rect {
        let a = self.doc_from_screen(self.rect_screen.left_top());
        let b = self.doc_from_screen(self.rect_screen.right_bottom());
        kurbo::Rect::from_points(a, b)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_doc_round_trip_and_y_points_up() {
        let view = View::default();
        let p = Point::new(12.5, -3.0);
        let back = view.doc_from_screen(view.screen_from_doc(p));
        assert!((back - p).hypot() < 1e-4);
        let up = view.screen_from_doc(Point::new(0.0, 10.0));
        let down = view.screen_from_doc(Point::new(0.0, 0.0));
        assert!(up.y < down.y);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let mut view = View::default();
        let anchor = Pos2::new(123.0, 456.0);
        let before = view.doc_from_screen(anchor);
        view.zoom_at(anchor, 1.7);
        let after = view.doc_from_screen(anchor);
        assert!((after - before).hypot() < 1e-3);
    }
}
