//! Colour → laser operation: the choice a maker makes (or accepts) for each
//! colour of a laser file made elsewhere.
//!
//! Every lab and every generator has its own colour code, so the operation
//! of a colour is decided in this order, first answer wins:
//! 1. the maker's own choice ([`ColorRules::chosen_paint`], the app's
//!    colour step, for lines or areas of one colour; [`ColorRules::chosen`],
//!    the CLI's `--colors`, for a colour whatever it paints);
//! 2. the convention of the program that wrote the file, when the file says
//!    who wrote it ([`super::Generator`]);
//! 3. the lab machine's colour code ([`ColorRules::lab`]);
//! 4. otherwise strokes are cut and fills engraved.
//!
//! Colours are compared "give or take" ([`NEAR`] per channel): colour
//! pickers, colour-managed exports and `rgb()` rounding rarely give the
//! exact value, while the colours of a code are far apart.

use std::fmt;
use std::str::FromStr;

/// Two colours whose channels all differ by at most this are the same
/// colour for a colour code (a code's colours differ by ≥ 128 somewhere).
pub const NEAR: u8 = 60;

/// A colour, red, green and blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Black, `#000000`.
    pub const BLACK: Rgb = Rgb([0, 0, 0]);
    /// Red, `#FF0000`.
    pub const RED: Rgb = Rgb([255, 0, 0]);
    /// Blue, `#0000FF`.
    pub const BLUE: Rgb = Rgb([0, 0, 255]);

    /// `true` when every channel is within [`NEAR`] of `other`'s.
    pub fn is_near(self, other: Rgb) -> bool {
        self.0
            .iter()
            .zip(other.0)
            .all(|(a, b)| a.abs_diff(b) <= NEAR)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

/// A colour that is not `#RRGGBB` or `#RGB`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a colour of the form #RRGGBB")]
pub struct BadColor {
    /// The text as given.
    pub text: String,
}

impl FromStr for Rgb {
    type Err = BadColor;

    /// `#RRGGBB` or `#RGB`, either case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadColor {
            text: text.to_owned(),
        };
        let hex = text.trim().strip_prefix('#').ok_or_else(bad)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).map_err(|_| bad());
        match hex.len() {
            6 => Ok(Rgb([
                channel(hex.get(0..2).ok_or_else(bad)?)?,
                channel(hex.get(2..4).ok_or_else(bad)?)?,
                channel(hex.get(4..6).ok_or_else(bad)?)?,
            ])),
            3 => {
                let short = |i: usize| channel(hex.get(i..=i).ok_or_else(bad)?).map(|v| v * 17);
                Ok(Rgb([short(0)?, short(1)?, short(2)?]))
            }
            _ => Err(bad()),
        }
    }
}

/// What the laser does with the lines or areas of one colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Cut through along the lines (or the outline of the area).
    Cut,
    /// Mark the lines without cutting through.
    Score,
    /// Burn the area in.
    Engrave,
    /// Leave it out: annotations, dimensions, guides.
    Ignore,
}

impl Operation {
    /// Every operation, in the order they are listed.
    pub const ALL: [Operation; 4] = [
        Operation::Cut,
        Operation::Score,
        Operation::Engrave,
        Operation::Ignore,
    ];

    /// The word used on the command line and in files: `cut`, `score`,
    /// `engrave`, `ignore`.
    pub fn keyword(self) -> &'static str {
        match self {
            Operation::Cut => "cut",
            Operation::Score => "score",
            Operation::Engrave => "engrave",
            Operation::Ignore => "ignore",
        }
    }
}

/// Whether a colour paints lines or areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaintKind {
    /// The colour of a stroke (a line).
    Stroke,
    /// The colour of a fill (an area).
    Fill,
}

/// A lab machine's colour code: the colours its laser software reads as
/// cut, score and engrave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabColors {
    /// Stroke colour meaning "cut".
    pub cut: Rgb,
    /// Stroke colour meaning "score".
    pub score: Rgb,
    /// Fill colour meaning "engrave".
    pub engrave: Rgb,
}

impl Default for LabColors {
    /// The most common code: red cut, blue score, black engrave.
    fn default() -> Self {
        Self {
            cut: Rgb::RED,
            score: Rgb::BLUE,
            engrave: Rgb::BLACK,
        }
    }
}

