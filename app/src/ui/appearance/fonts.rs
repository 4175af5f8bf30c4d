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

pub use crate::model::appearance::ReadingFont;
use egui::{FontData, FontDefinitions, FontFamily};

/// The family that draws text in `font` (symbols from egui's fonts): the
/// Display window writes each choice in its own font.
pub fn family(font: ReadingFont) -> FontFamily {
    FontFamily::Name(font.font_name().into())
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
        definitions.families.insert(family(font), list.clone());
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
    use crate::model::appearance::UBUNTU;

    #[test]
    fn the_chosen_font_comes_first_and_the_others_stay_as_fallback() {
        for chosen in ReadingFont::ALL {
            let definitions = definitions(chosen);
            let proportional = &definitions.families[&FontFamily::Proportional];
            assert_eq!(proportional[0], chosen.font_name());
            assert!(proportional.iter().any(|f| f == UBUNTU), "{chosen:?}");
            for font in ReadingFont::ALL {
                assert!(definitions.font_data.contains_key(font.font_name()));
                assert_eq!(definitions.families[&family(font)][0], font.font_name());
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
