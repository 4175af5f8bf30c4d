//! Exact number fields: type a value, press Enter (or click elsewhere) and
//! it applies as one undo step; nonsense (letters, NaN, negative sizes,
//! absurdly large values) is refused with a message under the field.

use std::collections::HashMap;

use crate::i18n::I18n;
use geometry::transform::NumberProblem;

/// Text being typed in the fields, and the last refusal.
#[derive(Debug, Default)]
pub struct FieldBuffers {
    texts: HashMap<&'static str, String>,
    /// The field whose value was refused, and why (translated).
    pub problem: Option<(&'static str, String)>,
    /// What the fields were about when last shown: the selection and the
    /// document's revision. A refusal is about that; it goes when they change.
    subject: Option<(Vec<geometry::ShapeId>, u64)>,
}

impl FieldBuffers {
    /// Forgets a refusal once the fields show something else: another
    /// selection, or shapes changed some other way (a drag, an undo).
    pub fn follow(&mut self, selection: &[geometry::ShapeId], revision: u64) {
        let subject = (selection.to_vec(), revision);
        if self.subject.as_ref() != Some(&subject) {
            if self
                .subject
                .as_ref()
                .is_some_and(|(s, _)| s.as_slice() != selection)
            {
                self.problem = None;
            } else if self.subject.is_some() {
                // The same shapes changed: the refused value is stale too.
                self.problem = None;
            }
            self.subject = Some(subject);
        }
    }
}

/// Formats a length for a field: up to two decimals, no trailing zeros,
/// with the language's decimal separator ("2,5" in French, "2.5" in
/// English); both are accepted when typed.
pub fn format_number(value: f64, decimal: char) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    text.replace('.', &decimal.to_string())
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
    // Clicking or tabbing into a field selects all of it, so typing
    // replaces the value ("50", not "7550"); a double click too (egui's
    // would select only the digits before the separator).
    if response.gained_focus() || response.double_clicked() {
        select_all(ui.ctx(), response.id, text.chars().count());
    }
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
                if !geometry::approx::approx_eq(value, current, geometry::approx::EPSILON_MM) {
                    committed = Some(value);
                }
            }
            Err(problem) => buffers.problem = Some((id, i18n.tr(problem.key()))),
        }
    }
    // egui may report the loss of focus on two frames: keep the typed text
    // until then, or the second report would re-apply the old value.
    if !response.has_focus() && !response.lost_focus() {
        *buffers.texts.entry(id).or_default() = format_number(current, i18n.decimal_separator());
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

/// Selects the whole text of the text field `id`, `chars` long.
pub fn select_all(ctx: &egui::Context, id: egui::Id, chars: usize) {
    use egui::text::{CCursor, CCursorRange};
    // A field shown for the first time has no state yet: make one.
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let all = CCursorRange::two(CCursor::new(0), CCursor::new(chars));
    state.cursor.set_char_range(Some(all));
    state.store(ctx, id);
}

/// A positive whole number (sides, points), at least `min` and at most `max`.
pub fn parse_count(text: &str, min: u32, max: u32) -> Result<u32, NumberProblem> {
    let value = geometry::transform::parse_number(text)?;
    if value.fract() != 0.0 || value < f64::from(min) {
        Err(NumberProblem::NotPositive)
    } else if value > f64::from(max) {
        Err(NumberProblem::TooLarge)
    } else {
        Ok(value as u32)
    }
}
