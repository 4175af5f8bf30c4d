//! The form of a quick project: for a name project the name field already
//! has the keyboard, the letter size, font and hole are set right, and one
//! big "Create" button makes it; for the coaster, the diameter and a
//! picture to choose (a sample in one click, or one's own). A view: it
//! keeps only what is typed and answers with a [`QuickOutcome`].

use egui::RichText;

use super::QuickKind;
use super::shapes::{CoasterParams, NameParams};
use crate::i18n::{Arg, I18n};
use crate::ui::panels::fields::format_number;
use crate::ui::sample_choice::samples_row_ui;

/// Letter sizes a name project accepts, mm: smaller letters break off a
/// print or burn away; larger ones make a plate no bed takes.
const LETTER_SIZES_MM: (f64, f64) = (5.0, 50.0);
/// Diameters a coaster accepts, mm.
const DIAMETERS_MM: (f64, f64) = (40.0, 250.0);
/// The font the name projects start with: bold strokes print and cut well.
const START_FONT: &str = "Lato Bold";

/// A picture for the coaster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PictureChoice {
    /// A sample compiled into the app, by file name.
    Sample(&'static str),
    /// One of the person's own pictures, chosen in the file dialog.
    File,
}

/// What the form asks of the app.
#[derive(Debug)]
pub enum QuickOutcome {
    /// Still open.
    Open,
    /// Cancelled.
    Closed,
    /// Make this name project.
    Name(QuickKind, NameParams),
    /// Make a coaster from this picture (traced first).
    Picture(CoasterParams, PictureChoice),
}

/// State of the form.
#[derive(Debug)]
pub struct QuickDialog {
    /// The project.
    pub kind: QuickKind,
    name: String,
    size: String,
    font: String,
    hole: bool,
    /// Give the keyboard to the first field on the first frame.
    focus_pending: bool,
    problem: Option<String>,
}

impl QuickDialog {
    /// A form for `kind` with its starting values (`decimal`: the
    /// language's separator).
    pub fn new(kind: QuickKind, decimal: char) -> Self {
        let size = match kind {
            QuickKind::Keychain => 12.0,
            QuickKind::Badge => 15.0,
            QuickKind::Coaster => 90.0,
        };
        Self {
            kind,
            name: String::new(),
            size: format_number(size, decimal),
            font: START_FONT.to_owned(),
            hole: true,
            focus_pending: true,
            problem: None,
        }
    }

    /// The typed size, if it is a number within `range`.
    fn size_in(&self, range: (f64, f64), i18n: &I18n, key: &str) -> Result<f64, String> {
        geometry::transform::parse_size(&self.size)
            .ok()
            .filter(|v| (range.0..=range.1).contains(v))
            .ok_or_else(|| {
                let decimal = i18n.decimal_separator();
                i18n.tr_args(
                    key,
                    &[
                        ("min", Arg::Text(format_number(range.0, decimal))),
                        ("max", Arg::Text(format_number(range.1, decimal))),
                    ],
                )
            })
    }

    /// The name project's answers, or what to correct.
    fn name_params(&self, i18n: &I18n) -> Result<NameParams, String> {
        if self.name.trim().is_empty() {
            return Err(i18n.tr("quick-error-no-name"));
        }
        let letter_size = self.size_in(LETTER_SIZES_MM, i18n, "quick-error-letter-size")?;
        Ok(NameParams {
            name: self.name.trim().to_owned(),
            letter_size,
            font: self.font.clone(),
            hole: self.hole,
        })
    }

