//! What both SVG import and text need from usvg: parser options that use
//! only the bundled fonts and never read anything outside the input, and the
//! conversion of usvg paths to kurbo.

use std::sync::{Arc, OnceLock};

use kurbo::{Affine, BezPath, Point};
use usvg::tiny_skia_path::PathSegment;

/// Family name of the bundled font, used for every generic family so SVG
/// text never depends on what fonts the machine happens to have.
pub const BUNDLED_FAMILY: &str = "Lato";

static FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/Lato-Regular.ttf"),
    include_bytes!("../../assets/fonts/Lato-Bold.ttf"),
    include_bytes!("../../assets/fonts/Andika-Regular.ttf"),
];

fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for bytes in FONT_FILES {
            db.load_font_data(bytes.to_vec());
        }
        for set in [
            usvg::fontdb::Database::set_serif_family,
            usvg::fontdb::Database::set_sans_serif_family,
            usvg::fontdb::Database::set_cursive_family,
            usvg::fontdb::Database::set_fantasy_family,
            usvg::fontdb::Database::set_monospace_family,
        ] {
            set(&mut db, BUNDLED_FAMILY);
        }
        Arc::new(db)
    })
    .clone()
}

/// usvg options for untrusted input: bundled fonts only, no resources
/// directory (so no relative file is ever read), and images neither loaded
/// from files nor decoded (we never use raster content of an SVG).
pub fn safe_options() -> usvg::Options<'static> {
    usvg::Options {
        resources_dir: None,
        font_family: BUNDLED_FAMILY.to_owned(),
        fontdb: font_database(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// `data` transformed by `svg_transform` (usvg's absolute transform) then by
/// `then` (for example px → mm and the Y flip), as a kurbo path.
pub fn to_bez_path(
    data: &usvg::tiny_skia_path::Path,
    svg_transform: usvg::Transform,
    then: Affine,
) -> BezPath {
    let t = svg_transform;
    let affine = then
        * Affine::new([
            f64::from(t.sx),
            f64::from(t.ky),
            f64::from(t.kx),
            f64::from(t.sy),
            f64::from(t.tx),
            f64::from(t.ty),
        ]);
    let pt = |p: usvg::tiny_skia_path::Point| affine * Point::new(f64::from(p.x), f64::from(p.y));
    let mut path = BezPath::new();
    for segment in data.segments() {
        match segment {
            PathSegment::MoveTo(p) => path.move_to(pt(p)),
            PathSegment::LineTo(p) => path.line_to(pt(p)),
            PathSegment::QuadTo(c, p) => path.quad_to(pt(c), pt(p)),
            PathSegment::CubicTo(c1, c2, p) => path.curve_to(pt(c1), pt(c2), pt(p)),
            PathSegment::Close => path.close_path(),
        }
    }
    path
}
