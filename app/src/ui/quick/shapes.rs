//! The shapes a quick project's answers make, as ordinary shapes a person
//! can edit afterwards: a rounded plate, the name, a hole; or a disc and a
//! traced picture. Pure functions, placed around a given centre in mm.

use geometry::outline::shape_bounds;
use geometry::{Extrusion, LaserRole, Shape, ShapeKind};
use kurbo::{Point, Rect};

use crate::ui::tools::TEXT_RISE_MM;

/// Space between the plate's edge, the hole and the letters, mm: enough
/// wall for a 3D print (three nozzle widths) and for a laser's kerf.
const MARGIN_MM: f64 = 4.0;
/// The ring's hole, mm: a split ring's wire or a cord passes easily.
const HOLE_DIAMETER_MM: f64 = 5.0;
/// Corner radius of the plates, mm.
const CORNER_MM: f64 = 4.0;
/// A keychain plate's thickness, mm: sturdy but light, quickly printed.
pub const PLATE_THICKNESS_MM: f64 = 2.5;
/// Most of the coaster's diameter the picture may span: a rim of a tenth
/// of the diameter stays around it on each side.
const MAX_PICTURE_SHARE: f64 = 0.8;

/// What the name projects (keychain, badge) ask.
#[derive(Clone, Debug, PartialEq)]
pub struct NameParams {
    /// The name to write.
    pub name: String,
    /// Letter size (the font's em), mm.
    pub letter_size: f64,
    /// One of [`geometry::text::FONTS`].
    pub font: String,
    /// A hole for a ring or a cord, at the plate's left end.
    pub hole: bool,
}

/// What the coaster asks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoasterParams {
    /// Diameter of the disc, mm.
    pub diameter: f64,
}

/// The name on a plate with an optional hole at its left end, centred on
/// `centre`: plate first, then the hole, then the name. `None` when the
/// name has nothing to draw (only spaces).
fn name_on_plate(params: &NameParams, centre: Point) -> Option<(Shape, Option<Shape>, Shape)> {
    let text = Shape::new(ShapeKind::Text {
        text: params.name.trim().to_owned(),
        font: params.font.clone(),
        size: params.letter_size,
    });
    let letters = shape_bounds(&text).filter(|b| b.area() > 0.0)?;
    let hole_zone = if params.hole {
        HOLE_DIAMETER_MM + MARGIN_MM
    } else {
        0.0
    };
    let width = hole_zone + letters.width() + 2.0 * MARGIN_MM;
    let height = (letters.height().max(HOLE_DIAMETER_MM) + 2.0 * MARGIN_MM).max(hole_zone);
    let left = centre.x - width / 2.0;
    let plate = Shape::new(ShapeKind::RoundedRectangle {
        width,
        height,
        radius: CORNER_MM,
    })
    .translated(centre.x, centre.y);
    let hole = params.hole.then(|| {
        Shape::new(ShapeKind::Ellipse {
            rx: HOLE_DIAMETER_MM / 2.0,
            ry: HOLE_DIAMETER_MM / 2.0,
        })
        .translated(left + MARGIN_MM + HOLE_DIAMETER_MM / 2.0, centre.y)
    });
    let text_centre = Point::new(
        left + hole_zone + MARGIN_MM + letters.width() / 2.0,
        centre.y,
    );
    let shift = text_centre - letters.center();
    let text = text.translated(shift.x, shift.y);
    Some((plate, hole, text))
}

/// A keychain to 3D print: a 2.5 mm plate, the name standing 1.5 mm above
/// it, and the ring's hole through the plate.
pub fn keychain(params: &NameParams, centre: Point) -> Option<Vec<Shape>> {
    let (mut plate, hole, mut text) = name_on_plate(params, centre)?;
    plate.extrusion = Extrusion {
        height: PLATE_THICKNESS_MM,
        ..Extrusion::default()
    };
    text.extrusion = Extrusion {
        height: PLATE_THICKNESS_MM + TEXT_RISE_MM,
        ..Extrusion::default()
    };
    text.role = LaserRole::Engrave;
    let mut shapes = vec![plate];
    shapes.extend(hole.map(|mut hole| {
        // Taller than the plate, so it cuts cleanly through.
        hole.extrusion = Extrusion {
            height: PLATE_THICKNESS_MM + TEXT_RISE_MM,
            hole: true,
            ..Extrusion::default()
        };
        hole
    }));
    shapes.push(text);
    Some(shapes)
}

/// A badge for the laser: the plate and its hole cut, the name engraved.
pub fn badge(params: &NameParams, centre: Point) -> Option<Vec<Shape>> {
    let (plate, hole, mut text) = name_on_plate(params, centre)?;
    text.role = LaserRole::Engrave;
    let mut shapes = vec![plate];
    shapes.extend(hole);
    shapes.push(text);
    Some(shapes)
}

