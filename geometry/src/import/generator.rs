//! Which program wrote a laser file, read from what the file says about
//! itself (comments, `<metadata>`, the root's attributes), and that
//! program's colour convention.
//!
//! Conventions known:
//! - **Boxes.py** (festi.info/boxes.py, the box generator most labs use)
//!   writes an XML comment and a `dc:description` containing "Created with
//!   Boxes.py". Its colours (`boxes/Color.py`): black = outer cut, blue =
//!   inner cut (and the shades from blue to black it uses for cuts at
//!   several depths), red = annotations (labels such as "100.0mm,
//!   burn:0.10mm", never to be cut), green = etching and cyan = deep
//!   etching. Boxes.py draws everything as strokes, so etching is a line:
//!   scored.
//! - **Fabrique** writes "Made with Fabrique for the laser profile … cut
//!   #RRGGBB hairline, score #RRGGBB hairline, engrave #RRGGBB fill" in a
//!   comment: the file's own colour code.
//! - **Inkscape** (`inkscape:version` on the root) has no convention of its
//!   own: the lab's colour code applies; it is recognised only to say so.
//!
//! Current limitations: MakerCase, LightBurn and xTool Creative Space are
//! not recognised (their SVG exports carry no mark we could document, and
//! LightBurn keeps each colour's operation in its own project file, not in
//! the SVG): their files follow the lab's colour code.

use usvg::roxmltree::Document;

use super::operation::{LabColors, Operation, PaintKind, Rgb};

/// A program whose files we recognise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generator {
    /// Boxes.py, the box generator.
    BoxesPy,
    /// Fabrique itself, with the colour code written in the file.
    Fabrique(LabColors),
    /// Inkscape: no colour convention of its own.
    Inkscape,
}

impl Generator {
    /// The program's name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            Generator::BoxesPy => "Boxes.py",
            Generator::Fabrique(_) => "Fabrique",
            Generator::Inkscape => "Inkscape",
        }
    }

    /// The operation this program's convention gives to `color` painted as
    /// `kind`, `None` when it has nothing to say.
    pub fn operation(self, kind: PaintKind, color: Rgb) -> Option<Operation> {
        match self {
            Generator::BoxesPy => boxes_py(color),
            Generator::Fabrique(code) => code.operation(kind, color),
            Generator::Inkscape => None,
        }
    }
}

/// Boxes.py's colours (see the module doc).
fn boxes_py(color: Rgb) -> Option<Operation> {
    let [r, g, b] = color.0;
    let low = |v: u8| v <= 60;
    let high = |v: u8| v >= 195;
    if low(r) && low(g) {
        // Black, blue, and the shades of blue to black between them.
        Some(Operation::Cut)
    } else if high(r) && low(g) && low(b) {
        Some(Operation::Ignore)
    } else if low(r) && high(g) {
        // Green (etching) and cyan (deep etching), whatever the blue.
        Some(Operation::Score)
    } else {
        None
    }
}

/// The program that wrote `doc`, when the file says so.
pub(super) fn recognise(doc: &Document) -> Option<Generator> {
    let mut texts = doc
        .descendants()
        .filter(|n| n.is_comment() || n.is_text())
        .filter_map(|n| n.text());
    let mut fabrique = None;
    let boxes = texts.any(|t| {
        if fabrique.is_none() && t.contains("Made with Fabrique") {
            fabrique = fabrique_code(t);
        }
        t.contains("Created with Boxes.py")
    });
    if boxes {
        return Some(Generator::BoxesPy);
    }
    if let Some(code) = fabrique {
        return Some(Generator::Fabrique(code));
    }
    let root = doc.root_element();
    root.attributes()
        .any(|a| a.name() == "version" && a.namespace().is_some_and(|ns| ns.contains("inkscape")))
        .then_some(Generator::Inkscape)
}

/// The colour code in Fabrique's comment: "cut #FF0000 hairline, score
/// #0000FF hairline, engrave #000000 fill".
fn fabrique_code(comment: &str) -> Option<LabColors> {
    let after = |word: &str| -> Option<Rgb> {
        let start = comment.find(word)? + word.len();
        comment.get(start..start + 7)?.parse().ok()
    };
    Some(LabColors {
        cut: after("cut ")?,
        score: after("score ")?,
        engrave: after("engrave ")?,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<Generator> {
        recognise(&Document::parse(text).unwrap())
    }

    #[test]
    fn generators_are_recognised_by_their_own_marks() {
        let boxes = "<svg><!--\nClosedBox - Fully closed box\nCreated with Boxes.py \
                     (https://festi.info/boxes.py)\n--><g/></svg>";
        assert_eq!(of(boxes), Some(Generator::BoxesPy));
        let fabrique = "<!-- Made with Fabrique for the laser profile \"x\" (y): cut #FF0000 \
                        hairline, score #0000FF hairline, engrave #000000 fill. --><svg/>";
        assert_eq!(
            of(fabrique),
            Some(Generator::Fabrique(LabColors::default()))
        );
        let inkscape = "<svg xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape' \
                        inkscape:version='1.3'/>";
        assert_eq!(of(inkscape), Some(Generator::Inkscape));
        assert_eq!(of("<svg><!-- Boxes.py is nice --></svg>"), None);
    }

    #[test]
    fn boxes_py_colours() {
        let op = |c| Generator::BoxesPy.operation(PaintKind::Stroke, Rgb(c));
        assert_eq!(op([0, 0, 0]), Some(Operation::Cut));
        assert_eq!(op([0, 0, 255]), Some(Operation::Cut));
        assert_eq!(op([0, 0, 128]), Some(Operation::Cut));
        assert_eq!(op([255, 0, 0]), Some(Operation::Ignore));
        assert_eq!(op([0, 255, 0]), Some(Operation::Score));
        assert_eq!(op([0, 255, 255]), Some(Operation::Score));
        assert_eq!(op([255, 255, 0]), None);
    }
}
