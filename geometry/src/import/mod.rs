//! SVG files to shapes at their exact physical size.
//!
//! [`import_svg`] reads an SVG file from memory and returns one
//! [`Shape`] per visible path, in document space: millimetres, Y up, origin
//! at the bottom-left corner of the SVG page (`y_doc = page_height_mm -
//! y_svg_mm`). Each shape is a [`crate::ShapeKind::Path`] with the
//! identity transform and the default id (the document gives fresh ids on
//! [`crate::Document::add`]).
//!
//! # Sizes
//! usvg resolves every unit — `mm`, `cm`, `in`, `pt`, `pc`, `px` and
//! unitless numbers — to CSS pixels at 96 px per inch, and applies the
//! `viewBox` with its `preserveAspectRatio`, nested `<svg>` viewports,
//! `<use>` and transforms; we multiply by 25.4 / 96. A square drawn 50 mm
//! wide in Inkscape, Illustrator or by hand comes out 50 mm wide.
//! When the root `width` or `height` is missing or a percentage, the file
//! states no physical size: usvg then takes the `viewBox` size as pixels
//! (or, without a `viewBox`, a page from the origin to the drawing's right
//! and bottom edges, user units being pixels), and
//! [`SvgImport::page_size_mm`] is `None` so the app can ask the user for
//! the intended scale.
//!
//! # Fill and laser role
//! - A path's fill becomes a [`crate::Fill::Filled`] shape with its
//!   `fill-rule`, its stroke a [`crate::Fill::Outline`] shape (a line to cut
//!   or score, never extruded); a path with both gives one shape when both
//!   colours mean the same operation, two otherwise ([`colors`]). We do not
//!   turn strokes into thin filled outlines: in laser files a stroke *is*
//!   the cut line, and outlining it would make the laser burn twice. A fill
//!   with no area (a `<line>`'s) draws nothing.
//! - Each colour gets an operation — cut, score, engrave or ignore — from
//!   the maker's choice, else the convention of the program that wrote the
//!   file ([`Generator`]: Boxes.py, Fabrique), else the lab's colour code
//!   ([`LabColors`], red cut, blue score, black engrave by default), else
//!   strokes cut and fills engrave ([`operation`]). [`SvgImport::colors`]
//!   lists every colour with its length, area and operation; colours to
//!   ignore bring no shape.
//! - Text is laid out by usvg with the bundled fonts and imported as paths,
//!   following its colour's operation.
//! - Hidden content is skipped: `display:none`, `visibility:hidden`,
//!   groups with `opacity` 0, and paths with neither fill nor stroke. A
//!   fill or stroke whose own opacity is 0 counts as absent (a red cut line
//!   with `fill-opacity:0` is an outline, not a filled shape); any other
//!   opacity counts as fully there.
//!
//! # Hostile or broken files
//! Nothing outside the input is ever read: no resources directory, images
//! are never resolved, external entities are never fetched, and `<use>`
//! pointing into another file draws nothing. The size is checked before
//! parsing ([`MAX_FILE_BYTES`]); entity expansion is bounded
//! ([`MAX_ENTITY_EXPANSION_BYTES`]) and entity loops refused; nesting
//! ([`MAX_DEPTH`], counting `<use>`), node counts ([`MAX_NODES`], and
//! [`MAX_ELEMENTS`] with `<use>` and markers expanded), the amount of
//! text ([`MAX_TEXT_CHARS`]), of CSS work ([`MAX_STYLE_MATCHES`]) and of
//! self-reference repairs ([`MAX_REPAIR_WORK`]) are checked on the XML tree before usvg
//! converts it, so the recursive conversion cannot overflow the stack nor
//! run for minutes. A `<use>` that leads back to one of its own ancestors
//! is dropped, as browsers do, rather than followed; so is `<tref>` (gone
//! from SVG 2, drawn by no browser). A root
//! `viewBox` of zero size is an error ([`ImportError::ZeroSizeViewBox`]):
//! the SVG specification says nothing is drawn then.
//!
//! Numbers that are not numbers (`NaN`, `inf`, `1e999`) inside the drawing
//! are handled as browsers do, by usvg: the attribute falls back to its
//! default (`x="inf"` is 0) or the element or the rest of the path is
//! dropped, and an element whose transform overflows is not drawn. Only the
//! page itself must be finite: a root `viewBox` or size out of range is
//! [`ImportError::NonFinite`]; so is any coordinate that would still come
//! out non-finite (a safety net: usvg has never let one through).
//! A file that draws nothing visible imports fine with no shapes: the
//! caller says "nothing to import".
//!
//! # Current limitations
//! - Clip paths, masks, filters and partial opacity are ignored: clipped
//!   content is imported whole ([`SvgImport::ignored`] counts them).
//!   Markers are imported as paths.
//! - `<image>` is ignored, embedded or not (and counted).
//! - Strokes are never outlined, whatever their width; a wide stroke meant
//!   as a filled band becomes a single line.
//! - Compressed `.svgz` files are refused ([`ImportError::Compressed`]).
//! - Text encodings: UTF-8, UTF-16 with a byte-order mark, and
//!   windows-1252 / ISO-8859-1 when declared; any other declared encoding is
//!   [`ImportError::UnsupportedEncoding`].
//! - Nothing merges paths or removes duplicate cut lines here.
//! - Fonts are only the bundled ones: every font family falls back to them.
//! - Gradient and pattern paints count as the colour of their first stop
//!   (patterns as black).

