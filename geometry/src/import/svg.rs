//! From a usvg tree to painted paths: CSS pixels to millimetres, Y down to
//! Y up, each path with its fill and stroke colours (which become shapes
//! with a laser role in [`super::colors`]).

use kurbo::{Affine, BezPath, PathEl};

use super::colors::Painted;
use super::error::ImportError;
use super::operation::Rgb;
use crate::region::FillRule;
use crate::usvg_bridge::to_bez_path;

/// Millimetres per CSS pixel: CSS fixes 96 px to the inch, and usvg
/// resolves every unit (mm, cm, in, pt, pc, px, none) to CSS pixels.
pub const MM_PER_PX: f64 = 25.4 / 96.0;

/// The affine map from usvg's canvas (CSS px, Y down, origin top-left) to
/// document space (mm, Y up, origin at the bottom-left of a page
/// `page_height_mm` tall).
pub fn doc_from_svg(page_height_mm: f64) -> Affine {
    Affine::new([MM_PER_PX, 0.0, 0.0, -MM_PER_PX, 0.0, page_height_mm])
}

/// What an import left out because Fabrique cannot use it, so the app can
/// say so rather than drop it silently.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ignored {
    /// `<image>` elements: raster pictures are never imported (trace them
    /// from the bitmap instead).
    pub images: usize,
    /// Groups whose clip path was ignored: their content came in whole.
    pub clip_paths: usize,
    /// Groups whose mask was ignored: their content came in whole.
    pub masks: usize,
    /// Groups whose filter effects (blur, shadow…) were ignored.
    pub filters: usize,
}

/// The painted paths found while walking a usvg tree, and what was left out.
#[derive(Default)]
pub(super) struct Collector {
    pub(super) painted: Vec<Painted>,
    pub(super) ignored: Ignored,
}

impl Collector {
    /// One painted path per visible path of `group` and its descendants, in paint
    /// order (first drawn first), mapped through `doc_from_svg`.
    pub(super) fn collect(
        &mut self,
        group: &usvg::Group,
        doc_from_svg: Affine,
    ) -> Result<(), ImportError> {
        for node in group.children() {
            match node {
                // A fully transparent group shows nothing, like `display:none`.
                usvg::Node::Group(g) if g.opacity().get() <= 0.0 => {}
                usvg::Node::Group(g) => {
                    self.ignored.clip_paths += usize::from(g.clip_path().is_some());
                    self.ignored.masks += usize::from(g.mask().is_some());
                    self.ignored.filters += usize::from(!g.filters().is_empty());
                    self.collect(g, doc_from_svg)?;
                }
                usvg::Node::Path(p) => {
                    if let Some(painted) = painted_path(p, doc_from_svg)? {
                        self.painted.push(painted);
                    }
                }
                // usvg has already laid the text out as paths with the bundled fonts.
                usvg::Node::Text(t) => self.collect(t.flattened(), doc_from_svg)?,
                // Never loaded, so usvg keeps none; counted on the XML instead.
                usvg::Node::Image(_) => {}
            }
        }
        Ok(())
    }
}

/// The paint and geometry of one usvg path, or `None` when it draws nothing.
fn painted_path(path: &usvg::Path, doc_from_svg: Affine) -> Result<Option<Painted>, ImportError> {
    if !path.is_visible() {
        return Ok(None);
    }
    // A fully transparent paint draws nothing: Inkscape users often hide a
    // cut line's fill with `fill-opacity:0` rather than `fill:none`.
    let fill = path
        .fill()
        .filter(|f| f.opacity().get() > 0.0)
        .map(|f| (paint_color(f.paint()), fill_rule(f.rule())));
    let stroke = path
        .stroke()
        .filter(|s| s.opacity().get() > 0.0)
        .map(|s| paint_color(s.paint()));
    if fill.is_none() && stroke.is_none() {
        return Ok(None);
    }
    let bez = to_bez_path(path.data(), path.abs_transform(), doc_from_svg);
    if !is_finite(&bez) {
        return Err(ImportError::NonFinite);
    }
    if bez.elements().is_empty() {
        return Ok(None);
    }
    Ok(Some(Painted {
        path: bez,
        fill,
        stroke,
    }))
}

/// The colour a paint stands for: its own, a gradient's first stop, black
/// for a pattern.
fn paint_color(paint: &usvg::Paint) -> Rgb {
    let rgb = |c: usvg::Color| Rgb([c.red, c.green, c.blue]);
    match paint {
        usvg::Paint::Color(c) => rgb(*c),
        usvg::Paint::LinearGradient(g) => g.stops().first().map_or(Rgb::BLACK, |s| rgb(s.color())),
        usvg::Paint::RadialGradient(g) => g.stops().first().map_or(Rgb::BLACK, |s| rgb(s.color())),
        usvg::Paint::Pattern(_) => Rgb::BLACK,
    }
}

fn fill_rule(rule: usvg::FillRule) -> FillRule {
    match rule {
        usvg::FillRule::NonZero => FillRule::NonZero,
        usvg::FillRule::EvenOdd => FillRule::EvenOdd,
    }
}

fn is_finite(path: &BezPath) -> bool {
    path.elements().iter().all(|el| {
        let points: &[kurbo::Point] = match el {
            PathEl::MoveTo(p) | PathEl::LineTo(p) => std::slice::from_ref(p),
            PathEl::QuadTo(a, b) => &[*a, *b],
            PathEl::CurveTo(a, b, c) => &[*a, *b, *c],
            PathEl::ClosePath => &[],
        };
        points.iter().all(|p| p.is_finite())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_pixel_is_a_ninety_sixth_of_an_inch_and_y_flips() {
        let t = doc_from_svg(100.0);
        let p = t * kurbo::Point::new(96.0, 0.0);
        assert!((p.x - 25.4).abs() < 1e-12);
        assert!((p.y - 100.0).abs() < 1e-12);
        let q = t * kurbo::Point::new(0.0, 96.0);
        assert!((q.y - (100.0 - 25.4)).abs() < 1e-12);
    }
}
