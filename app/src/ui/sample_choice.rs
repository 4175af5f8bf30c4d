//! The sample pictures shipped with Fabrique as one row of buttons, each
//! with the picture's name in words ("Une feuille"): offered by the import
//! dialog and the picture coaster, so a first-timer who has no picture at
//! hand still has something to trace, in one click.

use egui::RichText;

use super::tutorial::samples::SAMPLES;
use crate::i18n::I18n;

/// The translation key of a sample picture's name ("feuille.png" →
/// `sample-feuille`).
pub fn sample_key(file: &str) -> String {
    let stem = file.split('.').next().unwrap_or(file);
    format!("sample-{stem}")
}

/// One button per sample picture, text `size` points; the file name of the
/// one clicked.
pub fn samples_row_ui(ui: &mut egui::Ui, i18n: &I18n, size: f32) -> Option<&'static str> {
    let mut chosen = None;
    for (file, _) in SAMPLES {
        let text = RichText::new(i18n.tr(&sample_key(file))).size(size);
        if ui.button(text).clicked() {
            chosen = Some(file);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn every_sample_has_a_name_in_both_languages() {
        for language in Language::ALL {
            let i18n = I18n::new(language);
            for (file, _) in SAMPLES {
                assert!(i18n.has(&sample_key(file)), "{language:?} {file}");
            }
        }
    }
}