mod colors;
mod encoding;
mod entities;
mod error;
mod generator;
mod limits;
mod links;
mod operation;
mod page;
mod structure;
mod svg;

use usvg::roxmltree;

pub use colors::{ColorUse, operation_of};
pub use entities::MAX_ENTITY_EXPANSION_BYTES;
pub use error::ImportError;
pub use generator::Generator;
pub use limits::{
    MAX_DEPTH, MAX_ELEMENTS, MAX_FILE_BYTES, MAX_NODES, MAX_STYLE_MATCHES, MAX_TEXT_CHARS,
};
pub use links::MAX_REPAIR_WORK;
pub use operation::{
    BadColor, ColorChoiceError, ColorRules, LabColors, NEAR, Operation, PaintKind, Reason, Rgb,
    parse_choices,
};
pub use svg::{Ignored, MM_PER_PX, doc_from_svg};

use crate::shape::Shape;
use crate::usvg_bridge::safe_options;

/// The shapes of an SVG file and the size of its page.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgImport {
    /// One shape per visible path, in paint order, in document space
    /// (mm, Y up, origin at the page's bottom-left corner).
    pub shapes: Vec<Shape>,
    /// The page's width and height in mm when the file states them in
    /// absolute units; `None` when `width` or `height` is missing or a
    /// percentage, so the scale is a guess (viewBox units taken as px).
    pub page_size_mm: Option<(f64, f64)>,
    /// What the file holds that was not imported (pictures, clips, masks,
    /// filters), to tell the user.
    pub ignored: Ignored,
    /// Every stroke and fill colour used, with its operation (strokes
    /// first, then by colour).
    pub colors: Vec<ColorUse>,
    /// The program that wrote the file, when it says so.
    pub generator: Option<Generator>,
}

/// The SVG namespace; usvg ignores elements outside it.
const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Reads an SVG file (its bytes) into shapes at their exact physical size.
///
/// ```
/// let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="30mm">
///   <rect width="50mm" height="30mm"/></svg>"#;
/// let import = geometry::import::import_svg(svg).unwrap();
/// let (w, h) = import.page_size_mm.unwrap();
/// assert!((w - 50.0).abs() < 1e-4 && (h - 30.0).abs() < 1e-4);
/// let area = geometry::outline::union_region(&import.shapes, 0.01).area();
/// assert!((area - 1500.0).abs() < 1e-2);
/// ```
pub fn import_svg(data: &[u8]) -> Result<SvgImport, ImportError> {
    import_svg_with(data, &ColorRules::default())
}

