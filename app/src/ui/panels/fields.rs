//! Exact number fields: type a value, press Enter (or click elsewhere) and
//! it applies as one undo step; nonsense (letters, NaN, negative sizes,
//! absurdly large values) is refused with a message under the field.

use std::collections::HashMap;

use crate::ui::i18n::I18n;
use crate::ui::transform::NumberProblem;

/// Text being typed in the fields, and the last refusal.
#[derive(Debug, Default)]
pub struct FieldBuffers {
    texts: HashMap<&'static str, String>,
    /// The field whose value was refused, and why (translated).
    pub problem: Option<(&'static str, String)>,
}

/// Formats a length for a field: up to two decimals, no trailing zeros,
/// with the user's decimal separator habit ignored (we accept both).
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A labelled number field in a two-column grid row. Returns the new value
/// when the user committed a valid, different one.
pub fn number_row_ui(
    ui: &mut egui::Ui,
    buffers: &mut FieldBuffers,
    i18n: &I18n,
    id: &'static str,
    current: f64,
    parse: fn(&str) -> Result<f64, NumberProblem>,
) -> Option<f64> {
    let label = ui
        .label(i18n.tr(id))
        .on_hover_text(i18n.tr(&format!("{id}-tooltip")));
    let text = buffers.texts.entry(id).or_default();
    let edit = egui::TextEdit::singleline(text)
        .desired_width(90.0)
        .id_salt(id);
    let response = ui.add(edit).labelled_by(label.id);
    crate::ui::tutorial::targets::mark(ui.ctx(), id, response.rect);
    ui.end_row();
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    let mut committed = None;
    if response.lost_focus() && !escaped {
        match parse(text) {
            Ok(value) => {
                if buffers
                    .problem
                    .as_ref()
                    .is_some_and(|(field, _)| *field == id)
                {
                    buffers.problem = None;
                }
                if (value - current).abs() > 1e-9 {
                    committed = Some(value);
                }
            }
            Err(problem) => buffers.problem = Some((id, i18n.tr(problem.key()))),
        }
    }
    // egui may report the loss of focus on two frames: keep the typed text
    // until then, or the second report would re-apply the old value.
    if !response.has_focus() && !response.lost_focus() {
        *buffers.texts.entry(id).or_default() = format_number(current);
    }
    if let Some((field, message)) = &buffers.problem
        && *field == id
    {
        ui.label("");
        // Wrapped to the panel: a long message must never widen it.
        let text = egui::RichText::new(message).color(ui.visuals().error_fg_color);
        ui.add(egui::Label::new(text).wrap());
        ui.end_row();
    }
    committed
}

/// A positive whole number (sides, points), at least `min` and at most `max`.
pub fn parse_count(text: &str, min: u32, max: u32) -> Result<u32, NumberProblem> {
    let value = crate::ui::transform::parse_number(text)?;
    if value.fract() != 0.0 || value < f64::from(min) {
        Err(NumberProblem::NotPositive)
    } else if value > f64::from(max) {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value as u32)
    }
}
