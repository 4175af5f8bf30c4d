//! Pictures of each tutorial's result for the start screen: small SVG
//! files of `assets/tutorials/pictures/`, read with our own SVG import and
//! drawn as outlines, so no image library or renderer is needed.

use std::sync::OnceLock;

use egui::{Color32, Pos2, Rect, Stroke};
use geometry::LaserRole;
use geometry::outline::shape_polylines;

/// Every picture: file name and SVG text.
const PICTURES: [(&str, &str); 6] = [
    (
        "premiers-pas.svg",
        include_str!("../../../../assets/tutorials/pictures/premiers-pas.svg"),
    ),
    (
        "porte-cles.svg",
        include_str!("../../../../assets/tutorials/pictures/porte-cles.svg"),
    ),
    (
        "dessous-de-verre.svg",
        include_str!("../../../../assets/tutorials/pictures/dessous-de-verre.svg"),
    ),
    (
        "pochoir.svg",
        include_str!("../../../../assets/tutorials/pictures/pochoir.svg"),
    ),
    (
        "piece-de-rechange.svg",
        include_str!("../../../../assets/tutorials/pictures/piece-de-rechange.svg"),
    ),
    (
        "boite.svg",
        include_str!("../../../../assets/tutorials/pictures/boite.svg"),
    ),
];

/// A picture ready to draw: outlines in mm (Y up) and their box.
pub struct Picture {
    lines: Vec<(Vec<[f64; 2]>, bool, LaserRole)>,
    bounds: kurbo::Rect,
}

/// The picture called `name`, read once.
pub fn picture(name: &str) -> Option<&'static Picture> {
    static LOADED: OnceLock<Vec<(&'static str, Option<Picture>)>> = OnceLock::new();
    LOADED
        .get_or_init(|| PICTURES.iter().map(|(n, svg)| (*n, load(svg))).collect())
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, p)| p.as_ref())
}

fn load(svg: &str) -> Option<Picture> {
    let import = geometry::import::import_svg(svg.as_bytes()).ok()?;
    let bounds = crate::ui::transform::shapes_bounds(&import.shapes)?;
    let lines = import
        .shapes
        .iter()
        .flat_map(|shape| {
            shape_polylines(shape, 0.2)
                .into_iter()
                .map(move |p| (p.points, p.closed, shape.role))
        })
        .collect();
    Some(Picture { lines, bounds })
}

impl Picture {
    /// Draws the picture fitted into `rect`.
    pub fn paint(&self, painter: &egui::Painter, rect: Rect) {
        let b = self.bounds;
        let scale = (rect.width() as f64 / b.width()).min(rect.height() as f64 / b.height());
        let offset = rect.center()
            - egui::vec2((b.width() * scale) as f32, -(b.height() * scale) as f32) / 2.0;
        let to_screen = |p: &[f64; 2]| {
            Pos2::new(
                offset.x + ((p[0] - b.x0) * scale) as f32,
                offset.y - ((p[1] - b.y0) * scale) as f32,
            )
        };
        for (points, closed, role) in &self.lines {
            let colour = match role {
                LaserRole::Cut => Color32::from_rgb(200, 30, 30),
                LaserRole::Score => Color32::from_rgb(30, 60, 200),
                LaserRole::Engrave => Color32::from_gray(30),
            };
            let points: Vec<Pos2> = points.iter().map(to_screen).collect();
            let stroke = Stroke::new(1.5, colour);
            painter.add(if *closed {
                egui::Shape::closed_line(points, stroke)
            } else {
                egui::Shape::line(points, stroke)
            });
        }
    }
}