/// A coaster: a disc to cut around `centre`, and the traced picture in its
/// middle, engraved (its lines scored): at the width chosen in the tracer,
/// or smaller when that would not leave a rim. `None` when the picture has
/// no size.
pub fn coaster(picture: &[Shape], params: CoasterParams, centre: Point) -> Option<Vec<Shape>> {
    let from = geometry::transform::shapes_bounds(picture)
        .filter(|b| b.width() > 0.0 && b.height() > 0.0)?;
    let side = params.diameter * MAX_PICTURE_SHARE;
    let scale = (side / from.width().max(from.height())).min(1.0);
    let (w, h) = (from.width() * scale, from.height() * scale);
    let to = Rect::new(
        centre.x - w / 2.0,
        centre.y - h / 2.0,
        centre.x + w / 2.0,
        centre.y + h / 2.0,
    );
    let radius = params.diameter / 2.0;
    let disc = Shape::new(ShapeKind::Ellipse {
        rx: radius,
        ry: radius,
    })
    .translated(centre.x, centre.y);
    let mut shapes = vec![disc];
    shapes.extend(picture.iter().map(|shape| {
        let mut engraved = geometry::transform::mapped(shape, from, to);
        engraved.role = if engraved.is_filled() {
            LaserRole::Engrave
        } else {
            LaserRole::Score
        };
        engraved
    }));
    Some(shapes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn lea(hole: bool) -> NameParams {
        NameParams {
            name: "Léa".to_owned(),
            letter_size: 12.0,
            font: "Lato Bold".to_owned(),
            hole,
        }
    }

    #[track_caller]
    fn inside(inner: Rect, outer: Rect) {
        assert!(
            inner.x0 > outer.x0
                && inner.x1 < outer.x1
                && inner.y0 > outer.y0
                && inner.y1 < outer.y1,
            "{inner:?} inside {outer:?}"
        );
    }

    #[test]
    fn the_keychain_holds_its_name_and_hole_apart_on_the_plate() {
        let centre = Point::new(90.0, 90.0);
        let shapes = keychain(&lea(true), centre).unwrap();
        assert_eq!(shapes.len(), 3);
        let [plate, hole, text] = [0, 1, 2].map(|i| shape_bounds(&shapes[i]).unwrap());
        inside(hole, plate);
        inside(text, plate);
        assert!(hole.x1 + MARGIN_MM <= text.x0 + 1e-9, "{hole:?} {text:?}");
        assert!((plate.center() - centre).hypot() < 1e-9);
        assert!(shapes[1].extrusion.hole);
        assert!(shapes[2].extrusion.height > shapes[0].extrusion.height + 1.0);
    }

    #[test]
    fn without_a_hole_the_plate_is_shorter_and_a_blank_name_makes_nothing() {
        let with = keychain(&lea(true), Point::ZERO).unwrap();
        let without = keychain(&lea(false), Point::ZERO).unwrap();
        assert_eq!(without.len(), 2);
        let width = |s: &Shape| shape_bounds(s).unwrap().width();
        assert!(width(&without[0]) < width(&with[0]));
        let mut blank = lea(true);
        blank.name = "   ".to_owned();
        assert!(keychain(&blank, Point::ZERO).is_none());
        assert!(badge(&blank, Point::ZERO).is_none());
    }

    #[test]
    fn the_badge_cuts_its_plate_and_engraves_the_name() {
        let shapes = badge(&lea(true), Point::new(50.0, 40.0)).unwrap();
        let roles: Vec<LaserRole> = shapes.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [LaserRole::Cut, LaserRole::Cut, LaserRole::Engrave],
            "plate, hole, name"
        );
    }

    #[test]
    fn the_coaster_picture_fits_inside_its_disc_whatever_its_size() {
        for (w, h) in [(300.0, 100.0), (10.0, 40.0), (1.0, 1.0)] {
            let picture = vec![
                Shape::new(ShapeKind::Rectangle {
                    width: w,
                    height: h,
                })
                .translated(500.0, -20.0),
            ];
            let centre = Point::new(100.0, 100.0);
            let shapes = coaster(&picture, CoasterParams { diameter: 90.0 }, centre).unwrap();
            let disc = shape_bounds(&shapes[0]).unwrap();
            let engraved = shape_bounds(&shapes[1]).unwrap();
            inside(engraved, disc);
            let longest = engraved.width().max(engraved.height());
            let expected = f64::max(w, h).min(90.0 * MAX_PICTURE_SHARE);
            assert!((longest - expected).abs() < 1e-6, "{longest} {expected}");
            assert!((engraved.center() - centre).hypot() < 1e-6);
            assert_eq!(shapes[1].role, LaserRole::Engrave);
        }
        assert!(coaster(&[], CoasterParams { diameter: 90.0 }, Point::ZERO).is_none());
    }
}
