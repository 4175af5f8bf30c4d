//! Pictures of each tutorial's result for the start screen: small SVG
//! files of `assets/tutorials/pictures/`, read with our own SVG import and
//! drawn with the canvas's own fills and outlines, so no image library or
//! renderer is needed and a picture looks like the canvas will.

use std::sync::OnceLock;

use egui::{Rect, Stroke};
use geometry::Shape;
use geometry::outline::{Polyline, shape_polylines};

use crate::model::session::Mode;
use crate::ui::canvas::fill::{self, FillMesh};
use crate::ui::canvas::paint;
use crate::ui::canvas::view::View;

/// Flattening tolerance of the pictures, mm (they are a few cm wide).
const TOLERANCE_MM: f64 = 0.1;

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

/// One shape of a picture, flattened and triangulated once.
struct Part {
    shape: Shape,
    lines: Vec<Polyline>,
    fill: Option<FillMesh>,
}

/// A picture ready to draw: its shapes (mm, Y up) and their box.
pub struct Picture {
    parts: Vec<Part>,
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
    let bounds = geometry::transform::shapes_bounds(&import.shapes)?;
    let parts = import
        .shapes
        .into_iter()
        .map(|shape| {
            let lines = shape_polylines(&shape, TOLERANCE_MM);
            let fill = fill::tessellate(&shape, &lines, TOLERANCE_MM);
            Part { shape, lines, fill }
        })
        .collect();
    Some(Picture { parts, bounds })
}

impl Picture {
    /// Draws the picture fitted into `rect`, coloured as the canvas
    /// colours shapes in `mode`.
    pub fn paint(&self, painter: &egui::Painter, rect: Rect, mode: Mode) {
        let b = self.bounds;
        let view = View {
            center_doc: b.center(),
            points_per_mm: (f64::from(rect.width()) / b.width())
                .min(f64::from(rect.height()) / b.height()),
            rect_screen: rect,
        };
        let mut fills = egui::Mesh::default();
        for part in &self.parts {
            if let Some(mesh) = &part.fill {
                fill::append(&mut fills, &view, mesh, fill::fill_color(&part.shape, mode));
            }
        }
        painter.add(egui::Shape::mesh(fills));
        for part in &self.parts {
            let colour = paint::shape_color(&part.shape, mode);
            paint::polylines(painter, &view, &part.lines, Stroke::new(1.5, colour));
        }
    }
}