/// [`import_svg`] with colours turned into operations after `rules` (the
/// lab's colour code and the maker's choices).
///
/// ```
/// use geometry::import::{ColorRules, Operation, Rgb, import_svg_with};
/// let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="30mm">
///   <line x2="40" stroke="#ff0000"/></svg>"##;
/// let rules = ColorRules { chosen: vec![(Rgb::RED, Operation::Ignore)], ..Default::default() };
/// let import = import_svg_with(svg, &rules).unwrap();
/// assert!(import.shapes.is_empty());
/// assert_eq!(import.colors[0].operation, Operation::Ignore);
/// ```
pub fn import_svg_with(data: &[u8], rules: &ColorRules) -> Result<SvgImport, ImportError> {
    let text = limits::check_bytes(data)?;
    let text: &str = &text;
    entities::check(text)?;
    let doc = parse_xml(text)?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(ImportError::NotSvg {
            root: root.tag_name().name().to_owned(),
        });
    }
    if root.tag_name().namespace().is_none() {
        // Hand-written files often forget `xmlns`; browsers then show the
        // XML source and usvg ignores every element. Add it and read again.
        let fixed = with_svg_namespace(text, root.range().start);
        let doc = parse_xml(&fixed)?;
        return import_document(&doc, rules);
    }
    import_document(&doc, rules)
}

fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        // No resolver: external entities are dropped, never fetched.
        entity_resolver: None,
    };
    roxmltree::Document::parse_with_options(text, options).map_err(xml_error)
}

fn xml_error(error: roxmltree::Error) -> ImportError {
    match error {
        roxmltree::Error::EntityReferenceLoop(_) => ImportError::EntityExpansion,
        roxmltree::Error::NodesLimitReached => ImportError::TooManyElements { max: MAX_NODES },
        other => {
            let pos = other.pos();
            ImportError::Malformed {
                line: pos.row,
                column: pos.col,
                reason: other.to_string(),
            }
        }
    }
}

/// `text` with the SVG namespace declared on the root element that starts
/// at byte `root_start` (its `<`).
fn with_svg_namespace(text: &str, root_start: usize) -> String {
    let insert_at = root_start + "<svg".len();
    let (head, tail) = text.split_at(insert_at.min(text.len()));
    format!("{head} xmlns=\"{SVG_NS}\"{tail}")
}

fn import_document(
    doc: &roxmltree::Document,
    rules: &ColorRules,
) -> Result<SvgImport, ImportError> {
    let blanked = structure::check_structure(doc)?;
    if blanked.is_empty() {
        return convert(doc, rules);
    }
    // Blank the references that close `<use>` loops (and those of `<tref>`)
    // and read again: the second pass finds none (every loop lost an edge).
    let text = without(doc.input_text(), &blanked);
    let doc = parse_xml(&text)?;
    if !structure::check_structure(&doc)?.is_empty() {
        return Err(ImportError::TooDeep { max: MAX_DEPTH });
    }
    convert(&doc, rules)
}

