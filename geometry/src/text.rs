//! Text to outlines with the bundled fonts (Lato with kerning, and Andika,
//! designed for beginning readers; both SIL Open Font Licence).
//!
//! Shaping (kerning, accents such as "Léa", "Chloé", "Noël") is done by
//! usvg's text layout (rustybuzz) on a tiny generated SVG: the same engine
//! that renders text in imported SVG files, so both agree.
//!
//! Current limitations: one line of text; only the bundled faces
//! ([`FONTS`]); an unknown font name falls back to Lato.

use kurbo::{Affine, BezPath, Shape as _};

use crate::usvg_bridge::{safe_options, to_bez_path};

/// Font names the text tool offers.
pub const FONTS: [&str; 3] = ["Lato", "Lato Bold", "Andika"];

/// Longest text we lay out: a name or a short sign, not a novel. Beyond this
/// the layout would only make the app slow.
pub const MAX_TEXT_CHARS: usize = 200;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().take(MAX_TEXT_CHARS) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn collect(group: &usvg::Group, out: &mut BezPath) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, out),
            usvg::Node::Path(p) => {
                // Y down in SVG, Y up here.
                let path = to_bez_path(p.data(), p.abs_transform(), Affine::FLIP_Y);
                out.extend(path);
            }
            usvg::Node::Text(t) => collect(t.flattened(), out),
            usvg::Node::Image(_) => {}
        }
    }
}

/// Outline of `text` set in `font` at `size` mm (the em size), centred on
/// the origin, Y up. Empty for empty text or a nonsense size.
///
/// ```
/// let path = geometry::text::text_path("Léa", "Andika", 10.0);
/// assert!(!path.elements().is_empty());
/// ```
pub fn text_path(text: &str, font: &str, size: f64) -> BezPath {
    if text.trim().is_empty() || !size.is_finite() || size <= 0.0 || size > 10_000.0 {
        return BezPath::new();
    }
    let lower = font.to_lowercase();
    let family = if lower.starts_with("andika") {
        "Andika"
    } else {
        "Lato"
    };
    let weight = if lower.contains("bold") {
        "bold"
    } else {
        "normal"
    };
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="0" y="0" font-family="{family}" font-weight="{weight}" font-size="{size}" xml:space="preserve">{}</text></svg>"#,
        escape(text)
    );
    let Ok(tree) = usvg::Tree::from_str(&svg, &safe_options()) else {
        return BezPath::new();
    };
    let mut path = BezPath::new();
    collect(tree.root(), &mut path);
    if path.elements().is_empty() {
        return path;
    }
    let b = path.bounding_box();
    path.apply_affine(Affine::translate((-b.center().x, -b.center().y)));
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::{FillRule, Region};

    fn area_and_size(text: &str) -> (f64, kurbo::Rect, usize) {
        let path = text_path(text, "Lato", 10.0);
        let contours: Vec<_> = crate::outline::flatten(&path, 0.01)
            .into_iter()
            .map(|l| l.points)
            .collect();
        let region = Region::from_contours(&contours, FillRule::NonZero);
        let holes = region.polygons.iter().map(|p| p.len() - 1).sum();
        (region.area(), path.bounding_box(), holes)
    }

    #[test]
    fn accents_add_ink_above_the_letters() {
        for (plain, accented) in [
            ("Lea", "Léa"),
            ("Chloe", "Chloé"),
            ("Noel", "Noël"),
            ("e", "é"),
        ] {
            let (a0, b0, _) = area_and_size(plain);
            let (a1, b1, _) = area_and_size(accented);
            assert!(a1 > a0 * 1.01, "{accented}: accent missing ({a0} → {a1})");
            assert!(b1.height() >= b0.height(), "{accented}: accent not above");
            assert!(
                (b1.width() - b0.width()).abs() < 0.05,
                "{accented}: accent moved the letters"
            );
        }
        let (_, e, _) = area_and_size("e");
        let (_, e_acute, _) = area_and_size("é");
        assert!(e_acute.height() > e.height() * 1.2);
    }

    #[test]
    fn letters_keep_their_counters_and_are_centred() {
        let (area, bounds, holes) = area_and_size("ABO");
        assert!(area > 10.0);
        assert_eq!(holes, 4, "A has one counter, B two, O one");
        assert!(bounds.center().x.abs() < 1e-6 && bounds.center().y.abs() < 1e-6);
    }

    #[test]
    fn kerning_pulls_av_together() {
        // Lato kerns "AV": its ink is narrower than the two letters side by side.
        let (_, av, _) = area_and_size("AV");
        let (_, a, _) = area_and_size("A");
        let (_, v, _) = area_and_size("V");
        assert!(
            av.width() < a.width() + v.width() - 0.3,
            "{} vs {}",
            av.width(),
            a.width() + v.width()
        );
    }

    #[test]
    fn empty_or_hostile_text_gives_nothing_or_something_sane() {
        assert!(text_path("", "Andika", 10.0).elements().is_empty());
        assert!(text_path("A", "Andika", f64::NAN).elements().is_empty());
        assert!(!text_path("<&\"]]>", "Andika", 5.0).elements().is_empty());
    }
}
