//! Snapping: to the grid, and to other shapes' edges and centres, which win
//! when they are within reach (lining things up matters more than round numbers).

use geometry::{Document, ShapeId};
use kurbo::{Point, Rect, Vec2};

/// Where points and moved boxes snap to.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapper {
    /// Grid step, mm.
    pub grid_mm: f64,
    /// How close a shape's edge or centre must be to win over the grid, mm.
    pub reach_mm: f64,
    /// Vertical lines to snap to: other shapes' left edges, centres, right edges.
    pub xs: Vec<f64>,
    /// Horizontal lines to snap to.
    pub ys: Vec<f64>,
}

impl Snapper {
    /// Targets from every shape not in `moving`.
    pub fn new(document: &Document, moving: &[ShapeId], grid_mm: f64, reach_mm: f64) -> Self {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for shape in document.shapes.iter().filter(|s| !moving.contains(&s.id)) {
            if let Some(b) = geometry::outline::shape_bounds(shape) {
                xs.extend([b.x0, b.center().x, b.x1]);
                ys.extend([b.y0, b.center().y, b.y1]);
            }
        }
        Self {
            grid_mm,
            reach_mm,
            xs,
            ys,
        }
    }

    fn nearest(targets: &[f64], candidates: &[f64], reach: f64) -> Option<f64> {
        let mut best: Option<f64> = None;
        for &t in targets {
            for &c in candidates {
                let d = t - c;
                if d.abs() <= reach && best.is_none_or(|b| d.abs() < b.abs()) {
                    best = Some(d);
                }
            }
        }
        best
    }

    fn grid(&self, value: f64) -> f64 {
        if self.grid_mm > 0.0 {
            (value / self.grid_mm).round() * self.grid_mm
        } else {
            value
        }
    }

    /// A drawing point snapped to a shape line or else to the grid.
    pub fn point(&self, p: Point) -> Point {
        let x = Self::nearest(&self.xs, &[p.x], self.reach_mm)
            .map_or_else(|| self.grid(p.x), |d| p.x + d);
        let y = Self::nearest(&self.ys, &[p.y], self.reach_mm)
            .map_or_else(|| self.grid(p.y), |d| p.y + d);
        Point::new(x, y)
    }

    /// The move `delta` adjusted so the moved `bounds` line up with another
    /// shape's edge or centre, or else its corner lands on the grid.
    pub fn delta(&self, bounds: Rect, delta: Vec2) -> Vec2 {
        let moved = bounds + delta;
        let dx = Self::nearest(
            &self.xs,
            &[moved.x0, moved.center().x, moved.x1],
            self.reach_mm,
        )
        .unwrap_or_else(|| self.grid(moved.x0) - moved.x0);
        let dy = Self::nearest(
            &self.ys,
            &[moved.y0, moved.center().y, moved.y1],
            self.reach_mm,
        )
        .unwrap_or_else(|| self.grid(moved.y0) - moved.y0);
        delta + Vec2::new(dx, dy)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Shape, ShapeKind};

    #[test]
    fn edges_win_over_the_grid_within_reach() {
        let mut doc = Document::new();
        doc.add(
            Shape::new(ShapeKind::Rectangle {
                width: 10.0,
                height: 10.0,
            })
            .translated(20.3, 0.0),
        );
        let snapper = Snapper::new(&doc, &[], 1.0, 0.5);
        // Left edge of the square is at x = 15.3.
        assert_eq!(snapper.point(Point::new(15.1, 7.2)).x, 15.3);
        assert_eq!(snapper.point(Point::new(40.4, 7.2)), Point::new(40.0, 7.0));
    }
}