    /// A labelled one-line field; the first one takes the keyboard once.
    /// `true` when Enter was pressed in it.
    fn field(&mut self, ui: &mut egui::Ui, label: &str, which: Field) -> bool {
        let label = ui.label(label);
        let text = match which {
            Field::Name => &mut self.name,
            Field::Size => &mut self.size,
        };
        let edit = egui::TextEdit::singleline(text)
            .desired_width(if which == Field::Name { 220.0 } else { 90.0 })
            .id_salt(("quick", which as u8));
        let response = ui.add(edit).labelled_by(label.id);
        // A number is selected whole on focus, so typing replaces it.
        if which == Field::Size && (response.gained_focus() || response.double_clicked()) {
            let chars = self.size.chars().count();
            crate::ui::panels::fields::select_all(ui.ctx(), response.id, chars);
        }
        // Asked again until it holds, so a request lost on the modal's
        // first frame (it only measures itself) cannot leave it without.
        let first = match self.kind {
            QuickKind::Keychain | QuickKind::Badge => Field::Name,
            QuickKind::Coaster => Field::Size,
        };
        if self.focus_pending && which == first {
            if response.has_focus() {
                self.focus_pending = false;
                let chars = text_chars(self, which);
                crate::ui::panels::fields::select_all(ui.ctx(), response.id, chars);
            } else {
                response.request_focus();
            }
        }
        ui.end_row();
        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
    }

    /// Shows the form.
    pub fn dialog_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> QuickOutcome {
        ui.set_max_width(460.0);
        let key = self.kind.title_key();
        ui.heading(i18n.tr(key));
        ui.add(egui::Label::new(i18n.tr(&format!("{key}-intro"))).wrap());
        ui.add_space(6.0);
        let mut outcome = QuickOutcome::Open;
        // Enter in a field of a name project does what "Create" does.
        let mut entered = false;
        egui::Grid::new("quick_fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| match self.kind {
                QuickKind::Keychain | QuickKind::Badge => {
                    entered |= self.field(ui, &i18n.tr("quick-name"), Field::Name);
                    entered |= self.field(ui, &i18n.tr("quick-letter-size"), Field::Size);
                    let label = ui.label(i18n.tr("quick-font"));
                    egui::ComboBox::from_id_salt("quick_font")
                        .selected_text(&self.font)
                        .show_ui(ui, |ui| {
                            for font in geometry::text::FONTS {
                                ui.selectable_value(&mut self.font, font.to_owned(), font);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut self.hole, i18n.tr("quick-hole"));
                    ui.end_row();
                }
                QuickKind::Coaster => {
                    let _ = self.field(ui, &i18n.tr("quick-diameter"), Field::Size);
                }
            });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(8.0);
        match self.kind {
            QuickKind::Keychain | QuickKind::Badge => {
                let create = egui::Button::new(RichText::new(i18n.tr("quick-create")).size(20.0))
                    .min_size(egui::vec2(200.0, 40.0));
                if ui.add(create).clicked() || entered {
                    match self.name_params(i18n) {
                        Ok(params) => outcome = QuickOutcome::Name(self.kind, params),
                        Err(problem) => self.problem = Some(problem),
                    }
                }
            }
            QuickKind::Coaster => {
                ui.label(i18n.tr("quick-choose-picture"));
                let mut choice = None;
                ui.horizontal_wrapped(|ui| {
                    choice = samples_row_ui(ui, i18n, 18.0).map(PictureChoice::Sample);
                    let own = RichText::new(i18n.tr("quick-own-picture")).size(18.0);
                    if ui.button(own).clicked() {
                        choice = Some(PictureChoice::File);
                    }
                });
                if let Some(choice) = choice {
                    match self.size_in(DIAMETERS_MM, i18n, "quick-error-diameter") {
                        Ok(diameter) => {
                            outcome = QuickOutcome::Picture(CoasterParams { diameter }, choice)
                        }
                        Err(problem) => self.problem = Some(problem),
                    }
                }
            }
        }
        ui.add_space(4.0);
        if ui.button(i18n.tr("button-cancel")).clicked() {
            outcome = QuickOutcome::Closed;
        }
        outcome
    }
}

/// How long the text of field `which` is, in characters.
fn text_chars(form: &QuickDialog, which: Field) -> usize {
    match which {
        Field::Name => form.name.chars().count(),
        Field::Size => form.size.chars().count(),
    }
}

/// The form's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Size,
}