/// `text` without the bytes in `ranges`.
fn without(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in sorted {
        out.push_str(text.get(at..range.start).unwrap_or_default());
        at = at.max(range.end);
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

fn convert(doc: &roxmltree::Document, rules: &ColorRules) -> Result<SvgImport, ImportError> {
    let root = doc.root_element();
    page::check_view_box(root.attribute("viewBox"))?;
    let tree = usvg::Tree::from_xmltree(doc, &safe_options()).map_err(usvg_error)?;
    let size = tree.size();
    let (width_mm, height_mm) = (
        f64::from(size.width()) * MM_PER_PX,
        f64::from(size.height()) * MM_PER_PX,
    );
    if !width_mm.is_finite() || !height_mm.is_finite() {
        return Err(ImportError::NonFinite);
    }
    let mut collector = svg::Collector::default();
    collector.collect(tree.root(), doc_from_svg(height_mm))?;
    collector.ignored.images = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "image")
        .count();
    let stated = |name| root.attribute(name).is_some_and(page::is_absolute_length);
    let page_size_mm = (stated("width") && stated("height")).then_some((width_mm, height_mm));
    let generator = generator::recognise(doc);
    let (shapes, colors) = colors::assign(collector.painted, rules, generator);
    // Before any command or the app does heavy work on the shapes.
    crate::limits::check_shapes(&shapes)?;
    Ok(SvgImport {
        shapes,
        page_size_mm,
        ignored: collector.ignored,
        colors,
        generator,
    })
}

fn usvg_error(error: usvg::Error) -> ImportError {
    match error {
        usvg::Error::NotAnUtf8Str => ImportError::NotText { offset: 0 },
        usvg::Error::SvgzFeatureNotEnabled | usvg::Error::MalformedGZip => ImportError::Compressed,
        usvg::Error::ElementsLimitReached => ImportError::TooManyElements { max: MAX_ELEMENTS },
        usvg::Error::InvalidSize => ImportError::ZeroSize,
        // usvg's own depth limit (1024, counting `<use>`) also reports this.
        usvg::Error::ParsingFailed(roxmltree::Error::NodesLimitReached) => {
            ImportError::TooManyElements { max: MAX_ELEMENTS }
        }
        usvg::Error::ParsingFailed(e) => xml_error(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10mm" height="10mm" viewBox="0 0 10 10">"#;

    #[test]
    fn deepest_accepted_nesting_converts_on_a_worker_sized_stack() {
        // Groups with transforms and opacity, then a <use> chain, up to the limit.
        let levels = (MAX_DEPTH - 4) / 3;
        let mut body = String::from("<defs><rect id='u0' width='1' height='1'/>");
        for i in 1..levels {
            body.push_str(&format!("<g id='u{i}'><use href='#u{}'/></g>", i - 1));
        }
        body.push_str("</defs>");
        body.push_str(&"<g transform='translate(0.01)' opacity='0.9'>".repeat(levels));
        body.push_str(&format!("<use href='#u{}'/>", levels - 1));
        body.push_str(&"</g>".repeat(levels));
        let svg = format!("{HEAD}{body}</svg>");
        let import = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || import_svg(svg.as_bytes()))
            .unwrap()
            .join()
            .unwrap()
            .unwrap();
        assert_eq!(import.shapes.len(), 1);
    }

    #[test]
    fn areas_survive_transforms_and_viewbox_scales() {
        // A 10 × 20 rectangle (200 mm² at 1 unit = 1 mm) under transforms
        // that keep or scale its area, and viewBoxes at 2 and 0.5 mm/unit.
        let cases = [
            ("0 0 100 100", "", 200.0),
            ("0 0 100 100", "rotate(30 50 50)", 200.0),
            ("0 0 100 100", "translate(-40 70) rotate(-123)", 200.0),
            ("0 0 100 100", "scale(2.5)", 200.0 * 6.25),
            ("0 0 100 100", "matrix(1 0.5 0 1 3 4)", 200.0),
            ("0 0 100 100", "scale(-1 1) skewX(20)", 200.0),
            ("0 0 50 50", "rotate(45)", 800.0),
            ("0 0 200 200", "rotate(45)", 50.0),
        ];
        for (view_box, transform, area) in cases {
            let svg = format!(
                r#"<svg xmlns="{SVG_NS}" width="100mm" height="100mm" viewBox="{view_box}"><rect x="5" y="5" width="10" height="20" transform="{transform}"/></svg>"#
            );
            let import = import_svg(svg.as_bytes()).unwrap();
            let got = crate::outline::union_region(&import.shapes, 0.001).area();
            assert!(
                (got - area).abs() < 1e-3 * area,
                "{view_box} {transform}: {got}"
            );
        }
    }

    #[test]
    fn use_loops_are_cut_where_they_close() {
        // A ring of 100 groups each using the next, the last using the first:
        // usvg alone would follow it to its depth limit and fail.
        let mut body = String::new();
        for i in 0..100 {
            let next = (i + 1) % 100;
            body.push_str(&format!(
                "<g id='g{i}'><rect x='{i}' width='0.5' height='1'/><use href='#g{next}'/></g>"
            ));
        }
        let svg = format!("{HEAD}<defs>{body}</defs><use href='#g0'/></svg>");
        let import = import_svg(svg.as_bytes()).unwrap();
        assert_eq!(import.shapes.len(), 100);
        assert_eq!(without("abcdef", &[4..5, 1..3]), "adf");
    }

    #[test]
    fn missing_namespace_is_added() {
        let import =
            import_svg(b"<svg width='10mm' height='10mm'><rect width='5mm' height='5mm'/></svg>")
                .unwrap();
        assert_eq!(import.shapes.len(), 1);
        assert_eq!(
            with_svg_namespace("<svg/>", 0),
            format!("<svg xmlns=\"{SVG_NS}\"/>")
        );
    }

    #[test]
    fn xml_errors_carry_their_position() {
        let err = import_svg(b"<svg>\n  <g>\n</svg>").unwrap_err();
        assert!(
            matches!(err, ImportError::Malformed { line: 3, .. }),
            "{err:?}"
        );
        let err = import_svg(b"<svg><x:y/></svg>").unwrap_err();
        assert!(
            matches!(err, ImportError::Malformed { line: 1, .. }),
            "{err:?}"
        );
    }
}
