//! The interface's reading font: Andika (the default, designed by SIL for
//! beginning readers: clear a/d/b/q shapes, every French accent), egui's
//! own Ubuntu (thinner, more text per line), or B612 (designed with Airbus
//! and ENAC for reading on cockpit screens in poor conditions: open
//! shapes, letters that cannot be mistaken for one another — our choice
//! for low vision). All three are bundled, their licences beside them in
//! `assets/fonts/`; egui's default fonts stay as the fallback for symbols.
//!
//! Current limitations: Luciole (made in France for low vision) and
//! Atkinson Hyperlegible are not packaged by Debian nor on crates.io, the
//! only sources fonts may come from here; B612 stands in for them.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};
use serde::{Deserialize, Serialize};

/// A font the interface can be read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadingFont {
    /// Andika, for beginning readers.
    #[default]
    Andika,
    /// egui's own font (Ubuntu Light).
    Ubuntu,
    /// B612, very legible, for low vision.
    B612,
}

/// egui's name of its own proportional font.
const UBUNTU: &str = "Ubuntu-Light";

impl ReadingFont {
    /// Every choice, in the Display window's order.
    pub const ALL: [ReadingFont; 3] = [ReadingFont::Andika, ReadingFont::Ubuntu, ReadingFont::B612];

    /// The font's name in egui's font definitions (and its family of that
    /// name, so the Display window shows each choice in its own font).
    pub fn font_name(self) -> &'static str {
        match self {
            ReadingFont::Andika => "Andika",
            ReadingFont::Ubuntu => UBUNTU,
            ReadingFont::B612 => "B612",
        }
    }

    /// The translation key of its description in the Display window.
    pub fn key(self) -> &'static str {
        match self {
            ReadingFont::Andika => "appearance-font-andika",
            ReadingFont::Ubuntu => "appearance-font-ubuntu",
            ReadingFont::B612 => "appearance-font-b612",
        }
    }

    /// The family that draws text in this font (symbols from egui's fonts).
    pub fn family(self) -> FontFamily {
        FontFamily::Name(self.font_name().into())
    }
}

/// egui's fonts with ours added, `chosen` first for all proportional text.
pub fn definitions(chosen: ReadingFont) -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    definitions.font_data.insert(
        "Andika".to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../../../assets/fonts/Andika-Regular.ttf"
        ))),
    );
    definitions.font_data.insert(
        "B612".to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../../../assets/fonts/B612-Regular.otf"
        ))),
    );
    let fallback: Vec<String> = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for font in ReadingFont::ALL {
        let mut list = vec![font.font_name().to_owned()];
        list.extend(fallback.iter().filter(|f| *f != font.font_name()).cloned());
        definitions.families.insert(font.family(), list.clone());
        if font == chosen {
            definitions.families.insert(FontFamily::Proportional, list);
        }
    }
    definitions
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_font_comes_first_and_the_others_stay_as_fallback() {
        for chosen in ReadingFont::ALL {
            let definitions = definitions(chosen);
            let proportional = &definitions.families[&FontFamily::Proportional];
            assert_eq!(proportional[0], chosen.font_name());
            assert!(proportional.iter().any(|f| f == UBUNTU), "{chosen:?}");
            for font in ReadingFont::ALL {
                assert!(definitions.font_data.contains_key(font.font_name()));
                assert_eq!(definitions.families[&font.family()][0], font.font_name());
            }
        }
    }

    #[test]
    fn every_font_has_every_french_letter() {
        let french = "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»€’";
        for font in [ReadingFont::Andika, ReadingFont::B612] {
            // A family of this font alone: no fallback hides a missing letter.
            let mut definitions = definitions(font);
            let alone = FontFamily::Name("alone".into());
            definitions
                .families
                .insert(alone.clone(), vec![font.font_name().to_owned()]);
            let mut fonts = egui::epaint::text::Fonts::new(Default::default(), definitions);
            let id = egui::FontId::new(14.0, alone);
            for c in french.chars() {
                assert!(fonts.has_glyph(&id, c), "{font:?} lacks {c}");
            }
        }
    }
}