impl LabColors {
    /// The operation this code gives to `color` painted as `kind`, if any.
    /// A stroke in the engrave colour is left to the fallback: an engrave
    /// colour names areas, and black lines are cut lines in most drawings.
    pub fn operation(&self, kind: PaintKind, color: Rgb) -> Option<Operation> {
        let fill_engraves = kind == PaintKind::Fill && color.is_near(self.engrave);
        if fill_engraves {
            Some(Operation::Engrave)
        } else if color.is_near(self.cut) {
            Some(Operation::Cut)
        } else if color.is_near(self.score) {
            Some(Operation::Score)
        } else {
            None
        }
    }
}

/// Why a colour got its operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The maker chose it.
    Chosen,
    /// The convention of the program that wrote the file.
    Generator,
    /// The lab machine's colour code.
    Lab,
    /// Nothing said otherwise: strokes cut, fills engrave.
    Fallback,
}

/// How colours become operations on import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColorRules {
    /// The lab machine's colour code.
    pub lab: LabColors,
    /// The maker's choices, which override everything (exact colours).
    pub chosen: Vec<(Rgb, Operation)>,
    /// The maker's choices for the lines or the areas of one exact colour
    /// (the app's colour step lists them apart), before [`Self::chosen`].
    pub chosen_paint: Vec<(PaintKind, Rgb, Operation)>,
}

/// A `--colors` list that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColorChoiceError {
    /// An item is not `COLOUR=OPERATION`.
    #[error("{item:?} is not of the form #RRGGBB=operation")]
    NotAPair {
        /// The item as given.
        item: String,
    },
    /// The colour of an item is not `#RRGGBB`.
    #[error(transparent)]
    Color(#[from] BadColor),
    /// The operation of an item is not cut, score, engrave or ignore.
    #[error("{word:?} is not cut, score, engrave or ignore")]
    Operation {
        /// The word as given.
        word: String,
    },
}

/// Reads `#0000ff=cut,#ff0000=ignore` (spaces allowed, operations in
/// English or French: coupe, marque, grave, ignore).
pub fn parse_choices(text: &str) -> Result<Vec<(Rgb, Operation)>, ColorChoiceError> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (color, word) = item
                .split_once('=')
                .ok_or_else(|| ColorChoiceError::NotAPair {
                    item: item.to_owned(),
                })?;
            let color: Rgb = color.trim().parse()?;
            let word = word.trim().to_lowercase();
            let operation = match word.as_str() {
                "cut" | "coupe" | "couper" => Operation::Cut,
                "score" | "marque" | "marquer" => Operation::Score,
                "engrave" | "grave" | "graver" => Operation::Engrave,
                "ignore" | "ignorer" => Operation::Ignore,
                _ => return Err(ColorChoiceError::Operation { word }),
            };
            Ok((color, operation))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_and_print() {
        assert_eq!("#0000ff".parse::<Rgb>(), Ok(Rgb::BLUE));
        assert_eq!("#F00".parse::<Rgb>(), Ok(Rgb::RED));
        assert_eq!(Rgb([1, 171, 255]).to_string(), "#01ABFF");
        for bad in ["0000ff", "#00ff", "#gg0000", "", "#ÉÉ00"] {
            assert!(bad.parse::<Rgb>().is_err(), "{bad}");
        }
    }

    #[test]
    fn lab_code_names_strokes_and_fills() {
        let lab = LabColors::default();
        let op = |kind, c: [u8; 3]| lab.operation(kind, Rgb(c));
        assert_eq!(op(PaintKind::Stroke, [250, 10, 5]), Some(Operation::Cut));
        assert_eq!(op(PaintKind::Stroke, [10, 20, 230]), Some(Operation::Score));
        assert_eq!(op(PaintKind::Fill, [0, 0, 0]), Some(Operation::Engrave));
        assert_eq!(op(PaintKind::Fill, [255, 0, 0]), Some(Operation::Cut));
        // Black lines and other colours are left to the fallback.
        assert_eq!(op(PaintKind::Stroke, [0, 0, 0]), None);
        assert_eq!(op(PaintKind::Stroke, [128, 128, 255]), None);
    }

    #[test]
    fn choices_read_in_both_languages() {
        let got = parse_choices("#0000ff=cut, #FF0000 = ignore,#0f0=grave").unwrap();
        assert_eq!(
            got,
            [
                (Rgb::BLUE, Operation::Cut),
                (Rgb::RED, Operation::Ignore),
                (Rgb([0, 255, 0]), Operation::Engrave)
            ]
        );
        assert!(matches!(
            parse_choices("#0000ff"),
            Err(ColorChoiceError::NotAPair { .. })
        ));
        assert!(matches!(
            parse_choices("#0000ff=burn"),
            Err(ColorChoiceError::Operation { .. })
        ));
        assert!(matches!(
            parse_choices("blue=cut"),
            Err(ColorChoiceError::Color(_))
        ));
    }
}
