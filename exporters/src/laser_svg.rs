//! Laser-ready SVG: the size in millimetres, the operation in the colour.
//!
//! What labs expect, and what this writer does:
//! - root `width`/`height` in `mm` and a `viewBox` in mm, so 1 user unit is
//!   1 mm whatever px-per-inch habit the lab's software has;
//! - the page is the one given ([`write_laser_svg_on_page`]: the input
//!   file's page or the machine's bed, its lower-left corner at the
//!   document's origin), so parts stay where they were placed: print-driver
//!   lasers (Epilog) put the page's corner at the bed's corner, and a part
//!   placed mid-bed to use an offcut must be cut there. A drawing reaching
//!   past the page widens it rather than being cut off. Without a page
//!   ([`write_laser_svg`], `--fit`), the page is exactly the bounds of the
//!   drawing (no margin), moved so that nothing is negative. Y is flipped
//!   to SVG's Y-down;
//! - cut and score lines are hairline strokes (`fill="none"`) in the
//!   profile's colours, engraved areas a fill with no stroke;
//! - no duplicate segments, inner contours before outer ones, closed
//!   contours closed with `Z` (see [`crate::cut_paths`]);
//! - groups in the order a laser should run them: engrave, score, cut (once
//!   a part is cut free it may move, so everything on it is done first);
//! - style attributes on every path rather than inherited from groups, as
//!   some laser software ignores group styles; no text, no raster;
//! - each group is also an Inkscape layer named after its operation, so a
//!   maker who opens the file in Inkscape sees "Cut", "Score", "Engrave".
//!
//! Current limitations: curves are written as straight segments within the
//! tolerance (no arcs or Béziers, which some lasers follow more smoothly);
//! no kerf compensation; parts bigger than the profile's bed are not
//! flagged here (that is a lab-readiness check).

use std::fmt::Write as _;
use std::io::Write;

use geometry::Document;
use geometry::outline::Polyline;

use crate::cut_paths::{LaserPaths, format_mm};
use crate::error::ExportError;
use crate::profile::LaserProfile;
use crate::save::Format;

/// Writes the laser operations of `doc` as an SVG in millimetres, curves
/// flattened to within `tolerance_mm`, coloured after `profile`.
///
/// Fails with [`ExportError::NothingToExport`] when no shape has an outline,
/// and on an invalid tolerance or profile, before writing anything.
pub fn write_laser_svg(
    doc: &Document,
    profile: &LaserProfile,
    tolerance_mm: f64,
    out: impl Write,
) -> Result<(), ExportError> {
    write_laser_svg_on_page(doc, profile, tolerance_mm, None, out)
}

/// [`write_laser_svg`] on a page of `page_mm` (width, height), its
/// lower-left corner at the document's origin, so every part keeps its
/// place; `None` crops the page to the drawing.
pub fn write_laser_svg_on_page(
    doc: &Document,
    profile: &LaserProfile,
    tolerance_mm: f64,
    page_mm: Option<(f64, f64)>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    crate::check_tolerance(tolerance_mm)?;
    profile.validate()?;
    let paths = LaserPaths::from_document(doc, tolerance_mm);
    let svg = laser_svg_string(&paths, profile, page_mm).ok_or(ExportError::NothingToExport {
        format: Format::LaserSvg,
    })?;
    out.write_all(svg.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| ExportError::io(&e))
}

/// The SVG text, `None` when there is nothing to draw.
fn laser_svg_string(
    paths: &LaserPaths,
    profile: &LaserProfile,
    page_mm: Option<(f64, f64)>,
) -> Option<String> {
    let (lo, hi) = crate::cut_paths::page_bounds(paths.bounds()?, page_mm);
    // A single straight line has no height (or width): give the page the
    // stroke's width there, as an SVG of size zero is not displayed at all.
    let width = (hi[0] - lo[0]).max(profile.stroke_width_mm);
    let height = (hi[1] - lo[1]).max(profile.stroke_width_mm);
    let page = Page { lo, hi };
    let (w, h) = (format_mm(width), format_mm(height));
    let mut svg = String::new();
    svg.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    let _ = writeln!(
        svg,
        "<!-- Made with Fabrique for the laser profile \"{}\" ({}): cut {} hairline, \
         score {} hairline, engrave {} fill. 1 unit = 1 mm. -->",
        comment_safe(&profile.name),
        comment_safe(&profile.id),
        profile.cut_color.to_ascii_uppercase(),
        profile.score_color.to_ascii_uppercase(),
        profile.engrave_color.to_ascii_uppercase(),
    );
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \
         xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" \
         width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">"
    );
    if !paths.engrave.is_empty() {
        svg.push_str(&group_start("engrave", "Engrave"));
        for polygon in &paths.engrave.polygons {
            let mut d = String::new();
            for contour in polygon {
                page.push_path_data(&mut d, contour, true);
            }
            let _ = writeln!(
                svg,
                "<path d=\"{d}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"none\"/>",
                profile.engrave_color.to_ascii_uppercase()
            );
        }
        svg.push_str("</g>\n");
    }
    for (id, label, lines, color) in [
        ("score", "Score", &paths.score, &profile.score_color),
        ("cut", "Cut", &paths.cut, &profile.cut_color),
    ] {
        if lines.is_empty() {
            continue;
        }
        svg.push_str(&group_start(id, label));
        for line in lines {
            push_stroke(&mut svg, &page, line, color, profile.stroke_width_mm);
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

fn group_start(id: &str, label: &str) -> String {
    format!("<g id=\"{id}\" inkscape:groupmode=\"layer\" inkscape:label=\"{label}\">\n")
}

fn push_stroke(svg: &mut String, page: &Page, line: &Polyline, color: &str, width: f64) {
    let mut d = String::new();
    page.push_path_data(&mut d, &line.points, line.closed);
    let _ = writeln!(
        svg,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
        color.to_ascii_uppercase(),
        format_mm(width)
    );
}

/// Document space (mm, Y up) → page space (mm, Y down, origin at the
/// drawing's top-left corner).
struct Page {
    lo: [f64; 2],
    hi: [f64; 2],
}

impl Page {
    /// Appends `M x y L x y … [Z]`, skipping points that round to the previous one.
    fn push_path_data(&self, d: &mut String, points: &[[f64; 2]], closed: bool) {
        let mut previous: Option<(String, String)> = None;
        for p in points {
            let xy = (format_mm(p[0] - self.lo[0]), format_mm(self.hi[1] - p[1]));
            if previous.as_ref() == Some(&xy) {
                continue;
            }
            let command = if previous.is_none() { "M" } else { "L" };
            if !d.is_empty() {
                d.push(' ');
            }
            let _ = write!(d, "{command} {} {}", xy.0, xy.1);
            previous = Some(xy);
        }
        if closed && previous.is_some() {
            d.push_str(" Z");
        }
    }
}

/// `text` made safe inside an XML comment (which may not contain `--`).
fn comment_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_control()) {
        if c == '-' && out.ends_with('-') {
            out.push(' ');
        }
        out.push(c);
    }
    if out.ends_with('-') {
        out.push(' ');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "laser_svg_tests.rs"]
mod tests;
