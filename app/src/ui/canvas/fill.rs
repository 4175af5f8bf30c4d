//! Filled shapes on the canvas: a shape's flattened outline triangulated
//! with lyon under the shape's own fill rule (so the holes of an O or a
//! keychain's ring stay open), kept in document space and mapped to the
//! screen at draw time. Panning or zooming only moves vertices; lyon runs
//! again only when the outline cache rebuilds a shape.
//!
//! Colours follow what the machine will do: a light tint of the laser
//! role's colour (red cut, blue score), a darker but still see-through
//! black for engraving, a neutral tint in 3D mode. Tints keep overlapping
//! shapes and the outlines drawn on top readable.
//!
//! Current limitations: vertices are `f32` (lyon's type), about 0.1 µm at
//! a metre from the origin — far below a screen point at the closest zoom.

use egui::{Color32, Mesh, Pos2};
use geometry::outline::Polyline;
use geometry::{Fill, FillRule, LaserRole, Shape};
use lyon::math::point;
use lyon::path::Path;
use lyon::tessellation::{
    BuffersBuilder, FillOptions, FillRule as LyonFillRule, FillTessellator, FillVertex,
    VertexBuffers,
};

use super::view::View;
use crate::model::session::Mode;

/// Triangles of one shape's filled area, document space (mm, Y up).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FillMesh {
    /// Vertex positions, mm.
    pub vertices: Vec<[f32; 2]>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

/// The filled area of `shape` from its flattened outline (`None` for
/// outline-only shapes, or when lyon refuses the outline: the outline is
/// still drawn, only the tint is missing).
pub fn tessellate(shape: &Shape, lines: &[Polyline], tolerance_mm: f64) -> Option<FillMesh> {
    let rule = match shape.fill {
        Fill::Filled(FillRule::NonZero) => LyonFillRule::NonZero,
        Fill::Filled(FillRule::EvenOdd) => LyonFillRule::EvenOdd,
        Fill::Outline => return None,
    };
    let mut builder = Path::builder();
    let mut any = false;
    for line in lines {
        let mut points = line
            .points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite());
        let Some(first) = points.next() else {
            continue;
        };
        builder.begin(point(first[0] as f32, first[1] as f32));
        for p in points {
            builder.line_to(point(p[0] as f32, p[1] as f32));
        }
        // Open subpaths of a filled shape are closed, as SVG fills them.
        builder.end(true);
        any = true;
    }
    if !any {
        return None;
    }
    let path = builder.build();
    let mut buffers: VertexBuffers<[f32; 2], u32> = VertexBuffers::new();
    let options = FillOptions::tolerance(tolerance_mm as f32).with_fill_rule(rule);
    FillTessellator::new()
        .tessellate_path(
            &path,
            &options,
            &mut BuffersBuilder::new(&mut buffers, |v: FillVertex| v.position().to_array()),
        )
        .ok()?;
    Some(FillMesh {
        vertices: buffers.vertices,
        indices: buffers.indices,
    })
}

/// The tint of a filled shape in `mode`.
pub fn fill_color(shape: &Shape, mode: Mode) -> Color32 {
    match mode {
        Mode::Laser => match shape.role {
            LaserRole::Cut => Color32::from_rgba_unmultiplied(220, 30, 30, 30),
            LaserRole::Score => Color32::from_rgba_unmultiplied(30, 60, 230, 30),
            // Engraving burns the area dark: show it dark, yet see-through.
            LaserRole::Engrave => Color32::from_rgba_unmultiplied(20, 20, 20, 120),
        },
        Mode::Print3d if shape.extrusion.hole => Color32::from_rgba_unmultiplied(140, 140, 140, 40),
        Mode::Print3d => Color32::from_rgba_unmultiplied(0, 130, 120, 45),
    }
}

/// Appends `fill` mapped to the screen through `view`, in `color`, to `out`.
pub fn append(out: &mut Mesh, view: &View, fill: &FillMesh, color: Color32) {
    let first = out.vertices.len() as u32;
    let c = view.rect_screen.center();
    let ppm = view.points_per_mm;
    let (cx, cy) = (view.center_doc.x, view.center_doc.y);
    out.reserve_vertices(fill.vertices.len());
    for v in &fill.vertices {
        // Same mapping as `View::screen_from_doc`, without building points.
        let x = c.x + ((f64::from(v[0]) - cx) * ppm) as f32;
        let y = c.y - ((f64::from(v[1]) - cy) * ppm) as f32;
        out.colored_vertex(Pos2::new(x, y), color);
    }
    out.reserve_triangles(fill.indices.len() / 3);
    out.indices.extend(fill.indices.iter().map(|i| first + i));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use geometry::outline::shape_polylines;
    use geometry::{ShapeKind, region::signed_area};

    use super::*;

    fn area(mesh: &FillMesh) -> f64 {
        mesh.indices
            .chunks(3)
            .map(|t| {
                let p = |i: u32| {
                    let v = mesh.vertices[i as usize];
                    [f64::from(v[0]), f64::from(v[1])]
                };
                signed_area(&[p(t[0]), p(t[1]), p(t[2])]).abs()
            })
            .sum()
    }

    #[track_caller]
    fn filled_area(shape: &Shape) -> Option<f64> {
        let lines = shape_polylines(shape, 0.01);
        tessellate(shape, &lines, 0.01).map(|m| area(&m))
    }

    /// A 20 × 20 mm square with a 10 × 10 mm square inside, same direction.
    fn square_in_square(rule: FillRule) -> Shape {
        let mut path = kurbo::BezPath::new();
        for (lo, hi) in [(0.0, 20.0), (5.0, 15.0)] {
            path.move_to((lo, lo));
            path.line_to((hi, lo));
            path.line_to((hi, hi));
            path.line_to((lo, hi));
            path.close_path();
        }
        let mut shape = Shape::new(ShapeKind::Path { path });
        shape.fill = Fill::Filled(rule);
        shape
    }

    #[test]
    fn a_rectangle_fills_its_area() {
        let shape = Shape::new(ShapeKind::Rectangle {
            width: 40.0,
            height: 20.0,
        })
        .translated(100.0, 50.0);
        let got = filled_area(&shape).unwrap();
        assert!((got - 800.0).abs() < 1e-3, "{got}");
    }

    #[test]
    fn the_fill_rule_decides_the_hole() {
        let even_odd = filled_area(&square_in_square(FillRule::EvenOdd)).unwrap();
        assert!((even_odd - 300.0).abs() < 1e-3, "{even_odd}");
        let non_zero = filled_area(&square_in_square(FillRule::NonZero)).unwrap();
        assert!((non_zero - 400.0).abs() < 1e-3, "{non_zero}");
    }

    #[test]
    fn outlines_and_empty_paths_have_no_fill() {
        let mut line = square_in_square(FillRule::NonZero);
        line.fill = Fill::Outline;
        assert_eq!(filled_area(&line), None);
        let empty = Shape::new(ShapeKind::Path {
            path: kurbo::BezPath::new(),
        });
        assert_eq!(filled_area(&empty), None);
    }
}
